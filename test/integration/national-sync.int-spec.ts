import type { INestApplication } from '@nestjs/common';
import amqplib, { ChannelModel, ConfirmChannel } from 'amqplib';
import { randomUUID } from 'node:crypto';
import {
  Caller,
  DossierStatus,
  DossierStatusChangedEvent,
  DossierStatusName,
  DossierSubmittedEvent,
  EVENTS_EXCHANGE,
  EventEnvelope,
  Events,
  FailedHubCallView,
  NationalSyncRpc,
  NationalSyncSummary,
  Page,
  RpcQueues,
} from '@dvc/contracts';
import { loadConfig } from '@dvc/config';
import { ServiceUnderTest, WireClient, isolatedService, problemOf, waitFor } from '@dvc/testing';
import {
  HubRecordEntry,
  HubSimulator,
  startHubSimulator,
} from '../../apps/national-hub-simulator/src/hub-simulator';
import { migrateNationalSync, startNationalSync } from '../../apps/national-sync/src/app';
import { NationalSyncConfig } from '../../apps/national-sync/src/national-sync.config';

jest.setTimeout(60_000);

/*
 * national-sync against the hub simulator (another app, hence here rather than beside the
 * service: apps never import each other), on the real Postgres and RabbitMQ.
 */

const TOKEN = 'int-test-national-hub-token';
const admin: Caller = { accountId: randomUUID(), roles: ['admin'], agencies: [] };
const citizen: Caller = { accountId: randomUUID(), roles: ['citizen'], agencies: [] };

/** One national-sync instance on its own schema and vhost, with the hub where `hubUrl` says. */
async function startSuite(hubUrl: string, env: Record<string, string>) {
  const svc = await isolatedService('natsync');
  const config = loadConfig(NationalSyncConfig, {
    ...svc.env,
    NATIONAL_HUB_URL: hubUrl,
    NATIONAL_HUB_TOKEN: TOKEN,
    NATIONAL_HUB_TIMEOUT_MS: '2000',
    NATIONAL_SYNC_POLL_MS: '20',
    NATIONAL_SYNC_SETTLE_MS: '300',
    ...env,
  });
  await migrateNationalSync(config);
  const app = await startNationalSync(config);
  const rpc = await svc.rpcClient('national-sync', RpcQueues.nationalSync);
  const connection: ChannelModel = await amqplib.connect(svc.amqpUrl);
  const channel: ConfirmChannel = await connection.createConfirmChannel();
  await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
  return { svc, app, rpc, connection, channel };
}

/** The events dossier publishes as one dossier moves on, each a second after the last. */
class DossierStory {
  readonly dossierId = randomUUID();
  readonly code = `000.00.01.H26-261207-${Math.floor(Math.random() * 9000 + 1000)}`;
  private at = Date.parse('2026-12-07T02:00:00Z');
  private status: DossierStatusName = 'DRAFT';

  private base(status: DossierStatusName) {
    this.at += 1000;
    return {
      dossierId: this.dossierId,
      code: this.code,
      procedureCode: '1.001193',
      procedureName: 'Đăng ký khai sinh',
      agencyCode: '000.00.01.H26',
      applicantId: citizen.accountId,
      status,
      statusCode: DossierStatus[status],
      at: new Date(this.at).toISOString(),
    };
  }

  submitted(): EventEnvelope<DossierSubmittedEvent> {
    this.status = 'SUBMITTED';
    const data = this.base('SUBMITTED');
    return envelope(Events.dossierSubmitted, { ...data, submittedAt: data.at });
  }

  changed(to: DossierStatusName, action: string): EventEnvelope<DossierStatusChangedEvent> {
    const from = this.status;
    this.status = to;
    return envelope(Events.dossierStatusChanged, {
      ...this.base(to),
      from,
      action,
      note: null,
      byRole: 'officer',
      dueAt: '2026-12-14T10:00:00Z',
      deliveryMethod: 'online',
      deliveryTracking: null,
    });
  }
}

function envelope<T>(type: string, data: T): EventEnvelope<T> {
  return {
    id: randomUUID(),
    type,
    occurredAt: new Date().toISOString(),
    version: 1,
    correlationId: null,
    data,
  };
}

async function publish(channel: ConfirmChannel, event: EventEnvelope): Promise<void> {
  channel.publish(EVENTS_EXCHANGE, event.type, Buffer.from(JSON.stringify(event)), {
    persistent: true,
    contentType: 'application/json',
  });
  await channel.waitForConfirms();
}

async function hubRecords(hub: HubSimulator, code: string): Promise<HubRecordEntry[]> {
  const res = await fetch(`${hub.url}/_sim/records?dossierCode=${encodeURIComponent(code)}`);
  return (await res.json()) as HubRecordEntry[];
}

