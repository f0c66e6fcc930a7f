// A labelled text input (also used for e-mail, password, date and whole numbers).
import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { Textbox } from '@utrecht/textbox-react';
import { FieldShell, describedBy } from './FieldShell';

export type TextFieldProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'onChange' | 'value' | 'id' | 'children'
> & {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  description?: ReactNode;
  error?: string | undefined;
  isOptional?: boolean;
  ref?: Ref<HTMLInputElement>;
};

export function TextField({
  id,
  label,
  value,
  onChange,
  description,
  error,
  isOptional,
  ref,
  ...inputProps
}: TextFieldProps) {
  return (
    <FieldShell
      inputId={id}
      label={label}
      description={description}
      error={error}
      isOptional={isOptional}
    >
      <Textbox
        {...inputProps}
        ref={ref}
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        invalid={Boolean(error)}
        required={!isOptional}
        aria-describedby={describedBy(id, Boolean(description), error)}
      />
    </FieldShell>
  );
}
