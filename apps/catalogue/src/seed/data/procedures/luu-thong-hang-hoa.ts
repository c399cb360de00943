import type { ProcedureSeed } from '../../seed.types';
import { agencyCodes as a } from '../agencies';
import { choice, email, idNumber, num, phone, schema, text } from './form-schema';
import { times } from './processing-times';

/**
 * Lĩnh vực Lưu thông hàng hóa trong nước (`luu-thong-hang-hoa`): procedure #23.
 * Values marked "giả định" are plausible choices where the fact sheet had none; verify
 * them against dichvucong.gov.vn before release.
 */
export const luuThongHangHoa: ProcedureSeed[] = [
  // 23 ----------------------------------------------------------------------
  {
    code: '2.000620',
    name: 'Cấp Giấy phép bán lẻ rượu',
    fieldCode: 'luu-thong-hang-hoa',
    level: 3,
    agencyCode: a.baDinhCommittee,
    competentAuthority: 'Ủy ban nhân dân cấp xã',
    implementingAgency: 'Ủy ban nhân dân cấp xã nơi thương nhân đặt trụ sở chính',
    subjects: ['Doanh nghiệp, hợp tác xã, hộ kinh doanh'],
    channels: ['online', 'post', 'desk'],
    feeAtSubmission: false,
    cases: [
      {
        id: 'mac-dinh',
        name: 'Cấp Giấy phép bán lẻ rượu',
        steps: [
          'Thương nhân nộp hồ sơ trực tiếp, qua bưu điện hoặc trực tuyến (nơi đã triển khai) tại Ủy ban nhân dân cấp xã nơi đặt trụ sở chính.',
          'Trường hợp hồ sơ chưa đầy đủ, hợp lệ: trong 03 ngày làm việc cơ quan cấp phép thông báo bằng văn bản yêu cầu bổ sung.',
          'Thẩm định hồ sơ, kiểm tra địa điểm kinh doanh (nếu cần) và cấp Giấy phép bán lẻ rượu trong 10 ngày làm việc kể từ khi nhận đủ hồ sơ hợp lệ; từ chối thì trả lời bằng văn bản, nêu rõ lý do.',
          'Trả Giấy phép tại Bộ phận Một cửa hoặc qua dịch vụ bưu chính.',
        ],
        components: [
          {
            id: 'don-de-nghi',
            name: 'Đơn đề nghị cấp Giấy phép bán lẻ rượu (Mẫu số 01)',
            originals: 1,
            copies: 0,
            required: true,
            formId: 'don-de-nghi-ban-le-ruou',
          },
          {
            id: 'gcn-dang-ky-kinh-doanh',
            name: 'Bản sao Giấy chứng nhận đăng ký doanh nghiệp / hợp tác xã / hộ kinh doanh',
            originals: 0,
            copies: 1,
            required: false,
            note: 'Có thể thay bằng tra cứu Cơ sở dữ liệu quốc gia về đăng ký kinh doanh (NQ 66.7/2025/NQ-CP, suy luận)',
          },
          {
            id: 'quyen-su-dung-dia-diem',
            name: 'Bản sao giấy tờ chứng minh quyền sử dụng địa điểm kinh doanh (hợp đồng thuê, mượn…)',
            originals: 0,
            copies: 1,
            required: true,
          },
          {
            id: 'van-ban-nha-cung-cap',
            name: 'Bản sao văn bản giới thiệu hoặc hợp đồng nguyên tắc của thương nhân sản xuất, phân phối hoặc bán buôn rượu',
            originals: 0,
            copies: 1,
            required: true,
          },
        ],
        processingTimes: times(['online', 'post', 'desk'], 10),
        fees: [
          {
            name: 'Phí thẩm định cấp Giấy phép bán lẻ rượu',
            amountVnd: 1200000,
            sourceNote:
              'Không có thông tin trên nguồn; giả định theo TT 168/2016/TT-BTC: 1.200.000 đ/điểm kinh doanh tại thành phố trực thuộc trung ương (mức thấp hơn với hộ kinh doanh)',
          },
        ],
        formSchema: schema(
          'Đề nghị cấp Giấy phép bán lẻ rượu',
          {
            tenThuongNhan: text('Tên thương nhân', 255),
            loaiHinh: choice('Loại hình', ['Doanh nghiệp', 'Hợp tác xã', 'Hộ kinh doanh']),
            soDangKyKinhDoanh: text(
              'Mã số doanh nghiệp / số đăng ký hợp tác xã, hộ kinh doanh',
              20,
            ),
            diaChiTruSo: text('Địa chỉ trụ sở chính', 255),
            diaDiemKinhDoanh: text('Địa điểm kinh doanh bán lẻ rượu', 255),
            dienTichKinhDoanh: num('Diện tích điểm kinh doanh (m²)', 1, 100000),
            nguoiDaiDien: text('Họ và tên người đại diện theo pháp luật / chủ hộ', 100),
            soDinhDanhNguoiDaiDien: idNumber('Số định danh cá nhân người đại diện'),
            nhaCungCap: text('Thương nhân sản xuất, phân phối hoặc bán buôn rượu cung cấp', 255),
            soDienThoai: phone('Số điện thoại'),
            email: email(),
          },
          [
            'tenThuongNhan',
            'loaiHinh',
            'soDangKyKinhDoanh',
            'diaChiTruSo',
            'diaDiemKinhDoanh',
            'nguoiDaiDien',
            'soDinhDanhNguoiDaiDien',
            'nhaCungCap',
            'soDienThoai',
          ],
        ),
      },
    ],
    forms: [
      {
        id: 'don-de-nghi-ban-le-ruou',
        name: 'Đơn đề nghị cấp Giấy phép bán lẻ rượu',
        format: 'docx',
        reference: 'Mẫu số 01 kèm NĐ 105/2017/NĐ-CP',
        fields: [
          'Tên thương nhân',
          'Địa chỉ trụ sở chính',
          'Số điện thoại, thư điện tử',
          'Số Giấy chứng nhận đăng ký doanh nghiệp / hợp tác xã / hộ kinh doanh',
          'Địa điểm kinh doanh bán lẻ rượu',
          'Tên thương nhân cung cấp rượu',
          'Loại rượu kinh doanh',
          'Nội dung đề nghị',
          'Cam kết của thương nhân',
          'Họ tên, chữ ký của người đại diện',
        ],
      },
    ],
    results: ['Giấy phép bán lẻ rượu'],
    legalBasis: ['Nghị định số 105/2017/NĐ-CP', 'Nghị định số 139/2025/NĐ-CP'],
    conditions: [
      'Là doanh nghiệp, hợp tác xã, liên hiệp hợp tác xã hoặc hộ kinh doanh được thành lập theo quy định của pháp luật',
      'Có quyền sử dụng hợp pháp địa điểm kinh doanh cố định',
      'Có văn bản giới thiệu hoặc hợp đồng nguyên tắc của thương nhân sản xuất, phân phối hoặc bán buôn rượu',
    ],
  },
];
