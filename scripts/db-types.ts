import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import { generate, PostgresDialect as PostgresTypesDialect } from 'kysely-codegen';
import { Pool } from 'pg';
import type { MigrationInterface } from 'typeorm';
import { dropSchema, runMigrations } from '@dvc/database';
import { migrations as catalogue } from '../apps/catalogue/src/migrations';
import { migrations as storage } from '../apps/document-storage/src/migrations';
import { migrations as dossier } from '../apps/dossier/src/migrations';
import { migrations as identity } from '../apps/identity/src/migrations';
import { migrations as nationalSync } from '../apps/national-sync/src/migrations';
import { migrations as notification } from '../apps/notification/src/migrations';
import { migrations as payment } from '../apps/payment/src/migrations';

interface Database {
  app: string;
  migrations: (new () => MigrationInterface)[];
  /** Types the schema cannot tell (`table.column` → type), e.g. a column a trigger fills. */
  columns?: Record<string, string>;
}

/** The apps that own a schema, with their migrations; each gets `src/database/db.generated.ts`. */
export const databases: Database[] = [
  { app: 'payment', migrations: payment },
  { app: 'document-storage', migrations: storage },
  {
    app: 'catalogue',
    migrations: catalogue,
    // Filled by a trigger (the procedure's words), never by an INSERT.
    columns: { 'procedures.search_vector': 'Generated<string>' },
  },
  { app: 'identity', migrations: identity },
  { app: 'notification', migrations: notification },
  { app: 'dossier', migrations: dossier },
  { app: 'national-sync', migrations: nationalSync },
];

export function typesFileOf(app: string): string {
  return join(repositoryRoot(), 'apps', app, 'src', 'database', 'db.generated.ts');
}

/**
 * Migrates a fresh scratch schema with the app's migrations, then has kysely-codegen write
 * the row types of what the migrations made; the scratch schema is dropped afterwards.
 */
export async function generateDbTypes(
  url: string,
  { migrations, columns }: Database,
): Promise<string> {
  const schema = `dbtypes_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await runMigrations({ url, schema, migrations });
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new Pool({ connectionString: url, max: 1 }) }),
  });
  try {
    return await generate({
      db,
      dialect: new PostgresTypesDialect({ defaultSchemas: [schema] }),
      defaultSchemas: [schema],
      includePattern: `${schema}.*`,
      excludePattern: `${schema}.migrations`,
      overrides: { columns },
      outFile: null,
    });
  } finally {
    await db.destroy();
    await dropSchema(url, schema);
  }
}

function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

async function main(url: string): Promise<void> {
  for (const database of databases) {
    const file = typesFileOf(database.app);
    writeFileSync(file, await generateDbTypes(url, database));
    console.log(`  ${database.app}: ${file}`);
  }
}

if (require.main === module) {
  main(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres').catch(
    (err: Error) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}
