import { PasswordHasher } from './password-hasher';
import { PASSWORD_MAX_BYTES, assertAcceptablePassword } from './password-policy';

describe('password policy', () => {
  const email = 'nguyen.van.a@example.vn';
  const problemOf = (password: string) => {
    try {
      assertAcceptablePassword(password, email);
      return null;
    } catch (err) {
      return err;
    }
  };

  it('accepts 8 characters or more, with no composition rule', () => {
    expect(problemOf('abcdefgh')).toBeNull();
    expect(problemOf('mật khẩu')).toBeNull();
    expect(problemOf('a'.repeat(PASSWORD_MAX_BYTES))).toBeNull();
  });

  it('refuses fewer than 8 characters', () => {
    expect(problemOf('abcdefg')).toMatchObject({ status: 400, code: 'password.too_short' });
  });

  it('counts the 128 limit in UTF-8 bytes', () => {
    expect(problemOf('a'.repeat(PASSWORD_MAX_BYTES + 1))).toMatchObject({
      status: 400,
      code: 'password.too_long',
    });
    // 43 × "ệ" is 43 characters but 129 bytes.
    expect(Buffer.byteLength('ệ'.repeat(43))).toBe(129);
    expect(problemOf('ệ'.repeat(43))).toMatchObject({ status: 400, code: 'password.too_long' });
    expect(problemOf('ệ'.repeat(42) + 'aa')).toBeNull();
  });

  it('refuses the email itself, whatever its case or surrounding blanks', () => {
    expect(problemOf(email)).toMatchObject({ status: 422, code: 'password.equals_email' });
    expect(problemOf(` ${email.toUpperCase()} `)).toMatchObject({
      status: 422,
      code: 'password.equals_email',
    });
    expect(problemOf(`${email}1`)).toBeNull();
  });
});

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('hashes with argon2id, 19 MiB and 2 passes', async () => {
    const hash = await hasher.hash('correct horse battery');
    const [, type, , params] = hash.split('$');
    expect(type).toBe('argon2id');
    expect(params.split(',').sort()).toEqual(['m=19456', 'p=1', 't=2']);
    await expect(hasher.verify(hash, 'correct horse battery')).resolves.toBe(true);
    await expect(hasher.verify(hash, 'correct horse battery!')).resolves.toBe(false);
    expect(hasher.isOutdated(hash)).toBe(false);
  });

  it('treats composed and decomposed Vietnamese letters as the same password', async () => {
    const composed = 'Mật khẩu của tôi'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    await expect(hasher.verify(await hasher.hash(composed), decomposed)).resolves.toBe(true);
  });

  it('never authenticates against a malformed hash or nobody', async () => {
    await expect(hasher.verify('not-a-hash', 'whatever1')).resolves.toBe(false);
    await expect(hasher.verifyNobody('whatever1')).resolves.toBe(false);
  });

  it('flags hashes made with weaker parameters', async () => {
    const argon2 = await import('argon2');
    const weak = await argon2.hash('password1', {
      type: argon2.argon2id,
      memoryCost: 4096,
      timeCost: 1,
    });
    expect(hasher.isOutdated(weak)).toBe(true);
  });
});
