// Adds someone to a meeting: a participant of the case (the youth, a parent, someone from the
// network — only with their consent to attend; without it the server's message says what is
// missing, at the field), a colleague of the case's team or assigned to it, or a guest by role
// and organisation (never a name). The lists of people load only when the form is opened.
import { useEffect, useRef, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared/contract/meetings';
import { isApiError } from '../../app/api';
import {
  fieldId,
  serverFieldErrors,
  useCheckedSubmit,
  type FieldErrors,
} from '../../app/form-errors';
import { FormProblems } from '../../ui/FormProblems';
import { SelectField, type SelectOption } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { errorText } from '../../ui/error-text';
import { caseQuery } from '../cases/api';
import { teamMembersQuery } from '../teams/api';
import { addAttendee, useMeetingChange, type AttendeeInput } from './api';
import { attendeeName } from './labels';
import { RadioGroup } from '../../ui/RadioGroup';

const formId = 'meeting-attendee';
const order = ['kind', 'participantId', 'userId', 'guestRole', 'guestOrganisation'];
type Kind = AttendeeInput['kind'];

export type AddAttendeeFormProps = {
  meeting: Meeting;
  onAdded: (message: string) => void;
  onClose: () => void;
};

export function AddAttendeeForm({ meeting, onAdded, onClose }: AddAttendeeFormProps) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<Kind | ''>('');
  const [participantId, setParticipantId] = useState('');
  const [userId, setUserId] = useState('');
  const [guestRole, setGuestRole] = useState('');
  const [guestOrganisation, setGuestOrganisation] = useState('');
  const firstRef = useRef<HTMLInputElement>(null);

  const caseDetail = useQuery({ ...caseQuery(meeting.caseId), retry: false });
  const teamId = caseDetail.data?.teamId ?? '';
  // Someone assigned to the case without being in its team may not read the team: then only
  // the assigned colleagues are offered.
  const team = useQuery({
    ...teamMembersQuery(teamId),
    enabled: Boolean(teamId) && kind === 'team_member',
    retry: false,
  });

  useEffect(() => {
    firstRef.current?.focus();
  }, []);

  const participantOptions: SelectOption[] = (caseDetail.data?.participants ?? [])
    .filter((p) => !meeting.attendees.some((a) => a.participantId === p.id))
    .map((p) => ({ value: p.id, label: `${p.label} (${t(`participantKind.${p.kind}`)})` }));
  const colleagues = new Map<string, string>();
  for (const member of team.data?.items ?? [])
    colleagues.set(member.userId, `${member.displayName} (${t(`teamRole.${member.roleLabel}`)})`);
  for (const assigned of caseDetail.data?.assignments ?? [])
    if (!colleagues.has(assigned.userId))
      colleagues.set(assigned.userId, `${assigned.displayName} (${t(`role.${assigned.role}`)})`);
  const colleagueOptions: SelectOption[] = [...colleagues]
    .filter(([id]) => !meeting.attendees.some((a) => a.userId === id))
    .map(([value, label]) => ({ value, label }));

  const mutation = useMeetingChange(
    meeting.caseId,
    meeting.id,
    (body: AttendeeInput) => addAttendee(meeting.caseId, meeting.id, body),
    (saved) => {
      const added = saved.attendees.find((a) => !meeting.attendees.some((b) => b.id === a.id));
      onAdded(t('meetings.attendees.added', { name: added ? attendeeName(added, t) : '' }));
      setParticipantId('');
      setUserId('');
      setGuestRole('');
      setGuestOrganisation('');
      firstRef.current?.focus();
    },
  );

  // Missing consent to attend is said at the participant field, in the server's words.
  const serverErrors = (error: unknown): FieldErrors =>
    isApiError(error) && error.code === 'CONSENT_MISSING'
      ? { participantId: errorText(error, t, i18n.language) }
      : serverFieldErrors(error);
  const { errors, submit } = useCheckedSubmit(
    mutation,
    () => {
      const found: FieldErrors = {};
      if (!kind) found.kind = t('meetings.attendees.kindMissing');
      if (kind === 'participant' && !participantId)
        found.participantId = t('meetings.attendees.participantMissing');
      if (kind === 'team_member' && !userId) found.userId = t('meetings.attendees.userMissing');
      if (kind === 'guest' && !guestRole.trim())
        found.guestRole = t('meetings.attendees.guestRoleMissing');
      return found;
    },
    (): AttendeeInput | null => {
      if (kind === 'participant') return { kind, participantId };
      if (kind === 'team_member') return { kind, userId };
      if (kind === 'guest')
        return { kind, guestRole: guestRole.trim(), guestOrganisation: guestOrganisation.trim() };
      return null;
    },
    serverErrors,
  );
  const isConsentMissing = isApiError(mutation.error) && mutation.error.code === 'CONSENT_MISSING';

  return (
    <form
      noValidate
      onSubmit={submit}
      className="kl-form kl-mt-form kl-mt-panel"
      aria-labelledby="mt-attendee-form-heading"
    >
      <Heading level={3} id="mt-attendee-form-heading">
        {t('meetings.attendees.addTitle')}
      </Heading>
      <FormProblems
        formId={formId}
        errors={errors}
        order={order}
        submitError={isConsentMissing ? null : mutation.error}
      />
      <RadioGroup
        id={fieldId(formId, 'kind')}
        legend={t('meetings.attendees.kindLegend')}
        value={kind}
        firstRef={firstRef}
        choices={(['participant', 'team_member', 'guest'] as const).map((value) => ({
          value,
          label: t(`meetings.attendees.kindChoice.${value}`),
        }))}
        onChange={(value) => {
          setKind(value);
          mutation.reset();
        }}
        error={errors.kind}
      />
      {kind === 'participant' && (
        <SelectField
          id={fieldId(formId, 'participantId')}
          label={t('meetings.attendees.participant')}
          description={
            caseDetail.isError
              ? t('meetings.attendees.peopleFailed')
              : t('meetings.attendees.participantHint')
          }
          placeholder={
            caseDetail.isPending ? t('common.loading') : t('meetings.attendees.participantChoose')
          }
          options={participantOptions}
          value={participantId}
          onChange={(value) => {
            setParticipantId(value);
            if (isConsentMissing) mutation.reset();
          }}
          error={errors.participantId}
        />
      )}
      {kind === 'team_member' && (
        <SelectField
          id={fieldId(formId, 'userId')}
          label={t('meetings.attendees.colleague')}
          description={
            caseDetail.isError
              ? t('meetings.attendees.peopleFailed')
              : t('meetings.attendees.colleagueHint')
          }
          placeholder={
            caseDetail.isPending || team.isFetching
              ? t('common.loading')
              : t('meetings.attendees.colleagueChoose')
          }
          options={colleagueOptions}
          value={userId}
          onChange={setUserId}
          error={errors.userId}
        />
      )}
      {kind === 'guest' && (
        <div className="kl-form__row">
          <TextField
            id={fieldId(formId, 'guestRole')}
            label={t('meetings.attendees.guestRole')}
            description={t('meetings.attendees.guestRoleHint')}
            autoComplete="off"
            value={guestRole}
            onChange={setGuestRole}
            error={errors.guestRole}
          />
          <TextField
            id={fieldId(formId, 'guestOrganisation')}
            label={t('meetings.attendees.guestOrganisation')}
            description={t('meetings.attendees.guestOrganisationHint')}
            autoComplete="off"
            isOptional
            value={guestOrganisation}
            onChange={setGuestOrganisation}
            error={errors.guestOrganisation}
          />
        </div>
      )}
      <div className="kl-form__actions">
        <Button type="submit" purpose="primary" busy={mutation.isPending}>
          {t('meetings.attendees.add')}
        </Button>
        <Button purpose="subtle" onClick={onClose}>
          {t('meetings.close')}
        </Button>
      </div>
    </form>
  );
}
