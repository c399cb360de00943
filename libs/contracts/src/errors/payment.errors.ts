import type { ErrorCatalogue } from './error-entry';

/** Payments (Giao dịch) and their receipts. */
export const PaymentErrors = {
  notFound: {
    code: 'payment.not_found',
    status: 404,
    vi: 'Không tìm thấy giao dịch.',
    en: 'Payment not found.',
  },
  commitmentRequired: {
    code: 'payment.commitment_required',
    status: 400,
    vi: 'Vui lòng xác nhận cam kết thông tin kê khai là đúng sự thật trước khi thanh toán.',
    en: 'Please confirm that the declared information is true before paying.',
  },
  unknownMethod: {
    code: 'payment.unknown_method',
    status: 400,
    vi: 'Phương thức thanh toán không hợp lệ.',
    en: 'Unknown payment method.',
  },
  alreadyPaid: {
    code: 'payment.already_paid',
    status: 409,
    vi: 'Giao dịch này đã được thanh toán.',
    en: 'This payment has already been paid.',
  },
  expired: {
    code: 'payment.expired',
    status: 409,
    vi: 'Giao dịch đã quá thời hạn thanh toán; một giao dịch mới được tạo để bạn thanh toán lại.',
    en: 'The payment has expired; a new one was created for you to pay again.',
  },
  notPayable: {
    code: 'payment.not_payable',
    status: 409,
    vi: 'Giao dịch này đã kết thúc, không thể thanh toán.',
    en: 'This payment is closed and cannot be paid.',
  },
  illegalTransition: {
    code: 'payment.illegal_transition',
    status: 409,
    vi: 'Giao dịch đang ở trạng thái {from}, không thể chuyển sang {to}.',
    en: 'The payment is {from} and cannot become {to}.',
  },
  providerUnavailable: {
    code: 'payment.provider_unavailable',
    status: 503,
    vi: 'Cổng thanh toán đang khởi động, vui lòng thử lại sau ít phút.',
    en: 'The payment provider is starting, please try again in a few minutes.',
  },
  receiptOwnerRequired: {
    code: 'receipt.owner_required',
    status: 400,
    vi: 'Thiếu chủ giao dịch.',
    en: 'The owner of the payment is missing.',
  },
  receiptNotFound: {
    code: 'receipt.not_found',
    status: 404,
    vi: 'Không tìm thấy biên lai: giao dịch không tồn tại hoặc chưa thanh toán thành công.',
    en: 'No receipt: the payment does not exist or has not succeeded.',
  },
} as const satisfies ErrorCatalogue;
