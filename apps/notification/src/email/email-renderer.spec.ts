import type { Locale } from '@dvc/contracts';
import { renderEmail } from './email-renderer';
import type { EmailRequest } from './email.dto';
import { emailTemplates } from './templates';

/** The token as the notification service opened it from the event's sealed value. */
const ctx = { publicUrl: 'https://dichvucong.test/', token: 'opened-token' };
const holder = {
  accountId: '6f1c1c8e-52a4-4a57-a0a8-2c7b3c1f1a01',
  email: 'an@example.vn',
  fullName: 'Nguyễn Văn An',
};

function request(
  template: EmailRequest['template'],
  locale: Locale,
  extra: Record<string, unknown> = {},
): EmailRequest {
  const data = {
    ...holder,
    locale,
    sealedToken: 'sealed-token',
    expiresAt: '',
    via: 'change',
    ...extra,
  };
  return {
    template,
    locale,
    to: { address: holder.email, name: holder.fullName },
    accountId: holder.accountId,
    data,
  } as EmailRequest;
}

describe('email templates', () => {
  it.each(Object.keys(emailTemplates))('%s has Vietnamese first, then English', (name) => {
    expect(Object.keys(emailTemplates[name as keyof typeof emailTemplates])).toEqual(['vi', 'en']);
  });

  it.each([
    [
      'account-registered',
      'Kích hoạt tài khoản Cổng Dịch vụ công',
      'Activate your account on the public-service portal',
    ],
    [
      'password-reset-requested',
      'Đặt lại mật khẩu tài khoản Cổng Dịch vụ công',
      'Reset the password of your public-service portal account',
    ],
    [
      'registration-attempted',
      'Có người vừa đăng ký tài khoản bằng email của Ông/Bà',
      'Someone tried to register with your email address',
    ],
    [
      'account-activated',
      'Chào mừng Ông/Bà đến với Cổng Dịch vụ công',
      'Welcome to the public-service portal',
    ],
    [
      'password-changed',
      'Thông báo bảo mật: mật khẩu tài khoản đã được thay đổi',
      'Security notice: your password was changed',
    ],
  ] as const)(
    '%s: subject in each locale, greeting by name in text and HTML',
    (template, vi, en) => {
      const viEmail = renderEmail(request(template, 'vi'), ctx);
      const enEmail = renderEmail(request(template, 'en'), ctx);
      expect(viEmail.subject).toBe(vi);
      expect(enEmail.subject).toBe(en);
      expect(viEmail.text).toContain('Kính gửi Ông/Bà Nguyễn Văn An,');
      expect(viEmail.html).toContain('Kính gửi Ông/Bà <strong>Nguyễn Văn An</strong>,');
      expect(viEmail.html).toContain('<html lang="vi">');
      expect(enEmail.text).toContain('Dear Nguyễn Văn An,');
      expect(enEmail.html).toContain('<html lang="en">');
      expect(viEmail.text).toContain('Đây là thư tự động, vui lòng không trả lời thư này.');
    },
  );

  it('account-registered links to the activation page with the token, valid 24 hours', () => {
    const vi = renderEmail(request('account-registered', 'vi'), ctx);
    const en = renderEmail(request('account-registered', 'en'), ctx);
    const link = 'https://dichvucong.test/activate?token=opened-token';
    expect(vi.text).toContain(link);
    expect(vi.html).toContain(`href="${link}"`);
    expect(vi.text).toContain('Liên kết có hiệu lực trong 24 giờ');
    expect(en.text).toContain(link);
    expect(en.text).toContain('valid for 24 hours');
  });

  it('password-reset-requested links to the reset page, valid 30 minutes, and says to ignore it if unasked', () => {
    const vi = renderEmail(request('password-reset-requested', 'vi'), ctx);
    const en = renderEmail(request('password-reset-requested', 'en'), ctx);
    const link = 'https://dichvucong.test/reset-password?token=opened-token';
    expect(vi.text).toContain(link);
    expect(vi.html).toContain(`href="${link}"`);
    expect(vi.text).toContain('30 phút');
    expect(vi.text).toContain('Nếu Ông/Bà không yêu cầu đặt lại mật khẩu, vui lòng bỏ qua thư này');
    expect(en.text).toContain('30 minutes');
    expect(en.text).toContain(
      'If you did not ask to reset your password, please ignore this email',
    );
  });

  it('password-reset-requested for a pending account says the link sets the password and activates it', () => {
    const vi = renderEmail(request('password-reset-requested', 'vi', { activates: true }), ctx);
    const en = renderEmail(request('password-reset-requested', 'en', { activates: true }), ctx);
    expect(vi.subject).toBe('Đặt mật khẩu và kích hoạt tài khoản Cổng Dịch vụ công');
    expect(vi.text).toContain('https://dichvucong.test/reset-password?token=opened-token');
    expect(vi.text).toContain('tài khoản sẽ được kích hoạt ngay khi mật khẩu được đặt');
    expect(en.subject).toBe('Set a password and activate your public-service portal account');
  });

  it('id-number-released names the masked number and says the account is otherwise unchanged', () => {
    const data = { maskedIdNumber: '*********001' };
    const vi = renderEmail(request('id-number-released', 'vi', data), ctx);
    const en = renderEmail(request('id-number-released', 'en', data), ctx);
    expect(vi.subject).toBe('Số định danh cá nhân trên tài khoản của Ông/Bà đã được gỡ');
    expect(vi.text).toContain('*********001');
    expect(vi.text).toContain('Tài khoản, mật khẩu và hồ sơ của Ông/Bà không thay đổi.');
    expect(en.text).toContain('Your account, password and dossiers are unchanged.');
  });

  it('password-changed says how it changed and to reset the password if it was not the owner', () => {
    const viReset = renderEmail(request('password-changed', 'vi', { via: 'reset' }), ctx);
    const viChange = renderEmail(request('password-changed', 'vi', { via: 'change' }), ctx);
    const en = renderEmail(request('password-changed', 'en', { via: 'change' }), ctx);
    expect(viReset.text).toContain('bằng liên kết đặt lại mật khẩu');
    expect(viChange.text).toContain('từ trang thông tin cá nhân');
    expect(viChange.text).toContain(
      'Nếu không phải Ông/Bà thực hiện, hãy đặt lại mật khẩu ngay tại https://dichvucong.test/forgot-password',
    );
    expect(viChange.html).toContain('href="https://dichvucong.test/forgot-password"');
    expect(en.text).toContain(
      'If it was not you, reset your password now at https://dichvucong.test/forgot-password',
    );
  });

  it('never renders an activation or reset link without the opened token', () => {
    const sealedOnly = { publicUrl: ctx.publicUrl };
    expect(() => renderEmail(request('account-registered', 'vi'), sealedOnly)).toThrow(
      'needs its opened token',
    );
    expect(() => renderEmail(request('password-reset-requested', 'en'), sealedOnly)).toThrow();
    // The sealed value itself never becomes a link.
    expect(renderEmail(request('account-registered', 'vi'), ctx).text).not.toContain(
      'sealed-token',
    );
  });

  it('registration-attempted tells the holder nothing was created, with the login and reset paths', () => {
    const vi = renderEmail(request('registration-attempted', 'vi'), { publicUrl: ctx.publicUrl });
    const en = renderEmail(request('registration-attempted', 'en'), { publicUrl: ctx.publicUrl });
    expect(vi.text).toContain('không có tài khoản mới nào được tạo');
    expect(vi.text).toContain('https://dichvucong.test/forgot-password');
    expect(vi.text).toContain('https://dichvucong.test/dang-nhap');
    expect(vi.html).toContain('href="https://dichvucong.test/forgot-password"');
    expect(vi.text).not.toContain('token=');
    expect(en.text).toContain('no new account was created');
    expect(en.text).toContain('https://dichvucong.test/forgot-password');
  });

  it('account-activated welcomes the citizen and links to the portal', () => {
    const vi = renderEmail(request('account-activated', 'vi'), ctx);
    expect(vi.text).toContain('Tài khoản an@example.vn đã được kích hoạt thành công.');
    expect(vi.html).toContain('href="https://dichvucong.test/"');
  });

  it('URL-encodes tokens, so a token cannot change the link', () => {
    const token = 'a+b/c=d&e<f>"g h#';
    const email = renderEmail(request('account-registered', 'vi'), { ...ctx, token });
    const link = 'https://dichvucong.test/activate?token=a%2Bb%2Fc%3Dd%26e%3Cf%3E%22g%20h%23';
    expect(email.text).toContain(link);
    expect(email.html).toContain(`href="${link}"`);
  });

  it.each([
    'account-registered',
    'password-reset-requested',
    'registration-attempted',
    'account-activated',
    'password-changed',
  ] as const)('%s escapes every value it puts into HTML', (template) => {
    const hostile = {
      fullName: '<script>alert("x")</script> & Co\'',
      email: 'a"><img src=x>@example.vn',
    };
    for (const locale of ['vi', 'en'] as const) {
      const email = renderEmail(request(template, locale, hostile), ctx);
      expect(email.html).not.toContain('<script>');
      expect(email.html).not.toContain('<img');
      expect(email.html).toContain(
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co&#39;',
      );
      // Plain text is not HTML: it keeps the name as written.
      expect(email.text).toContain('<script>alert("x")</script> & Co\'');
    }
  });

  it('escapes the public URL in attributes too', () => {
    const email = renderEmail(request('account-activated', 'vi'), {
      publicUrl: 'https://x.test/"onmouseover="a',
    });
    expect(email.html).toContain('href="https://x.test/&quot;onmouseover=&quot;a/"');
  });
});
