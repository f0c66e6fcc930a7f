// "Planning": when and where the meeting is, how long it takes and how long attendees need to
// prepare (3 hours and 1 hour unless changed), notes and the status. Whoever may edit opens a
// form; a save based on a stale version shows both versions to choose from. After saving or
// cancelling, focus returns to the button that opened the form.
import { useEffect, useRef, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useTranslation } from 'react-i18next';
import {
  meetingStatuses,
  type Meeting,
  type MeetingStatus,
} from '../../../shared/contract/meetings';
import { fieldId, useCheckedSubmit } from '../../app/form-errors';
import { DataList } from '../../ui/DataList';
import { FormProblems } from '../../ui/FormProblems';
import { SelectField } from '../../ui/SelectField';
import { StatusBadge } from '../../ui/StatusBadge';
import { formatMoment } from '../../ui/format';
import { isMeetingConflict, updateMeeting, useMeetingChange, type MeetingUpdate } from './api';
import { durationText, meetingBadge, statusText, timeSpan } from './labels';
import {
  checkMeetingDraft,
  draftFromMeeting,
  inputFromDraft,
  meetingFieldOrder,
  MeetingFields,
  type MeetingDraft,
} from './MeetingFields';
import { differing, VersionConflict, type Side } from '../../ui/VersionConflict';

const formId = 'meeting-planning';

export function PlanningSection({ meeting }: { meeting: Meeting }) {
  const { t, i18n } = useTranslation();
  const [isEditing, setEditing] = useState(false);
  const [message, setMessage] = useState('');
  const openRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    if (!isEditing && wasEditing.current) openRef.current?.focus();
    wasEditing.current = isEditing;
  }, [isEditing]);

  return (
    <section className="kl-section kl-mt-section" aria-labelledby="mt-planning">
      <Heading level={2} id="mt-planning" tabIndex={-1} className="kl-mt-focus-target">
        {t('meetings.planning.title')}
      </Heading>
      <div role="status" className="kl-status-line">
        {message}
      </div>
      {isEditing ? (
        <PlanningForm
          meeting={meeting}
          onDone={(text) => {
            setMessage(text);
            setEditing(false);
          }}
        />
      ) : (
        <>
          <DataList
            items={[
              {
                key: 'when',
                label: t('meetings.planning.when'),
                value: `${formatMoment(meeting.plannedAt, i18n.language)} (${timeSpan(
                  meeting.plannedAt,
                  meeting.durationMinutes,
                  i18n.language,
                )})`,
              },
              {
                key: 'duration',
                label: t('meetings.planning.duration'),
                value: durationText(meeting.durationMinutes, t),
              },
              {
                key: 'preparation',
                label: t('meetings.planning.preparation'),
                value: t('meetings.planning.preparationValue', {
                  duration: durationText(meeting.preparationMinutes, t),
                }),
              },
              {
                key: 'location',
                label: t('meetings.schedule.location'),
                value: meeting.location || t('meetings.planning.notSet'),
              },
              ...(meeting.notes
                ? [
                    {
                      key: 'notes',
                      label: t('meetings.schedule.notes'),
                      value: <span className="kl-mt-prewrap">{meeting.notes}</span>,
                    },
                  ]
                : []),
              {
                key: 'status',
                label: t('common.status'),
                value: (
                  <StatusBadge status={meetingBadge[meeting.status]}>
                    {statusText(meeting.status, t)}
                  </StatusBadge>
                ),
              },
            ]}
          />
          {meeting.abilities.edit && (
            <Button
              ref={openRef}
              purpose="secondary"
              aria-expanded={false}
              onClick={() => {
                setMessage('');
                setEditing(true);
              }}
            >
              {t('meetings.planning.edit')}
            </Button>
          )}
        </>
      )}
    </section>
  );
}

const isStatus = (value: string): value is MeetingStatus =>
  (meetingStatuses as readonly string[]).includes(value);

