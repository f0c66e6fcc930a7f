// Edits one entry in its table row: the name and, where the list has one, the marker. The code
// is not editable. When the marker changes on an entry in use, the form says that the
// indicators of those cases are recomputed. Escape cancels.
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type {
  ReferenceEntry,
  ReferenceEntryUpdate,
  ReferenceList,
} from '../../../shared/contract/reference-lists';
import { serverFieldErrors } from '../../app/form-errors';
import { CheckboxField } from '../../ui/CheckboxField';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { TextField } from '../../ui/TextField';
import { updateEntry } from './api';

export type EntryEditFormProps = {
  list: ReferenceList;
  entry: ReferenceEntry;
  onSaved: (list: ReferenceList, label: string) => void;
  onCancel: () => void;
};

const labelMax = 120;

export function EntryEditForm({ list, entry, onSaved, onCancel }: EntryEditFormProps) {
  const { t } = useTranslation();
  const id = (field: string) => `rl-${list.list}-${entry.code}-${field}`;
  const [label, setLabel] = useState(entry.label);
  const [isMarked, setIsMarked] = useState(entry.marker !== null);
  const [labelError, setLabelError] = useState<string | undefined>();
  const marker = list.markers[0] ?? null;
  const mutation = useMutation({
    mutationFn: (body: ReferenceEntryUpdate) => updateEntry(list.list, entry.code, body),
    onSuccess: (saved, body) => onSaved(saved, body.label),
  });
  const serverErrors = serverFieldErrors(mutation.error);
  const error = labelError ?? serverErrors.label;
  const isMarkerChanged = marker !== null && isMarked !== (entry.marker !== null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const trimmed = label.trim();
    const problem = !trimmed
      ? t('referenceLists.validation.labelRequired')
      : trimmed.length > labelMax
        ? t('referenceLists.validation.labelTooLong')
        : undefined;
    setLabelError(problem);
    if (problem) {
      mutation.reset();
      document.getElementById(id('label'))?.focus();
      return;
    }
    // An entry keeps a marker this screen does not offer for its list untouched.
    const kept = marker === null ? entry.marker : isMarked ? marker : null;
    mutation.mutate({ label: trimmed, marker: kept });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <form
      noValidate
      onSubmit={submit}
      onKeyDown={onKeyDown}
      className="kl-reference-edit"
      aria-label={t('referenceLists.editTitle', { label: entry.label })}
    >
      <TextField
        id={id('label')}
        label={t('referenceLists.column.label')}
        value={label}
        onChange={setLabel}
        error={error}
        maxLength={labelMax + 20}
      />
      {marker && (
        <CheckboxField
          id={id('marker')}
          label={t(`referenceLists.marker.${marker}.checkbox`)}
          isChecked={isMarked}
          onChange={setIsMarked}
        />
      )}
      {/* Always there, so the note is read out when ticking the box makes it appear. */}
      <div aria-live="polite">
        {isMarkerChanged && entry.caseCount > 0 && (
          <p className="nl-paragraph kl-reference-edit__note">
            {t('referenceLists.recomputeNote', { count: entry.caseCount })}
          </p>
        )}
      </div>
      {mutation.error && !serverErrors.label ? <ErrorAlert error={mutation.error} /> : null}
      <div className="kl-form__actions">
        <Button type="submit" purpose="primary" busy={mutation.isPending}>
          {t('referenceLists.save')}
        </Button>
        <Button purpose="subtle" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
