import { JwtService } from '@nestjs/jwt';
import { createHmac, randomUUID } from 'node:crypto';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  AuthErrors,
  Caller,
  DomainError,
} from '@dvc/contracts';
import { GatewayConfig } from '../gateway.config';
import { JwtStrategy } from './jwt.strategy';
import { RevokedSessions } from './revoked-sessions';

const SECRET = 'unit-test-secret-0123456789abcdef';

type Outcome = { user: Caller } | { failure: unknown } | { error: unknown };

/** Runs passport-jwt exactly as AuthGuard does, on a request carrying `Authorization: Bearer <token>`. */
function authenticate(strategy: JwtStrategy, token?: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const run = Object.create(strategy) as JwtStrategy & {
      success(user: Caller): void;
      fail(info: unknown): void;
      error(err: unknown): void;
      authenticate(req: unknown, options: unknown): void;
    };
    run.success = (user) => resolve({ user });
    run.fail = (failure) => resolve({ failure });
    run.error = (error) => resolve({ error });
    run.authenticate({ headers: token ? { authorization: `Bearer ${token}` } : {} }, {});
  });
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('JwtStrategy', () => {
  const revoked = new Set<string>();
  const config = Object.assign(new GatewayConfig(), { JWT_SECRET: SECRET });
  const strategy = new JwtStrategy(config, {
    isRevoked: async (sid: string) => revoked.has(sid),
  } as RevokedSessions);
  // Identity's tokens: issued by identity, for this API.
  const jwt = new JwtService({
    secret: SECRET,
    signOptions: { issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE },
  });
  const claims = () => ({
    sub: randomUUID(),
    roles: ['officer'],
    agencies: ['000.00.01.H26'],
    sid: randomUUID(),
  });

  it('turns a valid token into the Caller, session included', async () => {
    const c = claims();
    const outcome = await authenticate(strategy, jwt.sign(c, { expiresIn: 600 }));
    expect(outcome).toEqual({
      user: { accountId: c.sub, roles: ['officer'], agencies: ['000.00.01.H26'], sessionId: c.sid },
    });
  });

  it('refuses an expired token', async () => {
    const outcome = await authenticate(strategy, jwt.sign(claims(), { expiresIn: -1 }));
    expect(outcome).toEqual({ failure: expect.objectContaining({ name: 'TokenExpiredError' }) });
  });

  it('refuses an unsigned `alg: none` token', async () => {
    const exp = Math.floor(Date.now() / 1000) + 600;
    const none = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claims(), roles: ['admin'], exp })}.`;
    const outcome = await authenticate(strategy, none);
    expect(outcome).toEqual({ failure: expect.objectContaining({ name: 'JsonWebTokenError' }) });
  });

  it('refuses a token signed with another secret', async () => {
    const forged = new JwtService({ secret: 'some-other-secret-0123456789' }).sign(claims(), {
      expiresIn: 600,
    });
    expect(await authenticate(strategy, forged)).toEqual({
      failure: expect.objectContaining({ message: 'invalid signature' }),
    });
  });

  it('refuses another HMAC algorithm than HS256, even with the right secret', async () => {
    const token = jwt.sign(claims(), { expiresIn: 600, algorithm: 'HS512' });
    expect(await authenticate(strategy, token)).toEqual({
      failure: expect.objectContaining({ message: 'invalid algorithm' }),
    });
  });

  it('refuses a token whose header names another algorithm (RS/HS confusion), whatever it is signed with', async () => {
    const header = base64url({ alg: 'RS256', typ: 'JWT' });
    const payload = base64url({ ...claims(), exp: Math.floor(Date.now() / 1000) + 600 });
    const signature = createHmac('sha256', SECRET)
      .update(`${header}.${payload}`)
      .digest('base64url');
    expect(await authenticate(strategy, `${header}.${payload}.${signature}`)).toEqual({
      failure: expect.objectContaining({ message: 'invalid algorithm' }),
    });
  });

  it('refuses a token without an expiry, or whose claims are not an access token', async () => {
    const noExp = await authenticate(strategy, jwt.sign(claims()));
    expect(noExp).toEqual({ error: expect.any(DomainError) });
    expect((noExp as { error: DomainError }).error.entry).toBe(AuthErrors.invalidToken);
    const badRole = await authenticate(
      strategy,
      jwt.sign({ ...claims(), roles: ['root'] }, { expiresIn: 600 }),
    );
    expect(badRole).toEqual({ error: expect.objectContaining({ code: 'auth.invalid_token' }) });
  });

  it('refuses a token from another issuer or for another audience, or without either', async () => {
    const bare = new JwtService({ secret: SECRET });
    const cases = [
      bare.sign(claims(), { expiresIn: 600 }),
      bare.sign(claims(), {
        expiresIn: 600,
        issuer: 'someone-else',
        audience: ACCESS_TOKEN_AUDIENCE,
      }),
      bare.sign(claims(), { expiresIn: 600, issuer: ACCESS_TOKEN_ISSUER, audience: 'another-api' }),
      bare.sign(claims(), { expiresIn: 600, issuer: ACCESS_TOKEN_ISSUER }),
    ];
    for (const token of cases) {
      expect(await authenticate(strategy, token)).toEqual({
        failure: expect.objectContaining({ name: 'JsonWebTokenError' }),
      });
    }
  });

  it('refuses a token of a revoked session', async () => {
    const c = claims();
    revoked.add(c.sid);
    const outcome = await authenticate(strategy, jwt.sign(c, { expiresIn: 600 }));
    expect(outcome).toEqual({
      error: expect.objectContaining({ status: 401, code: 'auth.session_revoked' }),
    });
  });

  it('fails without a token', async () => {
    expect(await authenticate(strategy)).toEqual({
      failure: expect.objectContaining({ message: 'No auth token' }),
    });
  });
});
