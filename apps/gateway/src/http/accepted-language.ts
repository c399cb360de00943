import type { Locale } from '@dvc/contracts';

/**
 * The language a person reads answers in, from Accept-Language: English when their first
 * choice is English, else Vietnamese (the portal's language, and the default).
 */
export function acceptedLanguage(acceptLanguage: string | string[] | undefined): Locale {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : (acceptLanguage ?? '');
  const first = header.split(',')[0].split(';')[0].trim().toLowerCase();
  return first === 'en' || first.startsWith('en-') ? 'en' : 'vi';
}
