import type { Channel, ComponentSeed, ProcedureSeed, ProcessingTime } from '../seed.types';
import { agencyCodes as a } from './agencies';

/**
 * Procedures #1–#12 of the demo catalogue (docs/domain.md: hộ tịch, liên thông, chứng thực,
 * lý lịch tư pháp, cư trú). Values marked "giả định" are plausible choices where the public
 * sources give no value; verify them against dichvucong.gov.vn before release.
 */

// ---------------------------------------------------------------------------
// JSON Schema helpers (draft 2020-12, ajv strict mode: only standard keywords + title/description)
// ---------------------------------------------------------------------------
type Prop = Record<string, unknown>;

const text = (title: string, maxLength = 200): Prop => ({ type: 'string', title, maxLength });
const longText = (title: string, maxLength = 1000): Prop => ({ type: 'string', title, maxLength });
const date = (title: string): Prop => ({ type: 'string', title, format: 'date', maxLength: 10 });
const time = (title: string): Prop => ({
  type: 'string',
  title,
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  maxLength: 5,
});
const choice = (title: string, values: string[]): Prop => ({
  type: 'string',
  title,
  enum: values,
  maxLength: Math.max(...values.map((v) => v.length)),
});
const idNumber = (title: string): Prop => ({
  type: 'string',
  title,
  pattern: '^[0-9]{12}$',
  maxLength: 12,
});
const phone = (title = 'Số điện thoại liên hệ'): Prop => ({
  type: 'string',
  title,
  pattern: '^0[0-9]{9}$',
  maxLength: 10,
});
const email = (title = 'Thư điện tử'): Prop => ({
  type: 'string',
  title,
  format: 'email',
  maxLength: 254,
});
const int = (title: string, minimum: number, maximum: number): Prop => ({
  type: 'integer',
  title,
  minimum,
  maximum,
});
const num = (title: string, minimum: number, maximum: number): Prop => ({
  type: 'number',
  title,
  minimum,
  maximum,
});
const bool = (title: string): Prop => ({ type: 'boolean', title });
const gender = (title = 'Giới tính'): Prop => choice(title, ['Nam', 'Nữ']);

function schema<P extends Record<string, Prop>>(
  title: string,
  properties: P,
  required: (keyof P & string)[],
): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    title,
    required,
    properties,
    additionalProperties: false,
  };
}

// ---------------------------------------------------------------------------
// Shared values
// ---------------------------------------------------------------------------
const ALL: Channel[] = ['online', 'post', 'desk'];

/** Same value on every listed channel. */
function times(
  channels: Channel[],
  value: number,
  unit: ProcessingTime['unit'],
  note?: string,
): ProcessingTime[] {
  return channels.map((channel) =>
    note ? { channel, value, unit, note } : { channel, value, unit },
  );
}

const AFTER_15H = 'Hồ sơ tiếp nhận sau 15 giờ được trả kết quả trong ngày làm việc tiếp theo';
const HT_TIME_NOTE = `Cổng DVCQG ghi "1" không kèm đơn vị (S2: "1 ngày"); ${AFTER_15H.toLowerCase()}`;
const HT_REF = 'Mẫu kèm TT 04/2020/TT-BTP, sửa đổi bởi TT 04/2024/TT-BTP';
const HT_COMPETENT = 'Ủy ban nhân dân cấp xã';
const HT_IMPLEMENTING =
  'Ủy ban nhân dân phường Ba Đình (tiếp nhận tại Trung tâm Phục vụ hành chính công)';
const HT_SUBJECTS = ['Công dân Việt Nam', 'Người Việt Nam định cư ở nước ngoài'];
const HT_FEE_HDND =
  'Theo Nghị quyết của Hội đồng nhân dân thành phố; miễn cho người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật. Cổng DVCQG hiển thị nhãn "Miễn phí"';
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

