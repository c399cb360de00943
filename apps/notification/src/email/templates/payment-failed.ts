import { bellEmail } from './notification-email';

/** The payment did not go through (refused, cancelled): the fee is still due. */
export const paymentFailed = bellEmail<'payment.failed'>({
  subject: {
    vi: (d) => `Thanh toán không thành công cho hồ sơ ${d.data.dossierCode}`,
    en: (d) => `Payment failed for dossier ${d.data.dossierCode}`,
  },
  more: {
    vi: () => [
      'Không có khoản tiền nào bị trừ cho giao dịch này. Hồ sơ chỉ được tiếp tục giải quyết sau khi thanh toán thành công.',
    ],
    en: () => [
      'Nothing was charged for this payment. The dossier goes on only once the fee is paid.',
    ],
  },
  action: { vi: 'Thanh toán lại', en: 'Pay again' },
});
