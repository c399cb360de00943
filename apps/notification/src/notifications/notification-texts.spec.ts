import {
  NOTIFICATION_TEXTS,
  formatDueAt,
  formatVnd,
  isNotificationType,
  renderNotification,
} from './notification-texts';
import type { NotificationType } from './notification-types';

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

describe('notification texts', () => {
  it('formats due dates in Vietnam time whatever the server zone', () => {
    // 10:00 UTC is 17:00 in Hà Nội (UTC+7)
    expect(formatDueAt('2026-12-04T10:00:00.000Z', 'vi')).toBe('17:00 ngày 04/12/2026');
    expect(formatDueAt('2026-12-04T10:00:00.000Z', 'en')).toBe(
      '04/12/2026 at 17:00 (Vietnam time)',
    );
    expect(formatDueAt('2026-12-31T17:30:00.000Z', 'vi')).toBe('00:30 ngày 01/01/2027');
  });

  it('writes VND amounts as people read them', () => {
    expect(formatVnd(1250000, 'vi')).toBe('1.250.000 đồng');
    expect(formatVnd(1250000, 'en')).toBe('VND 1,250,000');
    expect(formatVnd(500, 'vi')).toBe('500 đồng');
  });

  it('has Vietnamese first, then English, for every type', () => {
    for (const type of Object.keys(NOTIFICATION_TEXTS)) {
      expect(isNotificationType(type)).toBe(true);
      expect(Object.keys(NOTIFICATION_TEXTS[type as NotificationType])).toEqual(['vi', 'en']);
    }
    expect(isNotificationType('hasOwnProperty')).toBe(false);
  });

  it.each([
    [
      'dossier.received',
      { ...dossier, dueAt: '2026-12-04T10:00:00.000Z' },
      {
        title: 'Hồ sơ đã được tiếp nhận',
        body: 'Hồ sơ 000.00.01.H26-261126-0007 (Đổi giấy phép lái xe) đã được tiếp nhận. Ngày hẹn trả kết quả: 17:00 ngày 04/12/2026.',
      },
      {
        title: 'Dossier received',
        body: 'Your dossier 000.00.01.H26-261126-0007 (Đổi giấy phép lái xe) was received by the agency. Expected result: 04/12/2026 at 17:00 (Vietnam time).',
      },
    ],
    [
      'dossier.supplement_requested',
      { ...dossier, missing: ['Giấy khám sức khỏe', 'Ảnh 3x4'], note: 'Nộp bản gốc' },
      {
        title: 'Yêu cầu bổ sung hồ sơ',
        body: 'Hồ sơ 000.00.01.H26-261126-0007 (Đổi giấy phép lái xe) cần bổ sung: Giấy khám sức khỏe; Ảnh 3x4. Ghi chú: Nộp bản gốc. Thời hạn giải quyết tạm dừng cho đến khi Ông/Bà bổ sung.',
      },
      {
        title: 'Additional documents requested',
        body: 'Your dossier 000.00.01.H26-261126-0007 (Đổi giấy phép lái xe) needs: Giấy khám sức khỏe; Ảnh 3x4. Note: Nộp bản gốc. The processing time is paused until you add them.',
      },
    ],
    [
      'dossier.refused',
      { ...dossier, reason: 'Không thuộc thẩm quyền giải quyết' },
      {
        title: 'Hồ sơ bị từ chối',
        body: 'Hồ sơ 000.00.01.H26-261126-0007 (Đổi giấy phép lái xe) đã bị từ chối giải quyết. Lý do: Không thuộc thẩm quyền giải quyết.',
      },
      {
        title: 'Dossier refused',
        body: 'Your dossier 000.00.01.H26-261126-0007 (Đổi giấy phép lái xe) was refused. Reason: Không thuộc thẩm quyền giải quyết.',
      },
    ],
    [
      'dossier.returned',
      { ...dossier, deliveryMethod: 'post', deliveryTracking: 'EV123456789VN' },
      {
        title: 'Đã trả kết quả hồ sơ',
        body: 'Kết quả giải quyết hồ sơ 000.00.01.H26-261126-0007 (Đổi giấy phép lái xe) đã được gửi qua bưu chính, mã vận đơn: EV123456789VN.',
      },
      {
        title: 'Result delivered',
        body: 'The result of dossier 000.00.01.H26-261126-0007 (Đổi giấy phép lái xe) was sent by post, tracking number EV123456789VN.',
      },
    ],
    [
      'payment.required',
      { ...payment, procedureName: dossier.procedureName },
      {
        title: 'Hồ sơ cần thanh toán phí, lệ phí',
        body: 'Hồ sơ 000.00.01.H26-261126-0007 (Đổi giấy phép lái xe) cần thanh toán 135.000 đồng. Ông/Bà có thể thanh toán trực tuyến tại mục Giao dịch.',
      },
      {
        title: 'Fee to pay',
        body: 'Your dossier 000.00.01.H26-261126-0007 (Đổi giấy phép lái xe) needs a payment of VND 135,000. You can pay online under Transactions.',
      },
    ],
    [
      'payment.succeeded',
      payment,
      {
        title: 'Thanh toán thành công',
        body: 'Ông/Bà đã thanh toán thành công 135.000 đồng cho hồ sơ 000.00.01.H26-261126-0007. Biên lai điện tử có trong mục Giao dịch.',
      },
      {
        title: 'Payment received',
        body: 'You paid VND 135,000 for dossier 000.00.01.H26-261126-0007. The e-receipt is under Transactions.',
      },
    ],
  ] as const)('%s in Vietnamese (with diacritics) and English', (type, facts, vi, en) => {
    expect(renderNotification(type, 'vi', facts as never)).toEqual(vi);
    expect(renderNotification(type, 'en', facts as never)).toEqual(en);
  });

  it('leaves out what the event does not know, and ends every sentence once', () => {
    const noDue = renderNotification('dossier.received', 'vi', { ...dossier, dueAt: null });
    expect(noDue.body).toBe(
      'Hồ sơ 000.00.01.H26-261126-0007 (Đổi giấy phép lái xe) đã được tiếp nhận.',
    );
    const stopped = renderNotification('dossier.stopped', 'vi', {
      ...dossier,
      reason: 'Theo đề nghị của công dân.',
    });
    expect(stopped.body).toMatch(/Lý do: Theo đề nghị của công dân\.$/);
    expect(stopped.body).not.toMatch(/\.\.$/);
    const posted = renderNotification('dossier.returned', 'en', {
      ...dossier,
      deliveryMethod: 'post',
      deliveryTracking: null,
    });
    expect(posted.body).toMatch(/was sent by post\.$/);
  });

  it.each([
    ['failed', 'Thanh toán không thành công', 'có thể thanh toán lại'],
    ['cancelled', 'Giao dịch thanh toán đã bị hủy', 'có thể thanh toán lại'],
    ['error', 'Giao dịch thanh toán đang được kiểm tra', 'khoản tiền sẽ được hoàn lại'],
  ] as const)('says how a payment ended (%s)', (status, title, advice) => {
    const vi = renderNotification('payment.failed', 'vi', { ...payment, status });
    expect(vi.title).toBe(title);
    expect(vi.body).toContain('135.000 đồng cho hồ sơ 000.00.01.H26-261126-0007');
    expect(vi.body).toContain(advice);
    expect(renderNotification('payment.failed', 'en', { ...payment, status }).title).toMatch(
      /^Payment (failed|cancelled|under review)$/,
    );
  });

  it.each(['online', 'post', 'desk'] as const)(
    'tells where a result ready to collect is (%s)',
    (deliveryMethod) => {
      const vi = renderNotification('dossier.result_ready', 'vi', {
        ...dossier,
        deliveryMethod,
        deliveryTracking: null,
      });
      expect(vi.title).toBe('Đã có kết quả giải quyết hồ sơ');
      expect(vi.body).toContain(
        {
          online: 'tải kết quả trực tuyến',
          post: 'bưu chính',
          desk: 'Bộ phận Tiếp nhận và Trả kết quả',
        }[deliveryMethod],
      );
    },
  );
});
