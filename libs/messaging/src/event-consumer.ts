import { BeforeApplicationShutdown, Logger } from '@nestjs/common';
import type { ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage, MessageProperties } from 'amqplib';
import { DataSource, EntityManager } from 'typeorm';
import { DEAD_LETTER_EXCHANGE, EVENTS_EXCHANGE, EventEnvelope } from '@dvc/contracts';
import { AmqpConnection, declareExchanges } from './amqp-connection';
import { watchQueues } from './messaging-metrics';

/** `properties` are the AMQP ones, e.g. `userId` (set and checked by RabbitMQ) for commands. */
export type EventHandler = (
  envelope: EventEnvelope,
  manager: EntityManager,
  properties: MessageProperties,
) => Promise<void>;

export interface Subscription {
  /** Durable queue name, e.g. `notification.events`. Its DLQ is `<queue>.dlq`. */
  queue: string;
  /** Exchange the bindings are on: `dvc.events` unless given (e.g. `dvc.commands`). */
  exchange?: string;
  /** Routing keys bound to the exchange, e.g. `identity.account.*`. */
  bindings: string[];
  handler: EventHandler;
  /**
   * Events the handler would do nothing with, told from the envelope alone (a status it does
   * not act on): acknowledged without the inbox transaction, since running them twice, or not
   * at all, changes nothing. When in doubt (a malformed payload) answer false.
   */
  ignores?: (envelope: EventEnvelope) => boolean;
  prefetch?: number;
}

export interface EventConsumerOptions {
  schema: string;
  /** Failed deliveries before a message is dead-lettered. */
  deliveryLimit: number;
  /** Delay before a failed message is returned to the queue, times the attempt number. */
  retryDelayMs?: number;
}

/**
 * Consumes events idempotently (docs/design.md §3). Each message is handled inside one DB
 * transaction that also records its id in the inbox; a message already in the inbox is
 * acknowledged without running the handler again. The ack happens only after the commit.
 * An event the subscription `ignores` is acknowledged at once, with no transaction.
 * A handler that throws rolls back; the message is returned and, after `deliveryLimit`
 * deliveries (quorum queue `x-delivery-limit`), dead-lettered to `<queue>.dlq`.
 */
export class EventConsumer implements BeforeApplicationShutdown {
  private readonly logger = new Logger('EventConsumer');
  private readonly channels: ChannelWrapper[] = [];
  private readonly queues: { channel: ChannelWrapper; queue: string }[] = [];
  private unwatch: (() => void) | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  /** Cancels each channel's consumer (`ChannelWrapper.cancelAll` only knows its own `consume`). */
  private readonly cancels = new Map<ChannelWrapper, () => Promise<unknown>>();

  constructor(
    private readonly amqp: AmqpConnection,
    private readonly dataSource: DataSource,
    private readonly options: EventConsumerOptions,
  ) {}

  async subscribe(subscription: Subscription): Promise<void> {
    const channel = this.amqp.manager.createChannel({
      json: false,
      setup: async (ch: ConfirmChannel) => {
        await declareExchanges(ch);
        await declareQueue(ch, subscription.queue, this.options.deliveryLimit);
        for (const key of subscription.bindings)
          await ch.bindQueue(subscription.queue, subscription.exchange ?? EVENTS_EXCHANGE, key);
        await ch.prefetch(subscription.prefetch ?? 16);
        const { consumerTag } = await ch.consume(
          subscription.queue,
          (msg) => msg && this.track(this.deliver(ch, msg, subscription)),
          { noAck: false },
        );
        this.cancels.set(channel, () => ch.cancel(consumerTag));
      },
    });
    this.channels.push(channel);
    this.queues.push(
      { channel, queue: subscription.queue },
      { channel, queue: `${subscription.queue}.dlq` },
    );
    this.unwatch ??= watchQueues(this);
    await channel.waitForConnect();
  }

  /** Before the database closes: stop taking messages, let the ones in hand finish, then close. */
  /** Messages waiting in each consumed queue and its DLQ (for /metrics). */
  async depths(): Promise<{ queue: string; messages: number }[]> {
    return Promise.all(
      this.queues.map(async ({ channel, queue }) => ({
        queue,
        messages: (await channel.checkQueue(queue)).messageCount,
      })),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.unwatch?.();
    await Promise.all([...this.cancels.values()].map((cancel) => cancel().catch(() => undefined)));
    await Promise.allSettled([...this.inFlight]);
    await Promise.all(this.channels.map((c) => c.close()));
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async deliver(ch: ConfirmChannel, msg: ConsumeMessage, sub: Subscription): Promise<void> {
    const envelope = parseEnvelope(msg);
    if (!envelope) {
      this.logger.error(
        `${sub.queue}: malformed message dead-lettered (${msg.properties.messageId ?? 'no id'})`,
      );
      ch.nack(msg, false, false);
      return;
    }
    if (sub.ignores?.(envelope)) {
      ch.ack(msg);
      return;
    }
    try {
      await this.dataSource.transaction(async (manager) => {
        const inserted: unknown[] = await manager.query(
          `INSERT INTO "${this.options.schema}".inbox (consumer, message_id, type) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING RETURNING message_id`,
          [sub.queue, envelope.id, envelope.type],
        );
        if (inserted.length === 0) return; // already processed: a redelivery
        await sub.handler(envelope, manager, msg.properties);
      });
      ch.ack(msg);
    } catch (err) {
      const attempt = Number(msg.properties.headers?.['x-delivery-count'] ?? 0) + 1;
      this.logger.warn(
        `${sub.queue}: ${envelope.type} ${envelope.id} failed (attempt ${attempt}): ${(err as Error).message}`,
      );
      await new Promise((r) => setTimeout(r, (this.options.retryDelayMs ?? 200) * attempt));
      ch.nack(msg, false, true);
    }
  }
}

/** A quorum queue with a delivery limit and its dead-letter queue. */
export async function declareQueue(
  ch: ConfirmChannel,
  queue: string,
  deliveryLimit: number,
): Promise<void> {
  const dlq = `${queue}.dlq`;
  await ch.assertQueue(dlq, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await ch.bindQueue(dlq, DEAD_LETTER_EXCHANGE, queue);
  await ch.assertQueue(queue, {
    durable: true,
    arguments: {
      'x-queue-type': 'quorum',
      'x-delivery-limit': deliveryLimit,
      'x-dead-letter-exchange': DEAD_LETTER_EXCHANGE,
      'x-dead-letter-routing-key': queue,
    },
  });
}

function parseEnvelope(msg: ConsumeMessage): EventEnvelope | null {
  try {
    const value = JSON.parse(msg.content.toString('utf8')) as EventEnvelope;
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (typeof value?.type !== 'string' || typeof value.id !== 'string' || !uuid.test(value.id))
      return null;
    return value;
  } catch {
    return null;
  }
}
