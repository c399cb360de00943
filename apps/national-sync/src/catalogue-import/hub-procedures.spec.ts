import { mapHubProcedure } from './hub-procedures';

const hubRecord = {
  MATTHC: '9.000101',
  TENTTHC: 'Cấp bản sao trích lục hộ tịch',
  MUCDO: '2',
  LINHVUCTHUCHIEN: [{ MALINHVUC: 'ho-tich', TENLINHVUC: 'Hộ tịch' }],
  COQUANTHUCHIEN: [{ MADONVI: '000.21.01.H26', TENDONVI: 'UBND phường Ba Đình' }],
  TRINHTUTHUCHIEN: [{ TRUONGHOP: '', TRINHTU: [{ TENTRINHTU: 'Nộp tờ khai.' }] }],
  CACHTHUCTHUCHIEN: [
    {
      KENH: '2',
      THOIGIAN: [
        {
          THOIGIANGIAIQUYET: '1',
          DONVITINH: 'Ngày làm việc',
          PHILEPHI: [{ MAPHILEPHI: 'LP', SOTIEN: '8000', MOTA: 'Phí' }],
        },
      ],
    },
    {
      KENH: '1',
      THOIGIAN: [
        {
          THOIGIANGIAIQUYET: '1',
          DONVITINH: 'Ngày làm việc',
          PHILEPHI: [{ SOTIEN: '8000', MOTA: 'Phí' }],
        },
      ],
    },
  ],
  THANHPHANHOSO: [
    {
      TRUONGHOP: '',
      GIAYTO: [{ MAGIAYTO: 'TK', TENGIAYTO: 'Tờ khai', SOBANCHINH: '1', SOBANSAO: '0' }],
    },
  ],
  KETQUATHUCHIEN: [{ TENKETQUA: 'Bản sao trích lục' }],
  CANCUPHAPLY: [{ SOVANBAN: '60/2014/QH13', TENVANBAN: 'Luật Hộ tịch' }],
  YEUCAU: 'Không',
};

describe('mapHubProcedure', () => {
  it('translates a LayThuTuc record into the catalogue procedure shape', () => {
    const mapped = mapHubProcedure(hubRecord);
    if (!mapped.ok) throw new Error('expected a mapped procedure');
    expect(mapped.document).toMatchObject({
      code: '9.000101',
      name: 'Cấp bản sao trích lục hộ tịch',
      fieldCode: 'ho-tich',
      level: 2,
      agencyCode: '000.21.01.H26',
      channels: ['online', 'desk'],
      results: ['Bản sao trích lục'],
      legalBasis: ['60/2014/QH13 Luật Hộ tịch'],
      conditions: ['Không'],
      forms: [],
      feeAtSubmission: false,
    });
    const [only] = mapped.document.cases as Record<string, unknown>[];
    expect(only).toMatchObject({
      id: 'mac-dinh',
      steps: ['Nộp tờ khai.'],
      components: [{ id: 'tk', name: 'Tờ khai', originals: 1, copies: 0, required: true }],
      processingTimes: [
        { channel: 'online', value: 1, unit: 'working_day' },
        { channel: 'desk', value: 1, unit: 'working_day' },
      ],
      fees: [{ name: 'Phí', amountVnd: 8000 }],
    });
  });

  it('rejects a record without a code or a name, saying which', () => {
    expect(mapHubProcedure({ TENTTHC: 'x' })).toEqual({
      ok: false,
      rejected: {
        code: '',
        name: 'x',
        outcome: 'rejected',
        reasons: [{ field: 'MATTHC', message: 'Thiếu mã thủ tục' }],
      },
    });
  });
});
