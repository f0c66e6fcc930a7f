// Checks done before sending, with messages in the user's language. The server checks again
// with the shared contract; its field errors are shown the same way.
import type { TFunction } from 'i18next';
import type { FieldErrors } from '../../app/form-errors';

export const minimumPasswordLength = 12;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(email: string, t: TFunction): string | undefined {
  if (!email.trim()) return t('validation.emailRequired');
  if (!emailPattern.test(email.trim())) return t('validation.emailInvalid');
  return undefined;
}

export type SetupValues = {
  email: string;
  displayName: string;
  password: string;
  passwordRepeat: string;
};

export type NewPasswordValues = { password: string; passwordRepeat: string };

/** A new password, typed twice: long enough, not too long, and the same both times. */
export function checkNewPassword(values: NewPasswordValues, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  if (values.password.length < minimumPasswordLength) {
    errors.password = t('validation.passwordTooShort', { min: minimumPasswordLength });
  } else if (values.password.length > 256) {
    errors.password = t('validation.passwordTooLong');
  }
  if (!values.passwordRepeat) errors.passwordRepeat = t('validation.passwordRepeatRequired');
  else if (values.passwordRepeat !== values.password) {
    errors.passwordRepeat = t('validation.passwordMismatch');
  }
  return errors;
}

export function checkSetup(values: SetupValues, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  const email = checkEmail(values.email, t);
  if (email) errors.email = email;
  if (!values.displayName.trim()) errors.displayName = t('validation.nameRequired');
  return { ...errors, ...checkNewPassword(values, t) };
}
