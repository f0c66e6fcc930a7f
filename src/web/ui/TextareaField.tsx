// A labelled multi-line text input in the Utrecht textarea style.
import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { cx } from './class-names';
import { FieldShell, describedBy } from './FieldShell';

export type TextareaFieldProps = Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'onChange' | 'value' | 'id' | 'children'
> & {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  description?: ReactNode;
  error?: string | undefined;
  isOptional?: boolean;
};

export function TextareaField({
  id,
  label,
  value,
  onChange,
  description,
  error,
  isOptional,
  ...textareaProps
}: TextareaFieldProps) {
  return (
    <FieldShell
      inputId={id}
      label={label}
      description={description}
      error={error}
      isOptional={isOptional}
    >
      <textarea
        {...textareaProps}
        id={id}
        className={cx(
          'utrecht-textarea',
          'utrecht-textarea--html-textarea',
          error && 'utrecht-textarea--invalid',
        )}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-required={!isOptional || undefined}
        aria-describedby={describedBy(id, Boolean(description), error)}
      />
    </FieldShell>
  );
}
