import type { IdNumberReleasedEvent } from '@dvc/contracts';
import { EmailTemplate, html, htmlLayout, portalLink, textLayout } from './template';

/**
 * A VNeID login proved the ID number this account had only declared: the number now belongs to
 * the proven holder. If the holder of this account is that person, they link VNeID from the
 * account they log in to with VNeID, or contact support to merge.
 */
export const idNumberReleased: EmailTemplate<IdNumberReleasedEvent> = {
  vi: {
    subject: () => 'Số định danh cá nhân trên tài khoản của Ông/Bà đã được gỡ',
    text: (d, ctx) =>
      textLayout('vi', [
        `Kính gửi Ông/Bà ${d.fullName},`,
        `Tài khoản ${d.email} trên Cổng Dịch vụ công đã khai số định danh cá nhân ${d.maskedIdNumber}. Số này vừa được chủ sở hữu xác thực qua tài khoản định danh điện tử VNeID, nên đã được gỡ khỏi tài khoản của Ông/Bà. Tài khoản, mật khẩu và hồ sơ của Ông/Bà không thay đổi.`,
        `Nếu số định danh đó là của Ông/Bà, hãy đăng nhập tại ${portalLink(ctx, '/dang-nhap')} và kiểm tra Trang cá nhân; nếu Ông/Bà không đăng nhập bằng VNeID gần đây, vui lòng liên hệ bộ phận hỗ trợ.`,
      ]),
    html: (d, ctx) =>
      htmlLayout('vi', {
        heading: 'Số định danh cá nhân đã được gỡ khỏi tài khoản',
        paragraphs: [
          html`Kính gửi Ông/Bà <strong>${d.fullName}</strong>,`,
          html`Tài khoản <strong>${d.email}</strong> đã khai số định danh cá nhân
            <strong>${d.maskedIdNumber}</strong>. Số này vừa được chủ sở hữu xác thực qua tài khoản
            định danh điện tử VNeID, nên đã được gỡ khỏi tài khoản của Ông/Bà. Tài khoản, mật khẩu
            và hồ sơ của Ông/Bà không thay đổi.`,
          html`Nếu Ông/Bà không đăng nhập bằng VNeID gần đây, vui lòng liên hệ bộ phận hỗ trợ.`,
        ],
        action: { label: 'Đăng nhập', href: portalLink(ctx, '/dang-nhap') },
      }),
  },
  en: {
    subject: () => 'The ID number on your account was removed',
    text: (d, ctx) =>
      textLayout('en', [
        `Dear ${d.fullName},`,
        `The account ${d.email} on the public-service portal (Cổng Dịch vụ công) declared the personal identification number ${d.maskedIdNumber}. Its owner has just proved it through the national e-ID (VNeID), so it was removed from your account. Your account, password and dossiers are unchanged.`,
        `If the number is yours, log in at ${portalLink(ctx, '/dang-nhap')} and check your account page; if you did not log in with VNeID recently, please contact support.`,
      ]),
    html: (d, ctx) =>
      htmlLayout('en', {
        heading: 'The ID number was removed from your account',
        paragraphs: [
          html`Dear <strong>${d.fullName}</strong>,`,
          html`The account <strong>${d.email}</strong> declared the personal identification number
            <strong>${d.maskedIdNumber}</strong>. Its owner has just proved it through the national
            e-ID (VNeID), so it was removed from your account. Your account, password and dossiers
            are unchanged.`,
          html`If you did not log in with VNeID recently, please contact support.`,
        ],
        action: { label: 'Log in', href: portalLink(ctx, '/dang-nhap') },
      }),
  },
};
