import { api } from './http';
import { Stack, startStack } from './stack';

interface ProcedureRow {
  code: string;
  name: string;
  level: number;
}

/** A visitor looks for a procedure, reads it and downloads its form; and bad input stays 4xx. */
describe('catalogue journey and bad input (e2e)', () => {
  let stack: Stack;
  let call: ReturnType<typeof api>;

  beforeAll(async () => {
    stack = await startStack();
    call = api(stack.url);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('finds "Giấy phép lái xe" without accents, reads it and downloads its form', async () => {
    const found = await call<{ items: ProcedureRow[]; total: number }>(
      'GET',
      '/procedures?q=giay%20phep%20lai%20xe',
    );
    expect(found.status).toBe(200);
    const licence = found.body.items.find((p) => /giấy phép lái xe/i.test(p.name));
    expect(licence).toBeDefined();

    const typo = await call<{ items: ProcedureRow[] }>('GET', '/procedures?q=khai%20sin');
    expect(typo.body.items.some((p) => /khai sinh/i.test(p.name))).toBe(true);

    const detail = await call<{
      code: string;
      cases: { components: unknown[]; fees: unknown[]; processingTimes: unknown[] }[];
      legalBasis: string[];
      forms: { id: string; downloadUrl: string }[];
    }>('GET', `/procedures/${licence!.code}`);
    expect(detail.status).toBe(200);
    expect(detail.body.cases[0].components.length).toBeGreaterThan(0);
    expect(detail.body.legalBasis.length).toBeGreaterThan(0);
    expect(detail.body.forms.length).toBeGreaterThan(0);

    const form = detail.body.forms[0];
    const file = await fetch(`${stack.url}${form.downloadUrl}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment/);
    const bytes = Buffer.from(await file.arrayBuffer());
    const magic = bytes.subarray(0, 4).toString('latin1');
    expect(['PK\x03\x04', '%PDF']).toContain(magic);
  });

  it('filters by level and pages the results', async () => {
    const page = await call<{
      items: ProcedureRow[];
      total: number;
      page: number;
      pageSize: number;
    }>('GET', '/procedures?level=3&page=1&pageSize=2');
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBeLessThanOrEqual(2);
    expect(page.body.total).toBeGreaterThanOrEqual(page.body.items.length);
    expect(page.body.items.every((p) => p.level === 3)).toBe(true);
    expect((await call('GET', '/agencies')).status).toBe(200);
    expect((await call('GET', '/fields')).status).toBe(200);
  });

  it.each([
    ['malformed JSON', 'POST', '/auth/login', { raw: '{"email": "a@b.c", ' }, 400],
    [
      'unknown field',
      'POST',
      '/auth/login',
      { body: { email: 'a@b.vn', password: 'x', admin: true } },
      400,
    ],
    [
      'invalid email',
      'POST',
      '/auth/register',
      { body: { email: 'not-an-email', password: '12345678', fullName: 'A' } },
      400,
    ],
    [
      'short password',
      'POST',
      '/auth/register',
      { body: { email: 'a@b.vn', password: '1234567', fullName: 'A' } },
      400,
    ],
    [
      'oversized email',
      'POST',
      '/auth/register',
      { body: { email: `${'a'.repeat(250)}@b.vn`, password: '12345678', fullName: 'A' } },
      400,
    ],
    [
      'oversized name',
      'POST',
      '/auth/register',
      { body: { email: 'a@b.vn', password: '12345678', fullName: 'A'.repeat(201) } },
      400,
    ],
    [
      'password over 128 bytes',
      'POST',
      '/auth/register',
      { body: { email: 'a@b.vn', password: 'ệ'.repeat(60), fullName: 'A' } },
      400,
    ],
    ['wrong activation token', 'POST', '/auth/activate', { body: { token: 'x'.repeat(43) } }, 400],
    ['forged JWT', 'GET', '/me', { token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' }, 401],
    ['no JWT', 'GET', '/me', {}, 401],
    ['page size over 100', 'GET', '/procedures?pageSize=101', {}, 400],
    ['unknown procedure', 'GET', '/procedures/9.999999', {}, 404],
  ] as const)('%s → %i problem+json', async (_name, method, path, options, status) => {
    const reply = await call(method, path, options as never);
    expect(reply.status).toBe(status);
    expect(reply.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(reply.body).toMatchObject({ status });
  });

  it.each(["'", '&', '|', ':*', '\\', "giấy' | & :* \\ phép", '%', '(', '!'])(
    'search with %p answers normally',
    async (q) => {
      const reply = await call('GET', `/procedures?q=${encodeURIComponent(q)}`);
      expect(reply.status).toBe(200);
      expect(reply.body).toHaveProperty('items');
    },
  );

  it('throttles the 11th failed login in a minute with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof call>> | undefined;
    for (let i = 0; i < 11; i++) {
      last = await call('POST', '/auth/login', {
        body: { email: 'citizen@dvc.local', password: `wrong-${i}-password` },
      });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
