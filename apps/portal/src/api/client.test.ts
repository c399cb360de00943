import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '../auth/session';
import { body, client } from './client';
import { ApiProblem } from './problem';

const token = (sub: string) =>
  `h.${btoa(JSON.stringify({ sub, roles: ['citizen'], agencies: [] }))}.s`;

interface Sent {
  method: string;
  url: string;
  authorization: string | null;
  body: string;
}

/** A fake gateway: answers each call with the next response and records what it got. */
function gateway(...answers: Response[]) {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (input: Request | string, init?: RequestInit) => {
    const request =
      typeof input === 'string' ? new Request(new URL(input, window.location.origin), init) : input;
    sent.push({
      method: request.method,
      url: request.url,
      authorization: request.headers.get('authorization'),
      body: await request.text(),
    });
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected call ${request.method} ${request.url}`);
    return answer;
  });
  return sent;
}

const json = (status: number, value: unknown, type = 'application/json') =>
  new Response(JSON.stringify(value), { status, headers: { 'content-type': type } });

afterEach(() => {
  vi.unstubAllGlobals();
  session.end();
});

describe('the portal API client (openapi-fetch)', () => {
  it('sends the access token and reads the answer', async () => {
    session.start({ accessToken: token('an') });
    const sent = gateway(json(200, { id: 'd1', status: 'DRAFT' }));
    const view = await body(
      client.GET('/api/v1/dossiers/{id}', { params: { path: { id: 'd1' } } }),
    );
    expect(view).toEqual({ id: 'd1', status: 'DRAFT' });
    expect(sent[0]).toMatchObject({
      method: 'GET',
      url: `${window.location.origin}/api/v1/dossiers/d1`,
      authorization: `Bearer ${token('an')}`,
    });
  });

  it('renews an expired session once and sends the same request again', async () => {
    session.start({ accessToken: token('old') });
    const sent = gateway(
      json(401, { code: 'auth.token_expired' }, 'application/problem+json'),
      json(200, { accessToken: token('new'), expiresIn: 900 }),
      json(200, { id: 'd1' }),
    );
    await body(
      client.PATCH('/api/v1/dossiers/{id}', {
        params: { path: { id: 'd1' } },
        body: { deliveryMethod: 'desk' },
      }),
    );
    expect(sent.map((s) => [s.method, new URL(s.url).pathname, s.authorization])).toEqual([
      ['PATCH', '/api/v1/dossiers/d1', `Bearer ${token('old')}`],
      ['POST', '/api/v1/auth/refresh', null],
      ['PATCH', '/api/v1/dossiers/d1', `Bearer ${token('new')}`],
    ]);
    expect(sent[2].body).toBe(JSON.stringify({ deliveryMethod: 'desk' }));
  });

  it('turns a problem+json answer into ApiProblem with its field errors', async () => {
    gateway(
      json(
        422,
        {
          status: 422,
          code: 'dossier.form_invalid',
          detail: 'Tờ khai chưa hợp lệ.',
          errors: [{ field: '/hoTen', message: 'Họ tên: không được để trống' }],
        },
        'application/problem+json',
      ),
    );
    const failure = await body(
      client.POST('/api/v1/dossiers/{id}/submit', { params: { path: { id: 'd1' } } }),
    ).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ApiProblem);
    expect(failure).toMatchObject({
      status: 422,
      code: 'dossier.form_invalid',
      detail: 'Tờ khai chưa hợp lệ.',
      errors: [{ field: '/hoTen', message: 'Họ tên: không được để trống' }],
    });
  });

  it('leaves empty filters out of the address', async () => {
    const sent = gateway(json(200, { items: [], total: 0, page: 1, pageSize: 10 }));
    await body(
      client.GET('/api/v1/procedures', {
        params: { query: { q: '', level: 4, field: undefined } },
      }),
    );
    expect(new URL(sent[0].url).search).toBe('?level=4');
  });
});
