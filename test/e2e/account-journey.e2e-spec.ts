import { DataSource } from 'typeorm';
import { TEST_DATABASE_URL, waitFor } from '@dvc/testing';
import { register, solvedCaptcha } from './accounts';
import { api } from './http';
import { SseClient, openSse } from './sse';
import { Stack, startStack } from './stack';

/**
 * A citizen's first visit, through the gateway against the real services: register, get the
 * activation email, activate, log in, read and edit the profile, change the password, forget
 * it, reset it with the emailed link, and log in with the new one. Then what must not happen:
 * registration telling which addresses have accounts, single-use tokens at rest, and live
 * streams outliving their session.
 */
describe('account journey (e2e)', () => {
  let stack: Stack;
  let call: ReturnType<typeof api>;
  const email = `Lan.Nguyen+${Date.now()}@Example.com`;
  const password = 'mật khẩu đủ dài 1';

  beforeAll(async () => {
    // Behind one trusted proxy, so a test can speak from several client addresses.
    stack = await startStack({ TRUST_PROXY_HOPS: '1' });
    call = api(stack.url);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const mailTo = (address: string, subject: RegExp) =>
    waitFor(
      () =>
        stack.smtp.messages.find(
          (m) =>
            m.to &&
            JSON.stringify(m.to).toLowerCase().includes(address.toLowerCase()) &&
            subject.test(m.subject ?? ''),
        ),
      { timeoutMs: 15_000, what: `an email to ${address} matching ${subject}` },
    );
  const tokenIn = (text: string, path: string) => {
    const match = new RegExp(`http://portal\\.test${path}\\?token=([A-Za-z0-9_%-]+)`).exec(text);
    if (!match) throw new Error(`no ${path} link in: ${text}`);
    return decodeURIComponent(match[1]);
  };

  it('registers, activates from the email, logs in and manages the account', async () => {
    const withoutCaptcha = await call('POST', '/auth/register', {
      body: { email, password, fullName: 'Nguyễn Thị Lan' },
    });
    expect(withoutCaptcha.status).toBe(400);
    const registered = await register(stack, call, {
      email,
      password,
      fullName: 'Nguyễn Thị Lan',
      phone: '0912345678',
    });
    expect(registered.status).toBe(202);
    expect(registered.body).toEqual({ message: expect.stringContaining('kiểm tra hộp thư') });

    const early = await call('POST', '/auth/login', { body: { email, password } });
    expect(early.status).toBe(403);

    const activation = await mailTo(email, /^Kích hoạt/);
    const activationToken = tokenIn(activation.text ?? '', '/activate');
    expect(
      (await call('POST', '/auth/activate', { body: { token: activationToken } })).status,
    ).toBeLessThan(300);
    // Opened twice: the account is active, and the answer says so.
    const twice = await call('POST', '/auth/activate', { body: { token: activationToken } });
    expect({ status: twice.status, body: twice.body }).toEqual({
      status: 200,
      body: { activated: true, alreadyActive: true },
    });

    const login = await call<{ accessToken: string; refreshToken: string; expiresIn: number }>(
      'POST',
      '/auth/login',
      {
        body: { email: email.toLowerCase(), password },
      },
    );
    expect(login.status).toBe(200);
    expect(login.body.expiresIn).toBeLessThanOrEqual(900);

    const me = await call<{ email: string; fullName: string; roles: string[] }>('GET', '/me', {
      token: login.body.accessToken,
    });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      email: email.toLowerCase(),
      fullName: 'Nguyễn Thị Lan',
      roles: ['citizen'],
    });

    const patched = await call<{ fullName: string }>('PATCH', '/me', {
      token: login.body.accessToken,
      body: { fullName: 'Nguyễn Thị Lan Anh' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.fullName).toBe('Nguyễn Thị Lan Anh');

    // The address: kept on one line, and a bad one is a 400 problem beside its field.
    const housed = await call<{ address: string | null }>('PATCH', '/me', {
      token: login.body.accessToken,
      body: { address: ' Số 3 Lê Lợi,\n phường Bến Thành, TP. Hồ Chí Minh ' },
    });
    expect(housed.status).toBe(200);
    expect(housed.body.address).toBe('Số 3 Lê Lợi, phường Bến Thành, TP. Hồ Chí Minh');
    const tooLong = await call<{ code: string; errors: { field: string; message: string }[] }>(
      'PATCH',
      '/me',
      { token: login.body.accessToken, body: { address: 'x'.repeat(256) } },
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.headers.get('content-type')).toContain('application/problem+json');
    expect(tooLong.body).toMatchObject({
      code: 'request.validation',
      errors: [{ field: 'address', message: 'Địa chỉ không được dài quá 255 ký tự' }],
    });

    // Refresh rotates; the old refresh token used again revokes the whole family.
    const refreshed = await call<{ accessToken: string; refreshToken: string }>(
      'POST',
      '/auth/refresh',
      {
        body: { refreshToken: login.body.refreshToken },
      },
    );
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(login.body.refreshToken);
    expect(
      (await call('POST', '/auth/refresh', { body: { refreshToken: login.body.refreshToken } }))
        .status,
    ).toBe(401);
    expect(
      (await call('POST', '/auth/refresh', { body: { refreshToken: refreshed.body.refreshToken } }))
        .status,
    ).toBe(401);
    expect((await call('GET', '/me', { token: refreshed.body.accessToken })).status).toBe(401);

    // Change password: the current one is required.
    const session = await call<{ accessToken: string }>('POST', '/auth/login', {
      body: { email, password },
    });
    const wrongCurrent = await call('POST', '/me/password', {
      token: session.body.accessToken,
      body: { currentPassword: 'not my password', newPassword: 'một mật khẩu mới' },
    });
    expect(wrongCurrent.status).toBeGreaterThanOrEqual(400);
    expect(wrongCurrent.status).toBeLessThan(500);
    const changed = await call('POST', '/me/password', {
      token: session.body.accessToken,
      body: { currentPassword: password, newPassword: 'một mật khẩu mới' },
    });
    expect(changed.status).toBeLessThan(300);
    expect((await call('POST', '/auth/login', { body: { email, password } })).status).toBe(401);
  });

  it('resets a forgotten password with the captcha and the emailed link', async () => {
    const captcha = await call<{ captchaId: string; svg: string }>('GET', '/auth/captcha');
    expect(captcha.status).toBe(200);
    expect(captcha.body.svg).toContain('<svg');
    const answer = await stack.redis.get(`captcha:${captcha.body.captchaId}`);
    expect(answer).toBeTruthy();

    const wrong = await call('POST', '/auth/forgot-password', {
      body: { email, captchaId: captcha.body.captchaId, captchaAnswer: 'zzzz-wrong' },
    });
    expect(wrong.status).toBe(400);
    // The captcha is single use: even the right answer fails now.
    const reused = await call('POST', '/auth/forgot-password', {
      body: { email, captchaId: captcha.body.captchaId, captchaAnswer: answer },
    });
    expect(reused.status).toBe(400);

    const fresh = await call<{ captchaId: string }>('GET', '/auth/captcha');
    const freshAnswer = await stack.redis.get(`captcha:${fresh.body.captchaId}`);
    const accepted = await call('POST', '/auth/forgot-password', {
      body: { email, captchaId: fresh.body.captchaId, captchaAnswer: freshAnswer },
    });
    expect(accepted.status).toBe(202);

    // An unknown email gets the very same answer.
    const other = await call<{ captchaId: string }>('GET', '/auth/captcha');
    const unknown = await call('POST', '/auth/forgot-password', {
      body: {
        email: 'nobody-here@example.com',
        captchaId: other.body.captchaId,
        captchaAnswer: await stack.redis.get(`captcha:${other.body.captchaId}`),
      },
    });
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(accepted.body);

    const resetMail = await waitFor(
      () =>
        stack.smtp.messages.find((m) =>
          (m.text ?? '').includes('http://portal.test/reset-password?token='),
        ),
      { timeoutMs: 15_000, what: 'the password reset email' },
    );
    const resetToken = tokenIn(resetMail.text ?? '', '/reset-password');
    const reset = await call('POST', '/auth/reset-password', {
      body: { token: resetToken, newPassword: 'mật khẩu sau khi quên' },
    });
    expect(reset.status).toBeLessThan(300);
    expect(
      (
        await call('POST', '/auth/reset-password', {
          body: { token: resetToken, newPassword: 'lần thứ hai nữa' },
        })
      ).status,
    ).toBe(400);

    const login = await call('POST', '/auth/login', {
      body: { email, password: 'mật khẩu sau khi quên' },
    });
    expect(login.status).toBe(200);
  });
  it('answers a registration with a pending address like a new one, and sends the mailbox a link to set the password and activate', async () => {
    const taken = `Pending+${Date.now()}@Example.com`;
    const fresh = `new2+${Date.now()}@example.com`;
    const first = await register(stack, call, { email: taken, password, fullName: 'Trần Văn Cũ' });
    await mailTo(taken, /^Kích hoạt/);
    const again = await register(stack, call, {
      email: taken.toUpperCase(),
      password: 'mật khẩu của kẻ khác',
      fullName: 'Ai đó',
    });
    const brandNew = await register(stack, call, { email: fresh, password, fullName: 'Lê Mới' });
    for (const reply of [again, brandNew]) {
      expect({ status: reply.status, body: reply.body }).toEqual({
        status: first.status,
        body: first.body,
      });
    }
    const link = await mailTo(taken, /^Đặt mật khẩu và kích hoạt/);
    const token = tokenIn(link.text ?? '', '/reset-password');
    const chosen = 'mật khẩu chủ hộp thư chọn';
    expect(
      (await call('POST', '/auth/reset-password', { body: { token, newPassword: chosen } })).status,
    ).toBe(204);
    // Active now, with the mailbox holder's password; the second registrant's never counted.
    const refused = await call('POST', '/auth/login', {
      body: { email: taken, password: 'mật khẩu của kẻ khác' },
    });
    expect(refused.status).toBe(401);
    expect(
      (await call('POST', '/auth/login', { body: { email: taken, password: chosen } })).status,
    ).toBe(200);

    // "Gửi lại email kích hoạt": the same 202 for any address.
    const resend = async (address: string) => {
      const reply = await call('POST', '/auth/resend-activation', {
        body: { email: address, ...(await solvedCaptcha(stack, call)) },
      });
      return { status: reply.status, body: reply.body };
    };
    expect(await resend(taken)).toEqual(await resend(`nobody+${Date.now()}@example.com`));
    expect((await resend(fresh)).status).toBe(202);
  });

  it('answers a registration with a taken address exactly like a new one, and tells only the mailbox', async () => {
    const taken = `Existing+${Date.now()}@Example.com`;
    const fresh = `new+${Date.now()}@example.com`;
    const first = await register(stack, call, { email: taken, password, fullName: 'Trần Văn Cũ' });
    const activated = tokenIn((await mailTo(taken, /^Kích hoạt/)).text ?? '', '/activate');
    await call('POST', '/auth/activate', { body: { token: activated } });
    const again = await register(stack, call, {
      email: taken.toUpperCase(),
      password: 'mật khẩu của kẻ khác',
      fullName: 'Ai đó',
    });
    const brandNew = await register(stack, call, { email: fresh, password, fullName: 'Lê Mới' });
    for (const reply of [again, brandNew]) {
      expect({ status: reply.status, body: reply.body }).toEqual({
        status: first.status,
        body: first.body,
      });
    }

    // The holder of the taken address learns of it, with the way back in; nothing else changed.
    const warning = await mailTo(taken, /vừa đăng ký tài khoản bằng email/);
    expect(warning.text).toContain('http://portal.test/forgot-password');
    expect(warning.text).not.toContain('token=');
    await mailTo(fresh, /^Kích hoạt/);
    const activations = stack.smtp.messages.filter(
      (m) =>
        JSON.stringify(m.to).toLowerCase().includes(taken.toLowerCase()) &&
        /^Kích hoạt/.test(m.subject ?? ''),
    );
    expect(activations).toHaveLength(1);
  });

  it('keeps no activation or reset token readable anywhere in the database, while the emailed links work', async () => {
    const address = `tokens+${Date.now()}@example.com`;
    await register(stack, call, { email: address, password, fullName: 'Phạm Bí Mật' });
    const activationToken = tokenIn((await mailTo(address, /^Kích hoạt/)).text ?? '', '/activate');
    expect(
      (await call('POST', '/auth/activate', { body: { token: activationToken } })).status,
    ).toBe(200);
    const forgot = await call('POST', '/auth/forgot-password', {
      body: { email: address, ...(await solvedCaptcha(stack, call)) },
    });
    expect(forgot.status).toBe(202);
    const resetToken = tokenIn((await mailTo(address, /^Đặt lại/)).text ?? '', '/reset-password');

    // Every row of every table of every service, outboxes and email deliveries included.
    const db = await new DataSource({ type: 'postgres', url: TEST_DATABASE_URL }).initialize();
    try {
      const tables: { table_schema: string; table_name: string }[] = await db.query(
        `SELECT table_schema, table_name FROM information_schema.tables
          WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE'`,
        [stack.schemas],
      );
      expect(tables.map((t) => `${t.table_schema}.${t.table_name}`)).toEqual(
        expect.arrayContaining([
          `${stack.schemas[0]}.outbox`,
          `${stack.schemas[0]}.email_tokens`,
          `${stack.schemas[2]}.email_deliveries`,
        ]),
      );
      let dump = '';
      for (const t of tables) {
        const rows: { row: string }[] = await db.query(
          `SELECT row_to_json(r)::text AS row FROM "${t.table_schema}"."${t.table_name}" r`,
        );
        dump += rows.map((r) => r.row).join('\n');
      }
      expect(dump).toContain(address.toLowerCase()); // the dump does see the account's rows
      for (const token of [activationToken, resetToken]) {
        expect(dump).not.toContain(token);
        expect(dump).not.toContain(encodeURIComponent(token));
      }
    } finally {
      await db.destroy();
    }

    const reset = await call('POST', '/auth/reset-password', {
      body: { token: resetToken, newPassword: 'mật khẩu sau khi kiểm tra' },
    });
    expect(reset.status).toBe(204);
  });

  it("keeps the portal's refresh token in an HttpOnly, SameSite=Strict cookie that refreshes and logs out, from the portal's pages only", async () => {
    const url = (path: string) => `${stack.url}/api/v1${path}`;
    const email = `cookie+${Date.now()}@example.com`;
    await register(stack, call, { email, password, fullName: 'Đỗ Phiên' });
    const activation = tokenIn((await mailTo(email, /^Kích hoạt/)).text ?? '', '/activate');
    await call('POST', '/auth/activate', { body: { token: activation } });
    const asPortal = { 'content-type': 'application/json', 'x-dvc-session': 'cookie' };
    const login = await fetch(url('/auth/login'), {
      method: 'POST',
      headers: asPortal,
      body: JSON.stringify({ email, password }),
    });
    expect(login.status).toBe(200);
    const answer = (await login.json()) as Record<string, unknown>;
    expect(answer).toMatchObject({ accessToken: expect.any(String), tokenType: 'Bearer' });
    expect(answer).not.toHaveProperty('refreshToken');
    const cookie = login.headers.getSetCookie()[0];
    // Plain http in this test: no Secure (PUBLIC_URL https adds it).
    expect(cookie).toMatch(
      /^dvc_refresh=[A-Za-z0-9_-]{43}; Path=\/api\/v1\/auth; HttpOnly; SameSite=Strict$/,
    );
    const jar = cookie.split(';')[0];

    const refresh = (cookieHeader: string, origin?: string) =>
      fetch(url('/auth/refresh'), {
        method: 'POST',
        headers: { ...asPortal, cookie: cookieHeader, ...(origin ? { origin } : {}) },
        body: '{}',
      });
    // Another site's page cannot use it (SameSite=Strict keeps browsers from sending it; the
    // Origin check holds even where a browser would).
    const foreign = await refresh(jar, 'https://evil.example');
    expect(foreign.status).toBe(403);
    const rotated = await refresh(jar, new URL(stack.url).origin);
    expect(rotated.status).toBe(200);
    expect(await rotated.json()).not.toHaveProperty('refreshToken');
    const next = rotated.headers.getSetCookie()[0].split(';')[0];
    expect(next).not.toBe(jar);
    // The old cookie is spent: reuse ends the session, and the browser is told to forget it.
    const reused = await refresh(jar);
    expect(reused.status).toBe(401);
    expect(reused.headers.getSetCookie()[0]).toMatch(/^dvc_refresh=; Max-Age=0/);

    const again = await fetch(url('/auth/login'), {
      method: 'POST',
      headers: asPortal,
      body: JSON.stringify({ email, password }),
    });
    const session = again.headers.getSetCookie()[0].split(';')[0];
    const logout = await fetch(url('/auth/logout'), {
      method: 'POST',
      headers: { ...asPortal, cookie: session },
      body: '{}',
    });
    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie()[0]).toMatch(/^dvc_refresh=; Max-Age=0/);
    expect((await refresh(session)).status).toBe(401);
    expect((await refresh('')).status).toBe(401);
  });

  describe('live streams end with their session', () => {
    const streamAddress = `stream+${Date.now()}@example.com`;
    let streamPassword = 'mật khẩu của luồng 1';
    const opened: SseClient[] = [];

    const signIn = async () => {
      const reply = await call<{ accessToken: string; refreshToken: string }>(
        'POST',
        '/auth/login',
        { body: { email: streamAddress, password: streamPassword } },
      );
      expect(reply.status).toBe(200);
      return reply.body;
    };
    const liveStream = async (accessToken: string) => {
      const client = await openSse(`${stack.url}/api/v1/notifications/stream`, {
        authorization: `Bearer ${accessToken}`,
      });
      expect(client.status).toBe(200);
      opened.push(client);
      return client;
    };
    /** Ended within a few seconds: the gateway heard identity revoke the session. */
    const endsSoon = (client: SseClient, what: string) =>
      waitFor(() => client.ended, { timeoutMs: 3_000, what: `the stream to end after ${what}` });

    beforeAll(async () => {
      await register(stack, call, {
        email: streamAddress,
        password: streamPassword,
        fullName: 'Vũ Trực Tuyến',
      });
      const token = tokenIn((await mailTo(streamAddress, /^Kích hoạt/)).text ?? '', '/activate');
      await call('POST', '/auth/activate', { body: { token } });
    });

    afterAll(() => opened.forEach((client) => client.close()));

    it('on logout', async () => {
      const session = await signIn();
      const other = await liveStream((await signIn()).accessToken);
      const client = await liveStream(session.accessToken);
      expect((await call('POST', '/auth/logout', { token: session.accessToken })).status).toBe(204);
      await endsSoon(client, 'logout');
      expect(other.ended).toBe(false); // another session's stream goes on
    });

    it('on refresh-token reuse', async () => {
      const session = await signIn();
      const client = await liveStream(session.accessToken);
      const rotate = (refreshToken: string) =>
        call('POST', '/auth/refresh', { body: { refreshToken } });
      expect((await rotate(session.refreshToken)).status).toBe(200);
      expect((await rotate(session.refreshToken)).status).toBe(401);
      await endsSoon(client, 'refresh-token reuse');
    });

    it('on a password change, for every other session', async () => {
      const mine = await signIn();
      const elsewhere = await liveStream((await signIn()).accessToken);
      const changed = await call('POST', '/me/password', {
        token: mine.accessToken,
        body: { currentPassword: streamPassword, newPassword: 'mật khẩu của luồng 2' },
      });
      expect(changed.status).toBe(204);
      streamPassword = 'mật khẩu của luồng 2';
      await endsSoon(elsewhere, 'a password change');
    });

    it('on a password reset', async () => {
      const client = await liveStream((await signIn()).accessToken);
      await call('POST', '/auth/forgot-password', {
        body: { email: streamAddress, ...(await solvedCaptcha(stack, call)) },
      });
      const resetMail = await waitFor(
        () =>
          stack.smtp.messages.find(
            (m) => JSON.stringify(m.to).includes(streamAddress) && /^Đặt lại/.test(m.subject ?? ''),
          ),
        { timeoutMs: 15_000, what: 'the reset email' },
      );
      const token = tokenIn(resetMail.text ?? '', '/reset-password');
      const reset = await call('POST', '/auth/reset-password', {
        body: { token, newPassword: 'mật khẩu của luồng 3' },
      });
      expect(reset.status).toBe(204);
      await endsSoon(client, 'a password reset');
    });
  });

  it('slows the guesser of an account, not its owner, and says when to retry', async () => {
    const owner = `owner+${Date.now()}@example.com`;
    await register(stack, call, { email: owner, password, fullName: 'Đỗ Chủ Nhân' });
    const token = tokenIn((await mailTo(owner, /^Kích hoạt/)).text ?? '', '/activate');
    await call('POST', '/auth/activate', { body: { token } });
    const attempt = (ip: string, body: Record<string, unknown>) =>
      call('POST', '/auth/login', {
        body: { email: owner, ...body },
        headers: { 'x-forwarded-for': ip },
      });
    let last = await attempt('203.0.113.7', { password: 'wrong 0' });
    for (let i = 1; i <= 10 && last.status === 401; i++)
      last = await attempt('203.0.113.7', { password: `wrong ${i}` });
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    // The account is under attack: its owner needs the captcha, then gets in.
    const needsCaptcha = await attempt('203.0.113.8', { password });
    expect(needsCaptcha.status).toBe(401);
    expect(needsCaptcha.body).toMatchObject({ code: 'auth.captcha_required' });
    const ok = await attempt('203.0.113.8', { password, ...(await solvedCaptcha(stack, call)) });
    expect(ok.status).toBe(200);
  });
});
