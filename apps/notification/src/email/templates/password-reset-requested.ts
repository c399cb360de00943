import type { PasswordResetRequestedEvent } from '@dvc/contracts';
import { EmailTemplate, html, htmlLayout, textLayout, tokenLink } from './template';

/**
 * Reset link after "forgot password" (docs/design.md §9: single use, valid 30 minutes). For a
 * pending account (`activates`) the same link sets the first password and activates it: the
 * way back when the activation email was lost.
 */
export const passwordResetRequested: EmailTemplate<PasswordResetRequestedEvent> = {
  vi: {
    subject: (d) =>
      d.activates
        ? 'Đặt mật khẩu và kích hoạt tài khoản Cổng Dịch vụ công'
        : 'Đặt lại mật khẩu tài khoản Cổng Dịch vụ công',
    text: (d, ctx) =>
      textLayout('vi', [
        `Kính gửi Ông/Bà ${d.fullName},`,
        d.activates
          ? `Tài khoản ${d.email} chưa được kích hoạt. Vui lòng mở liên kết sau để đặt mật khẩu; tài khoản sẽ được kích hoạt ngay khi mật khẩu được đặt:`
          : `Chúng tôi nhận được yêu cầu đặt lại mật khẩu cho tài khoản ${d.email}. Vui lòng mở liên kết sau để đặt mật khẩu mới:`,
        tokenLink(ctx, '/reset-password'),
        'Liên kết có hiệu lực trong 30 phút và chỉ dùng được một lần.',
        d.activates
          ? 'Nếu Ông/Bà không đăng ký tài khoản này, vui lòng bỏ qua thư này.'
          : 'Nếu Ông/Bà không yêu cầu đặt lại mật khẩu, vui lòng bỏ qua thư này; mật khẩu hiện tại vẫn giữ nguyên.',
      ]),
    html: (d, ctx) =>
      htmlLayout('vi', {
        heading: d.activates ? 'Đặt mật khẩu và kích hoạt tài khoản' : 'Đặt lại mật khẩu',
        paragraphs: [
          html`Kính gửi Ông/Bà <strong>${d.fullName}</strong>,`,
          d.activates
            ? html`Tài khoản <strong>${d.email}</strong> chưa được kích hoạt. Vui lòng bấm nút dưới
                đây để đặt mật khẩu; tài khoản sẽ được kích hoạt ngay khi mật khẩu được đặt.`
            : html`Chúng tôi nhận được yêu cầu đặt lại mật khẩu cho tài khoản
                <strong>${d.email}</strong>. Vui lòng bấm nút dưới đây để đặt mật khẩu mới.`,
          html`Liên kết có hiệu lực trong <strong>30 phút</strong> và chỉ dùng được một lần.`,
          d.activates
            ? html`Nếu Ông/Bà không đăng ký tài khoản này, vui lòng bỏ qua thư này.`
            : html`Nếu Ông/Bà không yêu cầu đặt lại mật khẩu, vui lòng bỏ qua thư này; mật khẩu hiện
              tại vẫn giữ nguyên.`,
        ],
        action: {
          label: d.activates ? 'Đặt mật khẩu và kích hoạt' : 'Đặt lại mật khẩu',
          href: tokenLink(ctx, '/reset-password'),
        },
      }),
  },
  en: {
    subject: (d) =>
      d.activates
        ? 'Set a password and activate your public-service portal account'
        : 'Reset the password of your public-service portal account',
    text: (d, ctx) =>
      textLayout('en', [
        `Dear ${d.fullName},`,
        d.activates
          ? `The account ${d.email} is not activated yet. Open this link to choose its password; the account is activated as soon as the password is set:`
          : `We received a request to reset the password of the account ${d.email}. Open this link to choose a new password:`,
        tokenLink(ctx, '/reset-password'),
        'The link is valid for 30 minutes and can be used only once.',
        d.activates
          ? 'If you did not register this account, please ignore this email.'
          : 'If you did not ask to reset your password, please ignore this email; your current password stays unchanged.',
      ]),
    html: (d, ctx) =>
      htmlLayout('en', {
        heading: d.activates ? 'Set a password and activate your account' : 'Reset your password',
        paragraphs: [
          html`Dear <strong>${d.fullName}</strong>,`,
          d.activates
            ? html`The account <strong>${d.email}</strong> is not activated yet. Click the button
                below to choose its password; the account is activated as soon as it is set.`
            : html`We received a request to reset the password of the account
                <strong>${d.email}</strong>. Click the button below to choose a new password.`,
          html`The link is valid for <strong>30 minutes</strong> and can be used only once.`,
          d.activates
            ? html`If you did not register this account, please ignore this email.`
            : html`If you did not ask to reset your password, please ignore this email; your current
              password stays unchanged.`,
        ],
        action: {
          label: d.activates ? 'Set password and activate' : 'Reset my password',
          href: tokenLink(ctx, '/reset-password'),
        },
      }),
  },
};
