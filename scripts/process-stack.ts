import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { AppEntry, apps, envFor, simulators } from './apps';
import { ProcessGroup } from './process-group';

type Env = Record<string, string | undefined>;

// dist/scripts/process-stack.js when built, scripts/process-stack.ts under ts-jest.
const root = join(__dirname, __dirname.includes(`${join('dist', 'scripts')}`) ? '../..' : '..');

export interface ProcessStackOptions {
  /** Names the vhost, the schemas (`<name>_<app>`) and the Redis prefix. */
  name: string;
  /** Port of the first app; the others follow. */
  firstPort: number;
  s3rverPort: number;
  overrides?: Env;
  /** Extra instances of an app (e.g. `{ dossier: 2 }`), numbered from 1, on ports after the apps'. */
  replicas?: Record<string, number>;
  /**
   * Runs the national hub simulator (on the port after every app instance) for national-sync to
   * call, as `npm start` does; without it national-sync finds the hub unreachable and retries.
   */
  hub?: boolean;
}

export interface ProcessStack {
  env: Env;
  /** The address of an app's instance (the first by default). */
  url(app: string, instance?: number): string;
  pid(app: string, instance?: number): number;
  /** Kills an app without warning (SIGKILL) and starts it again; resolves once it is ready. */
  crashAndRestart(app: string): Promise<void>;
  /** Kills one instance of an app without warning (SIGKILL), for good. */
  kill(app: string, instance: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The whole portal as separate processes running the built code, as in production,
 * isolated from a development stack (own vhost, schemas, Redis prefix, ports, object store
 * directory; rate limits lifted). Starts clean every run. Used by the benchmarks and the
 * fault-injection tests; needs `npm run build` first.
 */
export async function startProcessStack(options: ProcessStackOptions): Promise<ProcessStack> {
  const mailSink = await startMailSink();
  const { name, firstPort } = options;
  const VHOST = `dvc_${name}`;
  // Instance 1 of each app on firstPort + its index, further instances after all the apps.
  const extra = apps.flatMap((app) =>
    Array.from({ length: Math.max(0, (options.replicas?.[app.name] ?? 1) - 1) }, (_, i) => ({
      app,
      instance: i + 2,
    })),
  );
  const port = (app: AppEntry, instance = 1) =>
    instance === 1
      ? firstPort + apps.indexOf(app)
      : firstPort + apps.length + extra.findIndex((e) => e.app === app && e.instance === instance);
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
    REDIS_PREFIX: `${name}:`,
    HTTP_HOST: '127.0.0.1',
    RATE_LIMIT_PER_MINUTE: '100000000',
    ADDRESS_RATE_LIMIT_PER_MINUTE: '100000000',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000000',
    LOOKUP_RATE_LIMIT_PER_MINUTE: '100000000',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(mailSink.port),
    S3RVER_PORT: String(options.s3rverPort),
    S3RVER_DIRECTORY: join(root, '.data', `${name}-s3rver`),
    ...(options.hub
      ? { NATIONAL_HUB_URL: `http://127.0.0.1:${firstPort + apps.length + extra.length}` }
      : {}),
    CATALOGUE_HTTP_URL: `http://127.0.0.1:${port(byName('catalogue'))}`,
    STORAGE_HTTP_URL: `http://127.0.0.1:${port(byName('document-storage'))}`,
    ...options.overrides,
  };
  for (const app of apps) {
    env[`${upper(app)}_HTTP_PORT`] = String(port(app));
    env[`${upper(app)}_DB_SCHEMA`] = `${name}_${app.name.replace(/-/g, '_')}`;
  }
  // Links and the payment provider's call-backs go to this stack's gateway.
  env.PUBLIC_URL = options.overrides?.PUBLIC_URL ?? `http://127.0.0.1:${port(byName('gateway'))}`;
  const paymentApp = apps.find((a) => a.name === 'payment');
  if (paymentApp) env.PAYMENT_HTTP_URL = `http://127.0.0.1:${port(paymentApp)}`;

  try {
    execFileSync('rabbitmqctl', ['-q', 'delete_vhost', VHOST], { stdio: 'ignore' });
  } catch {
    // first run: no vhost yet
  }
  execFileSync('rabbitmqctl', ['-q', 'add_vhost', VHOST]);
  execFileSync('rabbitmqctl', ['-q', 'set_permissions', '-p', VHOST, 'guest', '.*', '.*', '.*']);
  await dropSchemas(env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', name);
  for (const app of apps) await app.migrate?.(envFor(app, env));
  for (const app of apps) await app.seed?.(envFor(app, env));

  const group = new ProcessGroup(
    (app, code) => console.error(`${name}: ${app} exited (code ${code})`),
    { quiet: true },
  );
  const pids = new Map<string, number>();
  const label = (app: AppEntry, instance: number) =>
    instance === 1 ? app.name : `${app.name}#${instance}`;
  const launch = (app: AppEntry, instance = 1) =>
    pids.set(
      label(app, instance),
      group.start(label(app, instance), process.execPath, [join(root, app.main)], {
        ...envFor(app, env),
        HTTP_PORT: String(port(app, instance)),
      }),
    );
  const whenReady = (app: AppEntry, instance = 1) =>
    ready(`http://127.0.0.1:${port(app, instance)}/health/ready`);
  if (options.hub) {
    const hub = simulators.find((s) => s.name === 'national-hub-simulator')!;
    group.start(hub.name, process.execPath, [join(root, hub.main)], env);
    await ready(`${env.NATIONAL_HUB_URL}/health/ready`);
  }
  apps.forEach((app) => launch(app));
  extra.forEach(({ app, instance }) => launch(app, instance));
  await Promise.all([
    ...apps.map((app) => whenReady(app)),
    ...extra.map(({ app, instance }) => whenReady(app, instance)),
  ]);

  return {
    env,
    url: (app, instance = 1) => `http://127.0.0.1:${port(byName(app), instance)}`,
    pid: (app, instance = 1) => pids.get(label(byName(app), instance)) ?? -1,
    async crashAndRestart(app) {
      await group.kill(app, 'SIGKILL');
      launch(byName(app));
      await whenReady(byName(app));
    },
    async kill(app, instance) {
      await group.kill(label(byName(app), instance), 'SIGKILL');
    },
    async stop() {
      await group.stop();
      await mailSink.close();
    },
  };
}

async function dropSchemas(url: string, name: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(
      `SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`,
      [`${name}\\_%`],
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

/** An SMTP server that accepts every email and keeps none: the stack's emails are sent, not read. */
async function startMailSink(): Promise<{ port: number; close(): Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('end', () => callback());
      stream.resume();
    },
  });
  // A sender killed mid-message (the fault tests kill notification) resets its connection:
  // that is the sender's failure to retry, not the sink's.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
