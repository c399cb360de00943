import { Document, Packer, Paragraph } from 'docx';
import { crc32 } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { EICAR } from '../src/scanning/signature-list.scanner';

/** Real small files of every allowed kind, and the usual impostors, for the tests. */

export async function samplePdf(
  text = 'Giấy khai sinh — bản sao',
  extra?: Buffer,
): Promise<Buffer> {
  const doc = new PDFDocument({ compress: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.text(text.normalize('NFD').replace(/\p{M}/gu, '')); // standard fonts: no diacritics
  doc.end();
  await done;
  const pdf = Buffer.concat(chunks);
  // An embedded payload after %%EOF, as a malicious PDF would carry one.
  return extra ? Buffer.concat([pdf, extra, Buffer.from('\n%%EOF\n')]) : pdf;
}

export function eicarPdf(): Promise<Buffer> {
  return samplePdf('Don xin cap phep', EICAR);
}

/** A 1×1 PNG. */
export const samplePng = (): Buffer =>
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
    'base64',
  );

/** The start of a JPEG (SOI + APP0 JFIF), enough for the sniffer. */
export const sampleJpeg = (): Buffer =>
  Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0', 'latin1'),
    Buffer.alloc(64, 0x20),
    Buffer.from([0xff, 0xd9]),
  ]);

export async function sampleDocx(text = 'Đơn đề nghị cấp giấy phép'): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: [new Paragraph(text)] }] });
  return Packer.toBuffer(doc);
}

/** A workbook-shaped OOXML package (what Excel writes, minus the cells). */
export const sampleXlsx = (): Buffer =>
  zipOf([
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types/>' },
    { name: '_rels/.rels', data: '<?xml version="1.0"?><Relationships/>' },
    { name: 'xl/workbook.xml', data: '<?xml version="1.0"?><workbook/>' },
    { name: 'xl/worksheets/sheet1.xml', data: '<?xml version="1.0"?><worksheet/>' },
  ]);

/** An ordinary archive: starts like a DOCX, is not one. */
export const plainZip = (): Buffer =>
  zipOf([
    { name: 'readme.txt', data: 'xin chao' },
    { name: 'setup.exe', data: Buffer.from('MZ\x90\0', 'latin1') },
  ]);

/** A Windows executable, whatever its name says. */
export const windowsExe = (): Buffer =>
  Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(120, 0)]);

export const signedXml = (): Buffer =>
  Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?>\n<HoSo><NoiDung>Tờ khai</NoiDung>' +
      '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo/>' +
      '<ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature></HoSo>',
    'utf8',
  );

export const unsignedXml = (): Buffer =>
  Buffer.from('<?xml version="1.0"?><HoSo><SignatureValue>x</SignatureValue></HoSo>', 'utf8');

/** A ZIP with stored (uncompressed) entries, written by hand. */
export function zipOf(entries: { name: string; data: string | Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
