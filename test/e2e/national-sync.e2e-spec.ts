import {
  HubSimulator,
  startHubSimulator,
} from '../../apps/national-hub-simulator/src/hub-simulator';
import { demoHubProcedures } from '../../apps/national-hub-simulator/src/demo-procedures';
import { DEV_NATIONAL_HUB_TOKEN } from '../../apps/national-sync/src/national-sync.config';
import { waitFor } from '@dvc/testing';
import { DEMO_PASSWORD, login } from './accounts';
import { dossierFactory } from './dossier-factory';
import { api, uploader } from './http';
import { Stack, startStack } from './stack';

interface HubRecord {
  service: string;
  status: string;
  dossierCode: string;
}

interface FailedCall {
  id: string;
  dossierCode: string;
  kind: string;
  attempts: number;
}

/**
 * Đồng bộ với Cổng DVC quốc gia through the gateway: a citizen's dossier reaches the hub
 * simulator as it moves on, a hub failing past the retry budget parks the call for an
 * administrator who retries it, and the catalogue takes the hub's procedures with a report.
 */
describe('national hub sync (e2e)', () => {
  let hub: HubSimulator;
  let stack: Stack;
  let call: ReturnType<typeof api>;
  let factory: ReturnType<typeof dossierFactory>;
  let citizen: string;
  let officer: string;
  let admin: string;

  beforeAll(async () => {
    hub = await startHubSimulator({ port: 0, token: DEV_NATIONAL_HUB_TOKEN });
    stack = await startStack({
      NATIONAL_HUB_URL: hub.url,
      NATIONAL_SYNC_SETTLE_MS: '100',
      NATIONAL_SYNC_POLL_MS: '50',
      NATIONAL_SYNC_BACKOFF_MS: '50',
      NATIONAL_SYNC_MAX_BACKOFF_MS: '200',
      NATIONAL_SYNC_MAX_ATTEMPTS: '3',
    });
    call = api(stack.url);
    factory = dossierFactory(call, uploader(stack.url));
    citizen = await login(call, 'citizen@dvc.local', DEMO_PASSWORD);
    officer = await login(call, 'officer@dvc.local', DEMO_PASSWORD);
    admin = await login(call, 'admin@dvc.local', DEMO_PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await hub?.close();
  });

  const recordsOf = async (code: string) =>
    (await (await fetch(`${hub.url}/_sim/records?dossierCode=${code}`)).json()) as HubRecord[];

  it('sends the submitted dossier and its reception to the hub, and the admin sees it synced', async () => {
    const dossier = await factory.newReceivedDossier(citizen, officer);
    const records = await waitFor(
      async () => {
        const r = await recordsOf(dossier.code);
        return r.length === 2 && r;
      },
      { what: 'the dossier and its reception at the hub' },
    );
    expect(records.map((r) => [r.service, r.status])).toEqual([
      ['DongBoHoSoMC', '1'],
      ['CapNhatTienDoHoSoMC', '2'],
    ]);
    const summary = await call<{ pending: number; failed: number; lastSyncedAt: string | null }>(
      'GET',
      '/admin/national-sync',
      { token: admin },
    );
    expect(summary.status).toBe(200);
    expect(summary.body.lastSyncedAt).not.toBeNull();
  });

  it('parks a call the hub keeps refusing without holding the citizen up; the admin retries it', async () => {
    await fetch(`${hub.url}/_sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ failNext: 3 }),
    });
    const dossier = await factory.newSubmittedDossier(citizen);
    expect(dossier.status).toBe('SUBMITTED');

    const parked = await waitFor(
      async () => {
        const page = await call<{ items: FailedCall[]; total: number }>(
          'GET',
          '/admin/national-sync/failed?pageSize=100',
          { token: admin },
        );
        if (page.status !== 200) throw new Error(JSON.stringify(page.body));
        return page.body.items.find((c) => c.dossierCode === dossier.code);
      },
      { what: 'the parked call in the admin list' },
    );
    expect(parked).toMatchObject({ kind: 'dossier-sync', attempts: 3 });
    expect(await recordsOf(dossier.code)).toEqual([]);

    const notAdmin = await call('POST', `/admin/national-sync/failed/${parked.id}/retry`, {
      token: citizen,
    });
    expect(notAdmin.status).toBe(403);
    const retried = await call('POST', `/admin/national-sync/failed/${parked.id}/retry`, {
      token: admin,
    });
    expect(retried.status).toBe(202);
    expect(retried.body).toEqual({ id: parked.id, status: 'pending' });
    await waitFor(async () => (await recordsOf(dossier.code)).length === 1, {
      what: 'the dossier at the hub after the retry',
    });
    const again = await call('POST', `/admin/national-sync/failed/${parked.id}/retry`, {
      token: admin,
    });
    expect(again.status).toBe(404);
  });

  it('imports the hub’s procedures into the catalogue with a report of what changed', async () => {
    const first = await call<{
      created: number;
      updated: number;
      unchanged: number;
      rejected: number;
      items: { code: string; outcome: string; reasons: { field: string; message: string }[] }[];
    }>('POST', '/admin/national-sync/catalogue-import', { token: admin, body: {} });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: 2, updated: 0, unchanged: 0, rejected: 1 });
    const rejected = first.body.items.find((i) => i.outcome === 'rejected')!;
    expect(rejected.code).toBe('9.000103');
    expect(rejected.reasons).toEqual([
      expect.objectContaining({
        field: '/fieldCode',
        message: expect.stringContaining('linh-vuc-chua-co'),
      }),
    ]);
    const imported = await call<{ name: string }>('GET', '/procedures/9.000101');
    expect(imported.status).toBe(200);

    const second = await call('POST', '/admin/national-sync/catalogue-import', {
      token: admin,
      body: {},
    });
    expect(second.body).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 1 });

    const renamed = demoHubProcedures().map((p) =>
      p.MATTHC === '9.000102' ? { ...p, TENTTHC: 'Chứng thực chữ ký người dịch (đã sửa)' } : p,
    );
    await fetch(`${hub.url}/_sim/procedures`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(renamed),
    });
    const third = await call<{ items: { code: string; outcome: string }[] }>(
      'POST',
      '/admin/national-sync/catalogue-import',
      { token: admin, body: { codes: ['9.000102'] } },
    );
    expect(third.body).toMatchObject({ created: 0, updated: 1, unchanged: 0, rejected: 0 });

    const citizenTry = await call('POST', '/admin/national-sync/catalogue-import', {
      token: citizen,
      body: {},
    });
    expect(citizenTry.status).toBe(403);
    const bad = await call('POST', '/admin/national-sync/catalogue-import', {
      token: admin,
      body: { codes: 'all' },
    });
    expect(bad.status).toBe(400);
  });
});