function PlanningForm({
  meeting,
  onDone,
}: {
  meeting: Meeting;
  onDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<MeetingDraft>(() => draftFromMeeting(meeting));
  const [status, setStatus] = useState<MeetingStatus>(meeting.status);
  // The version this form started from; a conflict's save sends the current one instead.
  const [version] = useState(meeting.version);
  const firstFieldRef = useRef<HTMLDivElement>(null);
  const mutation = useMeetingChange(
    meeting.caseId,
    meeting.id,
    (body: MeetingUpdate) => updateMeeting(meeting.caseId, meeting.id, body),
    (saved) => onDone(t('meetings.planning.saved', { status: statusText(saved.status, t) })),
  );
  const { errors, submit } = useCheckedSubmit(
    mutation,
    () => checkMeetingDraft(draft, t),
    () => {
      const input = inputFromDraft(draft);
      return input ? { ...input, status, version } : null;
    },
  );

  useEffect(() => {
    firstFieldRef.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);

  const conflict = isMeetingConflict<Meeting, MeetingUpdate>(mutation.error)
    ? mutation.error
    : null;
  if (conflict) {
    const { current, yours } = conflict;
    const when = (iso: string) => formatMoment(iso, i18n.language);
    const fields = differing([
      {
        key: 'plannedAt',
        label: t('meetings.planning.when'),
        yours: when(yours.plannedAt),
        current: when(current.plannedAt),
      },
      {
        key: 'durationMinutes',
        label: t('meetings.planning.duration'),
        yours: durationText(yours.durationMinutes ?? 0, t),
        current: durationText(current.durationMinutes, t),
      },
      {
        key: 'preparationMinutes',
        label: t('meetings.planning.preparation'),
        yours: durationText(yours.preparationMinutes ?? 0, t),
        current: durationText(current.preparationMinutes, t),
      },
      {
        key: 'location',
        label: t('meetings.schedule.location'),
        yours: yours.location ?? '',
        current: current.location,
      },
      {
        key: 'notes',
        label: t('meetings.schedule.notes'),
        yours: yours.notes ?? '',
        current: current.notes,
      },
      {
        key: 'status',
        label: t('common.status'),
        yours: statusText(yours.status, t),
        current: statusText(current.status, t),
      },
    ]);
    const merge = (picks: Record<string, Side>): MeetingUpdate => {
      const pick = <K extends keyof MeetingUpdate & keyof Meeting>(key: K) =>
        picks[key] === 'current' ? current[key] : yours[key];
      return {
        plannedAt: pick('plannedAt'),
        durationMinutes: pick('durationMinutes'),
        preparationMinutes: pick('preparationMinutes'),
        location: pick('location'),
        notes: pick('notes'),
        status: pick('status'),
        version: current.version,
      };
    };
    return (
      <VersionConflict
        texts="meetings.conflict"
        fields={fields}
        isBusy={mutation.isPending}
        onSave={(picks) => mutation.mutate(merge(picks))}
        onKeepCurrent={() => {
          mutation.reset();
          onDone(t('meetings.conflict.keptCurrent'));
        }}
      />
    );
  }

  return (
    <form noValidate onSubmit={submit} className="kl-form kl-mt-form" aria-labelledby="mt-planning">
      <FormProblems
        formId={formId}
        errors={errors}
        order={meetingFieldOrder}
        submitError={mutation.error}
      />
      <div ref={firstFieldRef} className="kl-form">
        <MeetingFields
          formId={formId}
          draft={draft}
          onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
          errors={errors}
        />
      </div>
      <SelectField
        id={fieldId(formId, 'status')}
        label={t('common.status')}
        description={t('meetings.planning.statusHint')}
        options={meetingStatuses.map((s) => ({ value: s, label: statusText(s, t) }))}
        value={status}
        onChange={(value) => {
          if (isStatus(value)) setStatus(value);
        }}
        error={errors.status}
      />
      <div className="kl-form__actions">
        <Button type="submit" purpose="primary" busy={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('meetings.planning.save')}
        </Button>
        <Button purpose="subtle" onClick={() => onDone('')}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
