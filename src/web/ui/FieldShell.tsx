// The NLDS form-field layout shared by every input: label, optional description, error
// message (linked to the input with aria-describedby) and the input itself.
import type { ReactNode } from 'react';
import { FormFieldDescription } from '@utrecht/form-field-description-react';
import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react';
import { FormLabel } from '@utrecht/form-label-react';
import { useTranslation } from 'react-i18next';
import { cx } from './class-names';

export type FieldShellProps = {
  inputId: string;
  label: string;
  description?: ReactNode;
  error?: string | undefined;
  isOptional?: boolean;
  children: ReactNode;
};

export function descriptionId(inputId: string) {
  return `${inputId}-description`;
}

export function errorId(inputId: string) {
  return `${inputId}-error`;
}

/** The ids an input must name in aria-describedby, or undefined when there are none. */
export function describedBy(
  inputId: string,
  hasDescription: boolean,
  error: string | undefined,
): string | undefined {
  const ids = [hasDescription && descriptionId(inputId), error && errorId(inputId)].filter(
    (id): id is string => typeof id === 'string',
  );
  return ids.length ? ids.join(' ') : undefined;
}

export function FieldShell({
  inputId,
  label,
  description,
  error,
  isOptional,
  children,
}: FieldShellProps) {
  const { t } = useTranslation();
  return (
    <div
      className={cx(
        'utrecht-form-field',
        'utrecht-form-field--text',
        error && 'utrecht-form-field--invalid',
      )}
    >
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={inputId}>
          {label}
          {isOptional && <span className="kl-optional"> {t('form.optional')}</span>}
        </FormLabel>
      </div>
      {description && (
        <FormFieldDescription
          id={descriptionId(inputId)}
          className="utrecht-form-field__description"
        >
          {description}
        </FormFieldDescription>
      )}
      {error && (
        <FormFieldErrorMessage id={errorId(inputId)} className="utrecht-form-field__error-message">
          {error}
        </FormFieldErrorMessage>
      )}
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}
