import type { ProcedureSeed } from '../../seed.types';
import { agencyCodes as a } from '../agencies';
import { AFTER_15H, times } from './processing-times';

/**
 * Lĩnh vực Chứng thực (`chung-thuc`): procedures #8, #9.
 * Values marked "giả định" are plausible choices where the fact sheet had none; verify
 * them against dichvucong.gov.vn before release.
 */
export const chungThuc: ProcedureSeed[] = [
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
];
