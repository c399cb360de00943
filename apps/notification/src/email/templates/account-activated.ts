import type { AccountActivatedEvent } from '@dvc/contracts';
import { EmailTemplate, html, htmlLayout, portalLink, textLayout } from './template';

/** Welcome, once the activation link was used. */
export const accountActivated: EmailTemplate<AccountActivatedEvent> = {
  vi: {
    subject: () => 'Chào mừng Ông/Bà đến với Cổng Dịch vụ công',
    text: (d, ctx) =>
      textLayout('vi', [
        `Kính gửi Ông/Bà ${d.fullName},`,
        `Tài khoản ${d.email} đã được kích hoạt thành công.`,
        'Từ nay Ông/Bà có thể đăng nhập để tra cứu thủ tục hành chính, nộp hồ sơ trực tuyến, theo dõi tiến độ giải quyết, thanh toán phí, lệ phí và nhận kết quả trực tuyến.',
        `Truy cập Cổng Dịch vụ công: ${portalLink(ctx, '/')}`,
      ]),
    html: (d, ctx) =>
      htmlLayout('vi', {
        heading: 'Tài khoản đã được kích hoạt',
        paragraphs: [
          html`Kính gửi Ông/Bà <strong>${d.fullName}</strong>,`,
          html`Tài khoản <strong>${d.email}</strong> đã được kích hoạt thành công.`,
          html`Từ nay Ông/Bà có thể đăng nhập để tra cứu thủ tục hành chính, nộp hồ sơ trực tuyến,
          theo dõi tiến độ giải quyết, thanh toán phí, lệ phí và nhận kết quả trực tuyến.`,
        ],
        action: { label: 'Truy cập Cổng Dịch vụ công', href: portalLink(ctx, '/') },
      }),
  },
  en: {
    subject: () => 'Welcome to the public-service portal',
    text: (d, ctx) =>
      textLayout('en', [
        `Dear ${d.fullName},`,
        `Your account ${d.email} is now active.`,
        'You can sign in to look up administrative procedures, submit dossiers online, follow their processing, pay fees and receive results online.',
        `Go to the portal: ${portalLink(ctx, '/')}`,
      ]),
    html: (d, ctx) =>
      htmlLayout('en', {
        heading: 'Your account is active',
        paragraphs: [
          html`Dear <strong>${d.fullName}</strong>,`,
          html`Your account <strong>${d.email}</strong> is now active.`,
          html`You can sign in to look up administrative procedures, submit dossiers online, follow
          their processing, pay fees and receive results online.`,
        ],
        action: { label: 'Go to the portal', href: portalLink(ctx, '/') },
      }),
  },
};
