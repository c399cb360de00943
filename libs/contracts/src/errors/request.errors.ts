import type { ErrorCatalogue } from './error-entry';

/** Errors of any request, whatever the domain: validation, limits, the hops between apps. */
export const RequestErrors = {
  validation: {
    code: 'request.validation',
    status: 400,
    vi: 'Dữ liệu gửi lên không hợp lệ.',
    en: 'The request data is not valid.',
  },
  validationFailed: {
    code: 'validation.failed',
    status: 400,
    vi: 'Dữ liệu gửi lên không hợp lệ.',
    en: 'The request data is not valid.',
  },
  invalidParameters: {
    code: 'request.invalid',
    status: 400,
    vi: 'Tham số không hợp lệ.',
    en: 'The parameters are not valid.',
  },
  notMultipart: {
    code: 'request.not_multipart',
    status: 415,
    vi: 'Tệp phải được gửi dưới dạng multipart/form-data với trường "file".',
    en: 'Send the file as multipart/form-data in the "file" field.',
  },
  unexpectedFile: {
    code: 'request.unexpected_file',
    status: 400,
    vi: 'Chỉ gửi một tệp, trong trường "file".',
    en: 'Send one file only, in the "file" field.',
  },
  idempotencyKeyInvalid: {
    code: 'idempotency.key_invalid',
    status: 400,
    vi: 'Idempotency-Key phải gồm 8–128 ký tự chữ, số, "-", "_", ".", ":".',
    en: 'Idempotency-Key must be 8–128 letters, digits, "-", "_", ".", ":".',
  },
  idempotencyKeyReused: {
    code: 'idempotency.key_reused',
    status: 409,
    vi: 'Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác.',
    en: 'This Idempotency-Key was already used for another request.',
  },
  rateLimited: {
    code: 'rate_limit.exceeded',
    status: 429,
    vi: 'Bạn đã gửi quá nhiều yêu cầu, vui lòng thử lại sau.',
    en: 'Too many requests, please try again later.',
  },
  rpcTimeout: {
    code: 'rpc.timeout',
    status: 504,
    vi: 'Dịch vụ {service} không phản hồi kịp, vui lòng thử lại.',
    en: 'The {service} service did not answer in time, please try again.',
  },
  rpcUnavailable: {
    code: 'rpc.unavailable',
    status: 503,
    vi: 'Không kết nối được tới dịch vụ {service}, vui lòng thử lại sau.',
    en: 'The {service} service cannot be reached, please try again later.',
  },
  upstreamBadAnswer: {
    code: 'upstream.bad_answer',
    status: 502,
    vi: 'Dịch vụ {service} trả lời không hợp lệ, vui lòng thử lại sau.',
    en: 'The {service} service gave an invalid answer, please try again later.',
  },
  upstreamTimeout: {
    code: 'upstream.timeout',
    status: 504,
    vi: 'Dịch vụ {service} không phản hồi kịp, vui lòng thử lại.',
    en: 'The {service} service did not answer in time, please try again.',
  },
  upstreamUnavailable: {
    code: 'upstream.unavailable',
    status: 503,
    vi: 'Không kết nối được tới dịch vụ {service}, vui lòng thử lại sau.',
    en: 'The {service} service cannot be reached, please try again later.',
  },
  internal: {
    code: 'internal',
    status: 500,
    vi: 'Đã có lỗi xảy ra, vui lòng thử lại sau.',
    en: 'Something went wrong, please try again later.',
  },
} as const satisfies ErrorCatalogue;
