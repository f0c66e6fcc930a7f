// A labelled native select in the Utrecht select style.
import type { ReactNode, SelectHTMLAttributes } from 'react';
import { cx } from './class-names';
import { FieldShell, describedBy } from './FieldShell';

export type SelectOption = { value: string; label: string };

export type SelectFieldProps = Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'onChange' | 'value' | 'id' | 'children'
> & {
  id: string;
  label: string;
  value: string;
  options: SelectOption[];
  onChange: (value: string) => void;
  /** Text of an empty first option, e.g. "Kies een programma". */
  placeholder?: string;
  description?: ReactNode;
  error?: string | undefined;
  isOptional?: boolean;
};

export function SelectField({
  id,
  label,
  value,
  options,
  onChange,
  placeholder,
  description,
  error,
  isOptional,
  className,
  ...selectProps
}: SelectFieldProps) {
  return (
    <FieldShell
      inputId={id}
      label={label}
      description={description}
      error={error}
      isOptional={isOptional}
    >
      <Select
        {...selectProps}
        id={id}
        className={className}
        value={value}
        options={options}
        placeholder={placeholder}
        onChange={onChange}
        isInvalid={Boolean(error)}
        isRequired={!isOptional}
        aria-describedby={describedBy(id, Boolean(description), error)}
      />
    </FieldShell>
  );
}

type SelectProps = Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'onChange' | 'value' | 'children'
> & {
  value: string;
  options: SelectOption[];
  onChange: (value: string) => void;
  placeholder?: string | undefined;
  isInvalid?: boolean;
  isRequired?: boolean;
};

/** The bare select, for places where the label lives elsewhere (a table cell). */
export function Select({
  value,
  options,
  onChange,
  placeholder,
  isInvalid,
  isRequired,
  className,
  ...selectProps
}: SelectProps) {
  return (
    <select
      {...selectProps}
      className={cx(
        'utrecht-select',
        'utrecht-select--html-select',
        isInvalid && 'utrecht-select--invalid',
        className,
      )}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      aria-invalid={isInvalid || undefined}
      aria-required={isRequired || undefined}
    >
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
