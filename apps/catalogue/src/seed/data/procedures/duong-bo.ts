import type { ProcedureSeed } from '../../seed.types';
import { agencyCodes as a } from '../agencies';
import { choice, date, email, idNumber, pastDate, phone, schema, text } from './form-schema';
import { times } from './processing-times';

const GPLX_CLASSES = [
  'A1',
  'A',
  'B1',
  'B',
  'C1',
  'C',
  'D1',
  'D2',
  'D',
  'BE',
  'C1E',
  'CE',
  'D1E',
  'D2E',
  'DE',
];

/**
 * Lĩnh vực Đường bộ (`duong-bo`): procedure #15.
 */
export const duongBo: ProcedureSeed[] = [
  // 15 ----------------------------------------------------------------------
  {
    code: '3.000347',
    name: 'Đổi giấy phép lái xe',
    fieldCode: 'duong-bo',
    level: 4,
    agencyCode: a.cityPolice,
    competentAuthority: 'Cục Cảnh sát giao thông – Bộ Công an',
    implementingAgency: 'Cục Cảnh sát giao thông; Công an cấp tỉnh; Công an cấp xã',
    subjects: [
      'Công dân Việt Nam',
      'Người nước ngoài, người Việt Nam định cư ở nước ngoài có giấy phép lái xe do Việt Nam cấp',
    ],
    channels: ['online', 'desk'],
    decision: '1025/QĐ-BCA',
    feeAtSubmission: false,
    cases: [
      {
        id: 'mac-dinh',
        name: 'Đổi giấy phép lái xe do cơ quan có thẩm quyền của Việt Nam cấp',
        steps: [
          'Nộp hồ sơ trực tuyến trên Cổng Dịch vụ công hoặc ứng dụng VNeID (giấy khám sức khỏe điện tử được liên thông), hoặc trực tiếp tại Công an cấp tỉnh, Công an cấp xã.',
          'Cơ quan tiếp nhận kiểm tra, đối chiếu hồ sơ với cơ sở dữ liệu giấy phép lái xe; hướng dẫn bổ sung nếu hồ sơ chưa đầy đủ.',
          'Nộp lệ phí cấp giấy phép lái xe.',
          'Cấp giấy phép lái xe mới trong thời hạn 05 ngày làm việc.',
          'Trả kết quả tại nơi nộp hồ sơ hoặc qua dịch vụ bưu chính; giấy phép lái xe điện tử được tích hợp trên VNeID.',
        ],
        components: [
          {
            id: 'de-nghi-doi-gplx',
            name: 'Đơn đề nghị đổi giấy phép lái xe',
            originals: 1,
            copies: 0,
            required: true,
            formId: 'de-nghi-doi-gplx',
          },
          {
            id: 'giay-kham-suc-khoe',
            name: 'Giấy khám sức khỏe của người lái xe còn hiệu lực',
            originals: 1,
            copies: 0,
            required: false,
            note: 'Không yêu cầu với hạng A1, A, B1',
          },
          {
            id: 'ho-chieu',
            name: 'Hộ chiếu còn thời hạn',
            originals: 0,
            copies: 1,
            required: false,
            note: 'Người nước ngoài, người Việt Nam định cư ở nước ngoài',
          },
          {
            id: 'ban-sao-gplx',
            name: 'Bản sao (hoặc bản điện tử) giấy phép lái xe, hoặc quyết định xử phạt thu hồi giấy phép lái xe',
            originals: 0,
            copies: 1,
            required: true,
          },
          {
            id: 'giay-to-khac',
            name: 'Giấy tờ khác theo điểm d khoản 1 Điều 21 Thông tư 12/2025/TT-BCA',
            originals: 0,
            copies: 1,
            required: false,
            note: 'Nếu có',
          },
        ],
        processingTimes: times(['online', 'desk'], 5),
        fees: [
          {
            name: 'Lệ phí cấp giấy phép lái xe',
            amountVnd: 135000,
            sourceNote:
              'Cổng ghi nhãn "Miễn phí" nhưng ghi chú 135.000 đ/lần; mức trực tuyến 115.000 đ chỉ áp dụng từ 01/12/2023 đến 31/12/2025 (TT 37/2023, 63/2023, 06/2025/TT-BTC)',
          },
        ],
        formSchema: schema(
          'Đề nghị đổi giấy phép lái xe',
          {
            hoTen: text('Họ, chữ đệm và tên', 100),
            ngaySinh: pastDate('Ngày, tháng, năm sinh'),
            soDinhDanh: idNumber(),
            soGiayPhep: text('Số giấy phép lái xe', 12, { pattern: '^[0-9]{12}$' }),
            hangGiayPhep: choice('Hạng giấy phép lái xe', GPLX_CLASSES),
            ngayHetHan: date('Ngày hết hạn của giấy phép lái xe'),
            noiCapGiayPhep: text('Cơ quan cấp giấy phép lái xe', 150),
            lyDoDoi: choice('Lý do đổi', [
              'Hết hạn',
              'Sắp hết hạn',
              'Bị hỏng',
              'Thay đổi thông tin',
              'Khác',
            ]),
            noiCuTru: text('Nơi cư trú', 255),
            soDienThoai: phone('Số điện thoại'),
            email: email(),
          },
          [
            'hoTen',
            'ngaySinh',
            'soDinhDanh',
            'soGiayPhep',
            'hangGiayPhep',
            'ngayHetHan',
            'noiCuTru',
            'soDienThoai',
          ],
        ),
      },
    ],
    forms: [
      {
        id: 'de-nghi-doi-gplx',
        name: 'Đơn đề nghị đổi giấy phép lái xe',
        format: 'docx',
        reference: 'Phụ lục XII kèm TT 12/2025/TT-BCA',
        fields: [
          'Họ, chữ đệm và tên',
          'Ngày, tháng, năm sinh',
          'Quốc tịch',
          'Số định danh cá nhân / số hộ chiếu',
          'Nơi cư trú',
          'Số giấy phép lái xe',
          'Hạng giấy phép lái xe',
          'Cơ quan cấp',
          'Ngày cấp',
          'Ngày hết hạn',
          'Lý do đề nghị đổi',
          'Ngày, tháng, năm đề nghị',
          'Chữ ký người đề nghị',
        ],
      },
    ],
    results: ['Giấy phép lái xe (KQ.G01.000185)'],
    legalBasis: [
      'Thông tư số 12/2025/TT-BCA',
      'Thông tư số 37/2023/TT-BTC',
      'Thông tư số 63/2023/TT-BTC',
      'Thông tư số 06/2025/TT-BTC',
    ],
    conditions: [
      'Giấy phép lái xe do cơ quan có thẩm quyền của Việt Nam cấp',
      'Có giấy khám sức khỏe còn hiệu lực (trừ hạng A1, A, B1)',
    ],
  },
];
