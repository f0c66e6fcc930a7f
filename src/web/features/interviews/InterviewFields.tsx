// The details of an interview, shared by "Interview toevoegen" and "Gegevens wijzigen": the day
// it was held, how (face to face, video, phone, in writing) and who interviewed (a member of the
// case's team, a colleague assigned to the case, or nobody recorded). Also the draft they edit,
// its checks, and the interviewer choices (the team's members load when the form opens).
import type { TFunction } from 'i18next';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { interviewModes, type InterviewMode } from '../../../shared/contract/coding';
import { fieldId, type FieldErrors } from '../../app/form-errors';
import { SelectField, type SelectOption } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { caseQuery } from '../cases/api';
import { teamMembersQuery } from '../teams/api';
import { modeText } from './labels';
import { RadioGroup } from '../../ui/RadioGroup';

export type InterviewDraft = {
  heldOn: string;
  mode: InterviewMode | '';
  interviewerId: string;
};

export const detailFieldOrder = ['participantId', 'heldOn', 'mode', 'interviewerId'];

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong before sending (the server checks the rest). */
export function checkDetails(draft: InterviewDraft, t: TFunction): FieldErrors {
  const found: FieldErrors = {};
  if (!isoDate.test(draft.heldOn)) found.heldOn = t('interviews.fields.heldOnMissing');
  if (!draft.mode) found.mode = t('interviews.fields.modeMissing');
  return found;
}

export type InterviewerChoices = { options: SelectOption[]; isLoading: boolean; failed: boolean };

/**
 * Who may be named as interviewer: the members of the case's team and the colleagues assigned to
 * the case. Someone assigned without being in the team may not read the team: then only the
 * assigned colleagues (and the interviewer already named) are offered.
 */
export function useInterviewerChoices(
  caseId: string,
  current?: { id: string; name: string } | null,
): InterviewerChoices {
  const { t } = useTranslation();
  const caseDetail = useQuery({ ...caseQuery(caseId), retry: false });
  const teamId = caseDetail.data?.teamId ?? '';
  const team = useQuery({ ...teamMembersQuery(teamId), enabled: Boolean(teamId), retry: false });
  const people = new Map<string, string>();
  for (const member of team.data?.items ?? [])
    people.set(member.userId, `${member.displayName} (${t(`teamRole.${member.roleLabel}`)})`);
  for (const assigned of caseDetail.data?.assignments ?? [])
    if (!people.has(assigned.userId))
      people.set(assigned.userId, `${assigned.displayName} (${t(`role.${assigned.role}`)})`);
  if (current && !people.has(current.id)) people.set(current.id, current.name);
  return {
    options: [...people].map(([value, label]) => ({ value, label })),
    isLoading: caseDetail.isPending || (Boolean(teamId) && team.isPending),
    failed: caseDetail.isError,
  };
}

export type InterviewFieldsProps = {
  formId: string;
  draft: InterviewDraft;
  onChange: (patch: Partial<InterviewDraft>) => void;
  errors: FieldErrors;
  interviewers: InterviewerChoices;
};

export function InterviewFields({
  formId,
  draft,
  onChange,
  errors,
  interviewers,
}: InterviewFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={fieldId(formId, 'heldOn')}
        label={t('interviews.fields.heldOn')}
        type="date"
        className="kl-iv-date"
        value={draft.heldOn}
        onChange={(heldOn) => onChange({ heldOn })}
        error={errors.heldOn}
      />
      <RadioGroup
        id={fieldId(formId, 'mode')}
        legend={t('interviews.fields.mode')}
        value={draft.mode}
        isInline
        choices={interviewModes.map((mode) => ({ value: mode, label: modeText(mode, t) }))}
        onChange={(mode) => onChange({ mode })}
        error={errors.mode}
      />
      <SelectField
        id={fieldId(formId, 'interviewerId')}
        label={t('interviews.fields.interviewer')}
        description={
          interviewers.failed
            ? t('interviews.fields.interviewerFailed')
            : t('interviews.fields.interviewerHint')
        }
        isOptional
        placeholder={
          interviewers.isLoading ? t('common.loading') : t('interviews.fields.interviewerNone')
        }
        options={interviewers.options}
        value={draft.interviewerId}
        onChange={(interviewerId) => onChange({ interviewerId })}
        error={errors.interviewerId}
      />
    </>
  );
}
