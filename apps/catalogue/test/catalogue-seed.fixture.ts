import type { CatalogueSeed, ProcedureSeed } from '../src/seed/seed.types';

/**
 * A small catalogue for tests, with its own agency and field codes so that counts in a
 * schema that also holds the demo seed stay exact.
 */
export const TEST_FIELD = 't-ho-tich';
export const TEST_FIELD_2 = 't-giao-thong';
export const TEST_PROVINCE = 'T00.00.01.H99';
export const TEST_COMMUNE = 'T00.21.01.H99';

export function procedure(overrides: Partial<ProcedureSeed> = {}): ProcedureSeed {
  return {
    code: 'T.000001',
    name: 'Đăng ký khai sinh',
    fieldCode: TEST_FIELD,
    level: 4,
    agencyCode: TEST_COMMUNE,
    competentAuthority: 'Ủy ban nhân dân cấp xã',
    implementingAgency: 'Ủy ban nhân dân phường Thử nghiệm',
    subjects: ['Công dân Việt Nam'],
    channels: ['online', 'post', 'desk'],
    cases: [
      {
        id: 'mac-dinh',
        name: 'Đăng ký khai sinh đúng hạn',
        steps: ['Nộp hồ sơ', 'Tiếp nhận và kiểm tra', 'Trả kết quả'],
        components: [
          {
            id: 'to-khai',
            name: 'Tờ khai đăng ký khai sinh',
            originals: 1,
            copies: 0,
            required: true,
            formId: 'to-khai-khai-sinh',
          },
          {
            id: 'giay-chung-sinh',
            name: 'Giấy chứng sinh',
            originals: 1,
            copies: 0,
            required: true,
            note: 'Bản điện tử nếu có',
          },
        ],
        processingTimes: [{ channel: 'online', value: 1, unit: 'working_day' }],
        fees: [{ name: 'Lệ phí đăng ký khai sinh', amountVnd: 0, note: 'Miễn lệ phí' }],
        formSchema: {
          type: 'object',
          required: ['hoTen', 'ngaySinh'],
          properties: {
            hoTen: { type: 'string', minLength: 1, title: 'Họ, chữ đệm, tên' },
            ngaySinh: { type: 'string', format: 'date', title: 'Ngày, tháng, năm sinh' },
          },
        },
      },
    ],
    forms: [
      {
        id: 'to-khai-khai-sinh',
        name: 'Tờ khai đăng ký khai sinh',
        format: 'docx',
        reference: 'Mẫu kèm Thông tư 04/2020/TT-BTP',
        fields: [
          'Họ, chữ đệm, tên người được khai sinh',
          'Ngày, tháng, năm sinh',
          'Nơi sinh',
          'Quê quán',
        ],
      },
    ],
    results: ['Giấy khai sinh'],
    legalBasis: ['Luật Hộ tịch số 60/2014/QH13'],
    conditions: [],
    decision: '163/QĐ-BTP',
    feeAtSubmission: false,
    ...overrides,
  };
}

export const testSeed: CatalogueSeed = {
  agencies: [
    // child before parent on purpose: one statement inserts both
    {
      code: TEST_COMMUNE,
      name: 'Ủy ban nhân dân phường Thử nghiệm',
      level: 'commune',
      parentCode: TEST_PROVINCE,
    },
    { code: TEST_PROVINCE, name: 'Công an tỉnh Thử nghiệm', level: 'province' },
  ],
  fields: [
    { code: TEST_FIELD, name: 'Hộ tịch (thử nghiệm)' },
    { code: TEST_FIELD_2, name: 'Đường bộ (thử nghiệm)' },
  ],
  procedures: [
    procedure(),
    procedure({
      code: 'T.000002',
      name: 'Đăng ký kết hôn',
      level: 3,
      forms: [],
      cases: [
        {
          ...procedure().cases[0],
          id: 'ket-hon',
          name: 'Đăng ký kết hôn',
          components: [],
          formSchema: undefined,
        },
      ],
    }),
    procedure({
      code: 'T.000003',
      name: 'Đăng ký khai tử',
      level: 2,
      forms: [],
      cases: [{ ...procedure().cases[0], components: [] }],
    }),
    procedure({
      code: 'T.000004',
      name: 'Đổi giấy phép lái xe',
      fieldCode: TEST_FIELD_2,
      agencyCode: TEST_PROVINCE,
      level: 4,
      feeAtSubmission: true,
      forms: [
        {
          id: 'don-de-nghi',
          name: 'Đơn đề nghị đổi, cấp lại giấy phép lái xe',
          format: 'pdf',
          reference: 'Mẫu kèm Thông tư 35/2024/TT-BGTVT',
          fields: ['Họ và tên', 'Số giấy phép lái xe', 'Hạng'],
        },
      ],
      cases: [
        {
          ...procedure().cases[0],
          id: 'doi-gplx',
          name: 'Đổi giấy phép lái xe do ngành Công an cấp',
          components: [
            {
              id: 'don',
              name: 'Đơn đề nghị',
              originals: 1,
              copies: 0,
              required: true,
              formId: 'don-de-nghi',
            },
          ],
          fees: [{ name: 'Lệ phí cấp đổi giấy phép lái xe', amountVnd: 135000 }],
        },
      ],
    }),
    procedure({
      code: 'T.000005',
      name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
      level: 1,
      forms: [],
      cases: [{ ...procedure().cases[0], components: [] }],
    }),
  ],
  holidays: [
    { date: '2031-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
    { date: '2031-09-02', name: 'Quốc khánh', kind: 'holiday' },
    { date: '2032-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
  ],
};
