import { EntityManager } from 'typeorm';
import { DEV_EMAIL_TOKEN_PRIVATE_KEY, emailTokenPrivateKey, openToken } from '@dvc/contracts';
import { IdentityConfig } from '../identity.config';
import { TokenSeal } from './token-seal';
import { OPAQUE_TOKEN_BYTES, hashOpaqueToken, newOpaqueToken } from './opaque-token';
import { EmailTokenPurpose, EmailTokenRow, emailTokenProblem } from './tokens.dto';
import { EmailTokensRepository } from './tokens.repository';
import { EmailTokensService } from './tokens.service';

describe('opaque tokens', () => {
  it('are 256 random bits in base64url', () => {
    const token = newOpaqueToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(OPAQUE_TOKEN_BYTES);
    expect(OPAQUE_TOKEN_BYTES * 8).toBe(256);
    expect(new Set(Array.from({ length: 100 }, newOpaqueToken)).size).toBe(100);
  });

  it('are stored as their SHA-256, never as themselves', () => {
    expect(hashOpaqueToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    const token = newOpaqueToken();
    expect(hashOpaqueToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOpaqueToken(token)).not.toContain(token);
  });
});

describe('email token state', () => {
  const now = new Date('2026-03-01T08:00:00Z');
  const later = new Date('2026-03-01T08:30:00Z');
  const earlier = new Date('2026-03-01T07:59:59Z');

  it.each([
    [{ expiresAt: later, usedAt: null }, null],
    [{ expiresAt: now, usedAt: null }, 'expired'],
    [{ expiresAt: earlier, usedAt: null }, 'expired'],
    [{ expiresAt: later, usedAt: earlier }, 'used'],
    [{ expiresAt: earlier, usedAt: earlier }, 'used'],
  ])('%o is %s', (row, problem) => {
    expect(emailTokenProblem(row, now)).toBe(problem);
  });
});

/** In-memory email_tokens, keyed by hash, as the repository would hold them. */
class FakeTokens extends EmailTokensRepository {
  readonly rows = new Map<string, EmailTokenRow & { tokenHash: string }>();

  override async insert(
    _m: EntityManager,
    t: { accountId: string; purpose: EmailTokenPurpose; tokenHash: string; expiresAt: Date },
  ): Promise<void> {
    this.rows.set(t.tokenHash, { id: `t${this.rows.size + 1}`, usedAt: null, ...t });
  }
  override async findForUpdate(_m: EntityManager, purpose: EmailTokenPurpose, hash: string) {
    const row = this.rows.get(hash);
    return row && row.purpose === purpose ? row : null;
  }
  override async markUsed(_m: EntityManager, id: string): Promise<void> {
    for (const row of this.rows.values()) if (row.id === id) row.usedAt = new Date();
  }
  override async retireUnused(
    _m: EntityManager,
    accountId: string,
    purpose: EmailTokenPurpose,
  ): Promise<void> {
    for (const row of this.rows.values()) {
      if (row.accountId === accountId && row.purpose === purpose && !row.usedAt)
        row.usedAt = new Date();
    }
  }
}

describe('EmailTokensService', () => {
  const manager = {} as EntityManager;
  const notificationKey = emailTokenPrivateKey(DEV_EMAIL_TOKEN_PRIVATE_KEY);
  let repo: FakeTokens;
  let service: EmailTokensService;

  /** What the notification service does: open the sealed token. */
  async function issue(accountId: string, purpose: EmailTokenPurpose) {
    const issued = await service.issue(manager, accountId, purpose);
    return { ...issued, token: openToken(notificationKey, issued.sealedToken) };
  }

  beforeEach(() => {
    repo = new FakeTokens();
    const config = new IdentityConfig();
    service = new EmailTokensService(config, repo, new TokenSeal(config));
  });

  it('stores only the hash and hands the token out sealed, with 24 h for activation and 30 min for reset', async () => {
    const before = Date.now();
    const activation = await issue('a1', 'activation');
    const reset = await issue('a1', 'reset');
    expect([...repo.rows.keys()]).toEqual([
      hashOpaqueToken(activation.token),
      hashOpaqueToken(reset.token),
    ]);
    expect(JSON.stringify([...repo.rows.values()])).not.toContain(activation.token);
    expect(activation.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(activation.sealedToken).not.toContain(activation.token);
    expect(activation.expiresAt.getTime() - before).toBeGreaterThanOrEqual(24 * 3_600_000);
    expect(activation.expiresAt.getTime() - before).toBeLessThan(24 * 3_600_000 + 1000);
    expect(reset.expiresAt.getTime() - before).toBeLessThan(30 * 60_000 + 1000);
  });

  it('accepts a token once, for its own purpose only, with a distinct code for each refusal', async () => {
    const { token } = await issue('a1', 'activation');
    await expect(service.consume(manager, 'reset', token)).rejects.toMatchObject({
      status: 400,
      code: 'token.invalid',
    });
    await expect(service.consume(manager, 'activation', token)).resolves.toBe('a1');
    await expect(service.consume(manager, 'activation', token)).rejects.toMatchObject({
      code: 'token.used',
    });

    const old = await issue('a2', 'activation');
    repo.rows.get(hashOpaqueToken(old.token))!.expiresAt = new Date(Date.now() - 1);
    await expect(service.consume(manager, 'activation', old.token)).rejects.toMatchObject({
      code: 'token.expired',
    });
  });

  it('retires the older link when a new one is issued', async () => {
    const first = await issue('a1', 'reset');
    const second = await issue('a1', 'reset');
    await expect(service.consume(manager, 'reset', first.token)).rejects.toMatchObject({
      code: 'token.used',
    });
    await expect(service.consume(manager, 'reset', second.token)).resolves.toBe('a1');
  });
});
