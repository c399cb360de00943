import { attachmentDisposition } from './content-disposition';

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('Tờ khai đăng ký (mẫu 1).docx')).toBe(
      `attachment; filename="To khai dang ky (mau 1).docx"; filename*=UTF-8''T%E1%BB%9D%20khai%20%C4%91%C4%83ng%20k%C3%BD%20%28m%E1%BA%ABu%201%29.docx`,
    );
  });

  it('never lets a quote or a backslash out of the quoted name', () => {
    expect(attachmentDisposition('a"b\\c%.pdf')).toMatch(/^attachment; filename="a_b_c_\.pdf"; /);
  });
});
