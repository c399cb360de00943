import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { AppEntry, apps, envFor } from '../scripts/apps';
import { ProcessGroup } from '../scripts/process-group';

type Env = Record<string, string | undefined>;

const root = join(__dirname, '..', '..');
const VHOST = 'dvc_bench';
const FIRST_PORT = 3100;

export interface BenchStack {
  env: Env;
  url(app: string): string;
  pid(app: string): number;
  stop(): Promise<void>;
}

/**
 * The whole portal as separate processes (built code, as in production), isolated from a
 * development stack: vhost `dvc_bench`, schemas `bench_<app>`, Redis prefix `bench:`, ports
 * from 3100, embedded s3rver on 9100, rate limits lifted. Starts clean every run.
 */
export async function startBenchStack(overrides: Env = {}): Promise<BenchStack> {
  const port = (app: AppEntry) => FIRST_PORT + apps.indexOf(app);
  const upper = (app: AppEntry) => app.name.toUpperCase().replace(/-/g, '_');
  const byName = (name: string) => {
    const app = apps.find((a) => a.name === name);
    if (!app) throw new Error(`no app ${name}`);
    return app;
  };
  const env: Env = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    AMQP_URL: `amqp://guest:guest@127.0.0.1:5672/${VHOST}`,
    REDIS_PREFIX: 'bench:',
    HTTP_HOST: '127.0.0.1',
    RATE_LIMIT_PER_MINUTE: '100000000',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000000',
    LOOKUP_RATE_LIMIT_PER_MINUTE: '100000000',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: '1',
    EMAIL_MAX_ATTEMPTS: '1',
    S3RVER_PORT: '9100',
    S3RVER_DIRECTORY: join(root, '.data', 'bench-s3rver'),
    CATALOGUE_HTTP_URL: `http://127.0.0.1:${port(byName('catalogue'))}`,
    STORAGE_HTTP_URL: `http://127.0.0.1:${port(byName('document-storage'))}`,
    ...overrides,
  };
  for (const app of apps) {
    env[`${upper(app)}_HTTP_PORT`] = String(port(app));
    env[`${upper(app)}_DB_SCHEMA`] = `bench_${app.name.replace(/-/g, '_')}`;
  }
  const paymentApp = apps.find((a) => a.name === 'payment');
  if (paymentApp) env.PAYMENT_HTTP_URL = `http://127.0.0.1:${port(paymentApp)}`;

  try {
    execFileSync('rabbitmqctl', ['-q', 'delete_vhost', VHOST], { stdio: 'ignore' });
  } catch {
    // first run: no vhost yet
  }
  execFileSync('rabbitmqctl', ['-q', 'add_vhost', VHOST]);
  execFileSync('rabbitmqctl', ['-q', 'set_permissions', '-p', VHOST, 'guest', '.*', '.*', '.*']);
  await dropBenchSchemas(env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  for (const app of apps) await app.migrate?.(envFor(app, env));
  for (const app of apps) await app.seed?.(envFor(app, env));

  const group = new ProcessGroup(
    (name, code) => console.error(`bench: ${name} exited (code ${code})`),
    {
      quiet: true,
    },
  );
  const pids = new Map<string, number>();
  for (const app of apps)
    pids.set(
      app.name,
      group.start(app.name, process.execPath, [join(root, app.main)], envFor(app, env)),
    );
  await Promise.all(apps.map((app) => ready(`http://127.0.0.1:${port(app)}/health/ready`)));

  return {
    env,
    url: (name) => `http://127.0.0.1:${port(byName(name))}`,
    pid: (name) => pids.get(name) ?? -1,
    stop: () => group.stop(),
  };
}

async function dropBenchSchemas(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(
      `SELECT nspname FROM pg_namespace WHERE nspname LIKE 'bench\\_%'`,
    );
    for (const { nspname } of rows) await client.query(`DROP SCHEMA "${nspname}" CASCADE`);
  } finally {
    await client.end();
  }
}

async function ready(url: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} not ready within 90 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
