// Words for the codes of a review meeting (parts of the reflection, who said it, statuses), how
// an attendee and a contribution's speaker are shown, durations in hours and minutes, and the
// date and time fields of the planning (a moment in the reader's own time zone).
import type { TFunction } from 'i18next';
import type {
  Attendee,
  Contribution,
  MeetingStatus,
  PlanStepStatus,
  ReflectionPart,
  SpeakerRole,
} from '../../../shared/contract/meetings';

/** The badge of a meeting's status (the text says it too: never the colour alone). */
export const meetingBadge = { planned: 'neutral', held: 'success', cancelled: 'inactive' } as const;

export const partText = (part: ReflectionPart, t: TFunction) => t(`meetings.part.${part}.title`);
export const speakerText = (role: SpeakerRole, t: TFunction) => t(`meetings.speaker.${role}`);
export const statusText = (status: MeetingStatus, t: TFunction) => t(`meetings.status.${status}`);
export const stepStatusText = (status: PlanStepStatus, t: TFunction) =>
  t(`meetings.stepStatus.${status}`);

/** "Olaf Onderzoek (Onderzoeker)", "moeder (Ouder)", "leerkracht (Gast)": name or label, then role. */
export function attendeeName(attendee: Pick<Attendee, 'label' | 'speakerRole'>, t: TFunction) {
  const role = speakerText(attendee.speakerRole, t);
  return attendee.label.trim().toLowerCase() === role.toLowerCase()
    ? role
    : `${attendee.label} (${role})`;
}

/** What kind of attendee and in which role: "Teamlid · Onderzoeker", "Gast". */
export function attendeeKindText(attendee: Attendee, t: TFunction): string {
  const kind = t(`meetings.attendees.kind.${attendee.kind}`);
  return attendee.kind === 'guest' ? kind : `${kind} · ${speakerText(attendee.speakerRole, t)}`;
}

/** Who said it: the attendee (with role) when known, else only the role. */
export function speakerOf(contribution: Contribution, t: TFunction): string {
  return contribution.attendeeLabel
    ? attendeeName({ label: contribution.attendeeLabel, speakerRole: contribution.speakerRole }, t)
    : speakerText(contribution.speakerRole, t);
}

/** "3 uur", "2 uur en 30 minuten", "45 minuten". */
export function durationText(minutes: number, t: TFunction): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('meetings.duration.minutes', { count: rest });
  if (rest === 0) return t('meetings.duration.hours', { count: hours });
  return t('meetings.duration.hoursMinutes', {
    hours: t('meetings.duration.hours', { count: hours }),
    minutes: t('meetings.duration.minutes', { count: rest }),
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The date and time fields for a moment, in the reader's own time zone. */
export function localParts(iso: string): { date: string; time: string } {
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return { date: '', time: '' };
  return {
    date: `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`,
    time: `${pad(moment.getHours())}:${pad(moment.getMinutes())}`,
  };
}

/** The moment the date and time fields stand for, as an ISO instant, or null if incomplete. */
export function momentOf(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const moment = new Date(`${date}T${time}`);
  return Number.isNaN(moment.getTime()) ? null : moment.toISOString();
}

/** "14:00–17:00": the time of day a meeting runs, in the reader's own time zone. */
export function timeSpan(iso: string, minutes: number, language: string): string {
  const start = new Date(iso);
  const end = new Date(start.getTime() + minutes * 60_000);
  const format = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    hour: '2-digit',
    minute: '2-digit',
  });
  return `${format.format(start)}–${format.format(end)}`;
}

/** A whole number typed in a field, or null. */
export function wholeNumber(text: string): number | null {
  return /^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : null;
}
