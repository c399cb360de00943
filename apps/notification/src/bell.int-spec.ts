import { getQueueToken } from '@nestjs/bull';
import type { INestApplication } from '@nestjs/common';
import amqplib, { Channel, ChannelModel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { Queue } from 'bull';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AccountContactView,
  BellMessage,
  Caller,
  DossierStatus,
  DossierStatusChangedEvent,
  DossierStatusName,
  EVENTS_EXCHANGE,
  EventEnvelope,
  Events,
  IdentityRpc,
  DossierDeadlineWarningEvent,
  MarkAllReadView,
  NotificationListView,
  NotificationPreferencesView,
  NotificationRpc,
  NotificationView,
  NotificationsAfterView,
  DEV_EMAIL_TOKEN_PUBLIC_KEY,
  RpcQueues,
  bellChannel,
  emailTokenPublicKey,
  sealToken,
} from '@dvc/contracts';
import { loadConfig } from '@dvc/config';
import {
  ServiceUnderTest,
  SmtpSink,
  TEST_REDIS_URL,
  WireClient,
  isolatedService,
  startSmtpSink,
  uniqueName,
  waitFor,
} from '@dvc/testing';
import { migrateNotification, startNotification } from './app';
import { EMAIL_QUEUE, type DeliveryStatus } from './email/email.dto';
import { NotificationConfig } from './notification.config';
import { SmsSender } from './sms/sms-sender';
import { SMS_QUEUE } from './sms/sms.service';

jest.setTimeout(60_000);

/**
 * identity on its RPC queue, answering `identity.accounts.contact` from a table (404 for
 * anyone else), in Nest's RMQ reply format; it records who asked.
 */
class FakeIdentity {
  readonly contacts = new Map<string, AccountContactView>();
  /** `identity.agencies.officers`: officer account ids by agency code (none when absent). */
  readonly officers = new Map<string, string[]>();
  readonly asked: { caller: unknown; accountId: unknown }[] = [];

  private constructor(
    private readonly connection: ChannelModel,
    private readonly channel: Channel,
  ) {}

  static async start(url: string): Promise<FakeIdentity> {
    const connection = await amqplib.connect(url);
    const channel = await connection.createChannel();
    await channel.assertQueue(RpcQueues.identity, { durable: true });
    const fake = new FakeIdentity(connection, channel);
    await channel.consume(
      RpcQueues.identity,
      (msg) => {
        if (!msg) return;
        fake.answer(msg);
        channel.ack(msg);
      },
      { noAck: false },
    );
    return fake;
  }

