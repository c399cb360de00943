import type { ProcedureSeed } from '../../seed.types';
import { agencyCodes as a } from '../agencies';
import { choice, date, GENDERS, pastDate, schema, taxCode, text } from './form-schema';
import { times } from './processing-times';

/**
 * Lĩnh vực Việc làm (`viec-lam`): procedure #22.
 * Values marked "giả định" are plausible choices where the fact sheet had none; verify
 * them against dichvucong.gov.vn before release.
 */
export const viecLam: ProcedureSeed[] = [
  // 22 ----------------------------------------------------------------------
  {
    code: '1.014199',
    name: 'Cấp giấy phép lao động đối với người lao động nước ngoài làm việc tại Việt Nam',
    fieldCode: 'viec-lam',
    level: 3,
    agencyCode: a.homeAffairsDept,
    competentAuthority: 'Ủy ban nhân dân cấp tỉnh',
    implementingAgency:
      'Sở Nội vụ (được Ủy ban nhân dân cấp tỉnh phân cấp); Ban Quản lý các khu công nghiệp đối với người sử dụng lao động trong khu công nghiệp (tùy địa phương)',
    subjects: [
      'Người sử dụng lao động tuyển dụng người lao động nước ngoài',
      'Người lao động nước ngoài',
    ],
    channels: ['online', 'post', 'desk'],
    decision: '886/QĐ-BNV',
    feeAtSubmission: false,
    cases: [
      {
        id: 'mac-dinh',
        name: 'Cấp giấy phép lao động cho người lao động nước ngoài',
        steps: [
          'Người sử dụng lao động nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia, qua bưu chính công ích hoặc trực tiếp tại cơ quan tiếp nhận trước ngày người lao động nước ngoài dự kiến làm việc.',
          'Cơ quan tiếp nhận kiểm tra hồ sơ; hướng dẫn bổ sung nếu hồ sơ chưa đầy đủ.',
          'Thẩm định, chấp thuận nhu cầu sử dụng người lao động nước ngoài và cấp giấy phép lao động trong 10 ngày làm việc.',
          'Trường hợp không cấp: trả lời bằng văn bản, nêu rõ lý do trong 03 ngày làm việc.',
          'Trả giấy phép lao động tại nơi nộp hồ sơ hoặc qua dịch vụ bưu chính công ích.',
        ],
        components: [
          {
            id: 'van-ban-de-nghi',
            name: 'Văn bản đề nghị cấp giấy phép lao động (Mẫu số 03)',
            originals: 1,
            copies: 0,
            required: true,
            formId: 'de-nghi-cap-gpld',
          },
          {
            id: 'giay-chung-nhan-suc-khoe',
            name: 'Giấy chứng nhận sức khỏe',
            originals: 1,
            copies: 0,
            required: true,
            note: 'Giả định – thành phần hồ sơ chưa tra cứu đủ trên Cổng',
          },
          {
            id: 'ly-lich-tu-phap',
            name: 'Phiếu lý lịch tư pháp hoặc văn bản xác nhận không phải người đang chấp hành hình phạt',
            originals: 1,
            copies: 0,
            required: true,
            note: 'Giả định – thành phần hồ sơ chưa tra cứu đủ trên Cổng',
          },
          {
            id: 'chung-minh-chuyen-mon',
            name: 'Văn bản chứng minh là nhà quản lý, giám đốc điều hành, chuyên gia hoặc lao động kỹ thuật',
            originals: 0,
            copies: 1,
            required: true,
            note: 'Giả định – thành phần hồ sơ chưa tra cứu đủ trên Cổng',
          },
          {
            id: 'anh-mau',
            name: 'Ảnh màu cỡ 4x6 cm, phông nền trắng',
            originals: 2,
            copies: 0,
            required: true,
            note: 'Giả định',
          },
          {
            id: 'ho-chieu',
            name: 'Bản sao hộ chiếu còn giá trị',
            originals: 0,
            copies: 1,
            required: true,
            note: 'Giả định',
          },
        ],
        processingTimes: times(
          ['online', 'post', 'desk'],
          10,
          'working_day',
          'Gồm chấp thuận nhu cầu sử dụng và cấp giấy phép; trường hợp từ chối trả lời trong 03 ngày làm việc',
        ),
        fees: [
          {
            name: 'Lệ phí cấp giấy phép lao động',
            amountVnd: 600000,
            sourceNote:
              'Do HĐND cấp tỉnh quy định; mức cụ thể chưa xác định – giả định 600.000 đ/giấy phép',
          },
        ],
        formSchema: schema(
          'Đề nghị cấp giấy phép lao động cho người lao động nước ngoài',
          {
            tenNguoiSuDungLaoDong: text('Tên người sử dụng lao động', 255),
            maSoDoanhNghiep: taxCode('Mã số doanh nghiệp'),
            diaChiTruSo: text('Địa chỉ trụ sở', 255),
            hoTenNguoiLaoDong: text('Họ và tên người lao động nước ngoài', 150),
            quocTich: text('Quốc tịch', 100),
            soHoChieu: text('Số hộ chiếu', 20, { pattern: '^[A-Z0-9]{6,20}$' }),
            ngaySinh: pastDate('Ngày sinh'),
            gioiTinh: choice('Giới tính', GENDERS),
            viTriCongViec: choice('Vị trí công việc', [
              'Nhà quản lý',
              'Giám đốc điều hành',
              'Chuyên gia',
              'Lao động kỹ thuật',
            ]),
            diaDiemLamViec: text('Địa điểm làm việc', 255),
            tuNgay: date('Làm việc từ ngày'),
            denNgay: date('Làm việc đến ngày'),
          },
          [
            'tenNguoiSuDungLaoDong',
            'maSoDoanhNghiep',
            'hoTenNguoiLaoDong',
            'quocTich',
            'soHoChieu',
            'ngaySinh',
            'viTriCongViec',
            'diaDiemLamViec',
            'tuNgay',
            'denNgay',
          ],
        ),
      },
    ],
    forms: [
      {
        id: 'de-nghi-cap-gpld',
        name: 'Văn bản đề nghị cấp giấy phép lao động',
        format: 'docx',
        reference: 'Mẫu số 03 Phụ lục kèm NĐ 219/2025/NĐ-CP',
        fields: [
          'Tên người sử dụng lao động',
          'Mã số doanh nghiệp',
          'Địa chỉ trụ sở',
          'Số điện thoại, thư điện tử',
          'Họ và tên người lao động nước ngoài',
          'Ngày, tháng, năm sinh',
          'Giới tính',
          'Quốc tịch',
          'Số hộ chiếu',
          'Vị trí công việc',
          'Chức danh công việc',
          'Địa điểm làm việc',
          'Thời hạn làm việc (từ ngày … đến ngày …)',
          'Chữ ký, đóng dấu của người sử dụng lao động',
        ],
      },
    ],
    results: ['Giấy phép lao động', 'Văn bản từ chối cấp giấy phép lao động, nêu rõ lý do'],
    legalBasis: ['Bộ luật Lao động số 45/2019/QH14', 'Nghị định số 219/2025/NĐ-CP'],
    conditions: [
      'Người lao động nước ngoài đủ 18 tuổi trở lên và có năng lực hành vi dân sự đầy đủ',
      'Có trình độ chuyên môn, kỹ thuật, tay nghề, kinh nghiệm làm việc và đủ sức khỏe theo quy định',
      'Không phải là người đang trong thời gian chấp hành hình phạt hoặc chưa được xóa án tích',
      'Nhu cầu sử dụng người lao động nước ngoài được cơ quan có thẩm quyền chấp thuận',
    ],
  },
];
