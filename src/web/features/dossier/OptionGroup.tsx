// A group of radio buttons (one choice) or checkboxes (several) under one legend, in the
// Utrecht fieldset, radio-button and checkbox styles, with its error message tied to the group.
// The first option carries the id, so an error summary's link lands in the group.
import type { ReactNode } from 'react';
import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react';
import { cx } from '../../ui/class-names';

export type Option = { value: string; label: ReactNode };

type Common = {
  id: string;
  legend: ReactNode;
  options: Option[];
  error?: string | undefined;
  description?: ReactNode;
  /** Side by side while they fit (ja / deels / nee …), one under the other otherwise. */
  isInline?: boolean;
  isDisabled?: boolean;
  /** Hide the legend visually (it repeats what is right above it); screen readers still hear it. */
  isLegendHidden?: boolean;
};

export type OptionGroupProps = Common &
  (
    | { isMultiple?: false; value: string; onChange: (value: string) => void }
    | { isMultiple: true; value: string[]; onChange: (value: string[]) => void }
  );

export function OptionGroup(props: OptionGroupProps) {
  const { id, legend, options, error, description, isInline, isDisabled, isLegendHidden } = props;
  const describedBy = [description && `${id}-description`, error && `${id}-error`]
    .filter(Boolean)
    .join(' ');
  const isChecked = (value: string) =>
    props.isMultiple ? props.value.includes(value) : props.value === value;
  const toggle = (value: string, checked: boolean) => {
    if (props.isMultiple) {
      const rest = props.value.filter((v) => v !== value);
      props.onChange(checked ? [...rest, value] : rest);
    } else if (checked) props.onChange(value);
  };
  return (
    <fieldset
      className={cx(
        'utrecht-form-fieldset',
        'kl-dossier-options',
        isInline && 'kl-dossier-options--inline',
        error && 'utrecht-form-fieldset--invalid',
      )}
      aria-describedby={describedBy || undefined}
      disabled={isDisabled}
    >
      <legend
        className={cx(
          'utrecht-form-fieldset__legend',
          'kl-dossier-options__legend',
          isLegendHidden && 'kl-visually-hidden',
        )}
      >
        {legend}
      </legend>
      {description && (
        <p id={`${id}-description`} className="kl-dossier-hint">
          {description}
        </p>
      )}
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      <div className="kl-dossier-options__list">
        {options.map((option, index) => (
          <label key={option.value} className="kl-dossier-options__option">
            <input
              id={index === 0 ? id : undefined}
              type={props.isMultiple ? 'checkbox' : 'radio'}
              className={
                props.isMultiple
                  ? 'utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom'
                  : 'utrecht-radio-button utrecht-radio-button--html-input'
              }
              name={id}
              value={option.value}
              checked={isChecked(option.value)}
              aria-invalid={error ? true : undefined}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
