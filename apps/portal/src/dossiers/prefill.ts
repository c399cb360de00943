import type { ProfileView } from '../api/views';

type FormData = Record<string, unknown>;
type Source = (p: ProfileView) => string | null;

/**
 * What the account already knows, put into a new online form so the citizen does not type
 * it again (and can still change it). Contact fields are always the filer's; the identity
 * fields only when the form is about the filer (it asks for `hoTen` at its top level; a
 * birth or death registration names someone else in other fields). A form that names the
 * filer as the requester (`hoTenNguoiYeuCau`) gets the name and the ID number only: its
 * birth date and address fields are about the person in the record.
 */
const CONTACT: Record<string, Source> = {
  soDienThoai: (p) => p.phone,
  email: (p) => p.email,
};
const IDENTITY: Record<string, Source> = {
  hoTen: (p) => p.fullName,
  soDinhDanh: (p) => p.idNumber,
  ngaySinh: (p) => p.birthDate,
  // Nơi cư trú / địa chỉ thường trú / địa chỉ liên hệ of the filer.
  noiCuTru: (p) => p.address,
  diaChiThuongTru: (p) => p.address,
  diaChiLienHe: (p) => p.address,
};
const REQUESTER: Record<string, Source> = {
  hoTenNguoiYeuCau: (p) => p.fullName,
  soDinhDanh: (p) => p.idNumber,
};

interface StringField {
  type?: unknown;
  maxLength?: unknown;
}

function sourcesFor(properties: Record<string, StringField>): Record<string, Source> {
  if ('hoTen' in properties) return { ...CONTACT, ...IDENTITY };
  if ('hoTenNguoiYeuCau' in properties) return { ...CONTACT, ...REQUESTER };
  return CONTACT;
}

export function prefilledForm(
  schema: Record<string, unknown>,
  data: FormData,
  profile: ProfileView,
): FormData {
  const properties = (schema.properties ?? {}) as Record<string, StringField>;
  const out = { ...data };
  for (const [name, source] of Object.entries(sourcesFor(properties))) {
    const value = source(profile);
    const field = properties[name];
    if (field?.type !== 'string' || out[name] !== undefined || !value) continue;
    // A value the field would refuse is left for the citizen to type.
    if (typeof field.maxLength === 'number' && value.length > field.maxLength) continue;
    out[name] = value;
  }
  return out;
}
