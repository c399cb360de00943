import type { ComponentSeed, ProcedureSeed } from '../../seed.types';
import { agencyCodes as a } from '../agencies';
import {
  choice,
  email,
  gender,
  idNumber,
  int,
  longText,
  pastDate,
  phone,
  schema,
  text,
  time,
} from './form-schema';
import { AFTER_15H, ALL, times } from './processing-times';

const HT_TIME_NOTE = `Cổng DVCQG ghi "1" không kèm đơn vị (S2: "1 ngày"); ${AFTER_15H.toLowerCase()}`;

const HT_REF = 'Mẫu kèm TT 04/2020/TT-BTP, sửa đổi bởi TT 04/2024/TT-BTP';

const HT_COMPETENT = 'Ủy ban nhân dân cấp xã';

const HT_IMPLEMENTING =
  'Ủy ban nhân dân phường Ba Đình (tiếp nhận tại Trung tâm Phục vụ hành chính công)';

const HT_SUBJECTS = ['Công dân Việt Nam', 'Người Việt Nam định cư ở nước ngoài'];

const HT_FEE_HDND =
  'Theo Nghị quyết của Hội đồng nhân dân thành phố; miễn cho người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật';

const TT281_COPY = 'Cấp bản sao trích lục (nếu có yêu cầu) thu phí theo TT 281/2016/TT-BTC';

const hoTichLegal = [
  'Luật Hộ tịch số 60/2014/QH13',
  'Nghị định số 123/2015/NĐ-CP',
  'Nghị định số 87/2020/NĐ-CP',
  'Nghị định số 104/2022/NĐ-CP',
  'Nghị định số 07/2025/NĐ-CP',
  'Nghị định số 120/2025/NĐ-CP',
  'Nghị định số 18/2026/NĐ-CP',
  'Nghị quyết số 66.7/2025/NQ-CP',
  'Thông tư số 04/2020/TT-BTP',
  'Thông tư số 04/2024/TT-BTP',
  'Thông tư số 01/2022/TT-BTP',
  'Thông tư số 03/2023/TT-BTP',
  'Thông tư số 08/2025/TT-BTP',
  'Thông tư số 85/2019/TT-BTC',
  'Thông tư số 106/2021/TT-BTC',
];

const identityDoc: ComponentSeed = {
  id: 'giay-to-tuy-than',
  name: 'Giấy tờ tùy thân của người yêu cầu (hộ chiếu, thẻ căn cước, căn cước công dân hoặc giấy tờ có ảnh còn giá trị)',
  originals: 1,
  copies: 0,
  required: true,
  note: 'Xuất trình khi nộp trực tiếp; nộp trực tuyến xác thực bằng tài khoản định danh điện tử',
};

const residenceDoc: ComponentSeed = {
  id: 'giay-to-cu-tru',
  name: 'Giấy tờ chứng minh nơi cư trú',
  originals: 1,
  copies: 0,
  required: false,
  note: 'Chỉ xuất trình khi không khai thác được thông tin từ CSDLQG về dân cư',
};

const proxyDoc: ComponentSeed = {
  id: 'van-ban-uy-quyen',
  name: 'Văn bản ủy quyền (được chứng thực, trừ người ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột)',
  originals: 1,
  copies: 0,
  required: false,
  note: 'Nếu có: trường hợp ủy quyền thực hiện thủ tục',
};

const hoTichSteps = (what: string, result: string): string[] => [
  `Người yêu cầu nộp hồ sơ ${what} trực tiếp tại Trung tâm Phục vụ hành chính công cấp xã, qua bưu chính hoặc trực tuyến trên Cổng Dịch vụ công quốc gia/VNeID`,
  'Công chức tư pháp – hộ tịch kiểm tra hồ sơ, đối chiếu thông tin trong CSDL hộ tịch điện tử và CSDLQG về dân cư; hướng dẫn bổ sung nếu hồ sơ chưa đầy đủ',
  `Nếu hồ sơ hợp lệ, công chức tư pháp – hộ tịch báo cáo Chủ tịch UBND cấp xã ký ${result}`,
  `Trả kết quả trực tiếp, qua bưu chính hoặc bản điện tử trên tài khoản của người yêu cầu; ${AFTER_15H.toLowerCase()}`,
];

