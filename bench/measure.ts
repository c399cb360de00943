import { readFileSync } from 'node:fs';

/** Latency percentiles (ms) of a list of samples. */
export function percentiles(samples: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0, 2);
  return { p50: at(0.5), p99: at(0.99), max: at(1) };
}

/**
 * Runs `work` in `concurrency` loops for `durationMs` and reports completed operations per
 * second and their latency percentiles. Failed operations are counted, not timed.
 */
export async function closedLoop(
  concurrency: number,
  durationMs: number,
  work: (worker: number, iteration: number) => Promise<void>,
): Promise<{
  operations: number;
  failures: number;
  perSecond: number;
  latencyMs: ReturnType<typeof percentiles>;
}> {
  const samples: number[] = [];
  let failures = 0;
  const started = Date.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = 0; Date.now() < deadline; i++) {
        const t0 = process.hrtime.bigint();
        try {
          await work(worker, i);
          samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
        } catch (err) {
          failures += 1;
          if (failures <= 3) console.error(`bench: operation failed: ${(err as Error).message}`);
        }
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  return {
    operations: samples.length,
    failures,
    perSecond: round(samples.length / seconds, 1),
    latencyMs: percentiles(samples),
  };
}

/**
 * Runs `work` once per item, `concurrency` at a time, and reports their rate and latency
 * percentiles; every item must succeed.
 */
export async function eachOnce(
  items: string[],
  concurrency: number,
  work: (item: string) => Promise<unknown>,
): Promise<{ operations: number; perSecond: number; latencyMs: ReturnType<typeof percentiles> }> {
  const samples: number[] = [];
  const queue = [...items];
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
        const t0 = performance.now();
        await work(item);
        samples.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  return {
    operations: samples.length,
    perSecond: round(samples.length / seconds, 1),
    latencyMs: percentiles(samples),
  };
}

/** Resident memory of a process, in MB (Linux). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return round(kb / 1024, 1);
}

export function round(n: number, digits: number): number {
  return Number(n.toFixed(digits));
}

export async function login(
  gateway: string,
  email: string,
  password = 'ChangeMe!2026',
): Promise<string> {
  const response = await fetch(`${gateway}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}
