import { DataSource, EntityManager } from 'typeorm';
import { EventEnvelope } from '@dvc/contracts';
import { OutboxMessage, OutboxRelay, OutboxWriter, PendingEvent } from './outbox';

export interface Tx {
  manager: EntityManager;
  /** Records an event in the outbox of this same transaction (`routedAs`: for one audience only). */
  publish<E extends OutboxMessage>(event: E): Promise<EventEnvelope<E['data']>>;
}

/**
 * Runs a state change and its events in one transaction, then wakes the relay so the
 * events leave without waiting for the next poll. The events published during the work are
 * written to the outbox together, in one statement at its end (still inside the transaction).
 */
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
  ) {}

  async run<T>(correlationId: string | null, work: (tx: Tx) => Promise<T>): Promise<T> {
    let wroteEvents = false;
    const result = await this.dataSource.transaction(async (manager) => {
      const pending: PendingEvent<unknown>[] = [];
      const value = await work({
        manager,
        publish: (event) => {
          const next = this.outbox.envelope(event, correlationId);
          pending.push(next);
          return Promise.resolve(next.envelope);
        },
      });
      await this.outbox.write(manager, pending);
      wroteEvents = pending.length > 0;
      return value;
    });
    if (wroteEvents) this.relay.kick();
    return result;
  }
}
