import { formatVnd } from '../../notifications/notification-texts';
import { bellEmail } from './notification-email';

/** A fee to pay before the dossier goes on (docs/design.md §7). */
export const paymentRequired = bellEmail<'payment.required'>({
  subject: {
    vi: (d) =>
      `Thanh toán phí, lệ phí hồ sơ ${d.data.dossierCode}: ${formatVnd(d.data.amount, 'vi')}`,
    en: (d) => `Fee to pay for dossier ${d.data.dossierCode}: ${formatVnd(d.data.amount, 'en')}`,
  },
  more: {
    vi: () => [
      'Vào Trang cá nhân → Giao dịch, chọn phương thức thanh toán, xác nhận cam kết và bấm "Tiếp tục thanh toán". Hồ sơ được tiếp tục giải quyết ngay khi thanh toán thành công.',
    ],
    en: () => [
      'Go to My page → Transactions, choose a payment method, confirm and press "Continue to payment". The dossier goes on as soon as the payment succeeds.',
    ],
  },
  action: { vi: 'Thanh toán trực tuyến', en: 'Pay online' },
});
