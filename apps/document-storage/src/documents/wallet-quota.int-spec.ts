import {
  Caller,
  DomainError,
  IssuedDocumentView,
  PersonalDocumentView,
  StorageRpc,
} from '@dvc/contracts';
import { problemOf } from '@dvc/testing';
import { samplePdf } from '../../test/sample-files';
import { StorageTestContext, startStorageContext } from '../../test/storage-context';

jest.setTimeout(60_000);

const WALLET_MAX_DOCUMENTS = 3;
const WALLET_MAX_BYTES = 60_000;

/** Each account's wallet (giấy tờ cá nhân) has a quota of documents and of bytes. */
describe('wallet quota', () => {
  let ctx: StorageTestContext;

  beforeAll(async () => {
    ctx = await startStorageContext({
      WALLET_MAX_DOCUMENTS: String(WALLET_MAX_DOCUMENTS),
      WALLET_MAX_BYTES: String(WALLET_MAX_BYTES),
    });
  }, 120_000);
  afterAll(() => ctx?.close(), 30_000);

  const addDocument = async (owner: Caller, title: string, padding = 0) => {
    const file = await ctx.uploaded(await samplePdf(title, Buffer.alloc(padding, 0x20)), {
      owner: owner.accountId,
      purpose: 'wallet',
    });
    return ctx.rpc<PersonalDocumentView>(
      StorageRpc.createDocument,
      { fileId: file.id, type: 'other', title },
      owner,
    );
  };

  it('refuses a document past the count with 409 document.wallet_full; another account is apart', async () => {
    const owner = ctx.newCitizen();
    for (let i = 0; i < WALLET_MAX_DOCUMENTS; i++) await addDocument(owner, `giay to ${i}`);
    const full = await problemOf(addDocument(owner, 'mot giay to qua nhieu'));
    expect(full).toMatchObject({
      status: 409,
      code: 'document.wallet_full',
      maxDocuments: WALLET_MAX_DOCUMENTS,
      usedDocuments: WALLET_MAX_DOCUMENTS,
    });
    expect(full.detail).toContain(String(WALLET_MAX_DOCUMENTS));
    expect(await addDocument(ctx.newCitizen(), 'cua nguoi khac')).toMatchObject({ type: 'other' });
  });

  it('refuses a document past the bytes, and of two at once with room for one, takes one', async () => {
    const owner = ctx.newCitizen();
    const first = await addDocument(owner, 'nho');
    const large = WALLET_MAX_BYTES - first.file.size - 20_000;
    const concurrent = await Promise.allSettled([
      addDocument(owner, 'lon mot', large),
      addDocument(owner, 'lon hai', large),
    ]);
    expect(concurrent.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = concurrent.find((o) => o.status === 'rejected')!;
    expect((refused.reason as DomainError).toProblem()).toMatchObject({
      status: 409,
      code: 'document.wallet_full',
      maxBytes: WALLET_MAX_BYTES,
    });
    expect(await ctx.rpc<PersonalDocumentView[]>(StorageRpc.listDocuments, {}, owner)).toHaveLength(
      2,
    );
  });

  it('takes a delivered result into a full wallet, and does not count it (D135)', async () => {
    const owner = ctx.newCitizen();
    for (let i = 0; i < WALLET_MAX_DOCUMENTS; i++) await addDocument(owner, `giay to ${i}`);
    const upload = await ctx.uploaded(await samplePdf('Ket qua'), {
      owner: ctx.newCitizen().accountId,
      purpose: 'result',
    });
    const issued = await ctx.rpc<IssuedDocumentView>(
      StorageRpc.issueResult,
      {
        fileId: upload.id,
        dossierCode: '000.00.01.H26-261207-0042',
        agency: { code: '000.00.01.H26', name: 'Công an thành phố Hà Nội' },
        internal: true,
      },
      null,
    );
    const delivered = await ctx.rpc<PersonalDocumentView>(
      StorageRpc.addResultDocument,
      {
        ownerId: owner.accountId,
        fileId: issued.fileId,
        dossierCode: '000.00.01.H26-261207-0042',
        internal: true,
      },
      null,
    );
    expect(delivered).toMatchObject({ source: 'result' });
    const wallet = await ctx.rpc<PersonalDocumentView[]>(StorageRpc.listDocuments, {}, owner);
    expect(wallet).toHaveLength(WALLET_MAX_DOCUMENTS + 1);
    // Still full of the citizen's own: the result took none of their room.
    expect(await problemOf(addDocument(owner, 'mot nua'))).toMatchObject({
      code: 'document.wallet_full',
      usedDocuments: WALLET_MAX_DOCUMENTS,
    });
  });
});
