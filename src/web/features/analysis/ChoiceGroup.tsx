// Radio buttons or checkboxes under one legend, in the Utrecht fieldset styles, with an optional
// description and the group's error message tied to it (aria-describedby). The first input
// carries the group's id, so an error summary's link lands in the group.
import type { ReactNode } from 'react';
import { FormFieldDescription } from '@utrecht/form-field-description-react';
import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react';
import { cx } from '../../ui/class-names';

export type Choice<T extends string> = { value: T; label: ReactNode; group?: string };

type BaseProps<T extends string> = {
  id: string;
  legend: string;
  choices: Choice<T>[];
  description?: ReactNode;
  error?: string | undefined;
  /** Lay the choices out in a row where there is room. */
  isInline?: boolean;
};

function describedBy(id: string, description: unknown, error: unknown) {
  return (
    [description && `${id}-description`, error && `${id}-error`].filter(Boolean).join(' ') ||
    undefined
  );
}

function GroupShell<T extends string>({
  id,
  legend,
  description,
  error,
  isInline,
  children,
}: BaseProps<T> & { children: ReactNode }) {
  return (
    <fieldset
      className={cx(
        'utrecht-form-fieldset',
        'kl-an-fieldset',
        error && 'utrecht-form-fieldset--invalid',
        error && 'kl-an-fieldset--invalid',
      )}
      aria-describedby={describedBy(id, description, error)}
    >
      <legend className="utrecht-form-fieldset__legend kl-an-legend">{legend}</legend>
      {description && (
        <FormFieldDescription id={`${id}-description`} className="kl-an-description">
          {description}
        </FormFieldDescription>
      )}
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      <div className={cx('kl-an-choices', isInline && 'kl-an-choices--inline')}>{children}</div>
    </fieldset>
  );
}

export function RadioGroup<T extends string>(
  props: BaseProps<T> & { value: T | ''; onChange: (value: T) => void },
) {
  const { id, choices, value, onChange, error } = props;
  return (
    <GroupShell {...props}>
      {choices.map((choice, index) => (
        <label key={choice.value} className="kl-an-choice">
          <input
            id={index === 0 ? id : undefined}
            type="radio"
            className="utrecht-radio-button utrecht-radio-button--html-input"
            name={id}
            value={choice.value}
            checked={value === choice.value}
            aria-invalid={error ? true : undefined}
            onChange={() => onChange(choice.value)}
          />
          <span className="kl-an-choice__label">{choice.label}</span>
        </label>
      ))}
    </GroupShell>
  );
}

export function CheckboxGroup<T extends string>(
  props: BaseProps<T> & { values: T[]; onChange: (values: T[]) => void },
) {
  const { id, choices, values, onChange, error } = props;
  // Choices may come in named groups (a factor's domain): a small heading before each group.
  const groups: { name: string | undefined; choices: Choice<T>[] }[] = [];
  for (const choice of choices) {
    const last = groups.at(-1);
    if (last && last.name === choice.group) last.choices.push(choice);
    else groups.push({ name: choice.group, choices: [choice] });
  }
  const firstValue = choices[0]?.value;
  return (
    <GroupShell {...props}>
      {groups.map((group) => (
        <div key={group.name ?? ''} className="kl-an-choice-group">
          {group.name && (
            <p className="kl-an-choice-group__name" aria-hidden="true">
              {group.name}
            </p>
          )}
          {group.choices.map((choice) => {
            const isFirst = choice.value === firstValue;
            const isChecked = values.includes(choice.value);
            return (
              <label key={choice.value} className="kl-an-choice">
                <input
                  id={isFirst ? id : undefined}
                  type="checkbox"
                  className="utrecht-checkbox utrecht-checkbox--html-input"
                  value={choice.value}
                  checked={isChecked}
                  aria-invalid={error ? true : undefined}
                  onChange={() =>
                    onChange(
                      isChecked
                        ? values.filter((v) => v !== choice.value)
                        : [...values, choice.value],
                    )
                  }
                />
                <span className="kl-an-choice__label">{choice.label}</span>
              </label>
            );
          })}
        </div>
      ))}
    </GroupShell>
  );
}
