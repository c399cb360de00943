import {
  IssuedDocumentView,
  PersonalDocumentView,
  StorageRpc,
  StoredFileView,
  VerificationHttp,
  VerificationView,
} from '@dvc/contracts';
import { INTERNAL_TOKEN_HEADER } from '@dvc/http';
import { problemOf } from '@dvc/testing';
import { sampleDocx, samplePdf } from '../../test/sample-files';
import {
  StorageTestContext,
  TOKEN,
  json,
  sha256,
  startStorageContext,
} from '../../test/storage-context';

jest.setTimeout(60_000);

const agency = { code: '000.00.01.H26', name: 'Sở Tư pháp thành phố Hà Nội' };

/** Kết quả điện tử có ký số: the officer's result signed on issue and checked by anyone. */
describe('issued documents', () => {
  let ctx: StorageTestContext;

  beforeAll(async () => {
    ctx = await startStorageContext({ PUBLIC_URL: 'https://dichvucong.test' });
  }, 120_000);
  afterAll(() => ctx?.close(), 30_000);

  const issueResult = (fileId: string, dossierCode = '000.00.01.H26-261207-0001') =>
    ctx.rpc<IssuedDocumentView>(
      StorageRpc.issueResult,
      { fileId, dossierCode, agency, internal: true },
      null,
    );
  const verifyCopy = (body: Buffer) =>
    ctx.http('POST', VerificationHttp.verify, {
      headers: { [INTERNAL_TOKEN_HEADER]: TOKEN, 'content-type': 'application/pdf' },
      body,
    });

  it('signs a PDF result; by code and by its exact bytes it is valid, a changed copy is not', async () => {
    const officer = ctx.newCitizen();
    const upload = await ctx.uploaded(await samplePdf('Giấy phép'), {
      owner: officer.accountId,
      purpose: 'result',
      fileName: 'giay-phep.pdf',
    });

    const issued = await issueResult(upload.id);
    expect(issued).toMatchObject({ documentType: 'result', fileName: 'giay-phep.pdf' });
    expect(issued.fileId).not.toBe(upload.id);
    const signed = (await ctx.download(issued.fileId)).body;
    expect(sha256(signed)).toBe(issued.sha256);
    expect(signed.toString('latin1')).toContain(
      `https://dichvucong.test/xac-thuc/${issued.verificationCode}`,
    );

    const expected: VerificationView = {
      documentType: 'result',
      dossierCode: '000.00.01.H26-261207-0001',
      agency,
      issuedAt: issued.issuedAt,
      sha256: issued.sha256,
      signer: agency.name,
      valid: true,
      verificationCode: issued.verificationCode,
    };
    expect(
      await ctx.rpc(StorageRpc.verify, { verificationCode: issued.verificationCode }, null),
    ).toEqual(expected);
    const byCopy = await verifyCopy(signed);
    expect(byCopy.status).toBe(200);
    expect(json(byCopy)).toEqual(expected);

    const tampered = Buffer.from(signed);
    tampered[Math.floor(tampered.length / 3)] ^= 0x01;
    expect(json(await verifyCopy(tampered))).toEqual({ ...expected, valid: false });

    // Issuing the same upload again answers the first issue.
    expect(await issueResult(upload.id)).toEqual(issued);
  });

  it('keeps a DOCX result as it is and issues a signed cover sheet naming its SHA-256', async () => {
    const officer = ctx.newCitizen();
    const upload = await ctx.uploaded(await sampleDocx(), {
      owner: officer.accountId,
      purpose: 'result',
      fileName: 'quyet-dinh.docx',
    });

    const issued = await issueResult(upload.id);
    expect(issued.fileName).toBe('quyet-dinh-trang-bia.pdf');
    const cover = (await ctx.download(issued.fileId)).body;
    expect(cover.subarray(0, 5).toString()).toBe('%PDF-');
    expect(json<VerificationView>(await verifyCopy(cover)).valid).toBe(true);
    expect(sha256((await ctx.download(upload.id)).body)).toBe(upload.sha256);
  });

  it('answers 404 for an unknown code and for a PDF never issued here', async () => {
    const unknown = await problemOf(
      ctx.rpc(StorageRpc.verify, { verificationCode: 'ABCDEFGHJKMN' }, null),
    );
    expect(unknown).toMatchObject({ status: 404, code: 'verification.not_found' });
    const never = await verifyCopy(await samplePdf('never issued'));
    expect(never.status).toBe(404);
  });

  it('puts a delivered result into the citizen wallet once, as theirs to reuse', async () => {
    const officer = ctx.newCitizen();
    const citizen = ctx.newCitizen();
    const upload = await ctx.uploaded(await samplePdf('Kết quả'), {
      owner: officer.accountId,
      purpose: 'result',
    });
    const issued = await issueResult(upload.id, '000.00.01.H26-261207-0009');
    const deliver = () =>
      ctx.rpc<PersonalDocumentView>(
        StorageRpc.addResultDocument,
        {
          ownerId: citizen.accountId,
          fileId: issued.fileId,
          dossierCode: '000.00.01.H26-261207-0009',
          internal: true,
        },
        null,
      );
    const kept = await deliver();
    expect(kept).toMatchObject({
      source: 'result',
      dossierCode: '000.00.01.H26-261207-0009',
      file: { sha256: issued.sha256 },
    });
    expect((await deliver()).id).toBe(kept.id);
    const wallet = await ctx.rpc<PersonalDocumentView[]>(StorageRpc.listDocuments, {}, citizen);
    expect(wallet.map((d) => d.id)).toEqual([kept.id]);
    const copy = await ctx.rpc<StoredFileView>(
      StorageRpc.copyFile,
      { fileId: kept.fileId, purpose: 'attachment' },
      citizen,
    );
    expect(copy.sha256).toBe(issued.sha256);
  });

  it('lets only services issue', async () => {
    const officer = ctx.newCitizen();
    const upload = await ctx.uploaded(await samplePdf('x'), {
      owner: officer.accountId,
      purpose: 'result',
    });
    const refused = await problemOf(
      ctx.rpc(StorageRpc.issueResult, { fileId: upload.id, dossierCode: 'X', agency }, officer),
    );
    expect(refused).toMatchObject({ status: 403 });
  });
});
