import { plainZip, sampleDocx, sampleXlsx, zipOf } from '../../test/sample-files';
import { centralDirectoryNames, officeKindOf } from './zip-directory';

/** A range reader over bytes in memory that records what it was asked for. */
function reader(bytes: Buffer) {
  const reads: { offset: number; length: number }[] = [];
  const read = async (offset: number, length: number) => {
    reads.push({ offset, length });
    return bytes.subarray(offset, offset + length);
  };
  return { read, reads };
}

describe('officeKindOf: DOCX and XLSX told from any other ZIP by the central directory', () => {
  it('recognises a DOCX written by the docx package', async () => {
    const docx = await sampleDocx();
    expect(await officeKindOf(docx.length, reader(docx).read)).toBe('docx');
  });

  it('recognises an XLSX', async () => {
    const xlsx = sampleXlsx();
    expect(await officeKindOf(xlsx.length, reader(xlsx).read)).toBe('xlsx');
  });

  it('refuses a plain ZIP (no [Content_Types].xml, no word/ or xl/)', async () => {
    const zip = plainZip();
    expect(await officeKindOf(zip.length, reader(zip).read)).toBeNull();
  });

  it('refuses a ZIP that only names a word/ folder without being a package', async () => {
    const zip = zipOf([{ name: 'word/evil.exe', data: 'MZ' }]);
    expect(await officeKindOf(zip.length, reader(zip).read)).toBeNull();
  });

  it('refuses a macro-enabled document', async () => {
    const zip = zipOf([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<w:document/>' },
      { name: 'word/vbaProject.bin', data: 'macro' },
    ]);
    expect(await officeKindOf(zip.length, reader(zip).read)).toBeNull();
  });

  it('refuses a truncated ZIP and one with bytes after its end record', async () => {
    const docx = await sampleDocx();
    const cut = docx.subarray(0, docx.length - 10);
    expect(await centralDirectoryNames(cut.length, reader(cut).read)).toBeNull();
    const padded = Buffer.concat([docx, Buffer.from('trailing')]);
    expect(await centralDirectoryNames(padded.length, reader(padded).read)).toBeNull();
  });

  it('reads only the tail of a large file and its directory, never the whole', async () => {
    const filler = Buffer.alloc(300_000, 1);
    const zip = zipOf([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/media/image1.png', data: filler },
      { name: 'word/document.xml', data: '<w:document/>' },
    ]);
    const { read, reads } = reader(zip);
    expect(await officeKindOf(zip.length, read)).toBe('docx');
    const readBytes = reads.reduce((n, r) => n + r.length, 0);
    expect(readBytes).toBeLessThan(70_000);
  });
});
