import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { waitFor } from '@dvc/testing';
import { ProcessStack, startProcessStack } from '../../scripts/process-stack';

/**
 * Fault injection (docs/design.md §3: nothing is lost): 500 citizens submit dossiers through the
 * gateway while RabbitMQ is restarted and the notification and dossier processes are killed
 * without warning and restarted. Clients retry as a browser would (same Idempotency-Key for
 * the submit). At the end every submission exists exactly once, every `dossier.submitted`
 * produced exactly one notification, no outbox holds an unsent event and every DLQ is empty.
 * Runs the built apps as separate processes (`npm run build` first) and restarts the whole
 * broker, so it runs alone, after the other suites (`npm test` does that).
 */
const NAME = 'chaos';
const SUBMISSIONS = 500;
const CONCURRENCY = 12;
const PROCEDURE = '3.000347';
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
const PDF = Buffer.from('%PDF-1.4\n% chaos\n%%EOF\n');
const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

jest.setTimeout(15 * 60_000);

describe('no loss while the broker restarts and processes crash (chaos)', () => {
  let stack: ProcessStack;
  let db: Client;

  beforeAll(async () => {
    stack = await startProcessStack({ name: NAME, firstPort: 3200, s3rverPort: 9200 });
    db = new Client({ connectionString: DATABASE_URL });
    await db.connect();
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
    await db?.end();
  });

  it(`keeps all ${SUBMISSIONS} submissions, once each, with one notification each`, async () => {
    const gateway = `${stack.url('gateway')}/api/v1`;
    const token = await retry('login', async () => {
      const r = await fetch(`${gateway}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'citizen@dvc.local', password: 'ChangeMe!2026' }),
      });
      return r.ok ? ((await r.json()) as { accessToken: string }).accessToken : transient(r);
    });
    const json = (
      method: string,
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) =>
      fetch(`${gateway}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
    const attach = (id: string, componentId: string) => {
      const form = new FormData();
      form.append('componentId', componentId);
      form.append('file', new Blob([PDF], { type: 'application/pdf' }), `${componentId}.pdf`);
      return fetch(`${gateway}/dossiers/${id}/attachments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
        signal: AbortSignal.timeout(15_000),
      });
    };

    const codes = new Map<number, string>();
    let done = 0;
    const submitOne = async (n: number) => {
      const { id } = await retry(`create ${n}`, async () => {
        const r = await json('POST', '/dossiers', { procedureCode: PROCEDURE });
        return r.status === 201 ? ((await r.json()) as { id: string }) : transient(r);
      });
      await retry(`form ${n}`, async () => {
        const r = await json('PATCH', `/dossiers/${id}`, {
          formData: FORM,
          deliveryMethod: 'online',
        });
        return r.ok ? true : transient(r);
      });
      for (const component of ['de-nghi-doi-gplx', 'ban-sao-gplx']) {
        await retry(`attach ${n}`, async () => {
          const r = await attach(id, component);
          return r.status === 201 ? true : transient(r);
        });
      }
      const { code } = await retry(`submit ${n}`, async () => {
        const r = await json('POST', `/dossiers/${id}/submit`, undefined, {
          'idempotency-key': `chaos-submission-${n}`,
        });
        return r.ok ? ((await r.json()) as { code: string }) : transient(r);
      });
      codes.set(n, code);
      done += 1;
    };

    // The faults, each once, while submissions flow (the schedule gives up if they stop).
    let failed = false;
    const reached = (n: number) =>
      waitFor(() => failed || done >= n, { timeoutMs: 300_000, what: `${n} submissions` });
    const faults = (async () => {
      await reached(80);
      if (failed) return;
      rabbitmq('stop_app');
      rabbitmq('start_app');
      rabbitmq('await_startup');
      await reached(220);
      await stack.crashAndRestart('notification');
      await reached(340);
      await stack.crashAndRestart('dossier');
    })();

    let next = 0;
    try {
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < SUBMISSIONS) await submitOne(next++);
        }),
      );
    } finally {
      failed = done < SUBMISSIONS;
      await faults;
    }

    // Every submission answered with its own code, and exists once.
    const distinct = new Set(codes.values());
    expect(codes.size).toBe(SUBMISSIONS);
    expect(distinct.size).toBe(SUBMISSIONS);
    const stored = await db.query<{ code: string }>(
      `SELECT code FROM ${NAME}_dossier.dossiers WHERE code IS NOT NULL`,
    );
    expect(stored.rows.map((r) => r.code).sort()).toEqual([...distinct].sort());

    // Every dossier.submitted event became exactly one notification.
    await waitFor(
      async () => {
        const r = await db.query<{ n: number; dossiers: number }>(
          `SELECT count(*)::int AS n, count(DISTINCT data->>'dossierId')::int AS dossiers
             FROM ${NAME}_notification.notifications WHERE type = 'dossier.submitted'`,
        );
        return r.rows[0].n === SUBMISSIONS && r.rows[0].dossiers === SUBMISSIONS;
      },
      { timeoutMs: 120_000, intervalMs: 500, what: 'one notification per submitted dossier' },
    );

    // Nothing left behind: every outbox drained, every dead-letter queue empty.
    await waitFor(
      async () => {
        const schemas = await db.query<{ schema: string }>(
          `SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'outbox' AND table_schema LIKE $1`,
          [`${NAME}\\_%`],
        );
        for (const { schema } of schemas.rows) {
          const r = await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM "${schema}".outbox WHERE published_at IS NULL`,
          );
          if (r.rows[0].n > 0) return false;
        }
        return true;
      },
      { timeoutMs: 60_000, intervalMs: 500, what: 'empty outboxes' },
    );
    const queues = execFileSync(
      'rabbitmqctl',
      ['-q', 'list_queues', '-p', `dvc_${NAME}`, 'name', 'messages'],
      { encoding: 'utf8' },
    )
      .trim()
      .split('\n')
      .map((line) => line.split(/\s+/))
      .filter(([queue]) => queue?.endsWith('.dlq'));
    expect(queues.length).toBeGreaterThan(0);
    expect(queues.filter(([, messages]) => messages !== '0')).toEqual([]);
  });
});

function rabbitmq(command: string): void {
  execFileSync('rabbitmqctl', ['-q', command], { stdio: 'ignore', timeout: 120_000 });
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
