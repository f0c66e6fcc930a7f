// A small set of radio buttons under one legend (kind, valence, the time axis), in the Utrecht
// fieldset and radio-button styles, with its error message at the legend.
import type { ReactNode } from 'react';
import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react';
import { cx } from '../../ui/class-names';

export type Choice<T extends string> = { value: T; label: ReactNode };

export type ChoiceGroupProps<T extends string> = {
  id: string;
  legend: string;
  value: T;
  choices: Choice<T>[];
  onChange: (value: T) => void;
  error?: string | undefined;
  /** Side by side (a toolbar) instead of one under the other. */
  isInline?: boolean;
  className?: string;
};

export function ChoiceGroup<T extends string>({
  id,
  legend,
  value,
  choices,
  onChange,
  error,
  isInline,
  className,
}: ChoiceGroupProps<T>) {
  return (
    <fieldset
      className={cx(
        'utrecht-form-fieldset',
        'kl-choice',
        isInline && 'kl-choice--inline',
        error && 'utrecht-form-fieldset--invalid',
        className,
      )}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="utrecht-form-fieldset__legend kl-choice__legend">{legend}</legend>
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      <div className="kl-choice__options">
        {choices.map((choice, index) => (
          <label key={choice.value} className="kl-choice__option">
            <input
              id={index === 0 ? id : undefined}
              type="radio"
              className="utrecht-radio-button utrecht-radio-button--html-input"
              name={id}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            <span className="kl-choice__label">{choice.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
