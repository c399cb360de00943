import type { ErrorObject } from 'ajv';
import type { FieldError } from '@dvc/contracts';
import { NOT_AFTER_TODAY, hasDateShape, patternRule } from './form-rules';

/** The languages the portal speaks; Vietnamese is the default. */
export type FormLanguage = 'vi' | 'en';

/**
 * Ajv errors as the citizen reads them: the JSON pointer of the field and a message in the
 * person's language, prefixed with the field's title when the schema gives one. Each message
 * says what is expected, not only that something is wrong.
 */
type Params = Record<string, unknown>;

interface Wording {
  types: Record<string, string>;
  formats: Record<string, string>;
  required: string;
  type: (types: string[]) => string;
  unknownFormat: (format: string) => string;
  notADate: string;
  impossibleDate: string;
  futureDate: string;
  pattern: string;
  maxLength: (limit: string) => string;
  minLength: (limit: string) => string;
  minimum: (limit: string) => string;
  exclusiveMinimum: (limit: string) => string;
  maximum: (limit: string) => string;
  exclusiveMaximum: (limit: string) => string;
  enum: (values: string) => string;
  const: (value: string) => string;
  additionalProperties: string;
  minItems: (limit: string) => string;
  maxItems: (limit: string) => string;
  uniqueItems: string;
  multipleOf: (step: string) => string;
  invalid: string;
}

const WORDING: Record<FormLanguage, Wording> = {
  vi: {
    types: {
      string: 'chuỗi ký tự',
      number: 'số',
      integer: 'số nguyên',
      boolean: 'giá trị đúng/sai',
      object: 'nhóm thông tin',
      array: 'danh sách',
      null: 'rỗng',
    },
    formats: {
      'date-time': 'thời điểm không hợp lệ, nhập theo dạng YYYY-MM-DDTHH:mm:ss',
      time: 'giờ không hợp lệ, nhập theo dạng HH:mm:ss',
      email: 'địa chỉ thư điện tử không hợp lệ, nhập theo dạng ten@mien.vn',
      uri: 'địa chỉ trang web không hợp lệ, nhập theo dạng https://…',
      uuid: 'mã định danh không hợp lệ',
    },
    required: 'không được để trống',
    type: (types) => `phải là ${types.join(' hoặc ')}`,
    unknownFormat: (format) => `không đúng định dạng ${format}`,
    notADate: 'ngày không hợp lệ, nhập theo dạng ngày/tháng/năm (ví dụ 31/01/2026)',
    impossibleDate: 'ngày này không có trên lịch (kiểm tra lại ngày và tháng)',
    futureDate: 'không được là ngày trong tương lai',
    pattern: 'không đúng định dạng yêu cầu',
    maxLength: (limit) => `không được dài quá ${limit} ký tự`,
    minLength: (limit) => `phải có ít nhất ${limit} ký tự`,
    minimum: (limit) => `phải lớn hơn hoặc bằng ${limit}`,
    exclusiveMinimum: (limit) => `phải lớn hơn ${limit}`,
    maximum: (limit) => `phải nhỏ hơn hoặc bằng ${limit}`,
    exclusiveMaximum: (limit) => `phải nhỏ hơn ${limit}`,
    enum: (values) => `phải là một trong các giá trị: ${values}`,
    const: (value) => `phải là ${value}`,
    additionalProperties: 'không có trong biểu mẫu',
    minItems: (limit) => `phải có ít nhất ${limit} mục`,
    maxItems: (limit) => `không được quá ${limit} mục`,
    uniqueItems: 'không được có mục trùng nhau',
    multipleOf: (step) => `phải là bội số của ${step}`,
    invalid: 'giá trị không hợp lệ',
  },
  en: {
    types: {
      string: 'text',
      number: 'a number',
      integer: 'a whole number',
      boolean: 'yes or no',
      object: 'a group of answers',
      array: 'a list',
      null: 'empty',
    },
    formats: {
      'date-time': 'is not a valid time, enter it as YYYY-MM-DDTHH:mm:ss',
      time: 'is not a valid time of day, enter it as HH:mm:ss',
      email: 'is not a valid email address, enter it as name@domain.vn',
      uri: 'is not a valid web address, enter it as https://…',
      uuid: 'is not a valid identifier',
    },
    required: 'is required',
    type: (types) => `must be ${types.join(' or ')}`,
    unknownFormat: (format) => `must be in the ${format} format`,
    notADate: 'is not a valid date, enter it as day/month/year (e.g. 31/01/2026)',
    impossibleDate: 'is not a day of the calendar (check the day and the month)',
    futureDate: 'cannot be a date in the future',
    pattern: 'is not in the expected format',
    maxLength: (limit) => `must be at most ${limit} characters`,
    minLength: (limit) => `must be at least ${limit} characters`,
    minimum: (limit) => `must be ${limit} or more`,
    exclusiveMinimum: (limit) => `must be more than ${limit}`,
    maximum: (limit) => `must be ${limit} or less`,
    exclusiveMaximum: (limit) => `must be less than ${limit}`,
    enum: (values) => `must be one of: ${values}`,
    const: (value) => `must be ${value}`,
    additionalProperties: 'is not part of the form',
    minItems: (limit) => `must have at least ${limit} items`,
    maxItems: (limit) => `must have at most ${limit} items`,
    uniqueItems: 'must not repeat an item',
    multipleOf: (step) => `must be a multiple of ${step}`,
    invalid: 'is not valid',
  },
};

