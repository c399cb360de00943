import type { ComponentSeed, ProcedureSeed } from '../../seed.types';
import { agencyCodes as a } from '../agencies';
import {
  email,
  gender,
  idNumber,
  int,
  longText,
  num,
  pastDate,
  phone,
  schema,
  text,
} from './form-schema';
import { times } from './processing-times';

/**
 * Lĩnh vực Đăng ký, quản lý cư trú (`cu-tru`): procedures #11, #12.
 */
export const cuTru: ProcedureSeed[] = [
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
      ngaySinh: pastDate('Ngày, tháng, năm sinh'),
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
              sourceNote:
                'Giả định 15.000 đồng/lần theo TT 75/2022/TT-BTC — trang Cổng DVCQG chưa hiển thị mức thu trực tiếp cho cá nhân',
            },
          ],
          formSchema: schema(
            'Tờ khai đăng ký tạm trú',
            {
              hoTen: text('Họ, chữ đệm và tên', 100),
              ngaySinh: pastDate('Ngày, tháng, năm sinh'),
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
