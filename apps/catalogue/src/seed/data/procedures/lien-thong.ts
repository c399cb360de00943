import type { ProcedureSeed } from '../../seed.types';
import { agencyCodes as a } from '../agencies';
import { bool, gender, idNumber, pastDate, schema, text } from './form-schema';
import { AFTER_15H } from './processing-times';

/**
 * Lĩnh vực Thủ tục hành chính liên thông (`lien-thong`): procedure #2.
 */
export const lienThong: ProcedureSeed[] = [
  // 2 ─────────────────────────────────────────────────────────────────────
  {
    code: '3.000722',
    name: 'Liên thông điện tử: đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế, cấp thẻ căn cước cho trẻ em dưới 6 tuổi',
    fieldCode: 'lien-thong',
    level: 4,
    agencyCode: a.baDinhPolice,
    competentAuthority: 'Công an cấp xã (phối hợp UBND cấp xã, cơ quan Bảo hiểm xã hội)',
    implementingAgency:
      'Công an phường Ba Đình; Ủy ban nhân dân phường Ba Đình (đăng ký khai sinh); Bảo hiểm xã hội (cấp thẻ BHYT)',
    subjects: ['Công dân Việt Nam (cha, mẹ hoặc người giám hộ của trẻ em dưới 6 tuổi)'],
    channels: ['online'],
    feeAtSubmission: false,
    cases: [
      {
        id: 'mac-dinh',
        name: 'Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT, cấp thẻ căn cước cho trẻ em dưới 6 tuổi',
        steps: [
          'Người yêu cầu đăng nhập Cổng Dịch vụ công quốc gia hoặc ứng dụng VNeID, điền Tờ khai điện tử liên thông và đính kèm dữ liệu Giấy chứng sinh điện tử (hoặc bản chụp giấy tờ thay thế)',
          'Hệ thống chuyển hồ sơ điện tử đến UBND cấp xã để đăng ký khai sinh (trong 24 giờ)',
          'Công an cấp xã đăng ký thường trú cho trẻ (không quá 02 ngày làm việc; 05 ngày làm việc nếu phải xác minh)',
          'Cơ quan Bảo hiểm xã hội cấp thẻ BHYT (không quá 02 ngày làm việc); cơ quan Công an cấp thẻ căn cước nếu có yêu cầu (không quá 05 ngày làm việc)',
          `Người yêu cầu nhận Giấy khai sinh điện tử, thông báo kết quả đăng ký thường trú, thẻ BHYT và thẻ căn cước; ${AFTER_15H.toLowerCase()}`,
        ],
        components: [
          {
            id: 'to-khai-dien-tu',
            name: 'Tờ khai điện tử liên thông (Mẫu số 01 kèm NĐ 301/2026/NĐ-CP)',
            originals: 1,
            copies: 0,
            required: true,
            formId: 'to-khai-lien-thong-tre-duoi-6-tuoi',
          },
          {
            id: 'giay-chung-sinh',
            name: 'Dữ liệu Giấy chứng sinh điện tử',
            originals: 1,
            copies: 0,
            required: true,
            note: 'Nếu không có Giấy chứng sinh điện tử: bản chụp/bản số hóa giấy tờ thay thế',
          },
          {
            id: 'giay-to-cu-tru',
            name: 'Giấy tờ chứng minh chỗ ở hợp pháp',
            originals: 0,
            copies: 1,
            required: false,
            note: 'Nếu có: trẻ đăng ký thường trú tại nơi khác nơi cư trú của cha, mẹ; giấy tờ giấy phải được số hóa (NĐ 118/2025/NĐ-CP)',
          },
        ],
        processingTimes: [
          {
            channel: 'online',
            value: 3,
            unit: 'working_day',
            note: 'Kể từ khi các cơ quan có thẩm quyền nhận đủ hồ sơ; tối đa 05 ngày làm việc nếu phải xác minh; hồ sơ nhận sau 15 giờ tính từ ngày làm việc tiếp theo',
          },
        ],
        fees: [
          {
            name: 'Phí, lệ phí',
            amountVnd: null,
            note: 'Theo quy định của các thủ tục hành chính tương ứng (đăng ký khai sinh miễn lệ phí)',
          },
        ],
        formSchema: schema(
          'Tờ khai liên thông khai sinh – thường trú – BHYT – căn cước',
          {
            hoTenTre: text('Họ, chữ đệm và tên của trẻ', 100),
            ngaySinh: pastDate('Ngày, tháng, năm sinh'),
            gioiTinh: gender(),
            noiSinh: text('Nơi sinh', 300),
            danToc: text('Dân tộc', 50),
            hoTenMe: text('Họ, chữ đệm và tên người mẹ', 100),
            soDinhDanhMe: idNumber('Số định danh cá nhân của người mẹ'),
            hoTenCha: text('Họ, chữ đệm và tên người cha', 100),
            soDinhDanhCha: idNumber('Số định danh cá nhân của người cha'),
            diaChiThuongTru: text('Địa chỉ đề nghị đăng ký thường trú', 300),
            noiKhamChuaBenhBanDau: text('Nơi đăng ký khám bệnh, chữa bệnh BHYT ban đầu', 200),
            capTheCanCuoc: bool('Đề nghị cấp thẻ căn cước cho trẻ'),
          },
          [
            'hoTenTre',
            'ngaySinh',
            'gioiTinh',
            'noiSinh',
            'danToc',
            'hoTenMe',
            'diaChiThuongTru',
            'noiKhamChuaBenhBanDau',
          ],
        ),
      },
    ],
    forms: [
      {
        id: 'to-khai-lien-thong-tre-duoi-6-tuoi',
        name: 'Tờ khai điện tử liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT, cấp thẻ căn cước cho trẻ em dưới 6 tuổi',
        format: 'pdf',
        reference: 'Mẫu số 01 kèm NĐ 301/2026/NĐ-CP',
        fields: [
          'Họ, chữ đệm, tên người yêu cầu',
          'Số định danh cá nhân của người yêu cầu',
          'Quan hệ với trẻ',
          'Họ, chữ đệm, tên của trẻ',
          'Ngày, tháng, năm sinh',
          'Giới tính',
          'Dân tộc',
          'Quốc tịch',
          'Nơi sinh',
          'Quê quán',
          'Họ, chữ đệm, tên và số định danh cá nhân của người mẹ',
          'Họ, chữ đệm, tên và số định danh cá nhân của người cha',
          'Địa chỉ đề nghị đăng ký thường trú',
          'Nơi đăng ký khám bệnh, chữa bệnh BHYT ban đầu',
          'Đề nghị cấp thẻ căn cước (có/không)',
        ],
      },
    ],
    results: [
      'Giấy khai sinh (bản điện tử)',
      'Thông báo kết quả đăng ký thường trú',
      'Thẻ bảo hiểm y tế',
      'Thẻ căn cước (nếu có yêu cầu)',
    ],
    legalBasis: [
      'Luật Hộ tịch số 60/2014/QH13',
      'Luật Cư trú số 68/2020/QH14',
      'Nghị định số 301/2026/NĐ-CP',
      'Nghị định số 118/2025/NĐ-CP',
      'Nghị định số 367/2025/NĐ-CP',
    ],
    conditions: [
      'Chỉ nộp trực tuyến qua Cổng Dịch vụ công quốc gia hoặc ứng dụng VNeID',
      'Áp dụng cho trẻ em dưới 6 tuổi; giấy tờ bản giấy phải được số hóa theo NĐ 118/2025/NĐ-CP (sửa đổi bởi NĐ 367/2025/NĐ-CP)',
    ],
  },
];
