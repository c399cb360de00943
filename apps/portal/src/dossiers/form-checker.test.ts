import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { addFormKeywords, fieldErrorsIn } from '@dvc/forms';
import { checkForm, type SchemaNode } from './form-checker';
import onlineForms from './fixtures/online-forms.json';

/** The dossier service's validator: ajv 2020, all errors, verbose, with formats. */
const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
addFormKeywords(addFormats(ajv));
const compiled = new Map<string, ValidateFunction>();

function serverErrors(schema: SchemaNode, data: unknown, mode: 'draft' | 'final') {
  const { $id: _id, ...rest } = schema;
  const key = `${mode}:${JSON.stringify(rest)}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(mode === 'draft' ? withoutRequired(rest) : rest);
    compiled.set(key, validate);
  }
  validate(data);
  return sorted((validate.errors ?? []).map(fieldErrorsIn('vi')));
}

function portalErrors(schema: SchemaNode, data: unknown, mode: 'draft' | 'final') {
  return sorted(checkForm(schema, data, mode).map(fieldErrorsIn('vi')));
}

const sorted = (errors: { field: string; message: string }[]) =>
  errors.map((e) => `${e.field} → ${e.message}`).sort();

function withoutRequired(node: SchemaNode): SchemaNode {
  return JSON.parse(JSON.stringify(node), (key, value: unknown) =>
    key === 'required' && Array.isArray(value) ? undefined : value,
  ) as SchemaNode;
}

/** Values a citizen might type or a buggy client might send, right and wrong. */
const CANDIDATES: unknown[] = [
  '',
  ' ',
  'Nguyễn Văn Bình',
  '001090012345',
  '12ab',
  '0912345678',
  '091234567',
  '1990-05-20',
  '2024-02-29',
  '2025-02-29',
  '2030-02-31',
  '2099-01-01',
  '20/05/1990',
  'nguyen.binh@example.vn',
  'not-an-email',
  '08:30',
  '25:00',
  'x'.repeat(300),
  '😀'.repeat(5),
  0,
  1,
  3.5,
  -1,
  10_000_000,
  true,
  null,
  ['a'],
  { a: 1 },
];

/** The online forms of the demo catalogue, as `GET /procedures/:code` serves them. */
const schemas = onlineForms as { name: string; schema: SchemaNode }[];

describe('the browser form check agrees with the dossier service', () => {
  it('has the catalogue forms to compare', () => {
    expect(schemas.length).toBeGreaterThan(20);
  });

  it.each(schemas)('$name: every field, right and wrong values, draft and final', ({ schema }) => {
    const properties = Object.entries(schema.properties as Record<string, SchemaNode>);
    for (const mode of ['draft', 'final'] as const) {
      expect(portalErrors(schema, {}, mode)).toEqual(serverErrors(schema, {}, mode));
      expect(portalErrors(schema, { khongCo: 'x' }, mode)).toEqual(
        serverErrors(schema, { khongCo: 'x' }, mode),
      );
      for (const [name, property] of properties) {
        const values = [...CANDIDATES, ...((property.enum as unknown[] | undefined) ?? [])];
        for (const value of values) {
          const data = { [name]: value };
          expect({ name, value, errors: portalErrors(schema, data, mode) }).toEqual({
            name,
            value,
            errors: serverErrors(schema, data, mode),
          });
        }
      }
    }
  });

  it('words errors like the server: the field title, then what is wrong', () => {
    const schema = schemas.find((s) => s.name === '3.000347/mac-dinh')!.schema;
    expect(portalErrors(schema, { soDinhDanh: '12ab', ngaySinh: '20/05/1990' }, 'draft')).toEqual([
      '/ngaySinh → Ngày, tháng, năm sinh: ngày không hợp lệ, nhập theo dạng ngày/tháng/năm (ví dụ 31/01/2026)',
      '/soDinhDanh → Số định danh cá nhân: phải gồm 12 chữ số',
    ]);
    expect(portalErrors(schema, {}, 'final')).toContain(
      '/hoTen → Họ, chữ đệm và tên: không được để trống',
    );
  });

  it('says an impossible date and a birth date to come apart from an empty field', () => {
    const schema = schemas.find((s) => s.name === '3.000347/mac-dinh')!.schema;
    expect(portalErrors(schema, { ngaySinh: '2030-02-31', soDienThoai: '12345' }, 'draft')).toEqual(
      [
        '/ngaySinh → Ngày, tháng, năm sinh: ngày này không có trên lịch (kiểm tra lại ngày và tháng)',
        '/soDienThoai → Số điện thoại: phải gồm 10 chữ số, bắt đầu bằng 0',
      ],
    );
    expect(portalErrors(schema, { ngaySinh: '2099-01-01' }, 'draft')).toEqual([
      '/ngaySinh → Ngày, tháng, năm sinh: không được là ngày trong tương lai',
    ]);
    // An expiry date may well be in the future.
    expect(portalErrors(schema, { ngayHetHan: '2099-01-01' }, 'draft')).toEqual([]);
  });

  it('words the same errors in English for the English portal', () => {
    const schema = schemas.find((s) => s.name === '3.000347/mac-dinh')!.schema;
    const english = checkForm(schema, { ngaySinh: '2099-01-01', soDienThoai: '12345' }, 'final')
      .map(fieldErrorsIn('en'))
      .map((e) => `${e.field} → ${e.message}`);
    expect(english).toContain('/hoTen → Họ, chữ đệm và tên: is required');
    expect(english).toContain('/ngaySinh → Ngày, tháng, năm sinh: cannot be a date in the future');
    expect(english).toContain('/soDienThoai → Số điện thoại: must be 10 digits starting with 0');
  });
});
