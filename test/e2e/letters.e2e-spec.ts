import { waitFor } from '@dvc/testing';
import { DEMO_PASSWORD, login } from './accounts';
import { DossierBody, dossierFactory } from './dossier-factory';
import { api, uploader } from './http';
import { Stack, startStack } from './stack';
import { weekdayMorningAfter } from './working-days';

interface Verification {
  documentType: string;
  dossierCode: string;
  agency: { code: string; name: string };
  valid: boolean;
  verificationCode: string;
}

interface Letter {
  downloadUrl: string;
  verificationCode: string | null;
}

type LettersBody = DossierBody & {
  code: string;
  dueAt: string;
  originalDueAt: string | null;
  receipt: Letter | null;
  apologies: {
    reason: string;
    previousDueAt: string;
    newDueAt: string;
    documentUrl: string;
    verificationCode: string;
  }[];
  history: { from: string; to: string; note: string | null; action?: string }[];
};

/**
 * Signed letters of a dossier: the receipt (giấy tiếp nhận và hẹn trả kết quả) on `receive`,
 * and the apology (phiếu xin lỗi và hẹn lại ngày trả kết quả) with a new due date; each
 * downloaded by the applicant and verified by anyone, by its code and by the file.
 */
describe('signed letters (e2e)', () => {
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

  async function download(url: string): Promise<Buffer> {
    const res = await fetch(`${stack.url}${url}`, {
      headers: { authorization: `Bearer ${citizen}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    return Buffer.from(await res.arrayBuffer());
  }

  async function verifyFile(bytes: Buffer) {
    return upload<Verification>('/public/verify', {}, { name: 'thu.pdf', bytes }, '');
  }

  it('the receipt of a received dossier is a signed PDF, verifiable by code and by file', async () => {
    const { id } = await factory.newProcessingDossier(citizen, officer);
    const before = await call<LettersBody>('GET', `/dossiers/${id}`, { token: citizen });
    // Signed the first time it is downloaded: no code before, the same letter after.
    expect(before.body.receipt).toEqual({
      downloadUrl: `/api/v1/dossiers/${id}/receipt`,
      verificationCode: null,
      issuedAt: null,
    });
    const pdf = await download(before.body.receipt!.downloadUrl);
    expect(pdf.includes('/ByteRange')).toBe(true);
    const mine = await call<LettersBody>('GET', `/dossiers/${id}`, { token: citizen });
    const code = mine.body.receipt!.verificationCode!;
    expect(code).toMatch(/^[A-Z0-9]{12}$/);
    expect(pdf.toString('latin1')).toContain(`http://portal.test/xac-thuc/${code}`);
    expect(await download(before.body.receipt!.downloadUrl)).toEqual(pdf);
    const byCode = await call<Verification>('GET', `/public/verify/${code}`);
    expect(byCode.body).toMatchObject({
      documentType: 'dossier-receipt',
      dossierCode: mine.body.code,
      valid: true,
    });
    expect(byCode.body.agency.name).not.toBe(byCode.body.agency.code);
    const byFile = await verifyFile(pdf);
    expect(byFile.body).toEqual(byCode.body);
  });

  it('apology → letter downloaded → verified by upload and by code; a changed copy is not valid', async () => {
    const { id } = await factory.newProcessingDossier(citizen, officer);
    const before = await call<LettersBody>('GET', `/dossiers/${id}`, { token: citizen });
    const dueAt = new Date(before.body.dueAt);

    const tooEarly = await call<{ code: string; errors: { field: string }[] }>(
      'POST',
      `/officer/dossiers/${id}/actions/apologize`,
      { token: officer, body: { reason: 'Chờ xác minh', newDueAt: before.body.dueAt } },
    );
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body).toMatchObject({
      code: 'dossier.apology_date_invalid',
      errors: [{ field: 'newDueAt' }],
    });
    const byCitizen = await call('POST', `/officer/dossiers/${id}/actions/apologize`, {
      token: citizen,
      body: { reason: 'x', newDueAt: weekdayMorningAfter(dueAt, 5) },
    });
    expect(byCitizen.status).toBe(403);

    // A holiday may fall on the first candidate: the next weekday morning then.
    let newDueAt = '';
    let apologized: { status: number } | null = null;
    for (let n = 5; n < 12 && apologized?.status !== 200; n++) {
      newDueAt = weekdayMorningAfter(dueAt, n);
      apologized = await call('POST', `/officer/dossiers/${id}/actions/apologize`, {
        token: officer,
        body: { reason: 'Chờ ý kiến của cơ quan phối hợp', newDueAt },
      });
    }
    expect(apologized?.status).toBe(200);

    const after = await call<LettersBody>('GET', `/dossiers/${id}`, { token: citizen });
    expect(after.body.status).toBe('PROCESSING');
    expect(new Date(after.body.dueAt)).toEqual(new Date(newDueAt));
    expect(after.body.originalDueAt).toBe(before.body.dueAt);
    expect(after.body.apologies).toHaveLength(1);
    const [apology] = after.body.apologies;
    expect(apology).toMatchObject({
      reason: 'Chờ ý kiến của cơ quan phối hợp',
      previousDueAt: before.body.dueAt,
    });
    expect(after.body.history.at(-1)).toMatchObject({
      from: 'PROCESSING',
      to: 'PROCESSING',
      action: 'apologize',
      note: 'Chờ ý kiến của cơ quan phối hợp',
    });

    const letter = await download(apology.documentUrl);
    expect(letter.includes('/ByteRange')).toBe(true);
    const byCode = await call<Verification>('GET', `/public/verify/${apology.verificationCode}`);
    expect(byCode.body).toMatchObject({
      documentType: 'apology',
      dossierCode: after.body.code,
      valid: true,
      verificationCode: apology.verificationCode,
    });
    const byFile = await verifyFile(letter);
    expect(byFile.body).toEqual(byCode.body);
    const tampered = Buffer.from(letter);
    tampered[Math.floor(tampered.length / 3)] ^= 0x01;
    const changed = await verifyFile(tampered);
    expect(changed.body).toMatchObject({
      verificationCode: apology.verificationCode,
      valid: false,
    });

    // The applicant hears of it: the bell, with the new date and the letter's code.
    const bell = await waitFor(
      async () => {
        const list = await call<{ items: { type: string; body: string; link: string }[] }>(
          'GET',
          '/notifications',
          { token: citizen },
        );
        return list.body.items.find((n) => n.type === 'dossier.apologized');
      },
      { what: 'the apology in the bell', timeoutMs: 15_000 },
    );
    expect(bell.body).toContain(apology.verificationCode);
    expect(bell.link).toBe(`/ho-so/${id}#xin-loi`);
  });
});
