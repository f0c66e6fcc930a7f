// A checkbox with its label beside it, in the Utrecht checkbox form-field layout.
import { Checkbox } from '@utrecht/checkbox-react';
import { FormLabel } from '@utrecht/form-label-react';

export type CheckboxFieldProps = {
  id: string;
  label: string;
  isChecked: boolean;
  onChange: (isChecked: boolean) => void;
};

export function CheckboxField({ id, label, isChecked, onChange }: CheckboxFieldProps) {
  return (
    <div className="utrecht-form-field utrecht-form-field--checkbox kl-checkbox-field">
      <div className="utrecht-form-field__input">
        <Checkbox
          id={id}
          checked={isChecked}
          onChange={(event) => onChange(event.target.checked)}
        />
      </div>
      <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <FormLabel htmlFor={id} type="checkbox" checked={isChecked}>
          {label}
        </FormLabel>
      </div>
    </div>
  );
}
