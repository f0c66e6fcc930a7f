// "Deelnemers": who attends and how they prepared — the checklist per attendee (timeline read,
// dossier read, was there), each tick saved at once, and a summary such as "3 van 5 hebben de
// tijdlijn gelezen". Adding and removing attendees for whoever may edit the meeting.
import { useEffect, useRef, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useTranslation } from 'react-i18next';
import type { Attendee, Meeting } from '../../../shared/contract/meetings';
import { isApiError } from '../../app/api';
import { Alert } from '../../ui/Alert';
import { CheckboxField } from '../../ui/CheckboxField';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { removeChild, updateAttendee, useMeetingChange, type AttendeeUpdate } from './api';
import { AddAttendeeForm } from './AddAttendeeForm';
import { attendeeKindText, attendeeName, durationText } from './labels';

export function AttendeesSection({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [isAdding, setAdding] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasAdding = useRef(false);
  const canEdit = meeting.abilities.edit;
  const total = meeting.attendees.length;
  const attended = meeting.attendees.filter((a) => a.attended === true).length;

  useEffect(() => {
    if (!isAdding && wasAdding.current) openRef.current?.focus();
    wasAdding.current = isAdding;
  }, [isAdding]);

  return (
    <section className="kl-section kl-mt-section" aria-labelledby="mt-attendees">
      <Heading
        level={2}
        id="mt-attendees"
        ref={headingRef}
        tabIndex={-1}
        className="kl-mt-focus-target"
      >
        {t('meetings.attendees.title')}
      </Heading>
      <Paragraph>
        {t('meetings.attendees.intro', {
          preparation: durationText(meeting.preparationMinutes, t),
        })}
      </Paragraph>
      {total > 0 && (
        <ul className="kl-mt-summary" aria-label={t('meetings.attendees.summaryLabel')}>
          <li>
            {t('meetings.attendees.timelineRead', {
              count: meeting.preparation.timelineRead,
              total,
            })}
          </li>
          <li>
            {t('meetings.attendees.dossierRead', {
              count: meeting.preparation.dossierRead,
              total,
            })}
          </li>
          <li>{t('meetings.attendees.attendedCount', { count: attended, total })}</li>
        </ul>
      )}
      <div role="status" className="kl-status-line">
        {message}
      </div>
      {total === 0 ? (
        <EmptyState>{t('meetings.attendees.empty')}</EmptyState>
      ) : (
        <ul className="kl-mt-cards">
          {meeting.attendees.map((attendee) => (
            <AttendeeCard
              key={attendee.id}
              meeting={meeting}
              attendee={attendee}
              onMessage={setMessage}
              onRemoved={(text) => {
                setMessage(text);
                // The card with the pressed button is gone: continue at the section's heading.
                headingRef.current?.focus();
              }}
            />
          ))}
        </ul>
      )}
      {canEdit &&
        (isAdding ? (
          <AddAttendeeForm
            meeting={meeting}
            onAdded={setMessage}
            onClose={() => setAdding(false)}
          />
        ) : (
          <Button
            ref={openRef}
            purpose="secondary"
            aria-expanded={false}
            onClick={() => {
              setMessage('');
              setAdding(true);
            }}
          >
            {t('meetings.attendees.addTitle')}
          </Button>
        ))}
    </section>
  );
}

type Check = 'preparedTimeline' | 'preparedDossier' | 'attended';
const checks: Check[] = ['preparedTimeline', 'preparedDossier', 'attended'];

function AttendeeCard({
  meeting,
  attendee,
  onMessage,
  onRemoved,
}: {
  meeting: Meeting;
  attendee: Attendee;
  onMessage: (message: string) => void;
  onRemoved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const name = attendeeName(attendee, t);
  const headingId = `mt-attendee-${attendee.id}`;
  const update = useMeetingChange(
    meeting.caseId,
    meeting.id,
    (body: AttendeeUpdate) => updateAttendee(meeting.caseId, meeting.id, attendee.id, body),
    (_saved, body) => {
      const done = checks.filter((check) => body[check] === true).map((c) => checkText(c, t));
      onMessage(
        done.length === 0
          ? t('meetings.attendees.savedNone', { name })
          : t('meetings.attendees.saved', { name, done: done.join(', ') }),
      );
    },
  );
  const remove = useMeetingChange(
    meeting.caseId,
    meeting.id,
    () => removeChild(meeting.caseId, meeting.id, 'attendees', attendee.id, attendee.version),
    () => onRemoved(t('meetings.attendees.removed', { name })),
  );
  // While a tick is being saved, show it as ticked already.
  const shown: Pick<Attendee, Check> =
    update.isPending && update.variables ? update.variables : attendee;
  const toggle = (check: Check, isChecked: boolean) => {
    if (update.isPending) return;
    update.mutate({
      preparedTimeline: attendee.preparedTimeline,
      preparedDossier: attendee.preparedDossier,
      attended: attendee.attended,
      [check]: isChecked,
      version: attendee.version,
    });
  };
  const isStale = (error: unknown) => isApiError(error) && error.code === 'CONFLICT';

  return (
    <li className="kl-mt-card">
      <div className="kl-mt-card__head">
        <Heading level={3} id={headingId} className="kl-mt-card__title">
          {attendee.label}
        </Heading>
        <p className="kl-mt-meta">{attendeeKindText(attendee, t)}</p>
      </div>
      {meeting.abilities.edit ? (
        <fieldset className="utrecht-form-fieldset kl-mt-fieldset kl-mt-checks">
          <legend className="utrecht-form-fieldset__legend kl-mt-legend">
            {t('meetings.attendees.checklist')}
            <span className="kl-visually-hidden">
              {' '}
              {t('meetings.attendees.of', { name: attendee.label })}
            </span>
          </legend>
          {checks.map((check) => (
            <CheckboxField
              key={check}
              id={`${headingId}-${check}`}
              label={checkText(check, t)}
              isChecked={shown[check] === true}
              onChange={(isChecked) => toggle(check, isChecked)}
            />
          ))}
        </fieldset>
      ) : (
        <ul className="kl-mt-checks-read">
          {checks.map((check) => (
            <li key={check}>
              <span aria-hidden="true">{attendee[check] === true ? '✓ ' : '– '}</span>
              {attendee[check] === true
                ? checkText(check, t)
                : t(`meetings.attendees.not.${check}`)}
            </li>
          ))}
        </ul>
      )}
      {isStale(update.error) || isStale(remove.error) ? (
        <Alert type="warning">
          <p className="kl-alert__text">{t('meetings.changedMeanwhile')}</p>
        </Alert>
      ) : update.error || remove.error ? (
        <ErrorAlert error={update.error ?? remove.error} />
      ) : null}
      {meeting.abilities.edit && (
        <ConfirmAction
          label={
            <>
              {t('meetings.attendees.remove')}
              <span className="kl-visually-hidden">: {name}</span>
            </>
          }
          question={t('meetings.attendees.removeQuestion', { name })}
          consequence={<p>{t('meetings.attendees.removeConsequence')}</p>}
          confirmLabel={t('meetings.attendees.removeConfirm')}
          isBusy={remove.isPending}
          onConfirm={() => remove.mutate(undefined)}
        />
      )}
    </li>
  );
}

function checkText(check: Check, t: ReturnType<typeof useTranslation>['t']): string {
  return t(`meetings.attendees.check.${check}`);
}
