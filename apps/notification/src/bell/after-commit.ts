import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';

/**
 * Work to do once a transaction has committed, never if it rolls back: e.g. telling the
 * gateways about a notification the inbox transaction wrote. The EventConsumer owns that
 * transaction; TypeORM's transaction events let us hook its end without touching it.
 */
@Injectable()
export class AfterCommit implements OnModuleInit {
  private readonly logger = new Logger(AfterCommit.name);
  private readonly pending = new WeakMap<QueryRunner, (() => void)[]>();

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    const subscriber: EntitySubscriberInterface = {
      // Also fired when a savepoint is released: only the outermost commit counts.
      afterTransactionCommit: ({ queryRunner }) => {
        if (!queryRunner.isTransactionActive) this.flush(queryRunner);
      },
      afterTransactionRollback: ({ queryRunner }) => {
        if (!queryRunner.isTransactionActive) this.pending.delete(queryRunner);
      },
    };
    this.dataSource.subscribers.push(subscriber);
  }

  /** Runs `work` after the transaction of `manager` commits (at once outside a transaction). */
  run(manager: EntityManager, work: () => void): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) return this.safely(work);
    const works = this.pending.get(runner) ?? [];
    works.push(work);
    this.pending.set(runner, works);
  }

  private flush(runner: QueryRunner): void {
    const works = this.pending.get(runner) ?? [];
    this.pending.delete(runner);
    for (const work of works) this.safely(work);
  }

  /** The transaction is committed: a failure here must not look like a failed commit. */
  private safely(work: () => void): void {
    try {
      work();
    } catch (err) {
      this.logger.error(`after-commit work failed: ${(err as Error).message}`);
    }
  }
}
