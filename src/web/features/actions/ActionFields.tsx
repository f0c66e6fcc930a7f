// The fields of an improvement action, shared by "new action" (in the list and in a network
// meeting) and "edit": what will change, the plain-language texts for the summary page (with a
// warning: no names), owner organisation and person, due date and stakeholder group.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldId, type FieldErrors } from '../../app/form-errors';
import { Alert } from '../../ui/Alert';
import { SelectField } from '../../ui/SelectField';
import { TextareaField } from '../../ui/TextareaField';
import { TextField } from '../../ui/TextField';
import { organisationOptionsQuery } from '../organisations/api';
import { ownerOptionsQuery, type ActionInput } from './api';

export type ActionDraft = {
  title: string;
  description: string;
  plainSummary: string;
  plainResult: string;
  ownerOrganisationId: string;
  ownerUserId: string;
  dueOn: string;
  stakeholderGroup: string;
};

export const emptyActionDraft: ActionDraft = {
  title: '',
  description: '',
  plainSummary: '',
  plainResult: '',
  ownerOrganisationId: '',
  ownerUserId: '',
  dueOn: '',
  stakeholderGroup: '',
};

export const actionFieldOrder = [
  'title',
  'description',
  'plainSummary',
  'plainResult',
  'ownerOrganisationId',
  'ownerUserId',
  'dueOn',
  'stakeholderGroup',
];

export function checkActionDraft(draft: ActionDraft, t: (key: string) => string): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.title.trim()) errors.title = t('actions.form.titleMissing');
  if (!draft.ownerOrganisationId)
    errors.ownerOrganisationId = t('actions.form.organisationMissing');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.dueOn)) errors.dueOn = t('actions.form.dueMissing');
  if (!draft.stakeholderGroup) errors.stakeholderGroup = t('actions.form.groupMissing');
  return errors;
}

export function inputFromDraft(draft: ActionDraft): Omit<ActionInput, 'links'> {
  return {
    title: draft.title.trim(),
    description: draft.description.trim(),
    plainSummary: draft.plainSummary.trim(),
    plainResult: draft.plainResult.trim(),
    ownerOrganisationId: draft.ownerOrganisationId,
    ownerUserId: draft.ownerUserId || null,
    dueOn: draft.dueOn,
    stakeholderGroup: draft.stakeholderGroup,
  };
}

export function ActionFields({
  formId,
  programmeId,
  stakeholderGroups,
  draft,
  onChange,
  errors,
}: {
  formId: string;
  programmeId: string;
  stakeholderGroups: { code: string; label: string }[];
  draft: ActionDraft;
  onChange: (draft: ActionDraft) => void;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const organisations = useQuery(organisationOptionsQuery());
  const owners = useQuery(ownerOptionsQuery(programmeId, draft.ownerOrganisationId));
  const set = (changes: Partial<ActionDraft>) => onChange({ ...draft, ...changes });
  const organisationOptions = (organisations.data?.items ?? [])
    .filter((o) => !o.archivedAt || o.id === draft.ownerOrganisationId)
    .map((o) => ({ value: o.id, label: o.name }));
  const ownerOptions = (owners.data?.items ?? []).map((u) => ({
    value: u.id,
    label: u.displayName,
  }));
  if (draft.ownerUserId && !ownerOptions.some((o) => o.value === draft.ownerUserId))
    ownerOptions.unshift({ value: draft.ownerUserId, label: t('actions.form.currentOwner') });
  const id = (path: string) => fieldId(formId, path);
  return (
    <>
      <TextField
        id={id('title')}
        label={t('actions.form.title')}
        description={t('actions.form.titleHelp')}
        value={draft.title}
        onChange={(title) => set({ title })}
        error={errors.title}
        maxLength={200}
      />
      <TextareaField
        id={id('description')}
        label={t('actions.form.description')}
        value={draft.description}
        onChange={(description) => set({ description })}
        error={errors.description}
        isOptional
        rows={4}
      />
      <fieldset className="kl-act-plain">
        <legend>{t('actions.form.plainLegend')}</legend>
        <Alert type="info">
          <p className="kl-alert__text">{t('actions.form.plainWarning')}</p>
        </Alert>
        <TextareaField
          id={id('plainSummary')}
          label={t('actions.form.plainSummary')}
          description={t('actions.form.plainSummaryHelp')}
          value={draft.plainSummary}
          onChange={(plainSummary) => set({ plainSummary })}
          error={errors.plainSummary}
          isOptional
          rows={2}
          maxLength={600}
        />
        <TextareaField
          id={id('plainResult')}
          label={t('actions.form.plainResult')}
          description={t('actions.form.plainResultHelp')}
          value={draft.plainResult}
          onChange={(plainResult) => set({ plainResult })}
          error={errors.plainResult}
          isOptional
          rows={2}
          maxLength={600}
        />
      </fieldset>
      <SelectField
        id={id('ownerOrganisationId')}
        label={t('actions.form.organisation')}
        value={draft.ownerOrganisationId}
        options={organisationOptions}
        placeholder={t('actions.form.choose')}
        onChange={(ownerOrganisationId) => set({ ownerOrganisationId, ownerUserId: '' })}
        error={errors.ownerOrganisationId}
      />
      <SelectField
        id={id('ownerUserId')}
        label={t('actions.form.owner')}
        description={t('actions.form.ownerHelp')}
        value={draft.ownerUserId}
        options={ownerOptions}
        placeholder={t('actions.form.noOwner')}
        onChange={(ownerUserId) => set({ ownerUserId })}
        error={errors.ownerUserId}
        isOptional
      />
      <TextField
        id={id('dueOn')}
        type="date"
        label={t('actions.form.dueOn')}
        value={draft.dueOn}
        onChange={(dueOn) => set({ dueOn })}
        error={errors.dueOn}
      />
      <SelectField
        id={id('stakeholderGroup')}
        label={t('actions.form.group')}
        value={draft.stakeholderGroup}
        options={stakeholderGroups.map((g) => ({ value: g.code, label: g.label }))}
        placeholder={t('actions.form.choose')}
        onChange={(stakeholderGroup) => set({ stakeholderGroup })}
        error={errors.stakeholderGroup}
      />
    </>
  );
}
