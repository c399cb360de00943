import type { Locale } from '@dvc/contracts';
import { renderEmail } from './email-renderer';
import type { EmailRequest } from './email.dto';

const ctx = { publicUrl: 'https://dichvucong.test/' };
const dossier = {
  dossierId: '8a0c8d7e-3f4b-4b8a-9b0e-2d6f1c5a7e11',
  code: '000.00.01.H26-261126-0007',
  procedureName: 'Đổi giấy phép lái xe',
};
const payment = {
  paymentId: '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d',
  dossierId: dossier.dossierId,
  dossierCode: dossier.code,
  amount: 135000,
};

function request(
  template: EmailRequest['template'],
  locale: Locale,
  type: string,
  data: object,
  link: string,
): EmailRequest {
  return {
    template,
    locale,
    to: { address: 'an@example.vn', name: 'Nguyễn Văn An' },
    accountId: '6f1c1c8e-52a4-4a57-a0a8-2c7b3c1f1a01',
    data: { fullName: 'Nguyễn Văn An', type, data, link },
  } as EmailRequest;
}

describe('emails that go with bell notifications', () => {
  it.each([
    [
      'dossier-submitted',
      'dossier.submitted',
      dossier,
      `/ho-so/${dossier.dossierId}`,
      'Nộp hồ sơ thành công: 000.00.01.H26-261126-0007',
      'Dossier submitted: 000.00.01.H26-261126-0007',
    ],
    [
      'dossier-status-changed',
      'dossier.received',
      { ...dossier, dueAt: '2026-12-04T10:00:00.000Z' },
      `/ho-so/${dossier.dossierId}`,
      'Hồ sơ đã được tiếp nhận (000.00.01.H26-261126-0007)',
      'Dossier received (000.00.01.H26-261126-0007)',
    ],
    [
      'payment-required',
      'payment.required',
      { ...payment, procedureName: dossier.procedureName },
      `/giao-dich/${payment.paymentId}`,
      'Thanh toán phí, lệ phí hồ sơ 000.00.01.H26-261126-0007: 135.000 đồng',
      'Fee to pay for dossier 000.00.01.H26-261126-0007: VND 135,000',
    ],
    [
      'payment-succeeded',
      'payment.succeeded',
      payment,
      `/giao-dich/${payment.paymentId}`,
      'Thanh toán thành công cho hồ sơ 000.00.01.H26-261126-0007',
      'Payment received for dossier 000.00.01.H26-261126-0007',
    ],
    [
      'payment-failed',
      'payment.failed',
      { ...payment, status: 'failed' },
      `/giao-dich/${payment.paymentId}`,
      'Thanh toán không thành công cho hồ sơ 000.00.01.H26-261126-0007',
      'Payment failed for dossier 000.00.01.H26-261126-0007',
    ],
    [
      'payment-expired',
      'payment.expired',
      payment,
      `/giao-dich/${payment.paymentId}`,
      'Giao dịch thanh toán hồ sơ 000.00.01.H26-261126-0007 đã hết hạn',
      'Payment for dossier 000.00.01.H26-261126-0007 expired',
    ],
  ] as const)(
    '%s: subject in each locale, greeting, the bell text, a link to the page',
    (template, type, data, link, viSubject, enSubject) => {
      const vi = renderEmail(request(template, 'vi', type, data, link), ctx);
      const en = renderEmail(request(template, 'en', type, data, link), ctx);
      expect(vi.subject).toBe(viSubject);
      expect(en.subject).toBe(enSubject);
      expect(vi.text).toContain('Kính gửi Ông/Bà Nguyễn Văn An,');
      expect(vi.html).toContain('Kính gửi Ông/Bà <strong>Nguyễn Văn An</strong>,');
      expect(en.text).toContain('Dear Nguyễn Văn An,');
      expect(vi.text).toContain(`https://dichvucong.test${link}`);
      expect(vi.html).toContain(`href="https://dichvucong.test${link}"`);
      expect(vi.html).toContain('<html lang="vi">');
      expect(en.html).toContain('<html lang="en">');
      expect(vi.text).toContain('Đây là thư tự động, vui lòng không trả lời thư này.');
    },
  );

  it('dossier-submitted gives the lookup key to use with the dossier code', () => {
    const data = { ...dossier, lookupKey: 'K7P2QX' };
    const link = `/ho-so/${dossier.dossierId}`;
    const vi = renderEmail(
      request('dossier-submitted', 'vi', 'dossier.submitted', data, link),
      ctx,
    );
    const en = renderEmail(
      request('dossier-submitted', 'en', 'dossier.submitted', data, link),
      ctx,
    );
    expect(vi.text).toContain('Mã tra cứu: K7P2QX. Nhập mã hồ sơ cùng mã tra cứu');
    expect(vi.html).toContain('Mã tra cứu: K7P2QX.');
    expect(en.text).toContain('Lookup key: K7P2QX.');
  });

  it('dossier-status-changed says what to do next: supplement asks to sign in and attach', () => {
    const email = renderEmail(
      request(
        'dossier-status-changed',
        'vi',
        'dossier.supplement_requested',
        { ...dossier, missing: ['Giấy khám sức khỏe'], note: null },
        `/ho-so/${dossier.dossierId}`,
      ),
      ctx,
    );
    expect(email.subject).toBe('Yêu cầu bổ sung hồ sơ (000.00.01.H26-261126-0007)');
    expect(email.text).toContain('cần bổ sung: Giấy khám sức khỏe.');
    expect(email.text).toContain('đính kèm các giấy tờ còn thiếu và gửi bổ sung hồ sơ');
  });

  it.each(['dossier.result_ready', 'dossier.returned'])(
    '%s invites the citizen to rate the service, linking to the rating form',
    (type) => {
      const data = { ...dossier, deliveryMethod: 'online', deliveryTracking: null };
      const link = `/ho-so/${dossier.dossierId}`;
      const vi = renderEmail(request('dossier-status-changed', 'vi', type, data, link), ctx);
      const en = renderEmail(request('dossier-status-changed', 'en', type, data, link), ctx);
      const form = `https://dichvucong.test/ho-so/${dossier.dossierId}#danh-gia`;
      expect(vi.text).toContain(
        `Mời Ông/Bà đánh giá mức độ hài lòng về việc giải quyết hồ sơ: ${form}`,
      );
      expect(vi.html).toContain(form);
      expect(en.text).toContain(`Please tell us how satisfied you are with the service: ${form}`);
    },
  );

  it('does not ask for a rating before the result', () => {
    const email = renderEmail(
      request(
        'dossier-status-changed',
        'vi',
        'dossier.received',
        { ...dossier, dueAt: '2026-12-04T10:00:00.000Z' },
        `/ho-so/${dossier.dossierId}`,
      ),
      ctx,
    );
    expect(email.text).not.toContain('#danh-gia');
  });

  it('escapes what officers wrote (notes, missing documents) in the HTML', () => {
    const hostile = '<img src=x onerror=alert(1)> & "Co"';
    const email = renderEmail(
      request(
        'dossier-status-changed',
        'vi',
        'dossier.supplement_requested',
        { ...dossier, missing: [hostile], note: hostile },
        `/ho-so/${dossier.dossierId}`,
      ),
      ctx,
    );
    expect(email.html).not.toContain('<img');
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;');
    expect(email.text).toContain(hostile);
  });
});
