import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { JwtService } from '@nestjs/jwt';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '@dvc/config';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  AccessTokenClaims,
  CatalogueErrors,
  CatalogueRpc,
  DomainError,
  IdentityRpc,
  DossierRpc,
  NotificationRpc,
  PaymentRpc,
  RpcQueues,
  StorageRpc,
  sessionRevokedChannel,
} from '@dvc/contracts';
import { FakeRpcService, ServiceUnderTest, isolatedService, notFound, waitFor } from '@dvc/testing';
import { startGateway } from './app';
import { GatewayConfig } from './gateway.config';
import { openApiDocumentOffline } from './openapi/openapi-document';

jest.setTimeout(30_000);

const JWT_SECRET = 'gateway-int-spec-secret-0123456789';
const RPC_TIMEOUT_MS = 500;
const AUTH_LIMIT = 3;

const FORM_BYTES = Buffer.from('%PDF-1.4\n% tờ khai khai sinh\n%%EOF\n', 'utf8');

/** catalogue's internal HTTP server: one form template, problem+json 404 otherwise. */
async function startCatalogueHttp(): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === '/internal/procedures/1.001193/forms/to-khai') {
      res.writeHead(200, {
        'Content-Type': 'application/pdf',
        'Content-Length': String(FORM_BYTES.length),
        'Content-Disposition': `attachment; filename="To khai.pdf"; filename*=UTF-8''T%E1%BB%9D%20khai.pdf`,
      });
      res.end(FORM_BYTES);
      return;
    }
    res.writeHead(404, { 'Content-Type': 'application/problem+json' });
    res.end(
      JSON.stringify({
        status: 404,
        code: 'form.not_found',
        title: 'Không tìm thấy',
        detail: 'Không có mẫu này',
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function gatewayConfig(env: Record<string, string>): GatewayConfig {
  return loadConfig(GatewayConfig, {
    JWT_SECRET,
    RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS),
    AUTH_RATE_LIMIT_PER_MINUTE: String(AUTH_LIMIT),
    ...env,
  });
}

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

async function request(base: string, path: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(`${base}${path}`, init);
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

function expectProblem(answer: Answer, status: number, code?: string): void {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({
    status,
    title: expect.any(String),
    detail: expect.any(String),
  });
  expect(answer.body.requestId).toBe(answer.headers.get('x-request-id'));
  if (code) expect(answer.body.code).toBe(code);
}

describe('gateway (in-process, fake identity and catalogue)', () => {
  const jwt = new JwtService({
    secret: JWT_SECRET,
    signOptions: { issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE },
  });
  let sut: ServiceUnderTest;
  let identity: FakeRpcService;
  let catalogue: FakeRpcService;
  let dossier: FakeRpcService;
  let storage: FakeRpcService;
  let payment: FakeRpcService;
  let notification: FakeRpcService;
  let catalogueHttp: Server;
  let app: NestFastifyApplication;
  let base: string;
  /** Every line the gateway logged. */
  const logLines: string[] = [];

  const token = (claims: Partial<AccessTokenClaims> = {}, options: { expiresIn?: number } = {}) =>
    jwt.sign(
      { sub: randomUUID(), roles: ['citizen'], agencies: [], sid: randomUUID(), ...claims },
      { expiresIn: options.expiresIn ?? 900 },
    );

  beforeAll(async () => {
    sut = await isolatedService('gateway');
    const { amqpUrl } = sut;
    identity = await FakeRpcService.start(amqpUrl, RpcQueues.identity, { unhandled: 'silent' });
    catalogue = await FakeRpcService.start(amqpUrl, RpcQueues.catalogue, { unhandled: 'silent' });
    identity.on(IdentityRpc.ping, () => ({ response: { ok: true } }));
    catalogue.on(CatalogueRpc.ping, () => ({ response: { ok: true } }));
    dossier = await FakeRpcService.start(amqpUrl, RpcQueues.dossier, { unhandled: 'silent' });
    storage = await FakeRpcService.start(amqpUrl, RpcQueues.storage, { unhandled: 'silent' });
    dossier.on(DossierRpc.ping, () => ({ response: { ok: true } }));
    storage.on(StorageRpc.ping, () => ({ response: { ok: true } }));
    payment = await FakeRpcService.start(amqpUrl, RpcQueues.payment, { unhandled: 'silent' });
    payment.on(PaymentRpc.ping, () => ({ response: { ok: true } }));
    notification = await FakeRpcService.start(amqpUrl, RpcQueues.notification, {
      unhandled: 'silent',
    });
    notification.on(NotificationRpc.ping, () => ({ response: { ok: true } }));
    catalogueHttp = await startCatalogueHttp();
    app = await startGateway(
      gatewayConfig({
        ...sut.env,
        CATALOGUE_HTTP_URL: `http://127.0.0.1:${(catalogueHttp.address() as AddressInfo).port}`,
        // Every request line (successes are debug); they go to logLines, not the console.
        LOG_LEVEL: 'debug',
      }),
      { logDestination: { write: (line: string) => void logLines.push(line) } },
    );
    base = sut.urlOf(app);
  });

  afterAll(() =>
    sut?.cleanup(
      app,
      identity,
      catalogue,
      dossier,
      storage,
      payment,
      notification,
      () => catalogueHttp && new Promise((done) => catalogueHttp.close(done)),
    ),
  );

  describe('ops', () => {
    it('answers /health/live, and /health/ready once every service answers its ping', async () => {
      expect((await request(base, '/health/live')).status).toBe(200);
      const ready = await waitFor(
        async () => {
          const answer = await request(base, '/health/ready');
          return answer.status === 200 && answer;
        },
        { what: 'gateway ready' },
      );
      expect(ready.body).toMatchObject({ status: 'ok' });
    });

    it('is not ready while a service does not answer its ping, and names it', async () => {
      identity.off(IdentityRpc.ping);
      try {
        const answer = await request(base, '/health/ready');
        expectProblem(answer, 503);
        expect(answer.body.checks).toMatchObject({
          identity: { status: 'down' },
          catalogue: { status: 'up' },
          redis: { status: 'up' },
        });
      } finally {
        identity.on(IdentityRpc.ping, () => ({ response: { ok: true } }));
      }
    });

    it('exposes Prometheus metrics with the HTTP latency histogram', async () => {
      await request(base, '/api/v1/procedures?pageSize=0');
      const res = await fetch(`${base}/metrics`);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toMatch(
        /http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/procedures",status="400"\} 1/,
      );
    });

    it('serves a valid OpenAPI document that lists the auth routes', async () => {
      const answer = await request(base, '/docs-json');
      expect(answer.status).toBe(200);
      expect(String(answer.body.openapi)).toMatch(/^3\./);
      const paths = answer.body.paths as Record<string, Record<string, unknown>>;
      expect(paths['/api/v1/auth/login']).toHaveProperty('post');
      expect(paths['/api/v1/procedures']).toHaveProperty('get');
      // Registration: 202 whatever the email, with the captcha.
      const register = paths['/api/v1/auth/register'].post as { responses: object };
      expect(register.responses).toHaveProperty('202');
      expect(register.responses).not.toHaveProperty('201');
      const schemas = (
        answer.body.components as { schemas: Record<string, { required: string[] }> }
      ).schemas;
      expect(schemas.RegisterDto.required).toEqual(
        expect.arrayContaining(['email', 'password', 'fullName', 'captchaId', 'captchaAnswer']),
      );
      expect(answer.body.components).toHaveProperty('securitySchemes');
    });

    it('serves the same document npm run api:generate builds without a running gateway', async () => {
      const answer = await request(base, '/docs-json');
      expect(answer.body).toEqual(await openApiDocumentOffline());
    });
  });

  describe('request logs', () => {
    const requestLines = (route: string) =>
      logLines
        .map((line) => JSON.parse(line) as { req?: { route: string } })
        .filter((line) => line.req?.route === route);

    it('carry the route template and the query redacted but for paging and filters', async () => {
      const secrets = ['000.00.01.H26-261126-0007', 'K7QX9P', 'Nguyễn Văn Bí Mật', '001099012345'];
      dossier.on(DossierRpc.publicLookup, () => notFound('dossier.not_found'));
      dossier.on(DossierRpc.officerList, () => ({
        response: { items: [], total: 0, page: 2, pageSize: 20 },
      }));
      const lookup = new URLSearchParams({ code: secrets[0], key: secrets[1] });
      expect((await request(base, `/api/v1/public/dossiers/lookup?${lookup}`)).status).toBe(404);
      const officer = token({ roles: ['officer'], agencies: ['000.00.01.H26'] });
      for (const q of [secrets[2], secrets[3]]) {
        const search = new URLSearchParams({ q, page: '2', status: 'RECEIVED' });
        const answer = await request(base, `/api/v1/officer/dossiers?${search}`, {
          headers: { authorization: `Bearer ${officer}` },
        });
        expect(answer.status).toBe(200);
      }

      const [lookupLine] = await waitFor(
        () =>
          requestLines('/api/v1/public/dossiers/lookup').length > 0 &&
          requestLines('/api/v1/public/dossiers/lookup'),
        { what: 'lookup logged' },
      );
      expect(lookupLine.req).toEqual({
        method: 'GET',
        route: '/api/v1/public/dossiers/lookup',
        query: { code: '[redacted]', key: '[redacted]' },
      });
      const searchLines = await waitFor(
        () =>
          requestLines('/api/v1/officer/dossiers').length >= 2 &&
          requestLines('/api/v1/officer/dossiers'),
        { what: 'officer searches logged' },
      );
      for (const line of searchLines) {
        expect(line.req).toEqual({
          method: 'GET',
          route: '/api/v1/officer/dossiers',
          query: { q: '[redacted]', page: '2', status: 'RECEIVED' },
        });
      }
      const output = logLines.join('');
      for (const secret of secrets) {
        for (const form of [secret, encodeURIComponent(secret), secret.replace(/ /g, '+')]) {
          expect(output).not.toContain(form);
        }
      }
    });

    it('name no path parameter, only the template', async () => {
      const id = randomUUID();
      dossier.on(DossierRpc.get, () => notFound('dossier.not_found'));
      expect(
        (
          await request(base, `/api/v1/dossiers/${id}`, {
            headers: { authorization: `Bearer ${token()}` },
          })
        ).status,
      ).toBe(404);
      await waitFor(() => requestLines('/api/v1/dossiers/:id').length > 0, {
        what: 'dossier view logged',
      });
      expect(logLines.join('')).not.toContain(id);
    });
  });

  describe('correlation', () => {
    it('echoes a sane X-Request-Id and passes it on as the RPC correlationId, with the client IP', async () => {
      identity.on(IdentityRpc.login, () => ({
        response: { accessToken: 'a', refreshToken: 'r', expiresIn: 900, tokenType: 'Bearer' },
      }));
      const answer = await request(
        base,
        '/api/v1/auth/login',
        postJson(
          { email: 'citizen@dvc.local', password: 'ChangeMe!2026' },
          { 'x-request-id': 'req-42.abc' },
        ),
      );
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        accessToken: 'a',
        refreshToken: 'r',
        expiresIn: 900,
        tokenType: 'Bearer',
      });
      expect(answer.headers.get('x-request-id')).toBe('req-42.abc');
      expect(identity.lastRequest(IdentityRpc.login)).toEqual({
        caller: null,
        correlationId: 'req-42.abc',
        ip: '127.0.0.1',
        data: { email: 'citizen@dvc.local', password: 'ChangeMe!2026' },
      });
    });

    it('replaces a missing or unsafe X-Request-Id with a fresh one', async () => {
      const missing = await fetch(`${base}/health/live`);
      expect(missing.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const unsafe = await fetch(`${base}/health/live`, {
        headers: { 'x-request-id': 'a'.repeat(500) },
      });
      expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('sets the security headers on every answer, errors included', async () => {
      const res = await fetch(`${base}/api/v1/nowhere`);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    });
  });

  describe('bad input is a 4xx problem, never a 500', () => {
    it('malformed JSON → 400', async () => {
      const answer = await request(base, '/api/v1/auth/activate', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"token": ',
      });
      expectProblem(answer, 400);
      expect(answer.body.instance).toBe('/api/v1/auth/activate');
    });

    it('an empty JSON body → 400', async () => {
      const answer = await request(base, '/api/v1/auth/activate', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '',
      });
      expectProblem(answer, 400);
    });

    it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml'])(
      'a %s body → 415',
      async (contentType) => {
        const answer = await request(base, '/api/v1/auth/activate', {
          method: 'POST',
          headers: { 'content-type': contentType },
          body: 'token=x',
        });
        expectProblem(answer, 415);
      },
    );

    it('a body over 1 MB → 413', async () => {
      const answer = await request(
        base,
        '/api/v1/auth/activate',
        postJson({ token: 'x'.repeat(1024 * 1024) }),
      );
      expectProblem(answer, 413);
    });

    it('an unknown field → 400 naming it', async () => {
      const answer = await request(
        base,
        '/api/v1/auth/activate',
        postJson({ token: 'abc', admin: true }),
      );
      expectProblem(answer, 400, 'request.validation');
      expect(answer.body.errors).toEqual([{ field: 'admin', message: expect.any(String) }]);
      expect(identity.lastRequest(IdentityRpc.activate)).toBeUndefined();
    });

    it('a page size over 100 → 400 naming pageSize', async () => {
      const answer = await request(base, '/api/v1/procedures?pageSize=101');
      expectProblem(answer, 400, 'request.validation');
      expect(answer.body.errors).toEqual([{ field: 'pageSize', message: expect.any(String) }]);
    });

    it('an unknown route → 404', async () => {
      const answer = await request(base, '/api/v1/nowhere?secret=1');
      expectProblem(answer, 404);
      expect(answer.body).toMatchObject({ type: 'about:blank', instance: '/api/v1/nowhere' });
    });
  });

  describe('authentication and roles', () => {
    it('missing token → 401', async () => {
      expectProblem(await request(base, '/api/v1/me'), 401, 'auth.missing_token');
    });

    it('an `alg: none` token → 401', async () => {
      const encode = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
      const exp = Math.floor(Date.now() / 1000) + 600;
      const none = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: randomUUID(), roles: ['admin'], agencies: [], sid: 's', exp })}.`;
      expectProblem(
        await request(base, '/api/v1/me', { headers: bearer(none) }),
        401,
        'auth.invalid_token',
      );
    });

    it('a token of another issuer or for another audience → 401', async () => {
      const claims = { sub: randomUUID(), roles: ['citizen'], agencies: [], sid: randomUUID() };
      const bare = new JwtService({ secret: JWT_SECRET });
      for (const wrong of [
        { issuer: 'another-issuer', audience: ACCESS_TOKEN_AUDIENCE },
        { issuer: ACCESS_TOKEN_ISSUER, audience: 'another-api' },
      ]) {
        const signed = bare.sign(claims, { expiresIn: 900, ...wrong });
        expectProblem(
          await request(base, '/api/v1/me', { headers: bearer(signed) }),
          401,
          'auth.invalid_token',
        );
      }
    });

    it('an expired token → 401 that says so', async () => {
      const expired = token({}, { expiresIn: -10 });
      expectProblem(
        await request(base, '/api/v1/me', { headers: bearer(expired) }),
        401,
        'auth.token_expired',
      );
    });

    it('a token of a revoked session → 401', async () => {
      const sid = randomUUID();
      await sut.redis.set(`${sut.redisPrefix}session-revoked:${sid}`, '1', 'EX', 60);
      expectProblem(
        await request(base, '/api/v1/me', { headers: bearer(token({ sid })) }),
        401,
        'auth.session_revoked',
      );
    });

    it('a session accepted before is refused at once when identity revokes it', async () => {
      const sid = randomUUID();
      identity.on(IdentityRpc.getProfile, (req) => ({ response: { id: req.caller?.accountId } }));
      const headers = bearer(token({ sid }));
      // Accepted twice: the second answer may come from what this instance remembers.
      for (let i = 0; i < 2; i++)
        expect((await request(base, '/api/v1/me', { headers })).status).toBe(200);
      // As identity revokes: the mark and the announcement, before its answer.
      await sut.redis
        .multi()
        .set(`${sut.redisPrefix}session-revoked:${sid}`, '1', 'EX', 60)
        .publish(sessionRevokedChannel(sut.redisPrefix), sid)
        .exec();
      expectProblem(await request(base, '/api/v1/me', { headers }), 401, 'auth.session_revoked');
    });

    it('a valid token reaches identity with the caller, its session included', async () => {
      const accountId = randomUUID();
      const sid = randomUUID();
      identity.on(IdentityRpc.getProfile, (req) => ({ response: { id: req.caller?.accountId } }));
      const answer = await request(base, '/api/v1/me', {
        headers: bearer(token({ sub: accountId, sid })),
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ id: accountId });
      expect(identity.lastRequest(IdentityRpc.getProfile)?.caller).toEqual({
        accountId,
        roles: ['citizen'],
        agencies: [],
        sessionId: sid,
      });
    });

    it('a citizen on an admin route → 403', async () => {
      const answer = await request(
        base,
        '/api/v1/admin/procedures',
        postJson({ code: '1.000001' }, bearer(token())),
      );
      expectProblem(answer, 403, 'auth.role_required');
      expect(catalogue.lastRequest(CatalogueRpc.upsertProcedure)).toBeUndefined();
    });

    it('an admin reaches catalogue, the path code winning', async () => {
      catalogue.on(CatalogueRpc.upsertProcedure, (req) => ({ response: req.data }));
      const answer = await request(base, '/api/v1/admin/procedures/1.000001', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...bearer(token({ roles: ['admin'] })) },
        body: JSON.stringify({ name: 'Đăng ký khai sinh' }),
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ name: 'Đăng ký khai sinh', code: '1.000001' });
    });

    it('logout works with an expired access token, as an anonymous call with the refresh token', async () => {
      identity.on(IdentityRpc.logout, () => ({ response: { loggedOut: true } }));
      const res = await fetch(
        `${base}/api/v1/auth/logout`,
        postJson({ refreshToken: 'rt' }, bearer(token({}, { expiresIn: -10 }))),
      );
      expect(res.status).toBe(204);
      expect(identity.lastRequest(IdentityRpc.logout)).toMatchObject({
        caller: null,
        data: { refreshToken: 'rt' },
      });
    });
  });

  describe('errors of the services', () => {
    it('a remote 409 passes through with its code and extra members', async () => {
      identity.on(IdentityRpc.register, () => ({
        err: {
          status: 409,
          code: 'account.status_conflict',
          title: 'Xung đột',
          detail: 'Tài khoản đang ở trạng thái khác.',
          field: 'email',
        },
      }));
      const answer = await request(
        base,
        '/api/v1/auth/register',
        postJson({
          email: 'taken@dvc.local',
          password: 'ChangeMe!2026',
          fullName: 'Nguyễn Văn A',
          captchaId: 'c',
          captchaAnswer: 'x',
        }),
      );
      expectProblem(answer, 409, 'account.status_conflict');
      expect(answer.body).toMatchObject({
        type: 'urn:dvc:problem:account.status_conflict',
        detail: 'Tài khoản đang ở trạng thái khác.',
        field: 'email',
      });
    });

    it("words a service's problem in the caller's language: English with Accept-Language: en", async () => {
      const procedureNotFound = new DomainError(CatalogueErrors.procedureNotFound, {
        params: { code: '9.999999' },
      });
      catalogue.on(CatalogueRpc.getProcedure, () => ({ err: procedureNotFound.toProblem() }));
      const english = await request(base, '/api/v1/procedures/9.999999', {
        headers: { 'accept-language': 'en-US,en;q=0.9' },
      });
      expectProblem(english, 404, 'procedure.not_found');
      expect(english.body).toMatchObject({
        type: 'urn:dvc:problem:procedure.not_found',
        title: 'Not found',
        detail: 'No procedure with code 9.999999.',
      });
      expect(english.body).not.toHaveProperty('params');

      const vietnamese = await request(base, '/api/v1/procedures/9.999999');
      expectProblem(vietnamese, 404, 'procedure.not_found');
      expect(vietnamese.body).toMatchObject({
        title: 'Không tìm thấy',
        detail: 'Không tìm thấy thủ tục mã 9.999999.',
      });
    });

    it("words the gateway's own problems in English too, field errors keeping their shape", async () => {
      const english = { 'accept-language': 'en' };
      const anonymous = await request(base, '/api/v1/me', { headers: english });
      expectProblem(anonymous, 401, 'auth.missing_token');
      expect(anonymous.body.detail).toBe('Sign in first (Authorization: Bearer <access token>).');

      const invalid = await request(
        base,
        '/api/v1/auth/login',
        postJson({ email: 'not an email', password: 'x', admin: true }, english),
      );
      expectProblem(invalid, 400, 'request.validation');
      expect(invalid.body.detail).toBe('The request data is not valid.');
      expect(invalid.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'email', message: expect.any(String) },
          { field: 'admin', message: expect.any(String) },
        ]),
      );
    });

    it("identity's own login throttling (429 with retryAfter) sets Retry-After", async () => {
      identity.on(IdentityRpc.login, () => ({
        err: { status: 429, code: 'login.throttled', title: 'Quá nhiều yêu cầu', retryAfter: 42 },
      }));
      const answer = await request(
        base,
        '/api/v1/auth/login',
        postJson({ email: 'a@dvc.local', password: 'wrong-password' }),
      );
      expectProblem(answer, 429, 'login.throttled');
      expect(answer.headers.get('retry-after')).toBe('42');
    });

    it('an error that is not a problem → 500 without internals', async () => {
      catalogue.on(CatalogueRpc.listFields, () => ({
        err: 'TypeError: cannot read x of undefined at /app/x.js:1',
      }));
      const answer = await request(base, '/api/v1/fields');
      expectProblem(answer, 500, 'internal');
      expect(JSON.stringify(answer.body)).not.toMatch(/TypeError|x\.js/);
    });

    it('a service that never answers → 504 within the RPC timeout', async () => {
      catalogue.off(CatalogueRpc.listAgencies);
      const started = Date.now();
      const answer = await request(base, '/api/v1/agencies');
      const elapsed = Date.now() - started;
      expectProblem(answer, 504, 'rpc.timeout');
      expect(elapsed).toBeGreaterThanOrEqual(RPC_TIMEOUT_MS - 50);
      expect(elapsed).toBeLessThan(RPC_TIMEOUT_MS + 1500);
    });
  });

  describe('catalogue', () => {
    it('relays a search with the validated, typed query', async () => {
      catalogue.on(CatalogueRpc.searchProcedures, () => ({
        response: { items: [], total: 0, page: 2, pageSize: 5 },
      }));
      const answer = await request(
        base,
        '/api/v1/procedures?q=giay%20phep%20lai%20xe&page=2&pageSize=5&level=3',
      );
      expect(answer.status).toBe(200);
      expect(catalogue.lastRequest(CatalogueRpc.searchProcedures)?.data).toEqual({
        q: 'giay phep lai xe',
        page: 2,
        pageSize: 5,
        level: 3,
      });
    });

    it('streams a form template with its type, length and file name', async () => {
      const res = await fetch(`${base}/api/v1/procedures/1.001193/forms/to-khai`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-length')).toBe(String(FORM_BYTES.length));
      expect(res.headers.get('content-disposition')).toContain(
        'attachment; filename="To khai.pdf"',
      );
      expect(Buffer.from(await res.arrayBuffer()).equals(FORM_BYTES)).toBe(true);
    });

    it("passes catalogue's 404 for a form through as a problem", async () => {
      const answer = await request(base, '/api/v1/procedures/1.001193/forms/khong-co');
      expectProblem(answer, 404, 'form.not_found');
    });

    it('refuses a form id that could escape the internal path', async () => {
      const answer = await request(base, '/api/v1/procedures/1.001193/forms/..%2F..%2Fmetrics');
      expectProblem(answer, 400, 'request.validation');
    });
  });

  describe('payment callbacks', () => {
    it('relays the IPN query string untouched and answers the RspCode as JSON, 200', async () => {
      payment.on(PaymentRpc.ipn, () => ({
        response: { RspCode: '02', Message: 'Order already confirmed' },
      }));
      const query = 'vnp_Amount=13500000&vnp_OrderInfo=Thanh+toan+le+phi&vnp_SecureHash=ab';
      const answer = await request(base, `/api/v1/payments/vnpay/ipn?${query}`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(answer.body).toEqual({ RspCode: '02', Message: 'Order already confirmed' });
      expect(payment.lastRequest(PaymentRpc.ipn)).toMatchObject({
        caller: null,
        data: { rawQuery: query },
      });
    });

    it('answers 99 (never a problem) when the payment service does not answer or fails', async () => {
      payment.off(PaymentRpc.ipn);
      const silent = await request(base, '/api/v1/payments/vnpay/ipn?vnp_TxnRef=X');
      expect(silent.status).toBe(200);
      expect(silent.headers.get('content-type')).toMatch(/^application\/json/);
      expect(silent.body).toEqual({ RspCode: '99', Message: 'Unknown error' });
      payment.on(PaymentRpc.ipn, () => ({ err: { status: 500, code: 'internal', title: 'Lỗi' } }));
      const failed = await request(base, '/api/v1/payments/vnpay/ipn');
      expect(failed.body).toEqual({ RspCode: '99', Message: 'Unknown error' });
      payment.on(PaymentRpc.ipn, () => ({ response: { unexpected: true } }));
      const odd = await request(base, '/api/v1/payments/vnpay/ipn');
      expect(odd.body).toEqual({ RspCode: '99', Message: 'Unknown error' });
    });

    it('refuses a checkout without the commitment before asking the payment service', async () => {
      const id = randomUUID();
      const asked = payment.received.length;
      const answer = await request(
        base,
        `/api/v1/payments/${id}/checkout`,
        postJson({ method: 'vnpay-qr' }, bearer(token())),
      );
      expectProblem(answer, 400, 'payment.commitment_required');
      expect(payment.received).toHaveLength(asked);
    });
  });

  describe('rate limits', () => {
    it('answers 429 with Retry-After past the auth limit', async () => {
      identity.on(IdentityRpc.forgotPassword, () => ({ response: { accepted: true } }));
      const body = { email: 'someone@dvc.local', captchaId: 'c', captchaAnswer: 'x' };
      for (let i = 0; i < AUTH_LIMIT; i++) {
        const ok = await request(base, '/api/v1/auth/forgot-password', postJson(body));
        expect(ok.status).toBe(202);
        expect(ok.body).toEqual({ message: expect.any(String) });
      }
      const limited = await request(base, '/api/v1/auth/forgot-password', postJson(body));
      expectProblem(limited, 429, 'rate_limit.exceeded');
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
    });
  });
});

describe('gateway rate limits for people sharing one public address', () => {
  const jwt = new JwtService({
    secret: JWT_SECRET,
    signOptions: { issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE },
  });
  const tokenOf = (accountId: string) =>
    jwt.sign(
      { sub: accountId, roles: ['citizen'], agencies: [], sid: randomUUID() },
      { expiresIn: 900 },
    );
  let sut: ServiceUnderTest;
  let app: NestFastifyApplication;
  let base: string;

  beforeAll(async () => {
    sut = await isolatedService('gateway_office');
    // No broker: every route that reaches a service answers 503 at once, after the limits.
    app = await startGateway(
      gatewayConfig({
        ...sut.env,
        AMQP_URL: 'amqp://guest:guest@127.0.0.1:1',
        RATE_LIMIT_PER_MINUTE: '3',
        ADDRESS_RATE_LIMIT_PER_MINUTE: '12',
      }),
    );
    base = sut.urlOf(app);
  });

  afterAll(() => sut?.cleanup(app));

  it('limits each signed-in account on its own, and the address only far higher', async () => {
    const me = (accountId?: string) =>
      request(base, '/api/v1/me', accountId ? { headers: bearer(tokenOf(accountId)) } : {});
    const first = randomUUID();
    for (let i = 0; i < 3; i++) expect((await me(first)).status).toBe(503);
    expectProblem(await me(first), 429, 'rate_limit.exceeded');
    // Colleagues behind the same address, signed in or not, are not held back by that.
    const second = randomUUID();
    for (let i = 0; i < 3; i++) expect((await me(second)).status).toBe(503);
    for (let i = 0; i < 4; i++) expect((await me()).status).toBe(401);
    // The address as a whole has its own, far higher, ceiling (12 here): new accounts soon meet it.
    const statuses: number[] = [];
    for (let i = 0; i < 5 && statuses.at(-1) !== 429; i++)
      statuses.push((await me(randomUUID())).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((status) => status === 503)).toBe(true);
  });
});

describe('gateway with the broker down', () => {
  let sut: ServiceUnderTest;
  let app: NestFastifyApplication;
  let base: string;

  beforeAll(async () => {
    sut = await isolatedService('gateway_down');
    app = await startGateway(
      gatewayConfig({ ...sut.env, AMQP_URL: 'amqp://guest:guest@127.0.0.1:1' }),
    );
    base = sut.urlOf(app);
  });

  afterAll(() => sut?.cleanup(app));

  it('answers 503 at once, never hangs', async () => {
    const started = Date.now();
    const answer = await request(base, '/api/v1/procedures');
    expectProblem(answer, 503, 'rpc.unavailable');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('is live but not ready', async () => {
    expect((await request(base, '/health/live')).status).toBe(200);
    const ready = await request(base, '/health/ready');
    expectProblem(ready, 503);
    expect(ready.body.checks).toMatchObject({ rabbitmq: { status: 'down' } });
  });
});

describe('gateway with OPS_TOKEN (its port published, as in docker-compose)', () => {
  const OPS_TOKEN = 'ops-token-for-the-monitoring-0123';
  let sut: ServiceUnderTest;
  let app: NestFastifyApplication;
  let base: string;

  beforeAll(async () => {
    sut = await isolatedService('gateway_ops');
    app = await startGateway(gatewayConfig({ ...sut.env, OPS_TOKEN }));
    base = sut.urlOf(app);
  });

  afterAll(() => sut?.cleanup(app));

  it('answers /metrics and /health/ready only with the token; /health/live to anyone', async () => {
    for (const path of ['/metrics', '/health/ready']) {
      for (const authorization of [undefined, 'Bearer wrong', `Bearer ${OPS_TOKEN}x`]) {
        const answer = await request(base, path, {
          headers: authorization ? { authorization } : {},
        });
        expectProblem(answer, 401, 'ops.token_required');
      }
    }
    const metrics = await fetch(`${base}/metrics`, {
      headers: { authorization: `Bearer ${OPS_TOKEN}` },
    });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/http_request_duration_seconds/);
    const ready = await request(base, '/health/ready', {
      headers: { authorization: `Bearer ${OPS_TOKEN}` },
    });
    expect(ready.body.checks).toBeDefined();
    expect((await request(base, '/health/live')).status).toBe(200);
  });
});
