import type { DeliveryMethod, Locale } from '@dvc/contracts';
import type {
  DossierFacts,
  Facts,
  FailedPaymentFacts,
  NotificationDataByType,
  NotificationType,
  PaymentFacts,
} from './notification-types';

export interface NotificationText {
  title: string;
  body: string;
}

type Localized<T> = Record<Locale, (facts: T) => NotificationText>;

/** Instants are shown in Vietnam's time zone, whatever the server's. */
const VIETNAM_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function vietnamTime(iso: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    VIETNAM_TIME.formatToParts(new Date(iso)).map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.day}/${parts.month}/${parts.year}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** `17:00 ngày 05/12/2026` / `05/12/2026 at 17:00 (Vietnam time)`. */
export function formatDueAt(iso: string, locale: Locale): string {
  const { date, time } = vietnamTime(iso);
  return locale === 'vi' ? `${time} ngày ${date}` : `${date} at ${time} (Vietnam time)`;
}

/** `1.250.000 đồng` / `VND 1,250,000`. */
export function formatVnd(amount: number, locale: Locale): string {
  const digits = String(Math.trunc(amount)).replace(
    /\B(?=(\d{3})+(?!\d))/g,
    locale === 'vi' ? '.' : ',',
  );
  return locale === 'vi' ? `${digits} đồng` : `VND ${digits}`;
}

const dossierVi = (d: DossierFacts) => `Hồ sơ ${d.code} (${d.procedureName})`;
const dossierEn = (d: DossierFacts) => `Your dossier ${d.code} (${d.procedureName})`;

const dueVi = (dueAt: string | null) =>
  dueAt ? ` Ngày hẹn trả kết quả: ${formatDueAt(dueAt, 'vi')}.` : '';
const dueEn = (dueAt: string | null) =>
  dueAt ? ` Expected result: ${formatDueAt(dueAt, 'en')}.` : '';

const reasonVi = (reason: string | null) => (reason ? ` Lý do: ${reason}` : '');
const reasonEn = (reason: string | null) => (reason ? ` Reason: ${reason}` : '');
/** Officers write reasons as they like; the sentence ends with one full stop. */
const sentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

const RESULT_READY: Record<DeliveryMethod, Record<Locale, string>> = {
  online: {
    vi: 'Ông/Bà có thể tải kết quả trực tuyến trên Cổng Dịch vụ công.',
    en: 'You can download it online on the portal.',
  },
  post: {
    vi: 'Kết quả sẽ được gửi qua dịch vụ bưu chính đến địa chỉ Ông/Bà đã đăng ký.',
    en: 'It will be sent by post to the address you gave.',
  },
  desk: {
    vi: 'Ông/Bà vui lòng đến Bộ phận Tiếp nhận và Trả kết quả để nhận kết quả.',
    en: "Please collect it at the agency's reception and result desk.",
  },
};

const paymentVi = (p: PaymentFacts) => `${formatVnd(p.amount, 'vi')} cho hồ sơ ${p.dossierCode}`;
const paymentEn = (p: PaymentFacts) => `${formatVnd(p.amount, 'en')} for dossier ${p.dossierCode}`;

const PAYMENT_FAILED: Record<
  FailedPaymentFacts['status'],
  Record<Locale, (p: PaymentFacts) => NotificationText>
> = {
  failed: {
    vi: (p) => ({
      title: 'Thanh toán không thành công',
      body: `Giao dịch thanh toán ${paymentVi(p)} không thành công. Ông/Bà có thể thanh toán lại tại mục Giao dịch.`,
    }),
    en: (p) => ({
      title: 'Payment failed',
      body: `The payment of ${paymentEn(p)} did not go through. You can try again under Transactions.`,
    }),
  },
  cancelled: {
    vi: (p) => ({
      title: 'Giao dịch thanh toán đã bị hủy',
      body: `Giao dịch thanh toán ${paymentVi(p)} đã bị hủy. Ông/Bà có thể thanh toán lại tại mục Giao dịch.`,
    }),
    en: (p) => ({
      title: 'Payment cancelled',
      body: `The payment of ${paymentEn(p)} was cancelled. You can pay again under Transactions.`,
    }),
  },
  error: {
    vi: (p) => ({
      title: 'Giao dịch thanh toán đang được kiểm tra',
      body: `Giao dịch thanh toán ${paymentVi(p)} có sai lệch với thông tin từ ngân hàng và đang được kiểm tra. Nếu tài khoản của Ông/Bà đã bị trừ tiền, khoản tiền sẽ được hoàn lại.`,
    }),
    en: (p) => ({
      title: 'Payment under review',
      body: `The payment of ${paymentEn(p)} does not match what the bank reported and is being reviewed. If you were charged, the money will be refunded.`,
    }),
  },
};

