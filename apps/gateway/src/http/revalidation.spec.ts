import Fastify, { FastifyInstance } from 'fastify';
import { revalidation } from './revalidation';

describe('revalidation of public answers', () => {
  let app: FastifyInstance;
  let procedures = [{ code: '1.001193', name: 'Đăng ký khai sinh' }];

  beforeAll(async () => {
    app = Fastify();
    app.addHook('onSend', revalidation);
    app.get('/procedures', async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return procedures;
    });
    app.get('/me', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { email: 'citizen@dvc.local' };
    });
    await app.ready();
  });

  afterAll(() => app.close());

  it('gives a public answer an ETag and answers 304, without a body, to a client that has it', async () => {
    const first = await app.inject({ method: 'GET', url: '/procedures' });
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);

    const again = await app.inject({
      method: 'GET',
      url: '/procedures',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['cache-control']).toBe('public, max-age=60');

    const weak = await app.inject({
      method: 'GET',
      url: '/procedures',
      headers: { 'if-none-match': `"other", W/${etag}` },
    });
    expect(weak.statusCode).toBe(304);
  });

  it('sends the new answer, with a new ETag, once the content changed', async () => {
    const before = await app.inject({ method: 'GET', url: '/procedures' });
    procedures = [...procedures, { code: '1.000001', name: 'Cấp giấy phép lái xe' }];

    const after = await app.inject({
      method: 'GET',
      url: '/procedures',
      headers: { 'if-none-match': before.headers.etag as string },
    });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.json()).toHaveLength(2);
  });

  it('leaves private answers alone: no ETag, never 304', async () => {
    const answer = await app.inject({
      method: 'GET',
      url: '/me',
      headers: { 'if-none-match': '*' },
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers.etag).toBeUndefined();
  });
});
