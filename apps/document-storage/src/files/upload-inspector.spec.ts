import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import {
  eicarPdf,
  plainZip,
  sampleDocx,
  sampleJpeg,
  samplePdf,
  sampleXlsx,
  samplePng,
  signedXml,
  unsignedXml,
  windowsExe,
} from '../../test/sample-files';
import { FileEmptyError, FileTooLargeError, FileTypeNotAllowedError } from './file.errors';
import { sniffKind } from './file-type';
import { InspectedUpload, UploadInspector } from './upload-inspector';

/** Streams `bytes` (in chunks of `chunkSize`) through an inspector; answers what came out. */
async function inspect(
  bytes: Buffer,
  { maxBytes = 10 * 1024 * 1024, chunkSize = 7 } = {},
): Promise<{ result: InspectedUpload; forwarded: Buffer }> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const inspector = new UploadInspector(maxBytes);
  const out: Buffer[] = [];
  await pipeline(
    Readable.from(chunks),
    inspector,
    new Writable({
      write(chunk: Buffer, _e, cb) {
        out.push(chunk);
        cb();
      },
    }),
  );
  return { result: inspector.result, forwarded: Buffer.concat(out) };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('UploadInspector: type from the bytes, never from the name', () => {
  it.each([
    ['PDF', samplePdf, 'pdf'],
    ['PNG', async () => samplePng(), 'png'],
    ['JPEG', async () => sampleJpeg(), 'jpeg'],
    ['DOCX (a ZIP told apart by its directory)', sampleDocx, 'docx'],
    ['XLSX', async () => sampleXlsx(), 'xlsx'],
    ['signed XML', async () => signedXml(), 'signed-xml'],
  ])('lets a %s through unchanged, with its size and SHA-256', async (_label, make, kind) => {
    const bytes = await make();
    const { result, forwarded } = await inspect(bytes);
    expect(result).toEqual({ kind, size: bytes.length, sha256: sha256(bytes) });
    expect(forwarded.equals(bytes)).toBe(true);
  });

  it('refuses an executable renamed .pdf before forwarding a byte', async () => {
    const inspector = new UploadInspector(1024 * 1024);
    const forwarded: Buffer[] = [];
    inspector.on('data', (c: Buffer) => forwarded.push(c));
    const failure = new Promise((resolve) => inspector.on('error', resolve));
    inspector.write(windowsExe());
    expect(await failure).toBeInstanceOf(FileTypeNotAllowedError);
    expect(forwarded).toHaveLength(0);
  });

  it.each([
    ['text', Buffer.from('just some text, no magic here')],
    ['HTML', Buffer.from('<!doctype html><script>alert(1)</script>')],
    ['a PDF signature not at the start', Buffer.from('xx%PDF-1.7')],
    ['a 3-byte file', Buffer.from('%PD')],
  ])('refuses %s (415)', async (_label, bytes) => {
    await expect(inspect(bytes)).rejects.toBeInstanceOf(FileTypeNotAllowedError);
  });

  it('refuses XML without a signature element (SignatureValue alone is not one)', async () => {
    await expect(inspect(unsignedXml())).rejects.toBeInstanceOf(FileTypeNotAllowedError);
  });

  it('finds the signature element of a signed XML split across tiny chunks', async () => {
    const { result } = await inspect(signedXml(), { chunkSize: 3 });
    expect(result.kind).toBe('signed-xml');
  });

  it('refuses a plain ZIP (415) by its central directory, read from the end it kept', async () => {
    await expect(inspect(plainZip())).rejects.toBeInstanceOf(FileTypeNotAllowedError);
    await expect(inspect(plainZip(), { chunkSize: 5 })).rejects.toBeInstanceOf(
      FileTypeNotAllowedError,
    );
  });

  it('tells a DOCX whose directory arrives in many tiny chunks', async () => {
    const docx = await sampleDocx();
    const { result } = await inspect(docx, { chunkSize: 3 });
    expect(result.kind).toBe('docx');
  });

  it('refuses an empty body (400)', async () => {
    await expect(inspect(Buffer.alloc(0))).rejects.toBeInstanceOf(FileEmptyError);
  });

  it('passes a file of exactly the cap and refuses one byte more, without forwarding past the cap', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1000 - 9, 0x20)]);
    await expect(inspect(pdf, { maxBytes: 1000, chunkSize: 64 })).resolves.toMatchObject({
      result: { size: 1000 },
    });

    const inspector = new UploadInspector(1000);
    let forwarded = 0;
    inspector.on('data', (c: Buffer) => (forwarded += c.length));
    const failure = new Promise((resolve) => inspector.on('error', resolve));
    const bigger = Buffer.concat([pdf, Buffer.from('!')]);
    for (let i = 0; i < bigger.length; i += 64) inspector.write(bigger.subarray(i, i + 64));
    const error = await failure;
    expect(error).toBeInstanceOf(FileTooLargeError);
    expect((error as FileTooLargeError).toProblem()).toMatchObject({
      status: 413,
      code: 'file.too_large',
    });
    expect(forwarded).toBeLessThanOrEqual(1000);
  });

  it('EICAR in a PDF is still a PDF for the sniffer: the scanner is what rejects it', async () => {
    const { result } = await inspect(await eicarPdf());
    expect(result.kind).toBe('pdf');
  });
});

describe('sniffKind', () => {
  it('accepts a UTF-8 byte-order mark before <?xml only', () => {
    expect(sniffKind(Buffer.from('\ufeff<?xml version="1.0"?>', 'utf8'))).toBe('xml');
    expect(
      sniffKind(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('%PDF-1.4')])),
    ).toBeNull();
  });
});
