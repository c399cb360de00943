import { mapProfile, normalizeEmail } from './accounts.dto';

describe('accounts', () => {
  it('normalises an email to one spelling per mailbox', () => {
    expect(normalizeEmail('  Nguyen.Van.A@Example.VN ')).toBe('nguyen.van.a@example.vn');
  });

  it('shows a profile without the password hash', () => {
    const view = mapProfile(
      {
        id: 'c8b1f0a4-7f55-4d3b-9a55-1b2f7e6d0c11',
        email: 'canbo@example.vn',
        passwordHash: '$argon2id$secret',
        fullName: 'Trần Thị B',
        phone: null,
        idNumber: '001099012345',
        locale: 'vi',
        status: 'active',
        roles: ['officer'],
        birthDate: null,
        address: 'Số 5 Tràng Tiền, Hà Nội',
        vneidLinkedAt: null,
        createdAt: new Date('2026-01-02T03:04:05Z'),
      },
      ['000.00.01.H26'],
    );
    expect(view).toEqual({
      id: 'c8b1f0a4-7f55-4d3b-9a55-1b2f7e6d0c11',
      email: 'canbo@example.vn',
      fullName: 'Trần Thị B',
      phone: null,
      idNumber: '001099012345',
      locale: 'vi',
      status: 'active',
      roles: ['officer'],
      agencies: ['000.00.01.H26'],
      birthDate: null,
      address: 'Số 5 Tràng Tiền, Hà Nội',
      vneid: null,
      createdAt: '2026-01-02T03:04:05.000Z',
    });
    expect(JSON.stringify(view)).not.toContain('argon2');
  });
});
