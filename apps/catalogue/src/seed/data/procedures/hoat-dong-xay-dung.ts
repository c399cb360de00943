import type { ProcedureSeed } from '../../seed.types';
import { agencyCodes as a } from '../agencies';
import { choice, email, idNumber, int, num, phone, schema, text } from './form-schema';
import { times } from './processing-times';

/**
 * Lĩnh vực Hoạt động xây dựng (`hoat-dong-xay-dung`): procedure #19.
 * Values marked "giả định" are plausible choices where the fact sheet had none; verify
 * them against dichvucong.gov.vn before release.
 */
export const hoatDongXayDung: ProcedureSeed[] = [
  // 19 ----------------------------------------------------------------------
  {
    code: '1.013225',
    name: 'Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV và nhà ở riêng lẻ',
    fieldCode: 'hoat-dong-xay-dung',
    level: 3,
    agencyCode: a.baDinhCommittee,
    competentAuthority: 'Ủy ban nhân dân cấp xã',
    implementingAgency: 'Ủy ban nhân dân cấp xã nơi xây dựng công trình',
    subjects: ['Tổ chức, hộ gia đình, cá nhân là chủ đầu tư xây dựng'],
    channels: ['online', 'post', 'desk'],
    decision: '56/QĐ-BXD',
    feeAtSubmission: false,
    cases: [
      {
        id: 'nha-o-rieng-le',
        name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
        steps: [
          'Chủ đầu tư nộp hồ sơ trực tuyến, qua bưu chính hoặc trực tiếp tại Bộ phận Một cửa Ủy ban nhân dân cấp xã.',
          'Cơ quan cấp phép tiếp nhận, kiểm tra hồ sơ; hướng dẫn bổ sung, hoàn thiện nếu hồ sơ chưa đầy đủ.',
          'Thẩm định hồ sơ, kiểm tra thực địa trong 07 ngày làm việc; lấy ý kiến cơ quan liên quan (trả lời trong 12 ngày) khi cần.',
          'Xem xét, cấp giấy phép xây dựng trong 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.',
          'Trả giấy phép xây dựng kèm hồ sơ thiết kế có đóng dấu; chủ đầu tư nộp lệ phí khi nhận kết quả.',
        ],
        components: [
          {
            id: 'don-de-nghi',
            name: 'Đơn đề nghị cấp giấy phép xây dựng',
            originals: 1,
            copies: 0,
            required: true,
            formId: 'don-de-nghi-cap-gpxd',
          },
          {
            id: 'giay-to-dat',
            name: 'Một trong những giấy tờ chứng minh quyền sử dụng đất theo Điều 53 Nghị định 175/2024/NĐ-CP',
            originals: 1,
            copies: 1,
            required: true,
          },
          {
            id: 'ban-ve-thiet-ke',
            name: 'Bản vẽ thiết kế xây dựng: mặt bằng vị trí và sơ đồ vị trí; mặt bằng, mặt đứng, mặt cắt; mặt bằng, mặt cắt móng; sơ đồ đấu nối hạ tầng kỹ thuật',
            originals: 2,
            copies: 0,
            required: true,
            note: '02 bộ',
          },
          {
            id: 'pccc',
            name: 'Kết quả thực hiện thủ tục về phòng cháy, chữa cháy và báo cáo thẩm định thiết kế',
            originals: 0,
            copies: 1,
            required: false,
            note: 'Khi pháp luật có yêu cầu',
          },
        ],
        processingTimes: times(
          ['online', 'post', 'desk'],
          15,
          'day',
          'Bảng trên Cổng ghi trực tuyến/bưu chính 20 ngày; theo trình tự là 15 ngày đối với nhà ở riêng lẻ (giả định áp dụng cho mọi kênh)',
        ),
        fees: [
          {
            name: 'Lệ phí cấp giấy phép xây dựng',
            amountVnd: 75000,
            sourceNote:
              'Theo Nghị quyết của HĐND cấp tỉnh; giả định 75.000 đ/giấy phép đối với nhà ở riêng lẻ',
          },
        ],
        formSchema: schema(
          'Đề nghị cấp giấy phép xây dựng nhà ở riêng lẻ',
          {
            hoTenChuDauTu: text('Họ và tên chủ đầu tư', 100),
            soDinhDanh: idNumber('Số định danh cá nhân của chủ đầu tư'),
            diaChiLienHe: text('Địa chỉ liên hệ', 255),
            diaDiemXayDung: text('Địa điểm xây dựng', 255),
            soThuaDat: text('Thửa đất số', 20),
            soToBanDo: text('Tờ bản đồ số', 20),
            dienTichLoDat: num('Diện tích lô đất (m²)', 1, 100000),
            dienTichXayDung: num('Diện tích xây dựng tầng 1 (m²)', 1, 100000),
            tongDienTichSan: num('Tổng diện tích sàn (m²)', 1, 1000000),
            soTang: int('Số tầng', 1, 50),
            chieuCao: num('Chiều cao công trình (m)', 1, 200),
            soDienThoai: phone('Số điện thoại'),
          },
          [
            'hoTenChuDauTu',
            'soDinhDanh',
            'diaChiLienHe',
            'diaDiemXayDung',
            'soThuaDat',
            'soToBanDo',
            'dienTichXayDung',
            'tongDienTichSan',
            'soTang',
            'soDienThoai',
          ],
        ),
      },
      {
        id: 'cong-trinh-cap-iii-iv',
        name: 'Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV',
        steps: [
          'Chủ đầu tư nộp hồ sơ trực tuyến, qua bưu chính hoặc trực tiếp tại Bộ phận Một cửa Ủy ban nhân dân cấp xã.',
          'Cơ quan cấp phép tiếp nhận, kiểm tra hồ sơ; hướng dẫn bổ sung, hoàn thiện nếu hồ sơ chưa đầy đủ.',
          'Thẩm định hồ sơ, kiểm tra thực địa trong 07 ngày làm việc; lấy ý kiến cơ quan quản lý nhà nước liên quan (trả lời trong 12 ngày).',
          'Xem xét, cấp giấy phép xây dựng trong 20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.',
          'Trả giấy phép xây dựng kèm hồ sơ thiết kế có đóng dấu; chủ đầu tư nộp lệ phí khi nhận kết quả.',
        ],
        components: [
          {
            id: 'don-de-nghi',
            name: 'Đơn đề nghị cấp giấy phép xây dựng',
            originals: 1,
            copies: 0,
            required: true,
            formId: 'don-de-nghi-cap-gpxd',
          },
          {
            id: 'giay-to-dat',
            name: 'Một trong những giấy tờ chứng minh quyền sử dụng đất theo Điều 53 Nghị định 175/2024/NĐ-CP',
            originals: 1,
            copies: 1,
            required: true,
          },
          {
            id: 'ban-ve-thiet-ke',
            name: 'Bản vẽ thiết kế xây dựng: mặt bằng vị trí và sơ đồ vị trí; mặt bằng, mặt đứng, mặt cắt; mặt bằng, mặt cắt móng; sơ đồ đấu nối hạ tầng kỹ thuật',
            originals: 2,
            copies: 0,
            required: true,
            note: '02 bộ',
          },
          {
            id: 'bao-cao-tham-dinh',
            name: 'Báo cáo kết quả thẩm định thiết kế xây dựng của cơ quan chuyên môn về xây dựng',
            originals: 0,
            copies: 1,
            required: false,
            note: 'Nếu có (giả định)',
          },
          {
            id: 'pccc',
            name: 'Kết quả thực hiện thủ tục về phòng cháy, chữa cháy và báo cáo thẩm định thiết kế',
            originals: 0,
            copies: 1,
            required: false,
            note: 'Khi pháp luật có yêu cầu',
          },
        ],
        processingTimes: times(['online', 'post', 'desk'], 20, 'day'),
        fees: [
          {
            name: 'Lệ phí cấp giấy phép xây dựng',
            amountVnd: 150000,
            sourceNote:
              'Theo Nghị quyết của HĐND cấp tỉnh; giả định 150.000 đ/giấy phép đối với công trình khác',
          },
        ],
        formSchema: schema(
          'Đề nghị cấp giấy phép xây dựng công trình cấp III, cấp IV',
          {
            tenChuDauTu: text('Tên chủ đầu tư', 255),
            nguoiDaiDien: text('Người đại diện, chức vụ', 150),
            diaChiLienHe: text('Địa chỉ liên hệ', 255),
            tenCongTrinh: text('Tên công trình', 255),
            capCongTrinh: choice('Cấp công trình', ['Cấp III', 'Cấp IV']),
            diaDiemXayDung: text('Địa điểm xây dựng (lô đất, thửa đất, tờ bản đồ)', 255),
            dienTichXayDung: num('Diện tích xây dựng (m²)', 1, 1000000),
            tongDienTichSan: num('Tổng diện tích sàn (m²)', 1, 10000000),
            soTang: int('Số tầng', 1, 50),
            chieuCao: num('Chiều cao công trình (m)', 1, 300),
            soDienThoai: phone('Số điện thoại'),
            email: email(),
          },
          [
            'tenChuDauTu',
            'nguoiDaiDien',
            'diaChiLienHe',
            'tenCongTrinh',
            'capCongTrinh',
            'diaDiemXayDung',
            'dienTichXayDung',
            'tongDienTichSan',
            'soTang',
            'soDienThoai',
          ],
        ),
      },
    ],
    forms: [
      {
        id: 'don-de-nghi-cap-gpxd',
        name: 'Đơn đề nghị cấp giấy phép xây dựng',
        format: 'docx',
        reference: 'Mẫu số 1 Phụ lục II kèm NĐ 175/2024/NĐ-CP',
        fields: [
          'Tên chủ đầu tư',
          'Người đại diện, chức vụ',
          'Địa chỉ liên hệ',
          'Số điện thoại',
          'Địa điểm xây dựng (lô đất, thửa đất số, tờ bản đồ số)',
          'Tên công trình',
          'Cấp công trình',
          'Diện tích xây dựng tầng 1',
          'Tổng diện tích sàn',
          'Chiều cao công trình',
          'Số tầng',
          'Đơn vị, chủ nhiệm thiết kế',
          'Dự kiến thời gian hoàn thành công trình',
          'Cam kết của chủ đầu tư',
          'Chữ ký chủ đầu tư',
        ],
      },
    ],
    results: [
      'Giấy phép xây dựng kèm hồ sơ thiết kế có đóng dấu của cơ quan cấp phép (KQ.G17.000311)',
    ],
    legalBasis: [
      'Luật Xây dựng số 50/2014/QH13',
      'Luật số 62/2020/QH14 sửa đổi, bổ sung một số điều của Luật Xây dựng',
      'Nghị định số 175/2024/NĐ-CP',
      'Nghị định số 105/2025/NĐ-CP',
      'Nghị định số 140/2025/NĐ-CP',
      'Nghị định số 144/2025/NĐ-CP',
      'Nghị định số 14/2026/NĐ-CP',
    ],
    conditions: [
      'Phù hợp với quy hoạch xây dựng, quy hoạch sử dụng đất được cấp có thẩm quyền phê duyệt',
      'Có quyền sử dụng đất hợp pháp',
      'Bảo đảm an toàn cho công trình, công trình lân cận và yêu cầu về phòng cháy, chữa cháy',
      'Thiết kế xây dựng tuân thủ quy chuẩn, tiêu chuẩn kỹ thuật',
    ],
  },
];
