import { renderNotification } from '../../notifications/notification-texts';
import type { DossierStatusType } from '../../notifications/notification-types';
import { BellEmail, bellEmail } from './notification-email';

type StatusEmail = BellEmail<DossierStatusType>;

/** What the citizen should do after each status change, beyond what the bell says. */
const NEXT_STEP: Record<DossierStatusType, { vi: string | null; en: string | null }> = {
  'dossier.received': {
    vi: 'Ông/Bà có thể theo dõi tiến độ giải quyết hồ sơ trên Cổng Dịch vụ công.',
    en: 'You can follow its processing on the portal.',
  },
  'dossier.processing': { vi: null, en: null },
  'dossier.supplement_requested': {
    vi: 'Ông/Bà vui lòng đăng nhập Cổng Dịch vụ công, đính kèm các giấy tờ còn thiếu và gửi bổ sung hồ sơ.',
    en: 'Please sign in to the portal, attach the missing documents and send the supplement.',
  },
  'dossier.supplemented': { vi: null, en: null },
  'dossier.refused': {
    vi: 'Nếu có thắc mắc, Ông/Bà vui lòng liên hệ cơ quan giải quyết hồ sơ.',
    en: 'If you have questions, please contact the agency in charge.',
  },
  'dossier.withdrawal_requested': {
    vi: 'Cơ quan giải quyết sẽ xem xét và thông báo kết quả cho Ông/Bà.',
    en: 'The agency will review it and let you know.',
  },
  'dossier.stopped': { vi: null, en: null },
  'dossier.result_ready': { vi: null, en: null },
  'dossier.returned': {
    vi: 'Cảm ơn Ông/Bà đã sử dụng Cổng Dịch vụ công.',
    en: 'Thank you for using the public-service portal.',
  },
};

/** Once there is a result, the citizen is asked to rate the service (the dossier page's form). */
const RATING_INVITE: Record<'vi' | 'en', (url: string) => string> = {
  vi: (url) => `Mời Ông/Bà đánh giá mức độ hài lòng về việc giải quyết hồ sơ: ${url}`,
  en: (url) => `Please tell us how satisfied you are with the service: ${url}`,
};
const RATEABLE: DossierStatusType[] = ['dossier.result_ready', 'dossier.returned'];

const more = (locale: 'vi' | 'en') => (d: StatusEmail, link: (path: string) => string) => {
  const step = NEXT_STEP[d.type][locale];
  const lines = step ? [step] : [];
  if (RATEABLE.includes(d.type) && d.link)
    lines.push(RATING_INVITE[locale](link(`${d.link}#danh-gia`)));
  return lines;
};

/** Every status change of a dossier the citizen should know about (docs/design.md §4, §8). */
export const dossierStatusChanged = bellEmail<DossierStatusType>({
  subject: {
    vi: (d) => `${renderNotification(d.type, 'vi', d.data).title} (${d.data.code})`,
    en: (d) => `${renderNotification(d.type, 'en', d.data).title} (${d.data.code})`,
  },
  more: { vi: more('vi'), en: more('en') },
  action: { vi: 'Xem hồ sơ', en: 'View the dossier' },
});
