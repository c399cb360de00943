import { waitFor } from '@dvc/testing';
import { WorkingCalendar } from '../../apps/dossier/src/calendar/working-calendar';
import { DEMO_PASSWORD, login, newCitizen } from './accounts';
import { api, files, uploader } from './http';
import { MAX_FILE_BYTES, Stack, startStack } from './stack';
import { LICENCE_RENEWAL, licenceRenewalForm } from './licence-renewal';

/** Đăng ký khai sinh: level 4, at a ward the demo officer does not belong to. */
const OTHER_AGENCY_PROCEDURE = '1.001193';

interface Dossier {
  id: string;
  code: string | null;
  status: string;
  statusCode: number;
  receivedAt: string | null;
  dueAt: string | null;
  components: {
    componentId: string;
    required: boolean;
    attachments: { id: string; fileId: string; fileName: string }[];
  }[];
  results: { fileId: string; downloadUrl: string }[];
  history: { from: string | null; to: string }[];
}

/**
 * A citizen's dossier from draft to result, through the gateway on the real Postgres,
 * RabbitMQ, Redis and s3rver; then what others must not see, and bad input.
 */
describe('dossier journey (e2e)', () => {
  let stack: Stack;
  let call: ReturnType<typeof api>;
  let upload: ReturnType<typeof uploader>;
  let citizen: string;
  let officer: string;

  beforeAll(async () => {
    stack = await startStack();
    call = api(stack.url);
    upload = uploader(stack.url);
    citizen = await login(call, 'citizen@dvc.local', DEMO_PASSWORD);
    officer = await login(call, 'officer@dvc.local', DEMO_PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const draft = async (token: string, procedureCode = LICENCE_RENEWAL) => {
    const created = await call<Dossier>('POST', '/dossiers', { token, body: { procedureCode } });
    expect(created.status).toBe(201);
    return created.body;
  };

  it('goes from a draft to a returned result, and the public lookup shows its history only', async () => {
    // Giấy tờ cá nhân: a document kept in the wallet.
    const wallet = await upload<{ id: string }>(
      '/me/documents',
      { type: 'other', title: 'Giấy phép lái xe cũ', number: '010203040506' },
      files.pdf('gplx-cu'),
      citizen,
    );
    expect(wallet.status).toBe(201);
    const documents = await call<{ id: string }[]>('GET', '/me/documents', { token: citizen });
    expect(documents.body.map((d) => d.id)).toContain(wallet.body.id);

    const dossier = await draft(citizen);
    expect(dossier.status).toBe('DRAFT');

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
    const saved = await call<Dossier>('PATCH', `/dossiers/${dossier.id}`, {
      token: citizen,
      body: { formData: licenceRenewalForm, deliveryMethod: 'online' },
    });
    expect(saved.status).toBe(200);

    // Submitting before the required components are attached is refused, naming them.
    const early = await call<{ errors: { field: string }[] }>(
      'POST',
      `/dossiers/${dossier.id}/submit`,
      { token: citizen },
    );
    expect(early.status).toBe(422);
    expect(early.body.errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(['components/de-nghi-doi-gplx', 'components/ban-sao-gplx']),
    );

    const uploaded = await upload<{ id: string; fileId: string }>(
      `/dossiers/${dossier.id}/attachments`,
      { componentId: 'de-nghi-doi-gplx' },
      files.pdf('don-de-nghi'),
      citizen,
    );
    expect(uploaded.status).toBe(201);
    const fromWallet = await call('POST', `/dossiers/${dossier.id}/attachments/from-document`, {
      token: citizen,
      body: { documentId: wallet.body.id, componentId: 'ban-sao-gplx' },
    });
    expect(fromWallet.status).toBe(201);

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

    // The officer receives it: the due date is the procedure's working days on the calendar.
    const queue = await call<{ items: { id: string }[] }>(
      'GET',
      '/officer/dossiers?status=SUBMITTED',
      { token: officer },
    );
    expect(queue.body.items.map((d) => d.id)).toContain(dossier.id);
    const received = await call<Dossier>(
      'POST',
      `/officer/dossiers/${dossier.id}/actions/receive`,
      { token: officer, body: {} },
    );
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

    // Illegal: completing a dossier nobody started.
    const illegal = await call<{ currentStatus: string }>(
      'POST',
      `/officer/dossiers/${dossier.id}/actions/return`,
      { token: officer, body: {} },
    );
    expect(illegal.status).toBe(409);
    expect(illegal.body.currentStatus).toBe('RECEIVED');

    // Supplement: everything missing listed at once; the clock pauses until the citizen answers.
    const asked = await call<Dossier>(
      'POST',
      `/officer/dossiers/${dossier.id}/actions/request-supplement`,
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
      `/dossiers/${dossier.id}/attachments`,
      { componentId: 'giay-kham-suc-khoe' },
      files.pdf('giay-kham'),
      citizen,
    );
    expect(added.status).toBe(201);
    const supplemented = await call<Dossier>('POST', `/dossiers/${dossier.id}/supplement`, {
      token: citizen,
      body: { note: 'Đã bổ sung' },
    });
    expect(supplemented.status).toBe(200);
    expect(supplemented.body.status).toBe('RECEIVED');
    expect(supplemented.body.dueAt).not.toBeNull();

    await call('POST', `/officer/dossiers/${dossier.id}/actions/start`, {
      token: officer,
      body: {},
    });
    const officerView = await call<Dossier & { applicant: { fullName: string } }>(
      'GET',
      `/officer/dossiers/${dossier.id}`,
      { token: officer },
    );
    const attachment = officerView.body.components.find(
      (c) => c.componentId === 'de-nghi-doi-gplx',
    )!.attachments[0];
    const attachmentFile = await fetch(
      `${stack.url}/api/v1/officer/dossiers/${dossier.id}/files/${attachment.fileId}`,
      { headers: { authorization: `Bearer ${officer}` } },
    );
    expect(attachmentFile.status).toBe(200);
    expect(Buffer.from(await attachmentFile.arrayBuffer())).toEqual(files.pdf('don-de-nghi').bytes);

    const noResult = await call('POST', `/officer/dossiers/${dossier.id}/actions/complete`, {
      token: officer,
      body: {},
    });
    expect(noResult.status).toBeGreaterThanOrEqual(409);
    const result = await upload<{ fileId: string }>(
      `/officer/dossiers/${dossier.id}/results`,
      {},
      files.pdf('giay-phep-lai-xe-moi'),
      officer,
    );
    expect(result.status).toBe(201);
    expect(
      (
        await call<Dossier>('POST', `/officer/dossiers/${dossier.id}/actions/complete`, {
          token: officer,
          body: { note: 'Đã cấp GPLX' },
        })
      ).body.status,
    ).toBe('RESULT_READY');
    expect(
      (
        await call<Dossier>('POST', `/officer/dossiers/${dossier.id}/actions/return`, {
          token: officer,
          body: {},
        })
      ).body.status,
    ).toBe('RETURNED');

    const mineNow = await call<Dossier>('GET', `/dossiers/${dossier.id}`, { token: citizen });
    expect(mineNow.body.status).toBe('RETURNED');
    const download = await fetch(
      `${stack.url}/api/v1/dossiers/${dossier.id}/results/${result.body.fileId}`,
      { headers: { authorization: `Bearer ${citizen}` } },
    );
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(
      files.pdf('giay-phep-lai-xe-moi').bytes,
    );

    // Thống kê: the officer's agencies count it as received and settled on time.
    const stats = await call<{
      totals: { received: number; finished: number; onTime: number; onTimeRate: number };
      rows: { procedureCode: string; received: number; finished: number }[];
    }>('GET', '/officer/stats', { token: officer });
    expect(stats.status).toBe(200);
    const row = stats.body.rows.find((r) => r.procedureCode === LICENCE_RENEWAL);
    expect(row).toMatchObject({ received: 1, finished: 1 });
    expect(stats.body.totals.onTime).toBeGreaterThanOrEqual(1);
    expect((await call('GET', '/officer/stats', { token: citizen })).status).toBe(403);
    expect((await call('GET', '/officer/stats?from=2026-13-45', { token: officer })).status).toBe(
      400,
    );

    // TRA CỨU HỒ SƠ: the history, and nothing personal.
    const lookup = await call<{ status: string; history: { to: string }[] }>(
      'GET',
      `/public/dossiers/lookup?code=${encodeURIComponent(first.body.code)}&key=${first.body.lookupKey}`,
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
    const byIdNumber = await call(
      'GET',
      `/public/dossiers/lookup?code=${encodeURIComponent(first.body.code)}&key=001099012345`,
    );
    expect(byIdNumber.status).toBe(200);
    const byFormNumber = await call(
      'GET',
      `/public/dossiers/lookup?code=${encodeURIComponent(first.body.code)}&key=${licenceRenewalForm.soDinhDanh}`,
    );
    expect(byFormNumber.status).toBe(404);
    const wrongKey = await call(
      'GET',
      `/public/dossiers/lookup?code=${encodeURIComponent(first.body.code)}&key=ZZZZZZ`,
    );
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

    // Someone else's dossier, result and wallet document are 404; so is another agency's dossier for the officer.
    const stranger = await newCitizen(stack, call, 'Người lạ');
    expect((await call('GET', `/dossiers/${dossier.id}`, { token: stranger })).status).toBe(404);
    expect(
      (
        await fetch(`${stack.url}/api/v1/dossiers/${dossier.id}/results/${result.body.fileId}`, {
          headers: { authorization: `Bearer ${stranger}` },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await fetch(`${stack.url}/api/v1/me/documents/${wallet.body.id}/content`, {
          headers: { authorization: `Bearer ${stranger}` },
        })
      ).status,
    ).toBe(404);
    expect(
      (await call('DELETE', `/me/documents/${wallet.body.id}`, { token: stranger })).status,
    ).toBe(404);
    const elsewhere = await draft(stranger, OTHER_AGENCY_PROCEDURE);
    expect(
      (await call('GET', `/officer/dossiers/${elsewhere.id}`, { token: officer })).status,
    ).toBe(404);
    expect(
      (
        await call('POST', `/officer/dossiers/${dossier.id}/actions/stop`, {
          token: citizen,
          body: {},
        })
      ).status,
    ).toBe(403);
  });

  it('refuses bad files with a clear 4xx and keeps nothing of them', async () => {
    const dossier = await draft(citizen);
    const attach = (file: Parameters<typeof upload>[2], componentId = 'de-nghi-doi-gplx') =>
      upload<{ code: string }>(
        `/dossiers/${dossier.id}/attachments`,
        { componentId },
        file,
        citizen,
      );

    expect((await attach(files.exeAsPdf())).status).toBe(415);
    const infected = await attach(files.eicarPdf());
    expect(infected.status).toBe(422);
    expect((await attach(files.empty())).status).toBe(400);
    expect((await attach(files.largePdf(MAX_FILE_BYTES + 1024))).status).toBe(413);
    expect((await attach(files.pdf('x'), 'khong-co-thanh-phan-nay')).status).toBe(422);
    const traversal = await attach({ ...files.pdf('y'), name: '../../etc/passwd\u0007.pdf' });
    expect(traversal.status).toBe(201);
    const stored = await call<Dossier & { components: { attachments: { fileName: string }[] }[] }>(
      'GET',
      `/dossiers/${dossier.id}`,
      { token: citizen },
    );
    const names = stored.body.components.flatMap((c) => c.attachments.map((a) => a.fileName));
    expect(names).toHaveLength(1); // only the good file is attached
    expect(names[0]).not.toContain('/');
    expect(names[0]).not.toContain('..');
    expect([...names[0]].some((ch) => ch.charCodeAt(0) < 0x20)).toBe(false);
  });

  it('refuses to start a dossier online for a level-2 procedure, saying where to file it', async () => {
    const refused = await call<{ detail: string }>('POST', '/dossiers', {
      token: citizen,
      body: { procedureCode: '2.000815' },
    });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('throttles guessing on the public lookup', async () => {
    let status = 0;
    for (let i = 0; i < 1000 && status !== 429; i++) {
      const reply = await call(
        'GET',
        `/public/dossiers/lookup?code=000.00.01.H26-261126-${String(i).padStart(4, '0')}&key=ABCDEF`,
      );
      status = reply.status;
      if (status !== 429) expect(status).toBe(404);
    }
    expect(status).toBe(429);
    const sql = await waitFor(
      async () =>
        (
          await call(
            'GET',
            `/public/dossiers/lookup?code=${encodeURIComponent("' OR 1=1 --")}&key=x`,
          )
        ).status,
      { what: 'an answer' },
    );
    expect([400, 404, 429]).toContain(sql);
  });
});
