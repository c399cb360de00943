import { describe, expect, it } from 'vitest';
import { checkFile } from './file-check';
import { fileNameOf } from './transfer';

const bytes = (...parts: (string | number[])[]) =>
  new Blob(parts.map((p) => (typeof p === 'string' ? p : new Uint8Array(p))));

describe('files checked before upload', () => {
  it('accepts what document-storage accepts, by the first bytes', async () => {
    expect(await checkFile(bytes('%PDF-1.4\n...'))).toEqual({ ok: true, kind: 'pdf' });
    expect(await checkFile(bytes([0xff, 0xd8, 0xff, 0xe0, 1, 2]))).toEqual({
      ok: true,
      kind: 'jpeg',
    });
    expect(await checkFile(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toEqual({
      ok: true,
      kind: 'png',
    });
    expect(await checkFile(bytes([0x50, 0x4b, 0x03, 0x04, 0]))).toEqual({
      ok: true,
      kind: 'office',
    });
    expect(await checkFile(bytes('\uFEFF<?xml version="1.0"?><a/>'))).toEqual({
      ok: true,
      kind: 'xml',
    });
  });

  it('refuses an executable named .pdf, an empty file and one over the cap', async () => {
    expect(await checkFile(bytes('MZ\x90\x00binary'))).toEqual({ ok: false, reason: 'type' });
    expect(await checkFile(bytes(''))).toEqual({ ok: false, reason: 'empty' });
    expect(await checkFile(bytes('%PDF-', 'x'.repeat(2000)), 1000)).toEqual({
      ok: false,
      reason: 'too-large',
    });
  });

  it('names a download after Content-Disposition, UTF-8 names included', () => {
    expect(
      fileNameOf(
        `attachment; filename="ket-qua.pdf"; filename*=UTF-8''k%E1%BA%BFt%20qu%E1%BA%A3.pdf`,
        'x',
      ),
    ).toBe('kết quả.pdf');
    expect(fileNameOf('attachment; filename="bien-nhan.pdf"', 'x')).toBe('bien-nhan.pdf');
    expect(fileNameOf(null, 'tep-tin')).toBe('tep-tin');
  });
});
