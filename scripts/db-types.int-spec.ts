import { readFileSync } from 'node:fs';
import { TEST_DATABASE_URL } from '@dvc/testing';
import { databases, generateDbTypes, typesFileOf } from './db-types';

// The checked-in row types must be what the migrations make: run `npm run db:types` after
// adding a migration.
describe('row types generated from the migrated schema', () => {
  it.each(databases)('$app: db.generated.ts matches a fresh migrate', async (database) => {
    const fresh = await generateDbTypes(TEST_DATABASE_URL, database);
    expect(readFileSync(typesFileOf(database.app), 'utf8')).toBe(fresh);
  });
});
