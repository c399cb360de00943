import { bellEmail } from './notification-email';

/** The payment was not completed in time (docs/design.md §7: 90 minutes by default). */
export const paymentExpired = bellEmail<'payment.expired'>({
  subject: {
    vi: (d) => `Giao dịch thanh toán hồ sơ ${d.data.dossierCode} đã hết hạn`,
    en: (d) => `Payment for dossier ${d.data.dossierCode} expired`,
  },
  more: {
    vi: () => [
      'Giao dịch chưa được hoàn tất trong thời gian cho phép. Hồ sơ chỉ được tiếp tục giải quyết sau khi thanh toán thành công.',
    ],
    en: () => [
      'The payment was not completed in time. The dossier goes on only once the fee is paid.',
    ],
  },
  action: { vi: 'Thanh toán lại', en: 'Pay again' },
});
