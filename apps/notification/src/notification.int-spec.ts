import { getQueueToken } from '@nestjs/bull';
import type { INestApplication } from '@nestjs/common';
import amqplib, { ChannelModel, ConfirmChannel } from 'amqplib';
import type { Queue } from 'bull';
import { simpleParser, ParsedMail } from 'mailparser';
import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { AddressInfo, createServer } from 'node:net';
import { promisify } from 'node:util';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import {
  AccountRegisteredEvent,
  EVENTS_EXCHANGE,
  EventEnvelope,
  Events,
  NotificationRpc,
  RpcQueues,
  DEV_EMAIL_TOKEN_PUBLIC_KEY,
  emailTokenPublicKey,
  sealToken,
} from '@dvc/contracts';
import { loadConfig } from '@dvc/config';
import { RpcClient } from '@dvc/messaging';
import { ServiceUnderTest, isolatedService, waitFor } from '@dvc/testing';
import { migrateNotification, startNotification } from './app';
import { EMAIL_QUEUE, type DeliveryStatus } from './email/email.dto';
import { EmailService } from './email/email.service';
import { emailForEvent } from './events/event-emails';
import { NOTIFICATION_EVENTS_QUEUE } from './events/notification-events.consumer';
import { NotificationConfig } from './notification.config';

jest.setTimeout(60_000);

const PUBLIC_URL = 'https://dichvucong.test';

/**
 * The SMTP server of the test: keeps what it receives and refuses any mailbox named
 * `bounce@…` for good (550), as a real server refuses an unknown mailbox.
 */
class SmtpSink {
  readonly received: { rcptTo: string[]; mail: ParsedMail }[] = [];
  private readonly server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onRcptTo: (address, _session, callback) => {
      if (!address.address.startsWith('bounce@')) return callback();
      callback(Object.assign(new Error('5.1.1 Mailbox does not exist'), { responseCode: 550 }));
    },
    onData: (stream, session, callback) => {
      simpleParser(stream).then((mail) => {
        this.received.push({ rcptTo: session.envelope.rcptTo.map((r) => r.address), mail });
        callback();
      }, callback);
    },
  });

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  to(address: string): ParsedMail[] {
    return this.received.filter((r) => r.rcptTo.includes(address)).map((r) => r.mail);
  }

  /** The first email to arrive for this address. */
  firstTo(address: string): Promise<ParsedMail> {
    return waitFor(() => this.to(address)[0], { what: `an email to ${address}` });
  }
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface DeliveryRow {
  id: string;
  event_id: string;
  template: string;
  locale: string;
  recipient: string;
  subject: string;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  message_id: string | null;
  text_body: string | null;
  html_body: string | null;
}

/** One notification app in-process with its own schema, vhost and Redis prefix. */
class NotificationUnderTest {
  sut: ServiceUnderTest;
  config: NotificationConfig;
  app: INestApplication;
  private connection: ChannelModel;
  channel: ConfirmChannel;

  async start(env: Record<string, string>): Promise<void> {
    this.sut = await isolatedService('notification');
    this.config = loadConfig(NotificationConfig, {
      ...this.sut.env,
      LOG_LEVEL: 'error',
      PUBLIC_URL,
      ...env,
    });
    await migrateNotification(this.config);
    this.app = await startNotification(this.config);
    this.connection = await amqplib.connect(this.sut.amqpUrl);
    this.channel = await this.connection.createConfirmChannel();
  }

  async stop(): Promise<void> {
    await this.sut?.cleanup(
      this.channel,
      this.connection,
      () => this.queue?.obliterate({ force: true }),
      this.app,
    );
  }

  get queue(): Queue | undefined {
    return this.app?.get<Queue>(getQueueToken(EMAIL_QUEUE));
  }

  /** Publishes to `dvc.events` as another service's outbox relay would, with confirms. */
  async publish(routingKey: string, body: Buffer | EventEnvelope): Promise<void> {
    const content = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    this.channel.publish(EVENTS_EXCHANGE, routingKey, content, {
      persistent: true,
      contentType: 'application/json',
    });
    await this.channel.waitForConfirms();
  }

  async deliveries(eventId: string): Promise<DeliveryRow[]> {
    return this.app
      .get(DataSource)
      .query(`SELECT * FROM "${this.sut.schema}".email_deliveries WHERE event_id = $1`, [eventId]);
  }

  async delivery(eventId: string, status: DeliveryStatus): Promise<DeliveryRow> {
    return waitFor(async () => (await this.deliveries(eventId)).find((d) => d.status === status), {
      what: `a ${status} delivery for event ${eventId}`,
    });
  }

  /** Messages in a queue, ready or being handled (what AMQP's checkQueue does not count). */
  async queueDepth(queue: string): Promise<number> {
    const { stdout } = await promisify(execFile)('rabbitmqctl', [
      '-q',
      'list_queues',
      '-p',
      this.sut.vhost,
      'name',
      'messages',
    ]);
    const line = stdout.split('\n').find((l) => l.split(/\s+/)[0] === queue);
    return Number(line?.split(/\s+/)[1] ?? NaN);
  }
}

