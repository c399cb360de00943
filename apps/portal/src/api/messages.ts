import type { TFunction } from 'i18next';
import { ApiProblem } from './problem';

/** What to tell a person about a failed call: the API's detail (in the chosen language) when it gave one. */
export function problemMessage(err: unknown, t: TFunction): string {
  if (err instanceof ApiProblem) {
    if (err.status === 0) return t('common.networkError');
    if (err.status === 429) {
      return err.retryAfter
        ? t('common.tooManyRetry', { seconds: err.retryAfter })
        : t('common.tooMany');
    }
    if (err.status >= 500) return err.detail ?? t('common.serverError');
    return err.detail ?? err.title;
  }
  if (err instanceof TypeError) return t('common.networkError'); // fetch() could not connect
  return t('common.unexpected');
}
