import type { ProfileView } from '../api/views';

type FormData = Record<string, unknown>;

/**
 * What the account already knows, put into a new online form so the citizen does not type
 * it again (and can still change it). Contact fields are always the filer's; the identity
 * fields only when the form is about the filer (it asks for `hoTen` at its top level; a
 * birth or death registration names someone else in other fields).
 */
const CONTACT: Record<string, (p: ProfileView) => string | null> = {
  soDienThoai: (p) => p.phone,
  email: (p) => p.email,
};
const IDENTITY: Record<string, (p: ProfileView) => string | null> = {
  hoTen: (p) => p.fullName,
  soDinhDanh: (p) => p.idNumber,
  ngaySinh: (p) => p.birthDate,
};

export function prefilledForm(
  schema: Record<string, unknown>,
  data: FormData,
  profile: ProfileView,
): FormData {
  const properties = (schema.properties ?? {}) as Record<string, { type?: unknown }>;
  const aboutFiler = 'hoTen' in properties;
  const sources = { ...CONTACT, ...(aboutFiler ? IDENTITY : {}) };
  const out = { ...data };
  for (const [name, source] of Object.entries(sources)) {
    const value = source(profile);
    if (properties[name]?.type === 'string' && out[name] === undefined && value) out[name] = value;
  }
  return out;
}
