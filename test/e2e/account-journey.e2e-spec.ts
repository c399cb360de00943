import { waitFor } from '@dvc/testing';
import { api } from './http';
import { Stack, startStack } from './stack';

/**
 * A citizen's first visit, through the gateway against the real services: register, get the
 * activation email, activate, log in, read and edit the profile, change the password, forget
 * it, reset it with the emailed link, and log in with the new one.
 */
describe('account journey (e2e)', () => {
  let stack: Stack;
  let call: ReturnType<typeof api>;
  const email = `Lan.Nguyen+${Date.now()}@Example.com`;
  const password = 'mật khẩu đủ dài 1';

  beforeAll(async () => {
    stack = await startStack();
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
    const registered = await call('POST', '/auth/register', {
      body: { email, password, fullName: 'Nguyễn Thị Lan', phone: '0912345678' },
    });
    expect(registered.status).toBe(201);

    // Same address in other case: a conflict, and no second account.
    const duplicate = await call('POST', '/auth/register', {
      body: { email: email.toUpperCase(), password, fullName: 'Ai đó' },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.headers.get('content-type')).toMatch(/application\/problem\+json/);

    const early = await call('POST', '/auth/login', { body: { email, password } });
    expect(early.status).toBe(403);

    const activation = await mailTo(email, /kích hoạt|activ/i);
    const activationToken = tokenIn(activation.text ?? '', '/activate');
    expect(
      (await call('POST', '/auth/activate', { body: { token: activationToken } })).status,
    ).toBeLessThan(300);
    expect(
      (await call('POST', '/auth/activate', { body: { token: activationToken } })).status,
    ).toBe(400);

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
});
