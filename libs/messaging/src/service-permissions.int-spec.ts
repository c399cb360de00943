import amqplib from 'amqplib';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { COMMANDS_EXCHANGE, DEAD_LETTER_EXCHANGE, EVENTS_EXCHANGE } from '@dvc/contracts';
import { createVhost, deleteVhost, uniqueName } from '@dvc/testing';
import { SERVICE_ACCOUNTS, ServiceAccount } from '../../../scripts/service-accounts';

const exec = promisify(execFile);
const AMQP_HOST = process.env.TEST_AMQP_HOST ?? '127.0.0.1:5672';

/**
 * The per-service RabbitMQ permissions of deployments (scripts/service-accounts.ts), held by a
 * real broker: each service can do what the apps do on its own queues, and nothing on another's.
 */
describe('per-service RabbitMQ permissions', () => {
  const vhost = uniqueName('t_perms');
  const users: string[] = [];
  const connections: amqplib.ChannelModel[] = [];

  const accountOf = (app: string): ServiceAccount => SERVICE_ACCOUNTS.find((a) => a.app === app)!;

  async function connectAs(app: string): Promise<amqplib.ChannelModel> {
    const { mq } = accountOf(app);
    const user = `${mq.user}-${randomBytes(3).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    await exec('rabbitmqctl', ['-q', 'add_user', user, password]);
    users.push(user);
    await exec('rabbitmqctl', [
      '-q',
      'set_permissions',
      '-p',
      vhost,
      user,
      mq.configure,
      mq.write,
      mq.read,
    ]);
    const connection = await amqplib.connect(
      `amqp://${user}:${password}@${AMQP_HOST}/${encodeURIComponent(vhost)}`,
    );
    connection.on('error', () => undefined);
    connections.push(connection);
    return connection;
  }

  /** Runs `work` on a fresh channel: 'ok', or 'refused' when the broker closes it (403). */
  async function attempt(
    connection: amqplib.ChannelModel,
    work: (ch: amqplib.ConfirmChannel) => Promise<unknown>,
  ): Promise<'ok' | 'refused'> {
    const ch = await connection.createConfirmChannel();
    let closedBecause = '';
    ch.on('error', (err: Error) => (closedBecause = err.message));
    try {
      await work(ch);
      await ch.close();
      return 'ok';
    } catch (err) {
      // A refused publish only says "channel closed"; the channel's error says why.
      if (/ACCESS_REFUSED/.test(`${(err as Error).message} ${closedBecause}`)) return 'refused';
      throw err;
    }
  }

  const quorum = { durable: true, arguments: { 'x-queue-type': 'quorum' } };
  const publish = (ch: amqplib.ConfirmChannel, exchange: string, key: string) =>
    new Promise<void>((resolve, reject) =>
      ch.publish(exchange, key, Buffer.from('{}'), {}, (err) => (err ? reject(err) : resolve())),
    );

  beforeAll(async () => {
    await createVhost(vhost);
  });

  afterAll(async () => {
    for (const c of connections) await c.close().catch(() => undefined);
    for (const user of users) await exec('rabbitmqctl', ['-q', 'delete_user', user]).catch(() => 0);
    await deleteVhost(vhost);
  });

  it('lets a service declare, bind, publish and consume what it owns, and call RPC queues', async () => {
    const dossier = await connectAs('dossier');
    expect(
      await attempt(dossier, async (ch) => {
        await ch.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
        await ch.assertExchange(DEAD_LETTER_EXCHANGE, 'direct', { durable: true });
        await ch.assertExchange(COMMANDS_EXCHANGE, 'topic', { durable: true });
        await ch.assertQueue('dossier.events.dlq', quorum);
        await ch.bindQueue('dossier.events.dlq', DEAD_LETTER_EXCHANGE, 'dossier.events');
        await ch.assertQueue('dossier.events', quorum);
        await ch.bindQueue('dossier.events', EVENTS_EXCHANGE, 'payment.succeeded');
        await ch.assertQueue('dossier.commands', quorum);
        await ch.bindQueue('dossier.commands', COMMANDS_EXCHANGE, '#');
        await ch.assertQueue('dossier.rpc', { durable: true });
        await ch.consume('dossier.events', () => undefined);
        await ch.consume('dossier.rpc', () => undefined);
        await publish(ch, EVENTS_EXCHANGE, 'dossier.submitted');
        // RPC client: the callee's queue, the direct reply-to pseudo-queue.
        await ch.assertQueue('catalogue.rpc', { durable: true });
        await ch.consume('amq.rabbitmq.reply-to', () => undefined, { noAck: true });
        await publish(ch, '', 'catalogue.rpc');
      }),
    ).toBe('ok');
  });

  it("refuses a service another service's queues, and the commands exchange for publishing", async () => {
    const identity = await connectAs('identity');
    const notification = await connectAs('notification');
    expect(
      await attempt(notification, async (ch) => {
        await ch.assertQueue('notification.events', quorum);
      }),
    ).toBe('ok');
    expect(
      await attempt(identity, (ch) => ch.consume('notification.events', () => undefined)),
    ).toBe('refused');
    expect(await attempt(identity, (ch) => ch.assertQueue('dossier.events', quorum))).toBe(
      'refused',
    );
    expect(
      await attempt(identity, (ch) =>
        ch.bindQueue('notification.events', EVENTS_EXCHANGE, 'identity.#'),
      ),
    ).toBe('refused');
    expect(await attempt(identity, (ch) => publish(ch, COMMANDS_EXCHANGE, 'command.start'))).toBe(
      'refused',
    );
  });

  it('lets the gateway call RPC queues only', async () => {
    const gateway = await connectAs('gateway');
    expect(
      await attempt(gateway, async (ch) => {
        await ch.assertQueue('dossier.rpc', { durable: true });
        await ch.consume('amq.rabbitmq.reply-to', () => undefined, { noAck: true });
        await publish(ch, '', 'dossier.rpc');
      }),
    ).toBe('ok');
    expect(await attempt(gateway, (ch) => publish(ch, EVENTS_EXCHANGE, 'dossier.submitted'))).toBe(
      'refused',
    );
    expect(await attempt(gateway, (ch) => ch.consume('dossier.rpc', () => undefined))).toBe(
      'refused',
    );
  });
});
