import type { ConfirmChannel } from 'amqplib';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EVENTS_EXCHANGE, EventEnvelope, Events } from '@dvc/contracts';
import { runMigrations, serviceDataSourceOptions } from '@dvc/database';
import { ServiceUnderTest, TEST_DATABASE_URL, isolatedService, waitFor } from '@dvc/testing';
import { AmqpConnection } from './amqp-connection';
import { OutboxRelay, OutboxWriter } from './outbox';
import { OutboxInbox1732600000000 } from './outbox-inbox.migration';

/**
 * The relay wakes when a commit wrote events, whoever committed them: an event written by
 * another process (or an inbox handler, which does not kick the relay) leaves at once, not at
 * the next safety poll, and an instance that did not write it publishes it just as well.
 */
describe('outbox relay wake-up (LISTEN/NOTIFY)', () => {
  const migrations = [OutboxInbox1732600000000];
  const SAFETY_POLL_MS = 60_000; // far longer than the test waits: only a notification can wake it
  let sut: ServiceUnderTest;
  let dataSource: DataSource;
  let writer: DataSource;
  let amqp: AmqpConnection;
  let relay: OutboxRelay;
  const received: EventEnvelope[] = [];

  beforeAll(async () => {
    sut = await isolatedService('relaywake');
    await runMigrations({ url: TEST_DATABASE_URL, schema: sut.schema, migrations });
    const options = serviceDataSourceOptions({
      url: TEST_DATABASE_URL,
      schema: sut.schema,
      migrations,
    });
    dataSource = await new DataSource(options).initialize();
    writer = await new DataSource(options).initialize(); // "another instance"
    amqp = new AmqpConnection(sut.amqpUrl, 'relay-wake-test');
    await amqp.publisher.waitForConnect();
    const channel = amqp.manager.createChannel({
      setup: async (ch: ConfirmChannel) => {
        const { queue } = await ch.assertQueue('', { exclusive: true });
        await ch.bindQueue(queue, EVENTS_EXCHANGE, 'identity.#');
        await ch.consume(queue, (m) => {
          if (!m) return;
          received.push(JSON.parse(m.content.toString('utf8')) as EventEnvelope);
          ch.ack(m);
        });
      },
    });
    await channel.waitForConnect();
    relay = new OutboxRelay(dataSource, amqp, { schema: sut.schema, pollMs: SAFETY_POLL_MS });
    relay.onApplicationBootstrap();
    // The first drain at start-up has run and the relay listens: nothing left to publish.
    await waitFor(async () => (await relay.lag()).pending === 0 && listening(), {
      what: 'the relay listening',
    });
  });

  afterAll(() =>
    sut?.cleanup(
      () => relay?.beforeApplicationShutdown(),
      () => amqp?.onApplicationShutdown(),
      () => writer?.destroy(),
      () => dataSource?.destroy(),
    ),
  );

  async function listening(): Promise<boolean> {
    const rows: unknown[] = await writer.query(
      `SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND query ILIKE 'LISTEN%'`,
      [sut.schema],
    );
    return rows.length > 0;
  }

  const activated = (email: string) => ({
    type: Events.accountActivated,
    data: { accountId: randomUUID(), email, fullName: 'Trần Thị B', locale: 'vi' as const },
  });

  it('publishes an event committed elsewhere as soon as it is committed', async () => {
    const started = Date.now();
    const envelope = await writer.transaction((manager) =>
      new OutboxWriter(sut.schema).add(manager, activated('elsewhere@example.com'), 'corr-w'),
    );

    await waitFor(() => received.some((e) => e.id === envelope.id), {
      timeoutMs: 5_000,
      what: 'the event, published without a poll',
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    // The broker may deliver it before the relay's UPDATE commits.
    await waitFor(
      async () => {
        const [row] = await writer.query(
          `SELECT published_at FROM "${sut.schema}".outbox WHERE event_id = $1`,
          [envelope.id],
        );
        return row.published_at !== null;
      },
      { what: 'the row marked published' },
    );
  });

  it('is not woken by a rolled-back transaction, and publishes nothing from it', async () => {
    const id = randomUUID();
    await expect(
      writer.transaction(async (manager) => {
        await new OutboxWriter(sut.schema).add(manager, activated(`${id}@example.com`));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const after = await writer.transaction((manager) =>
      new OutboxWriter(sut.schema).add(manager, activated('after@example.com')),
    );

    await waitFor(() => received.some((e) => e.id === after.id), { what: 'the next event' });
    const emails = received.map((e) => (e.data as { email: string }).email);
    expect(emails).not.toContain(`${id}@example.com`);
  });

  it('publishes every event of a burst of commits, each once', async () => {
    const ids = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        writer.transaction((manager) =>
          new OutboxWriter(sut.schema).add(manager, activated(`burst-${i}@example.com`)),
        ),
      ),
    ).then((envelopes) => envelopes.map((e) => e.id));

    await waitFor(() => ids.every((id) => received.some((e) => e.id === id)), {
      timeoutMs: 5_000,
      what: 'all 40 events',
    });
    expect(received.filter((e) => ids.includes(e.id))).toHaveLength(40);
  });
});
