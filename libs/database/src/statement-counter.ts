import { Counter } from 'prom-client';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { metricsRegistry } from '@dvc/observability';

/**
 * SQL statements sent to Postgres by this process, transaction control included, by schema.
 * pg_stat_statements needs a server restart to load, so the count is kept where the
 * statements leave: the bench reads it from /metrics before and after each operation.
 */
export const dbStatements = new Counter({
  name: 'db_statements_total',
  help: 'SQL statements sent to Postgres (BEGIN/COMMIT included)',
  labelNames: ['schema'],
  registers: [metricsRegistry],
});

/** A TypeORM logger that counts statements and writes nothing (logging stays pino's job). */
export class StatementCounter implements TypeOrmLogger {
  private readonly counter: ReturnType<typeof dbStatements.labels>;

  constructor(schema: string) {
    this.counter = dbStatements.labels(schema);
  }

  logQuery(): void {
    this.counter.inc();
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
