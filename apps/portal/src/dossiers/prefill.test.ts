import { describe, expect, it } from 'vitest';
import type { ProfileView } from '../api/views';
import { prefilledForm } from './prefill';

const profile = {
  fullName: 'Trần Thị Công Dân',
  idNumber: '001199004567',
  phone: '0912345678',
  email: 'cong-dan@example.vn',
  birthDate: null,
} as ProfileView;

const field = { type: 'string' };

describe('prefilledForm', () => {
  it("fills the filer's name, ID number, phone and email from the account", () => {
    const schema = {
      properties: {
        hoTen: field,
        soDinhDanh: field,
        soDienThoai: field,
        email: field,
        ngaySinh: field,
      },
    };
    expect(prefilledForm(schema, {}, profile)).toEqual({
      hoTen: 'Trần Thị Công Dân',
      soDinhDanh: '001199004567',
      soDienThoai: '0912345678',
      email: 'cong-dan@example.vn',
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
    const schema = { properties: { soDinhDanh: field, ngaySinh: field, soDienThoai: field } };
    expect(prefilledForm(schema, {}, profile)).toEqual({ soDienThoai: '0912345678' });
  });
});
