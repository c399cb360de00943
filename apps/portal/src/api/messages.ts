import i18n, { type TFunction } from 'i18next';
import { ApiProblem } from './problem';

/**
 * What to tell a person about a failed call, in the chosen language: the problem's code as the
 * error catalogue words it, else the API's detail.
 */
export function problemMessage(err: unknown, t: TFunction): string {
  if (err instanceof ApiProblem) {
    if (err.status === 0) return t('common.networkError');
    if (err.status === 429) {
      return err.retryAfter
        ? t('common.tooManyRetry', { seconds: err.retryAfter })
        : t('common.tooMany');
    }
    const detail = err.detailIn(i18n.language);
    if (err.status >= 500) return detail ?? t('common.serverError');
    return detail ?? err.title;
  }
  if (err instanceof TypeError) return t('common.networkError'); // fetch() could not connect
  return t('common.unexpected');
}
