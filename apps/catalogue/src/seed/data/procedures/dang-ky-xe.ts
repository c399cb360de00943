import type { ProcedureSeed } from '../../seed.types';
import type { Prop } from './form-schema';
import { agencyCodes as a } from '../agencies';
import { choice, idNumber, int, phone, schema, text } from './form-schema';
import { times } from './processing-times';

const vehicleProps = {
  tenChuXe: text('Tên chủ xe (cá nhân hoặc tổ chức)', 150),
  soDinhDanh: idNumber('Số định danh cá nhân của chủ xe'),
  diaChi: text('Địa chỉ của chủ xe', 255),
  loaiXe: choice('Loại xe', [
    'Xe mô tô',
    'Xe gắn máy',
    'Xe máy điện',
    'Xe ô tô',
    'Rơ moóc, sơ mi rơ moóc',
  ]),
  nhanHieu: text('Nhãn hiệu, số loại', 100),
  soKhung: text('Số khung', 20),
  soMay: text('Số máy', 20),
  mauSon: text('Màu sơn', 50),
  namSanXuat: int('Năm sản xuất', 1950, 2100),
  soDienThoai: phone('Số điện thoại'),
} satisfies Record<string, Prop>;

/**
 * Lĩnh vực Đăng ký, quản lý phương tiện giao thông cơ giới, xe máy chuyên dùng (`dang-ky-xe`): procedure #16.
 * Values marked "giả định" are plausible choices where the fact sheet had none; verify
 * them against dichvucong.gov.vn before release.
 */
