import {
  commandOf,
  composeSource,
  dependsOn,
  environmentOf,
  healthcheckCommand,
  InterpolationError,
  mandatoryVariables,
  operatorEnv,
  rawCompose,
  renderCompose,
} from './compose-file';
import {
  appFolders,
  APP_NAMES,
  configProblem,
  deployedApps,
  internalUrls,
  migratedApps,
  requiredInProduction,
  secretNames,
} from './ops-support';
import { envFor } from '../../scripts/app-env';
import { DB_EXTENSIONS, SERVICE_ACCOUNTS } from '../../scripts/service-accounts';

/**
 * docker-compose.yml cannot run here (no Docker engine), so it is checked against the apps
 * themselves: every app is there, with a healthcheck and its dependencies, and gets every
 * variable its config class needs to start in production and none it does not know.
 */
describe('docker-compose.yml', () => {
  const secrets = operatorEnv();
  const compose = renderCompose(secrets);
  const services = compose.services;
  const apps = deployedApps();
  const INFRA = [
    'postgres',
    'db-init',
    'rabbitmq',
    'broker-init',
    'redis',
    'minio',
    'minio-init',
    'clamav',
    'maildev',
  ];

  it('has every app, the migration step and the infrastructure', () => {
    expect(Object.keys(services).sort()).toEqual([...APP_NAMES, 'migrate', ...INFRA].sort());
    // An app folder added later must be deployed too.
    for (const folder of appFolders()) expect(APP_NAMES).toContain(folder);
  });

  it('uses the infrastructure images of docs/design.md §10', () => {
    expect(services.postgres.image).toBe('postgres:16');
    expect(services.rabbitmq.image).toBe('rabbitmq:3.13-management');
    expect(services.redis.image).toBe('redis:7');
    expect(services.minio.image).toMatch(/minio\/minio:RELEASE\./);
    expect(services['minio-init'].image).toMatch(/minio\/mc:RELEASE\./);
    expect(services.maildev.image).toMatch(/^maildev\/maildev:/);
  });

  it('runs one image for every app, chosen by argument, built from the Dockerfile', () => {
    const images = new Set([...APP_NAMES, 'migrate'].map((name) => services[name].image));
    expect(images.size).toBe(1);
    for (const name of APP_NAMES) {
      expect(services[name].build).toEqual({ context: '.' });
      expect(commandOf(services[name])).toEqual([name]);
      expect(services[name].read_only).toBe(true);
      expect(services[name].tmpfs).toEqual(['/tmp']);
      expect(services[name].cap_drop).toEqual(['ALL']);
    }
  });

  it('publishes the gateway, and the MinIO console and development helpers on 127.0.0.1 only', () => {
    const published = Object.fromEntries(
      Object.entries(services)
        .filter(([, s]) => s.ports)
        .map(([name, s]) => [name, s.ports!.map(String)]),
    );
    const gateway = apps.find((a) => a.name === 'gateway')!;
    expect(published).toEqual({
      gateway: [`${gateway.port}:${gateway.port}`],
      maildev: ['127.0.0.1:1080:1080'],
      minio: ['127.0.0.1:9001:9001'],
    });
    expect(environmentOf(services.gateway).HTTP_PORT ?? String(gateway.port)).toBe(
      String(gateway.port),
    );
  });

  it('runs development helpers (MailDev) only in the dev profile, and nothing waits for them', () => {
    const profiled = Object.fromEntries(
      Object.entries(services)
        .filter(([, s]) => s.profiles)
        .map(([name, s]) => [name, s.profiles]),
    );
    expect(profiled).toEqual({ maildev: ['dev'] });
    for (const [name, service] of Object.entries(services)) {
      for (const dependency of Object.keys(dependsOn(service))) {
        expect({ name, dependency, profiles: services[dependency].profiles }).toEqual({
          name,
          dependency,
          profiles: undefined,
        });
      }
    }
  });

  it('guards /metrics and /health/ready on the published gateway port with OPS_TOKEN (required)', () => {
    const raw = environmentOf(rawCompose().services.gateway);
    expect(raw.OPS_TOKEN).toMatch(/^\$\{OPS_TOKEN:\?[^}]+\}$/);
    expect(mandatoryVariables()).toContain('OPS_TOKEN');
  });

  it('sends mail through the SMTP relay the operator names (required)', () => {
    const raw = environmentOf(rawCompose().services.notification);
    expect(raw.SMTP_HOST).toMatch(/^\$\{SMTP_HOST:\?[^}]+\}$/);
    expect(mandatoryVariables()).toContain('SMTP_HOST');
    const relay = renderCompose({ ...secrets, SMTP_HOST: 'smtp.example.vn' }).services;
    expect(environmentOf(relay.notification)).toMatchObject({
      SMTP_HOST: 'smtp.example.vn',
      SMTP_PORT: '587',
    });
    expect(composeSource()).not.toMatch(/SMTP_HOST:\s*maildev/);
  });

  it.each(APP_NAMES)('%s listens on its own HTTP_PORT and has a healthcheck on /health', (name) => {
    const app = apps.find((a) => a.name === name)!;
    expect(environmentOf(services[name]).HTTP_PORT).toBe(String(app.port));
    expect(healthcheckCommand(services[name])).toMatch(/dvc-healthcheck \/health\/(ready|live)/);
  });

  it('gives a healthcheck to every service another one waits for, and to every app', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [dependency, condition] of Object.entries(dependsOn(service))) {
        expect(services[dependency]).toBeDefined();
        expect(['service_healthy', 'service_completed_successfully']).toContain(condition);
        if (condition === 'service_healthy') {
          expect({
            name,
            dependency,
            healthcheck: healthcheckCommand(services[dependency]),
          }).toEqual(expect.objectContaining({ healthcheck: expect.stringMatching(/\S/) }));
        }
      }
    }
    for (const name of [
      ...APP_NAMES,
      'postgres',
      'rabbitmq',
      'redis',
      'minio',
      'maildev',
      'clamav',
    ]) {
      expect(healthcheckCommand(services[name])).not.toBe('');
    }
  });

  it('starts the apps after the migrations, on a healthy broker and Redis', () => {
    for (const name of APP_NAMES) {
      expect(dependsOn(services[name])).toEqual(
        expect.objectContaining({
          migrate: 'service_completed_successfully',
          rabbitmq: 'service_healthy',
          redis: 'service_healthy',
        }),
      );
    }
    expect(dependsOn(services['document-storage'])).toEqual(
      expect.objectContaining({
        'minio-init': 'service_completed_successfully',
        clamav: 'service_healthy',
      }),
    );
    // The gateway's readiness asks the services it calls, so it waits for them.
    expect(dependsOn(services.gateway)).toEqual(
      expect.objectContaining({
        identity: 'service_healthy',
        catalogue: 'service_healthy',
        dossier: 'service_healthy',
        'document-storage': 'service_healthy',
        payment: 'service_healthy',
      }),
    );
  });

  it('has no dependency cycle', () => {
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (name: string, trail: string[]): void => {
      if (done.has(name)) return;
      if (visiting.has(name)) throw new Error(`cycle: ${[...trail, name].join(' → ')}`);
      visiting.add(name);
      for (const dependency of Object.keys(dependsOn(services[name])))
        visit(dependency, [...trail, name]);
      visiting.delete(name);
      done.add(name);
    };
    for (const name of Object.keys(services)) visit(name, []);
  });

  it('migrates once, with node dist/scripts/migrate.js, after Postgres is healthy', () => {
    const migrate = services.migrate;
    expect(commandOf(migrate)).toEqual(['node', 'dist/scripts/migrate.js']);
    expect(migrate.restart).toBe('no');
    expect(dependsOn(migrate)).toEqual({ 'db-init': 'service_completed_successfully' });
    expect(dependsOn(services['db-init'])).toEqual({ postgres: 'service_healthy' });
    // One environment for every app's migrations: a schema or port here would apply to all.
    const env = environmentOf(migrate);
    expect(env.DB_SCHEMA).toBeUndefined();
    expect(env.HTTP_PORT).toBeUndefined();
  });

  it('creates the private bucket document-storage uses', () => {
    const init = services['minio-init'];
    const script = commandOf(init).join(' ') + JSON.stringify(init.command);
    const bucket = environmentOf(services['document-storage']).MINIO_BUCKET;
    expect(environmentOf(init).MINIO_BUCKET).toBe(bucket);
    expect(script).toMatch(/mc mb --ignore-existing/);
    expect(script).toMatch(/mc anonymous set none/);
    expect(dependsOn(init)).toEqual({ minio: 'service_healthy' });
    // document-storage's key is the one minio-init creates.
    expect(environmentOf(init).MINIO_ACCESS_KEY).toBe(
      environmentOf(services['document-storage']).MINIO_ACCESS_KEY,
    );
    expect(environmentOf(init).MINIO_SECRET_KEY).toBe(
      environmentOf(services['document-storage']).MINIO_SECRET_KEY,
    );
  });

  describe.each(apps.map((app) => [app.name, app] as const))('%s environment', (name, app) => {
    const env = environmentOf(services[name]);

    it('starts in production: its config accepts it', () => {
      expect(env.NODE_ENV).toBe('production');
      expect(configProblem(app.config, env)).toBeNull();
    });

    it('provides every variable the config requires in production', () => {
      const required = requiredInProduction(app.config, env);
      const secretsOfApp = secretNames(app.config, env);
      const missing = [...required, ...secretsOfApp].filter((v) => env[v] === undefined);
      expect(missing).toEqual([]);
      if (name === 'document-storage') expect(env.MINIO_ENDPOINT).toBe('minio');
    });

    it("points every URL of another app at that app's service", () => {
      for (const [variable, target] of internalUrls(app)) {
        expect({ variable, url: env[variable] }).toEqual({
          variable,
          url: `http://${target.name}:${target.port}`,
        });
      }
    });

    it('holds no variable the config does not know', () => {
      const unknown = Object.keys(env).filter((v) => !app.variables.has(v));
      expect(unknown).toEqual([]);
    });

    it('keeps its secrets out of the file (mandatory ${VAR:?} interpolation)', () => {
      const raw = environmentOf(rawCompose().services[name]);
      for (const secret of secretNames(app.config, env)) {
        expect({ [secret]: raw[secret] }).toEqual({
          [secret]: expect.stringMatching(/\$\{[A-Z0-9_]+:\?[^}]*\}/),
        });
      }
    });

    it('has no boolean or empty-key values Compose would refuse', () => {
      for (const value of Object.values(raw(name))) expect(typeof value).not.toBe('boolean');
    });
  });

  it('gives the migration every variable the config of each app it migrates requires in production', () => {
    const env = environmentOf(services.migrate);
    expect(migratedApps().map((a) => a.name)).toEqual(APP_NAMES.filter((n) => n !== 'gateway'));
    for (const app of migratedApps()) {
      expect({ app: app.name, problem: configProblem(app.config, envFor(app, env)) }).toEqual({
        app: app.name,
        problem: null,
      });
    }
  });

  describe('per-service accounts (scripts/service-accounts.ts)', () => {
    const userOf = (url: string | undefined) =>
      url ? decodeURIComponent(new URL(url).username) : null;
    const passwordVariable = (raw: string | undefined) => /\$\{([A-Z_]+):\?/.exec(raw ?? '')?.[1];

    it.each(SERVICE_ACCOUNTS.map((a) => [a.app, a] as const))(
      '%s connects to Postgres and RabbitMQ as its own user, made by db-init and broker-init',
      (name, account) => {
        const env = environmentOf(services[name]);
        const raw = environmentOf(rawCompose().services[name]);
        expect(userOf(env.AMQP_URL)).toBe(account.mq.user);
        expect(passwordVariable(raw.AMQP_URL)).toBe(`${account.env}_MQ_PASSWORD`);
        expect(commandOf(services['broker-init']).join('\n')).toContain(
          `user ${account.mq.user} "$${account.env}_MQ_PASSWORD" '${account.mq.configure}' '${account.mq.write}' '${account.mq.read}'`,
        );
        expect(environmentOf(services['broker-init'])[`${account.env}_MQ_PASSWORD`]).toBe(
          secrets[`${account.env}_MQ_PASSWORD`],
        );
        if (!account.db) {
          expect(env.DATABASE_URL).toBeUndefined();
          return;
        }
        expect(userOf(env.DATABASE_URL)).toBe(account.db.role);
        expect(passwordVariable(raw.DATABASE_URL)).toBe(`${account.env}_DB_PASSWORD`);
        expect(commandOf(services['db-init']).join('\n')).toContain(
          `role ${account.db.role} ${account.db.schema} "$${account.env}_DB_PASSWORD"`,
        );
        expect(environmentOf(services['db-init'])[`${account.env}_DB_PASSWORD`]).toBe(
          secrets[`${account.env}_DB_PASSWORD`],
        );
        // Its migrations run as the same role, in the schema the role owns.
        const migrateEnv = envFor({ name }, environmentOf(services.migrate));
        expect(userOf(migrateEnv.DATABASE_URL)).toBe(account.db.role);
        expect(new (apps.find((a) => a.name === name)!.config)().DB_SCHEMA).toBe(account.db.schema);
      },
    );

    it('gives no two apps the same user, and every app one', () => {
      expect(SERVICE_ACCOUNTS.map((a) => a.app).sort()).toEqual([...APP_NAMES].sort());
      const mqUsers = APP_NAMES.map((n) => userOf(environmentOf(services[n]).AMQP_URL));
      expect(new Set(mqUsers).size).toBe(APP_NAMES.length);
      const dbUsers = migratedApps().map((a) =>
        userOf(environmentOf(services[a.name]).DATABASE_URL),
      );
      expect(new Set(dbUsers).size).toBe(migratedApps().length);
      expect([...mqUsers, ...dbUsers]).not.toContain('dvc');
    });

    it('makes each role owner of its schema only, and the search extensions as the owner', () => {
      const script = commandOf(services['db-init']).join('\n');
      expect(script).toMatch(/CREATE SCHEMA IF NOT EXISTS :"schema" AUTHORIZATION :"role"/);
      expect(script).toMatch(/NOSUPERUSER NOCREATEDB NOCREATEROLE/);
      expect(script).toMatch(/REVOKE CREATE ON SCHEMA public FROM PUBLIC/);
      for (const extension of DB_EXTENSIONS) {
        expect(script).toContain(`CREATE EXTENSION IF NOT EXISTS ${extension} WITH SCHEMA public`);
      }
    });
  });

  it('refuses to start without the secrets (no development defaults)', () => {
    expect(mandatoryVariables()).toEqual(
      expect.arrayContaining([
        'POSTGRES_PASSWORD',
        'RABBITMQ_PASSWORD',
        'REDIS_PASSWORD',
        'MINIO_ROOT_PASSWORD',
        'MINIO_SECRET_KEY',
        'JWT_SECRET',
        'INTERNAL_TOKEN',
        'IDEMPOTENCY_SECRET',
        'VNPAY_HASH_SECRET',
        'EMAIL_TOKEN_PUBLIC_KEY',
        'EMAIL_TOKEN_PRIVATE_KEY',
      ]),
    );
    for (const name of mandatoryVariables()) {
      const { [name]: _left, ...withoutOne } = secrets;
      expect(() => renderCompose(withoutOne)).toThrow(InterpolationError);
    }
    expect(composeSource()).not.toMatch(/dev-only-|S3RVER|guest:guest/);
  });

  function raw(name: string): Record<string, unknown> {
    const env = rawCompose().services[name].environment;
    return Array.isArray(env) || env === undefined ? {} : env;
  }
});
