import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomUUID } from 'node:crypto';
import {
  AccessTokenClaims,
  AccountRegisteredEvent,
  CaptchaView,
  Caller,
  DEV_EMAIL_TOKEN_PRIVATE_KEY,
  EventEnvelope,
  Events,
  IdentityRpc,
  PasswordChangedEvent,
  PasswordResetRequestedEvent,
  ProfileView,
  RegistrationAttemptedEvent,
  RpcQueues,
  TokenPair,
  emailTokenPrivateKey,
  openToken,
} from '@dvc/contracts';
import { loadConfig } from '@dvc/config';
import { ServiceUnderTest, WireClient, isolatedService, uniqueName, waitFor } from '@dvc/testing';
import { migrateIdentity, seedIdentity, startIdentity } from './app';
import { IdentityConfig } from './identity.config';

const PASSWORD = 'mật khẩu đủ dài 2026';
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
/** What only the notification service can do: open a token sealed in an event. */
const notificationKey = emailTokenPrivateKey(DEV_EMAIL_TOKEN_PRIVATE_KEY);
const opened = (event: { data: { sealedToken: string } }) =>
  openToken(notificationKey, event.data.sealedToken);

/**
 * The identity service started in-process against the real Postgres (own schema),
 * RabbitMQ (own vhost) and Redis (own key prefix), driven through its RPC queue like the
 * gateway drives it.
 */
jest.setTimeout(30_000);

