import 'i18next';
import type { vi } from './vi';

// Every t('…') key is checked against the Vietnamese dictionary (the source of truth).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
  }
}
