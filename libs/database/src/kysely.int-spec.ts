import { sql } from 'kysely';
import { DataSource } from 'typeorm';
import { TEST_DATABASE_URL, uniqueName } from '@dvc/testing';
import { dropSchema, serviceDataSourceOptions } from './data-source';
import { kyselyOf } from './kysely';

interface TestDb {
  notes: { id: number; body: string };
}

describe('kyselyOf(manager): typed queries inside TypeORM transactions', () => {
  const schema = uniqueName('kysely');
  let dataSource: DataSource;

  beforeAll(async () => {
    // One pooled connection: a query outside a transaction that kept its connection would hang.
    dataSource = new DataSource(
      serviceDataSourceOptions({ url: TEST_DATABASE_URL, schema, migrations: [], poolSize: 1 }),
    );
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA "${schema}"`);
    await dataSource.query(
      `CREATE TABLE "${schema}".notes (id int PRIMARY KEY, body text NOT NULL)`,
    );
  });

  afterAll(async () => {
    await dataSource.destroy();
    await dropSchema(TEST_DATABASE_URL, schema);
  });

  it('runs on the transaction’s own connection, one query per statement', async () => {
    await dataSource.transaction(async (manager) => {
      const db = kyselyOf<TestDb>(manager);
      const runQuery = jest.spyOn(manager.queryRunner!, 'query');
      await db.insertInto('notes').values({ id: 1, body: 'draft' }).execute();
      const pid = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db);
      expect(runQuery).toHaveBeenCalledTimes(2);
      const [typeorm] = (await manager.query('SELECT pg_backend_pid() AS pid')) as {
        pid: number;
      }[];
      expect(pid.rows[0].pid).toBe(typeorm.pid);
      expect(await manager.query('SELECT body FROM notes WHERE id = 1')).toEqual([
        { body: 'draft' },
      ]);
    });
  });

  it('is undone with the transaction it ran in', async () => {
    const failed = dataSource.transaction(async (manager) => {
      await kyselyOf<TestDb>(manager).insertInto('notes').values({ id: 2, body: 'lost' }).execute();
      throw new Error('rollback');
    });
    await expect(failed).rejects.toThrow('rollback');
    const db = kyselyOf<TestDb>(dataSource.manager);
    expect(await db.selectFrom('notes').selectAll().where('id', '=', 2).execute()).toEqual([]);
  });

  it('outside a transaction borrows and returns a pooled connection per query', async () => {
    const db = kyselyOf<TestDb>(dataSource.manager);
    await db.insertInto('notes').values({ id: 3, body: 'a' }).execute();
    const updated = await db
      .updateTable('notes')
      .set({ body: 'b' })
      .where('id', '=', 3)
      .executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(1n);
    const row = await db.selectFrom('notes').select('body').where('id', '=', 3).executeTakeFirst();
    expect(row).toEqual({ body: 'b' });
  });

  it('refuses to open a transaction of its own', async () => {
    const db = kyselyOf<TestDb>(dataSource.manager);
    await expect(db.transaction().execute(async () => undefined)).rejects.toThrow(/TypeORM/);
  });
});
