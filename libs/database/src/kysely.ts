import {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  QueryResult,
} from 'kysely';
import type { EntityManager, QueryRunner } from 'typeorm';

/**
 * Typed queries on a TypeORM `EntityManager`: each Kysely query is one `query()` on the
 * manager's own query runner, so inside `unitOfWork.run` it runs in the same transaction as
 * the outbox row, on the same connection, with no extra round trip. Outside a transaction it
 * borrows a pool connection for that one query, as `manager.query()` does. Transactions stay
 * TypeORM's (`dataSource.transaction`, `UnitOfWork`); Kysely never opens one.
 */
export function kyselyOf<DB>(manager: EntityManager): Kysely<DB> {
  let db = cache.get(manager);
  if (!db) {
    db = new Kysely<unknown>({ dialect: new EntityManagerDialect(manager) });
    cache.set(manager, db);
  }
  return db as Kysely<DB>;
}

const cache = new WeakMap<EntityManager, Kysely<unknown>>();

class EntityManagerDialect implements Dialect {
  constructor(private readonly manager: EntityManager) {}

  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new EntityManagerDriver(this.manager);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

class EntityManagerDriver implements Driver {
  private readonly connection: DatabaseConnection;

  constructor(manager: EntityManager) {
    this.connection = new EntityManagerConnection(manager);
  }

  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.connection;
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
  beginTransaction(): Promise<void> {
    return Promise.reject(new Error('Open transactions with TypeORM (UnitOfWork), not Kysely'));
  }
  commitTransaction(): Promise<void> {
    return this.beginTransaction();
  }
  rollbackTransaction(): Promise<void> {
    return this.beginTransaction();
  }
}

class EntityManagerConnection implements DatabaseConnection {
  constructor(private readonly manager: EntityManager) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const own = this.manager.queryRunner;
    const runner: QueryRunner = own ?? this.manager.connection.createQueryRunner();
    try {
      const result = await runner.query(query.sql, [...query.parameters], true);
      const rows = (result.records ?? []) as R[];
      const affected = typeof result.affected === 'number' ? BigInt(result.affected) : undefined;
      return { rows, numAffectedRows: affected };
    } finally {
      if (!own) await runner.release();
    }
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not supported on a TypeORM connection');
  }
}
