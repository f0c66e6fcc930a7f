// Create or edit a programme: name, period, learning goals, stakeholder groups and the
// small-cell threshold. Sends `version` on edit so a concurrent change is caught (409).
import { useState, type FormEvent } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Programme } from '../../../shared/contract/organisations';
import {
  fieldId,
  hasFieldErrors,
  serverFieldErrors,
  type FieldErrors,
} from '../../app/form-errors';
import { FormProblems } from '../../ui/FormProblems';
import { ButtonLink } from '../../ui/links';
import { TextareaField } from '../../ui/TextareaField';
import { TextField } from '../../ui/TextField';
import { createProgramme, updateProgramme } from './api';
import {
  checkProgramme,
  errorsForForm,
  initialProgrammeValues,
  programmeBody,
  type ProgrammeValues,
} from './programme-form-values';
import { StakeholderGroupsEditor } from './StakeholderGroupsEditor';

const formId = 'programme';
const order = [
  'name',
  'periodStart',
  'periodEnd',
  'learningGoals',
  'stakeholderGroups',
  'smallCellThreshold',
];

export type ProgrammeFormProps = {
  programme: Programme | null;
  onSaved: (programme: Programme) => void;
  onReload?: () => void;
};

export function ProgrammeForm({ programme, onSaved, onReload }: ProgrammeFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ProgrammeValues>(() => initialProgrammeValues(programme));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const mutation = useMutation({
    mutationFn: (body: ReturnType<typeof programmeBody>) =>
      programme
        ? updateProgramme(programme.id, { ...body, version: programme.version })
        : createProgramme(body),
    onSuccess: onSaved,
  });
  const errors = errorsForForm(
    hasFieldErrors(clientErrors) ? clientErrors : serverFieldErrors(mutation.error),
  );
  const set = (key: Exclude<keyof ProgrammeValues, 'stakeholderGroups'>) => (value: string) =>
    setValues((v) => ({ ...v, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const found = checkProgramme(values, t);
    setClientErrors(found);
    if (hasFieldErrors(found)) {
      mutation.reset();
      return;
    }
    mutation.mutate(programmeBody(values));
  };

  return (
    <form noValidate onSubmit={submit} className="kl-form">
      <FormProblems
        formId={formId}
        errors={errors}
        order={order}
        submitError={mutation.error}
        onReload={onReload}
      />
      <TextField
        id={fieldId(formId, 'name')}
        label={t('programme.name')}
        description={t('programme.nameHint')}
        value={values.name}
        onChange={set('name')}
        error={errors.name}
      />
      <div className="kl-form__row">
        <TextField
          id={fieldId(formId, 'periodStart')}
          label={t('programme.periodStart')}
          type="date"
          value={values.periodStart}
          onChange={set('periodStart')}
          error={errors.periodStart}
        />
        <TextField
          id={fieldId(formId, 'periodEnd')}
          label={t('programme.periodEnd')}
          type="date"
          isOptional
          value={values.periodEnd}
          onChange={set('periodEnd')}
          error={errors.periodEnd}
        />
      </div>
      <TextareaField
        id={fieldId(formId, 'learningGoals')}
        label={t('programme.learningGoals')}
        description={t('programme.learningGoalsHint')}
        isOptional
        rows={5}
        value={values.learningGoals}
        onChange={set('learningGoals')}
        error={errors.learningGoals}
      />
      <StakeholderGroupsEditor
        formId={formId}
        groups={values.stakeholderGroups}
        errors={errors}
        onChange={(stakeholderGroups) => setValues((v) => ({ ...v, stakeholderGroups }))}
      />
      <TextField
        id={fieldId(formId, 'smallCellThreshold')}
        label={t('programme.threshold')}
        description={t('programme.thresholdHint')}
        inputMode="numeric"
        className="kl-input-short"
        value={values.smallCellThreshold}
        onChange={set('smallCellThreshold')}
        error={errors.smallCellThreshold}
      />
      <div className="kl-form__actions">
        <Button type="submit" purpose="primary" busy={mutation.isPending}>
          {mutation.isPending
            ? t('common.saving')
            : programme
              ? t('common.saveChanges')
              : t('programme.create')}
        </Button>
        <ButtonLink to="/programmes" purpose="subtle">
          {t('common.cancel')}
        </ButtonLink>
      </div>
    </form>
  );
}
