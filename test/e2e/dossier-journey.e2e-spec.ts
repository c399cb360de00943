import { WorkingCalendar } from '../../apps/dossier/src/calendar/working-calendar';
import { DEMO_PASSWORD, login, newCitizen } from './accounts';
import { DossierBody, dossierFactory } from './dossier-factory';
import { api, files, uploader } from './http';
import { Stack, startStack } from './stack';
import { LICENCE_RENEWAL, licenceRenewalForm } from './licence-renewal';

/** Đăng ký khai sinh: level 4, at a ward the demo officer does not belong to. */
const OTHER_AGENCY_PROCEDURE = '1.001193';

/**
 * A citizen's dossier from draft to result, through the gateway on the real Postgres,
 * RabbitMQ, Redis and s3rver, one behaviour a test: each builds the dossier it needs with
 * the factory, so any of them runs alone.
 */
describe('dossier journey (e2e)', () => {
  let stack: Stack;
  let call: ReturnType<typeof api>;
  let upload: ReturnType<typeof uploader>;
  let factory: ReturnType<typeof dossierFactory>;
  let citizen: string;
  let officer: string;

  beforeAll(async () => {
    stack = await startStack();
    call = api(stack.url);
    upload = uploader(stack.url);
    factory = dossierFactory(call, upload);
    citizen = await login(call, 'citizen@dvc.local', DEMO_PASSWORD);
    officer = await login(call, 'officer@dvc.local', DEMO_PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('keeps a document in the wallet and attaches it to a dossier as a copy', async () => {
    const wallet = await factory.newWalletDocument(citizen);
    const documents = await call<{ id: string }[]>('GET', '/me/documents', { token: citizen });
    expect(documents.body.map((d) => d.id)).toContain(wallet.id);
    const dossier = await factory.newDraft(citizen);
    expect(dossier.status).toBe('DRAFT');
    const fromWallet = await call('POST', `/dossiers/${dossier.id}/attachments/from-document`, {
      token: citizen,
      body: { documentId: wallet.id, componentId: 'ban-sao-gplx' },
    });
    expect(fromWallet.status).toBe(201);
  });

  it('refuses a wrong form and a submission without the required components, naming them', async () => {
    const dossier = await factory.newDraft(citizen);
    const invalid = await call<{ errors: { field: string; message: string }[] }>(
      'PATCH',
      `/dossiers/${dossier.id}`,
      {
        token: citizen,
        body: { formData: { ...licenceRenewalForm, soDinhDanh: '12ab', ngaySinh: '20/05/1990' } },
      },
    );
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(['/soDinhDanh', '/ngaySinh']),
    );
    const saved = await call<DossierBody>('PATCH', `/dossiers/${dossier.id}`, {
      token: citizen,
      body: { formData: licenceRenewalForm, deliveryMethod: 'online' },
    });
    expect(saved.status).toBe(200);

    const early = await call<{ errors: { field: string }[] }>(
      'POST',
      `/dossiers/${dossier.id}/submit`,
      { token: citizen },
    );
    expect(early.status).toBe(422);
    expect(early.body.errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(['components/de-nghi-doi-gplx', 'components/ban-sao-gplx']),
    );
  });

  it('submits once under an Idempotency-Key, then takes no more attachments', async () => {
    const dossier = await factory.newCompleteDraft(citizen);
    const key = `submit-${dossier.id}`;
    const first = await call<{ code: string; lookupKey: string; status: string }>(
      'POST',
      `/dossiers/${dossier.id}/submit`,
      { token: citizen, headers: { 'idempotency-key': key } },
    );
    const again = await call<{ code: string; lookupKey: string }>(
      'POST',
      `/dossiers/${dossier.id}/submit`,
      { token: citizen, headers: { 'idempotency-key': key } },
    );
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('SUBMITTED');
    expect(first.body.code).toMatch(/^000\.00\.01\.H26-\d{6}-\d{4}$/);
    expect(first.body.lookupKey).toMatch(/^[A-Z2-9]{6}$/);
    expect(again.body).toEqual(first.body);
    const mine = await call<{ items: { id: string }[] }>('GET', '/dossiers', { token: citizen });
    expect(mine.body.items.filter((d) => d.id === dossier.id)).toHaveLength(1);

    // Attaching to a submitted dossier is a conflict.
    const late = await upload(
      `/dossiers/${dossier.id}/attachments`,
      { componentId: 'giay-to-khac' },
      files.pdf('muon'),
      citizen,
    );
    expect(late.status).toBe(409);
  });

  it('is received with a due date of the procedure’s working days on the calendar', async () => {
    const { id } = await factory.newSubmittedDossier(citizen);
    const queue = await call<{ items: { id: string }[] }>(
      'GET',
      '/officer/dossiers?status=SUBMITTED',
      { token: officer },
    );
    expect(queue.body.items.map((d) => d.id)).toContain(id);
    const received = await call<DossierBody>('POST', `/officer/dossiers/${id}/actions/receive`, {
      token: officer,
      body: {},
    });
    expect(received.status).toBe(200);
    expect(received.body.status).toBe('RECEIVED');
    const holidays = await call<{ date: string; name: string; kind: 'holiday' | 'working_day' }[]>(
      'GET',
      '/holidays',
    );
    const procedure = await call<{
      cases: { processingTimes: { channel: string; value: number; unit: string }[] }[];
    }>('GET', `/procedures/${LICENCE_RENEWAL}`);
    const online = procedure.body.cases[0].processingTimes.find((t) => t.channel === 'online')!;
    expect(online.unit).toBe('working_day');
    const calendar = new WorkingCalendar(holidays.body);
    const expectedDue = calendar.addWorkingMinutes(
      new Date(received.body.receivedAt!),
      online.value * 8 * 60,
    );
    expect(new Date(received.body.dueAt!).toISOString()).toBe(expectedDue.toISOString());

    // Illegal: returning a dossier nobody started.
    const illegal = await call<{ currentStatus: string }>(
      'POST',
      `/officer/dossiers/${id}/actions/return`,
      { token: officer, body: {} },
    );
    expect(illegal.status).toBe(409);
    expect(illegal.body.currentStatus).toBe('RECEIVED');
  });

  it('pauses the clock for a supplement and runs it again when the citizen answers', async () => {
    const { id } = await factory.newReceivedDossier(citizen, officer);
    const asked = await call<DossierBody>(
      'POST',
      `/officer/dossiers/${id}/actions/request-supplement`,
      {
        token: officer,
        body: {
          missing: ['Giấy khám sức khỏe của người lái xe'],
          note: 'Bổ sung giấy khám sức khỏe',
        },
      },
    );
    expect(asked.body.status).toBe('SUPPLEMENT_REQUESTED');
    expect(asked.body.dueAt).toBeNull();
    const added = await upload(
      `/dossiers/${id}/attachments`,
      { componentId: 'giay-kham-suc-khoe' },
      files.pdf('giay-kham'),
      citizen,
    );
    expect(added.status).toBe(201);
    const supplemented = await call<DossierBody>('POST', `/dossiers/${id}/supplement`, {
      token: citizen,
      body: { note: 'Đã bổ sung' },
    });
    expect(supplemented.status).toBe(200);
    expect(supplemented.body.status).toBe('RECEIVED');
    expect(supplemented.body.dueAt).not.toBeNull();
  });

  it('lets the officer read the attachments, complete only with a result, and the citizen download it', async () => {
    const { id } = await factory.newProcessingDossier(citizen, officer);
    const officerView = await call<DossierBody & { applicant: { fullName: string } }>(
      'GET',
      `/officer/dossiers/${id}`,
      { token: officer },
    );
    const attachment = officerView.body.components.find(
      (c) => c.componentId === 'de-nghi-doi-gplx',
    )!.attachments[0];
    const attachmentFile = await fetch(
      `${stack.url}/api/v1/officer/dossiers/${id}/files/${attachment.fileId}`,
      { headers: { authorization: `Bearer ${officer}` } },
    );
    expect(attachmentFile.status).toBe(200);
    expect(Buffer.from(await attachmentFile.arrayBuffer())).toEqual(files.pdf('don-de-nghi').bytes);

    const noResult = await call('POST', `/officer/dossiers/${id}/actions/complete`, {
      token: officer,
      body: {},
    });
    expect(noResult.status).toBeGreaterThanOrEqual(409);
    const result = await upload<{ fileId: string }>(
      `/officer/dossiers/${id}/results`,
      {},
      files.pdf('giay-phep-lai-xe-moi'),
      officer,
    );
    expect(result.status).toBe(201);
    // Not the citizen's before the agency completes.
    const beforeCompletion = await fetch(
      `${stack.url}/api/v1/dossiers/${id}/results/${result.body.fileId}`,
      { headers: { authorization: `Bearer ${citizen}` } },
    );
    expect(beforeCompletion.status).toBe(404);
    expect(beforeCompletion.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(
      (await call<DossierBody>('GET', `/dossiers/${id}`, { token: citizen })).body.results,
    ).toEqual([]);
    expect(
      (
        await call<DossierBody>('POST', `/officer/dossiers/${id}/actions/complete`, {
          token: officer,
          body: { note: 'Đã cấp GPLX' },
        })
      ).body.status,
    ).toBe('RESULT_READY');
    expect(
      (
        await call<DossierBody>('POST', `/officer/dossiers/${id}/actions/return`, {
          token: officer,
          body: {},
        })
      ).body.status,
    ).toBe('RETURNED');

    const mineNow = await call<DossierBody>('GET', `/dossiers/${id}`, { token: citizen });
    expect(mineNow.body.status).toBe('RETURNED');
    const download = await fetch(
      `${stack.url}/api/v1/dossiers/${id}/results/${result.body.fileId}`,
      {
        headers: { authorization: `Bearer ${citizen}` },
      },
    );
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(
      files.pdf('giay-phep-lai-xe-moi').bytes,
    );
  });

  it('counts a settled dossier in the officer’s statistics as received and finished on time', async () => {
    type Stats = {
      totals: { received: number; finished: number; onTime: number; onTimeRate: number };
      rows: { procedureCode: string; received: number; finished: number }[];
    };
    const renewals = async () => {
      const stats = await call<Stats>('GET', '/officer/stats', { token: officer });
      expect(stats.status).toBe(200);
      const row = stats.body.rows.find((r) => r.procedureCode === LICENCE_RENEWAL);
      return {
        received: row?.received ?? 0,
        finished: row?.finished ?? 0,
        totals: stats.body.totals,
      };
    };
    const before = await renewals();
    await factory.newReturnedDossier(citizen, officer);
    const after = await renewals();
    expect(after.received - before.received).toBe(1);
    expect(after.finished - before.finished).toBe(1);
    expect(after.totals.onTime).toBeGreaterThanOrEqual(1);
    expect(after.totals.onTime - before.totals.onTime).toBe(1);
    expect((await call('GET', '/officer/stats', { token: citizen })).status).toBe(403);
    expect((await call('GET', '/officer/stats?from=2026-13-45', { token: officer })).status).toBe(
      400,
    );
  });

  it('shows the public lookup the history only, opened by the key or the account’s ID number', async () => {
    const returned = await factory.newReturnedDossier(citizen, officer);
    const code = encodeURIComponent(returned.code);
    const lookup = await call<{ status: string; history: { to: string }[] }>(
      'GET',
      `/public/dossiers/lookup?code=${code}&key=${returned.lookupKey}`,
    );
    expect(lookup.status).toBe(200);
    expect(lookup.body.status).toBe('RETURNED');
    expect(lookup.body.history.map((h) => h.to)).toEqual(
      expect.arrayContaining([
        'SUBMITTED',
        'RECEIVED',
        'SUPPLEMENT_REQUESTED',
        'PROCESSING',
        'RESULT_READY',
        'RETURNED',
      ]),
    );
    const text = JSON.stringify(lookup.body);
    for (const secret of [
      licenceRenewalForm.hoTen,
      licenceRenewalForm.soDinhDanh,
      licenceRenewalForm.noiCuTru,
      'citizen@dvc.local',
      'gplx-cu',
    ]) {
      expect(text).not.toContain(secret);
    }
    // The applicant's ID number (of the account, not whatever the form says) opens it too.
    const byIdNumber = await call('GET', `/public/dossiers/lookup?code=${code}&key=001099012345`);
    expect(byIdNumber.status).toBe(200);
    const byFormNumber = await call(
      'GET',
      `/public/dossiers/lookup?code=${code}&key=${licenceRenewalForm.soDinhDanh}`,
    );
    expect(byFormNumber.status).toBe(404);
    const wrongKey = await call('GET', `/public/dossiers/lookup?code=${code}&key=ZZZZZZ`);
    const unknown = await call(
      'GET',
      `/public/dossiers/lookup?code=000.00.01.H26-990101-0001&key=ZZZZZZ`,
    );
    expect(wrongKey.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect({ ...(wrongKey.body as object), instance: null, requestId: null }).toEqual({
      ...(unknown.body as object),
      instance: null,
      requestId: null,
    });
  });

  it('hides a dossier, its result and a wallet document from everyone else', async () => {
    const returned = await factory.newReturnedDossier(citizen, officer);
    const wallet = await factory.newWalletDocument(citizen);
    const stranger = await newCitizen(stack, call, 'Người lạ');
    expect((await call('GET', `/dossiers/${returned.id}`, { token: stranger })).status).toBe(404);
    expect(
      (
        await fetch(
          `${stack.url}/api/v1/dossiers/${returned.id}/results/${returned.resultFileId}`,
          { headers: { authorization: `Bearer ${stranger}` } },
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await fetch(`${stack.url}/api/v1/me/documents/${wallet.id}/content`, {
          headers: { authorization: `Bearer ${stranger}` },
        })
      ).status,
    ).toBe(404);
    expect((await call('DELETE', `/me/documents/${wallet.id}`, { token: stranger })).status).toBe(
      404,
    );
    // Another agency's dossier is not the officer's; officer actions are not the citizen's.
    const elsewhere = await factory.newDraft(stranger, OTHER_AGENCY_PROCEDURE);
    expect(
      (await call('GET', `/officer/dossiers/${elsewhere.id}`, { token: officer })).status,
    ).toBe(404);
    expect(
      (
        await call('POST', `/officer/dossiers/${returned.id}/actions/stop`, {
          token: citizen,
          body: {},
        })
      ).status,
    ).toBe(403);
  });
  it('takes the citizen’s rating once after the result and shows it to the agency’s officers', async () => {
    const early = await factory.newReceivedDossier(citizen, officer);
    const tooEarly = await call<{ code: string; currentStatus: string }>(
      'POST',
      `/dossiers/${early.id}/rating`,
      { token: citizen, body: { score: 5 } },
    );
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.headers.get('content-type')).toContain('application/problem+json');
    expect(tooEarly.body).toMatchObject({ code: 'rating.not_rateable', currentStatus: 'RECEIVED' });

    const returned = await factory.newReturnedDossier(citizen, officer);
    const stranger = await newCitizen(stack, call, 'Người lạ đánh giá');
    const path = `/dossiers/${returned.id}/rating`;
    expect((await call('POST', path, { token: stranger, body: { score: 1 } })).status).toBe(404);
    expect((await call('POST', path, { token: citizen, body: { score: 9 } })).status).toBe(400);
    const rated = await call<{ score: number }>('POST', path, {
      token: citizen,
      body: { score: 4, criteria: { courtesy: 5 }, comment: 'Giải quyết đúng hẹn' },
    });
    expect(rated.status).toBe(201);
    expect(rated.body.score).toBe(4);
    expect((await call('POST', path, { token: citizen, body: { score: 5 } })).status).toBe(409);

    const list = await call<{ items: { dossierCode: string; score: number; comment: string }[] }>(
      'GET',
      '/officer/ratings?pageSize=100',
      { token: officer },
    );
    expect(list.status).toBe(200);
    expect(list.body.items).toContainEqual(
      expect.objectContaining({
        dossierCode: returned.code,
        score: 4,
        comment: 'Giải quyết đúng hẹn',
      }),
    );
    expect((await call('GET', '/officer/ratings', { token: citizen })).status).toBe(403);
  });
});
