/**
 * One entry of the error catalogue: the stable code clients rely on, the HTTP status it is
 * answered with, and what a person reads in each language. Messages may name parameters in
 * braces (`{code}`); the throw site supplies them. Plain data, so any client can use it.
 */
export interface ErrorEntry {
  readonly code: string;
  readonly status: number;
  readonly vi: string;
  readonly en: string;
}

/** The languages a problem is answered in; Vietnamese is the default. */
export type ProblemLanguage = 'vi' | 'en';

/** A domain's catalogue: entries by name. Declare with `as const satisfies ErrorCatalogue`. */
export type ErrorCatalogue = Readonly<Record<string, ErrorEntry>>;

type PlaceholdersOf<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholdersOf<Rest>
  : never;

type PlaceholdersOfEntry<E extends ErrorEntry> = PlaceholdersOf<E['vi']> | PlaceholdersOf<E['en']>;

/** The parameters an entry's messages name, e.g. `{ code: string }` for "…mã {code}." */
export type ErrorParams<E extends ErrorEntry> = Record<PlaceholdersOfEntry<E>, string | number>;

/** Whether an entry's messages name parameters the throw site must supply. */
export type NeedsParams<E extends ErrorEntry> = [PlaceholdersOfEntry<E>] extends [never]
  ? false
  : true;

/** The message of an entry in one language with its parameters filled in. */
export function renderMessage(
  entry: ErrorEntry,
  language: ProblemLanguage,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return entry[language].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The parameter names a message uses, sorted (the catalogue test compares vi with en). */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

/** The title of a problem: what its status means, in the reader's language. */
const TITLES: Readonly<Record<number, { vi: string; en: string }>> = {
  400: { vi: 'Yêu cầu không hợp lệ', en: 'Bad request' },
  401: { vi: 'Chưa xác thực', en: 'Not authenticated' },
  403: { vi: 'Không có quyền', en: 'Forbidden' },
  404: { vi: 'Không tìm thấy', en: 'Not found' },
  405: { vi: 'Phương thức không được hỗ trợ', en: 'Method not allowed' },
  406: { vi: 'Không đáp ứng được định dạng yêu cầu', en: 'Not acceptable' },
  408: { vi: 'Hết thời gian gửi yêu cầu', en: 'Request timeout' },
  409: { vi: 'Xung đột trạng thái', en: 'Conflict' },
  413: { vi: 'Dữ liệu gửi lên quá lớn', en: 'Payload too large' },
  415: { vi: 'Kiểu dữ liệu không được hỗ trợ', en: 'Unsupported media type' },
  422: { vi: 'Dữ liệu không hợp lệ', en: 'Unprocessable content' },
  423: { vi: 'Tài khoản đang bị khoá', en: 'Account locked' },
  429: { vi: 'Quá nhiều yêu cầu', en: 'Too many requests' },
  500: { vi: 'Lỗi hệ thống', en: 'Internal error' },
  502: { vi: 'Lỗi từ dịch vụ phía sau', en: 'Bad gateway' },
  503: { vi: 'Dịch vụ tạm thời không khả dụng', en: 'Service unavailable' },
  504: { vi: 'Hết thời gian chờ', en: 'Gateway timeout' },
};

export function problemTitle(status: number, language: ProblemLanguage): string {
  return (TITLES[status] ?? TITLES[status >= 500 ? 500 : 400])[language];
}
