import { waitFor } from '@dvc/testing';
import { createHash } from 'node:crypto';
import { api } from './http';
import { newCitizen } from './accounts';
import { Stack, startStack } from './stack';
import { CookieJar, VNEID_CLIENT, VneidSimulator, startVneidSimulator } from './vneid-simulator';

const PUBLIC_URL = 'http://portal.test';
const AN = { idNumber: '001090000001', password: 'ChangeMe!2026', name: 'Nguyễn Văn An' };
const BINH = { idNumber: '079185000002', password: 'ChangeMe!2026', name: 'Trần Thị Bình' };
const CHAU = { idNumber: '036088000003', password: 'ChangeMe!2026', name: 'Lê Minh Châu' };

/**
 * Đăng nhập bằng VNeID, the whole authorization-code flow against the VNeID simulator (its own
 * process), through the gateway and identity, without a browser: this test is the browser,
 * keeping cookies per host and following each redirect by hand.
 */
describe('VNeID login (OpenID Connect)', () => {
  let stack: Stack;
  let simulator: VneidSimulator;
  let call: ReturnType<typeof api>;

  beforeAll(async () => {
    simulator = await startVneidSimulator(PUBLIC_URL);
    stack = await startStack({ OIDC_ISSUER: simulator.issuer, ...VNEID_CLIENT });
    call = api(stack.url);
  });

  afterAll(async () => {
    await stack?.stop();
    await simulator?.stop();
  });

  /** The portal's public address is portal.test in the stack: its API is the gateway. */
  const onGateway = (url: string) => url.replace(PUBLIC_URL, stack.url);

  async function get(jar: CookieJar, url: string): Promise<Response> {
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header(url) } });
    jar.store(url, response);
    return response;
  }

  /** Start at the gateway, log in on VNeID's form: → the callback URL VNeID sends the browser to. */
  async function throughVneid(
    jar: CookieJar,
    person: { idNumber: string; password: string },
    returnTo = '/tai-khoan',
  ): Promise<string> {
    const start = `${stack.url}/api/v1/auth/oidc/vneid/start?returnTo=${encodeURIComponent(returnTo)}`;
    const response = await get(jar, start);
    expect(response.status).toBe(302);
    return onVneidForm(jar, new URL(response.headers.get('location')!, start).toString(), person);
  }

  /** From VNeID's authorization URL through its login form: → the callback URL. */
  async function onVneidForm(
    jar: CookieJar,
    authorizationUrl: string,
    person: { idNumber: string; password: string },
  ): Promise<string> {
    let url = authorizationUrl;
    let response: Response;
    expect(url.startsWith(`${simulator.issuer}/auth?`)).toBe(true);
    expect(new URL(url).searchParams.get('code_challenge_method')).toBe('S256');
    while ((response = await get(jar, url)).status !== 200) {
      url = new URL(response.headers.get('location')!, url).toString();
    }
    expect(await response.text()).toContain('name="idNumber"');
    response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header(url) },
      body: new URLSearchParams(person).toString(),
    });
    jar.store(url, response);
    for (;;) {
      url = new URL(response.headers.get('location')!, url).toString();
      if (url.startsWith(PUBLIC_URL)) return url;
      response = await get(jar, url);
      expect([302, 303]).toContain(response.status);
    }
  }

  /** The callback: → the portal page (with the one-time code) the gateway redirects to. */
  async function callback(jar: CookieJar, callbackUrl: string): Promise<Response> {
    return get(jar, onGateway(callbackUrl));
  }

  async function exchange(code: string) {
    return call<{ accessToken: string; refreshToken: string; code?: string }>(
      'POST',
      '/auth/oidc/exchange',
      { body: { code } },
    );
  }

  async function signIn(person: { idNumber: string; password: string }) {
    const jar = new CookieJar();
    const done = await callback(jar, await throughVneid(jar, person));
    expect(done.status).toBe(302);
    const portal = new URL(done.headers.get('location')!);
    const tokens = await exchange(portal.searchParams.get('code')!);
    expect(tokens.status).toBe(200);
    return { portal, tokens: tokens.body };
  }

  it('creates a verified account from VNeID, without a password, and signs in to it', async () => {
    const jar = new CookieJar();
    const done = await callback(jar, await throughVneid(jar, AN, '/ho-so/moi?x=1'));
    expect(done.status).toBe(302);
    const portal = new URL(done.headers.get('location')!);
    expect(`${portal.origin}${portal.pathname}`).toBe(`${PUBLIC_URL}/dang-nhap/vneid`);
    expect(portal.searchParams.get('returnTo')).toBe('/ho-so/moi?x=1');

    const tokens = await exchange(portal.searchParams.get('code')!);
    expect(tokens.status).toBe(200);
    const me = await call('GET', '/me', { token: tokens.body.accessToken });
    expect(me.body).toMatchObject({
      fullName: AN.name,
      idNumber: AN.idNumber,
      birthDate: '1990-05-14',
      phone: '0912345001',
      address: 'Số 12 phố Lý Thường Kiệt, phường Cửa Nam, thành phố Hà Nội',
      email: null,
      status: 'active',
      roles: ['citizen'],
      vneid: { linkedAt: expect.any(String) },
    });

    // The next VNeID login is the same account.
    const again = await signIn(AN);
    const meAgain = await call('GET', '/me', { token: again.tokens.accessToken });
    expect(meAgain.body.id).toBe(me.body.id);
  });

  /** "Liên kết VNeID" on Trang cá nhân, signed in: → the portal page the callback lands on. */
  async function linkFromAccount(
    accessToken: string,
    person: { idNumber: string; password: string },
  ) {
    const jar = new CookieJar();
    const url = `${stack.url}/api/v1/auth/oidc/vneid/link`;
    const started = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(started.status).toBe(200);
    jar.store(url, started);
    const { location } = (await started.json()) as { location: string };
    const done = await callback(jar, await onVneidForm(jar, location, person));
    expect(done.status).toBe(302);
    return new URL(done.headers.get('location')!);
  }

  it("never hands a VNeID login to an account that merely declared the person's ID number", async () => {
    // An attacker registers with his own email and Bình's ID number, before Bình ever comes.
    const attacker = await newCitizen(stack, call, 'Kẻ mạo danh');
    await call('PATCH', '/me', { token: attacker, body: { idNumber: BINH.idNumber } });
    const attackerMe = await call('GET', '/me', { token: attacker });

    const { tokens } = await signIn(BINH);
    const me = await call('GET', '/me', { token: tokens.accessToken });
    expect(me.body.id).not.toBe(attackerMe.body.id);
    expect(me.body).toMatchObject({
      idNumber: BINH.idNumber,
      vneid: { linkedAt: expect.any(String) },
    });

    // The proven number is Bình's alone now; the attacker's declared one is gone, and he is told.
    const after = await call('GET', '/me', { token: attacker });
    expect(after.body).toMatchObject({ idNumber: null, vneid: null });
    await waitFor(
      () =>
        stack.smtp.messages.find(
          (m) =>
            JSON.stringify(m.to).includes(String(attackerMe.body.email)) &&
            (m.text ?? '').includes('*********002'),
        ),
      { timeoutMs: 15_000, what: 'the email saying the number was removed' },
    );
  });

  it('links VNeID to an existing account only from inside it, signed in, and only once', async () => {
    const own = await newCitizen(stack, call, AN.name);
    // AN signed in with VNeID before (first test): that identity has its own account already.
    const refused = await linkFromAccount(own, AN);
    expect(`${refused.pathname}?${refused.searchParams}`).toBe(
      '/tai-khoan?vneidError=vneid.already_linked',
    );
    expect((await call('GET', '/me', { token: own })).body.vneid).toBeNull();

    const anonymous = await fetch(`${stack.url}/api/v1/auth/oidc/vneid/link`, { method: 'POST' });
    expect(anonymous.status).toBe(401);

    // Châu, signed in to the account she registered, links her VNeID: it is the same account next time.
    const chau = await newCitizen(stack, call, CHAU.name);
    const chauMe = await call('GET', '/me', { token: chau });
    const linked = await linkFromAccount(chau, CHAU);
    expect(`${linked.pathname}?${linked.searchParams}`).toBe('/tai-khoan?vneid=linked');
    expect((await call('GET', '/me', { token: chau })).body).toMatchObject({
      idNumber: CHAU.idNumber,
      vneid: { linkedAt: expect.any(String) },
    });
    const { tokens } = await signIn(CHAU);
    expect((await call('GET', '/me', { token: tokens.accessToken })).body.id).toBe(chauMe.body.id);
    // The proven number stays: the profile cannot change it.
    const edited = await call('PATCH', '/me', { token: chau, body: { idNumber: '001090000999' } });
    expect(edited.status).toBe(409);
    expect(edited.body).toMatchObject({ code: 'vneid.id_number_verified' });
    // Linked once: a second link of the same account is refused.
    const again = await linkFromAccount(chau, CHAU);
    expect(again.searchParams.get('vneidError')).toBe('vneid.already_linked');
  });

  it('refuses a callback with a state it did not issue, or a second time', async () => {
    const jar = new CookieJar();
    const callbackUrl = await throughVneid(jar, AN);
    const forged = new URL(callbackUrl);
    forged.searchParams.set('state', 'not-the-state-we-sent');
    const wrong = await callback(jar, forged.toString());
    expect(wrong.status).toBe(400);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    expect(await wrong.json()).toMatchObject({ code: 'auth.oidc_state_invalid' });

    expect((await callback(jar, callbackUrl)).status).toBe(302);
    const replay = await callback(jar, callbackUrl);
    expect(replay.status).toBe(400);
  });

  it('refuses a callback from a browser other than the one that started', async () => {
    const jar = new CookieJar();
    const callbackUrl = await throughVneid(jar, AN);
    const otherBrowser = await callback(new CookieJar(), callbackUrl);
    expect(otherBrowser.status).toBe(400);
    expect(await otherBrowser.json()).toMatchObject({ code: 'auth.oidc_state_invalid' });
  });

  it('refuses an ID token whose nonce is not the one of this login', async () => {
    const jar = new CookieJar();
    const callbackUrl = await throughVneid(jar, AN);
    const state = new URL(callbackUrl).searchParams.get('state')!;
    const key = `oidc:pending:${createHash('sha256').update(state).digest('hex')}`;
    const pending = JSON.parse((await stack.redis.get(key))!) as { nonce: string };
    await stack.redis.set(key, JSON.stringify({ ...pending, nonce: 'another-nonce' }), 'EX', 60);

    const refused = await callback(jar, callbackUrl);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'auth.oidc_failed' });
  });

  it('takes a one-time code once, and not after it expired', async () => {
    const first = await signIn(AN);
    expect(first.tokens.accessToken).toBeTruthy();

    const jar = new CookieJar();
    const done = await callback(jar, await throughVneid(jar, AN));
    const code = new URL(done.headers.get('location')!).searchParams.get('code')!;
    expect((await exchange(code)).status).toBe(200);
    const reused = await exchange(code);
    expect(reused.status).toBe(400);
    expect(reused.body).toMatchObject({ code: 'auth.oidc_code_invalid' });

    const jar2 = new CookieJar();
    const done2 = await callback(jar2, await throughVneid(jar2, AN));
    const late = new URL(done2.headers.get('location')!).searchParams.get('code')!;
    const key = `oidc:exchange:${createHash('sha256').update(late).digest('hex')}`;
    expect(await stack.redis.ttl(key)).toBeLessThanOrEqual(60);
    await stack.redis.pexpire(key, 1);
    await waitFor(async () => (await stack.redis.exists(key)) === 0, {
      what: 'the code to expire',
    });
    const expired = await exchange(late);
    expect(expired.status).toBe(400);
    expect(expired.body).toMatchObject({ code: 'auth.oidc_code_invalid' });
  });

  it.each(['https://evil.example/', '//evil.example/tai-khoan', '/\\evil.example'])(
    'refuses to start with a returnTo outside the portal: %s',
    async (returnTo) => {
      const refused = await call(
        'GET',
        `/auth/oidc/vneid/start?returnTo=${encodeURIComponent(returnTo)}`,
      );
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ code: 'auth.return_to_invalid' });
    },
  );
});