function registered(
  email: string,
  data: Partial<AccountRegisteredEvent> = {},
): EventEnvelope<AccountRegisteredEvent> {
  return {
    id: randomUUID(),
    type: Events.accountRegistered,
    occurredAt: new Date().toISOString(),
    version: 1,
    correlationId: randomUUID(),
    data: {
      accountId: randomUUID(),
      email,
      fullName: 'Nguyễn Văn An',
      locale: 'vi',
      sealedToken: sealToken(emailTokenPublicKey(DEV_EMAIL_TOKEN_PUBLIC_KEY), 'tok+en/with=chars'),
      expiresAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
      ...data,
    },
  };
}

describe('notification service: identity events become emails over SMTP', () => {
  const sink = new SmtpSink();
  const service = new NotificationUnderTest();

  beforeAll(async () => {
    const smtpPort = await sink.start();
    await service.start({
      SMTP_PORT: String(smtpPort),
      EMAIL_MAX_ATTEMPTS: '3',
      EMAIL_BACKOFF_MS: '50',
    });
  });

  afterAll(async () => {
    await service.stop();
    await sink.stop();
  });

  it('emails the activation link in Vietnamese and records the delivery as delivered', async () => {
    const event = registered('an@example.vn');
    await service.publish(event.type, event);

    const mail = await sink.firstTo('an@example.vn');
    const link = `${PUBLIC_URL}/activate?token=tok%2Ben%2Fwith%3Dchars`;
    expect(mail.subject).toBe('Kích hoạt tài khoản Cổng Dịch vụ công');
    expect(mail.from?.text).toBe('"Cổng Dịch vụ công" <no-reply@dvc.local>');
    expect(mail.text).toContain(link);
    expect(mail.text).toContain('Kính gửi Ông/Bà Nguyễn Văn An,');
    expect(mail.html).toContain(`href="${link}"`);

    const delivery = await service.delivery(event.id, 'delivered');
    expect(delivery).toMatchObject({
      template: 'account-registered',
      locale: 'vi',
      recipient: 'an@example.vn',
      subject: 'Kích hoạt tài khoản Cổng Dịch vụ công',
      attempts: 1,
      last_error: null,
      message_id: mail.messageId,
      // the single-use link does not stay at rest once sent
      text_body: null,
      html_body: null,
    });
  });

  it('never stores the opened token, not even while the email waits to be sent', async () => {
    const event = registered('chi@example.vn');
    const emails = service.app.get(EmailService);
    const dataSource = service.app.get(DataSource);
    await dataSource.transaction(async (manager) => {
      await emails.schedule(manager, event.id, emailForEvent(event)!);
      const [pending]: unknown[] = await manager.query(
        `SELECT * FROM "${service.sut.schema}".email_deliveries WHERE event_id = $1`,
        [event.id],
      );
      expect(pending).toMatchObject({ recipient: 'chi@example.vn', text_body: null });
      expect(JSON.stringify(pending)).not.toContain('tok+en');
    });
    const mail = await sink.firstTo('chi@example.vn');
    expect(mail.text).toContain(`${PUBLIC_URL}/activate?token=tok%2Ben%2Fwith%3Dchars`);
  });

  it('gives up at once on a token sealed to another key', async () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const event = registered('ha@example.vn', { sealedToken: sealToken(publicKey, 'x') });
    await service.publish(event.type, event);
    const delivery = await service.delivery(event.id, 'permanent-failure');
    expect(delivery.last_error).toMatch(/sealed token cannot be opened/);
    expect(sink.to('ha@example.vn')).toHaveLength(0);
  });

  it('writes in English to a citizen who chose English', async () => {
    const event = registered('john@example.com', { locale: 'en', fullName: 'John Smith' });
    await service.publish(event.type, event);
    const mail = await sink.firstTo('john@example.com');
    expect(mail.subject).toBe('Activate your account on the public-service portal');
    expect(mail.text).toContain('Dear John Smith,');
  });

  it('sends one email for an event delivered twice', async () => {
    const event = registered('binh@example.vn');
    await service.publish(event.type, event);
    await service.publish(event.type, event);

    await service.delivery(event.id, 'delivered');
    await waitFor(async () => (await service.queueDepth(NOTIFICATION_EVENTS_QUEUE)) === 0, {
      what: 'both copies consumed',
      timeoutMs: 20_000,
      intervalMs: 200,
    });
    expect(sink.to('binh@example.vn')).toHaveLength(1);
    expect(await service.deliveries(event.id)).toHaveLength(1);
  });

  it('runs a job queued before its event commits only once the transaction ends: sends after a commit, nothing after a rollback', async () => {
    const emails = service.app.get(EmailService);
    const dataSource = service.app.get(DataSource);
    let jobId = '';
    /** Schedules the event's email and holds the transaction open until its job has started. */
    const handleEvent = (event: EventEnvelope, outcome: 'commit' | 'rollback') =>
      dataSource.transaction(async (manager) => {
        await emails.schedule(manager, event.id, emailForEvent(event)!);
        [{ id: jobId }] = await manager.query(
          `SELECT id FROM "${service.sut.schema}".email_deliveries WHERE event_id = $1`,
          [event.id],
        );
        await waitFor(
          async () => (await (await service.queue!.getJob(jobId))?.getState()) === 'active',
          {
            what: 'the job started before the transaction ended',
          },
        );
        if (outcome === 'rollback') throw new Error('the event handler failed after scheduling');
      });

    const committed = registered('dung@example.vn');
    await handleEvent(committed, 'commit');
    await service.delivery(committed.id, 'delivered');
    expect(sink.to('dung@example.vn')).toHaveLength(1);

    const rolledBack = registered('em@example.vn');
    await expect(handleEvent(rolledBack, 'rollback')).rejects.toThrow('failed after scheduling');
    await waitFor(async () => (await service.queue!.getJob(jobId)) === null, {
      what: 'the job done',
    });
    expect(await service.deliveries(rolledBack.id)).toHaveLength(0);
    expect(sink.to('em@example.vn')).toHaveLength(0);
  });

  it('keeps one email per event and template even if the same event is handled twice', async () => {
    const emails = service.app.get(EmailService);
    const dataSource = service.app.get(DataSource);
    const event = registered('giang@example.vn');
    // As if the inbox had not caught the redelivery: the handler runs twice.
    for (let i = 0; i < 2; i++) {
      await dataSource.transaction((manager) =>
        emails.schedule(manager, event.id, emailForEvent(event)!),
      );
    }
    await service.delivery(event.id, 'delivered');
    expect(await service.deliveries(event.id)).toHaveLength(1);
    expect(sink.to('giang@example.vn')).toHaveLength(1);
  });

  it('does not retry an address the SMTP server refuses for good', async () => {
    const event = registered('bounce@example.vn');
    await service.publish(event.type, event);

    const delivery = await service.delivery(event.id, 'permanent-failure');
    expect(delivery.attempts).toBe(1);
    expect(delivery.last_error).toMatch(/550/);
    const job = await waitFor(
      async () => {
        const j = await service.queue!.getJob(delivery.id);
        return (await j?.getState()) === 'failed' && j!;
      },
      { what: 'the failed job' },
    );
    expect(job.attemptsMade).toBe(1);
    expect(sink.to('bounce@example.vn')).toHaveLength(0);
  });

  it('dead-letters a message that is not JSON', async () => {
    await service.publish(Events.accountRegistered, Buffer.from('not json {'));
    const dlq = `${NOTIFICATION_EVENTS_QUEUE}.dlq`;
    const message = await waitFor(
      async () => {
        const message = await service.channel.get(dlq, { noAck: false });
        if (message) service.channel.ack(message);
        return message || undefined;
      },
      {
        what: 'the message in the DLQ',
      },
    );
    expect(message.content.toString()).toBe('not json {');
  });

  it('answers ping over RPC and reports Postgres, RabbitMQ and Redis ready', async () => {
    const client = new RpcClient(
      'notification',
      RpcQueues.notification,
      service.config.AMQP_URL,
      5000,
    );
    await client.onModuleInit();
    try {
      await expect(
        client.send(NotificationRpc.ping, { caller: null, correlationId: null, data: {} }),
      ).resolves.toEqual({ ok: true });
    } finally {
      await client.onApplicationShutdown();
    }

    const response = await fetch(`${await service.app.getUrl()}/health/ready`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { info: unknown }).info).toEqual({
      postgres: { status: 'up' },
      rabbitmq: { status: 'up' },
      redis: { status: 'up' },
    });
  });
});

describe('notification service: SMTP server unreachable', () => {
  const service = new NotificationUnderTest();

  beforeAll(async () => {
    await service.start({
      SMTP_PORT: String(await closedPort()),
      EMAIL_MAX_ATTEMPTS: '3',
      EMAIL_BACKOFF_MS: '300',
    });
  });

  afterAll(() => service.stop());

  it('records a temporary failure, retries with backoff, and gives up after the last attempt', async () => {
    const event = registered('chi@example.vn');
    await service.publish(event.type, event);

    const seen = new Set<string>();
    const final = await waitFor(
      async () => {
        const [delivery] = await service.deliveries(event.id);
        if (delivery) seen.add(`${delivery.status}#${delivery.attempts}`);
        return delivery?.status === 'permanent-failure' && delivery;
      },
      { what: 'the delivery given up', timeoutMs: 20_000 },
    );
    expect(seen).toContain('temporary-failure#1');
    expect(seen).toContain('temporary-failure#2');
    expect(final.attempts).toBe(3);
    expect(final.last_error).toMatch(/ECONNREFUSED/);
  });
});
