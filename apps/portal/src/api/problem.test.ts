import { describe, expect, it } from 'vitest';
import {
  antdFieldErrors,
  componentErrors,
  fieldPath,
  formErrorTree,
  problemFromBody,
} from './problem';

describe('API problems → the fields they name', () => {
  it('reads the three spellings of a field', () => {
    expect(fieldPath('/soDinhDanh')).toEqual(['soDinhDanh']);
    expect(fieldPath('/nguoiKhai/diaChi/0')).toEqual(['nguoiKhai', 'diaChi', 0]);
    expect(fieldPath('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
    expect(fieldPath('deliveryAddress.phone')).toEqual(['deliveryAddress', 'phone']);
    expect(fieldPath('components/ban-sao-gplx')).toEqual(['components', 'ban-sao-gplx']);
    expect(fieldPath('email')).toEqual(['email']);
  });

  it('puts form-data errors (JSON pointers) on the rjsf fields, several per field', () => {
    const tree = formErrorTree([
      { field: '/soDinhDanh', message: 'Số định danh cá nhân: không đúng định dạng yêu cầu' },
      { field: '/ngaySinh', message: 'Ngày, tháng, năm sinh: ngày không hợp lệ' },
      { field: '/nguoiKhai/hoTen', message: 'Họ tên: không được để trống' },
      { field: '/soDinhDanh', message: 'Số định danh cá nhân: không được dài quá 12 ký tự' },
      { field: '', message: 'Thủ tục này không có tờ khai trực tuyến' },
      { field: 'components/ban-sao-gplx', message: 'Chưa đính kèm thành phần hồ sơ' },
      { field: 'deliveryAddress', message: 'Nhận kết quả qua bưu chính cần địa chỉ nhận' },
    ]);
    expect(tree).toEqual({
      __errors: ['Thủ tục này không có tờ khai trực tuyến'],
      soDinhDanh: {
        __errors: [
          'Số định danh cá nhân: không đúng định dạng yêu cầu',
          'Số định danh cá nhân: không được dài quá 12 ký tự',
        ],
      },
      ngaySinh: { __errors: ['Ngày, tháng, năm sinh: ngày không hợp lệ'] },
      nguoiKhai: { hoTen: { __errors: ['Họ tên: không được để trống'] } },
    });
  });

  it('collects missing components by id', () => {
    expect(
      componentErrors([
        { field: 'components/de-nghi-doi-gplx', message: 'Chưa đính kèm: Đơn đề nghị' },
        { field: 'components/ban-sao-gplx', message: 'Chưa đính kèm: Bản sao' },
        { field: '/hoTen', message: 'x' },
      ]),
    ).toEqual({
      'de-nghi-doi-gplx': ['Chưa đính kèm: Đơn đề nghị'],
      'ban-sao-gplx': ['Chưa đính kèm: Bản sao'],
    });
  });

  it('splits errors between Ant Design form fields and the rest', () => {
    const { fields, other } = antdFieldErrors(
      [
        { field: 'email', message: 'Email không hợp lệ' },
        { field: 'deliveryAddress.phone', message: 'Số điện thoại không hợp lệ' },
        { field: 'captchaAnswer', message: 'Sai mã xác nhận' },
        { field: 'somethingElse', message: '?' },
      ],
      ['email', 'deliveryAddress', 'captchaAnswer'],
    );
    expect(fields).toEqual([
      { name: ['email'], errors: ['Email không hợp lệ'] },
      { name: ['deliveryAddress', 'phone'], errors: ['Số điện thoại không hợp lệ'] },
      { name: ['captchaAnswer'], errors: ['Sai mã xác nhận'] },
    ]);
    expect(other).toEqual([{ field: 'somethingElse', message: '?' }]);
  });

  it('reads a problem document, and survives a body that is not one', () => {
    const problem = problemFromBody(
      422,
      JSON.stringify({
        type: 'about:blank',
        title: 'Dữ liệu không hợp lệ',
        status: 422,
        code: 'dossier.form_invalid',
        detail: 'Tờ khai chưa đúng.',
        errors: [{ field: '/hoTen', message: 'Họ tên: không được để trống' }, { bad: true }],
      }),
    );
    expect(problem.status).toBe(422);
    expect(problem.code).toBe('dossier.form_invalid');
    expect(problem.message).toBe('Tờ khai chưa đúng.');
    expect(problem.errors).toEqual([{ field: '/hoTen', message: 'Họ tên: không được để trống' }]);

    const html = problemFromBody(502, '<html>Bad gateway</html>');
    expect(html.status).toBe(502);
    expect(html.code).toBe('http.502');
    expect(html.errors).toEqual([]);
  });
});

describe('a problem in the language of the portal', () => {
  const vi = JSON.stringify({
    status: 422,
    code: 'dossier.form_invalid',
    title: 'Dữ liệu không hợp lệ',
    detail: 'Tờ khai có thông tin chưa hợp lệ.',
  });

  it('words a known code from the error catalogue, whatever language the server used', () => {
    expect(problemFromBody(422, vi).detailIn('en')).toBe('Some answers in the form are not valid.');
    expect(problemFromBody(422, vi).detailIn('vi')).toBe('Tờ khai có thông tin chưa hợp lệ.');
  });

  it('fills in the values the problem carries, and keeps the server words when one is missing', () => {
    const tooLarge = (params?: object) =>
      problemFromBody(
        413,
        JSON.stringify({
          status: 413,
          code: 'dossier.quota_exceeded',
          title: 'Dữ liệu gửi lên quá lớn',
          detail: 'Lời của máy chủ.',
          ...(params ? { params } : {}),
        }),
      );
    expect(tooLarge({ maxMb: 50 }).detailIn('en')).toContain('50 MB');
    expect(tooLarge().detailIn('en')).toBe('Lời của máy chủ.');
  });

  it("falls back to the server's detail for a code the portal does not know", () => {
    const unknown = JSON.stringify({ status: 400, code: 'x.new', title: 'T', detail: 'Mới.' });
    expect(problemFromBody(400, unknown).detailIn('en')).toBe('Mới.');
  });
});
