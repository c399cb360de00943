import type { VneidIdentityDto } from '@dvc/contracts';
import type { UnitOfWork } from '@dvc/messaging';
import { Account, NewAccount } from '../accounts/accounts.dto';
import type { AccountsRepository } from '../accounts/accounts.repository';
import type { SessionsService } from '../sessions/sessions.service';
import type { ExchangeCodes } from './exchange-codes';
import type { VneidLink, VneidLinksRepository } from './vneid-links.repository';
import { VneidService } from './vneid.service';

const AN: VneidIdentityDto = {
  subject: 'vneid-001090000001',
  idNumber: '001090000001',
  fullName: 'Nguyễn Văn An',
  birthDate: '1990-05-14',
  email: 'an@example.vn',
  address: 'Số 12 phố Lý Thường Kiệt, phường Cửa Nam, thành phố Hà Nội',
};

/** VneidService over in-memory accounts and links: the linking rules, nothing else. */
function newService() {
  const accounts: Account[] = [];
  const links: VneidLink[] = [];
  const events: unknown[] = [];
  const linkedAt = (id: string) => links.find((l) => l.accountId === id)?.linkedAt ?? null;
  const view = (a: Account) => ({ ...a, vneidLinkedAt: linkedAt(a.id) });
  const repository = {
    findByIdNumber: async (_m: unknown, idNumber: string) =>
      accounts.filter((a) => a.idNumber === idNumber).map(view),
    findByEmail: async (email: string) => accounts.find((a) => a.email === email) ?? null,
    findById: async (id: string) => accounts.find((a) => a.id === id) ?? null,
    findByIdForUpdate: async (_m: unknown, id: string) => {
      const account = accounts.find((a) => a.id === id);
      return account ? view(account) : null;
    },
    setIdNumber: async (_m: unknown, id: string, idNumber: string) => {
      accounts.find((a) => a.id === id)!.idNumber = idNumber;
    },
    fillAddress: async (_m: unknown, id: string, address: string) => {
      const account = accounts.find((a) => a.id === id)!;
      account.address ??= address;
    },
    releaseIdNumber: async (_m: unknown, idNumber: string, keep: string) => {
      const released = accounts.filter((a) => a.idNumber === idNumber && a.id !== keep);
      for (const a of released) a.idNumber = null;
      return released;
    },
    insert: async (_m: unknown, a: NewAccount) => {
      const account: Account = {
        ...a,
        id: `account-${accounts.length + 1}`,
        birthDate: a.birthDate ?? null,
        address: a.address ?? null,
        vneidLinkedAt: null,
        createdAt: new Date(),
      };
      accounts.push(account);
      return account;
    },
  };
  const linkRepository = {
    findBySubject: async (_m: unknown, subject: string) =>
      links.find((l) => l.subject === subject) ?? null,
    insert: async (_m: unknown, link: Omit<VneidLink, 'linkedAt'>) => {
      if (links.some((l) => l.subject === link.subject || l.accountId === link.accountId))
        return null;
      const stored = { ...link, linkedAt: new Date() };
      links.push(stored);
      return stored;
    },
  };
  const uow = {
    run: (_id: unknown, work: (tx: unknown) => unknown) =>
      work({ manager: {}, publish: async (e: unknown) => void events.push(e) }),
  };
  const codes = { issue: async (accountId: string) => `code-for-${accountId}` };
  const sut = new VneidService(
    uow as unknown as UnitOfWork,
    repository as unknown as AccountsRepository,
    linkRepository as unknown as VneidLinksRepository,
    {} as SessionsService,
    codes as unknown as ExchangeCodes,
  );
  const ctx = { correlationId: null, ip: null };
  const holder = (idNumber: string, email: string, status: Account['status'] = 'active') =>
    repository.insert(null, {
      email,
      passwordHash: '$argon2id$x',
      fullName: 'Người đăng ký',
      phone: null,
      idNumber,
      locale: 'vi',
      status,
      roles: ['citizen'],
    });
  return { sut, ctx, accounts, links, events, holder };
}

