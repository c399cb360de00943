import { bellEmail } from './notification-email';

/** The fee is paid: the receipt is ready. */
export const paymentSucceeded = bellEmail<'payment.succeeded'>({
  subject: {
    vi: (d) => `Thanh toán thành công cho hồ sơ ${d.data.dossierCode}`,
    en: (d) => `Payment received for dossier ${d.data.dossierCode}`,
  },
  more: {
    vi: () => [
      'Hồ sơ của Ông/Bà được tiếp tục giải quyết. Ông/Bà có thể tải biên lai điện tử trong chi tiết giao dịch.',
    ],
    en: () => ['Your dossier goes on. You can download the e-receipt from the transaction page.'],
  },
  action: { vi: 'Xem giao dịch', en: 'View the transaction' },
});
