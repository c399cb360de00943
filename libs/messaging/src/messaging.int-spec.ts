import type { ConfirmChannel } from 'amqplib';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { COMMANDS_EXCHANGE, EVENTS_EXCHANGE, EventEnvelope, Events } from '@dvc/contracts';
import { runMigrations, serviceDataSourceOptions } from '@dvc/database';
import { ServiceUnderTest, TEST_DATABASE_URL, isolatedService, waitFor } from '@dvc/testing';
import { metricsRegistry } from '@dvc/observability';
import { AmqpConnection } from './amqp-connection';
import { EventConsumer } from './event-consumer';
import { OutboxRelay, OutboxWriter } from './outbox';
import { OutboxInbox1732600000000 } from './outbox-inbox.migration';
import { UnitOfWork } from './unit-of-work';

/** Outbox, relay and idempotent consumer against the real Postgres and RabbitMQ. */
describe('messaging (outbox, relay, inbox, dead-lettering)', () => {
  const migrations = [OutboxInbox1732600000000];
  let dataSource: DataSource;
  let amqp: AmqpConnection;
  let relay: OutboxRelay;
  let unitOfWork: UnitOfWork;
  let consumer: EventConsumer;
  let probe: ConfirmChannel;
  const received: EventEnvelope[] = [];
  let sut: ServiceUnderTest;

  beforeAll(async () => {
    sut = await isolatedService('messaging');
    await runMigrations({ url: TEST_DATABASE_URL, schema: sut.schema, migrations });
    dataSource = await new DataSource(
      serviceDataSourceOptions({ url: TEST_DATABASE_URL, schema: sut.schema, migrations }),
    ).initialize();
    await dataSource.query(`CREATE TABLE "${sut.schema}".effects (message_id uuid NOT NULL)`);
    amqp = new AmqpConnection(sut.amqpUrl, 'messaging-test');
    await amqp.publisher.waitForConnect();
    relay = new OutboxRelay(dataSource, amqp, { schema: sut.schema, pollMs: 50 });
    unitOfWork = new UnitOfWork(dataSource, new OutboxWriter(sut.schema), relay);
    consumer = new EventConsumer(amqp, dataSource, {
      schema: sut.schema,
      deliveryLimit: 2,
      retryDelayMs: 10,
    });

    // A plain queue that sees everything the relay publishes.
    const channel = amqp.manager.createChannel({
      setup: async (ch: ConfirmChannel) => {
        probe = ch;
        const { queue } = await ch.assertQueue('', { exclusive: true });
        await ch.bindQueue(queue, EVENTS_EXCHANGE, 'identity.#');
        await ch.consume(queue, (m) => m && (parseInto(received, m.content), ch.ack(m)), {
          noAck: false,
        });
      },
    });
    await channel.waitForConnect();
  });

  afterAll(() =>
    sut?.cleanup(
      () => consumer?.beforeApplicationShutdown(),
      () => relay?.beforeApplicationShutdown(),
      () => amqp?.onApplicationShutdown(),
      () => dataSource?.destroy(),
    ),
  );

  const activated = (email: string) => ({
    type: Events.accountActivated,
    data: { accountId: randomUUID(), email, fullName: 'Nguyễn Văn A', locale: 'vi' as const },
  });

  it('publishes a committed event, and never one written in a rolled-back transaction', async () => {
    await expect(
      unitOfWork.run('corr-rolled-back', async ({ publish }) => {
        await publish(activated('rolled-back@example.com'));
        throw new Error('business rule failed after the event was written');
      }),
    ).rejects.toThrow('business rule failed');
    const committed = await unitOfWork.run('corr-1', ({ publish }) =>
      publish(activated('committed@example.com')),
    );
    await relay.drain();

    await waitFor(() => received.some((e) => e.id === committed.id), {
      what: 'the committed event',
    });
    const emails = received.map((e) => (e.data as { email: string }).email);
    expect(emails).toContain('committed@example.com');
    expect(emails).not.toContain('rolled-back@example.com');
    const rows = await dataSource.query(`SELECT type, published_at FROM "${sut.schema}".outbox`);
    expect(rows).toHaveLength(1);
    expect(rows[0].published_at).not.toBeNull();
    expect(received.find((e) => e.id === committed.id)).toMatchObject({
      type: Events.accountActivated,
      version: 1,
      correlationId: 'corr-1',
    });
  });

  it('writes the events of a unit of work together at its end, in the order published', async () => {
    let rowsWhileWorking = -1;
    const envelopes = await unitOfWork.run('corr-batch', async ({ manager, publish }) => {
      const written = [];
      for (const n of [1, 2, 3]) written.push(await publish(activated(`batch-${n}@example.com`)));
      const rows: unknown[] = await manager.query(
        `SELECT 1 FROM "${sut.schema}".outbox WHERE published_at IS NULL`,
      );
      rowsWhileWorking = rows.length;
      return written;
    });
    expect(rowsWhileWorking).toBe(0); // published, not yet written: one insert at the end
    const rows: { event_id: string }[] = await dataSource.query(
      `SELECT event_id FROM "${sut.schema}".outbox WHERE event_id = ANY($1) ORDER BY id`,
      [envelopes.map((e) => e.id)],
    );
    expect(rows.map((r) => r.event_id)).toEqual(envelopes.map((e) => e.id));
    await relay.drain();
    await waitFor(() => envelopes.every((e) => received.some((r) => r.id === e.id)), {
      what: 'the three events',
    });
    const order = received
      .filter((r) => envelopes.some((e) => e.id === r.id))
      .map((r) => (r.data as { email: string }).email);
    expect(order).toEqual(['batch-1@example.com', 'batch-2@example.com', 'batch-3@example.com']);
  });

  it('outbox.add refuses to run outside a transaction', async () => {
    await expect(
      new OutboxWriter(sut.schema).add(dataSource.manager, activated('x@example.com')),
    ).rejects.toThrow(/inside the transaction/);
  });

  it('processes a redelivered message once', async () => {
    const seen: string[] = [];
    await consumer.subscribe({
      queue: 'test.once',
      bindings: ['identity.account.activated'],
      handler: async (envelope, manager) => {
        seen.push(envelope.id);
        await manager.query(`INSERT INTO "${sut.schema}".effects VALUES ($1)`, [envelope.id]);
      },
    });
    const envelope = {
      id: randomUUID(),
      type: 'identity.account.activated',
      occurredAt: new Date().toISOString(),
      version: 1,
      correlationId: null,
      data: {},
    };
    const body = Buffer.from(JSON.stringify(envelope));
    // The same message twice, as a broker redelivers after a lost ack.
    await amqp.publisher.publish(EVENTS_EXCHANGE, envelope.type, body, { persistent: true });
    await amqp.publisher.publish(EVENTS_EXCHANGE, envelope.type, body, { persistent: true });

    await waitFor(
      async () => (await probe.checkQueue('test.once')).messageCount === 0 && seen.length >= 1,
      {
        what: 'both copies consumed',
      },
    );
    await waitFor(async () => {
      const [{ n }] = await dataSource.query(
        `SELECT count(*)::int AS n FROM "${sut.schema}".inbox WHERE message_id = $1`,
        [envelope.id],
      );
      return n === 1;
    });
    const effects = await dataSource.query(
      `SELECT * FROM "${sut.schema}".effects WHERE message_id = $1`,
      [envelope.id],
    );
    expect(effects).toHaveLength(1);
  });

  it('acknowledges an event the subscription ignores without a transaction or an inbox row', async () => {
    const handled: string[] = [];
    await consumer.subscribe({
      queue: 'test.ignores',
      bindings: ['identity.account.password_changed'],
      ignores: (envelope) => (envelope.data as { via?: string }).via === 'ignored',
      handler: async (envelope) => {
        handled.push(envelope.id);
      },
    });
    const envelope = (via: string) => ({
      id: randomUUID(),
      type: 'identity.account.password_changed',
      occurredAt: new Date().toISOString(),
      version: 1,
      correlationId: null,
      data: { via },
    });
    const ignored = envelope('ignored');
    const wanted = envelope('reset');
    for (const e of [ignored, wanted])
      await amqp.publisher.publish(EVENTS_EXCHANGE, e.type, Buffer.from(JSON.stringify(e)), {
        persistent: true,
      });

    await waitFor(
      async () =>
        (await probe.checkQueue('test.ignores')).messageCount === 0 && handled.length === 1,
      { what: 'both consumed, one handled' },
    );
    expect(handled).toEqual([wanted.id]);
    const inbox: { message_id: string }[] = await dataSource.query(
      `SELECT message_id FROM "${sut.schema}".inbox WHERE consumer = 'test.ignores'`,
    );
    expect(inbox.map((r) => r.message_id)).toEqual([wanted.id]);
    expect((await probe.checkQueue('test.ignores.dlq')).messageCount).toBe(0);
  });

  it('retries a failing handler, then dead-letters the message without side effects', async () => {
    let attempts = 0;
    await consumer.subscribe({
      queue: 'test.failing',
      bindings: ['identity.password_reset_requested'],
      handler: async (envelope, manager) => {
        attempts += 1;
        await manager.query(`INSERT INTO "${sut.schema}".effects VALUES ($1)`, [envelope.id]);
        throw new Error('downstream is broken');
      },
    });
    const id = randomUUID();
    const body = Buffer.from(
      JSON.stringify({
        id,
        type: 'identity.password_reset_requested',
        occurredAt: new Date().toISOString(),
        version: 1,
        correlationId: null,
        data: {},
      }),
    );
    await amqp.publisher.publish(EVENTS_EXCHANGE, 'identity.password_reset_requested', body, {
      persistent: true,
    });

    await waitFor(async () => (await probe.checkQueue('test.failing.dlq')).messageCount === 1, {
      what: 'the message in the DLQ',
    });
    expect(attempts).toBeGreaterThan(1); // retried before giving up
    expect(attempts).toBeLessThanOrEqual(3); // and gave up: the limit is 2 redeliveries
    expect(
      await dataSource.query(`SELECT * FROM "${sut.schema}".effects WHERE message_id = $1`, [id]),
    ).toHaveLength(0);
    expect(
      await dataSource.query(`SELECT * FROM "${sut.schema}".inbox WHERE message_id = $1`, [id]),
    ).toHaveLength(0);
  });

  it('dead-letters a message that is not an event envelope at once', async () => {
    await consumer.subscribe({
      queue: 'test.malformed',
      bindings: ['identity.account.registered'],
      handler: async () => undefined,
    });
    await amqp.publisher.publish(
      EVENTS_EXCHANGE,
      'identity.account.registered',
      Buffer.from('not json'),
      { persistent: true },
    );
    await waitFor(async () => (await probe.checkQueue('test.malformed.dlq')).messageCount === 1, {
      what: 'malformed in DLQ',
    });
  });

  it('publishes a routed event under its own routing key only (e.g. an agency copy)', async () => {
    const agencyCopies: EventEnvelope[] = [];
    const channel = amqp.manager.createChannel({
      setup: async (ch: ConfirmChannel) => {
        const { queue } = await ch.assertQueue('', { exclusive: true });
        await ch.bindQueue(queue, EVENTS_EXCHANGE, 'agency.T00_00_01_H99.#');
        await ch.bindQueue(queue, EVENTS_EXCHANGE, 'command.#');
        await ch.consume(queue, (m) => m && (parseInto(agencyCopies, m.content), ch.ack(m)), {
          noAck: false,
        });
      },
    });
    await channel.waitForConnect();
    const routed = await unitOfWork.run('corr-routed', ({ publish }) =>
      publish({
        type: 'command.accepted',
        routedAs: 'agency.T00_00_01_H99.command.accepted',
        data: {
          commandId: randomUUID(),
          type: 'command.receive',
          dossierCode: 'T00.00.01.H99-261126-0001',
          status: 'RECEIVED',
        },
      }),
    );
    const [row] = await dataSource.query(
      `SELECT routing_keys FROM "${sut.schema}".outbox WHERE event_id = $1`,
      [routed.id],
    );
    expect(row.routing_keys).toEqual(['agency.T00_00_01_H99.command.accepted']);
    await waitFor(() => agencyCopies.some((e) => e.id === routed.id), {
      what: 'the routed event',
    });
    // Published once, not also under its type.
    await relay.drain();
    expect(agencyCopies.filter((e) => e.id === routed.id)).toHaveLength(1);
    await channel.close();
  });

  it('consumes from another exchange and hands the handler the AMQP properties (user_id)', async () => {
    const seen: { type: string; userId: unknown }[] = [];
    await consumer.subscribe({
      queue: 'test.commands',
      exchange: COMMANDS_EXCHANGE,
      bindings: ['command.*'],
      handler: async (envelope, _manager, properties) => {
        seen.push({ type: envelope.type, userId: properties.userId });
      },
    });
    const command = (userId?: string) => ({
      body: Buffer.from(
        JSON.stringify({
          id: randomUUID(),
          type: 'command.start',
          occurredAt: new Date().toISOString(),
          version: 1,
          correlationId: null,
          data: {},
        }),
      ),
      options: { persistent: true, ...(userId ? { userId } : {}) },
    });
    const signed = command('guest'); // the vhost's user here: RabbitMQ checks it
    const unsigned = command();
    await amqp.publisher.publish(COMMANDS_EXCHANGE, 'command.start', signed.body, signed.options);
    await amqp.publisher.publish(
      COMMANDS_EXCHANGE,
      'command.start',
      unsigned.body,
      unsigned.options,
    );
    await waitFor(() => seen.length === 2, { what: 'both commands handled' });
    expect(seen.map((s) => s.userId).sort()).toEqual(['guest', undefined]);
  });

  it('reports the depth of consumed queues and their DLQs on /metrics', async () => {
    const text = await metricsRegistry.getSingleMetricAsString('event_queue_messages');
    expect(text).toMatch(/event_queue_messages\{queue="test\.failing\.dlq"\} 1/);
    expect(text).toMatch(/event_queue_messages\{queue="test\.once"\} 0/);
  });
});

function parseInto(list: EventEnvelope[], content: Buffer): void {
  try {
    list.push(JSON.parse(content.toString()));
  } catch {
    // the malformed-message test sends a body that is not JSON on purpose
  }
}
