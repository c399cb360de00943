import { inflateRawSync } from 'node:zlib';
import type { FormSeed } from '../seed/seed.types';
import { FormTemplateGenerator } from './form-template.generator';

/** Reads one entry of a ZIP archive (DOCX) through its central directory. */
function zipEntry(zip: Buffer, name: string): Buffer {
  for (
    let at = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])), i = zip.readUInt32LE(at + 16);
    ;
  ) {
    if (zip.readUInt32LE(i) !== 0x02014b50) throw new Error(`${name} not in the archive`);
    const [method, size, nameLength] = [
      zip.readUInt16LE(i + 10),
      zip.readUInt32LE(i + 20),
      zip.readUInt16LE(i + 28),
    ];
    const next = i + 46 + nameLength + zip.readUInt16LE(i + 30) + zip.readUInt16LE(i + 32);
    if (zip.toString('utf8', i + 46, i + 46 + nameLength) === name) {
      const local = zip.readUInt32LE(i + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 8 ? inflateRawSync(data) : data;
    }
    i = next;
  }
}

const form: FormSeed = {
  id: 'to-khai-khai-sinh',
  name: 'Tờ khai đăng ký khai sinh',
  format: 'docx',
  reference: 'Mẫu kèm Thông tư 04/2020/TT-BTP',
  fields: ['Họ, chữ đệm, tên người được khai sinh', 'Nơi sinh'],
};

describe('FormTemplateGenerator', () => {
  const generator = new FormTemplateGenerator();

  it('writes a DOCX with the title, the reference and one dotted line per blank, in Vietnamese', async () => {
    const file = await generator.generate(form);
    expect(file.content.subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
    expect(file).toMatchObject({
      formId: form.id,
      format: 'docx',
      fileName: 'Tờ khai đăng ký khai sinh.docx',
    });
    expect(file.size).toBe(file.content.length);
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    const xml = zipEntry(file.content, 'word/document.xml').toString('utf8');
    expect(xml).toContain('TỜ KHAI ĐĂNG KÝ KHAI SINH');
    expect(xml).toContain('Mẫu kèm Thông tư 04/2020/TT-BTP');
    expect(xml).toContain('Họ, chữ đệm, tên người được khai sinh: ');
    expect(xml).toContain('w:leader="dot"');
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });

  it('writes a PDF with DejaVu Sans embedded, so the diacritics render', async () => {
    const file = await generator.generate({
      ...form,
      id: 'don',
      format: 'pdf',
      name: 'Đơn đề nghị / cấp lại',
    });
    expect(file.content.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(file.content.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(file.fileName).toBe('Đơn đề nghị cấp lại.pdf');
  });
});
