import type { PasswordChangedEvent } from '@dvc/contracts';
import { EmailTemplate, html, htmlLayout, portalLink, textLayout } from './template';

const HOW: Record<PasswordChangedEvent['via'], { vi: string; en: string }> = {
  change: { vi: 'từ trang thông tin cá nhân', en: 'from the profile page' },
  reset: { vi: 'bằng liên kết đặt lại mật khẩu', en: 'with a password-reset link' },
};

/** Security notice: a password change the owner did not make must be noticed at once. */
export const passwordChanged: EmailTemplate<PasswordChangedEvent> = {
  vi: {
    subject: () => 'Thông báo bảo mật: mật khẩu tài khoản đã được thay đổi',
    text: (d, ctx) =>
      textLayout('vi', [
        `Kính gửi Ông/Bà ${d.fullName},`,
        `Mật khẩu tài khoản ${d.email} trên Cổng Dịch vụ công vừa được thay đổi ${HOW[d.via].vi}.`,
        'Nếu Ông/Bà đã thực hiện thay đổi này, không cần làm gì thêm.',
        `Nếu không phải Ông/Bà thực hiện, hãy đặt lại mật khẩu ngay tại ${portalLink(ctx, '/forgot-password')} và liên hệ bộ phận hỗ trợ của Cổng.`,
      ]),
    html: (d, ctx) =>
      htmlLayout('vi', {
        heading: 'Mật khẩu đã được thay đổi',
        paragraphs: [
          html`Kính gửi Ông/Bà <strong>${d.fullName}</strong>,`,
          html`Mật khẩu tài khoản <strong>${d.email}</strong> trên Cổng Dịch vụ công vừa được thay
            đổi ${HOW[d.via].vi}.`,
          html`Nếu Ông/Bà đã thực hiện thay đổi này, không cần làm gì thêm.`,
          html`<strong>Nếu không phải Ông/Bà thực hiện</strong>, hãy đặt lại mật khẩu ngay bằng nút
            dưới đây và liên hệ bộ phận hỗ trợ của Cổng.`,
        ],
        action: { label: 'Đặt lại mật khẩu', href: portalLink(ctx, '/forgot-password') },
      }),
  },
  en: {
    subject: () => 'Security notice: your password was changed',
    text: (d, ctx) =>
      textLayout('en', [
        `Dear ${d.fullName},`,
        `The password of your account ${d.email} on the public-service portal was just changed ${HOW[d.via].en}.`,
        'If you made this change, there is nothing else to do.',
        `If it was not you, reset your password now at ${portalLink(ctx, '/forgot-password')} and contact the portal's support.`,
      ]),
    html: (d, ctx) =>
      htmlLayout('en', {
        heading: 'Your password was changed',
        paragraphs: [
          html`Dear <strong>${d.fullName}</strong>,`,
          html`The password of your account <strong>${d.email}</strong> on the public-service portal
            was just changed ${HOW[d.via].en}.`,
          html`If you made this change, there is nothing else to do.`,
          html`<strong>If it was not you</strong>, reset your password now with the button below and
            contact the portal's support.`,
        ],
        action: { label: 'Reset my password', href: portalLink(ctx, '/forgot-password') },
      }),
  },
};
