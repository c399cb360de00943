import autocannon from 'autocannon';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { CatalogueRpc, RpcQueues } from '@dvc/contracts';
import { loadConfig } from '@dvc/config';
import { RpcClient } from '@dvc/messaging';
import { migrateCatalogue, seedCatalogue } from '../apps/catalogue/src/app';
import { CatalogueConfig } from '../apps/catalogue/src/catalogue.config';

/**
 * `npm run bench` (not a test): catalogue search through the whole stack (HTTP → gateway →
 * RabbitMQ RPC → catalogue → Postgres) beside the same SQL on a bare Fastify + pg handler,
 * in the same run on the same machine, plus the gateway → service RPC hop alone.
 * Prints one JSON document.
 */
const root = join(__dirname, '..', '..');
const QUERY = '/procedures?q=giay%20phep%20lai%20xe';
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const VHOST = 'dvc_bench';

async function main(): Promise<void> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'development',
    DB_SCHEMA: 'bench_catalogue',
    AMQP_URL: `amqp://guest:guest@127.0.0.1:5672/${VHOST}`,
    REDIS_PREFIX: 'bench:',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '100000000',
    HTTP_HOST: '127.0.0.1',
  };
  execFileSync('rabbitmqctl', ['-q', 'add_vhost', VHOST], { stdio: 'ignore' });
  execFileSync('rabbitmqctl', ['-q', 'set_permissions', '-p', VHOST, 'guest', '.*', '.*', '.*']);
  const catalogueConfig = loadConfig(CatalogueConfig, { ...env, HTTP_PORT: '3102' });
  await migrateCatalogue(catalogueConfig);
  await seedCatalogue(catalogueConfig);

  const children: ChildProcess[] = [];
  const run = (file: string, extra: Record<string, string>) => {
    const child = spawn(process.execPath, [join(root, file)], {
      env: { ...env, ...extra },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
  };
  try {
    run('dist/apps/catalogue/src/main.js', { HTTP_PORT: '3102' });
    run('dist/apps/gateway/src/main.js', {
      HTTP_PORT: '3100',
      CATALOGUE_HTTP_URL: 'http://127.0.0.1:3102',
    });
    run('dist/bench/bare-search-server.js', { PORT: '3199' });
    await Promise.all([
      ready('http://127.0.0.1:3100/health/ready'),
      ready('http://127.0.0.1:3102/health/ready'),
      ready('http://127.0.0.1:3199/procedures'),
    ]);

    const gateway = await load(`http://127.0.0.1:3100/api/v1${QUERY}`);
    const bare = await load(`http://127.0.0.1:3199${QUERY}`);
    const hop = await rpcHop(env.AMQP_URL!);
    console.log(
      JSON.stringify(
        {
          benchmark: 'catalogue-search',
          query: QUERY,
          durationSeconds: DURATION_S,
          connections: CONNECTIONS,
          gateway,
          bareFastifyPg: bare,
          ratio: round(gateway.rps / bare.rps, 3),
          targets: { ratio: 0.5, hopP50Ms: 2 },
          rpcHop: hop,
        },
        null,
        2,
      ),
    );
  } finally {
    for (const child of children) child.kill('SIGTERM');
  }
}

async function load(url: string) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S });
  return {
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
    const start = process.hrtime.bigint();
    await client.send(CatalogueRpc.ping, { caller: null, correlationId: null, data: {} });
    if (i >= 200) samples.push(Number(process.hrtime.bigint() - start) / 1e6); // after warm-up
  }
  await client.onApplicationShutdown();
  samples.sort((a, b) => a - b);
  const at = (p: number) => round(samples[Math.floor((samples.length - 1) * p)], 3);
  return { samples: samples.length, p50Ms: at(0.5), p99Ms: at(0.99) };
}

async function ready(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} not ready within 60 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function round(n: number, digits: number): number {
  return Number(n.toFixed(digits));
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