/**
 * Lĩnh vực Hộ tịch (`ho-tich`): procedures #1, #3, #4, #5, #6, #7.
 * Values marked "giả định" are plausible choices where the fact sheet had none; verify
 * them against dichvucong.gov.vn before release.
 */
export const hoTich: ProcedureSeed[] = [
  // 1 ─────────────────────────────────────────────────────────────────────
  {
    code: '1.001193',
    name: 'Thủ tục đăng ký khai sinh',
    fieldCode: 'ho-tich',
    level: 4,
    agencyCode: a.baDinhCommittee,
    competentAuthority: HT_COMPETENT,
    implementingAgency: HT_IMPLEMENTING,
    subjects: HT_SUBJECTS,
    channels: ALL,
    decision: '163/QĐ-BTP',
    feeAtSubmission: false,
    cases: [
      {
        id: 'mac-dinh',
        name: 'Đăng ký khai sinh',
        steps: [
          ...hoTichSteps('đăng ký khai sinh', 'Giấy khai sinh'),
          'Trường hợp nộp trực tuyến: người yêu cầu xác nhận dự thảo Giấy khai sinh điện tử trong thời hạn tối đa 01 ngày trước khi cơ quan đăng ký ký số',
        ],
        components: [
          {
            id: 'to-khai',
            name: 'Tờ khai đăng ký khai sinh theo mẫu',
            originals: 1,
            copies: 0,
            required: true,
            formId: 'to-khai-khai-sinh',
            note: 'Nộp trực tiếp/bưu chính; nộp trực tuyến điền Mẫu hộ tịch điện tử tương tác đăng ký khai sinh',
          },
          {
            id: 'giay-chung-sinh',
            name: 'Giấy chứng sinh',
            originals: 1,
            copies: 0,
            required: true,
            note: 'Nếu không có: văn bản của người làm chứng hoặc giấy cam đoan về việc sinh; không nộp bản giấy nếu đã có Giấy chứng sinh điện tử',
          },
          {
            id: 'bien-ban-tre-bi-bo-roi',
            name: 'Biên bản xác nhận việc trẻ bị bỏ rơi',
            originals: 1,
            copies: 0,
            required: false,
            note: 'Nếu có: trường hợp trẻ bị bỏ rơi',
          },
          {
            id: 'van-ban-mang-thai-ho',
            name: 'Văn bản xác nhận của cơ sở y tế đã thực hiện kỹ thuật hỗ trợ sinh sản cho việc mang thai hộ',
            originals: 1,
            copies: 0,
            required: false,
            note: 'Nếu có: trường hợp sinh con theo phương pháp mang thai hộ',
          },
          proxyDoc,
          identityDoc,
          residenceDoc,
        ],
        processingTimes: times(ALL, 1, 'working_day', HT_TIME_NOTE),
        fees: [
          {
            name: 'Lệ phí đăng ký khai sinh',
            amountVnd: 0,
            note: 'Miễn lệ phí trên mọi kênh; bản sao Giấy khai sinh (nếu có yêu cầu) thu phí riêng',
          },
        ],
        formSchema: schema(
          'Tờ khai đăng ký khai sinh',
          {
            hoTenTre: text('Họ, chữ đệm và tên người được khai sinh', 100),
            ngaySinh: pastDate('Ngày, tháng, năm sinh'),
            gioiTinh: gender(),
            noiSinh: text('Nơi sinh', 300),
            danToc: text('Dân tộc', 50),
            quocTich: text('Quốc tịch', 50),
            hoTenMe: text('Họ, chữ đệm và tên người mẹ', 100),
            soDinhDanhMe: idNumber('Số định danh cá nhân của người mẹ'),
            hoTenCha: text('Họ, chữ đệm và tên người cha', 100),
            soDinhDanhCha: idNumber('Số định danh cá nhân của người cha'),
            quanHeNguoiKhai: choice('Quan hệ của người đi khai sinh với người được khai sinh', [
              'Cha',
              'Mẹ',
              'Ông',
              'Bà',
              'Người thân thích khác',
              'Người được ủy quyền',
            ]),
            soDienThoai: phone(),
          },
          [
            'hoTenTre',
            'ngaySinh',
            'gioiTinh',
            'noiSinh',
            'danToc',
            'quocTich',
            'quanHeNguoiKhai',
            'soDienThoai',
          ],
        ),
      },
    ],
    forms: [
      {
        id: 'to-khai-khai-sinh',
        name: 'Tờ khai đăng ký khai sinh',
        format: 'docx',
        reference: HT_REF,
        fields: [
          'Kính gửi',
          'Họ, chữ đệm, tên người yêu cầu',
          'Nơi cư trú của người yêu cầu',
          'Giấy tờ tùy thân của người yêu cầu',
          'Quan hệ với người được khai sinh',
          'Họ, chữ đệm, tên người được khai sinh',
          'Ngày, tháng, năm sinh (ghi bằng chữ và bằng số)',
          'Giới tính',
          'Dân tộc',
          'Quốc tịch',
          'Nơi sinh',
          'Quê quán',
          'Họ, chữ đệm, tên; năm sinh; dân tộc; quốc tịch; nơi cư trú của người mẹ',
          'Họ, chữ đệm, tên; năm sinh; dân tộc; quốc tịch; nơi cư trú của người cha',
          'Đề nghị cấp bản sao Giấy khai sinh (số bản)',
        ],
      },
    ],
    results: [
      'Giấy khai sinh (KQ.G15.000031)',
      'Bản sao Giấy khai sinh, bản điện tử Giấy khai sinh (nếu có yêu cầu)',
    ],
    legalBasis: hoTichLegal,
    conditions: [
      'Giấy tờ chứng minh cư trú chỉ yêu cầu khi không khai thác được từ CSDLQG về dân cư; Giấy chứng nhận kết hôn của cha mẹ được tra cứu trong cơ sở dữ liệu, không yêu cầu người đi khai sinh nộp',
      'Nộp trực tuyến: người yêu cầu xác nhận dự thảo Giấy khai sinh điện tử trong thời hạn tối đa 01 ngày',
    ],
  },

  // 3 ─────────────────────────────────────────────────────────────────────
  {
    code: '1.000894',
    name: 'Thủ tục đăng ký kết hôn',
    fieldCode: 'ho-tich',
    level: 3,
    agencyCode: a.baDinhCommittee,
    competentAuthority: HT_COMPETENT,
    implementingAgency: HT_IMPLEMENTING,
    subjects: HT_SUBJECTS,
    channels: ALL,
    decision: '163/QĐ-BTP',
    feeAtSubmission: false,
    cases: [
      {
        id: 'mac-dinh',
        name: 'Đăng ký kết hôn',
        steps: [
          ...hoTichSteps('đăng ký kết hôn', 'Giấy chứng nhận kết hôn').slice(0, 3),
          'Trường hợp không tra cứu được tình trạng hôn nhân trong cơ sở dữ liệu: UBND cấp xã nơi người yêu cầu cư trú xác minh trong 03 ngày làm việc',
          'Hai bên nam, nữ có mặt, ký vào Sổ đăng ký kết hôn và mỗi bên nhận 01 bản chính Giấy chứng nhận kết hôn',
        ],
        components: [
          {
            id: 'to-khai',
            name: 'Tờ khai đăng ký kết hôn theo mẫu (hai bên có thể dùng chung một tờ khai)',
            originals: 1,
            copies: 0,
            required: true,
            formId: 'to-khai-ket-hon',
            note: 'Nộp trực tiếp; nộp trực tuyến điền Mẫu hộ tịch điện tử tương tác đăng ký kết hôn',
          },
          { ...identityDoc, name: 'Giấy tờ tùy thân của hai bên nam, nữ' },
          residenceDoc,
        ],
        processingTimes: times(
          ALL,
          1,
          'working_day',
          `${HT_TIME_NOTE}; cộng thêm 03 ngày làm việc nếu phải xác minh tình trạng hôn nhân`,
        ),
        fees: [
          { name: 'Lệ phí đăng ký kết hôn', amountVnd: 0, note: `Miễn lệ phí; ${TT281_COPY}` },
        ],
        formSchema: schema(
          'Tờ khai đăng ký kết hôn',
          {
            hoTenBenNu: text('Họ, chữ đệm và tên bên nữ', 100),
            ngaySinhBenNu: pastDate('Ngày sinh bên nữ'),
            soDinhDanhBenNu: idNumber('Số định danh cá nhân bên nữ'),
            noiCuTruBenNu: text('Nơi cư trú bên nữ', 300),
            hoTenBenNam: text('Họ, chữ đệm và tên bên nam', 100),
            ngaySinhBenNam: pastDate('Ngày sinh bên nam'),
            soDinhDanhBenNam: idNumber('Số định danh cá nhân bên nam'),
            noiCuTruBenNam: text('Nơi cư trú bên nam', 300),
            lanKetHonBenNu: int('Kết hôn lần thứ (bên nữ)', 1, 10),
            lanKetHonBenNam: int('Kết hôn lần thứ (bên nam)', 1, 10),
            soDienThoai: phone(),
            email: email(),
          },
          [
            'hoTenBenNu',
            'ngaySinhBenNu',
            'soDinhDanhBenNu',
            'noiCuTruBenNu',
            'hoTenBenNam',
            'ngaySinhBenNam',
            'soDinhDanhBenNam',
            'noiCuTruBenNam',
            'soDienThoai',
          ],
        ),
      },
    ],
    forms: [
      {
        id: 'to-khai-ket-hon',
        name: 'Tờ khai đăng ký kết hôn',
        format: 'docx',
        reference: HT_REF,
        fields: [
          'Kính gửi',
          'Họ, chữ đệm, tên (bên nữ / bên nam)',
          'Ngày, tháng, năm sinh',
          'Dân tộc',
          'Quốc tịch',
          'Nơi cư trú',
          'Giấy tờ tùy thân (loại, số, ngày cấp, nơi cấp)',
          'Kết hôn lần thứ mấy',
          'Cam đoan về việc tự nguyện kết hôn và đủ điều kiện kết hôn',
          'Đề nghị cấp bản sao Trích lục kết hôn (số bản)',
          'Ngày, tháng, năm làm tờ khai',
          'Chữ ký của bên nữ, bên nam',
        ],
      },
    ],
    results: ['Giấy chứng nhận kết hôn (KQ.G15.000032), mỗi bên 01 bản chính'],
    legalBasis: ['Luật Hôn nhân và gia đình số 52/2014/QH13', ...hoTichLegal],
    conditions: [
      'Hai bên nam, nữ đáp ứng điều kiện kết hôn theo Luật Hôn nhân và gia đình và phải có mặt khi đăng ký kết hôn',
      'Tình trạng hôn nhân được tra cứu trong CSDL hộ tịch điện tử / CSDLQG về dân cư',
      'Người đã ly hôn ở nước ngoài mà chưa ghi chú ly hôn phải làm thủ tục ghi chú ly hôn trước',
    ],
  },

  // 4 ─────────────────────────────────────────────────────────────────────
  {
    code: '1.000656',
    name: 'Thủ tục đăng ký khai tử',
    fieldCode: 'ho-tich',
    level: 3,
    agencyCode: a.baDinhCommittee,
    competentAuthority: HT_COMPETENT,
    implementingAgency: HT_IMPLEMENTING,
    subjects: HT_SUBJECTS,
    channels: ALL,
    decision: '163/QĐ-BTP',
    feeAtSubmission: false,
    cases: [
      {
        id: 'mac-dinh',
        name: 'Đăng ký khai tử',
        steps: hoTichSteps('đăng ký khai tử', 'Trích lục khai tử'),
        components: [
          {
            id: 'to-khai',
            name: 'Tờ khai đăng ký khai tử theo mẫu',
            originals: 1,
            copies: 0,
            required: true,
            formId: 'to-khai-khai-tu',
            note: 'Nộp trực tiếp; nộp trực tuyến điền Mẫu hộ tịch điện tử tương tác đăng ký khai tử',
          },
          {
            id: 'giay-bao-tu',
            name: 'Giấy báo tử hoặc giấy tờ khác thay Giấy báo tử',
            originals: 1,
            copies: 0,
            required: true,
            note: 'Không nộp bản giấy nếu đã có Giấy báo tử điện tử',
          },
          {
            id: 'giay-to-chung-minh-cai-chet',
            name: 'Giấy tờ, tài liệu chứng minh sự kiện chết',
            originals: 1,
            copies: 0,
            required: false,
            note: 'Nếu có: trường hợp đăng ký khai tử cho người đã chết từ lâu',
          },
          proxyDoc,
          identityDoc,
          {
            id: 'giay-to-noi-cu-tru-cuoi-cung',
            name: 'Giấy tờ chứng minh nơi cư trú cuối cùng của người chết, hoặc nơi chết / nơi phát hiện thi thể',
            originals: 1,
            copies: 0,
            required: false,
            note: 'Xuất trình khi không khai thác được từ cơ sở dữ liệu',
          },
        ],
        processingTimes: times(ALL, 1, 'working_day', HT_TIME_NOTE),
        fees: [
          {
            name: 'Lệ phí đăng ký khai tử đúng hạn',
            amountVnd: 0,
            note: 'Miễn lệ phí khai tử đúng hạn',
          },
          {
            name: 'Lệ phí đăng ký khai tử (quá hạn)',
            amountVnd: null,
            note: `${HT_FEE_HDND}; ${TT281_COPY}`,
          },
        ],
        formSchema: schema(
          'Tờ khai đăng ký khai tử',
          {
            hoTenNguoiChet: text('Họ, chữ đệm và tên người đã chết', 100),
            soDinhDanhNguoiChet: idNumber('Số định danh cá nhân của người đã chết'),
            ngaySinh: pastDate('Ngày, tháng, năm sinh của người đã chết'),
            gioiTinh: gender(),
            ngayChet: pastDate('Ngày chết'),
            gioChet: time('Giờ chết (hh:mm)'),
            noiChet: text('Nơi chết', 300),
            nguyenNhanChet: text('Nguyên nhân chết', 300),
            soGiayBaoTu: text('Số Giấy báo tử', 50),
            quanHeVoiNguoiChet: text('Quan hệ của người đi khai tử với người đã chết', 50),
            soDienThoai: phone(),
          },
          [
            'hoTenNguoiChet',
            'ngaySinh',
            'gioiTinh',
            'ngayChet',
            'noiChet',
            'quanHeVoiNguoiChet',
            'soDienThoai',
          ],
        ),
      },
    ],
    forms: [
      {
        id: 'to-khai-khai-tu',
        name: 'Tờ khai đăng ký khai tử',
        format: 'docx',
        reference: HT_REF,
        fields: [
          'Kính gửi',
          'Họ, chữ đệm, tên người yêu cầu',
          'Nơi cư trú của người yêu cầu',
          'Giấy tờ tùy thân của người yêu cầu',
          'Quan hệ với người đã chết',
          'Họ, chữ đệm, tên người đã chết',
          'Ngày, tháng, năm sinh',
          'Giới tính',
          'Dân tộc',
          'Quốc tịch',
          'Nơi cư trú cuối cùng',
          'Giấy tờ tùy thân của người đã chết',
          'Đã chết vào lúc (giờ, phút, ngày, tháng, năm)',
          'Nơi chết',
          'Nguyên nhân chết',
        ],
      },
    ],
    results: ['Trích lục khai tử (KQ.G15.000034)'],
    legalBasis: hoTichLegal,
    conditions: [
      'Người đi khai tử xuất trình giấy tờ tùy thân và giấy tờ chứng minh nơi cư trú cuối cùng của người chết (hoặc nơi chết, nơi phát hiện thi thể) khi không khai thác được từ cơ sở dữ liệu',
    ],
  },

  // 5 ─────────────────────────────────────────────────────────────────────
  {
    code: '1.004873',
    name: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
    fieldCode: 'ho-tich',
    level: 3,
    agencyCode: a.baDinhCommittee,
    competentAuthority: `${HT_COMPETENT} (cơ quan phối hợp: Bộ Công an)`,
    implementingAgency: HT_IMPLEMENTING,
    subjects: HT_SUBJECTS,
    channels: ALL,
    decision: '163/QĐ-BTP',
    feeAtSubmission: false,
    cases: [
      {
        id: 'mac-dinh',
        name: 'Cấp Giấy xác nhận tình trạng hôn nhân',
        steps: [
          ...hoTichSteps(
            'cấp Giấy xác nhận tình trạng hôn nhân',
            'Giấy xác nhận tình trạng hôn nhân',
          ).slice(0, 2),
          'Trường hợp không thu hồi được Giấy xác nhận tình trạng hôn nhân đã cấp trước đó: cơ quan giải quyết liên hệ nơi đã cấp để xác minh trong 03 ngày làm việc',
          ...hoTichSteps('', 'Giấy xác nhận tình trạng hôn nhân').slice(2),
        ],
        components: [
          {
            id: 'to-khai',
            name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu',
            originals: 1,
            copies: 0,
            required: true,
            formId: 'to-khai-xac-nhan-tinh-trang-hon-nhan',
            note: 'Nộp trực tiếp; nộp trực tuyến điền mẫu hộ tịch điện tử tương tác',
          },
          {
            id: 'giay-xac-nhan-da-cap',
            name: 'Giấy xác nhận tình trạng hôn nhân đã được cấp trước đây',
            originals: 1,
            copies: 0,
            required: false,
            note: 'Nếu có: đề nghị cấp lại để sử dụng vào mục đích khác hoặc do đã hết thời hạn sử dụng',
          },
          proxyDoc,
          identityDoc,
          residenceDoc,
        ],
        processingTimes: times(
          ALL,
          3,
          'working_day',
          'Cổng DVCQG ghi "3" không kèm đơn vị; giả định ngày làm việc',
        ),
        fees: [
          {
            name: 'Lệ phí cấp Giấy xác nhận tình trạng hôn nhân',
            amountVnd: null,
            note: HT_FEE_HDND,
          },
        ],
        formSchema: schema(
          'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân',
          {
            hoTen: text('Họ, chữ đệm và tên người được xác nhận', 100),
            ngaySinh: pastDate('Ngày, tháng, năm sinh'),
            gioiTinh: gender(),
            soDinhDanh: idNumber('Số định danh cá nhân'),
            noiCuTru: text('Nơi cư trú', 300),
            tinhTrangHonNhan: choice('Tình trạng hôn nhân', [
              'Chưa đăng ký kết hôn với ai',
              'Đang có vợ/chồng',
              'Đã ly hôn',
              'Vợ/chồng đã chết',
            ]),
            mucDichSuDung: text('Mục đích sử dụng Giấy xác nhận', 300),
            soDienThoai: phone(),
            email: email(),
          },
          [
            'hoTen',
            'ngaySinh',
            'gioiTinh',
            'soDinhDanh',
            'noiCuTru',
            'tinhTrangHonNhan',
            'mucDichSuDung',
            'soDienThoai',
          ],
        ),
      },
    ],
    forms: [
      {
        id: 'to-khai-xac-nhan-tinh-trang-hon-nhan',
        name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân',
        format: 'docx',
        reference: HT_REF,
        fields: [
          'Kính gửi',
          'Họ, chữ đệm, tên người yêu cầu',
          'Nơi cư trú của người yêu cầu',
          'Giấy tờ tùy thân của người yêu cầu',
          'Quan hệ với người được cấp Giấy xác nhận',
          'Họ, chữ đệm, tên người được xác nhận',
          'Ngày, tháng, năm sinh',
          'Giới tính',
          'Dân tộc',
          'Quốc tịch',
          'Nơi cư trú',
          'Tình trạng hôn nhân',
          'Mục đích sử dụng Giấy xác nhận tình trạng hôn nhân',
        ],
      },
    ],
    results: ['Giấy xác nhận tình trạng hôn nhân (KQ.G15.000038)'],
    legalBasis: ['Luật Hôn nhân và gia đình số 52/2014/QH13', ...hoTichLegal],
    conditions: [
      'Người đề nghị cấp lại Giấy xác nhận để sử dụng vào mục đích khác hoặc do hết thời hạn phải nộp lại Giấy xác nhận đã được cấp trước đó',
    ],
  },

  // 6 ─────────────────────────────────────────────────────────────────────
  {
    code: '2.000635',
    name: 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh',
    fieldCode: 'ho-tich',
    level: 4,
    agencyCode: a.justiceDept,
    competentAuthority: 'Sở Tư pháp; Ủy ban nhân dân cấp xã',
    implementingAgency:
      'Cơ quan quản lý cơ sở dữ liệu hộ tịch điện tử (Sở Tư pháp thành phố Hà Nội)',
    subjects: ['Cá nhân', 'Tổ chức'],
    channels: ALL,
    decision: '163/QĐ-BTP',
    feeAtSubmission: false,
    cases: [
      {
        id: 'mac-dinh',
        name: 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh',
        steps: [
          'Người yêu cầu nộp tờ khai (cá nhân) hoặc văn bản yêu cầu nêu rõ lý do (tổ chức) trực tiếp, qua bưu chính hoặc trực tuyến',
          'Cơ quan quản lý cơ sở dữ liệu hộ tịch điện tử kiểm tra yêu cầu, tra cứu dữ liệu hộ tịch đã đăng ký',
          'Nếu có dữ liệu và yêu cầu hợp lệ, cơ quan cấp bản sao Trích lục hộ tịch / bản sao Giấy khai sinh theo số lượng yêu cầu',
          `Trả kết quả trực tiếp, qua bưu chính hoặc bản điện tử; ${AFTER_15H.toLowerCase()}`,
        ],
        components: [
          {
            id: 'to-khai',
            name: 'Tờ khai đề nghị cấp bản sao Trích lục hộ tịch theo mẫu',
            originals: 1,
            copies: 0,
            required: true,
            formId: 'to-khai-cap-ban-sao-trich-luc',
            note: 'Cá nhân yêu cầu; nộp trực tuyến điền mẫu điện tử tương tác',
          },
          {
            id: 'van-ban-yeu-cau',
            name: 'Văn bản yêu cầu của cơ quan, tổ chức nêu rõ lý do',
            originals: 1,
            copies: 0,
            required: false,
            note: 'Nếu có: tổ chức yêu cầu, thay cho tờ khai',
          },
          proxyDoc,
          identityDoc,
          residenceDoc,
        ],
        processingTimes: times(
          ALL,
          1,
          'working_day',
          `Cổng DVCQG ghi "Không có thông tin"; giả định trả trong ngày, ${AFTER_15H.toLowerCase()}`,
        ),
        fees: [
          {
            name: 'Phí cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh',
            amountVnd: 8000,
            sourceNote:
              '8.000 đồng/bản sao trên mọi kênh (Cổng DVCQG không ghi đơn vị tính; giả định tính theo bản); TT 281/2016/TT-BTC',
          },
        ],
        formSchema: schema(
          'Tờ khai đề nghị cấp bản sao Trích lục hộ tịch',
          {
            hoTenNguoiYeuCau: text('Họ, chữ đệm và tên người yêu cầu', 100),
            soDinhDanh: idNumber('Số định danh cá nhân của người yêu cầu'),
            loaiGiayTo: choice('Loại giấy tờ đề nghị cấp bản sao', [
              'Bản sao Giấy khai sinh',
              'Bản sao Trích lục kết hôn',
              'Bản sao Trích lục khai tử',
              'Bản sao Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch',
              'Bản sao Trích lục hộ tịch khác',
            ]),
            hoTenNguoiDuocCap: text('Họ, chữ đệm và tên người có tên trong giấy tờ hộ tịch', 100),
            ngaySinhNguoiDuocCap: pastDate('Ngày sinh của người có tên trong giấy tờ hộ tịch'),
            quanHe: text('Quan hệ của người yêu cầu với người có tên trong giấy tờ hộ tịch', 50),
            soDangKy: text('Số đăng ký (số, quyển)', 50),
            ngayDangKy: pastDate('Ngày đăng ký'),
            noiDangKy: text('Cơ quan đã đăng ký', 300),
            soBanSao: int('Số lượng bản sao đề nghị cấp', 1, 20),
            soDienThoai: phone(),
          },
          [
            'hoTenNguoiYeuCau',
            'soDinhDanh',
            'loaiGiayTo',
            'hoTenNguoiDuocCap',
            'ngaySinhNguoiDuocCap',
            'noiDangKy',
            'soBanSao',
            'soDienThoai',
          ],
        ),
      },
    ],
    forms: [
      {
        id: 'to-khai-cap-ban-sao-trich-luc',
        name: 'Tờ khai đề nghị cấp bản sao Trích lục hộ tịch',
        format: 'docx',
        reference: HT_REF,
        fields: [
          'Kính gửi',
          'Họ, chữ đệm, tên người yêu cầu',
          'Nơi cư trú của người yêu cầu',
          'Giấy tờ tùy thân của người yêu cầu',
          'Quan hệ với người được cấp bản sao',
          'Loại giấy tờ đề nghị cấp bản sao',
          'Họ, chữ đệm, tên người có tên trong giấy tờ hộ tịch',
          'Ngày, tháng, năm sinh',
          'Số đăng ký, quyển số',
          'Ngày, tháng, năm đăng ký',
          'Cơ quan đã đăng ký',
          'Số lượng bản sao đề nghị cấp',
        ],
      },
    ],
    results: ['Bản sao Trích lục hộ tịch, bản sao Giấy khai sinh (KQ.G15.000342)'],
    legalBasis: [...hoTichLegal, 'Thông tư số 281/2016/TT-BTC'],
    conditions: [
      'Sự kiện hộ tịch đã được đăng ký và có dữ liệu trong cơ sở dữ liệu hộ tịch điện tử',
    ],
  },

  // 7 ─────────────────────────────────────────────────────────────────────
  {
    code: '1.004859',
    name: 'Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc',
    fieldCode: 'ho-tich',
    level: 3,
    agencyCode: a.baDinhCommittee,
    competentAuthority: HT_COMPETENT,
    implementingAgency: HT_IMPLEMENTING,
    subjects: HT_SUBJECTS,
    channels: ALL,
    decision: '163/QĐ-BTP',
    feeAtSubmission: false,
    cases: [
      {
        id: 'mac-dinh',
        name: 'Thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc',
        steps: hoTichSteps(
          'thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc',
          'Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc',
        ),
        components: [
          {
            id: 'to-khai',
            name: 'Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc theo mẫu',
            originals: 1,
            copies: 0,
            required: true,
            formId: 'to-khai-thay-doi-cai-chinh-ho-tich',
            note: 'Nộp trực tiếp/bưu chính; nộp trực tuyến điền Mẫu hộ tịch điện tử tương tác',
          },
          {
            id: 'giay-to-can-cu',
            name: 'Giấy tờ làm căn cứ thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc',
            originals: 1,
            copies: 0,
            required: true,
          },
          proxyDoc,
          identityDoc,
          residenceDoc,
        ],
        processingTimes: times(
          ALL,
          1,
          'working_day',
          'Cổng DVCQG ghi "1" không kèm đơn vị (giả định ngày làm việc); trường hợp phải xác minh có thể kéo dài thêm — giả định, cần kiểm tra lại',
        ),
        fees: [
          {
            name: 'Lệ phí thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc',
            amountVnd: null,
            note: `${HT_FEE_HDND}; ${TT281_COPY}`,
          },
        ],
        formSchema: schema(
          'Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc',
          {
            hoTenNguoiYeuCau: text('Họ, chữ đệm và tên người yêu cầu', 100),
            soDinhDanh: idNumber('Số định danh cá nhân của người yêu cầu'),
            hoTenNguoiDuocThayDoi: text(
              'Họ, chữ đệm và tên người được thay đổi, cải chính, bổ sung',
              100,
            ),
            ngaySinh: pastDate('Ngày, tháng, năm sinh của người được thay đổi, cải chính, bổ sung'),
            loaiViec: choice('Loại việc đề nghị', [
              'Thay đổi',
              'Cải chính',
              'Bổ sung thông tin',
              'Xác định lại dân tộc',
            ]),
            loaiGiayToHoTich: text('Giấy tờ hộ tịch đã đăng ký (ví dụ: Giấy khai sinh)', 100),
            soDangKy: text('Số đăng ký, quyển số', 50),
            noiDungCu: longText('Nội dung hiện ghi trong giấy tờ hộ tịch', 500),
            noiDungMoi: longText('Nội dung đề nghị thay đổi, cải chính, bổ sung', 500),
            lyDo: longText('Lý do'),
            soDienThoai: phone(),
          },
          [
            'hoTenNguoiYeuCau',
            'soDinhDanh',
            'hoTenNguoiDuocThayDoi',
            'ngaySinh',
            'loaiViec',
            'noiDungMoi',
            'lyDo',
            'soDienThoai',
          ],
        ),
      },
    ],
    forms: [
      {
        id: 'to-khai-thay-doi-cai-chinh-ho-tich',
        name: 'Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc',
        format: 'docx',
        reference: HT_REF,
        fields: [
          'Kính gửi',
          'Họ, chữ đệm, tên người yêu cầu',
          'Nơi cư trú của người yêu cầu',
          'Giấy tờ tùy thân của người yêu cầu',
          'Quan hệ với người được thay đổi, cải chính, bổ sung thông tin hộ tịch',
          'Họ, chữ đệm, tên người được thay đổi, cải chính, bổ sung',
          'Ngày, tháng, năm sinh',
          'Giới tính',
          'Dân tộc',
          'Quốc tịch',
          'Đã đăng ký tại (cơ quan), số, quyển số, ngày đăng ký',
          'Nội dung đề nghị thay đổi, cải chính, bổ sung, xác định lại dân tộc',
          'Lý do',
          'Giấy tờ kèm theo',
        ],
      },
    ],
    results: [
      'Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc (KQ.G15.000037)',
    ],
    legalBasis: ['Bộ luật Dân sự số 91/2015/QH13', ...hoTichLegal],
    conditions: [
      'Có giấy tờ làm căn cứ cho việc thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc',
    ],
  },
];
