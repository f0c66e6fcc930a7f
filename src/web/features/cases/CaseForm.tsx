// Open a case: programme and team (the team decides the programme), institution type, youth-care
// region, birth year and optionally gender. Never a name: the server gives the case its code.
// Only the user's own teams are offered (a case is opened for a team you are in), and only the
// programmes those teams belong to.
import { useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { fieldId, serverFieldErrors, useCheckedSubmit } from '../../app/form-errors';
import { FormProblems } from '../../ui/FormProblems';
import { ButtonLink } from '../../ui/links';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { programmeListQuery } from '../programmes/api';
import { RegionPicker } from '../reference/RegionPicker';
import { caseReferenceQuery, createCase, myTeamsQuery } from './api';
import { genderOptions } from './case-labels';
import { caseBody, checkCase, emptyCaseValues, type CaseValues } from './case-form-values';

const formId = 'case';
const order = ['programmeId', 'teamId', 'institutionType', 'regionCode', 'birthYear', 'gender'];

export function CaseForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<CaseValues>(emptyCaseValues);
  // Active programmes and teams only: a case cannot start in an archived one.
  const programmes = useQuery(programmeListQuery({ page: 1, pageSize: 200, sort: 'name' }));
  const teams = useQuery(myTeamsQuery());
  const reference = useQuery(caseReferenceQuery());
  const mutation = useMutation({
    mutationFn: createCase,
    onSuccess: (created) => onCreated(created.id),
  });
  // The server answers "not found" for a team the user is not in: that is said at the field.
  const isNotYourTeam = isApiError(mutation.error) && mutation.error.code === 'NOT_FOUND';
  const { errors, submit } = useCheckedSubmit(
    mutation,
    () => checkCase(values, t),
    () => caseBody(values),
    (error) => (isNotYourTeam ? { teamId: t('case.teamNotYours') } : serverFieldErrors(error)),
  );
  const set = (change: Partial<CaseValues>) => setValues((v) => ({ ...v, ...change }));

  const allTeams = teams.data?.items ?? [];
  const myProgrammeIds = new Set(allTeams.map((team) => team.programmeId));
  const programmeOptions = (programmes.data?.items ?? [])
    .filter((p) => myProgrammeIds.has(p.id))
    .map((p) => ({ value: p.id, label: p.name }));
  const shownTeams = values.programmeId
    ? allTeams.filter((team) => team.programmeId === values.programmeId)
    : allTeams;
  const teamOptions = shownTeams.map((team) => ({
    value: team.id,
    label: values.programmeId ? team.name : `${team.name} (${team.programmeName})`,
  }));

  return (
    <form noValidate onSubmit={submit} className="kl-form">
      <FormProblems
        formId={formId}
        errors={errors}
        order={order}
        submitError={isNotYourTeam ? null : mutation.error}
      />
      <SelectField
        id={fieldId(formId, 'programmeId')}
        label={t('case.programme')}
        placeholder={programmes.isPending ? t('common.loading') : t('case.programmeChoose')}
        options={programmeOptions}
        value={values.programmeId}
        onChange={(programmeId) =>
          set({
            programmeId,
            teamId: allTeams.some((x) => x.id === values.teamId && x.programmeId === programmeId)
              ? values.teamId
              : '',
          })
        }
        error={errors.programmeId}
      />
      <SelectField
        id={fieldId(formId, 'teamId')}
        label={t('case.team')}
        placeholder={teams.isPending ? t('common.loading') : t('case.teamChoose')}
        description={
          teams.isSuccess && allTeams.length === 0 ? t('case.noTeams') : t('case.teamHint')
        }
        options={teamOptions}
        value={values.teamId}
        onChange={(teamId) =>
          set({
            teamId,
            programmeId: allTeams.find((x) => x.id === teamId)?.programmeId ?? values.programmeId,
          })
        }
        error={errors.teamId}
      />
      <SelectField
        id={fieldId(formId, 'institutionType')}
        label={t('case.institutionType')}
        description={t('case.institutionTypeHint')}
        placeholder={reference.isPending ? t('common.loading') : t('case.institutionTypeChoose')}
        options={(reference.data?.institutionTypes ?? [])
          // Archived types stay on the cases that have them, but are not chosen for a new one.
          .filter((type) => !type.isArchived)
          .map((type) => ({ value: type.code, label: type.label }))}
        value={values.institutionType}
        onChange={(institutionType) => set({ institutionType })}
        error={
          errors.institutionType ?? (reference.isError ? t('case.referenceFailed') : undefined)
        }
      />
      <RegionPicker
        id={fieldId(formId, 'regionCode')}
        label={t('case.region')}
        value={values.region}
        onChange={(region) => set({ region })}
        error={errors.regionCode}
      />
      <TextField
        id={fieldId(formId, 'birthYear')}
        label={t('case.birthYear')}
        description={t('case.birthYearHint')}
        inputMode="numeric"
        autoComplete="off"
        className="kl-input-short"
        value={values.birthYear}
        onChange={(birthYear) => set({ birthYear })}
        error={errors.birthYear}
      />
      <SelectField
        id={fieldId(formId, 'gender')}
        label={t('case.gender')}
        isOptional
        placeholder={t('case.genderNone')}
        options={genderOptions(t)}
        value={values.gender}
        onChange={(gender) => set({ gender })}
        error={errors.gender}
      />
      <div className="kl-form__actions">
        <Button type="submit" purpose="primary" busy={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('case.create')}
        </Button>
        <ButtonLink to="/cases" purpose="subtle">
          {t('common.cancel')}
        </ButtonLink>
      </div>
    </form>
  );
}
