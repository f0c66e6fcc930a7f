// Adds an entry to one reference list: its name, its fixed code (suggested from the name until
// the administrator types one) and, where the list has one, its marker. After adding, the name
// field takes focus again for the next entry and the section announces what was added.
import { useRef, useState, type FormEvent } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReferenceEntryInput, ReferenceList } from '../../../shared/contract/reference-lists';
import {
  fieldId,
  hasFieldErrors,
  serverFieldErrors,
  type FieldErrors,
} from '../../app/form-errors';
import { CheckboxField } from '../../ui/CheckboxField';
import { FormProblems } from '../../ui/FormProblems';
import { TextField } from '../../ui/TextField';
import { addEntry, isDuplicateCode } from './api';
import { isValidCode, suggestCode } from './reference-code';

export type AddEntryFormProps = {
  list: ReferenceList;
  onAdded: (list: ReferenceList, label: string) => void;
};

const labelMax = 120;

export function AddEntryForm({ list, onAdded }: AddEntryFormProps) {
  const { t } = useTranslation();
  const formId = `add-${list.list}`;
  const headingId = `${formId}-heading`;
  const labelRef = useRef<HTMLInputElement>(null);
  const [label, setLabel] = useState('');
  const [code, setCode] = useState('');
  const [isCodeTyped, setIsCodeTyped] = useState(false);
  const [isMarked, setIsMarked] = useState(false);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const marker = list.markers[0] ?? null;
  const taken = new Set(list.entries.map((e) => e.code));

  const mutation = useMutation({
    mutationFn: (body: ReferenceEntryInput) => addEntry(list.list, body),
    onSuccess: (saved, body) => {
      setLabel('');
      setCode('');
      setIsCodeTyped(false);
      setIsMarked(false);
      onAdded(saved, body.label);
      labelRef.current?.focus();
    },
  });
  const serverErrors = isDuplicateCode(mutation.error)
    ? { code: t('referenceLists.validation.duplicateCode') }
    : serverFieldErrors(mutation.error);
  const errors = hasFieldErrors(clientErrors) ? clientErrors : serverErrors;
  // A duplicate code is said at the field; other problems above the form.
  const submitError = isDuplicateCode(mutation.error) ? null : mutation.error;

  const changeLabel = (value: string) => {
    setLabel(value);
    if (!isCodeTyped) setCode(suggestCode(value, taken));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const found: FieldErrors = {};
    const trimmed = label.trim();
    if (!trimmed) found.label = t('referenceLists.validation.labelRequired');
    else if (trimmed.length > labelMax) found.label = t('referenceLists.validation.labelTooLong');
    if (!code) found.code = t('referenceLists.validation.codeRequired');
    else if (!isValidCode(code)) found.code = t('referenceLists.validation.codeFormat');
    else if (taken.has(code)) found.code = t('referenceLists.validation.duplicateCode');
    setClientErrors(found);
    if (hasFieldErrors(found)) {
      mutation.reset();
      return;
    }
    mutation.mutate({ code, label: trimmed, marker: isMarked ? marker : null });
  };

  return (
    <form
      noValidate
      onSubmit={submit}
      className="kl-form kl-reference-add"
      aria-labelledby={headingId}
    >
      <Heading level={3} id={headingId}>
        {t('referenceLists.add.title', { list: t(`referenceLists.list.${list.list}.title`) })}
      </Heading>
      <FormProblems
        formId={formId}
        errors={errors}
        order={['label', 'code', 'marker']}
        submitError={submitError}
      />
      <div className="kl-form__row">
        <TextField
          ref={labelRef}
          id={fieldId(formId, 'label')}
          label={t('referenceLists.add.label')}
          value={label}
          onChange={changeLabel}
          error={errors.label}
          maxLength={labelMax + 20}
        />
        <TextField
          id={fieldId(formId, 'code')}
          label={t('referenceLists.add.code')}
          description={t('referenceLists.add.codeHint')}
          value={code}
          onChange={(value) => {
            setCode(value);
            setIsCodeTyped(value !== '');
          }}
          error={errors.code}
          autoCapitalize="none"
          autoComplete="off"
          spellCheck={false}
          className="kl-reference-add__code"
        />
      </div>
      {marker && (
        <CheckboxField
          id={fieldId(formId, 'marker')}
          label={t(`referenceLists.marker.${marker}.checkbox`)}
          isChecked={isMarked}
          onChange={setIsMarked}
        />
      )}
      <div className="kl-form__actions">
        <Button type="submit" purpose="secondary" busy={mutation.isPending}>
          {t('referenceLists.add.submit')}
        </Button>
      </div>
    </form>
  );
}
