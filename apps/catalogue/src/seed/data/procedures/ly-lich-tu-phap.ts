import type { ComponentSeed, ProcedureSeed } from '../../seed.types';
import { agencyCodes as a } from '../agencies';
import { bool, gender, idNumber, int, pastDate, phone, schema, text } from './form-schema';
import { ALL, times } from './processing-times';

/**
 * Lĩnh vực Lý lịch tư pháp (`ly-lich-tu-phap`): procedure #10.
 * Values marked "giả định" are plausible choices where the fact sheet had none; verify
 * them against dichvucong.gov.vn before release.
 */
export const lyLichTuPhap: ProcedureSeed[] = [
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
      ngaySinh: pastDate('Ngày, tháng, năm sinh'),
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
];
