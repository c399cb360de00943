import type { ProcedureSeed } from '../../seed.types';
import { agencyCodes as a } from '../agencies';
import { times } from './processing-times';

/**
 * Lĩnh vực Giảm nghèo (`giam-ngheo`): procedure #24.
 */
export const giamNgheo: ProcedureSeed[] = [
  // 24 ----------------------------------------------------------------------
  {
    code: '1.011607',
    name: 'Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm',
    fieldCode: 'giam-ngheo',
    level: 1,
    agencyCode: a.baDinhCommittee,
    competentAuthority: 'Chủ tịch Ủy ban nhân dân cấp xã',
    implementingAgency: 'Ủy ban nhân dân cấp xã',
    subjects: ['Hộ gia đình có nhu cầu công nhận hộ nghèo, hộ cận nghèo'],
    channels: ['post', 'desk'],
    decision: '967/QĐ-BNNMT',
    feeAtSubmission: false,
    cases: [
      {
        id: 'mac-dinh',
        name: 'Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm',
        steps: [
          'Hộ gia đình nộp Giấy đề nghị rà soát hộ nghèo, hộ cận nghèo cho Ủy ban nhân dân cấp xã (trực tiếp hoặc qua bưu chính).',
          'Ủy ban nhân dân cấp xã tổ chức rà soát, thu thập thông tin của hộ gia đình; họp thống nhất kết quả với thôn, tổ dân phố.',
          'Niêm yết công khai danh sách hộ nghèo, hộ cận nghèo tại trụ sở Ủy ban nhân dân cấp xã và nhà văn hóa thôn, tổ dân phố.',
          'Chủ tịch Ủy ban nhân dân cấp xã quyết định công nhận hộ nghèo, hộ cận nghèo; trường hợp không đủ điều kiện thì thông báo, nêu rõ lý do.',
        ],
        components: [
          {
            id: 'giay-de-nghi',
            name: 'Giấy đề nghị rà soát hộ nghèo, hộ cận nghèo (Mẫu số 01)',
            originals: 1,
            copies: 0,
            required: true,
            formId: 'giay-de-nghi-ra-soat-ho-ngheo',
          },
        ],
        processingTimes: times(['post', 'desk'], 15, 'day'),
        fees: [{ name: 'Phí, lệ phí', amountVnd: 0, note: 'Miễn phí' }],
      },
    ],
    forms: [
      {
        id: 'giay-de-nghi-ra-soat-ho-ngheo',
        name: 'Giấy đề nghị rà soát hộ nghèo, hộ cận nghèo',
        format: 'docx',
        reference: 'Mẫu số 01 Phụ lục kèm QĐ 24/2021/QĐ-TTg',
        fields: [
          'Họ và tên chủ hộ',
          'Ngày, tháng, năm sinh',
          'Số định danh cá nhân',
          'Nơi cư trú (thôn, tổ dân phố)',
          'Số thành viên trong hộ',
          'Thông tin các thành viên hộ gia đình',
          'Hoàn cảnh, khó khăn của hộ gia đình',
          'Nội dung đề nghị rà soát (hộ nghèo / hộ cận nghèo)',
          'Ngày, tháng, năm đề nghị',
          'Chữ ký chủ hộ',
        ],
      },
    ],
    results: [
      'Quyết định công nhận danh sách hộ nghèo, hộ cận nghèo thường xuyên hằng năm (KQ.G10.001158)',
    ],
    legalBasis: [
      'Quyết định số 24/2021/QĐ-TTg',
      'Thông tư số 07/2021/TT-BLĐTBXH',
      'Thông tư số 02/2022/TT-BLĐTBXH',
    ],
    conditions: [
      'Hộ gia đình cư trú trên địa bàn cấp xã',
      'Hộ gia đình gặp khó khăn, biến cố trong năm và đáp ứng chuẩn nghèo, chuẩn cận nghèo đa chiều theo quy định của Chính phủ',
    ],
  },
];
