import { DataSource, DataSourceOptions, MigrationInterface, QueryRunner } from 'typeorm';
import { StatementCounter } from './statement-counter';

export interface ServiceDataSourceOptions {
  url: string;
  /** The service's own Postgres schema (docs/design.md §2). */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: Function[];
  migrations: (new () => MigrationInterface)[];
  poolSize?: number;
}

/** TypeORM options for one service: bound to its schema, its own migrations table, never synchronize. */
export function serviceDataSourceOptions(opts: ServiceDataSourceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: opts.url,
    schema: opts.schema,
    entities: opts.entities ?? [],
    migrations: opts.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    logger: new StatementCounter(opts.schema),
    // application_name tells whose backend a Postgres process is (pg_stat_activity, the bench).
    extra: {
      max: opts.poolSize ?? 10,
      application_name: opts.schema,
      options: `-c search_path=${opts.schema},public`,
    },
  };
}

/** Creates the schema if absent and applies pending migrations; returns their names. */
export async function runMigrations(opts: ServiceDataSourceOptions): Promise<string[]> {
  const dataSource = new DataSource(serviceDataSourceOptions({ ...opts, poolSize: 1 }));
  await dataSource.initialize();
  try {
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${opts.schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Drops a schema and everything in it (tests only). */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const dataSource = new DataSource({ type: 'postgres', url });
  await dataSource.initialize();
  try {
    await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * SQL creating a Postgres extension in `public`. Extensions are database-wide, so every
 * service schema (and every test suite migrating its own schema at the same moment) may try
 * to create them: a concurrent creator makes ours fail with unique_violation or
 * duplicate_object, which means the extension is there, so we go on. The block runs in its
 * own subtransaction.
 */
export function createExtensionSql(name: string): string {
  return `DO $$ BEGIN
    CREATE EXTENSION IF NOT EXISTS ${name} WITH SCHEMA public;
  EXCEPTION WHEN unique_violation OR duplicate_object THEN NULL;
  END $$`;
}

/** The schema a migration runs in: migrations never hard-code it, so tests can isolate. */
export function schemaOf(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema;
  if (!schema) throw new Error('Migration run without a schema');
  return `"${schema}"`;
}
