/**
 * A citizen submitting dossiers through the gateway while the system is being broken, retrying
 * as a browser would: transient failures (5xx, 429, network, timeouts) again with a short,
 * growing backoff and the same Idempotency-Key for the submit; anything else fails the test.
 */
export const PROCEDURE = '3.000347';
const FORM = {
  hoTen: 'Nguyễn Văn Bình',
  ngaySinh: '1990-05-20',
  soDinhDanh: '001090012345',
  soGiayPhep: '010203040506',
  hangGiayPhep: 'B',
  ngayHetHan: '2026-12-31',
  noiCuTru: 'Số 1 Hoàng Hoa Thám, phường Ba Đình, Hà Nội',
  soDienThoai: '0912345678',
};
const COMPONENTS = ['de-nghi-doi-gplx', 'ban-sao-gplx'];
const PDF = Buffer.from('%PDF-1.4\n% chaos\n%%EOF\n');

export class CitizenClient {
  private constructor(
    private readonly api: string,
    readonly token: string,
  ) {}

  /** Logs the demo citizen in through `gateway` (its origin). */
  static async login(gateway: string): Promise<CitizenClient> {
    const api = `${gateway}/api/v1`;
    const token = await retry('login', async () => {
      const r = await fetch(`${api}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'citizen@dvc.local', password: 'ChangeMe!2026' }),
      });
      return r.ok ? ((await r.json()) as { accessToken: string }).accessToken : transient(r);
    });
    return new CitizenClient(api, token);
  }

  /** Draft → form → two attachments → submit; resolves with the dossier's code. */
  async submitDossier(idempotencyKey: string): Promise<{ id: string; code: string }> {
    const { id } = await retry(`create ${idempotencyKey}`, async () => {
      const r = await this.json('POST', '/dossiers', { procedureCode: PROCEDURE });
      return r.status === 201 ? ((await r.json()) as { id: string }) : transient(r);
    });
    await retry(`form ${idempotencyKey}`, async () => {
      const r = await this.json('PATCH', `/dossiers/${id}`, {
        formData: FORM,
        deliveryMethod: 'online',
      });
      return r.ok ? true : transient(r);
    });
    for (const component of COMPONENTS) {
      await retry(`attach ${idempotencyKey}`, async () => {
        const r = await this.attach(id, component);
        return r.status === 201 ? true : transient(r);
      });
    }
    const { code } = await retry(`submit ${idempotencyKey}`, async () => {
      const r = await this.json('POST', `/dossiers/${id}/submit`, undefined, {
        'idempotency-key': idempotencyKey,
      });
      return r.ok ? ((await r.json()) as { code: string }) : transient(r);
    });
    return { id, code };
  }

  private json(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    return fetch(`${this.api}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
  }

  private attach(id: string, componentId: string) {
    const form = new FormData();
    form.append('componentId', componentId);
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), `${componentId}.pdf`);
    return fetch(`${this.api}/dossiers/${id}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}` },
      body: form,
      signal: AbortSignal.timeout(15_000),
    });
  }
}

/** Runs `work(n)` for n = 0 … count-1, `concurrency` at a time. */
export async function inParallel(
  count: number,
  concurrency: number,
  work: (n: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

class Transient extends Error {}

/** A failure a client retries: the broker or a service is restarting (5xx, 429, network). */
async function transient(response: Response): Promise<never> {
  const text = await response.text().catch(() => '');
  if (response.status >= 500 || response.status === 429) throw new Transient(`${response.status}`);
  throw new Error(`${response.status} ${text.slice(0, 300)}`);
}

/** Retries transient failures (with a short, growing backoff) until the deadline. */
async function retry<T>(what: string, attempt: () => Promise<T>, deadlineMs = 180_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      const retryable =
        err instanceof Transient ||
        (err as Error).name === 'TimeoutError' ||
        (err as Error).name === 'TypeError';
      if (!retryable || Date.now() > deadline)
        throw new Error(`${what}: ${(err as Error).message}`);
      await new Promise((r) => setTimeout(r, Math.min(2000, 100 * 2 ** Math.min(i, 5))));
    }
  }
}
