import type { PasswordResetRequestedEvent } from '@dvc/contracts';
import { EmailTemplate, html, htmlLayout, textLayout, tokenLink } from './template';

/** Reset link after "forgot password" (docs/design.md §9: single use, valid 30 minutes). */
export const passwordResetRequested: EmailTemplate<PasswordResetRequestedEvent> = {
  vi: {
    subject: () => 'Đặt lại mật khẩu tài khoản Cổng Dịch vụ công',
    text: (d, ctx) =>
      textLayout('vi', [
        `Kính gửi Ông/Bà ${d.fullName},`,
        `Chúng tôi nhận được yêu cầu đặt lại mật khẩu cho tài khoản ${d.email}. Vui lòng mở liên kết sau để đặt mật khẩu mới:`,
        tokenLink(ctx, '/reset-password'),
        'Liên kết có hiệu lực trong 30 phút và chỉ dùng được một lần.',
        'Nếu Ông/Bà không yêu cầu đặt lại mật khẩu, vui lòng bỏ qua thư này; mật khẩu hiện tại vẫn giữ nguyên.',
      ]),
    html: (d, ctx) =>
      htmlLayout('vi', {
        heading: 'Đặt lại mật khẩu',
        paragraphs: [
          html`Kính gửi Ông/Bà <strong>${d.fullName}</strong>,`,
          html`Chúng tôi nhận được yêu cầu đặt lại mật khẩu cho tài khoản
            <strong>${d.email}</strong>. Vui lòng bấm nút dưới đây để đặt mật khẩu mới.`,
          html`Liên kết có hiệu lực trong <strong>30 phút</strong> và chỉ dùng được một lần.`,
          html`Nếu Ông/Bà không yêu cầu đặt lại mật khẩu, vui lòng bỏ qua thư này; mật khẩu hiện tại
          vẫn giữ nguyên.`,
        ],
        action: {
          label: 'Đặt lại mật khẩu',
          href: tokenLink(ctx, '/reset-password'),
        },
      }),
  },
  en: {
    subject: () => 'Reset the password of your public-service portal account',
    text: (d, ctx) =>
      textLayout('en', [
        `Dear ${d.fullName},`,
        `We received a request to reset the password of the account ${d.email}. Open this link to choose a new password:`,
        tokenLink(ctx, '/reset-password'),
        'The link is valid for 30 minutes and can be used only once.',
        'If you did not ask to reset your password, please ignore this email; your current password stays unchanged.',
      ]),
    html: (d, ctx) =>
      htmlLayout('en', {
        heading: 'Reset your password',
        paragraphs: [
          html`Dear <strong>${d.fullName}</strong>,`,
          html`We received a request to reset the password of the account
            <strong>${d.email}</strong>. Click the button below to choose a new password.`,
          html`The link is valid for <strong>30 minutes</strong> and can be used only once.`,
          html`If you did not ask to reset your password, please ignore this email; your current
          password stays unchanged.`,
        ],
        action: {
          label: 'Reset my password',
          href: tokenLink(ctx, '/reset-password'),
        },
      }),
  },
};
