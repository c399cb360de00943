import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
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
 * The Postgres channel on which a commit that wrote events wakes the relays; the payload is the
 * outbox's schema. One channel for every service keeps channel names short whatever the schema.
 */
export const OUTBOX_CHANNEL = 'dvc_outbox';

/**
 * Writes events into this service's outbox table inside the caller's transaction, so an
 * event exists if and only if the state change it describes was committed. The same statement
 * notifies the relays, which Postgres delivers at commit (and never after a rollback).
 */
export class OutboxWriter {
  constructor(private readonly schema: string) {}

  async add<E extends OutboxMessage>(
    manager: EntityManager,
    event: E,
    correlationId: string | null = null,
  ): Promise<EventEnvelope<E['data']>> {
    const pending = this.envelope(event, correlationId);
    await this.write(manager, [pending]);
    return pending.envelope;
  }

  /** The envelope an event leaves in, and its routing keys (nothing written yet). */
  envelope<E extends OutboxMessage>(
    event: E,
    correlationId: string | null = null,
  ): PendingEvent<E['data']> {
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
    return { envelope, routingKeys };
  }

  /** Writes the events, in their order, with one statement that also notifies the relays. */
  async write(manager: EntityManager, events: PendingEvent<unknown>[]): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter.add must run inside the transaction of the state change');
    }
    if (events.length === 0) return;
    const values = events.map(
      (_, i) => `($${4 * i + 3}, $${4 * i + 4}, $${4 * i + 5}, $${4 * i + 6})`,
    );
    await manager.query(
      `WITH event AS (
         INSERT INTO "${this.schema}".outbox (event_id, type, routing_keys, envelope)
         VALUES ${values.join(', ')} RETURNING id)
       SELECT pg_notify($1, $2) FROM (SELECT 1 FROM event LIMIT 1) written`,
      [
        OUTBOX_CHANNEL,
        this.schema,
        ...events.flatMap(({ envelope, routingKeys }) => [
          envelope.id,
          envelope.type,
          routingKeys,
          envelope,
        ]),
      ],
    );
  }
}

/** An event with its envelope, not yet in the outbox. */
export interface PendingEvent<D> {
  envelope: EventEnvelope<D>;
  routingKeys: string[];
}

interface OutboxRow {
  id: string;
  routing_keys: string[];
  envelope: EventEnvelope;
}

export interface OutboxRelayOptions {
  schema: string;
  /**
   * How often the relay looks for events nobody announced while it hears the commits'
   * notifications (a notification lost with its connection, events left by a crash).
   */
  pollMs?: number;
  batchSize?: number;
  /** Published rows are deleted after this long (they may hold single-use tokens). */
  retentionMs?: number;
}

/** Without notifications (listener down) the relay polls as often as this. */
const UNANNOUNCED_POLL_MS = 250;
/** After a failed publish (broker away), the next attempt. */
const RETRY_MS = 1_000;

/**
 * Publishes committed outbox rows to `dvc.events` with publisher confirms. Rows are claimed
 * with FOR UPDATE SKIP LOCKED, so several instances share the work without double sends;
 * a row is marked published only after the broker confirmed it, and retried otherwise.
 *
 * The relay wakes when a commit wrote events: LISTEN on OUTBOX_CHANNEL (any instance's
 * commits) and kick() (this process's). Between them it polls only as a safety net, every
 * `pollMs` (5 s), or every 250 ms while it cannot listen.
 */
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private lastCleanup = 0;
  /** A wake-up came while a drain was running: it may have missed that commit's rows. */
  private wokenWhileRunning = false;
  private lastDrainFailed = false;
  private listener: { release(): void } | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly amqp: AmqpConnection,
    private readonly options: OutboxRelayOptions,
  ) {}

  private unwatch: (() => void) | null = null;

  onApplicationBootstrap(): void {
    this.unwatch = watchOutbox(this);
    this.schedule(0);
    void this.listen();
  }

  /** Before the database and broker connections close: finish the batch in hand, start no other. */
  async beforeApplicationShutdown(): Promise<void> {
    this.unwatch?.();
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.listener?.release();
    this.listener = null;
    await this.running;
  }

  /** Publish now rather than at the next poll (called after a commit that wrote events). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.wokenWhileRunning = true;
    else this.schedule(0);
  }

  /** Holds one connection that LISTENs for commits with events; on loss, polls and retries. */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const driver = this.dataSource.driver as PostgresDriver;
    let release: ((err?: Error) => void) | undefined;
    try {
      const [client, done] = (await driver.obtainMasterConnection()) as [
        {
          on(event: string, listener: (arg: { payload?: string } & Error) => void): void;
          query(sql: string): Promise<unknown>;
        },
        (err?: Error) => void,
      ];
      release = done;
      client.on('notification', (message) => {
        if (message.payload === this.options.schema) this.kick();
      });
      client.on('error', (err) => {
        if (this.listener === null) return;
        this.listener = null;
        done(err);
        this.logger.warn(`lost the outbox notifications, polling: ${err.message}`);
        setTimeout(() => void this.listen(), RETRY_MS).unref();
      });
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      // Closed, not returned to the pool: a pooled connection must not stay LISTENing.
      this.listener = { release: () => done(new Error('outbox listener closed')) };
      if (this.stopped) this.listener.release();
      this.kick(); // events committed while nobody listened
    } catch (err) {
      release?.(err as Error);
      if (this.stopped) return;
      this.logger.warn(
        `cannot listen for outbox notifications, polling: ${(err as Error).message}`,
      );
      setTimeout(() => void this.listen(), RETRY_MS).unref();
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.drain().then(() => {
        this.running = null;
        const woken = this.wokenWhileRunning;
        this.wokenWhileRunning = false;
        if (woken) this.schedule(0);
        else if (this.lastDrainFailed) this.schedule(RETRY_MS);
        else this.schedule(this.listener ? (this.options.pollMs ?? 5_000) : UNANNOUNCED_POLL_MS);
      }); // drain never rejects
    }, delayMs);
  }

  /** Publishes until the outbox is empty; returns the number of events sent. */
  async drain(): Promise<number> {
    let total = 0;
    this.lastDrainFailed = false;
    try {
      for (;;) {
        const sent = await this.publishBatch();
        total += sent;
        if (sent < (this.options.batchSize ?? 100)) break;
      }
      await this.cleanup();
    } catch (err) {
      this.lastDrainFailed = true;
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
