import { waitFor } from '@dvc/testing';
import { DEMO_PASSWORD, login } from './accounts';
import { DossierBody, dossierFactory } from './dossier-factory';
import { api, files, uploader } from './http';
import { MAX_FILE_BYTES, Stack, startStack } from './stack';

/**
 * Bad input on the dossier routes: each answered with a clear 4xx and nothing kept. A stack
 * of its own, so the lookup throttling here does not reach the journeys' lookups.
 */
describe('dossier refusals (e2e)', () => {
  let stack: Stack;
  let call: ReturnType<typeof api>;
  let upload: ReturnType<typeof uploader>;
  let factory: ReturnType<typeof dossierFactory>;
  let citizen: string;

  beforeAll(async () => {
    stack = await startStack();
    call = api(stack.url);
    upload = uploader(stack.url);
    factory = dossierFactory(call, upload);
    citizen = await login(call, 'citizen@dvc.local', DEMO_PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses bad files with a clear 4xx and keeps nothing of them', async () => {
    const dossier = await factory.newDraft(citizen);
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
    const stored = await call<DossierBody>('GET', `/dossiers/${dossier.id}`, { token: citizen });
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
    expect(refused.body).toMatchObject({ code: 'dossier.offline_only' });
    expect(refused.body.detail).toMatch(/không nộp trực tuyến/);
  });

  it('gives the same refusal in English when the reader asks for English', async () => {
    const refused = await call<{ code: string; title: string; detail: string }>(
      'POST',
      '/dossiers',
      {
        token: citizen,
        body: { procedureCode: '2.000815' },
        headers: { 'accept-language': 'en' },
      },
    );
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'dossier.offline_only', title: 'Conflict' });
    expect(refused.body.detail).toMatch(/^Procedure ".+" \(level 2\) cannot be filed online/);
    expect(refused.body.detail).toContain('/api/v1/procedures/2.000815/forms/');
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
