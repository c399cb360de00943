import { DataSource, EntityManager } from 'typeorm';
import { EventEnvelope } from '@dvc/contracts';
import { OutboxMessage, OutboxRelay, OutboxWriter } from './outbox';

export interface Tx {
  manager: EntityManager;
  /** Records an event in the outbox of this same transaction (`routedAs`: for one audience only). */
  publish<E extends OutboxMessage>(event: E): Promise<EventEnvelope<E['data']>>;
}

/**
 * Runs a state change and its events in one transaction, then wakes the relay so the
 * events leave without waiting for the next poll.
 */
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
  ) {}

  async run<T>(correlationId: string | null, work: (tx: Tx) => Promise<T>): Promise<T> {
    let wroteEvents = false;
    const result = await this.dataSource.transaction((manager) =>
      work({
        manager,
        publish: (event) => {
          wroteEvents = true;
          return this.outbox.add(manager, event, correlationId);
        },
      }),
    );
    if (wroteEvents) this.relay.kick();
    return result;
  }
}