describe('identity service', () => {
  let sut: ServiceUnderTest;
  let config: IdentityConfig;
  let app: INestApplication;
  let client: WireClient;
  let events: EventEnvelope[];
  let ipCounter = 0;

  beforeAll(async () => {
    sut = await isolatedService('identity');
    // The per-address limit stays far above the per-account one, low enough to reach in a test.
    config = loadConfig(IdentityConfig, { ...sut.env, LOGIN_MAX_IP_FAILURES_PER_MINUTE: '25' });
    await migrateIdentity(config);
    // Everything identity publishes on dvc.events, as a consumer would see it.
    events = await sut.captureEvents('identity.#');
    app = await startIdentity(config);
    client = await sut.rpcClient('identity', RpcQueues.identity);
  }, 60_000);

  afterAll(() => sut?.cleanup(app), 30_000);

  // ---- helpers -------------------------------------------------------------------------

  function rpc<T>(
    pattern: string,
    data: unknown,
    extra: { caller?: Caller; ip?: string } = {},
  ): Promise<T> {
    return client.send<T>(pattern, {
      caller: extra.caller ?? null,
      correlationId: randomUUID(),
      ip: extra.ip,
      data,
    });
  }

  /** A client address of its own per test, so throttling in one test never leaks into another. */
  const newIp = () => `198.51.100.${++ipCounter}`;
  const newEmail = () => `${uniqueName('cd')}@Example.VN`;

  function eventFor<T>(type: string, email: string): Promise<EventEnvelope<T>> {
    return waitFor(
      () =>
        events.find(
          (e) => e.type === type && (e.data as { email: string }).email === email.toLowerCase(),
        ),
      { what: `${type} for ${email}` },
    ) as Promise<EventEnvelope<T>>;
  }

  async function solvedCaptcha(): Promise<{ captchaId: string; captchaAnswer: string }> {
    const { captchaId } = await rpc<CaptchaView>(IdentityRpc.captcha, {});
    return { captchaId, captchaAnswer: await captchaAnswer(captchaId) };
  }

  async function register(email: string, password = PASSWORD, fullName = 'Nguyễn Văn An') {
    return rpc<{ accepted: true; message: string }>(IdentityRpc.register, {
      email,
      password,
      fullName,
      ...(await solvedCaptcha()),
    });
  }

  /** Registers and activates; returns the account as its holder sees it. */
  async function registerActive(email = newEmail(), password = PASSWORD): Promise<ProfileView> {
    await register(email, password);
    const registered = await eventFor<AccountRegisteredEvent>(Events.accountRegistered, email);
    await rpc(IdentityRpc.activate, { token: opened(registered) });
    const pair = await login(email, password);
    return rpc<ProfileView>(IdentityRpc.getProfile, {}, { caller: callerOf(pair) });
  }

  function login(
    email: string,
    password: string,
    ip = newIp(),
    captcha?: { captchaId: string; captchaAnswer: string },
  ): Promise<TokenPair> {
    return rpc<TokenPair>(IdentityRpc.login, { email, password, ...captcha }, { ip });
  }

  function claimsOf(pair: TokenPair): AccessTokenClaims & { iat: number; exp: number } {
    return new JwtService({ secret: config.JWT_SECRET }).verify(pair.accessToken, {
      algorithms: ['HS256'],
    });
  }

  function callerOf(pair: TokenPair): Caller {
    const claims = claimsOf(pair);
    return {
      accountId: claims.sub,
      roles: claims.roles,
      agencies: claims.agencies,
      sessionId: claims.sid,
    };
  }

  const revokedMark = (sid: string) => sut.redis.ttl(`${sut.redisPrefix}session-revoked:${sid}`);

  async function captchaAnswer(captchaId: string): Promise<string> {
    const answer = await sut.redis.get(`${sut.redisPrefix}captcha:${captchaId}`);
    if (answer === null) throw new Error('captcha answer not in Redis');
    return answer;
  }

  // ---- tests ----------------------------------------------------------------------------

  it('answers ping and reports ready', async () => {
    await expect(rpc(IdentityRpc.ping, {})).resolves.toEqual({ ok: true });
    const res = await fetch(`${await app.getUrl()}/health/ready`);
    expect(res.status).toBe(200);
  });

  it('registers, activates once, logs in, rotates refresh tokens, detects reuse and logs out', async () => {
    const email = newEmail();
    await expect(register(email)).resolves.toEqual({ accepted: true, message: expect.any(String) });
    const [account]: { id: string; status: string; roles: string[] }[] = await sut.db.query(
      `SELECT id, status, roles FROM "${sut.schema}".accounts WHERE email = $1`,
      [email.toLowerCase()],
    );
    expect(account).toMatchObject({ status: 'pending', roles: ['citizen'] });

    // The activation token leaves only sealed in the event (only the notification service can
    // open it); the database keeps its SHA-256.
    const registered = await eventFor<AccountRegisteredEvent>(Events.accountRegistered, email);
    expect(registered.data).not.toHaveProperty('activationToken');
    const token = opened(registered);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(JSON.stringify(registered)).not.toContain(token);
    const stored = await sut.db.query(
      `SELECT token_hash, purpose FROM "${sut.schema}".email_tokens WHERE account_id = $1`,
      [account.id],
    );
    expect(stored).toEqual([{ token_hash: sha256(token), purpose: 'activation' }]);
    const hoursValid = (Date.parse(registered.data.expiresAt) - Date.now()) / 3_600_000;
    expect(hoursValid).toBeGreaterThan(23.9);
    expect(hoursValid).toBeLessThanOrEqual(24);

    await expect(login(email, PASSWORD)).rejects.toMatchObject({
      status: 403,
      code: 'account.not_activated',
    });

    await expect(rpc(IdentityRpc.activate, { token: 'not-a-real-token' })).rejects.toMatchObject({
      status: 400,
      code: 'token.invalid',
    });
    await expect(rpc(IdentityRpc.activate, { token })).resolves.toEqual({
      activated: true,
      alreadyActive: false,
    });
    await eventFor(Events.accountActivated, email);
    // The email opened twice: the account is active, and the answer says so (not a failure).
    const reused = await rpc(IdentityRpc.activate, { token });
    expect(reused).toEqual({ activated: true, alreadyActive: true });
    expect(JSON.stringify(reused)).not.toContain(email.toLowerCase());

    const first = await login(email.toUpperCase(), PASSWORD);
    expect(first).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const claims = claimsOf(first);
    expect(claims).toMatchObject({ sub: account.id, roles: ['citizen'], agencies: [] });
    expect(claims.exp - claims.iat).toBe(900);
    expect(Buffer.from(first.refreshToken, 'base64url')).toHaveLength(32);

    const second = await rpc<TokenPair>(IdentityRpc.refresh, { refreshToken: first.refreshToken });
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(claimsOf(second).sid).toBe(claims.sid);
    const third = await rpc<TokenPair>(IdentityRpc.refresh, { refreshToken: second.refreshToken });

    // The first token again: someone else holds the family. All of it ends.
    await expect(
      rpc(IdentityRpc.refresh, { refreshToken: first.refreshToken }),
    ).rejects.toMatchObject({
      status: 401,
      code: 'auth.refresh_reused',
    });
    await expect(
      rpc(IdentityRpc.refresh, { refreshToken: third.refreshToken }),
    ).rejects.toMatchObject({ status: 401 });
    const ttl = await revokedMark(claims.sid);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(900);

    const again = await login(email, PASSWORD);
    const sid = claimsOf(again).sid;
    expect(sid).not.toBe(claims.sid);
    await expect(
      rpc(IdentityRpc.logout, { refreshToken: again.refreshToken }, { caller: callerOf(again) }),
    ).resolves.toEqual({ ok: true });
    await expect(
      rpc(IdentityRpc.refresh, { refreshToken: again.refreshToken }),
    ).rejects.toMatchObject({ status: 401 });
    expect(await revokedMark(sid)).toBeGreaterThan(0);
  });

  it('answers a registration with an existing email exactly like a new one, and warns its holder instead', async () => {
    const email = newEmail();
    const first = await register(email);
    await rpc(IdentityRpc.activate, {
      token: opened(await eventFor<AccountRegisteredEvent>(Events.accountRegistered, email)),
    });
    const again = await register(email.toUpperCase(), 'another password 2026', 'Kẻ Mạo Danh');
    expect(again).toEqual(first);

    const attempted = await eventFor<RegistrationAttemptedEvent>(
      Events.registrationAttempted,
      email,
    );
    expect(attempted.data).toMatchObject({ email: email.toLowerCase(), fullName: 'Nguyễn Văn An' });
    expect(attempted.data).not.toHaveProperty('sealedToken');
    const accounts = await sut.db.query(
      `SELECT full_name FROM "${sut.schema}".accounts WHERE email = $1`,
      [email.toLowerCase()],
    );
    expect(accounts).toEqual([{ full_name: 'Nguyễn Văn An' }]);
    // One activation link only: the second registration issued none.
    expect(
      events.filter(
        (e) =>
          e.type === Events.accountRegistered &&
          (e.data as { email: string }).email === email.toLowerCase(),
      ),
    ).toHaveLength(1);
  });

  describe('a lost activation email', () => {
    async function withCaptcha(pattern: string, email: string) {
      return rpc<{ message: string }>(pattern, { email, ...(await solvedCaptcha()) });
    }
    const linksTo = (email: string) =>
      events.filter(
        (e) =>
          e.type === Events.passwordResetRequested &&
          (e.data as { email: string }).email === email.toLowerCase(),
      );
    const statusOf = async (email: string) =>
      (
        await sut.db.query(`SELECT status FROM "${sut.schema}".accounts WHERE email = $1`, [
          email.toLowerCase(),
        ])
      )[0]?.status as string | undefined;

    it('"Gửi lại email kích hoạt" answers alike for any address and sends a pending account a link that sets its password and activates it', async () => {
      const email = newEmail();
      await register(email, 'mật khẩu kẻ đăng ký trước');
      const first = await eventFor<AccountRegisteredEvent>(Events.accountRegistered, email);
      const forUnknown = await withCaptcha(IdentityRpc.resendActivation, newEmail());
      const forPending = await withCaptcha(IdentityRpc.resendActivation, email);
      expect(forPending).toEqual(forUnknown);

      const link = await eventFor<PasswordResetRequestedEvent>(
        Events.passwordResetRequested,
        email,
      );
      expect(link.data).toMatchObject({ activates: true });
      // Asked again within the minute: no second email.
      await withCaptcha(IdentityRpc.resendActivation, email);
      // The first activation link (carrying whoever registered first's password) is retired.
      await expect(rpc(IdentityRpc.activate, { token: opened(first) })).rejects.toMatchObject({
        code: 'token.used',
      });

      const chosen = 'mật khẩu của chủ hộp thư';
      await rpc(IdentityRpc.resetPassword, { token: opened(link), newPassword: chosen });
      expect(await statusOf(email)).toBe('active');
      await eventFor(Events.accountActivated, email);
      await expect(login(email, 'mật khẩu kẻ đăng ký trước')).rejects.toMatchObject({
        status: 401,
      });
      await expect(login(email, chosen)).resolves.toMatchObject({ tokenType: 'Bearer' });
      expect(linksTo(email)).toHaveLength(1);
    });

    it('"Quên mật khẩu" and a second registration of a pending address send the same activating link, never keeping the second password', async () => {
      const email = newEmail();
      await register(email);
      await register(email, 'mật khẩu lần đăng ký thứ hai', 'Kẻ Mạo Danh');
      const link = await eventFor<PasswordResetRequestedEvent>(
        Events.passwordResetRequested,
        email,
      );
      expect(link.data).toMatchObject({ activates: true, fullName: 'Nguyễn Văn An' });
      expect(await statusOf(email)).toBe('pending');
      await expect(login(email, 'mật khẩu lần đăng ký thứ hai')).rejects.toMatchObject({
        status: 401,
      });

      await sut.redis.del(`${sut.redisPrefix}password-link:${link.data.accountId}`);
      await withCaptcha(IdentityRpc.forgotPassword, email);
      await waitFor(() => linksTo(email).length === 2, { what: 'the link of "Quên mật khẩu"' });
      const latest = linksTo(email)[1] as EventEnvelope<PasswordResetRequestedEvent>;
      expect(latest.data.activates).toBe(true);
      // The newer link replaced the older one.
      await expect(
        rpc(IdentityRpc.resetPassword, { token: opened(link), newPassword: 'cũ rồi 2026 abc' }),
      ).rejects.toMatchObject({ code: 'token.used' });
      await rpc(IdentityRpc.resetPassword, { token: opened(latest), newPassword: PASSWORD });
      expect(await statusOf(email)).toBe('active');
    });

    it('keeps refusing a used activation link while the account is not active', async () => {
      const email = newEmail();
      await register(email);
      const registered = await eventFor<AccountRegisteredEvent>(Events.accountRegistered, email);
      await sut.db.query(
        `UPDATE "${sut.schema}".email_tokens SET used_at = now() WHERE token_hash = $1`,
        [sha256(opened(registered))],
      );
      await expect(rpc(IdentityRpc.activate, { token: opened(registered) })).rejects.toMatchObject({
        status: 400,
        code: 'token.used',
      });
    });
  });

  it('asks a registration for a solved captcha, used once', async () => {
    const email = newEmail();
    const captcha = await solvedCaptcha();
    const body = { email, password: PASSWORD, fullName: 'Nguyễn Văn An' };
    await expect(rpc(IdentityRpc.register, body)).rejects.toMatchObject({
      status: 400,
      code: 'validation.failed',
    });
    await expect(
      rpc(IdentityRpc.register, { ...body, ...captcha, captchaAnswer: 'wrong' }),
    ).rejects.toMatchObject({ status: 400, code: 'captcha.invalid' });
    await expect(rpc(IdentityRpc.register, { ...body, ...captcha })).rejects.toMatchObject({
      status: 400,
      code: 'captcha.invalid',
    });
    const count = await sut.db.query(
      `SELECT count(*)::int AS n FROM "${sut.schema}".accounts WHERE email = $1`,
      [email.toLowerCase()],
    );
    expect(count).toEqual([{ n: 0 }]);
  });

  it('refuses the email as password, passwords over 128 bytes and unknown fields', async () => {
    await expect(register(newEmail().replace('@', '.x@'), 'x')).rejects.toMatchObject({
      status: 400,
      code: 'validation.failed',
    });

    const other = newEmail();
    await expect(register(other, other.toUpperCase())).rejects.toMatchObject({
      status: 422,
      code: 'password.equals_email',
    });
    // 60 characters, 180 bytes: within the DTO's character limit, over the byte limit.
    await expect(register(other, 'ệ'.repeat(60))).rejects.toMatchObject({
      status: 400,
      code: 'password.too_long',
    });
    await expect(
      rpc(IdentityRpc.register, {
        email: other,
        password: PASSWORD,
        fullName: 'A',
        role: 'admin',
        ...(await solvedCaptcha()),
      }),
    ).rejects.toMatchObject({ status: 400, code: 'validation.failed' });
    const count = await sut.db.query(
      `SELECT count(*)::int AS n FROM "${sut.schema}".accounts WHERE email = $1`,
      [other.toLowerCase()],
    );
    expect(count).toEqual([{ n: 0 }]);
  });

  it('ends a session at its absolute lifetime, however often it was refreshed', async () => {
    const email = newEmail();
    await registerActive(email);
    const pair = await login(email, PASSWORD);
    const sid = claimsOf(pair).sid;
    const [session]: { days: number }[] = await sut.db.query(
      `SELECT extract(epoch FROM expires_at - created_at) / 86400 AS days
         FROM "${sut.schema}".sessions WHERE id = $1`,
      [sid],
    );
    expect(Number(session.days)).toBeCloseTo(config.SESSION_MAX_AGE_DAYS, 2);
    const next = await rpc<TokenPair>(IdentityRpc.refresh, { refreshToken: pair.refreshToken });
    // As if the session had begun SESSION_MAX_AGE_DAYS ago: its fresh token no longer rotates.
    await sut.db.query(
      `UPDATE "${sut.schema}".sessions SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [sid],
    );
    await expect(
      rpc(IdentityRpc.refresh, { refreshToken: next.refreshToken }),
    ).rejects.toMatchObject({ status: 401, code: 'auth.refresh_expired' });
  });

  it('reads and updates the profile of the caller only', async () => {
    const email = newEmail();
    const account = await registerActive(email);
    const caller = callerOf(await login(email, PASSWORD));
    await expect(rpc(IdentityRpc.getProfile, {}, { caller })).resolves.toMatchObject({
      id: account.id,
      status: 'active',
      phone: null,
    });
    const updated = await rpc<ProfileView>(
      IdentityRpc.updateProfile,
      { phone: '0912345678', locale: 'en', fullName: '  Trần   Thị Bình ' },
      { caller },
    );
    expect(updated).toMatchObject({ phone: '0912345678', locale: 'en', fullName: 'Trần Thị Bình' });
    await expect(rpc(IdentityRpc.getProfile, {})).rejects.toMatchObject({
      status: 401,
      code: 'auth.required',
    });
    await expect(
      rpc(IdentityRpc.updateProfile, { status: 'active' }, { caller }),
    ).rejects.toMatchObject({
      status: 400,
      code: 'validation.failed',
    });
  });

  it("keeps an address on the profile: one line, trimmed, cleared when emptied, the caller's only", async () => {
    const email = newEmail();
    const account = await registerActive(email);
    expect(account.address).toBeNull();
    const caller = callerOf(await login(email, PASSWORD));
    const neighbourEmail = newEmail();
    await registerActive(neighbourEmail);
    const neighbour = callerOf(await login(neighbourEmail, PASSWORD));

    const typed = await rpc<ProfileView>(
      IdentityRpc.updateProfile,
      { address: '  Số 1 Hoàng Hoa Thám,\n  phường Ba Đình,   Hà Nội ' },
      { caller },
    );
    expect(typed.address).toBe('Số 1 Hoàng Hoa Thám, phường Ba Đình, Hà Nội');
    // Another change leaves it alone; the neighbour's profile never gets it.
    await rpc(IdentityRpc.updateProfile, { locale: 'en' }, { caller });
    await expect(rpc(IdentityRpc.getProfile, {}, { caller })).resolves.toMatchObject({
      address: 'Số 1 Hoàng Hoa Thám, phường Ba Đình, Hà Nội',
    });
    await expect(rpc(IdentityRpc.getProfile, {}, { caller: neighbour })).resolves.toMatchObject({
      address: null,
    });

    for (const [address, message] of [
      ['x'.repeat(256), 'Địa chỉ không được dài quá 255 ký tự'],
      [42, 'Địa chỉ phải là chuỗi ký tự'],
      ['Số 1\u0000Hà Nội', 'Địa chỉ có ký tự không hợp lệ'],
    ] as const) {
      await expect(rpc(IdentityRpc.updateProfile, { address }, { caller })).rejects.toMatchObject({
        status: 400,
        code: 'validation.failed',
        errors: expect.arrayContaining([{ field: 'address', message }]),
      });
    }
    await expect(
      rpc<ProfileView>(IdentityRpc.updateProfile, { address: 'x'.repeat(255) }, { caller }),
    ).resolves.toMatchObject({ address: 'x'.repeat(255) });
    await expect(
      rpc<ProfileView>(IdentityRpc.updateProfile, { address: '   ' }, { caller }),
    ).resolves.toMatchObject({ address: null });
    await rpc(IdentityRpc.updateProfile, { address: 'Hà Nội' }, { caller });
    await expect(
      rpc<ProfileView>(IdentityRpc.updateProfile, { address: null }, { caller }),
    ).resolves.toMatchObject({ address: null });
  });

  it("answers an account's contact to services only (caller null), never to a signed-in user", async () => {
    const email = newEmail();
    const account = await registerActive(email);
    const caller = callerOf(await login(email, PASSWORD));
    await rpc(IdentityRpc.updateProfile, { phone: '0987654321' }, { caller });
    await expect(rpc(IdentityRpc.contact, { accountId: account.id })).resolves.toEqual({
      accountId: account.id,
      email: email.toLowerCase(),
      fullName: 'Nguyễn Văn An',
      locale: 'vi',
      phone: '0987654321',
    });
    await expect(
      rpc(IdentityRpc.contact, { accountId: account.id }, { caller }),
    ).rejects.toMatchObject({ status: 403, code: 'identity.service_only' });
    await expect(rpc(IdentityRpc.contact, { accountId: randomUUID() })).rejects.toMatchObject({
      status: 404,
    });
    await expect(rpc(IdentityRpc.contact, { accountId: 'not-a-uuid' })).rejects.toMatchObject({
      status: 400,
    });
  });

  it("lists an agency's active officers to services only, for their bell and email", async () => {
    const agencyCode = `000.00.${randomUUID().slice(0, 4)}.H26`;
    const officer = await registerActive();
    const citizen = await registerActive();
    const pendingEmail = newEmail();
    await register(pendingEmail, PASSWORD); // not activated: not told anything yet
    const [{ id: pending }]: { id: string }[] = await sut.db.query(
      `SELECT id FROM "${sut.schema}".accounts WHERE email = lower($1)`,
      [pendingEmail],
    );
    await sut.db.query(
      `UPDATE "${sut.schema}".accounts SET roles = '{officer}' WHERE id = ANY($1::uuid[])`,
      [[officer.id, pending]],
    );
    await sut.db.query(
      `INSERT INTO "${sut.schema}".account_agencies (account_id, agency_code)
       SELECT unnest($1::uuid[]), $2`,
      [[officer.id, pending, citizen.id], agencyCode],
    );
    await expect(rpc(IdentityRpc.agencyOfficers, { agencyCode })).resolves.toEqual({
      accountIds: [officer.id],
    });
    const caller = callerOf(await login(officer.email!, PASSWORD));
    await expect(rpc(IdentityRpc.agencyOfficers, { agencyCode }, { caller })).rejects.toMatchObject(
      { status: 403, code: 'identity.service_only' },
    );
  });

  it('changes the password with the current one, ending every other session', async () => {
    const email = newEmail();
    await registerActive(email);
    const mine = await login(email, PASSWORD);
    const other = await login(email, PASSWORD);
    const caller = callerOf(mine);

    await expect(
      rpc(
        IdentityRpc.changePassword,
        { currentPassword: 'wrong password', newPassword: 'new pass 2026' },
        { caller },
      ),
    ).rejects.toMatchObject({ status: 400, code: 'password.current_invalid' });
    await expect(
      rpc(
        IdentityRpc.changePassword,
        { currentPassword: PASSWORD, newPassword: 'new pass 2026' },
        { caller },
      ),
    ).resolves.toEqual({ changed: true });

    const changed = await eventFor<PasswordChangedEvent>(Events.passwordChanged, email);
    expect(changed.data.via).toBe('change');
    await expect(
      rpc(IdentityRpc.refresh, { refreshToken: other.refreshToken }),
    ).rejects.toMatchObject({ status: 401 });
    expect(await revokedMark(claimsOf(other).sid)).toBeGreaterThan(0);
    await expect(
      rpc(IdentityRpc.refresh, { refreshToken: mine.refreshToken }),
    ).resolves.toMatchObject({
      tokenType: 'Bearer',
    });
    expect(await revokedMark(caller.sessionId!)).toBe(-2);

    await expect(login(email, PASSWORD)).rejects.toMatchObject({
      status: 401,
      code: 'auth.invalid_credentials',
    });
    await expect(login(email, 'new pass 2026')).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('serves a single-use captcha whose lower-case answer waits in Redis for 5 minutes', async () => {
    const email = newEmail();
    const first = await rpc<CaptchaView>(IdentityRpc.captcha, {});
    expect(first.svg).toMatch(/^<svg/);
    const answer = await captchaAnswer(first.captchaId);
    expect(answer).toBe(answer.toLowerCase());
    const ttl = await sut.redis.ttl(`${sut.redisPrefix}captcha:${first.captchaId}`);
    expect(ttl).toBeGreaterThan(290);
    expect(ttl).toBeLessThanOrEqual(300);

    const forgot = (captchaId: string, captchaAnswer: string) =>
      rpc(IdentityRpc.forgotPassword, { email, captchaId, captchaAnswer });
    await expect(forgot(first.captchaId, `${answer}x`)).rejects.toMatchObject({
      status: 400,
      code: 'captcha.invalid',
    });
    // The wrong guess used it up: the right answer now fails too.
    await expect(forgot(first.captchaId, answer)).rejects.toMatchObject({
      status: 400,
      code: 'captcha.invalid',
    });

    const second = await rpc<CaptchaView>(IdentityRpc.captcha, {});
    const secondAnswer = await captchaAnswer(second.captchaId);
    await expect(forgot(second.captchaId, secondAnswer.toUpperCase())).resolves.toMatchObject({
      accepted: true,
    });
    await expect(forgot(second.captchaId, secondAnswer)).rejects.toMatchObject({
      status: 400,
      code: 'captcha.invalid',
    });
  });

  it('resets a forgotten password with a single-use, expiring link and ends all sessions', async () => {
    const email = newEmail();
    const unknown = newEmail();
    await registerActive(email);
    const session = await login(email, PASSWORD);

    async function forgot(address: string) {
      const { captchaId } = await rpc<CaptchaView>(IdentityRpc.captcha, {});
      return rpc(IdentityRpc.forgotPassword, {
        email: address,
        captchaId,
        captchaAnswer: await captchaAnswer(captchaId),
      });
    }
    // The same answer whether the email has an account or not.
    const forUnknown = await forgot(unknown);
    const forKnown = await forgot(email);
    expect(forUnknown).toEqual(forKnown);

    const requested = await eventFor<PasswordResetRequestedEvent>(
      Events.passwordResetRequested,
      email,
    );
    const resetToken = opened(requested);
    expect(JSON.stringify(requested)).not.toContain(resetToken);
    expect(events.some((e) => (e.data as { email?: string }).email === unknown.toLowerCase())).toBe(
      false,
    );
    const minutesValid = (Date.parse(requested.data.expiresAt) - Date.now()) / 60_000;
    expect(minutesValid).toBeGreaterThan(29.9);
    expect(minutesValid).toBeLessThanOrEqual(30);

    const newPassword = 'đặt lại mật khẩu 2026';
    await expect(
      rpc(IdentityRpc.resetPassword, { token: resetToken, newPassword }),
    ).resolves.toEqual({
      changed: true,
    });
    const changed = await eventFor<PasswordChangedEvent>(Events.passwordChanged, email);
    expect(changed.data.via).toBe('reset');
    await expect(
      rpc(IdentityRpc.resetPassword, {
        token: resetToken,
        newPassword: 'another one 2026',
      }),
    ).rejects.toMatchObject({ status: 400, code: 'token.used' });
    await expect(
      rpc(IdentityRpc.refresh, { refreshToken: session.refreshToken }),
    ).rejects.toMatchObject({
      status: 401,
    });
    expect(await revokedMark(claimsOf(session).sid)).toBeGreaterThan(0);
    await expect(login(email, PASSWORD)).rejects.toMatchObject({ status: 401 });
    await expect(login(email, newPassword)).resolves.toMatchObject({ tokenType: 'Bearer' });

    // A second link, made old by hand: refused as expired. (One link a minute per account: the
    // pause is skipped here by forgetting the first.)
    await sut.redis.del(`${sut.redisPrefix}password-link:${requested.data.accountId}`);
    const seen = events.length;
    await forgot(email);
    const later = (await waitFor(
      () => events.slice(seen).find((e) => e.type === Events.passwordResetRequested),
      { what: 'second reset link' },
    )) as EventEnvelope<PasswordResetRequestedEvent>;
    await sut.db.query(
      `UPDATE "${sut.schema}".email_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1`,
      [sha256(opened(later))],
    );
    await expect(
      rpc(IdentityRpc.resetPassword, {
        token: opened(later),
        newPassword: 'too late 2026',
      }),
    ).rejects.toMatchObject({ status: 400, code: 'token.expired' });
  });

  it('gives the same answer for an unknown email and a wrong password, and throttles the 11th failure of an account from one address', async () => {
    const email = newEmail();
    await registerActive(email);
    const ip = newIp();

    const wrong = await login(email, 'wrong password', ip).catch((e: unknown) => e);
    const nobody = await login(newEmail(), 'wrong password', newIp()).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ status: 401, code: 'auth.invalid_credentials' });
    expect(JSON.stringify(nobody)).toBe(JSON.stringify(wrong));

    for (let i = 2; i <= 10; i++) {
      await expect(login(email, `wrong password ${i}`, ip)).rejects.toMatchObject({
        status: 401,
      });
    }
    const eleventh = await login(email, 'wrong password 11', ip).catch((e: unknown) => e);
    expect(eleventh).toMatchObject({ status: 429, code: 'auth.too_many_attempts' });
    const retryAfter = (eleventh as { extra: { retryAfter: number } }).extra.retryAfter;
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Refused before the password is even looked at, from that address only.
    await expect(login(email, PASSWORD, ip)).rejects.toMatchObject({ status: 429 });
  });

  it('throttles an address far above one account, so a shared office keeps logging in', async () => {
    const office = newIp();
    const colleague = newEmail();
    await registerActive(colleague);
    // 24 failures from one public address, spread over accounts as an office would make them.
    for (let i = 1; i <= 24; i++) {
      await expect(login(newEmail(), 'typo password', office)).rejects.toMatchObject({
        status: 401,
      });
    }
    await expect(login(colleague, PASSWORD, office)).resolves.toMatchObject({
      tokenType: 'Bearer',
    });
    await expect(login(newEmail(), 'typo password', office)).rejects.toMatchObject({
      status: 401,
    });
    // Past LOGIN_MAX_IP_FAILURES_PER_MINUTE (25 here) the address waits, whatever the account.
    await expect(login(newEmail(), 'wrong password', office)).rejects.toMatchObject({
      status: 429,
      code: 'auth.too_many_attempts',
    });
  });

  it('never locks the owner out: the guessing address is blocked, the owner elsewhere gets in with a captcha', async () => {
    const email = newEmail();
    await registerActive(email);
    const attacker = newIp();
    for (let round = 0; round < config.LOCKOUT_FAILURES / 10; round++) {
      // Forget the per-minute windows, as if a minute had passed: only the consecutive count stays.
      const windows = await sut.redis.keys(`${sut.redisPrefix}login-failures:pair:*`);
      if (windows.length > 0) await sut.redis.del(...windows);
      for (let i = 0; i < 10; i++) {
        await login(email, 'wrong password', attacker).catch(() => undefined);
      }
    }
    // The attacker's address is blocked for this account for LOCKOUT_MINUTES, even with the password.
    const blocked = await login(email, PASSWORD, attacker).catch((e: unknown) => e);
    expect(blocked).toMatchObject({ status: 429, code: 'auth.too_many_attempts' });
    const retryAfter = (blocked as { extra: { retryAfter: number } }).extra.retryAfter;
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    // The account is under attack: from any address a login needs the captcha first...
    const owner = newIp();
    await expect(login(email, PASSWORD, owner)).rejects.toMatchObject({
      status: 401,
      code: 'auth.captcha_required',
    });
    await expect(
      login(email, PASSWORD, owner, { ...(await solvedCaptcha()), captchaAnswer: 'wrong' }),
    ).rejects.toMatchObject({ status: 400, code: 'captcha.invalid' });
    // ...and an unknown email answers the same, so the captcha tells nothing about accounts.
    const unknown = newEmail();
    for (let i = 0; i < config.LOGIN_CAPTCHA_AFTER_FAILURES; i++)
      await login(unknown, 'wrong password', newIp()).catch(() => undefined);
    await expect(login(unknown, PASSWORD, newIp())).rejects.toMatchObject({
      code: 'auth.captcha_required',
    });
    // The owner, from their own address, with the right password and the captcha, gets in.
    await expect(login(email, PASSWORD, owner, await solvedCaptcha())).resolves.toMatchObject({
      tokenType: 'Bearer',
    });
  });

  it('seeds the demo accounts once, the officer with its agencies', async () => {
    const first = await seedIdentity(config, ['000.00.01.H26']);
    expect(first.map((a) => [a.email, a.created])).toEqual([
      ['citizen@dvc.local', true],
      ['officer@dvc.local', true],
      ['admin@dvc.local', true],
    ]);
    const second = await seedIdentity(config, ['000.00.01.H26']);
    expect(second.every((a) => !a.created)).toBe(true);

    const officer = claimsOf(await login('officer@dvc.local', 'ChangeMe!2026'));
    expect(officer).toMatchObject({ roles: ['officer'], agencies: ['000.00.01.H26'] });
    expect(claimsOf(await login('admin@dvc.local', 'ChangeMe!2026')).roles).toEqual(['admin']);
  });
});
