import { sanitizeFileName } from './file-name';

describe('sanitizeFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\System32\\cmd.exe', 'cmd.exe'],
    ['/var/www/../../secret.pdf', 'secret.pdf'],
    ['..', 'tep-tin'],
    ['', 'tep-tin'],
    ['   ', 'tep-tin'],
    ['a\u0000b\u0007c\u007F.pdf', 'abc.pdf'],
    ['line\r\nbreak.pdf', 'line break.pdf'],
    ['report\u202Efdp.exe', 'reportfdp.exe'], // right-to-left override spoofing "exe.pdf"
    ['zero\u200Bwidth.png', 'zerowidth.png'],
    ['bad<>:"|?*name.docx', 'badname.docx'],
    ['  .hidden.pdf. ', 'hidden.pdf'],
    ['CON.pdf', '_CON.pdf'],
    ['Giấy khai sinh – bản sao.pdf', 'Giấy khai sinh – bản sao.pdf'],
    ['Đơn   xin\tcấp phép.docx', 'Đơn xin cấp phép.docx'],
  ])('%j → %j', (raw, expected) => {
    expect(sanitizeFileName(raw)).toBe(expected);
  });

  it('keeps Vietnamese letters in NFC whatever form they came in', () => {
    const decomposed = 'Tờ khai.pdf'.normalize('NFD');
    expect(sanitizeFileName(decomposed)).toBe('Tờ khai.pdf'.normalize('NFC'));
  });

  it('cuts long names to 200 characters and keeps the extension', () => {
    const name = sanitizeFileName(`${'Đ'.repeat(300)}.pdf`);
    expect(Array.from(name)).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('never cuts inside a surrogate pair', () => {
    const name = sanitizeFileName('😀'.repeat(250));
    expect(Array.from(name)).toHaveLength(200);
    expect(name).toBe('😀'.repeat(200));
  });
});
