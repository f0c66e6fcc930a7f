// "Geschiedenis": every change of the meeting and its parts, newest first — who did what and
// when, and for a change which fields went from what to what. Read only when opened (each
// read is in the access log).
import { useId, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  meetingStatuses,
  planStepStatuses,
  reflectionParts,
  speakerRoles,
  type Meeting,
} from '../../../shared/contract/meetings';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { formatDate, formatDateTime, formatMoment } from '../../ui/format';
import { meetingHistoryQuery, type MeetingChange } from './api';
import { attendeeName, durationText } from './labels';

/** The fields the history names, in the words of the forms. */
export const historyFields = [
  'plannedAt',
  'durationMinutes',
  'preparationMinutes',
  'location',
  'notes',
  'status',
  'kind',
  'participantId',
  'userId',
  'guestRole',
  'guestOrganisation',
  'preparedTimeline',
  'preparedDossier',
  'attended',
  'part',
  'text',
  'speakerRole',
  'attendeeId',
  'timelineItemId',
  'what',
  'who',
  'due',
  'on',
  'tried',
  'result',
  'next',
] as const;

const includes = (list: readonly string[], value: unknown): value is string =>
  typeof value === 'string' && list.includes(value);

function valueText(
  change: MeetingChange,
  field: string,
  value: unknown,
  meeting: Meeting,
  t: TFunction,
  language: string,
): string {
  if (value === null || value === undefined || value === '') return t('meetings.history.empty');
  if (typeof value === 'boolean')
    return value ? t('meetings.history.yes') : t('meetings.history.no');
  if (field === 'plannedAt' && typeof value === 'string') return formatMoment(value, language);
  if ((field === 'due' || field === 'on') && typeof value === 'string')
    return formatDate(value, language);
  if ((field === 'durationMinutes' || field === 'preparationMinutes') && typeof value === 'number')
    return durationText(value, t);
  if (field === 'status' && change.entity === 'meeting' && includes(meetingStatuses, value))
    return t(`meetings.status.${value}`);
  if (field === 'status' && includes(planStepStatuses, value))
    return t(`meetings.stepStatus.${value}`);
  if (field === 'part' && includes(reflectionParts, value))
    return t(`meetings.part.${value}.title`);
  if (field === 'speakerRole' && includes(speakerRoles, value))
    return t(`meetings.speaker.${value}`);
  if (field === 'kind' && includes(['participant', 'team_member', 'guest'], value))
    return t(`meetings.attendees.kind.${value}`);
  if (field === 'attendeeId') {
    const attendee = meeting.attendees.find((a) => a.id === value);
    return attendee ? attendeeName(attendee, t) : t('meetings.history.someoneRemoved');
  }
  if (field === 'timelineItemId') {
    const pinned = meeting.contributions.find((c) => c.timelineItemId === value);
    return pinned?.timelineItemTitle ?? t('meetings.history.aMoment');
  }
  if (field === 'participantId' || field === 'userId') {
    const attendee = meeting.attendees.find((a) => a[field] === value);
    return attendee ? attendee.label : t('meetings.history.aPerson');
  }
  return String(value);
}

/** What a created or deleted record was about: its text, step, role or moment. */
function subjectOf(change: MeetingChange, meeting: Meeting, t: TFunction, language: string) {
  const values = new Map(
    change.fields.map((f) => [f.field, change.change === 'created' ? f.after : f.before]),
  );
  const text = (key: string) => {
    const value = values.get(key);
    return typeof value === 'string' && value ? value : null;
  };
  switch (change.entity) {
    case 'contribution':
      return text('text');
    case 'plan_step':
      return text('what');
    case 'follow_up':
      return text('tried');
    case 'attendee': {
      const attendee = meeting.attendees.find((a) => a.id === change.entityId);
      return attendee ? attendeeName(attendee, t) : text('guestRole');
    }
    case 'meeting': {
      const at = text('plannedAt');
      return at ? formatMoment(at, language) : null;
    }
  }
}

export function HistorySection({ meeting }: { meeting: Meeting }) {
  const { t, i18n } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const panelId = useId();
  const history = useQuery({
    ...meetingHistoryQuery(meeting.caseId, meeting.id),
    enabled: isOpen,
  });

  return (
    <section className="kl-section kl-mt-section" aria-labelledby="mt-history">
      <Heading level={2} id="mt-history" tabIndex={-1} className="kl-mt-focus-target">
        {t('meetings.history.title')}
      </Heading>
      <Button
        purpose="secondary"
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setOpen((open) => !open)}
      >
        {isOpen ? t('meetings.history.hide') : t('meetings.history.show')}
      </Button>
      <div id={panelId} hidden={!isOpen}>
        {isOpen &&
          (history.isPending ? (
            <LoadingState />
          ) : history.isError ? (
            <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />
          ) : (
            <ol className="kl-mt-history" aria-label={t('meetings.history.listLabel')}>
              {[...history.data.items].reverse().map((change, index) => {
                const subject =
                  change.change === 'updated' ? null : subjectOf(change, meeting, t, i18n.language);
                return (
                  <li
                    key={`${change.at}-${change.entityId}-${index}`}
                    className="kl-mt-history__item"
                  >
                    <p className="kl-mt-history__line">
                      <span className="kl-mt-history__when">
                        {formatDateTime(change.at, i18n.language)}
                      </span>{' '}
                      {t('meetings.history.sentence', {
                        who: change.by || t('meetings.history.system'),
                        what: t(`meetings.history.change.${change.entity}_${change.change}`),
                      })}
                    </p>
                    {subject && <p className="kl-mt-history__subject">{subject}</p>}
                    {change.change === 'updated' && change.fields.length > 0 && (
                      <ul className="kl-mt-history__fields">
                        {change.fields.map((f) => (
                          <li key={f.field}>
                            {t('meetings.history.fieldChange', {
                              field: includes(historyFields, f.field)
                                ? t(`meetings.history.field.${f.field}`)
                                : f.field,
                              before: valueText(
                                change,
                                f.field,
                                f.before,
                                meeting,
                                t,
                                i18n.language,
                              ),
                              after: valueText(change, f.field, f.after, meeting, t, i18n.language),
                            })}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                );
              })}
            </ol>
          ))}
      </div>
    </section>
  );
}
