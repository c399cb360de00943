import type { ProcedureSeed } from '../../seed.types';
import { agencyCodes as a } from '../agencies';
import { bool, choice, date, email, GENDERS, idNumber, pastDate, phone, schema, text } from './form-schema';

/**
 * Lĩnh vực Cấp, quản lý căn cước (`can-cuoc`): procedure #13.
 * Values marked "giả định" are plausible choices where the fact sheet had none; verify
 * them against dichvucong.gov.vn before release.
 */
export const canCuoc: ProcedureSeed[] = [
  // 13 ----------------------------------------------------------------------
  {
    code: '1.014061',
    name: 'Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên',
    fieldCode: 'can-cuoc',
    level: 3,
    agencyCode: a.baDinhPolice,
    competentAuthority: 'Cục Cảnh sát quản lý hành chính về trật tự xã hội – Bộ Công an',
    implementingAgency:
      'Công an cấp xã hoặc Bộ phận Một cửa bất kỳ (không phụ thuộc nơi cư trú của công dân)',
    subjects: ['Công dân Việt Nam từ đủ 14 tuổi trở lên'],
    channels: ['online', 'desk'],
    decision: '5710/QĐ-BCA-C06',
    feeAtSubmission: false,
    cases: [
      {
        id: 'mac-dinh',
        name: 'Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên',
        steps: [
          'Công dân đặt lịch hẹn trực tuyến (thời gian, địa điểm) trên Cổng Dịch vụ công hoặc ứng dụng VNeID, hoặc đến trực tiếp Công an cấp xã / Bộ phận Một cửa bất kỳ.',
          'Cán bộ tra cứu thông tin công dân trong Cơ sở dữ liệu quốc gia về dân cư; trường hợp chưa có thông tin thì công dân kê khai Phiếu thu thập thông tin dân cư (DC01).',
          'Thu nhận thông tin nhân dạng và sinh trắc học (ảnh khuôn mặt, vân tay, mống mắt); in Phiếu CC01 để công dân kiểm tra và ký xác nhận.',
          'Cấp giấy hẹn trả thẻ căn cước trong thời hạn 07 ngày làm việc.',
          'Công dân nhận thẻ tại nơi làm thủ tục hoặc qua dịch vụ bưu chính tại địa chỉ đã đăng ký.',
        ],
        components: [
          {
            id: 'phieu-cc01',
            name: 'Phiếu thu nhận thông tin căn cước (mẫu CC01) in từ Cơ sở dữ liệu quốc gia về dân cư, công dân kiểm tra và ký',
            originals: 1,
            copies: 0,
            required: true,
            formId: 'mau-cc01',
          },
          {
            id: 'phieu-dc01',
            name: 'Phiếu thu thập thông tin dân cư (mẫu DC01)',
            originals: 1,
            copies: 0,
            required: false,
            formId: 'mau-dc01',
            note: 'Chỉ khi thông tin công dân chưa có trong CSDLQG về dân cư',
          },
          {
            id: 'phieu-dc02',
            name: 'Phiếu đề nghị giải quyết thủ tục về căn cước (mẫu DC02)',
            originals: 1,
            copies: 0,
            required: false,
            formId: 'mau-dc02',
            note: 'Nếu có yêu cầu điều chỉnh thông tin (giả định)',
          },
          {
            id: 'giay-to-phap-ly',
            name: 'Giấy tờ pháp lý chứa thông tin của công dân (để đối chiếu, cập nhật)',
            originals: 0,
            copies: 1,
            required: false,
            note: 'Nếu có',
          },
        ],
        processingTimes: [
          {
            channel: 'online',
            value: 7,
            unit: 'working_day',
            note: 'Kênh trực tuyến chỉ đặt lịch hẹn; thu nhận sinh trắc học trực tiếp',
          },
          { channel: 'desk', value: 7, unit: 'working_day' },
        ],
        fees: [
          {
            name: 'Lệ phí cấp thẻ căn cước',
            amountVnd: 0,
            sourceNote:
              'Cổng ghi "Không có thông tin"; giả định cấp lần đầu không thu lệ phí. Tham khảo: cấp đổi 50.000 đ/thẻ, cấp lại 70.000 đ/thẻ, giảm 50% từ 01/7/2025 đến 31/12/2026 (TT 64/2025/TT-BTC)',
          },
        ],
        formSchema: schema(
          'Đặt lịch cấp thẻ căn cước',
          {
            hoTen: text('Họ, chữ đệm và tên', 100),
            ngaySinh: pastDate('Ngày, tháng, năm sinh'),
            gioiTinh: choice('Giới tính', GENDERS),
            soDinhDanh: idNumber(),
            noiCuTru: text('Nơi cư trú', 255),
            noiLamThuTuc: text('Nơi làm thủ tục (Công an cấp xã / Bộ phận Một cửa)', 150),
            ngayHen: date('Ngày hẹn đến làm thủ tục'),
            nhanQuaBuuChinh: bool('Nhận thẻ qua dịch vụ bưu chính'),
            diaChiNhanThe: text('Địa chỉ nhận thẻ (nếu nhận qua bưu chính)', 255),
            soDienThoai: phone('Số điện thoại'),
            email: email(),
          },
          [
            'hoTen',
            'ngaySinh',
            'gioiTinh',
            'soDinhDanh',
            'noiCuTru',
            'noiLamThuTuc',
            'ngayHen',
            'soDienThoai',
          ],
        ),
      },
    ],
    forms: [
      {
        id: 'mau-cc01',
        name: 'Phiếu thu nhận thông tin căn cước',
        format: 'pdf',
        reference: 'Mẫu CC01 – in từ CSDLQG về dân cư (TT 17/2024/TT-BCA, giả định)',
        fields: [
          'Họ, chữ đệm và tên',
          'Ngày, tháng, năm sinh',
          'Giới tính',
          'Số định danh cá nhân',
          'Quê quán',
          'Nơi thường trú',
          'Dân tộc',
          'Tôn giáo',
          'Nhóm máu',
          'Họ, chữ đệm và tên cha, mẹ, vợ/chồng',
          'Ngày thu nhận',
          'Chữ ký của công dân',
        ],
      },
      {
        id: 'mau-dc01',
        name: 'Phiếu thu thập thông tin dân cư',
        format: 'docx',
        reference: 'Mẫu DC01 kèm TT 53/2025/TT-BCA',
        fields: [
          'Họ, chữ đệm và tên',
          'Ngày, tháng, năm sinh',
          'Giới tính',
          'Nơi đăng ký khai sinh',
          'Quê quán',
          'Dân tộc',
          'Tôn giáo',
          'Quốc tịch',
          'Nơi thường trú',
          'Nơi ở hiện tại',
          'Họ tên, số định danh cá nhân của cha, mẹ',
          'Họ tên chủ hộ và quan hệ với chủ hộ',
          'Chữ ký người kê khai',
        ],
      },
      {
        id: 'mau-dc02',
        name: 'Phiếu đề nghị giải quyết thủ tục về căn cước',
        format: 'docx',
        reference: 'Mẫu DC02 kèm TT 17/2024/TT-BCA',
        fields: [
          'Họ, chữ đệm và tên',
          'Số định danh cá nhân',
          'Ngày, tháng, năm sinh',
          'Giới tính',
          'Nơi cư trú',
          'Thủ tục đề nghị giải quyết',
          'Nội dung đề nghị điều chỉnh, cập nhật',
          'Số điện thoại',
          'Thư điện tử',
          'Ngày, tháng, năm đề nghị',
          'Chữ ký người đề nghị',
        ],
      },
    ],
    results: ['Thẻ căn cước (KQ.G01.000023)'],
    legalBasis: [
      'Luật Căn cước số 26/2023/QH15',
      'Nghị định số 70/2024/NĐ-CP',
      'Thông tư số 16/2024/TT-BCA',
      'Thông tư số 17/2024/TT-BCA',
      'Thông tư số 18/2024/TT-BCA',
      'Thông tư số 53/2025/TT-BCA',
      'Nghị quyết số 190/2025/QH15',
    ],
    conditions: [
      'Công dân Việt Nam từ đủ 14 tuổi trở lên',
      'Có mặt trực tiếp để thu nhận thông tin nhân dạng và sinh trắc học',
      'Được thực hiện tại bất kỳ Công an cấp xã hoặc Bộ phận Một cửa, không phụ thuộc nơi cư trú',
    ],
  },
];
