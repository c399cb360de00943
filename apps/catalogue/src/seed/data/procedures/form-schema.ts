import { FIELD_PATTERNS, NOT_AFTER_TODAY } from '@dvc/forms';

/**
 * Builders of the online forms' JSON Schemas (draft 2020-12, ajv strict mode: only standard
 * keywords plus title/description and the forms' own `notAfterToday`), shared by every
 * field's procedures. Patterns come from @dvc/forms, which also words their messages.
 */
export type Prop = Record<string, unknown>;

export const text = (title: string, maxLength: number, extra: Prop = {}): Prop => ({
  type: 'string',
  title,
  maxLength,
  ...extra,
});
export const longText = (title: string, maxLength = 1000): Prop => ({
  type: 'string',
  title,
  maxLength,
});
export const date = (title: string): Prop => ({
  type: 'string',
  title,
  format: 'date',
  maxLength: 10,
});
/** A day already come: a birth, a death, an issue date (no "31/12/2030" for a birth date). */
export const pastDate = (title: string): Prop => ({ ...date(title), [NOT_AFTER_TODAY]: true });
export const time = (title: string): Prop => ({
  type: 'string',
  title,
  pattern: FIELD_PATTERNS.time.pattern,
  maxLength: 5,
});
export const choice = (title: string, values: string[]): Prop => ({
  type: 'string',
  title,
  enum: values,
  maxLength: Math.max(...values.map((v) => v.length)),
});
export const int = (title: string, minimum: number, maximum: number): Prop => ({
  type: 'integer',
  title,
  minimum,
  maximum,
});
export const num = (title: string, minimum: number, maximum: number): Prop => ({
  type: 'number',
  title,
  minimum,
  maximum,
});
export const bool = (title: string): Prop => ({ type: 'boolean', title });

export const GENDERS = ['Nam', 'Nữ'];
export const gender = (title = 'Giới tính'): Prop => choice(title, GENDERS);

/** Số định danh cá nhân: the 12 digits of the citizen's identification number. */
export const idNumber = (title = 'Số định danh cá nhân'): Prop =>
  text(title, 12, { pattern: FIELD_PATTERNS.idNumber.pattern });
export const phone = (title = 'Số điện thoại liên hệ'): Prop =>
  text(title, 10, { pattern: FIELD_PATTERNS.phone.pattern });
export const email = (title = 'Thư điện tử'): Prop => text(title, 254, { format: 'email' });
export const taxCode = (title = 'Mã số thuế / mã số doanh nghiệp'): Prop =>
  text(title, 14, { pattern: FIELD_PATTERNS.taxCode.pattern });

/** The form of one case: every property named in `required` must exist. */
export function schema<P extends Record<string, Prop>>(
  title: string,
  properties: P,
  required: (keyof P & string)[],
): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    title,
    required,
    properties,
    additionalProperties: false,
  };
}
