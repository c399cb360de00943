import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@dvc/config';
import type { GatewayConfig } from '../apps/gateway/src/gateway.config';
import { NationalSyncConfig } from '../apps/national-sync/src/national-sync.config';
import { LaunchedApp, apps, envFor, simulators } from './apps';
import { migrateAll } from './migrate';
import { preflight } from './preflight';
import { ProcessGroup } from './process-group';

/**
 * `npm start`: the whole portal for development on this machine's Postgres, RabbitMQ and
 * Redis. Checks them, migrates, seeds demo data, starts MailDev and every app, waits until
 * each is ready and prints where everything is. Ctrl-C stops it all.
 */
const root = join(__dirname, '..', '..');
const MAILDEV_SMTP = 1025;
const MAILDEV_WEB = 1080;
const DEMO_PASSWORD = 'ChangeMe!2026';

let group: ProcessGroup | null = null;

async function shutdown(code: number): Promise<never> {
  console.log('\nStopping…');
  await group?.stop();
  process.exit(code);
}

async function main(): Promise<void> {
  if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));
  const env: Record<string, string | undefined> = { ...process.env };
  const gateway = apps.find((a) => a.name === 'gateway')!;
  const gatewayConfig = gateway.config(envFor(gateway, env));

  step('Checking PostgreSQL, RabbitMQ and Redis');
  await preflight(gatewayConfig);

  step('Applying migrations');
  await migrateAll(env);

  if (!gatewayConfig.isProduction) {
    step('Seeding demo data (procedures, agencies, holidays, demo accounts)');
    // Seeding runs the apps' modules in this process: keep their start-up chatter out.
    for (const app of apps) await app.seed?.({ ...envFor(app, env), LOG_LEVEL: 'warn' });
  }

  group = new ProcessGroup((name, code) => {
    console.error(`\n${name} exited unexpectedly (code ${code}); stopping everything.`);
    void shutdown(1);
  });
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  const withMailDev = env.SMTP_HOST === undefined;
  if (withMailDev) {
    step(`Starting MailDev (SMTP ${MAILDEV_SMTP}, web ${MAILDEV_WEB})`);
    group.start(
      'maildev',
      process.execPath,
      [
        join(root, 'node_modules/maildev/dist/bin/maildev.js'),
        '--smtp',
        String(MAILDEV_SMTP),
        '--web',
        String(MAILDEV_WEB),
        '--ip',
        '127.0.0.1',
        '--web-ip',
        '127.0.0.1',
      ],
      env,
    );
    env.SMTP_HOST = '127.0.0.1';
    env.SMTP_PORT = String(MAILDEV_SMTP);
  }

  step('Starting the apps');
  // Simulators of outside systems (VNeID) refuse production: a real provider is configured there.
  const started = gatewayConfig.isProduction ? apps : [...simulators, ...apps];
  for (const app of started)
    group.start(app.name, process.execPath, [join(root, app.main)], envFor(app, env));
  await Promise.all(started.map((app) => waitUntilReady(app, env)));

  const api = `http://localhost:${gatewayConfig.HTTP_PORT}`;
  const nationalHubUrl = loadConfig(
    NationalSyncConfig,
    envFor({ name: 'national-sync' }, env),
  ).NATIONAL_HUB_URL;
  console.log(`
\x1b[1mDVC — Cổng Dịch vụ công is up\x1b[0m
  Portal         ${api}/   (the web portal: citizens, officers at /can-bo, admin at /quan-tri/thu-tuc)
  API            ${api}/api/v1   (try ${api}/api/v1/procedures?q=khai%20sinh)
  OpenAPI        ${api}/docs
  Health         ${api}/health/ready   Metrics ${api}/metrics
${withMailDev ? `  MailDev        http://localhost:${MAILDEV_WEB}   (every email the portal sends lands here)\n` : ''}  Demo accounts (password ${DEMO_PASSWORD}):
    citizen@dvc.local   công dân
    officer@dvc.local   cán bộ (member of the demo procedures' agencies)
    admin@dvc.local     quản trị
  VNeID (simulated)  ${(gatewayConfig as GatewayConfig).OIDC_ISSUER}   (the "Đăng nhập bằng tài khoản định danh điện tử VNeID" button)
    001090000001  Nguyễn Văn An   password ${DEMO_PASSWORD}
    079185000002  Trần Thị Bình   password ${DEMO_PASSWORD}
    036088000003  Lê Minh Châu    password ${DEMO_PASSWORD}   (to try "Liên kết với VNeID" on Trang cá nhân)
  National hub (simulated)  ${nationalHubUrl}   (calls received: ${nationalHubUrl}/_sim/records?dossierCode=)
Press Ctrl-C to stop.
`);
}

async function waitUntilReady(
  app: LaunchedApp,
  env: Record<string, string | undefined>,
): Promise<void> {
  const url = `http://127.0.0.1:${app.config(envFor(app, env)).HTTP_PORT}/health/ready`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`${app.name} did not become ready at ${url} within 60 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function step(text: string): void {
  console.log(`\x1b[1m▸ ${text}\x1b[0m`);
}

main().catch((err: Error) => {
  console.error(`\n\x1b[31m${err.message}\x1b[0m`);
  void shutdown(1);
});