async function failNext(hub: HubSimulator, n: number): Promise<void> {
  await fetch(`${hub.url}/_sim/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ failNext: n }),
  });
}

describe('national-sync with the hub up (the simulator)', () => {
  let hub: HubSimulator;
  let suite: Awaited<ReturnType<typeof startSuite>>;
  let svc: ServiceUnderTest;
  let rpc: WireClient;
  let app: INestApplication;

  beforeAll(async () => {
    hub = await startHubSimulator({ port: 0, token: TOKEN });
    suite = await startSuite(hub.url, {
      // Wide enough that the out-of-order publishing below always lands within it, even on a
      // loaded machine.
      NATIONAL_SYNC_SETTLE_MS: '1500',
      NATIONAL_SYNC_BACKOFF_MS: '20',
      NATIONAL_SYNC_MAX_BACKOFF_MS: '100',
      NATIONAL_SYNC_MAX_ATTEMPTS: '5',
    });
    ({ svc, rpc, app } = suite);
  });

  afterAll(async () => {
    await svc?.cleanup(suite?.app, suite?.connection, () => hub?.close());
  });

  const callsOf = (code: string) =>
    svc.db.query<{ kind: string; status: string; attempts: number; status_code: number }[]>(
      `SELECT kind, status, attempts, status_code FROM "${svc.schema}".hub_calls
       WHERE dossier_code = $1 ORDER BY event_at, seq`,
      [code],
    );

  it('pushes a dossier, every status change and its result to the hub in order, once each, whatever the redeliveries', async () => {
    const story = new DossierStory();
    const events = [
      story.submitted(),
      story.changed('RECEIVED', 'receive'),
      story.changed('PROCESSING', 'start'),
      story.changed('RESULT_READY', 'complete'),
      story.changed('RETURNED', 'return'),
    ];
    // Published out of order, some twice (a redelivery, a relay that published again).
    for (const e of [events[2], events[0], events[1], events[0], events[4], events[3], events[2]])
      await publish(suite.channel, e);

    const records = await waitFor(
      async () => {
        const r = await hubRecords(hub, story.code);
        return r.length >= 7 && r;
      },
      { what: 'the seven calls at the hub' },
    );
    expect(records.map((r) => [r.service, r.status])).toEqual([
      ['DongBoHoSoMC', '1'],
      ['CapNhatTienDoHoSoMC', '2'],
      ['CapNhatTienDoHoSoMC', '4'],
      ['CapNhatTienDoHoSoMC', '9'],
      ['DongBoHoSoMC', '9'],
      ['CapNhatTienDoHoSoMC', '10'],
      ['DongBoHoSoMC', '10'],
    ]);
    expect(records[0].isUpdating).toBe(false);
    expect(records[4].isUpdating).toBe(true);
    expect(records[0].record).toMatchObject({
      MaHoSo: story.code,
      MaTTHC: '1.001193',
      TrangThaiHoSo: '1',
      NgayTiepNhan: '20261207090001', // Vietnam time, yyyyMMddHHmmss
    });
    expect(records[1].record).toMatchObject({ TrangThai: '2', ThoiDiemXuLy: '20261207090002' });
    expect(records[6].record).toMatchObject({ NgayTra: '20261207090005' });
    expect(new Set(records.map((r) => r.id)).size).toBe(7);
    // Nothing more arrives (no second copy of any call).
    await waitFor(async () => (await callsOf(story.code)).every((c) => c.status === 'sent'), {
      what: 'every call marked sent',
    });
    expect(await hubRecords(hub, story.code)).toHaveLength(7);
  });

  it('retries a call the hub refused three times with 503 and delivers it on the fourth attempt', async () => {
    const story = new DossierStory();
    await failNext(hub, 3);
    await publish(suite.channel, story.submitted());

    await waitFor(async () => (await callsOf(story.code))[0]?.status === 'sent', {
      what: 'the call accepted',
    });
    expect(await hubRecords(hub, story.code)).toHaveLength(1);
    expect(await callsOf(story.code)).toEqual([
      { kind: 'dossier-sync', status: 'sent', attempts: 4, status_code: 1 },
    ]);
  });

  it('parks a call after the retry budget, holds back that dossier’s later calls, and an admin retry sends both in order', async () => {
    const story = new DossierStory();
    await failNext(hub, 5);
    await publish(suite.channel, story.submitted());
    const parked = await waitFor(
      async () => {
        const page = await rpc.send<Page<FailedHubCallView>>(NationalSyncRpc.listFailed, {
          caller: admin,
          correlationId: null,
          data: { pageSize: 100 },
        });
        return page.items.find((c) => c.dossierCode === story.code);
      },
      { what: 'the parked call' },
    );
    expect(parked).toMatchObject({ kind: 'dossier-sync', attempts: 5, statusCode: 1 });
    expect(parked.lastError).toContain('503');

    await publish(suite.channel, story.changed('RECEIVED', 'receive'));
    await waitFor(async () => (await callsOf(story.code)).length === 2, { what: 'the next call' });
    const summary = await rpc.send<NationalSyncSummary>(NationalSyncRpc.summary, {
      caller: admin,
      correlationId: null,
      data: {},
    });
    expect(summary.failed).toBeGreaterThanOrEqual(1);
    expect(summary.pending).toBeGreaterThanOrEqual(1);
    expect(summary.oldestPendingAt).not.toBeNull();
    // The later call waits behind the parked one: never tried.
    expect((await callsOf(story.code))[1]).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await hubRecords(hub, story.code)).toEqual([]);

    // The metrics say so too.
    const metrics = await (await fetch(`${svc.urlOf(app)}/metrics`)).text();
    expect(metrics).toMatch(/^national_sync_failed [1-9]\d*$/m);
    expect(metrics).toMatch(/^national_sync_pending [1-9]\d*$/m);

    const refused = await problemOf(
      rpc.send(NationalSyncRpc.retryFailed, {
        caller: citizen,
        correlationId: null,
        data: { id: parked.id },
      }),
    );
    expect(refused.status).toBe(403);
    await rpc.send(NationalSyncRpc.retryFailed, {
      caller: admin,
      correlationId: null,
      data: { id: parked.id },
    });
    const records = await waitFor(
      async () => {
        const r = await hubRecords(hub, story.code);
        return r.length === 2 && r;
      },
      { what: 'both calls after the retry' },
    );
    expect(records.map((r) => r.status)).toEqual(['1', '2']);
    await waitFor(async () => (await callsOf(story.code)).every((c) => c.status === 'sent'), {
      what: 'both calls accepted',
    });
    const after = await (await fetch(`${svc.urlOf(app)}/metrics`)).text();
    expect(after).toMatch(/^national_sync_failed 0$/m);
  });

  it('answers 404 for retrying a call that is not parked, and 400 for an id that is not one', async () => {
    const unknown = await problemOf(
      rpc.send(NationalSyncRpc.retryFailed, {
        caller: admin,
        correlationId: null,
        data: { id: randomUUID() },
      }),
    );
    expect(unknown).toMatchObject({ status: 404, code: 'national_sync.call_not_found' });
    const bad = await problemOf(
      rpc.send(NationalSyncRpc.retryFailed, {
        caller: admin,
        correlationId: null,
        data: { id: 'x' },
      }),
    );
    expect(bad).toMatchObject({ status: 400 });
  });
});

describe('national-sync with the hub down for the whole run', () => {
  let suite: Awaited<ReturnType<typeof startSuite>>;

  beforeAll(async () => {
    // Port 9 (discard) on loopback: nothing answers, every call fails to connect.
    suite = await startSuite('http://127.0.0.1:9', { NATIONAL_SYNC_BACKOFF_MS: '600000' });
  });

  afterAll(async () => {
    await suite?.svc.cleanup(suite.app, suite.connection);
  });

  it('keeps every call pending, in order, and acknowledges the events', async () => {
    const story = new DossierStory();
    await publish(suite.channel, story.submitted());
    await publish(suite.channel, story.changed('RECEIVED', 'receive'));
    const rows = await waitFor(
      async () => {
        const r = await suite.svc.db.query<{ kind: string; attempts: number; status: string }[]>(
          `SELECT kind, attempts, status FROM "${suite.svc.schema}".hub_calls
           WHERE dossier_code = $1 ORDER BY event_at, seq`,
          [story.code],
        );
        return r.length === 2 && r[0].attempts === 1 && r;
      },
      { what: 'the first failed attempt' },
    );
    expect(rows).toEqual([
      { kind: 'dossier-sync', attempts: 1, status: 'pending' },
      { kind: 'progress-update', attempts: 0, status: 'pending' },
    ]);
    const summary = await suite.rpc.send<NationalSyncSummary>(NationalSyncRpc.summary, {
      caller: admin,
      correlationId: null,
      data: {},
    });
    expect(summary).toMatchObject({ pending: 2, failed: 0, lastSyncedAt: null });
    expect(summary.oldestPendingAt).not.toBeNull();
    // Nothing left in the queue: the events were taken although the hub never answered.
    const depth = await suite.channel.checkQueue('national-sync.events');
    expect(depth.messageCount).toBe(0);
  });
});
