// Create or edit an uitvoeringsteam: name, programme, municipality and the number of planned
// learning sessions. Sends `version` on edit so a concurrent change is caught (409).
import { useState, type FormEvent } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../../shared/contract/organisations';
import {
  fieldId,
  hasFieldErrors,
  serverFieldErrors,
  type FieldErrors,
} from '../../app/form-errors';
import { FormProblems } from '../../ui/FormProblems';
import { ButtonLink } from '../../ui/links';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { programmeListQuery } from '../programmes/api';
import { MunicipalityPicker } from '../reference/MunicipalityPicker';
import { createTeam, updateTeam } from './api';
import { checkTeam, initialTeamValues, teamBody, type TeamValues } from './team-form-values';

const formId = 'team';
const order = ['name', 'programmeId', 'municipalityCode', 'plannedSessions'];

export type TeamFormProps = {
  team: Team | null;
  initialProgrammeId?: string;
  cancelTo: string;
  onSaved: (team: Team) => void;
  onReload?: () => void;
};

export function TeamForm({
  team,
  initialProgrammeId = '',
  cancelTo,
  onSaved,
  onReload,
}: TeamFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<TeamValues>(() =>
    initialTeamValues(team, initialProgrammeId),
  );
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  // Active programmes only: a team cannot join an archived one. 200 is the server's page cap.
  const programmes = useQuery(programmeListQuery({ page: 1, pageSize: 200, sort: 'name' }));
  const mutation = useMutation({
    mutationFn: (body: ReturnType<typeof teamBody>) =>
      team ? updateTeam(team.id, { ...body, version: team.version }) : createTeam(body),
    onSuccess: onSaved,
  });
  const errors = hasFieldErrors(clientErrors) ? clientErrors : serverFieldErrors(mutation.error);

  const programmeOptions = (programmes.data?.items ?? []).map((p) => ({
    value: p.id,
    label: p.name,
  }));
  if (team && !programmeOptions.some((o) => o.value === team.programmeId)) {
    programmeOptions.unshift({ value: team.programmeId, label: team.programmeName });
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const found = checkTeam(values, t);
    setClientErrors(found);
    if (hasFieldErrors(found)) {
      mutation.reset();
      return;
    }
    mutation.mutate(teamBody(values));
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
        label={t('team.name')}
        description={t('team.nameHint')}
        value={values.name}
        onChange={(name) => setValues((v) => ({ ...v, name }))}
        error={errors.name}
      />
      <SelectField
        id={fieldId(formId, 'programmeId')}
        label={t('team.programme')}
        placeholder={programmes.isPending ? t('common.loading') : t('team.programmeChoose')}
        options={programmeOptions}
        value={values.programmeId}
        onChange={(programmeId) => setValues((v) => ({ ...v, programmeId }))}
        description={
          programmes.data && programmeOptions.length === 0 ? t('team.programmeNone') : undefined
        }
        error={errors.programmeId}
      />
      <MunicipalityPicker
        id={fieldId(formId, 'municipalityCode')}
        label={t('team.municipality')}
        value={values.municipality}
        onChange={(municipality) => setValues((v) => ({ ...v, municipality }))}
        error={errors.municipalityCode}
      />
      <TextField
        id={fieldId(formId, 'plannedSessions')}
        label={t('team.plannedSessions')}
        description={t('team.plannedSessionsHint')}
        inputMode="numeric"
        className="kl-input-short"
        value={values.plannedSessions}
        onChange={(plannedSessions) => setValues((v) => ({ ...v, plannedSessions }))}
        error={errors.plannedSessions}
      />
      <div className="kl-form__actions">
        <Button type="submit" purpose="primary" busy={mutation.isPending}>
          {mutation.isPending
            ? t('common.saving')
            : team
              ? t('common.saveChanges')
              : t('team.create')}
        </Button>
        <ButtonLink to={cancelTo} purpose="subtle">
          {t('common.cancel')}
        </ButtonLink>
      </div>
    </form>
  );
}
