import type { ErrorObject } from 'ajv';
import type { FieldError } from '@dvc/contracts';

/**
 * Ajv errors as the citizen reads them: the JSON pointer of the field and a Vietnamese
 * message, prefixed with the field's title when the schema gives one.
 */
const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  integer: 'số nguyên',
  boolean: 'giá trị đúng/sai',
  object: 'nhóm thông tin',
  array: 'danh sách',
  null: 'rỗng',
};

const FORMAT_MESSAGES: Record<string, string> = {
  date: 'ngày không hợp lệ, nhập theo dạng YYYY-MM-DD (ví dụ 2026-01-31)',
  'date-time': 'thời điểm không hợp lệ, nhập theo dạng YYYY-MM-DDTHH:mm:ss',
  time: 'giờ không hợp lệ, nhập theo dạng HH:mm:ss',
  email: 'địa chỉ thư điện tử không hợp lệ',
  uri: 'địa chỉ trang web không hợp lệ',
  uuid: 'mã định danh không hợp lệ',
};

type Params = Record<string, unknown>;

function textOf(error: ErrorObject): string {
  const p = error.params as Params;
  switch (error.keyword) {
    case 'required':
      return 'không được để trống';
    case 'type': {
      const types = String(p.type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t);
      return `phải là ${types.join(' hoặc ')}`;
    }
    case 'format':
      return FORMAT_MESSAGES[String(p.format)] ?? `không đúng định dạng ${String(p.format)}`;
    case 'pattern':
      return 'không đúng định dạng yêu cầu';
    case 'maxLength':
      return `không được dài quá ${String(p.limit)} ký tự`;
    case 'minLength':
      return p.limit === 1 ? 'không được để trống' : `phải có ít nhất ${String(p.limit)} ký tự`;
    case 'minimum':
      return `phải lớn hơn hoặc bằng ${String(p.limit)}`;
    case 'exclusiveMinimum':
      return `phải lớn hơn ${String(p.limit)}`;
    case 'maximum':
      return `phải nhỏ hơn hoặc bằng ${String(p.limit)}`;
    case 'exclusiveMaximum':
      return `phải nhỏ hơn ${String(p.limit)}`;
    case 'enum':
      return `phải là một trong các giá trị: ${(p.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'const':
      return `phải là ${String(p.allowedValue)}`;
    case 'additionalProperties':
      return 'không có trong biểu mẫu';
    case 'minItems':
      return `phải có ít nhất ${String(p.limit)} mục`;
    case 'maxItems':
      return `không được quá ${String(p.limit)} mục`;
    case 'uniqueItems':
      return 'không được có mục trùng nhau';
    case 'multipleOf':
      return `phải là bội số của ${String(p.multipleOf)}`;
    default:
      return 'giá trị không hợp lệ';
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

export function fieldErrorOf(error: ErrorObject): FieldError {
  const text = textOf(error);
  const title = titleOf(error);
  const message = title ? `${title}: ${text}` : text.charAt(0).toUpperCase() + text.slice(1);
  return { field: fieldOf(error), message };
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
