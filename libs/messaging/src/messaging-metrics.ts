import { Gauge } from 'prom-client';
import { metricsRegistry } from '@dvc/observability';

/** Something that can tell its unpublished events (an outbox relay). */
export interface OutboxLagSource {
  lag(): Promise<{ pending: number; oldestSeconds: number }>;
}

/** Something that can tell how many messages wait in its queues (an event consumer). */
export interface QueueDepthSource {
  depths(): Promise<{ queue: string; messages: number }[]>;
}

const outboxes = new Set<OutboxLagSource>();
const consumers = new Set<QueueDepthSource>();

/** Read on every scrape of /metrics, so they cost nothing between scrapes. */
new Gauge({
  name: 'outbox_pending_events',
  help: 'Events committed to the outbox and not yet confirmed by the broker',
  registers: [metricsRegistry],
  async collect() {
    const lags = await Promise.all(
      [...outboxes].map((o) => o.lag().catch(() => ({ pending: 0, oldestSeconds: 0 }))),
    );
    this.set(lags.reduce((n, l) => n + l.pending, 0));
  },
});

new Gauge({
  name: 'outbox_oldest_pending_seconds',
  help: 'Age of the oldest unpublished outbox event (outbox lag)',
  registers: [metricsRegistry],
  async collect() {
    const lags = await Promise.all(
      [...outboxes].map((o) => o.lag().catch(() => ({ pending: 0, oldestSeconds: 0 }))),
    );
    this.set(lags.reduce((max, l) => Math.max(max, l.oldestSeconds), 0));
  },
});

new Gauge({
  name: 'event_queue_messages',
  help: 'Messages waiting in a consumed event queue or its dead-letter queue',
  labelNames: ['queue'],
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    for (const consumer of consumers) {
      for (const { queue, messages } of await consumer.depths().catch(() => []))
        this.set({ queue }, messages);
    }
  },
});

export function watchOutbox(source: OutboxLagSource): () => void {
  outboxes.add(source);
  return () => outboxes.delete(source);
}

export function watchQueues(source: QueueDepthSource): () => void {
  consumers.add(source);
  return () => consumers.delete(source);
}
