import type {
  FeeView,
  HolidayView,
  ProcedureCaseView,
  ProcedureComponentView,
  ProcedureView,
} from '@dvc/contracts';

/** Agencies of the test catalogue (codes shaped like real ones, in a range no seed uses). */
export const AGENCY = 'T00.00.01.H99';
export const AGENCY_BULK = 'T00.00.02.H99';
export const OTHER_AGENCY = 'T00.00.03.H99';

/** The catalogue's holiday table for 2026 (as seeded from apps/catalogue). */
export const HOLIDAYS: HolidayView[] = [
  { date: '2026-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
  { date: '2026-01-02', name: 'Nghỉ hoán đổi Tết Dương lịch', kind: 'holiday' },
  { date: '2026-01-10', name: 'Làm bù cho ngày 02/01/2026', kind: 'working_day' },
  { date: '2026-02-16', name: 'Tết Nguyên đán (29 tháng Chạp)', kind: 'holiday' },
  { date: '2026-02-17', name: 'Tết Nguyên đán (mùng 1)', kind: 'holiday' },
  { date: '2026-02-18', name: 'Tết Nguyên đán (mùng 2)', kind: 'holiday' },
  { date: '2026-02-19', name: 'Tết Nguyên đán (mùng 3)', kind: 'holiday' },
  { date: '2026-02-20', name: 'Tết Nguyên đán (mùng 4)', kind: 'holiday' },
  { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương', kind: 'holiday' },
  { date: '2026-04-30', name: 'Ngày Chiến thắng', kind: 'holiday' },
  { date: '2026-05-01', name: 'Ngày Quốc tế Lao động', kind: 'holiday' },
  { date: '2026-09-01', name: 'Nghỉ Quốc khánh', kind: 'holiday' },
  { date: '2026-09-02', name: 'Quốc khánh', kind: 'holiday' },
];

const component = (id: string, name: string, required: boolean): ProcedureComponentView => ({
  id,
  name,
  originals: 1,
  copies: 0,
  required,
  formId: null,
  note: null,
});

const BIRTH_FORM = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['hoTen', 'ngaySinh', 'gioiTinh'],
  additionalProperties: false,
  properties: {
    hoTen: { type: 'string', title: 'Họ, chữ đệm, tên', minLength: 1, maxLength: 100 },
    ngaySinh: { type: 'string', title: 'Ngày, tháng, năm sinh', format: 'date' },
    gioiTinh: { type: 'string', title: 'Giới tính', enum: ['Nam', 'Nữ'] },
    noiSinh: { type: 'string', title: 'Nơi sinh', maxLength: 200 },
  },
};

function procedureCase(overrides: Partial<ProcedureCaseView> = {}): ProcedureCaseView {
  return {
    id: 'mac-dinh',
    name: 'Đăng ký khai sinh đúng hạn',
    steps: ['Nộp hồ sơ', 'Tiếp nhận', 'Trả kết quả'],
    components: [
      component('to-khai', 'Tờ khai đăng ký khai sinh', true),
      component('giay-chung-sinh', 'Giấy chứng sinh', true),
      component('giay-uy-quyen', 'Văn bản ủy quyền', false),
    ],
    processingTimes: [{ channel: 'online', value: 1, unit: 'working_day', note: null }],
    fees: [{ name: 'Lệ phí', amountVnd: 0, note: 'Miễn lệ phí' }] as FeeView[],
    formSchema: BIRTH_FORM,
    ...overrides,
  };
}

export function procedure(overrides: Partial<ProcedureView> = {}): ProcedureView {
  const level = overrides.level ?? 4;
  const agencyCode = overrides.agency?.code ?? AGENCY;
  return {
    code: '9.000004',
    name: 'Đăng ký khai sinh (thử nghiệm)',
    level,
    field: { code: 't-ho-tich', name: 'Hộ tịch' },
    agency: {
      code: agencyCode,
      name: `Ủy ban nhân dân ${agencyCode}`,
      level: 'commune',
      parentCode: null,
    },
    competentAuthority: 'Ủy ban nhân dân cấp xã',
    implementingAgency: 'Ủy ban nhân dân phường Thử nghiệm',
    subjects: ['Công dân Việt Nam'],
    channels: ['online', 'post', 'desk'],
    cases: [procedureCase()],
    forms: [],
    results: ['Giấy khai sinh'],
    legalBasis: ['Luật Hộ tịch số 60/2014/QH13'],
    conditions: [],
    decision: null,
    feeAtSubmission: false,
    onlineSubmission: level >= 3,
    onlinePayment: level >= 4,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export const PROCEDURES: ProcedureView[] = [
  procedure(),
  procedure({
    code: '9.000002',
    name: 'Đăng ký khai tử (thử nghiệm)',
    level: 2,
    forms: [
      {
        id: 'to-khai-khai-tu',
        name: 'Tờ khai đăng ký khai tử',
        format: 'docx',
        reference: 'Mẫu kèm TT 04/2020/TT-BTP',
        downloadUrl: '/api/v1/procedures/9.000002/forms/to-khai-khai-tu',
      },
    ],
  }),
  procedure({
    code: '9.000005',
    name: 'Xác nhận tình trạng hôn nhân (thử nghiệm)',
    agency: {
      code: AGENCY_BULK,
      name: 'Ủy ban nhân dân phường Số Nhiều',
      level: 'commune',
      parentCode: null,
    },
    cases: [
      procedureCase({
        id: 'xac-nhan',
        components: [component('to-khai', 'Tờ khai', true)],
        formSchema: { type: 'object', properties: { ghiChu: { type: 'string' } } },
      }),
    ],
  }),
  procedure({
    code: '9.000006',
    name: 'Đổi giấy phép lái xe (thử nghiệm)',
    feeAtSubmission: true,
    cases: [
      procedureCase({
        id: 'doi-gplx',
        components: [component('don', 'Đơn đề nghị', true)],
        fees: [{ name: 'Lệ phí cấp đổi', amountVnd: 135_000, note: null }],
        formSchema: null,
      }),
    ],
  }),
];
