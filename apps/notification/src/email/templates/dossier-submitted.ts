import { bellEmail } from './notification-email';

/** Receipt of an online submission: the dossier code to quote, and what happens next. */
export const dossierSubmitted = bellEmail<'dossier.submitted'>({
  subject: {
    vi: (d) => `Nộp hồ sơ thành công: ${d.data.code}`,
    en: (d) => `Dossier submitted: ${d.data.code}`,
  },
  more: {
    vi: () => [
      'Ông/Bà vui lòng ghi lại mã hồ sơ để tra cứu. Cổng Dịch vụ công sẽ thông báo cho Ông/Bà mỗi khi hồ sơ có thay đổi.',
    ],
    en: () => [
      'Please keep the dossier code to look it up. The portal will tell you whenever the dossier changes.',
    ],
  },
  action: { vi: 'Xem hồ sơ', en: 'View the dossier' },
});
