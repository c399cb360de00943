import { describe, expect, it } from 'vitest';
import type { ProfileView } from '../api/views';
import { prefilledForm } from './prefill';

const profile = {
  fullName: 'Trần Thị Công Dân',
  idNumber: '001199004567',
  phone: '0912345678',
  email: 'cong-dan@example.vn',
  birthDate: null,
  address: 'Số 1 Hoàng Hoa Thám, phường Ba Đình, Hà Nội',
} as ProfileView;

const field = { type: 'string' };

describe('prefilledForm', () => {
  it("fills the filer's name, ID number, address, phone and email from the account", () => {
    const schema = {
      properties: {
        hoTen: field,
        soDinhDanh: field,
        noiCuTru: { type: 'string', maxLength: 255 },
        soDienThoai: field,
        email: field,
        ngaySinh: field,
      },
    };
    expect(prefilledForm(schema, {}, profile)).toEqual({
      hoTen: 'Trần Thị Công Dân',
      soDinhDanh: '001199004567',
      noiCuTru: 'Số 1 Hoàng Hoa Thám, phường Ba Đình, Hà Nội',
      soDienThoai: '0912345678',
      email: 'cong-dan@example.vn',
    });
  });

  it('puts the address in a permanent or contact address field too, unless it is too long for it', () => {
    expect(
      prefilledForm({ properties: { hoTen: field, diaChiThuongTru: field } }, {}, profile),
    ).toMatchObject({ diaChiThuongTru: 'Số 1 Hoàng Hoa Thám, phường Ba Đình, Hà Nội' });
    expect(
      prefilledForm({ properties: { hoTen: field, diaChiLienHe: field } }, {}, profile),
    ).toMatchObject({ diaChiLienHe: 'Số 1 Hoàng Hoa Thám, phường Ba Đình, Hà Nội' });
    const short = { properties: { hoTen: field, noiCuTru: { type: 'string', maxLength: 20 } } };
    expect(prefilledForm(short, {}, profile)).toEqual({ hoTen: 'Trần Thị Công Dân' });
  });

  it('leaves the address out when the account has none', () => {
    const schema = { properties: { hoTen: field, noiCuTru: field } };
    expect(prefilledForm(schema, {}, { ...profile, address: null })).toEqual({
      hoTen: 'Trần Thị Công Dân',
    });
  });

  it('keeps what the citizen already typed', () => {
    const schema = { properties: { hoTen: field, soDienThoai: field } };
    expect(prefilledForm(schema, { soDienThoai: '0987654321' }, profile)).toEqual({
      hoTen: 'Trần Thị Công Dân',
      soDienThoai: '0987654321',
    });
  });

  it("leaves the identity of someone else's form alone (a birth registration), contacts only", () => {
    const schema = {
      properties: {
        soDinhDanh: field,
        ngaySinh: field,
        diaChiThuongTru: field,
        soDienThoai: field,
      },
    };
    expect(prefilledForm(schema, {}, profile)).toEqual({ soDienThoai: '0912345678' });
  });

  it('names the filer as the requester, not as the person in the record (no birth date, no address)', () => {
    const schema = {
      properties: { hoTenNguoiYeuCau: field, soDinhDanh: field, ngaySinh: field, noiCuTru: field },
    };
    expect(prefilledForm(schema, {}, { ...profile, birthDate: '1990-05-20' })).toEqual({
      hoTenNguoiYeuCau: 'Trần Thị Công Dân',
      soDinhDanh: '001199004567',
    });
  });
});
