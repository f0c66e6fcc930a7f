// A few radio buttons under one legend, in the Utrecht fieldset and radio-button styles, with an
// optional description and its error message tied to the group (aria-describedby). Shared by the
// meeting, interview and other forms.
import type { ReactNode, Ref } from 'react';
import { FormFieldDescription } from '@utrecht/form-field-description-react';
import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react';
import { cx } from './class-names';

export type RadioChoice<T extends string> = { value: T; label: ReactNode };

export type RadioGroupProps<T extends string> = {
  id: string;
  legend: string;
  value: T | '';
  choices: RadioChoice<T>[];
  onChange: (value: T) => void;
  description?: string;
  error?: string | undefined;
  /** Side by side where there is room (short labels). */
  isInline?: boolean;
  firstRef?: Ref<HTMLInputElement>;
};

export function RadioGroup<T extends string>({
  id,
  legend,
  value,
  choices,
  onChange,
  description,
  error,
  isInline,
  firstRef,
}: RadioGroupProps<T>) {
  const describedBy = [description && `${id}-description`, error && `${id}-error`]
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      className={cx(
        'utrecht-form-fieldset',
        'kl-radio-group',
        error && 'utrecht-form-fieldset--invalid',
      )}
      aria-describedby={describedBy || undefined}
    >
      <legend className="utrecht-form-fieldset__legend kl-radio-group__legend">{legend}</legend>
      {description && (
        <FormFieldDescription id={`${id}-description`} className="kl-radio-group__description">
          {description}
        </FormFieldDescription>
      )}
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      <div className={cx('kl-radio-group__choices', isInline && 'kl-radio-group__choices--inline')}>
        {choices.map((choice, index) => (
          <label key={choice.value} className="kl-radio-group__choice">
            <input
              ref={index === 0 ? firstRef : undefined}
              id={index === 0 ? id : undefined}
              type="radio"
              className="utrecht-radio-button utrecht-radio-button--html-input"
              name={id}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
