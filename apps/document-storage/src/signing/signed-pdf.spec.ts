import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { DevelopmentSigningKeys } from './development-signing-keys';
import { Pkcs12DocumentSigner } from './pkcs12-signer';
import { checkSignature } from './signature-check';
import { UnreadablePdfError, signedPdf } from './signed-pdf';

const agency = { code: '000.00.01.H26', name: 'Sở Tư pháp Hà Nội' };
const stamp = { code: 'ABCD2345EFGH', url: 'https://dichvucong.test/xac-thuc/ABCD2345EFGH' };

async function plainPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText('Ket qua giai quyet thu tuc hanh chinh');
  return Buffer.from(await doc.save());
}

jest.setTimeout(30_000); // RSA keys are made for each test

describe('signed PDFs', () => {
  let directories: string[] = [];
  const newSigner = async () => {
    const directory = await mkdtemp(join(tmpdir(), 'dvc-signing-'));
    directories.push(directory);
    return new Pkcs12DocumentSigner(new DevelopmentSigningKeys(directory));
  };

  afterAll(async () => {
    await Promise.all(directories.map((d) => rm(d, { recursive: true, force: true })));
    directories = [];
  });

  it('signs with the agency certificate, and the signature checks against the root', async () => {
    const signer = await newSigner();
    const pdf = await signedPdf(await plainPdf(), stamp, agency, signer);

    expect(pdf.includes('/ByteRange [')).toBe(true);
    expect(pdf.includes('/adbe.pkcs7.detached')).toBe(true);
    expect(checkSignature(pdf, await signer.trustedRoots())).toEqual({
      valid: true,
      signer: 'Sở Tư pháp Hà Nội',
    });
  });

  it('finds a copy with one byte changed not valid', async () => {
    const signer = await newSigner();
    const pdf = await signedPdf(await plainPdf(), stamp, agency, signer);
    const tampered = Buffer.from(pdf);
    tampered[200] ^= 0x01; // inside the page content, before the signature

    expect(checkSignature(tampered, await signer.trustedRoots())).toMatchObject({ valid: false });
  });

  it('refuses a signature by a certificate the roots did not issue', async () => {
    const ours = await newSigner();
    const theirs = await newSigner();
    const pdf = await signedPdf(await plainPdf(), stamp, agency, theirs);

    expect(checkSignature(pdf, await ours.trustedRoots())).toEqual({
      valid: false,
      reason: 'the certificate is not from a trusted authority',
    });
  });

  it('finds an unsigned PDF not valid', async () => {
    const signer = await newSigner();
    expect(checkSignature(await plainPdf(), await signer.trustedRoots())).toMatchObject({
      valid: false,
    });
  });

  it('refuses to stamp a PDF without a page (the caller issues a cover sheet instead)', async () => {
    const signer = await newSigner();
    const pageless = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
    await expect(signedPdf(pageless, stamp, agency, signer)).rejects.toBeInstanceOf(
      UnreadablePdfError,
    );
  });

  it('keeps the agency certificate it made for the next start', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'dvc-signing-'));
    directories.push(directory);
    const first = await new DevelopmentSigningKeys(directory).p12(agency);
    const again = await new DevelopmentSigningKeys(directory).p12(agency);
    expect(again.p12.equals(first.p12)).toBe(true);
  });
});
