import type { RegistrationAttemptedEvent } from '@dvc/contracts';
import { EmailTemplate, html, htmlLayout, portalLink, textLayout } from './template';

/**
 * Someone registered with the address of an existing account. The registration answered as
 * for any address; only the mailbox's holder learns that the account exists.
 */
export const registrationAttempted: EmailTemplate<RegistrationAttemptedEvent> = {
  vi: {
    subject: () => 'Có người vừa đăng ký tài khoản bằng email của Ông/Bà',
    text: (d, ctx) =>
      textLayout('vi', [
        `Kính gửi Ông/Bà ${d.fullName},`,
        `Có người vừa đăng ký tài khoản trên Cổng Dịch vụ công bằng email ${d.email}. Email này đã có tài khoản, nên không có tài khoản mới nào được tạo và tài khoản hiện tại không thay đổi.`,
        `Nếu đó là Ông/Bà: hãy đăng nhập tại ${portalLink(ctx, '/dang-nhap')}; nếu quên mật khẩu, hãy đặt lại tại:`,
        portalLink(ctx, '/forgot-password'),
        'Nếu tài khoản chưa được kích hoạt, hãy dùng liên kết kích hoạt trong thư đã nhận khi đăng ký.',
        'Nếu không phải Ông/Bà, vui lòng bỏ qua thư này.',
      ]),
    html: (d, ctx) =>
      htmlLayout('vi', {
        heading: 'Email của Ông/Bà đã có tài khoản',
        paragraphs: [
          html`Kính gửi Ông/Bà <strong>${d.fullName}</strong>,`,
          html`Có người vừa đăng ký tài khoản trên Cổng Dịch vụ công bằng email
            <strong>${d.email}</strong>. Email này đã có tài khoản, nên không có tài khoản mới nào
            được tạo và tài khoản hiện tại không thay đổi.`,
          html`Nếu đó là Ông/Bà: hãy <a href="${portalLink(ctx, '/dang-nhap')}">đăng nhập</a>, hoặc
            bấm nút dưới đây nếu quên mật khẩu. Nếu tài khoản chưa được kích hoạt, hãy dùng liên kết
            kích hoạt trong thư đã nhận khi đăng ký.`,
          html`Nếu không phải Ông/Bà, vui lòng bỏ qua thư này.`,
        ],
        action: { label: 'Quên mật khẩu', href: portalLink(ctx, '/forgot-password') },
      }),
  },
  en: {
    subject: () => 'Someone tried to register with your email address',
    text: (d, ctx) =>
      textLayout('en', [
        `Dear ${d.fullName},`,
        `Someone has just registered on the public-service portal (Cổng Dịch vụ công) with the address ${d.email}. This address already has an account, so no new account was created and yours is unchanged.`,
        `If it was you, log in at ${portalLink(ctx, '/dang-nhap')}; if you forgot your password, reset it here:`,
        portalLink(ctx, '/forgot-password'),
        'If your account is not activated yet, use the activation link of the email you received when you registered.',
        'If it was not you, please ignore this email.',
      ]),
    html: (d, ctx) =>
      htmlLayout('en', {
        heading: 'Your email address already has an account',
        paragraphs: [
          html`Dear <strong>${d.fullName}</strong>,`,
          html`Someone has just registered on the public-service portal with the address
            <strong>${d.email}</strong>. This address already has an account, so no new account was
            created and yours is unchanged.`,
          html`If it was you, <a href="${portalLink(ctx, '/dang-nhap')}">log in</a>, or click the
            button below if you forgot your password. If your account is not activated yet, use the
            activation link of the email you received when you registered.`,
          html`If it was not you, please ignore this email.`,
        ],
        action: { label: 'Forgot password', href: portalLink(ctx, '/forgot-password') },
      }),
  },
};