/**
 * The words of every bell notification, Vietnamese first, English second. One place: the
 * bell, the SMS and the email headline all read from here.
 */
export const NOTIFICATION_TEXTS: { [T in NotificationType]: Localized<NotificationDataByType[T]> } =
  {
    'dossier.submitted': {
      vi: (d) => ({
        title: 'Nộp hồ sơ thành công',
        body: `${dossierVi(d)} đã được nộp thành công và đang chờ cơ quan có thẩm quyền tiếp nhận.`,
      }),
      en: (d) => ({
        title: 'Dossier submitted',
        body: `${dossierEn(d)} was submitted and is waiting to be received by the agency.`,
      }),
    },
    'dossier.received': {
      vi: (d) => ({
        title: 'Hồ sơ đã được tiếp nhận',
        body: `${dossierVi(d)} đã được tiếp nhận.${dueVi(d.dueAt)}`,
      }),
      en: (d) => ({
        title: 'Dossier received',
        body: `${dossierEn(d)} was received by the agency.${dueEn(d.dueAt)}`,
      }),
    },
    'dossier.processing': {
      vi: (d) => ({
        title: 'Hồ sơ đang được giải quyết',
        body: `${dossierVi(d)} đang được giải quyết.${dueVi(d.dueAt)}`,
      }),
      en: (d) => ({
        title: 'Dossier in progress',
        body: `${dossierEn(d)} is being processed.${dueEn(d.dueAt)}`,
      }),
    },
    'dossier.supplement_requested': {
      vi: (d) => ({
        title: 'Yêu cầu bổ sung hồ sơ',
        body:
          `${dossierVi(d)} cần bổ sung: ${d.missing.length > 0 ? d.missing.join('; ') : 'xem ghi chú của cán bộ'}.` +
          (d.note ? ` Ghi chú: ${sentence(d.note)}` : '') +
          ' Thời hạn giải quyết tạm dừng cho đến khi Ông/Bà bổ sung.',
      }),
      en: (d) => ({
        title: 'Additional documents requested',
        body:
          `${dossierEn(d)} needs: ${d.missing.length > 0 ? d.missing.join('; ') : "see the officer's note"}.` +
          (d.note ? ` Note: ${sentence(d.note)}` : '') +
          ' The processing time is paused until you add them.',
      }),
    },
    'dossier.supplemented': {
      vi: (d) => ({
        title: 'Đã nhận hồ sơ bổ sung',
        body: `${dossierVi(d)} đã được bổ sung và tiếp tục được giải quyết.${dueVi(d.dueAt)}`,
      }),
      en: (d) => ({
        title: 'Additional documents received',
        body: `${dossierEn(d)} was completed and its processing goes on.${dueEn(d.dueAt)}`,
      }),
    },
    'dossier.refused': {
      vi: (d) => ({
        title: 'Hồ sơ bị từ chối',
        body: sentence(`${dossierVi(d)} đã bị từ chối giải quyết.${reasonVi(d.reason)}`),
      }),
      en: (d) => ({
        title: 'Dossier refused',
        body: sentence(`${dossierEn(d)} was refused.${reasonEn(d.reason)}`),
      }),
    },
    'dossier.withdrawal_requested': {
      vi: (d) => ({
        title: 'Đã gửi yêu cầu rút hồ sơ',
        body: `Yêu cầu rút hồ sơ ${d.code} (${d.procedureName}) đã được gửi tới cơ quan giải quyết.`,
      }),
      en: (d) => ({
        title: 'Withdrawal requested',
        body: `Your request to withdraw dossier ${d.code} (${d.procedureName}) was sent to the agency.`,
      }),
    },
    'dossier.apologized': {
      vi: (d) => ({
        title: 'Xin lỗi vì hồ sơ trễ hẹn',
        body: sentence(
          `${dossierVi(d)} chưa có kết quả đúng hẹn. Lý do: ${d.reason}. Ngày hẹn trả mới: ` +
            `${formatDueAt(d.newDueAt, 'vi')}. Phiếu xin lỗi có ký số (mã xác thực ${d.verificationCode}) ở trang hồ sơ`,
        ),
      }),
      en: (d) => ({
        title: 'Sorry: your dossier is late',
        body: sentence(
          `${dossierEn(d)} was not settled by its due date. Reason: ${d.reason}. New date: ` +
            `${formatDueAt(d.newDueAt, 'en')}. The signed apology letter (code ${d.verificationCode}) is on the dossier page`,
        ),
      }),
    },
    'dossier.stopped': {
      vi: (d) => ({
        title: 'Hồ sơ đã dừng xử lý',
        body: sentence(`${dossierVi(d)} đã dừng xử lý.${reasonVi(d.reason)}`),
      }),
      en: (d) => ({
        title: 'Dossier processing stopped',
        body: sentence(
          `The processing of your dossier ${d.code} (${d.procedureName}) was stopped.${reasonEn(d.reason)}`,
        ),
      }),
    },
    'dossier.result_ready': {
      vi: (d) => ({
        title: 'Đã có kết quả giải quyết hồ sơ',
        body: `${dossierVi(d)} đã có kết quả giải quyết. ${RESULT_READY[d.deliveryMethod].vi}`,
      }),
      en: (d) => ({
        title: 'Result ready',
        body: `${dossierEn(d)} has its result. ${RESULT_READY[d.deliveryMethod].en}`,
      }),
    },
    'dossier.returned': {
      vi: (d) => ({
        title: 'Đã trả kết quả hồ sơ',
        body:
          d.deliveryMethod === 'post'
            ? `Kết quả giải quyết hồ sơ ${d.code} (${d.procedureName}) đã được gửi qua bưu chính` +
              (d.deliveryTracking ? `, mã vận đơn: ${d.deliveryTracking}.` : '.')
            : d.deliveryMethod === 'desk'
              ? `Kết quả giải quyết hồ sơ ${d.code} (${d.procedureName}) đã được trả tại Bộ phận Tiếp nhận và Trả kết quả.`
              : `Kết quả giải quyết hồ sơ ${d.code} (${d.procedureName}) đã được trả trực tuyến.`,
      }),
      en: (d) => ({
        title: 'Result delivered',
        body:
          d.deliveryMethod === 'post'
            ? `The result of dossier ${d.code} (${d.procedureName}) was sent by post` +
              (d.deliveryTracking ? `, tracking number ${d.deliveryTracking}.` : '.')
            : d.deliveryMethod === 'desk'
              ? `The result of dossier ${d.code} (${d.procedureName}) was handed over at the agency's desk.`
              : `The result of dossier ${d.code} (${d.procedureName}) was delivered online.`,
      }),
    },
    'payment.required': {
      vi: (p) => ({
        title: 'Hồ sơ cần thanh toán phí, lệ phí',
        body: `Hồ sơ ${p.dossierCode} (${p.procedureName}) cần thanh toán ${formatVnd(p.amount, 'vi')}. Ông/Bà có thể thanh toán trực tuyến tại mục Giao dịch.`,
      }),
      en: (p) => ({
        title: 'Fee to pay',
        body: `Your dossier ${p.dossierCode} (${p.procedureName}) needs a payment of ${formatVnd(p.amount, 'en')}. You can pay online under Transactions.`,
      }),
    },
    'payment.succeeded': {
      vi: (p) => ({
        title: 'Thanh toán thành công',
        body: `Ông/Bà đã thanh toán thành công ${paymentVi(p)}. Biên lai điện tử có trong mục Giao dịch.`,
      }),
      en: (p) => ({
        title: 'Payment received',
        body: `You paid ${paymentEn(p)}. The e-receipt is under Transactions.`,
      }),
    },
    'payment.failed': {
      vi: (p) => PAYMENT_FAILED[p.status].vi(p),
      en: (p) => PAYMENT_FAILED[p.status].en(p),
    },
    'payment.expired': {
      vi: (p) => ({
        title: 'Giao dịch thanh toán đã hết hạn',
        body: `Giao dịch thanh toán ${paymentVi(p)} đã hết hạn. Ông/Bà vui lòng vào mục Giao dịch để thanh toán lại.`,
      }),
      en: (p) => ({
        title: 'Payment expired',
        body: `The payment of ${paymentEn(p)} expired. Please pay again under Transactions.`,
      }),
    },
    'feedback.answered': {
      vi: (f) => ({
        title: 'Phản ánh, kiến nghị đã được trả lời',
        body: `Phản ánh, kiến nghị ${f.code} "${f.title}" đã được cơ quan trả lời. Ông/Bà tra cứu bằng mã phản ánh và mã tra cứu để xem.`,
      }),
      en: (f) => ({
        title: 'Your feedback was answered',
        body: `Feedback ${f.code} "${f.title}" has an answer from the agency. Look it up with its code and lookup key.`,
      }),
    },
    'account.activated': {
      vi: () => ({
        title: 'Chào mừng Ông/Bà đến với Cổng Dịch vụ công',
        body: 'Tài khoản đã được kích hoạt. Ông/Bà có thể nộp hồ sơ trực tuyến, theo dõi tiến độ giải quyết và thanh toán phí, lệ phí.',
      }),
      en: () => ({
        title: 'Welcome to the public-service portal',
        body: 'Your account is active. You can submit dossiers online, follow their processing and pay fees.',
      }),
    },
    'account.password_reset_requested': {
      vi: () => ({
        title: 'Yêu cầu đặt lại mật khẩu',
        body: 'Có yêu cầu đặt lại mật khẩu cho tài khoản của Ông/Bà. Nếu không phải Ông/Bà yêu cầu, hãy bỏ qua; mật khẩu hiện tại vẫn giữ nguyên.',
      }),
      en: () => ({
        title: 'Password reset requested',
        body: 'Someone asked to reset the password of your account. If it was not you, ignore it; your password stays unchanged.',
      }),
    },
    'account.password_changed': {
      vi: (d) => ({
        title: 'Mật khẩu đã được thay đổi',
        body: `Mật khẩu tài khoản vừa được thay đổi ${d.via === 'reset' ? 'bằng liên kết đặt lại mật khẩu' : 'từ trang thông tin cá nhân'}. Nếu không phải Ông/Bà thực hiện, hãy đặt lại mật khẩu ngay.`,
      }),
      en: (d) => ({
        title: 'Password changed',
        body: `Your password was just changed ${d.via === 'reset' ? 'with a password-reset link' : 'from the profile page'}. If it was not you, reset your password now.`,
      }),
    },
    'officer.due_soon': {
      vi: (d) => ({
        title: 'Hồ sơ sắp đến hạn',
        body: `${dossierVi(d)} đã dùng 80% thời hạn giải quyết.${dueVi(d.dueAt)}`,
      }),
      en: (d) => ({
        title: 'Dossier due soon',
        body: `Dossier ${d.code} (${d.procedureName}) has used 80% of its processing time.${dueEn(d.dueAt)}`,
      }),
    },
    'officer.overdue': {
      vi: (d) => ({
        title: 'Hồ sơ quá hạn',
        body: `${dossierVi(d)} đã quá hạn giải quyết.${d.dueAt ? ` Hạn trả kết quả: ${formatDueAt(d.dueAt, 'vi')}.` : ''}`,
      }),
      en: (d) => ({
        title: 'Dossier overdue',
        body: `Dossier ${d.code} (${d.procedureName}) is past its due date.${d.dueAt ? ` It was due ${formatDueAt(d.dueAt, 'en')}.` : ''}`,
      }),
    },
    'officer.supplemented': {
      vi: (d) => ({
        title: 'Công dân đã bổ sung hồ sơ',
        body: `${dossierVi(d)} đã được công dân bổ sung, thời hạn giải quyết tiếp tục được tính.${dueVi(d.dueAt)}`,
      }),
      en: (d) => ({
        title: 'The citizen sent the documents',
        body: `Dossier ${d.code} (${d.procedureName}) was supplemented by the citizen; the processing time runs again.${dueEn(d.dueAt)}`,
      }),
    },
    'officer.paid': {
      vi: (d) => ({
        title: 'Công dân đã nộp phí, lệ phí',
        body: `Phí, lệ phí của hồ sơ ${d.code} (${d.procedureName}) đã được thanh toán.${dueVi(d.dueAt)}`,
      }),
      en: (d) => ({
        title: 'The citizen paid the fee',
        body: `The fee for dossier ${d.code} (${d.procedureName}) was paid.${dueEn(d.dueAt)}`,
      }),
    },
  };

export function isNotificationType(type: string): type is NotificationType {
  return Object.hasOwn(NOTIFICATION_TEXTS, type);
}

/** The title and body of a notification in one locale. */
export function renderNotification<T extends NotificationType>(
  type: T,
  locale: Locale,
  facts: Facts<T>,
): NotificationText {
  return (NOTIFICATION_TEXTS[type] as Localized<Facts<T>>)[locale](facts);
}
