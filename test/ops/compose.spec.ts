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
  requiredInProduction,
  secretNames,
} from './ops-support';

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
  const INFRA = ['postgres', 'rabbitmq', 'redis', 'minio', 'minio-init', 'clamav', 'maildev'];

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

  it('publishes only the gateway, the MailDev UI and the MinIO console', () => {
    const published = Object.fromEntries(
      Object.entries(services)
        .filter(([, s]) => s.ports)
        .map(([name, s]) => [name, s.ports!.map(String)]),
    );
    const gateway = apps.find((a) => a.name === 'gateway')!;
    expect(published).toEqual({
      gateway: [`${gateway.port}:${gateway.port}`],
      maildev: ['1080:1080'],
      minio: ['9001:9001'],
    });
    expect(environmentOf(services.gateway).HTTP_PORT ?? String(gateway.port)).toBe(
      String(gateway.port),
    );
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
    expect(dependsOn(services.notification)).toEqual(
      expect.objectContaining({ maildev: 'service_healthy' }),
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
    expect(dependsOn(migrate)).toEqual({ postgres: 'service_healthy' });
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

  it('gives the migration every variable each app config requires in production', () => {
    const env = environmentOf(services.migrate);
    for (const app of apps) {
      expect({ app: app.name, problem: configProblem(app.config, env) }).toEqual({
        app: app.name,
        problem: null,
      });
    }
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
