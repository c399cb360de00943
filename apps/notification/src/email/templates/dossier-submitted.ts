import { bellEmail } from './notification-email';

/** Receipt of an online submission: the dossier code to quote, and what happens next. */
export const dossierSubmitted = bellEmail<'dossier.submitted'>({
  subject: {
    vi: (d) => `Nộp hồ sơ thành công: ${d.data.code}`,
    en: (d) => `Dossier submitted: ${d.data.code}`,
  },
  more: {
    vi: (d) => [
      ...(d.data.lookupKey
        ? [
            `Mã tra cứu: ${d.data.lookupKey}. Nhập mã hồ sơ cùng mã tra cứu tại mục "Tra cứu hồ sơ đã nộp" để xem tình trạng hồ sơ mà không cần đăng nhập.`,
          ]
        : []),
      'Ông/Bà vui lòng ghi lại mã hồ sơ để tra cứu. Cổng Dịch vụ công sẽ thông báo cho Ông/Bà mỗi khi hồ sơ có thay đổi.',
    ],
    en: (d) => [
      ...(d.data.lookupKey
        ? [
            `Lookup key: ${d.data.lookupKey}. Enter the dossier code with this key under "Look up a dossier" to see its status without signing in.`,
          ]
        : []),
      'Please keep the dossier code to look it up. The portal will tell you whenever the dossier changes.',
    ],
  },
  action: { vi: 'Xem hồ sơ', en: 'View the dossier' },
});
