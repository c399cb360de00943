import {
  DossierStatus,
  DossierStatusChangedEvent,
  DossierStatusName,
  DossierSubmittedEvent,
} from '@dvc/contracts';
import {
  HUB_STATUS,
  derivedCallId,
  hubDate,
  statusChangedCalls,
  submittedCalls,
} from './hub-messages';

const base = {
  dossierId: '7d3f0c2e-3b1a-4c55-9d7e-0a1b2c3d4e5f',
  code: '000.00.01.H26-261207-0001',
  procedureCode: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  agencyCode: '000.00.01.H26',
  applicantId: 'a',
  at: '2026-12-07T02:00:00.000Z',
};

function changed(from: DossierStatusName, to: DossierStatusName): DossierStatusChangedEvent {
  return {
    ...base,
    status: to,
    statusCode: DossierStatus[to],
    from,
    action: 'x',
    note: null,
    byRole: 'officer',
    dueAt: '2026-12-14T09:30:00.000Z',
    deliveryMethod: 'post',
    deliveryTracking: 'EMS123',
  };
}

describe('hub messages', () => {
  it('maps every status but DRAFT to the national number the hub expects', () => {
    for (const [name, code] of Object.entries(DossierStatus)) {
      expect(HUB_STATUS[name as DossierStatusName]).toBe(code === 0 ? null : String(code));
    }
  });

  it('writes dates as yyyyMMddHHmmss in Vietnam time, and nothing for no date', () => {
    expect(hubDate('2026-12-31T17:30:05Z')).toBe('20270101003005');
    expect(hubDate(null)).toBe('');
    expect(hubDate('not a date')).toBe('');
  });

  it('creates the dossier at the hub on submission, with the event id as the call id', () => {
    const event: DossierSubmittedEvent = {
      ...base,
      status: 'SUBMITTED',
      statusCode: 1,
      submittedAt: base.at,
    };
    const [call] = submittedCalls('e1', event);
    expect(call).toMatchObject({ id: 'e1', kind: 'dossier-sync', service: 'DongBoHoSoMC' });
    expect(call.isUpdating).toBe(false);
    expect(call.record).toMatchObject({
      MaHoSo: base.code,
      MaTTHC: '1.001193',
      TrangThaiHoSo: '1',
      NgayTiepNhan: '20261207090000',
      ChuHoSo: '',
      SoDienThoai: '',
    });
  });

  it('adds a progress step for each change, and the result update when the result is ready', () => {
    expect(statusChangedCalls('e2', changed('SUBMITTED', 'RECEIVED')).map((c) => c.kind)).toEqual([
      'progress-update',
    ]);
    const calls = statusChangedCalls('e3', changed('PROCESSING', 'RESULT_READY'));
    expect(calls.map((c) => [c.kind, c.service, c.id])).toEqual([
      ['progress-update', 'CapNhatTienDoHoSoMC', 'e3'],
      ['result', 'DongBoHoSoMC', derivedCallId('e3', 'result')],
    ]);
    expect(calls[0].record).toMatchObject({
      TrangThai: '9',
      NgayKetThucTheoQuyDinh: '20261214163000',
    });
    expect(calls[1].isUpdating).toBe(true);
    expect(calls[1].record).toMatchObject({
      TrangThaiHoSo: '9',
      NgayKetThucXuLy: '20261207090000',
      HinhThuc: '1',
      ThongTinTra: 'EMS123',
    });
    expect(derivedCallId('e3', 'result')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('sends nothing for a change out of DRAFT or into SUBMITTED (the dossier-sync tells it)', () => {
    expect(statusChangedCalls('e4', changed('DRAFT', 'PAYMENT_REQUIRED'))).toEqual([]);
    expect(statusChangedCalls('e5', changed('DRAFT', 'SUBMITTED'))).toEqual([]);
    expect(statusChangedCalls('e6', changed('PAYMENT_REQUIRED', 'SUBMITTED'))).toEqual([]);
  });
});
