// The fields of a code: name, where it sits (its parent: choosing another one moves it),
// definition, when to use it and when not, and its colour (a colour picker with its value in
// text beside it, so the colour is never the only thing said).
import { useTranslation } from 'react-i18next';
import { fieldId, type FieldErrors } from '../../app/form-errors';
import { FieldShell, describedBy } from '../../ui/FieldShell';
import { SelectField, type SelectOption } from '../../ui/SelectField';
import { TextareaField } from '../../ui/TextareaField';
import { TextField } from '../../ui/TextField';
import { nameMax, textMax, type CodeDraft } from './code-draft';

export type CodeFieldsProps = {
  formId: string;
  draft: CodeDraft;
  onChange: (patch: Partial<CodeDraft>) => void;
  errors: FieldErrors;
  parentOptions: SelectOption[];
  /** For an existing code: choosing another parent moves it. */
  isEdit?: boolean;
};

export function CodeFields({
  formId,
  draft,
  onChange,
  errors,
  parentOptions,
  isEdit,
}: CodeFieldsProps) {
  const { t } = useTranslation();
  const colorId = fieldId(formId, 'color');
  return (
    <>
      <TextField
        id={fieldId(formId, 'name')}
        label={t('coding.form.name')}
        value={draft.name}
        onChange={(name) => onChange({ name })}
        error={errors.name}
        maxLength={nameMax + 20}
        autoComplete="off"
      />
      <SelectField
        id={fieldId(formId, 'parentId')}
        label={t('coding.form.parent')}
        description={isEdit ? t('coding.form.parentMoveHint') : t('coding.form.parentHint')}
        options={parentOptions}
        placeholder={t('coding.form.noParent')}
        value={draft.parentId}
        onChange={(parentId) => onChange({ parentId })}
        error={errors.parentId}
        isOptional
      />
      <TextareaField
        id={fieldId(formId, 'definition')}
        label={t('coding.form.definition')}
        description={t('coding.form.definitionHint')}
        value={draft.definition}
        onChange={(definition) => onChange({ definition })}
        error={errors.definition}
        rows={3}
        maxLength={textMax + 100}
        isOptional
      />
      <TextareaField
        id={fieldId(formId, 'inclusion')}
        label={t('coding.form.inclusion')}
        description={t('coding.form.inclusionHint')}
        value={draft.inclusion}
        onChange={(inclusion) => onChange({ inclusion })}
        error={errors.inclusion}
        rows={2}
        maxLength={textMax + 100}
        isOptional
      />
      <TextareaField
        id={fieldId(formId, 'exclusion')}
        label={t('coding.form.exclusion')}
        description={t('coding.form.exclusionHint')}
        value={draft.exclusion}
        onChange={(exclusion) => onChange({ exclusion })}
        error={errors.exclusion}
        rows={2}
        maxLength={textMax + 100}
        isOptional
      />
      <FieldShell
        inputId={colorId}
        label={t('coding.form.color')}
        description={t('coding.form.colorHint')}
        error={errors.color}
      >
        <div className="kl-cd-color">
          <input
            id={colorId}
            type="color"
            className="kl-cd-color__input"
            value={/^#[0-9a-fA-F]{6}$/.test(draft.color) ? draft.color : '#000000'}
            onChange={(event) => onChange({ color: event.target.value })}
            aria-invalid={errors.color ? true : undefined}
            aria-describedby={describedBy(colorId, true, errors.color)}
          />
          <span className="kl-cd-color__value" aria-hidden="true">
            {draft.color.toLowerCase()}
          </span>
        </div>
      </FieldShell>
    </>
  );
}
