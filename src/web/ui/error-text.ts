// The sentence to show for a failed request. In Dutch the server's own message is the most
// specific one; in other languages the code's translation is used.
import type { TFunction } from 'i18next';
import { isApiError } from '../app/api';

export function errorText(error: unknown, t: TFunction, language: string): string {
  if (!isApiError(error)) return t('errors.UNKNOWN');
  if (language === 'nl' && error.message) return error.message;
  return t(`errors.${error.code}`);
}