describe('VneidService.signIn', () => {
  it('creates a verified citizen account without a password, linked, on a first login', async () => {
    const { sut, ctx, accounts, links, events } = newService();
    const answer = await sut.signIn(AN, ctx);
    expect(accounts).toEqual([
      expect.objectContaining({
        email: 'an@example.vn',
        passwordHash: null,
        idNumber: AN.idNumber,
        birthDate: '1990-05-14',
        address: AN.address,
        status: 'active',
        roles: ['citizen'],
      }),
    ]);
    expect(links).toEqual([expect.objectContaining({ accountId: accounts[0].id })]);
    expect(events).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ created: true }) }),
    ]);
    expect(answer).toEqual({ code: `code-for-${accounts[0].id}`, expiresIn: 60 });
  });

  it('signs the same VNeID identity in to the same account next time, linking nothing new', async () => {
    const { sut, ctx, accounts, events } = newService();
    const first = await sut.signIn(AN, ctx);
    const second = await sut.signIn(AN, ctx);
    expect(second.code).toBe(first.code);
    expect(accounts).toHaveLength(1);
    expect(events).toHaveLength(1);
  });

  it('never signs in to an account that merely declared the same ID number: a new verified account gets it', async () => {
    const { sut, ctx, accounts, links, events, holder } = newService();
    const squatter = await holder(AN.idNumber, 'attacker@example.vn');
    const answer = await sut.signIn(AN, ctx);
    const created = accounts.find((a) => a.id !== squatter.id)!;
    expect(answer.code).toBe(`code-for-${created.id}`);
    expect(created).toMatchObject({ idNumber: AN.idNumber, passwordHash: null });
    expect(links).toEqual([expect.objectContaining({ accountId: created.id })]);
    // The unproven number is released, and its holder told by email.
    expect(squatter.idNumber).toBeNull();
    expect(events).toContainEqual({
      type: 'identity.account.id_number_released',
      data: expect.objectContaining({
        accountId: squatter.id,
        email: 'attacker@example.vn',
        maskedIdNumber: '*********001',
      }),
    });
  });

  it('never signs in to a pending account holding the number', async () => {
    const { sut, ctx, accounts, holder } = newService();
    const pending = await holder(AN.idNumber, 'someone@example.vn', 'pending');
    expect((await sut.signIn(AN, ctx)).code).not.toBe(`code-for-${pending.id}`);
    expect(accounts).toHaveLength(2);
  });

  it('gives the number to the proven holder even when several accounts declared it', async () => {
    const { sut, ctx, holder, accounts } = newService();
    await holder(AN.idNumber, 'one@example.vn');
    await holder(AN.idNumber, 'two@example.vn');
    await sut.signIn(AN, ctx);
    expect(accounts.filter((a) => a.idNumber === AN.idNumber)).toEqual([
      expect.objectContaining({ passwordHash: null, email: 'an@example.vn' }),
    ]);
  });

  it('refuses a second VNeID identity carrying a number another VNeID identity proved', async () => {
    const { sut, ctx, accounts } = newService();
    await sut.signIn(AN, ctx);
    await expect(sut.signIn({ ...AN, subject: 'another-subject' }, ctx)).rejects.toMatchObject({
      code: 'vneid.already_linked',
    });
    expect(accounts).toHaveLength(1);
  });

  it('creates the account without the email when another account has it', async () => {
    const { sut, ctx, accounts, holder } = newService();
    await holder('079185000002', 'an@example.vn');
    await sut.signIn(AN, ctx);
    expect(accounts[1]).toMatchObject({ idNumber: AN.idNumber, email: null });
  });
});

describe('VneidService.link (from Trang cá nhân, signed in)', () => {
  it("links the signed-in account and makes VNeID's number its own, released from the others", async () => {
    const { sut, ctx, links, holder } = newService();
    const own = await holder('079185000002', 'an@example.vn');
    const squatter = await holder(AN.idNumber, 'attacker@example.vn');
    await sut.link({ accountId: own.id, identity: AN }, ctx);
    expect(links).toEqual([expect.objectContaining({ accountId: own.id, subject: AN.subject })]);
    expect(own.idNumber).toBe(AN.idNumber);
    expect(squatter.idNumber).toBeNull();
    // The next VNeID login enters that account.
    expect((await sut.signIn(AN, ctx)).code).toBe(`code-for-${own.id}`);
  });

  it("keeps the address the holder typed, and takes VNeID's when there was none", async () => {
    const { sut, ctx, holder } = newService();
    const typed = await holder('079185000002', 'typed@example.vn');
    typed.address = 'Thôn Đông, xã Yên Sở, Hà Nội';
    await sut.link({ accountId: typed.id, identity: AN }, ctx);
    expect(typed.address).toBe('Thôn Đông, xã Yên Sở, Hà Nội');

    const { sut: other, holder: otherHolder } = newService();
    const blank = await otherHolder('079185000003', 'blank@example.vn');
    await other.link({ accountId: blank.id, identity: AN }, ctx);
    expect(blank.address).toBe(AN.address);
  });

  it('refuses a pending account, an account already linked and an identity linked elsewhere', async () => {
    const { sut, ctx, holder } = newService();
    const pending = await holder(AN.idNumber, 'p@example.vn', 'pending');
    await expect(sut.link({ accountId: pending.id, identity: AN }, ctx)).rejects.toMatchObject({
      code: 'vneid.link_not_allowed',
    });
    const one = await holder('079185000002', 'one@example.vn');
    const two = await holder('079185000003', 'two@example.vn');
    await sut.link({ accountId: one.id, identity: AN }, ctx);
    await expect(sut.link({ accountId: two.id, identity: AN }, ctx)).rejects.toMatchObject({
      code: 'vneid.already_linked',
    });
    await expect(
      sut.link({ accountId: one.id, identity: { ...AN, subject: 'another-subject' } }, ctx),
    ).rejects.toMatchObject({ code: 'vneid.already_linked' });
  });
});
