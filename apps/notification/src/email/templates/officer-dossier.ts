import { renderNotification } from '../../notifications/notification-texts';
import type { OfficerNotificationType } from '../../notifications/notification-types';
import { bellEmail } from './notification-email';

/** What an officer hears about the agency's dossiers: deadlines and the citizen's answers. */
export const officerDossier = bellEmail<OfficerNotificationType>({
  subject: {
    vi: (d) => `${renderNotification(d.type, 'vi', d.data).title} (${d.data.code})`,
    en: (d) => `${renderNotification(d.type, 'en', d.data).title} (${d.data.code})`,
  },
  more: { vi: () => [], en: () => [] },
  action: { vi: 'Mở hồ sơ', en: 'Open the dossier' },
});
