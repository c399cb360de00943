import type { AccountRegisteredEvent } from '@dvc/contracts';
import { EmailTemplate, html, htmlLayout, textLayout, tokenLink } from './template';

/** Activation link after registration (docs/design.md §9: single use, valid 24 hours). */
export const accountRegistered: EmailTemplate<AccountRegisteredEvent> = {
  vi: {
    subject: () => 'Kích hoạt tài khoản Cổng Dịch vụ công',
    text: (d, ctx) =>
      textLayout('vi', [
        `Kính gửi Ông/Bà ${d.fullName},`,
        `Cảm ơn Ông/Bà đã đăng ký tài khoản ${d.email} trên Cổng Dịch vụ công. Để hoàn tất đăng ký, vui lòng mở liên kết sau để kích hoạt tài khoản:`,
        tokenLink(ctx, '/activate'),
        'Liên kết có hiệu lực trong 24 giờ và chỉ dùng được một lần.',
        'Nếu Ông/Bà không đăng ký tài khoản, vui lòng bỏ qua thư này.',
      ]),
    html: (d, ctx) =>
      htmlLayout('vi', {
        heading: 'Kích hoạt tài khoản',
        paragraphs: [
          html`Kính gửi Ông/Bà <strong>${d.fullName}</strong>,`,
          html`Cảm ơn Ông/Bà đã đăng ký tài khoản <strong>${d.email}</strong> trên Cổng Dịch vụ
            công. Để hoàn tất đăng ký, vui lòng bấm nút dưới đây để kích hoạt tài khoản.`,
          html`Liên kết có hiệu lực trong <strong>24 giờ</strong> và chỉ dùng được một lần.`,
          html`Nếu Ông/Bà không đăng ký tài khoản, vui lòng bỏ qua thư này.`,
        ],
        action: {
          label: 'Kích hoạt tài khoản',
          href: tokenLink(ctx, '/activate'),
        },
      }),
  },
  en: {
    subject: () => 'Activate your account on the public-service portal',
    text: (d, ctx) =>
      textLayout('en', [
        `Dear ${d.fullName},`,
        `Thank you for registering the account ${d.email} on the public-service portal (Cổng Dịch vụ công). To finish, open this link to activate your account:`,
        tokenLink(ctx, '/activate'),
        'The link is valid for 24 hours and can be used only once.',
        'If you did not register, please ignore this email.',
      ]),
    html: (d, ctx) =>
      htmlLayout('en', {
        heading: 'Activate your account',
        paragraphs: [
          html`Dear <strong>${d.fullName}</strong>,`,
          html`Thank you for registering the account <strong>${d.email}</strong> on the
            public-service portal. To finish, click the button below to activate your account.`,
          html`The link is valid for <strong>24 hours</strong> and can be used only once.`,
          html`If you did not register, please ignore this email.`,
        ],
        action: {
          label: 'Activate my account',
          href: tokenLink(ctx, '/activate'),
        },
      }),
  },
};
