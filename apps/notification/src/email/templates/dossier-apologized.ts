import { formatDueAt } from '../../notifications/notification-texts';
import { bellEmail } from './notification-email';

/**
 * Phiếu xin lỗi và hẹn lại ngày trả kết quả: the apology, the new date, and where the signed
 * letter is (the dossier page) with its code to verify it.
 */
export const dossierApologized = bellEmail<'dossier.apologized'>({
  subject: {
    vi: (d) => `Xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${d.data.code}`,
    en: (d) => `Apology and new date for dossier ${d.data.code}`,
  },
  more: {
    vi: (d, link) => [
      `Ngày hẹn trả kết quả mới: ${formatDueAt(d.data.newDueAt, 'vi')}.`,
      `Phiếu xin lỗi có chữ ký số của cơ quan: tải tại trang hồ sơ; kiểm tra tính xác thực tại ${link(`/xac-thuc/${d.data.verificationCode}`)}.`,
    ],
    en: (d, link) => [
      `New date for the result: ${formatDueAt(d.data.newDueAt, 'en')}.`,
      `The apology letter signed by the agency is on the dossier page; check it at ${link(`/xac-thuc/${d.data.verificationCode}`)}.`,
    ],
  },
  action: { vi: 'Xem hồ sơ và tải phiếu xin lỗi', en: 'View the dossier and its letter' },
});
