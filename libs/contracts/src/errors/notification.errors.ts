import type { ErrorCatalogue } from './error-entry';

/** The bell: notifications and their live stream. */
export const NotificationErrors = {
  notFound: {
    code: 'notification.not_found',
    status: 404,
    vi: 'Không tìm thấy thông báo.',
    en: 'Notification not found.',
  },
  badLastEventId: {
    code: 'notification.bad_last_event_id',
    status: 400,
    vi: 'Last-Event-ID không hợp lệ.',
    en: 'Last-Event-ID is not valid.',
  },
  tooManyStreams: {
    code: 'notification.too_many_streams',
    status: 429,
    vi: 'Có quá nhiều kết nối nhận thông báo đang mở cho tài khoản này.',
    en: 'Too many notification streams are open for this account.',
  },
  streamUnavailable: {
    code: 'notification.stream_unavailable',
    status: 503,
    vi: 'Không mở được luồng thông báo, vui lòng thử lại sau.',
    en: 'The notification stream cannot be opened, please try again later.',
  },
} as const satisfies ErrorCatalogue;