  add(contact: Omit<AccountContactView, 'accountId'>): string {
    const accountId = randomUUID();
    this.contacts.set(accountId, { accountId, ...contact });
    return accountId;
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  private answer(msg: ConsumeMessage): void {
    const packet = JSON.parse(msg.content.toString('utf8')) as {
      id: string;
      pattern: string;
      data: { caller: unknown; data: { accountId?: string; agencyCode?: string } };
    };
    const accountId = packet.data.data.accountId;
    this.asked.push({ caller: packet.data.caller, accountId });
    const contact = packet.pattern === IdentityRpc.contact && this.contacts.get(accountId ?? '');
    const agencyCode = packet.data.data.agencyCode ?? '';
    const reply =
      packet.pattern === IdentityRpc.agencyOfficers
        ? { response: { accountIds: this.officers.get(agencyCode) ?? [] } }
        : contact
          ? { response: contact }
          : { err: { status: 404, code: 'account.not_found', title: 'Không tìm thấy' } };
    this.channel.sendToQueue(
      msg.properties.replyTo as string,
      Buffer.from(JSON.stringify({ id: packet.id, ...reply, isDisposed: true })),
      { correlationId: msg.properties.correlationId as string },
    );
  }
}

interface NotificationRow {
  id: string;
  account_id: string;
  type: string;
  title: string;
  read_at: Date | null;
}

interface DeliveryRow {
  template: string;
  locale: string;
  recipient: string | null;
  subject: string | null;
  status: DeliveryStatus;
  template_data: unknown;
}

const PUBLIC_URL = 'https://dichvucong.test';

describe('notification service: the bell', () => {
  let sut: ServiceUnderTest;
  let config: NotificationConfig;
  let app: INestApplication;
  let smtp: SmtpSink;
  let identity: FakeIdentity;
  let rpc: WireClient;
  let connection: ChannelModel;
  let channel: ConfirmChannel;
  let subscriber: Redis;
  let db: DataSource;
  /** Every bell message seen on Redis, and whether its row was committed when it arrived. */
  const rung: { message: BellMessage; committed: boolean }[] = [];

  beforeAll(async () => {
    sut = await isolatedService('bell');
    smtp = await startSmtpSink();
    identity = await FakeIdentity.start(sut.amqpUrl);
    config = loadConfig(NotificationConfig, {
      ...sut.env,
      LOG_LEVEL: 'error',
      PUBLIC_URL,
      SMTP_PORT: String(smtp.port),
      EMAIL_MAX_ATTEMPTS: '2',
      EMAIL_BACKOFF_MS: '50',
      RPC_TIMEOUT_MS: '2000',
    });
    await migrateNotification(config);
    app = await startNotification(config);
    db = app.get(DataSource);
    rpc = await sut.rpcClient('notification', RpcQueues.notification, 5000);
    connection = await amqplib.connect(sut.amqpUrl);
    channel = await connection.createConfirmChannel();
    subscriber = new Redis(TEST_REDIS_URL);
    subscriber.on('pmessage', (_pattern: string, _channel: string, raw: string) => {
      const message = JSON.parse(raw) as BellMessage;
      void db
        .query(`SELECT 1 FROM "${sut.schema}".notifications WHERE id = $1`, [
          message.notification.id,
        ])
        .then((rows: unknown[]) => rung.push({ message, committed: rows.length === 1 }));
    });
    await subscriber.psubscribe(bellChannel(sut.redisPrefix, '*'));
  });

  afterAll(() =>
    sut?.cleanup(
      () => subscriber?.quit(),
      channel,
      connection,
      async () => {
        for (const queue of [EMAIL_QUEUE, SMS_QUEUE]) {
          await app?.get<Queue>(getQueueToken(queue)).obliterate({ force: true });
        }
      },
      app,
      identity,
      smtp,
    ),
  );

  // ---- helpers -------------------------------------------------------------------------

  async function publish(event: EventEnvelope): Promise<void> {
    channel.publish(EVENTS_EXCHANGE, event.type, Buffer.from(JSON.stringify(event)), {
      persistent: true,
      contentType: 'application/json',
    });
    await channel.waitForConfirms();
  }

  function citizen(locale: 'vi' | 'en' = 'vi', phone: string | null = null): string {
    const n = uniqueName('cd');
    return identity.add({ email: `${n}@example.vn`, fullName: 'Nguyễn Văn An', locale, phone });
  }

  const emailOf = (accountId: string) => identity.contacts.get(accountId)!.email ?? '';

  function statusChanged(
    applicantId: string,
    status: DossierStatusName,
    extra: Partial<DossierStatusChangedEvent> = {},
  ): EventEnvelope<DossierStatusChangedEvent> {
    return {
      id: randomUUID(),
      type: Events.dossierStatusChanged,
      occurredAt: new Date().toISOString(),
      version: 1,
      correlationId: randomUUID(),
      data: {
        dossierId: randomUUID(),
        code: '000.00.01.H26-261126-0007',
        procedureCode: '3.000347',
        procedureName: 'Đổi giấy phép lái xe',
        agencyCode: '000.00.01.H26',
        applicantId,
        status,
        statusCode: DossierStatus[status],
        at: new Date().toISOString(),
        from: 'SUBMITTED',
        action: 'receive',
        note: null,
        byRole: 'officer',
        dueAt: '2026-12-04T10:00:00.000Z',
        deliveryMethod: 'online',
        deliveryTracking: null,
        ...extra,
      },
    };
  }

  function paymentEvent(type: string, applicantId: string): EventEnvelope {
    return {
      id: randomUUID(),
      type,
      occurredAt: new Date().toISOString(),
      version: 1,
      correlationId: null,
      data: {
        paymentId: randomUUID(),
        dossierId: randomUUID(),
        dossierCode: '000.00.01.H26-261126-0008',
        applicantId,
        amount: 135000,
      },
    };
  }

  const callerOf = (accountId: string): Caller => ({ accountId, roles: ['citizen'], agencies: [] });

  function call<T>(pattern: string, accountId: string | null, data: unknown = {}): Promise<T> {
    return rpc.send<T>(pattern, {
      caller: accountId ? callerOf(accountId) : null,
      correlationId: randomUUID(),
      data,
    });
  }

  const rows = (accountId: string): Promise<NotificationRow[]> =>
    db.query(`SELECT * FROM "${sut.schema}".notifications WHERE account_id = $1 ORDER BY seq`, [
      accountId,
    ]);

  const deliveries = (eventId: string): Promise<DeliveryRow[]> =>
    db.query(`SELECT * FROM "${sut.schema}".email_deliveries WHERE event_id = $1`, [eventId]);

  const notificationsOf = (accountId: string, count: number) =>
    waitFor(async () => ((await rows(accountId)).length >= count ? rows(accountId) : undefined), {
      what: `${count} notification(s) for ${accountId}`,
    });

  // ---- tests ---------------------------------------------------------------------------

  it('turns a status change into one notification, rings it once committed, and emails the address identity gives', async () => {
    const accountId = citizen();
    const event = statusChanged(accountId, 'RECEIVED');
    await publish(event);

    const [row] = await notificationsOf(accountId, 1);
    expect(row).toMatchObject({ type: 'dossier.received', title: 'Hồ sơ đã được tiếp nhận' });
    const bell = await waitFor(() => rung.find((r) => r.message.notification.id === row.id), {
      what: 'the bell on Redis',
    });
    expect(bell.committed).toBe(true);
    expect(bell.message).toMatchObject({
      accountId,
      notification: { id: row.id, read: false, link: `/ho-so/${event.data.dossierId}` },
      texts: { vi: { title: 'Hồ sơ đã được tiếp nhận' }, en: { title: 'Dossier received' } },
    });

    const mail = await waitFor(
      () => smtp.messages.find((m) => JSON.stringify(m.to).includes(emailOf(accountId))),
      { what: 'the status email' },
    );
    expect(mail.subject).toBe('Hồ sơ đã được tiếp nhận (000.00.01.H26-261126-0007)');
    expect(mail.text).toContain('Kính gửi Ông/Bà Nguyễn Văn An,');
    expect(mail.text).toContain('Ngày hẹn trả kết quả: 17:00 ngày 04/12/2026.');
    expect(mail.text).toContain(`${PUBLIC_URL}/ho-so/${event.data.dossierId}`);
    // asked as a service, not on behalf of anyone
    expect(identity.asked.find((a) => a.accountId === accountId)?.caller).toBeNull();
    const [delivery] = await waitFor(
      async () => {
        const found = await deliveries(event.id);
        return found[0]?.status === 'delivered' && found;
      },
      { what: 'the delivery delivered' },
    );
    expect(delivery).toMatchObject({
      template: 'dossier-status-changed',
      recipient: emailOf(accountId),
      template_data: null,
    });
  });

  it('tells every officer of the agency, by bell and email, when the citizen supplements and when a deadline nears', async () => {
    const agencyCode = `000.00.${uniqueName('a').slice(-6)}.H26`;
    const officers = [citizen(), citizen()];
    identity.officers.set(agencyCode, officers);
    const applicant = citizen();
    const supplemented = statusChanged(applicant, 'PROCESSING', {
      agencyCode,
      from: 'SUPPLEMENT_REQUESTED',
      action: 'supplement',
      byRole: 'citizen',
    });
    await publish(supplemented);
    const base = statusChanged(applicant, 'PROCESSING', { agencyCode }).data;
    const warning: EventEnvelope<DossierDeadlineWarningEvent> = {
      id: randomUUID(),
      type: Events.dossierDeadlineWarning,
      occurredAt: new Date().toISOString(),
      version: 1,
      correlationId: null,
      data: {
        dossierId: base.dossierId,
        code: base.code,
        procedureCode: base.procedureCode,
        procedureName: base.procedureName,
        agencyCode,
        applicantId: applicant,
        status: 'PROCESSING',
        statusCode: DossierStatus.PROCESSING,
        at: base.at,
        kind: 'due-soon',
        dueAt: '2026-12-04T10:00:00.000Z',
      },
    };
    await publish(warning);

    for (const officer of officers) {
      // Two events, handled in any order.
      const got = await notificationsOf(officer, 2);
      expect(got.map((r) => [r.type, r.title]).sort()).toEqual([
        ['officer.due_soon', 'Hồ sơ sắp đến hạn'],
        ['officer.supplemented', 'Công dân đã bổ sung hồ sơ'],
      ]);
      const second = got.find((r) => r.type === 'officer.due_soon')!;
      const bell = await waitFor(() => rung.find((r) => r.message.notification.id === second.id), {
        what: "the officer's bell",
      });
      expect(bell.message.notification.link).toBe(`/can-bo/ho-so/${warning.data.dossierId}`);
      const mail = await waitFor(
        () =>
          smtp.messages.find(
            (m) =>
              JSON.stringify(m.to).includes(emailOf(officer)) &&
              m.subject?.startsWith('Hồ sơ sắp đến hạn'),
          ),
        { what: "the officer's warning email" },
      );
      expect(mail.text).toContain('đã dùng 80% thời hạn giải quyết');
    }
    // The applicant hears about the supplement as before, and nothing about the warning.
    expect((await notificationsOf(applicant, 1)).map((r) => r.type)).toEqual([
      'dossier.supplemented',
    ]);
  });

  it('keeps one notification, one email and one ring when the event is delivered again', async () => {
    const accountId = citizen();
    const event = statusChanged(accountId, 'SUPPLEMENT_REQUESTED', {
      missing: ['Giấy khám sức khỏe'],
      note: 'Nộp bản gốc',
    });
    await publish(event);
    await publish(event);
    const later = statusChanged(accountId, 'PROCESSING', { action: 'start' });
    await publish(later);

    await notificationsOf(accountId, 2);
    for (const sent of [event, later]) {
      await waitFor(async () => (await deliveries(sent.id))[0]?.status === 'delivered', {
        what: `the email of ${sent.data.status} sent`,
      });
    }
    expect((await rows(accountId)).map((r) => r.type)).toEqual([
      'dossier.supplement_requested',
      'dossier.processing',
    ]);
    expect(await deliveries(event.id)).toHaveLength(1);
    const rings = () => rung.filter((r) => r.message.accountId === accountId);
    await waitFor(() => rings().length >= 2, { what: 'both rings' });
    expect(rings()).toHaveLength(2);
    expect(
      smtp.messages.filter((m) => JSON.stringify(m.to).includes(emailOf(accountId))),
    ).toHaveLength(2);
  });

  it("lists the caller's notifications with the unread count, marks one and all read, and 404s someone else's", async () => {
    const accountId = citizen();
    const stranger = citizen();
    const events = [
      statusChanged(accountId, 'RECEIVED'),
      statusChanged(accountId, 'PROCESSING', { action: 'start' }),
      paymentEvent('payment.succeeded', accountId),
    ];
    for (const [i, event] of events.entries()) {
      // one at a time: events are consumed concurrently, and this test reads their order
      await publish(event);
      await notificationsOf(accountId, i + 1);
    }
    await publish(statusChanged(stranger, 'RECEIVED'));
    const [strangers] = await notificationsOf(stranger, 1);

    const all = await call<NotificationListView>(NotificationRpc.list, accountId, {
      page: 1,
      pageSize: 2,
    });
    expect(all).toMatchObject({ unreadCount: 3, total: 3, page: 1, pageSize: 2 });
    expect(all.items.map((n) => n.type)).toEqual(['payment.succeeded', 'dossier.processing']);
    expect(all.items[0].title).toBe('Thanh toán thành công');

    const inEnglish = await call<NotificationListView>(NotificationRpc.list, accountId, {
      locale: 'en',
    });
    expect(inEnglish.items[0]).toMatchObject({
      title: 'Payment received',
      body: 'You paid VND 135,000 for dossier 000.00.01.H26-261126-0008. The e-receipt is under Transactions.',
    });

    const [oldest] = await rows(accountId);
    const read = await call<NotificationView>(NotificationRpc.markRead, accountId, {
      id: oldest.id,
    });
    expect(read).toMatchObject({ id: oldest.id, read: true });
    const again = await call<NotificationView>(NotificationRpc.markRead, accountId, {
      id: oldest.id,
    });
    expect(again.readAt).toBe(read.readAt); // the first reading counts
    const unread = await call<NotificationListView>(NotificationRpc.list, accountId, {
      unread: true,
    });
    expect(unread).toMatchObject({ unreadCount: 2, total: 2 });
    expect(unread.items.map((n) => n.id)).not.toContain(oldest.id);

    await expect(
      call(NotificationRpc.markRead, accountId, { id: strangers.id }),
    ).rejects.toMatchObject({ status: 404, code: 'notification.not_found' });
    await expect(call(NotificationRpc.markRead, accountId, { id: 'x' })).rejects.toMatchObject({
      status: 400,
    });
    await expect(call(NotificationRpc.list, null, {})).rejects.toMatchObject({ status: 401 });
    expect((await rows(stranger))[0].read_at).toBeNull();

    await expect(call<MarkAllReadView>(NotificationRpc.markAllRead, accountId)).resolves.toEqual({
      updated: 2,
      unreadCount: 0,
    });
    expect(
      (await call<NotificationListView>(NotificationRpc.list, accountId, {})).unreadCount,
    ).toBe(0);
    expect((await call<NotificationListView>(NotificationRpc.list, stranger, {})).unreadCount).toBe(
      1,
    );
  });

  it('gives what came after a notification, oldest first, and nothing after someone else’s', async () => {
    const accountId = citizen();
    const statuses = ['RECEIVED', 'PROCESSING', 'RESULT_READY'] as const;
    for (const [i, status] of statuses.entries()) {
      await publish(statusChanged(accountId, status, { action: status.toLowerCase() }));
      await notificationsOf(accountId, i + 1);
    }
    const [first, second, third] = await rows(accountId);
    const after = await call<NotificationsAfterView>(NotificationRpc.listAfter, accountId, {
      afterId: first.id,
    });
    expect(after.items.map((n) => n.id)).toEqual([second.id, third.id]);
    const other = citizen();
    await expect(
      call<NotificationsAfterView>(NotificationRpc.listAfter, other, { afterId: first.id }),
    ).resolves.toEqual({ items: [] });
  });

  it('lets a citizen turn dossier emails off: the bell still rings, payment and account emails still go', async () => {
    const accountId = citizen();
    await expect(
      call<NotificationPreferencesView>(NotificationRpc.getPreferences, accountId),
    ).resolves.toEqual({ email: { dossier: true, payment: true } });
    await expect(
      call(NotificationRpc.setPreferences, accountId, { email: { dossier: false } }),
    ).resolves.toEqual({ email: { dossier: false, payment: true } });
    await expect(
      call(NotificationRpc.setPreferences, accountId, { email: { account: false } }),
    ).rejects.toMatchObject({ status: 400 });

    const dossierEvent = statusChanged(accountId, 'RECEIVED');
    const paid = paymentEvent('payment.succeeded', accountId);
    await publish(dossierEvent);
    await publish(paid);
    await notificationsOf(accountId, 2);
    await waitFor(async () => (await deliveries(paid.id))[0]?.status === 'delivered', {
      what: 'the payment email',
    });
    expect(await deliveries(dossierEvent.id)).toEqual([]);
  });

  it('writes the bell in English for an account event in English, and keeps its token out', async () => {
    const accountId = randomUUID();
    const event: EventEnvelope = {
      id: randomUUID(),
      type: Events.passwordResetRequested,
      occurredAt: new Date().toISOString(),
      version: 1,
      correlationId: null,
      data: {
        accountId,
        email: 'john@example.com',
        fullName: 'John Smith',
        locale: 'en',
        sealedToken: sealToken(
          emailTokenPublicKey(DEV_EMAIL_TOKEN_PUBLIC_KEY),
          'single-use-secret',
        ),
        expiresAt: new Date(Date.now() + 1800_000).toISOString(),
      },
    };
    await publish(event);
    const [row] = await notificationsOf(accountId, 1);
    expect(row.title).toBe('Password reset requested');
    const stored: { data: unknown }[] = await db.query(
      `SELECT data FROM "${sut.schema}".notifications WHERE id = $1`,
      [row.id],
    );
    expect(JSON.stringify(stored)).not.toContain('single-use-secret');
    // The security email still goes, from the address in the event, with the opened token.
    const mail = await waitFor(
      () => smtp.messages.find((m) => JSON.stringify(m.to).includes('john@example.com')),
      {
        what: 'the reset email',
      },
    );
    expect(mail.text).toContain('/reset-password?token=single-use-secret');
    const delivery: unknown[] = await db.query(
      `SELECT * FROM "${sut.schema}".email_deliveries WHERE event_id = $1`,
      [event.id],
    );
    expect(JSON.stringify(delivery)).not.toContain('single-use-secret');
  });

  it('records a permanent failure for an account identity does not know, and still rings the bell', async () => {
    const ghost = randomUUID();
    const event = statusChanged(ghost, 'REFUSED', { note: 'Sai thẩm quyền' });
    await publish(event);
    await notificationsOf(ghost, 1);
    const [delivery] = await waitFor(
      async () => {
        const found = await deliveries(event.id);
        return found[0]?.status === 'permanent-failure' && found;
      },
      { what: 'the delivery given up' },
    );
    expect(delivery.recipient).toBeNull();
  });

  it('sends an SMS to the phone identity knows for the events that ask for one', async () => {
    const sender = app.get(SmsSender);
    const sent = jest.spyOn(sender, 'send');
    const withPhone = citizen('vi', '0912345678');
    const withoutPhone = citizen('vi', null);
    await publish(statusChanged(withPhone, 'RESULT_READY', { action: 'complete' }));
    await publish(statusChanged(withPhone, 'PROCESSING', { action: 'start' }));
    await publish(statusChanged(withoutPhone, 'RESULT_READY', { action: 'complete' }));
    await notificationsOf(withPhone, 2);
    await notificationsOf(withoutPhone, 1);
    await waitFor(() => sent.mock.calls.length >= 1, { what: 'the SMS' });
    const queue = app.get<Queue>(getQueueToken(SMS_QUEUE));
    await waitFor(
      async () => {
        const jobs = await queue.getJobCounts();
        return (
          identity.asked.some((a) => a.accountId === withoutPhone) &&
          jobs.waiting + jobs.active + jobs.delayed === 0
        );
      },
      { what: 'both SMS jobs done' },
    );
    expect(sent.mock.calls.map(([sms]) => sms)).toEqual([
      {
        to: '0912345678',
        text: expect.stringMatching(/^Đã có kết quả giải quyết hồ sơ\. Hồ sơ 000\.00\.01\.H26/),
      },
    ]);
    sent.mockRestore();
  });
});
