import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AgencyEventPayloads, EVENTS_EXCHANGE, EventEnvelope, EventPayloads } from '@dvc/contracts';
import { AmqpConnection } from './amqp-connection';
import { watchOutbox } from './messaging-metrics';

/** An event published under its type (the default routing key) and optionally extra keys. */
export interface OutboxEvent<K extends keyof EventPayloads = keyof EventPayloads> {
  type: K;
  data: EventPayloads[K];
  /** Extra routing keys the same envelope is published under. */
  alsoRoutedAs?: string[];
}

/**
 * An event for one audience only, published under `routedAs` INSTEAD of its type: e.g. the
 * agency's copy of a dossier event (`agency.<code>.dossier.submitted`), which carries form data
 * the consumers bound to `dossier.submitted` must not receive.
 */
export interface RoutedOutboxEvent<
  K extends keyof AgencyEventPayloads = keyof AgencyEventPayloads,
> {
  type: K;
  data: AgencyEventPayloads[K];
  routedAs: string;
}

/** Anything an outbox takes, each type with its own payload. */
export type OutboxMessage =
  | { [K in keyof EventPayloads]: OutboxEvent<K> }[keyof EventPayloads]
  | { [K in keyof AgencyEventPayloads]: RoutedOutboxEvent<K> }[keyof AgencyEventPayloads];

/**
 * Writes events into this service's outbox table inside the caller's transaction, so an
 * event exists if and only if the state change it describes was committed.
 */
export class OutboxWriter {
  constructor(private readonly schema: string) {}

  async add<E extends OutboxMessage>(
    manager: EntityManager,
    event: E,
    correlationId: string | null = null,
  ): Promise<EventEnvelope<E['data']>> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter.add must run inside the transaction of the state change');
    }
    const envelope: EventEnvelope<E['data']> = {
      id: randomUUID(),
      type: event.type,
      occurredAt: new Date().toISOString(),
      version: 1,
      correlationId,
      data: event.data,
    };
    const routingKeys =
      'routedAs' in event ? [event.routedAs] : [event.type, ...(event.alsoRoutedAs ?? [])];
    await manager.query(
      `INSERT INTO "${this.schema}".outbox (event_id, type, routing_keys, envelope) VALUES ($1, $2, $3, $4)`,
      [envelope.id, envelope.type, routingKeys, envelope],
    );
    return envelope;
  }
}

interface OutboxRow {
  id: string;
  routing_keys: string[];
  envelope: EventEnvelope;
}

export interface OutboxRelayOptions {
  schema: string;
  pollMs?: number;
  batchSize?: number;
  /** Published rows are deleted after this long (they may hold single-use tokens). */
  retentionMs?: number;
}

/**
 * Publishes committed outbox rows to `dvc.events` with publisher confirms. Rows are claimed
 * with FOR UPDATE SKIP LOCKED, so several instances share the work without double sends;
 * a row is marked published only after the broker confirmed it, and retried otherwise.
 */
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private lastCleanup = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly amqp: AmqpConnection,
    private readonly options: OutboxRelayOptions,
  ) {}

  private unwatch: (() => void) | null = null;

  onApplicationBootstrap(): void {
    this.unwatch = watchOutbox(this);
    this.schedule(0);
  }

  /** Before the database and broker connections close: finish the batch in hand, start no other. */
  async beforeApplicationShutdown(): Promise<void> {
    this.unwatch?.();
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Publish now rather than at the next poll (called after a commit that wrote events). */
  kick(): void {
    if (!this.stopped && !this.running) this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.drain().then(() => {
        this.running = null;
        this.schedule(this.options.pollMs ?? 250);
      }); // drain never rejects
    }, delayMs);
  }

  /** Publishes until the outbox is empty; returns the number of events sent. */
  async drain(): Promise<number> {
    let total = 0;
    try {
      for (;;) {
        const sent = await this.publishBatch();
        total += sent;
        if (sent < (this.options.batchSize ?? 100)) break;
      }
      await this.cleanup();
    } catch (err) {
      this.logger.warn(`publish failed, will retry: ${(err as Error).message}`);
    }
    return total;
  }

  private async publishBatch(): Promise<number> {
    const schema = this.options.schema;
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, routing_keys, envelope FROM "${schema}".outbox
          WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.options.batchSize ?? 100],
      );
      if (rows.length === 0) return 0;
      if (!this.amqp.isConnected) throw new Error('broker not connected');
      await Promise.all(
        rows.flatMap((row) =>
          row.routing_keys.map((key) =>
            this.amqp.publisher.publish(
              EVENTS_EXCHANGE,
              key,
              Buffer.from(JSON.stringify(row.envelope)),
              {
                persistent: true,
                timeout: 10_000,
                messageId: row.envelope.id,
                type: row.envelope.type,
                contentType: 'application/json',
                correlationId: row.envelope.correlationId ?? undefined,
                timestamp: Math.floor(Date.parse(row.envelope.occurredAt) / 1000),
              },
            ),
          ),
        ),
      );
      await manager.query(`UPDATE "${schema}".outbox SET published_at = now() WHERE id = ANY($1)`, [
        rows.map((r) => r.id),
      ]);
      return rows.length;
    });
  }

  private async cleanup(): Promise<void> {
    const retentionMs = this.options.retentionMs ?? 3_600_000;
    if (Date.now() - this.lastCleanup < 60_000) return;
    this.lastCleanup = Date.now();
    await this.dataSource.query(
      `DELETE FROM "${this.options.schema}".outbox WHERE published_at < now() - make_interval(secs => $1)`,
      [retentionMs / 1000],
    );
  }

  /** Unpublished events and the age of the oldest, for health and metrics. */
  async lag(): Promise<{ pending: number; oldestSeconds: number }> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS pending, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float AS oldest
         FROM "${this.options.schema}".outbox WHERE published_at IS NULL`,
    );
    return { pending: row.pending, oldestSeconds: row.oldest };
  }
}