export const dangKyXe: ProcedureSeed[] = [
  // 16 ----------------------------------------------------------------------
  {
    code: '1.013067',
    name: 'Đăng ký, cấp biển số xe lần đầu thực hiện bằng dịch vụ công một phần hoặc trực tiếp thực hiện tại cấp trung ương, cấp tỉnh, cấp xã',
    fieldCode: 'dang-ky-xe',
    level: 3,
    agencyCode: a.baDinhPolice,
    competentAuthority: 'Cục Cảnh sát giao thông – Bộ Công an',
    implementingAgency: 'Cục Cảnh sát giao thông; Công an cấp tỉnh; Công an cấp xã',
    subjects: ['Tổ chức, cá nhân là chủ xe'],
    channels: ['online', 'desk'],
    decision: '1383/QĐ-BCA',
    feeAtSubmission: false,
    cases: [
      {
        id: 'bien-so-moi',
        name: 'Đăng ký xe, cấp biển số mới',
        steps: [
          'Chủ xe kê khai Giấy khai đăng ký xe trên Cổng Dịch vụ công hoặc tại cơ quan đăng ký xe; nhận mã hồ sơ đăng ký xe trực tuyến.',
          'Đưa xe đến cơ quan đăng ký xe để kiểm tra, đối chiếu số khung, số máy; nộp giấy tờ của chủ xe và giấy tờ của xe.',
          'Nộp lệ phí đăng ký, cấp biển số; bấm chọn biển số ngẫu nhiên trên hệ thống và nhận biển số ngay.',
          'Nhận Giấy chứng nhận đăng ký xe tại cơ quan đăng ký hoặc qua dịch vụ bưu chính trong 02 ngày làm việc.',
        ],
        components: [
          {
            id: 'giay-khai-dang-ky-xe',
            name: 'Giấy khai đăng ký xe (mẫu ĐKX10/79)',
            originals: 1,
            copies: 0,
            required: true,
            formId: 'giay-khai-dang-ky-xe',
          },
          {
            id: 'giay-to-chu-xe',
            name: 'Giấy tờ của chủ xe',
            originals: 1,
            copies: 0,
            required: true,
          },
          {
            id: 'giay-to-xe',
            name: 'Giấy tờ của xe (chứng nhận nguồn gốc, chứng nhận quyền sở hữu hợp pháp, chứng từ hoàn thành nghĩa vụ tài chính)',
            originals: 1,
            copies: 0,
            required: true,
          },
        ],
        processingTimes: [
          {
            channel: 'online',
            value: 2,
            unit: 'working_day',
            note: 'Biển số cấp ngay (1 giờ); chứng nhận đăng ký xe ≤ 02 ngày làm việc, tính từ khi hồ sơ đầy đủ và đã nộp lệ phí',
          },
          {
            channel: 'desk',
            value: 2,
            unit: 'working_day',
            note: 'Biển số cấp ngay (1 giờ); chứng nhận đăng ký xe ≤ 02 ngày làm việc, tính từ khi hồ sơ đầy đủ và đã nộp lệ phí',
          },
        ],
        fees: [
          {
            name: 'Lệ phí đăng ký, cấp biển số xe',
            amountVnd: null,
            note: 'Theo TT 60/2023/TT-BTC (sửa đổi bởi TT 06/2025/TT-BTC); mức thu tùy loại xe và khu vực đăng ký',
          },
        ],
        formSchema: schema('Khai đăng ký xe lần đầu', vehicleProps, [
          'tenChuXe',
          'soDinhDanh',
          'diaChi',
          'loaiXe',
          'nhanHieu',
          'soKhung',
          'soMay',
          'soDienThoai',
        ]),
      },
      {
        id: 'bien-so-dau-gia-dinh-danh',
        name: 'Đăng ký xe trúng đấu giá biển số, đổi biển số hoặc cấp biển số định danh',
        steps: [
          'Chủ xe kê khai Giấy khai đăng ký xe trên Cổng Dịch vụ công hoặc tại cơ quan đăng ký xe, kèm thông tin biển số trúng đấu giá hoặc biển số định danh.',
          'Đưa xe đến cơ quan đăng ký xe để kiểm tra, đối chiếu số khung, số máy; nộp giấy tờ của chủ xe và giấy tờ của xe.',
          'Nộp lệ phí đăng ký, cấp biển số.',
          'Nhận Giấy chứng nhận đăng ký xe và biển số tại cơ quan đăng ký hoặc qua dịch vụ bưu chính trong 07 ngày làm việc.',
        ],
        components: [
          {
            id: 'giay-khai-dang-ky-xe',
            name: 'Giấy khai đăng ký xe (mẫu ĐKX10/79)',
            originals: 1,
            copies: 0,
            required: true,
            formId: 'giay-khai-dang-ky-xe',
          },
          {
            id: 'giay-to-chu-xe',
            name: 'Giấy tờ của chủ xe',
            originals: 1,
            copies: 0,
            required: true,
          },
          {
            id: 'giay-to-xe',
            name: 'Giấy tờ của xe (chứng nhận nguồn gốc, chứng nhận quyền sở hữu hợp pháp, chứng từ hoàn thành nghĩa vụ tài chính)',
            originals: 1,
            copies: 0,
            required: true,
          },
          {
            id: 'van-ban-trung-dau-gia',
            name: 'Văn bản xác nhận biển số trúng đấu giá',
            originals: 1,
            copies: 0,
            required: false,
            note: 'Khi đăng ký biển số trúng đấu giá (giả định)',
          },
        ],
        processingTimes: times(
          ['online', 'desk'],
          7,
          'working_day',
          'Tính từ khi hồ sơ đầy đủ và đã nộp lệ phí',
        ),
        fees: [
          {
            name: 'Lệ phí đăng ký, cấp biển số xe',
            amountVnd: null,
            note: 'Theo TT 60/2023/TT-BTC (sửa đổi bởi TT 06/2025/TT-BTC); mức thu tùy loại xe và khu vực đăng ký',
          },
        ],
        formSchema: schema(
          'Khai đăng ký xe (biển số trúng đấu giá / định danh)',
          {
            ...vehicleProps,
            bienSo: text('Biển số trúng đấu giá / biển số định danh', 12, {
              pattern: '^[0-9]{2}[A-Z]{1,2}[0-9]?-?[0-9]{4,5}$',
            }),
          },
          [
            'tenChuXe',
            'soDinhDanh',
            'diaChi',
            'loaiXe',
            'nhanHieu',
            'soKhung',
            'soMay',
            'bienSo',
            'soDienThoai',
          ],
        ),
      },
    ],
    forms: [
      {
        id: 'giay-khai-dang-ky-xe',
        name: 'Giấy khai đăng ký xe',
        format: 'docx',
        reference: 'Mẫu ĐKX10/79 kèm TT 13/2025/TT-BCA (tệp MauKX1079.docx)',
        fields: [
          'Tên chủ xe',
          'Số định danh cá nhân / mã số thuế',
          'Địa chỉ',
          'Số điện thoại',
          'Nhãn hiệu',
          'Số loại',
          'Loại xe',
          'Màu sơn',
          'Số máy',
          'Số khung',
          'Năm sản xuất',
          'Dung tích xi lanh / công suất',
          'Số, ngày chứng từ nguồn gốc',
          'Số, ngày chứng từ lệ phí trước bạ',
          'Chữ ký chủ xe',
        ],
      },
    ],
    results: ['Giấy chứng nhận đăng ký xe (KQ.G01.000014)', 'Biển số xe (KQ.G01.000015)'],
    legalBasis: [
      'Luật Trật tự, an toàn giao thông đường bộ số 36/2024/QH15',
      'Thông tư số 79/2024/TT-BCA',
      'Thông tư số 13/2025/TT-BCA',
      'Thông tư số 60/2023/TT-BTC',
      'Thông tư số 06/2025/TT-BTC',
    ],
    conditions: [
      'Xe có nguồn gốc hợp pháp và đã hoàn thành nghĩa vụ tài chính (lệ phí trước bạ)',
      'Chủ xe đưa xe đến cơ quan đăng ký để kiểm tra (dịch vụ công một phần)',
      'Thời hạn giải quyết tính từ khi hồ sơ đầy đủ và đã nộp lệ phí',
    ],
  },
];