function textOf(error: ErrorObject, w: Wording, language: FormLanguage): string {
  const p = error.params as Params;
  switch (error.keyword) {
    case 'required':
      return w.required;
    case 'type':
      return w.type(
        String(p.type)
          .split(',')
          .map((t) => w.types[t] ?? t),
      );
    case 'format': {
      const format = String(p.format);
      if (format === 'date') {
        // Needs ajv's `verbose` (the data): a real-looking date that is not on the calendar.
        return typeof error.data === 'string' && hasDateShape(error.data)
          ? w.impossibleDate
          : w.notADate;
      }
      return w.formats[format] ?? w.unknownFormat(format);
    }
    case NOT_AFTER_TODAY:
      return w.futureDate;
    case 'pattern':
      return patternRule(String(p.pattern))?.[language] ?? w.pattern;
    case 'maxLength':
      return w.maxLength(String(p.limit));
    case 'minLength':
      return p.limit === 1 ? w.required : w.minLength(String(p.limit));
    case 'minimum':
      return w.minimum(String(p.limit));
    case 'exclusiveMinimum':
      return w.exclusiveMinimum(String(p.limit));
    case 'maximum':
      return w.maximum(String(p.limit));
    case 'exclusiveMaximum':
      return w.exclusiveMaximum(String(p.limit));
    case 'enum':
      return w.enum((p.allowedValues as unknown[]).map(String).join(', '));
    case 'const':
      return w.const(String(p.allowedValue));
    case 'additionalProperties':
      return w.additionalProperties;
    case 'minItems':
      return w.minItems(String(p.limit));
    case 'maxItems':
      return w.maxItems(String(p.limit));
    case 'uniqueItems':
      return w.uniqueItems;
    case 'multipleOf':
      return w.multipleOf(String(p.multipleOf));
    default:
      return w.invalid;
  }
}

/** The pointer of the field the error is about (the missing or extra one for those keywords). */
function fieldOf(error: ErrorObject): string {
  const p = error.params as Params;
  if (error.keyword === 'required')
    return `${error.instancePath}/${escapePointer(String(p.missingProperty))}`;
  if (error.keyword === 'additionalProperties') {
    return `${error.instancePath}/${escapePointer(String(p.additionalProperty))}`;
  }
  return error.instancePath;
}

/** The title of the field in the schema (needs ajv's `verbose` for parentSchema). */
function titleOf(error: ErrorObject): string | null {
  const p = error.params as Params;
  const parent = error.parentSchema as
    { title?: unknown; properties?: Record<string, { title?: unknown }> } | undefined;
  const title =
    error.keyword === 'required'
      ? parent?.properties?.[String(p.missingProperty)]?.title
      : error.keyword === 'additionalProperties'
        ? undefined
        : parent?.title;
  return typeof title === 'string' && title !== '' ? title : null;
}

/** One ajv error as a field error, worded in `language` (Vietnamese unless told). */
export function fieldErrorOf(error: ErrorObject, language: FormLanguage = 'vi'): FieldError {
  const text = textOf(error, WORDING[language], language);
  const title = titleOf(error);
  const message = title ? `${title}: ${text}` : text.charAt(0).toUpperCase() + text.slice(1);
  return { field: fieldOf(error), message };
}

/** A text field longer than `limit`, worded like the online forms' own message. */
export function tooLongMessage(title: string, limit: number, language: FormLanguage): string {
  return `${title}: ${WORDING[language].maxLength(String(limit))}`;
}

/** `fieldErrorOf` in one language, for `errors.map(...)` (map's index must not be the language). */
export const fieldErrorsIn =
  (language: FormLanguage) =>
  (error: ErrorObject): FieldError =>
    fieldErrorOf(error, language);

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
