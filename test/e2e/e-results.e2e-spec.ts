import { PDFDocument } from 'pdf-lib';
import { DEMO_PASSWORD, login } from './accounts';
import { DossierBody, dossierFactory } from './dossier-factory';
import { UploadFile, api, uploader } from './http';
import { Stack, startStack } from './stack';

interface Verification {
  documentType: string;
  dossierCode: string;
  agency: { code: string; name: string };
  sha256: string;
  signer: string;
  valid: boolean;
  verificationCode: string;
}

type ResultBody = DossierBody & {
  code: string;
  results: { fileId: string; fileName: string; downloadUrl: string; verificationCode: string }[];
};

async function resultPdf(): Promise<UploadFile> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText('GIAY PHEP LAI XE - ket qua giai quyet');
  return {
    name: 'giay-phep-lai-xe.pdf',
    type: 'application/pdf',
    bytes: Buffer.from(await doc.save()),
  };
}

/**
 * Kết quả điện tử đáng tin: the officer's result is signed by the agency on completion, the
 * citizen downloads it, and anyone verifies it by the code under its QR or by the file.
 */
describe('e-results (e2e)', () => {
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

  it('complete → download the signed result → verify it by upload and by code; a changed copy is not valid', async () => {
    const { id } = await factory.newProcessingDossier(citizen, officer);
    const added = await upload(`/officer/dossiers/${id}/results`, {}, await resultPdf(), officer);
    expect(added.status).toBe(201);
    const completed = await call<ResultBody>('POST', `/officer/dossiers/${id}/actions/complete`, {
      token: officer,
      body: { note: 'Đã cấp GPLX' },
    });
    expect(completed.body.status).toBe('RESULT_READY');

    const mine = await call<ResultBody>('GET', `/dossiers/${id}`, { token: citizen });
    const [result] = mine.body.results;
    expect(result.verificationCode).toMatch(/^[A-Z0-9]{12}$/);
    const download = await fetch(`${stack.url}${result.downloadUrl}`, {
      headers: { authorization: `Bearer ${citizen}` },
    });
    expect(download.status).toBe(200);
    const signed = Buffer.from(await download.arrayBuffer());
    expect(signed.includes('/ByteRange')).toBe(true);
    expect(signed.toString('latin1')).toContain(
      `http://portal.test/xac-thuc/${result.verificationCode}`,
    );

    const byCode = await call<Verification>('GET', `/public/verify/${result.verificationCode}`);
    expect(byCode.status).toBe(200);
    expect(byCode.body).toMatchObject({
      documentType: 'result',
      dossierCode: mine.body.code,
      valid: true,
      verificationCode: result.verificationCode,
    });
    expect(byCode.body.signer).toBe(byCode.body.agency.name);
    expect(JSON.stringify(byCode.body)).not.toMatch(/citizen@dvc\\.local|applicant|fullName/);

    const byFile = await upload<Verification>(
      '/public/verify',
      {},
      { name: 'kq.pdf', bytes: signed },
      '',
    );
    expect(byFile.status).toBe(200);
    expect(byFile.body).toEqual(byCode.body);

    const tampered = Buffer.from(signed);
    tampered[Math.floor(tampered.length / 4)] ^= 0x01;
    const changed = await upload<Verification>(
      '/public/verify',
      {},
      { name: 'kq.pdf', bytes: tampered },
      '',
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ verificationCode: result.verificationCode, valid: false });

    // Delivered: the signed result is in the citizen's wallet, and reusable in the next dossier.
    await call('POST', `/officer/dossiers/${id}/actions/return`, { token: officer, body: {} });
    const wallet = await call<
      { id: string; source: string; dossierCode: string; file: { sha256: string } }[]
    >('GET', '/me/documents', { token: citizen });
    const kept = wallet.body.find((doc) => doc.dossierCode === mine.body.code);
    expect(kept).toMatchObject({ source: 'result', file: { sha256: byCode.body.sha256 } });
    const next = await factory.newDraft(citizen);
    const reused = await call('POST', `/dossiers/${next.id}/attachments/from-document`, {
      token: citizen,
      body: { documentId: kept!.id, componentId: 'ban-sao-gplx' },
    });
    expect(reused.status).toBe(201);
  });

  it('answers 404 for an unknown code, 400 for a malformed one, 404 for a file never issued', async () => {
    expect((await call('GET', '/public/verify/ABCDEFGHJKMN')).status).toBe(404);
    const malformed = await call('GET', '/public/verify/abc-%3Cscript%3E');
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const never = await upload('/public/verify', {}, await resultPdf(), '');
    expect(never.status).toBe(404);
    const noFile = await upload('/public/verify', {}, null, '');
    expect(noFile.status).toBe(400);
  });
});
