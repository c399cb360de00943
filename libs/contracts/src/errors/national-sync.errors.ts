import type { ErrorCatalogue } from './error-entry';

/** Sync with the national portal's hub (Cổng Dịch vụ công quốc gia). */
export const NationalSyncErrors = {
  callNotFound: {
    code: 'national_sync.call_not_found',
    status: 404,
    vi: 'Không tìm thấy lượt đồng bộ bị lỗi này.',
    en: 'There is no failed sync call with this id.',
  },
  hubUnavailable: {
    code: 'national_sync.hub_unavailable',
    status: 502,
    vi: 'Cổng Dịch vụ công quốc gia không trả lời. Vui lòng thử lại sau.',
    en: 'The national portal hub did not answer. Please try again later.',
  },
} as const satisfies ErrorCatalogue;