export const proceduresPart1: ProcedureSeed[] = [
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
            ngaySinh: date('Ngày, tháng, năm sinh'),
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
            ngaySinh: date('Ngày, tháng, năm sinh'),
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
            ngaySinhBenNu: date('Ngày sinh bên nữ'),
            soDinhDanhBenNu: idNumber('Số định danh cá nhân bên nữ'),
            noiCuTruBenNu: text('Nơi cư trú bên nữ', 300),
            hoTenBenNam: text('Họ, chữ đệm và tên bên nam', 100),
            ngaySinhBenNam: date('Ngày sinh bên nam'),
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
            ngaySinh: date('Ngày, tháng, năm sinh của người đã chết'),
            gioiTinh: gender(),
            ngayChet: date('Ngày chết'),
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
            ngaySinh: date('Ngày, tháng, năm sinh'),
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
            note: '8.000 đồng/bản sao trên mọi kênh (Cổng DVCQG không ghi đơn vị tính; giả định tính theo bản); TT 281/2016/TT-BTC',
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
            ngaySinhNguoiDuocCap: date('Ngày sinh của người có tên trong giấy tờ hộ tịch'),
            quanHe: text('Quan hệ của người yêu cầu với người có tên trong giấy tờ hộ tịch', 50),
            soDangKy: text('Số đăng ký (số, quyển)', 50),
            ngayDangKy: date('Ngày đăng ký'),
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
            ngaySinh: date('Ngày, tháng, năm sinh của người được thay đổi, cải chính, bổ sung'),
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

  // 8 ─────────────────────────────────────────────────────────────────────
  {
    code: '2.000815',
    name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam; cơ quan, tổ chức có thẩm quyền của nước ngoài; cơ quan, tổ chức có thẩm quyền của Việt Nam liên kết với cơ quan, tổ chức có thẩm quyền của nước ngoài cấp hoặc chứng nhận',
    fieldCode: 'chung-thuc',
    level: 2,
    agencyCode: a.baDinhCommittee,
    competentAuthority:
      'Ủy ban nhân dân cấp xã; tổ chức hành nghề công chứng; cơ quan đại diện ngoại giao, cơ quan đại diện lãnh sự của Việt Nam ở nước ngoài',
    implementingAgency: 'Trung tâm Phục vụ hành chính công phường Ba Đình',
    subjects: ['Cá nhân', 'Tổ chức'],
    channels: ['desk'],
    decision: '3152/QĐ-BTP ngày 31/10/2025',
    feeAtSubmission: false,
    cases: [
      {
        id: 'mac-dinh',
        name: 'Chứng thực bản sao từ bản chính',
        steps: [
          'Người yêu cầu xuất trình bản chính và bản sao cần chứng thực (nếu chỉ mang bản chính, cơ quan chụp từ bản chính)',
          'Người thực hiện chứng thực kiểm tra bản chính, đối chiếu với bản sao; bản chính thuộc trường hợp không được chứng thực thì từ chối và giải thích lý do',
          'Người thực hiện chứng thực ghi lời chứng, ký, ghi rõ họ tên, đóng dấu và ghi vào sổ chứng thực',
          `Trả bản sao đã chứng thực trong ngày tiếp nhận; ${AFTER_15H.toLowerCase()}`,
        ],
        components: [
          {
            id: 'ban-chinh-va-ban-sao',
            name: 'Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao và bản sao cần chứng thực',
            originals: 1,
            copies: 1,
            required: true,
            note: 'Nếu chỉ xuất trình bản chính, cơ quan chứng thực chụp từ bản chính; giấy tờ đã có trên VNeID hoặc cơ sở dữ liệu không yêu cầu nộp lại',
          },
          {
            id: 'phieu-yeu-cau',
            name: 'Phiếu yêu cầu chứng thực bản sao',
            originals: 1,
            copies: 0,
            required: false,
            formId: 'phieu-yeu-cau-chung-thuc-ban-sao',
            note: 'Giả định: mẫu tham khảo để kê khai số bản, số trang; NĐ 23/2015/NĐ-CP không bắt buộc',
          },
        ],
        processingTimes: times(
          ['desk'],
          1,
          'working_day',
          'Trong ngày tiếp nhận hoặc ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ; yêu cầu số lượng lớn, phức tạp kéo dài không quá 02 ngày làm việc (hoặc lâu hơn theo thỏa thuận bằng văn bản) (NĐ 23/2015/NĐ-CP, Điều 7)',
        ),
        fees: [
          {
            name: 'Phí chứng thực bản sao từ bản chính',
            amountVnd: null,
            note: '2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản; số trang tính theo bản chính. Tại cơ quan đại diện ở nước ngoài: 10 USD/bản',
          },
        ],
      },
    ],
    forms: [
      {
        id: 'phieu-yeu-cau-chung-thuc-ban-sao',
        name: 'Phiếu yêu cầu chứng thực bản sao từ bản chính',
        format: 'docx',
        reference: 'Mẫu tham khảo (giả định), không thuộc TT 01/2020/TT-BTP',
        fields: [
          'Họ, chữ đệm và tên người yêu cầu',
          'Số giấy tờ tùy thân',
          'Số điện thoại liên hệ',
          'Tên giấy tờ, văn bản cần chứng thực',
          'Cơ quan, tổ chức cấp giấy tờ',
          'Số trang của bản chính',
          'Số bản sao đề nghị chứng thực',
          'Ngày yêu cầu',
        ],
      },
    ],
    results: ['Bản sao được chứng thực từ bản chính (KQ.G15.000021)'],
    legalBasis: [
      'Nghị định số 23/2015/NĐ-CP',
      'Nghị định số 07/2025/NĐ-CP',
      'Nghị định số 280/2025/NĐ-CP',
      'Thông tư số 01/2020/TT-BTP',
      'Thông tư số 226/2016/TT-BTC',
      'Thông tư số 257/2016/TT-BTC',
      'Thông tư số 264/2016/TT-BTC',
    ],
    conditions: [
      'Không chứng thực bản sao từ bản chính bị tẩy xóa, sửa chữa, thêm, bớt nội dung không hợp lệ hoặc bị hư hỏng, cũ nát không xác định được nội dung',
      'Không chứng thực bản chính có đóng dấu mật hoặc ghi rõ không được sao chụp',
      'Giấy tờ do cơ quan nước ngoài cấp phải được hợp pháp hóa lãnh sự, trừ hộ chiếu, thẻ căn cước, thẻ thường trú, giấy phép lái xe, văn bằng, chứng chỉ và bảng điểm',
    ],
  },

  // 9 ─────────────────────────────────────────────────────────────────────
  {
    code: '2.000884',
    name: 'Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ được)',
    fieldCode: 'chung-thuc',
    level: 2,
    agencyCode: a.baDinhCommittee,
    competentAuthority:
      'Ủy ban nhân dân cấp xã; tổ chức hành nghề công chứng; cơ quan đại diện ngoại giao, cơ quan đại diện lãnh sự của Việt Nam ở nước ngoài',
    implementingAgency: 'Trung tâm Phục vụ hành chính công phường Ba Đình',
    subjects: ['Cá nhân'],
    channels: ['desk'],
    decision: '858/QĐ-BTP',
    feeAtSubmission: false,
    cases: [
      {
        id: 'mac-dinh',
        name: 'Chứng thực chữ ký, chứng thực điểm chỉ',
        steps: [
          'Người yêu cầu xuất trình giấy tờ tùy thân còn giá trị và giấy tờ, văn bản sẽ ký',
          'Người thực hiện chứng thực kiểm tra giấy tờ; nếu đủ điều kiện thì người yêu cầu ký (hoặc điểm chỉ) trước mặt người thực hiện chứng thực',
          'Người thực hiện chứng thực ghi lời chứng, ký, ghi rõ họ tên, đóng dấu và ghi vào sổ chứng thực',
          `Trả kết quả trong ngày tiếp nhận; ${AFTER_15H.toLowerCase()}`,
        ],
        components: [
          {
            id: 'giay-to-tuy-than',
            name: 'Căn cước điện tử hoặc bản chính/bản sao căn cước công dân, thẻ căn cước, giấy chứng nhận căn cước, hộ chiếu, giấy tờ xuất nhập cảnh còn giá trị',
            originals: 1,
            copies: 0,
            required: true,
            note: 'Xuất trình',
          },
          {
            id: 'giay-to-can-ky',
            name: 'Giấy tờ, văn bản mà mình sẽ ký',
            originals: 1,
            copies: 0,
            required: true,
            note: 'Giấy tờ bằng tiếng nước ngoài có thể phải kèm bản dịch tiếng Việt',
          },
          {
            id: 'phieu-yeu-cau',
            name: 'Phiếu yêu cầu chứng thực chữ ký',
            originals: 1,
            copies: 0,
            required: false,
            formId: 'phieu-yeu-cau-chung-thuc-chu-ky',
            note: 'Giả định: mẫu tham khảo; NĐ 23/2015/NĐ-CP không bắt buộc',
          },
        ],
        processingTimes: times(
          ['desk'],
          1,
          'working_day',
          'Trong ngày tiếp nhận hoặc ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ; dài hơn chỉ khi có thỏa thuận bằng văn bản',
        ),
        fees: [
          {
            name: 'Phí chứng thực chữ ký',
            amountVnd: 10000,
            note: '10.000 đồng/trường hợp (một hoặc nhiều chữ ký trong một giấy tờ, văn bản); tại cơ quan đại diện ở nước ngoài: 10 USD/bản',
          },
        ],
      },
    ],
    forms: [
      {
        id: 'phieu-yeu-cau-chung-thuc-chu-ky',
        name: 'Phiếu yêu cầu chứng thực chữ ký',
        format: 'docx',
        reference: 'Mẫu tham khảo (giả định), không thuộc TT 01/2020/TT-BTP',
        fields: [
          'Họ, chữ đệm và tên người yêu cầu',
          'Số giấy tờ tùy thân',
          'Số điện thoại liên hệ',
          'Tên giấy tờ, văn bản cần chứng thực chữ ký',
          'Hình thức (ký / điểm chỉ / không thể ký, điểm chỉ)',
          'Đề nghị chứng thực ngoài trụ sở (lý do)',
          'Người phiên dịch (nếu có)',
          'Ngày yêu cầu',
        ],
      },
    ],
    results: ['Giấy tờ, văn bản được chứng thực chữ ký/điểm chỉ (KQ.G15.000022)'],
    legalBasis: [
      'Nghị định số 23/2015/NĐ-CP',
      'Nghị định số 07/2025/NĐ-CP',
      'Nghị định số 280/2025/NĐ-CP',
      'Nghị định số 18/2026/NĐ-CP',
      'Nghị quyết số 66.7/2025/NQ-CP',
      'Thông tư số 01/2020/TT-BTP',
      'Thông tư số 226/2016/TT-BTC',
      'Thông tư số 257/2016/TT-BTC',
      'Thông tư số 264/2016/TT-BTC',
    ],
    conditions: [
      'Không chứng thực khi người yêu cầu không có năng lực hành vi dân sự hoặc giấy tờ tùy thân không còn giá trị',
      'Không chứng thực chữ ký trên giấy tờ có nội dung là hợp đồng, giao dịch, trừ một số giấy ủy quyền: nộp hộ, nhận hộ hồ sơ; nhận hộ lương hưu, bưu phẩm, trợ cấp; trông nom nhà; vay vốn Ngân hàng Chính sách xã hội',
      'Người yêu cầu không thông thạo tiếng Việt phải có người phiên dịch',
      'Có thể chứng thực ngoài trụ sở đối với người già yếu, ốm đau, bệnh tật, đang bị tạm giữ, tạm giam, thi hành án phạt tù hoặc có lý do chính đáng khác',
    ],
  },

  // 10 ────────────────────────────────────────────────────────────────────
  ((): ProcedureSeed => {
    const steps = (phieu: string): string[] => [
      `Người yêu cầu nộp Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp ${phieu} trực tiếp, qua bưu chính, hoặc trực tuyến trên Cổng Dịch vụ công/VNeID (tài khoản định danh điện tử mức độ 2) và nộp phí`,
      'Công an thành phố tiếp nhận, kiểm tra hồ sơ và phí; hướng dẫn bổ sung nếu hồ sơ chưa đầy đủ',
      'Tra cứu thông tin lý lịch tư pháp trong cơ sở dữ liệu; xác minh với các cơ quan liên quan khi cần',
      `Cấp Phiếu lý lịch tư pháp ${phieu} và trả kết quả trực tiếp, qua bưu chính hoặc bản điện tử`,
    ];
    const form = (
      id: string,
      name: string,
      mau: string,
      format: 'docx' | 'pdf',
      extra: string[],
    ) => ({
      id,
      name,
      format,
      reference: `Mẫu số ${mau} (văn bản ban hành mẫu chưa xác định — giả định)`,
      fields: [
        'Họ, chữ đệm và tên',
        'Tên gọi khác',
        'Giới tính',
        'Ngày, tháng, năm sinh',
        'Nơi sinh',
        'Quốc tịch',
        'Số định danh cá nhân / số căn cước / số hộ chiếu',
        'Nơi thường trú, nơi tạm trú',
        'Họ, chữ đệm và tên cha, mẹ, vợ/chồng',
        'Loại Phiếu lý lịch tư pháp yêu cầu cấp (số 1 / số 2)',
        'Mục đích sử dụng Phiếu',
        'Số lượng Phiếu yêu cầu cấp',
        ...extra,
      ],
    });
    const idCopy: ComponentSeed = {
      id: 'ban-sao-giay-to-tuy-than',
      name: 'Bản sao thẻ căn cước, căn cước công dân, giấy xác nhận căn cước hoặc hộ chiếu của người được cấp Phiếu',
      originals: 0,
      copies: 1,
      required: true,
      note: 'Xuất trình bản chính để đối chiếu',
    };
    const exemptionDoc: ComponentSeed = {
      id: 'giay-to-mien-giam-phi',
      name: 'Giấy tờ chứng minh thuộc đối tượng được miễn, giảm phí',
      originals: 1,
      copies: 0,
      required: false,
      note: 'Nếu có',
    };
    const toKhai = (
      id: string,
      name: string,
      formId: string,
      required: boolean,
      note: string,
    ): ComponentSeed => ({
      id,
      name,
      originals: 1,
      copies: 0,
      required,
      formId,
      note,
    });
    const fees = [
      {
        name: 'Phí cung cấp thông tin lý lịch tư pháp',
        amountVnd: 200000,
        note: '200.000 đồng/lần/người (TT 16/2025/TT-BTC); 100.000 đồng cho học sinh từ đủ 16 tuổi, sinh viên, người có công, thân nhân liệt sỹ; nộp trực tuyến 24/4/2025–31/12/2025: 170.000/80.000 đồng; miễn cho trẻ em, người cao tuổi, người khuyết tật, hộ nghèo/cận nghèo, người cư trú tại xã đặc biệt khó khăn, biên giới, an toàn khu',
      },
      {
        name: 'Phí cấp thêm Phiếu (từ Phiếu thứ 3 trở đi)',
        amountVnd: 5000,
        note: '5.000 đồng cho mỗi Phiếu từ Phiếu thứ 3 trở đi',
      },
    ];
    const processingTimes = times(ALL, 10, 'day', 'Cổng DVCQG ghi "10 Ngày"');
    const baseProps = {
      hoTen: text('Họ, chữ đệm và tên', 100),
      gioiTinh: gender(),
      ngaySinh: date('Ngày, tháng, năm sinh'),
      noiSinh: text('Nơi sinh', 300),
      soDinhDanh: idNumber('Số định danh cá nhân'),
      noiCuTru: text('Nơi thường trú (hoặc tạm trú)', 300),
      hoTenCha: text('Họ, chữ đệm và tên cha', 100),
      hoTenMe: text('Họ, chữ đệm và tên mẹ', 100),
      mucDichSuDung: text('Mục đích sử dụng Phiếu', 300),
      soLuongPhieu: int('Số lượng Phiếu yêu cầu cấp', 1, 10),
      soDienThoai: phone(),
    };
    const baseRequired: (keyof typeof baseProps)[] = [
      'hoTen',
      'gioiTinh',
      'ngaySinh',
      'noiSinh',
      'soDinhDanh',
      'noiCuTru',
      'mucDichSuDung',
      'soLuongPhieu',
      'soDienThoai',
    ];
    return {
      code: '3.000333',
      name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam, người Việt Nam đang cư trú ở nước ngoài',
      fieldCode: 'ly-lich-tu-phap',
      level: 4,
      agencyCode: a.cityPolice,
      competentAuthority: 'Công an cấp tỉnh',
      implementingAgency: 'Công an thành phố Hà Nội',
      subjects: [
        'Công dân Việt Nam',
        'Người nước ngoài đang cư trú tại Việt Nam',
        'Người Việt Nam đang cư trú ở nước ngoài',
      ],
      channels: ALL,
      decision: '1025/QĐ-BCA',
      feeAtSubmission: true,
      cases: [
        {
          id: 'phieu-so-1',
          name: 'Cấp Phiếu lý lịch tư pháp số 1',
          steps: steps('số 1'),
          components: [
            toKhai(
              'to-khai',
              'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (cá nhân tự yêu cầu)',
              'mau-01-2025-lltp',
              true,
              'Nộp trực tiếp/bưu chính; thay bằng Mẫu số 02/2025/LLTP khi ủy quyền hoặc cha, mẹ yêu cầu cho con chưa thành niên',
            ),
            toKhai(
              'to-khai-uy-quyen',
              'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (ủy quyền; cha, mẹ của người chưa thành niên)',
              'mau-02-2025-lltp',
              false,
              'Nếu có: thay cho Mẫu số 01/2025/LLTP',
            ),
            toKhai(
              'to-khai-truc-tuyen',
              'Tờ khai điện tử yêu cầu cấp Phiếu lý lịch tư pháp (cá nhân tự yêu cầu)',
              'mau-04-2025-lltp',
              false,
              'Nộp trực tuyến: thay cho Mẫu số 01/2025/LLTP',
            ),
            toKhai(
              'to-khai-truc-tuyen-uy-quyen',
              'Tờ khai điện tử yêu cầu cấp Phiếu lý lịch tư pháp (ủy quyền; cha, mẹ của người chưa thành niên)',
              'mau-05-2025-lltp',
              false,
              'Nộp trực tuyến: thay cho Mẫu số 02/2025/LLTP',
            ),
            idCopy,
            {
              id: 'van-ban-uy-quyen',
              name: 'Văn bản ủy quyền được công chứng hoặc chứng thực',
              originals: 1,
              copies: 0,
              required: false,
              note: 'Nếu có: ủy quyền yêu cầu cấp Phiếu số 1; không cần khi người được ủy quyền là cha, mẹ, vợ, chồng, con',
            },
            exemptionDoc,
          ],
          processingTimes,
          fees,
          formSchema: schema(
            'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp số 1',
            {
              ...baseProps,
              yeuCauXacNhanCamDamNhiemChucVu: bool(
                'Yêu cầu xác nhận về việc cấm đảm nhiệm chức vụ, thành lập, quản lý doanh nghiệp, hợp tác xã',
              ),
            },
            baseRequired,
          ),
        },
        {
          id: 'phieu-so-2',
          name: 'Cấp Phiếu lý lịch tư pháp số 2',
          steps: steps('số 2'),
          components: [
            toKhai(
              'to-khai',
              'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (cá nhân tự yêu cầu)',
              'mau-01-2025-lltp',
              true,
              'Nộp trực tiếp/bưu chính; Phiếu số 2 không được ủy quyền (trừ cha, mẹ của người chưa thành niên: Mẫu số 02/2025/LLTP)',
            ),
            toKhai(
              'to-khai-cha-me',
              'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (cha, mẹ của người chưa thành niên)',
              'mau-02-2025-lltp',
              false,
              'Nếu có: thay cho Mẫu số 01/2025/LLTP',
            ),
            toKhai(
              'to-khai-truc-tuyen',
              'Tờ khai điện tử yêu cầu cấp Phiếu lý lịch tư pháp (cá nhân tự yêu cầu)',
              'mau-04-2025-lltp',
              false,
              'Nộp trực tuyến: thay cho Mẫu số 01/2025/LLTP',
            ),
            toKhai(
              'to-khai-truc-tuyen-cha-me',
              'Tờ khai điện tử yêu cầu cấp Phiếu lý lịch tư pháp (cha, mẹ của người chưa thành niên)',
              'mau-05-2025-lltp',
              false,
              'Nộp trực tuyến: thay cho Mẫu số 02/2025/LLTP',
            ),
            idCopy,
            exemptionDoc,
          ],
          processingTimes,
          fees,
          formSchema: schema(
            'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp số 2',
            { ...baseProps, hoTenVoChong: text('Họ, chữ đệm và tên vợ/chồng', 100) },
            [...baseRequired, 'hoTenCha', 'hoTenMe'],
          ),
        },
      ],
      forms: [
        form(
          'mau-01-2025-lltp',
          'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (cá nhân)',
          '01/2025/LLTP',
          'docx',
          [],
        ),
        form(
          'mau-02-2025-lltp',
          'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (ủy quyền; cha, mẹ của người chưa thành niên)',
          '02/2025/LLTP',
          'docx',
          ['Họ, chữ đệm và tên người được ủy quyền / cha, mẹ', 'Quan hệ với người được cấp Phiếu'],
        ),
        form(
          'mau-04-2025-lltp',
          'Tờ khai điện tử yêu cầu cấp Phiếu lý lịch tư pháp (cá nhân)',
          '04/2025/LLTP',
          'pdf',
          [],
        ),
        form(
          'mau-05-2025-lltp',
          'Tờ khai điện tử yêu cầu cấp Phiếu lý lịch tư pháp (ủy quyền; cha, mẹ của người chưa thành niên)',
          '05/2025/LLTP',
          'pdf',
          ['Họ, chữ đệm và tên người được ủy quyền / cha, mẹ', 'Quan hệ với người được cấp Phiếu'],
        ),
      ],
      results: [
        'Phiếu lý lịch tư pháp số 1 (KQ.G01.000200)',
        'Phiếu lý lịch tư pháp số 2 (KQ.G01.000199)',
      ],
      legalBasis: ['Luật Lý lịch tư pháp số 28/2009/QH12', 'Thông tư số 16/2025/TT-BTC'],
      conditions: [
        'Nộp trực tuyến: đăng nhập bằng tài khoản định danh điện tử mức độ 2 trên Cổng Dịch vụ công hoặc VNeID; phí nộp trực tuyến khi nộp hồ sơ',
        'Phiếu lý lịch tư pháp số 2 chỉ cấp cho chính người được cấp Phiếu (cha, mẹ yêu cầu cho con chưa thành niên)',
      ],
    };
  })(),

  // 11 ────────────────────────────────────────────────────────────────────
  ((): ProcedureSeed => {
    const ct01: ComponentSeed = {
      id: 'to-khai-ct01',
      name: 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01)',
      originals: 1,
      copies: 0,
      required: true,
      formId: 'mau-ct01',
      note: 'Người Việt Nam định cư ở nước ngoài không có hộ chiếu Việt Nam còn giá trị dùng Mẫu CT02; người chưa thành niên ghi rõ ý kiến đồng ý của cha, mẹ hoặc người giám hộ',
    };
    const ct02: ComponentSeed = {
      id: 'to-khai-ct02',
      name: 'Tờ khai thay đổi thông tin cư trú dùng cho người Việt Nam định cư ở nước ngoài (Mẫu CT02)',
      originals: 1,
      copies: 0,
      required: false,
      formId: 'mau-ct02',
      note: 'Nếu có: thay cho Mẫu CT01',
    };
    const exemption: ComponentSeed = {
      id: 'giay-to-mien-le-phi',
      name: 'Giấy tờ chứng minh thuộc đối tượng miễn lệ phí',
      originals: 1,
      copies: 0,
      required: false,
      note: 'Nếu có: chỉ nộp khi thông tin chưa có trong CSDLQG về dân cư',
    };
    const steps = [
      'Người đăng ký nộp hồ sơ trực tiếp tại Công an cấp xã hoặc trực tuyến trên Cổng Dịch vụ công/VNeID',
      'Công an cấp xã kiểm tra hồ sơ, khai thác thông tin chỗ ở hợp pháp, quan hệ nhân thân từ cơ sở dữ liệu; cấp phiếu tiếp nhận hoặc hướng dẫn bổ sung',
      'Thẩm định, xác minh (nếu cần) và cập nhật thông tin thường trú vào CSDL về cư trú, CSDLQG về dân cư',
      'Thông báo kết quả giải quyết cho người đăng ký; trường hợp từ chối thì trả lời bằng văn bản nêu rõ lý do',
    ];
    const processingTimes = times(['online', 'desk'], 7, 'working_day');
    const fees = [
      { name: 'Lệ phí đăng ký thường trú (trực tuyến)', amountVnd: 10000, note: '10.000 đồng/lần' },
      {
        name: 'Lệ phí đăng ký thường trú (trực tiếp)',
        amountVnd: 20000,
        note: '20.000 đồng/lần; miễn lệ phí theo Điều 4 TT 75/2022/TT-BTC (sửa đổi bởi TT 71/2025/TT-BTC)',
      },
    ];
    const props = {
      hoTen: text('Họ, chữ đệm và tên', 100),
      ngaySinh: date('Ngày, tháng, năm sinh'),
      gioiTinh: gender(),
      soDinhDanh: idNumber('Số định danh cá nhân'),
      soDienThoai: phone(),
      email: email(),
      diaChiDangKy: text('Địa chỉ đề nghị đăng ký thường trú', 300),
      hoTenChuHo: text('Họ, chữ đệm và tên chủ hộ', 100),
      soDinhDanhChuHo: idNumber('Số định danh cá nhân của chủ hộ'),
      quanHeVoiChuHo: text('Mối quan hệ với chủ hộ', 50),
      noiDungDeNghi: longText('Nội dung đề nghị', 500),
    };
    // thuê, mượn, ở nhờ: chủ sở hữu thay cho số định danh chủ hộ (giữ tối đa 12 trường)
    const { soDinhDanhChuHo: _omit, ...rentProps } = props;
    const required: (keyof typeof rentProps)[] = [
      'hoTen',
      'ngaySinh',
      'gioiTinh',
      'soDinhDanh',
      'soDienThoai',
      'diaChiDangKy',
      'noiDungDeNghi',
    ];
    return {
      code: '1.004222',
      name: 'Đăng ký thường trú',
      fieldCode: 'cu-tru',
      level: 3,
      agencyCode: a.baDinhPolice,
      competentAuthority: 'Công an cấp xã',
      implementingAgency: 'Công an phường Ba Đình',
      subjects: ['Công dân Việt Nam'],
      channels: ['online', 'desk'],
      decision: '1523/QĐ-BCA-C06',
      feeAtSubmission: false,
      cases: [
        {
          id: 'cho-o-thuoc-so-huu',
          name: 'Đăng ký thường trú tại chỗ ở hợp pháp thuộc quyền sở hữu của mình',
          steps,
          components: [
            ct01,
            ct02,
            {
              id: 'giay-to-cho-o-hop-phap',
              name: 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp',
              originals: 0,
              copies: 1,
              required: true,
              note: 'Không nộp nếu khai thác được từ cơ sở dữ liệu hoặc VNeID',
            },
            exemption,
          ],
          processingTimes,
          fees,
          formSchema: schema('Tờ khai đăng ký thường trú (chỗ ở thuộc sở hữu)', props, required),
        },
        {
          id: 'thue-muon-o-nho',
          name: 'Đăng ký thường trú tại chỗ ở hợp pháp do thuê, mượn, ở nhờ',
          steps,
          components: [
            ct01,
            ct02,
            {
              id: 'hop-dong-thue-muon-o-nho',
              name: 'Hợp đồng, văn bản cho thuê, cho mượn, cho ở nhờ đã được công chứng hoặc chứng thực',
              originals: 1,
              copies: 0,
              required: true,
            },
            {
              id: 'giay-to-dien-tich-san',
              name: 'Giấy tờ, tài liệu chứng minh đủ diện tích nhà ở tối thiểu để đăng ký thường trú',
              originals: 1,
              copies: 0,
              required: true,
              note: 'Theo mức diện tích tối thiểu do HĐND thành phố quy định',
            },
            exemption,
          ],
          processingTimes,
          fees,
          formSchema: schema(
            'Tờ khai đăng ký thường trú (thuê, mượn, ở nhờ)',
            {
              ...rentProps,
              hoTenChuSoHuu: text('Họ, chữ đệm và tên chủ sở hữu chỗ ở', 100),
              dienTichSanBinhQuan: num('Diện tích sàn nhà ở bình quân (m²/người)', 0, 10000),
            },
            [...required, 'hoTenChuSoHuu', 'dienTichSanBinhQuan'],
          ),
        },
        {
          id: 'nhap-ho-nguoi-than',
          name: 'Đăng ký thường trú vào chỗ ở hợp pháp của người thân (vợ, chồng, con, cha, mẹ…)',
          steps,
          components: [
            ct01,
            ct02,
            {
              id: 'giay-to-quan-he-nhan-than',
              name: 'Giấy tờ, tài liệu chứng minh quan hệ nhân thân với chủ hộ, thành viên hộ gia đình',
              originals: 0,
              copies: 1,
              required: true,
              note: 'Không nộp nếu thông tin đã có trong CSDLQG về dân cư',
            },
            exemption,
          ],
          processingTimes,
          fees,
          formSchema: schema('Tờ khai đăng ký thường trú (nhập hộ người thân)', props, [
            ...required,
            'hoTenChuHo',
            'soDinhDanhChuHo',
            'quanHeVoiChuHo',
          ]),
        },
      ],
      forms: [
        {
          id: 'mau-ct01',
          name: 'Tờ khai thay đổi thông tin cư trú (CT01)',
          format: 'docx',
          reference: 'Mẫu CT01 kèm TT 53/2025/TT-BCA',
          fields: [
            'Kính gửi',
            'Họ, chữ đệm và tên',
            'Ngày, tháng, năm sinh',
            'Giới tính',
            'Số định danh cá nhân',
            'Số điện thoại liên hệ',
            'Email',
            'Họ, chữ đệm và tên chủ hộ',
            'Mối quan hệ với chủ hộ',
            'Số định danh cá nhân của chủ hộ',
            'Nội dung đề nghị',
            'Những thành viên trong hộ gia đình cùng thay đổi',
            'Ý kiến của chủ hộ',
            'Ý kiến của chủ sở hữu chỗ ở hợp pháp',
            'Ý kiến của cha, mẹ hoặc người giám hộ',
          ],
        },
        {
          id: 'mau-ct02',
          name: 'Tờ khai thay đổi thông tin cư trú dùng cho người Việt Nam định cư ở nước ngoài (CT02)',
          format: 'docx',
          reference: 'Mẫu CT02 kèm TT 53/2025/TT-BCA',
          fields: [
            'Kính gửi',
            'Họ, chữ đệm và tên',
            'Ngày, tháng, năm sinh',
            'Giới tính',
            'Quốc tịch hiện nay',
            'Số hộ chiếu / giấy tờ có giá trị thay hộ chiếu',
            'Nơi cư trú ở nước ngoài',
            'Địa chỉ đề nghị đăng ký cư trú',
            'Nội dung đề nghị',
            'Số điện thoại, email liên hệ',
          ],
        },
      ],
      results: [
        'Cập nhật thông tin thường trú vào CSDL về cư trú, CSDLQG về dân cư',
        'Thông báo kết quả giải quyết thủ tục đăng ký cư trú (KQ.G01.000064–KQ.G01.000066)',
        'Văn bản từ chối giải quyết (KQ.G01.000067), nếu không đủ điều kiện',
      ],
      legalBasis: [
        'Luật Cư trú số 68/2020/QH14',
        'Nghị định số 154/2024/NĐ-CP',
        'Nghị định số 58/2026/NĐ-CP',
        'Thông tư số 55/2021/TT-BCA',
        'Thông tư số 56/2021/TT-BCA',
        'Thông tư số 57/2021/TT-BCA',
        'Thông tư số 66/2023/TT-BCA',
        'Thông tư số 53/2025/TT-BCA',
        'Thông tư số 54/2025/TT-BCA',
        'Thông tư số 75/2022/TT-BTC',
        'Thông tư số 71/2025/TT-BTC',
        'Nghị quyết số 66.7/2025/NQ-CP',
      ],
      conditions: [
        'Người đăng ký đã có thông tin trong CSDLQG về dân cư',
        'Có chỗ ở hợp pháp; trường hợp thuê, mượn, ở nhờ phải bảo đảm diện tích nhà ở tối thiểu theo quy định',
        'Các trường hợp khác (cơ sở tín ngưỡng, tôn giáo; cơ sở trợ giúp xã hội; phương tiện – Mẫu số 01 kèm NĐ 154/2024/NĐ-CP; đơn vị đóng quân – giấy giới thiệu) nộp thêm giấy tờ tương ứng',
      ],
    };
  })(),

  // 12 ────────────────────────────────────────────────────────────────────
  ((): ProcedureSeed => {
    const ct01: ComponentSeed = {
      id: 'to-khai-ct01',
      name: 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01)',
      originals: 1,
      copies: 0,
      required: true,
      formId: 'mau-ct01',
      note: 'Người chưa thành niên ghi rõ ý kiến đồng ý của cha, mẹ hoặc người giám hộ',
    };
    const legalHome: ComponentSeed = {
      id: 'giay-to-cho-o-hop-phap',
      name: 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp',
      originals: 0,
      copies: 1,
      required: false,
      note: 'Không nộp nếu khai thác được từ cơ sở dữ liệu; đơn vị đóng quân thay bằng giấy giới thiệu',
    };
    const steps = [
      'Người đăng ký nộp hồ sơ trực tiếp tại Công an cấp xã (giờ hành chính từ thứ Hai đến thứ Sáu và sáng thứ Bảy) hoặc trực tuyến trên Cổng Dịch vụ công/VNeID',
      'Công an cấp xã kiểm tra hồ sơ, khai thác thông tin chỗ ở hợp pháp từ cơ sở dữ liệu; cấp phiếu tiếp nhận hoặc hướng dẫn bổ sung',
      'Thẩm định và cập nhật thông tin tạm trú vào CSDL về cư trú, CSDLQG về dân cư',
      'Thông báo kết quả giải quyết; trường hợp từ chối thì trả lời bằng văn bản nêu rõ lý do',
    ];
    const processingTimes = times(['online', 'desk'], 3, 'working_day');
    return {
      code: '1.004194',
      name: 'Đăng ký tạm trú',
      fieldCode: 'cu-tru',
      level: 3,
      agencyCode: a.baDinhPolice,
      competentAuthority: 'Công an cấp xã',
      implementingAgency: 'Công an phường Ba Đình',
      subjects: ['Công dân Việt Nam', 'Cơ quan, tổ chức (đăng ký tạm trú theo danh sách)'],
      channels: ['online', 'desk'],
      decision: '9354/QĐ-BCA-C06',
      feeAtSubmission: false,
      cases: [
        {
          id: 'ca-nhan',
          name: 'Đăng ký tạm trú cho cá nhân, hộ gia đình',
          steps,
          components: [ct01, legalHome],
          processingTimes,
          fees: [
            {
              name: 'Lệ phí đăng ký tạm trú (trực tuyến)',
              amountVnd: 7000,
              note: '7.000 đồng/lần (cá nhân, hộ gia đình)',
            },
            {
              name: 'Lệ phí đăng ký tạm trú (trực tiếp)',
              amountVnd: 15000,
              note: 'Giả định 15.000 đồng/lần theo TT 75/2022/TT-BTC — trang Cổng DVCQG chưa hiển thị mức thu trực tiếp cho cá nhân',
            },
          ],
          formSchema: schema(
            'Tờ khai đăng ký tạm trú',
            {
              hoTen: text('Họ, chữ đệm và tên', 100),
              ngaySinh: date('Ngày, tháng, năm sinh'),
              gioiTinh: gender(),
              soDinhDanh: idNumber('Số định danh cá nhân'),
              soDienThoai: phone(),
              email: email(),
              diaChiTamTru: text('Địa chỉ đề nghị đăng ký tạm trú', 300),
              thoiHanTamTruThang: int('Thời hạn tạm trú (tháng)', 1, 24),
              hoTenChuHo: text('Họ, chữ đệm và tên chủ hộ', 100),
              quanHeVoiChuHo: text('Mối quan hệ với chủ hộ', 50),
              noiDungDeNghi: longText('Nội dung đề nghị', 500),
            },
            [
              'hoTen',
              'ngaySinh',
              'gioiTinh',
              'soDinhDanh',
              'soDienThoai',
              'diaChiTamTru',
              'thoiHanTamTruThang',
            ],
          ),
        },
        {
          id: 'theo-danh-sach',
          name: 'Đăng ký tạm trú theo danh sách',
          steps,
          components: [
            {
              id: 'van-ban-de-nghi',
              name: 'Văn bản đề nghị kèm danh sách (họ tên, ngày sinh, giới tính, số định danh cá nhân, thời hạn tạm trú)',
              originals: 1,
              copies: 0,
              required: true,
            },
            {
              ...ct01,
              name: 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01) của từng người',
              note: 'Mỗi người trong danh sách 01 tờ khai',
            },
            legalHome,
          ],
          processingTimes,
          fees: [
            {
              name: 'Lệ phí đăng ký tạm trú theo danh sách (trực tiếp)',
              amountVnd: 10000,
              note: '10.000 đồng/người/lần',
            },
            {
              name: 'Lệ phí đăng ký tạm trú theo danh sách (trực tuyến)',
              amountVnd: 7000,
              note: '7.000 đồng/lần',
            },
          ],
          formSchema: schema(
            'Văn bản đề nghị đăng ký tạm trú theo danh sách',
            {
              tenCoQuanToChuc: text('Tên cơ quan, tổ chức đề nghị', 300),
              diaChiTamTru: text('Địa chỉ đề nghị đăng ký tạm trú', 300),
              soNguoi: int('Số người trong danh sách', 1, 500),
              thoiHanTamTruThang: int('Thời hạn tạm trú (tháng)', 1, 24),
              hoTenNguoiDaiDien: text('Họ, chữ đệm và tên người đại diện', 100),
              soDinhDanhNguoiDaiDien: idNumber('Số định danh cá nhân của người đại diện'),
              soDienThoai: phone(),
              email: email(),
            },
            [
              'tenCoQuanToChuc',
              'diaChiTamTru',
              'soNguoi',
              'thoiHanTamTruThang',
              'hoTenNguoiDaiDien',
              'soDinhDanhNguoiDaiDien',
              'soDienThoai',
            ],
          ),
        },
      ],
      forms: [
        {
          id: 'mau-ct01',
          name: 'Tờ khai thay đổi thông tin cư trú (CT01)',
          format: 'docx',
          reference: 'Mẫu CT01 kèm TT 53/2025/TT-BCA',
          fields: [
            'Kính gửi',
            'Họ, chữ đệm và tên',
            'Ngày, tháng, năm sinh',
            'Giới tính',
            'Số định danh cá nhân',
            'Số điện thoại liên hệ',
            'Email',
            'Họ, chữ đệm và tên chủ hộ',
            'Mối quan hệ với chủ hộ',
            'Số định danh cá nhân của chủ hộ',
            'Nội dung đề nghị',
            'Những thành viên trong hộ gia đình cùng thay đổi',
            'Ý kiến của chủ hộ',
            'Ý kiến của chủ sở hữu chỗ ở hợp pháp',
            'Ý kiến của cha, mẹ hoặc người giám hộ',
          ],
        },
      ],
      results: [
        'Cập nhật thông tin tạm trú vào CSDL về cư trú, CSDLQG về dân cư',
        'Thông báo kết quả giải quyết thủ tục đăng ký cư trú (KQ.G01.000064–KQ.G01.000066)',
        'Văn bản từ chối giải quyết (KQ.G01.000067), nếu không đủ điều kiện',
      ],
      legalBasis: [
        'Luật Cư trú số 68/2020/QH14',
        'Nghị định số 154/2024/NĐ-CP',
        'Thông tư số 55/2021/TT-BCA',
        'Thông tư số 53/2025/TT-BCA',
        'Thông tư số 75/2022/TT-BTC',
        'Thông tư số 71/2025/TT-BTC',
      ],
      conditions: [
        'Người đăng ký có chỗ ở hợp pháp ngoài phạm vi đơn vị hành chính cấp xã nơi đã đăng ký thường trú',
        'Hồ sơ của người chưa thành niên phải ghi rõ ý kiến đồng ý của cha, mẹ hoặc người giám hộ',
      ],
    };
  })(),
];
