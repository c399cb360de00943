import { FormValidator, OnlineForm } from './form-validator';

/** Tờ khai đăng ký khai sinh, trimmed: the keywords the catalogue's schemas use. */
const form: OnlineForm = {
  procedureCode: '1.001193',
  caseId: 'mac-dinh',
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'urn:dvc:1.001193:mac-dinh',
    type: 'object',
    required: ['hoTen', 'ngaySinh', 'gioiTinh'],
    additionalProperties: false,
    properties: {
      hoTen: { type: 'string', title: 'Họ, chữ đệm, tên', minLength: 1, maxLength: 10 },
      ngaySinh: {
        type: 'string',
        title: 'Ngày, tháng, năm sinh',
        format: 'date',
        notAfterToday: true,
      },
      gioiTinh: { type: 'string', title: 'Giới tính', enum: ['Nam', 'Nữ'] },
      soDinhDanh: { type: 'string', title: 'Số định danh cá nhân', pattern: '^[0-9]{12}$' },
      soDienThoai: { type: 'string', title: 'Điện thoại', pattern: '^0[0-9]{9}$' },
      // A pattern no one described keeps the general message.
      soMau: { type: 'string', title: 'Số mẫu', pattern: '^[0-9]+$' },
      email: { type: 'string', format: 'email' },
      soCon: { type: 'integer', title: 'Số con', minimum: 0, maximum: 20 },
      ghiChu: { type: 'string', minLength: 5 },
      diaChi: {
        type: 'object',
        required: ['tinh'],
        properties: { tinh: { type: 'string', title: 'Tỉnh/thành phố' } },
      },
    },
  },
};

describe('FormValidator (ajv 2020, Vietnamese messages)', () => {
  const validator = new FormValidator();

  it('accepts a partial draft but still reports wrong values, field by field', () => {
    expect(validator.check(form, {}, 'draft')).toEqual([]);
    expect(validator.check(form, { hoTen: 'An' }, 'draft')).toEqual([]);
    expect(validator.check(form, { ngaySinh: '31/01/2026' }, 'draft')).toEqual([
      {
        field: '/ngaySinh',
        message:
          'Ngày, tháng, năm sinh: ngày không hợp lệ, nhập theo dạng ngày/tháng/năm (ví dụ 31/01/2026)',
      },
    ]);
    expect(validator.check(form, { diaChi: {} }, 'draft')).toEqual([]);
  });

  it('requires everything required when final, nested ones included', () => {
    expect(validator.check(form, { diaChi: {} }, 'final')).toEqual([
      { field: '/hoTen', message: 'Họ, chữ đệm, tên: không được để trống' },
      { field: '/ngaySinh', message: 'Ngày, tháng, năm sinh: không được để trống' },
      { field: '/gioiTinh', message: 'Giới tính: không được để trống' },
      { field: '/diaChi/tinh', message: 'Tỉnh/thành phố: không được để trống' },
    ]);
    expect(
      validator.check(form, { hoTen: 'An', ngaySinh: '2026-01-31', gioiTinh: 'Nữ' }, 'final'),
    ).toEqual([]);
  });

  it.each([
    [{ hoTen: 42 }, '/hoTen', 'Họ, chữ đệm, tên: phải là chuỗi ký tự'],
    [{ hoTen: '' }, '/hoTen', 'Họ, chữ đệm, tên: không được để trống'],
    [{ hoTen: 'Nguyễn Văn An' }, '/hoTen', 'Họ, chữ đệm, tên: không được dài quá 10 ký tự'],
    [{ ghiChu: 'abc' }, '/ghiChu', 'Phải có ít nhất 5 ký tự'],
    [{ soDinhDanh: '0123' }, '/soDinhDanh', 'Số định danh cá nhân: phải gồm 12 chữ số'],
    [
      { soDienThoai: '912345678' },
      '/soDienThoai',
      'Điện thoại: phải gồm 10 chữ số, bắt đầu bằng 0',
    ],
    [
      { ngaySinh: '2030-02-31' },
      '/ngaySinh',
      'Ngày, tháng, năm sinh: ngày này không có trên lịch (kiểm tra lại ngày và tháng)',
    ],
    [
      { ngaySinh: '2099-01-01' },
      '/ngaySinh',
      'Ngày, tháng, năm sinh: không được là ngày trong tương lai',
    ],
    [{ soMau: 'A' }, '/soMau', 'Số mẫu: không đúng định dạng yêu cầu'],
    [
      { email: 'khong-phai-email' },
      '/email',
      'Địa chỉ thư điện tử không hợp lệ, nhập theo dạng ten@mien.vn',
    ],
    [{ soCon: -1 }, '/soCon', 'Số con: phải lớn hơn hoặc bằng 0'],
    [{ soCon: 21 }, '/soCon', 'Số con: phải nhỏ hơn hoặc bằng 20'],
    [{ soCon: 1.5 }, '/soCon', 'Số con: phải là số nguyên'],
    [{ gioiTinh: 'Khác' }, '/gioiTinh', 'Giới tính: phải là một trong các giá trị: Nam, Nữ'],
    [{ thuaDat: 'x' }, '/thuaDat', 'Không có trong biểu mẫu'],
  ])('%j → %s "%s"', (data, field, message) => {
    expect(validator.check(form, data, 'draft')).toEqual([{ field, message }]);
  });

  it('lists every error at once', () => {
    const errors = validator.check(form, { hoTen: 1, ngaySinh: 'x', soCon: 99 }, 'final');
    expect(errors.map((e) => e.field)).toEqual(['/gioiTinh', '/hoTen', '/ngaySinh', '/soCon']);
  });

  it('refuses form data for a procedure without an online form', () => {
    const none: OnlineForm = { procedureCode: '1.000001', caseId: 'a', schema: null };
    expect(validator.check(none, {}, 'final')).toEqual([]);
    expect(validator.check(none, { a: 1 }, 'draft')).toHaveLength(1);
  });

  it('compiles a changed schema of the same case again', () => {
    const changed: OnlineForm = {
      ...form,
      schema: { type: 'object', properties: { hoTen: { type: 'number' } } },
    };
    expect(validator.check(changed, { hoTen: 1 }, 'final')).toEqual([]);
    expect(validator.check(form, { hoTen: 1 }, 'draft')).toHaveLength(1);
  });
});
