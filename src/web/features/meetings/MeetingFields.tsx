// The planning fields of a review meeting, shared by "Casusreview plannen" and the planning
// section of the meeting: date and start time, duration and preparation time (3 hours and
// 1 hour unless changed, with why), place and notes. Also the draft they edit and its checks.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared/contract/meetings';
import { fieldId, type FieldErrors } from '../../app/form-errors';
import { TextareaField } from '../../ui/TextareaField';
import { TextField } from '../../ui/TextField';
import type { MeetingInput } from './api';
import { localParts, momentOf, wholeNumber } from './labels';

export type MeetingDraft = {
  date: string;
  time: string;
  duration: string;
  preparation: string;
  location: string;
  notes: string;
};

/** The contract's defaults: a meeting of 3 hours, with 1 hour to prepare. */
export const defaultDurationMinutes = 180;
export const defaultPreparationMinutes = 60;

export function emptyMeetingDraft(): MeetingDraft {
  return {
    date: '',
    time: '',
    duration: String(defaultDurationMinutes),
    preparation: String(defaultPreparationMinutes),
    location: '',
    notes: '',
  };
}

export function draftFromMeeting(meeting: Meeting): MeetingDraft {
  const { date, time } = localParts(meeting.plannedAt);
  return {
    date,
    time,
    duration: String(meeting.durationMinutes),
    preparation: String(meeting.preparationMinutes),
    location: meeting.location,
    notes: meeting.notes,
  };
}

/** The form order, for the error summary. */
export const meetingFieldOrder = [
  'plannedAt',
  'time',
  'durationMinutes',
  'preparationMinutes',
  'location',
  'notes',
  'status',
];

/** What is wrong before sending: missing or malformed values (the ranges are the server's). */
export function checkMeetingDraft(draft: MeetingDraft, t: TFunction): FieldErrors {
  const found: FieldErrors = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) found.plannedAt = t('meetings.schedule.dateMissing');
  if (!/^\d{2}:\d{2}$/.test(draft.time)) found.time = t('meetings.schedule.timeMissing');
  if (wholeNumber(draft.duration) === null)
    found.durationMinutes = t('meetings.schedule.minutesInvalid');
  if (wholeNumber(draft.preparation) === null)
    found.preparationMinutes = t('meetings.schedule.minutesInvalid');
  return found;
}

export function inputFromDraft(draft: MeetingDraft): Required<MeetingInput> | null {
  const plannedAt = momentOf(draft.date, draft.time);
  const durationMinutes = wholeNumber(draft.duration);
  const preparationMinutes = wholeNumber(draft.preparation);
  if (plannedAt === null || durationMinutes === null || preparationMinutes === null) return null;
  return {
    plannedAt,
    durationMinutes,
    preparationMinutes,
    location: draft.location.trim(),
    notes: draft.notes.trim(),
  };
}

export type MeetingFieldsProps = {
  formId: string;
  draft: MeetingDraft;
  onChange: (patch: Partial<MeetingDraft>) => void;
  errors: FieldErrors;
};

export function MeetingFields({ formId, draft, onChange, errors }: MeetingFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className="kl-form__row kl-mt-row--dates">
        <TextField
          id={fieldId(formId, 'plannedAt')}
          label={t('meetings.schedule.date')}
          type="date"
          value={draft.date}
          onChange={(date) => onChange({ date })}
          error={errors.plannedAt}
        />
        <TextField
          id={fieldId(formId, 'time')}
          label={t('meetings.schedule.time')}
          type="time"
          value={draft.time}
          onChange={(time) => onChange({ time })}
          error={errors.time}
        />
      </div>
      <div className="kl-form__row">
        <TextField
          id={fieldId(formId, 'durationMinutes')}
          label={t('meetings.schedule.duration')}
          description={t('meetings.schedule.durationHint')}
          inputMode="numeric"
          autoComplete="off"
          className="kl-input-short"
          value={draft.duration}
          onChange={(duration) => onChange({ duration })}
          error={errors.durationMinutes}
        />
        <TextField
          id={fieldId(formId, 'preparationMinutes')}
          label={t('meetings.schedule.preparation')}
          description={t('meetings.schedule.preparationHint')}
          inputMode="numeric"
          autoComplete="off"
          className="kl-input-short"
          value={draft.preparation}
          onChange={(preparation) => onChange({ preparation })}
          error={errors.preparationMinutes}
        />
      </div>
      <TextField
        id={fieldId(formId, 'location')}
        label={t('meetings.schedule.location')}
        description={t('meetings.schedule.locationHint')}
        isOptional
        value={draft.location}
        onChange={(location) => onChange({ location })}
        error={errors.location}
      />
      <TextareaField
        id={fieldId(formId, 'notes')}
        label={t('meetings.schedule.notes')}
        description={t('meetings.schedule.notesHint')}
        isOptional
        rows={3}
        value={draft.notes}
        onChange={(notes) => onChange({ notes })}
        error={errors.notes}
      />
    </>
  );
}
