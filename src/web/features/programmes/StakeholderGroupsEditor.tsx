// Edits a programme's stakeholder groups: rename, remove, add. A new group's name field gets
// focus; removing a group moves focus to the add button so keyboard users are not lost.
import { useEffect, useRef } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { FormFieldDescription } from '@utrecht/form-field-description-react';
import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react';
import { useTranslation } from 'react-i18next';
import { fieldId, type FieldErrors } from '../../app/form-errors';
import { cx } from '../../ui/class-names';
import { TextField } from '../../ui/TextField';
import { newRowKey, type GroupRow } from './programme-form-values';

export type StakeholderGroupsEditorProps = {
  formId: string;
  groups: GroupRow[];
  errors: FieldErrors;
  onChange: (groups: GroupRow[]) => void;
};

export function StakeholderGroupsEditor({
  formId,
  groups,
  errors,
  onChange,
}: StakeholderGroupsEditorProps) {
  const { t } = useTranslation();
  // The id of the element to focus after the next render (a new row, or the add button).
  const focusId = useRef<string | null>(null);
  const rowId = (index: number) => fieldId(formId, `stakeholderGroups.${index}.label`);
  const addButtonId = fieldId(formId, 'stakeholderGroups');
  const descriptionId = `${addButtonId}-description`;
  const errorId = `${addButtonId}-error`;
  const listError = errors.stakeholderGroups;

  useEffect(() => {
    const id = focusId.current;
    if (!id) return;
    focusId.current = null;
    document.getElementById(id)?.focus();
  });

  const rename = (key: string, label: string) =>
    onChange(groups.map((g) => (g.key === key ? { ...g, label } : g)));
  const remove = (key: string) => {
    focusId.current = addButtonId;
    onChange(groups.filter((g) => g.key !== key));
  };
  const add = () => {
    focusId.current = rowId(groups.length);
    onChange([...groups, { key: newRowKey(), code: null, label: '' }]);
  };

  return (
    <fieldset
      className={cx(
        'utrecht-form-fieldset',
        'kl-groups',
        listError && 'utrecht-form-fieldset--invalid',
      )}
      aria-describedby={listError ? `${descriptionId} ${errorId}` : descriptionId}
    >
      <legend className="utrecht-form-fieldset__legend kl-groups__legend">
        {t('programme.groups')}
      </legend>
      <FormFieldDescription id={descriptionId}>{t('programme.groupsHint')}</FormFieldDescription>
      {listError && <FormFieldErrorMessage id={errorId}>{listError}</FormFieldErrorMessage>}
      <ol className="kl-groups__list">
        {groups.map((group, index) => {
          const name = group.label.trim() || t('programme.groupUnnamed');
          return (
            <li key={group.key} className="kl-groups__item">
              <TextField
                id={rowId(index)}
                label={t('programme.groupName', { number: index + 1 })}
                value={group.label}
                onChange={(label) => rename(group.key, label)}
                error={errors[`stakeholderGroups.${index}.label`]}
              />
              <Button
                purpose="subtle"
                hint="negative"
                className="kl-groups__remove"
                onClick={() => remove(group.key)}
              >
                {t('programme.groupRemove')}
                <span className="kl-visually-hidden"> {name}</span>
              </Button>
            </li>
          );
        })}
      </ol>
      <Button id={addButtonId} purpose="secondary" onClick={add}>
        {t('programme.groupAdd')}
      </Button>
    </fieldset>
  );
}
