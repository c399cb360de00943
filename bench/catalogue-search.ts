import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { CatalogueRpc, RpcQueues } from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import type { ProcessStack } from '../scripts/process-stack';
import type { Measure } from './cost';
import { percentiles, round } from './measure';
import { PROCEDURE } from './portal-client';

const root = join(__dirname, '..', '..');
const QUERY = '/procedures?q=giay%20phep%20lai%20xe';
const BARE_PORT = Number(process.env.BENCH_FIRST_PORT ?? 3100) + 99;
const CATALOGUE_SCHEMA = `${process.env.BENCH_NAME ?? 'bench'}_catalogue`;

/**
 * Catalogue search through the whole stack (HTTP → gateway → RabbitMQ RPC → catalogue →
 * Postgres) beside the very same SQL behind a bare Fastify + pg handler, in the same run;
 * plus the gateway → service RPC hop alone. Targets: ratio ≥ 0.7, hop p50 ≤ 2 ms.
 */
export async function catalogueSearch(stack: ProcessStack, seconds: number, measure: Measure) {
  const bare: ChildProcess = spawn(
    process.execPath,
    [join(root, 'dist/bench/bare-search-server.js')],
    {
      env: { ...stack.env, PORT: String(BARE_PORT), DB_SCHEMA: CATALOGUE_SCHEMA },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  try {
    await until(`http://127.0.0.1:${BARE_PORT}${QUERY}`);
    const gateway = await measure('search', () =>
      load(`${stack.url('gateway')}/api/v1${QUERY}`, seconds),
    );
    const baseline = await load(`http://127.0.0.1:${BARE_PORT}${QUERY}`, seconds);
    return {
      query: QUERY,
      gateway,
      bareFastifyPg: baseline,
      ratio: round(gateway.rps / baseline.rps, 3),
      rpcHop: await rpcHop(stack.env.AMQP_URL!),
      targets: { ratio: '≥ 0.7', rpcHopP50Ms: '≤ 2' },
    };
  } finally {
    bare.kill('SIGTERM');
  }
}

/** A procedure's page through the gateway: the catalogue's other public read. */
export async function catalogueDetail(stack: ProcessStack, seconds: number, measure: Measure) {
  return measure('detail', () =>
    load(`${stack.url('gateway')}/api/v1/procedures/${PROCEDURE}`, seconds),
  );
}

async function load(url: string, seconds: number) {
  const result = await autocannon({ url, connections: 32, duration: seconds });
  return {
    operations: result.requests.total,
    rps: round(result.requests.average, 1),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** Round trips of the catalogue's ping over its RPC queue: the cost of one gateway → service hop. */
async function rpcHop(amqpUrl: string) {
  const client = new RpcClient('catalogue', RpcQueues.catalogue, amqpUrl, 5000);
  await client.onModuleInit();
  const samples: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t0 = process.hrtime.bigint();
    await client.send(CatalogueRpc.ping, { caller: null, correlationId: null, data: {} });
    if (i >= 200) samples.push(Number(process.hrtime.bigint() - t0) / 1e6); // after warm-up
  }
  await client.onApplicationShutdown();
  const p = percentiles(samples);
  return { samples: samples.length, p50Ms: p.p50, p99Ms: p.p99 };
}

async function until(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} not up`);
}
