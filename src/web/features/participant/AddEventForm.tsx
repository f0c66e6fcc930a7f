// "Iets toevoegen": a short form for a youth or parent to put something on their own timeline.
// What happened, what it is about, when (the day, the month, the year, or an age) and how it
// felt. The server records it from the participant's own perspective.
import { useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  timelineLanes,
  valences,
  type TimelineLane,
  type Valence,
} from '../../../shared/domain/timeline';
import { createItem, timelineKeys } from '../timeline/api';
import { ChoiceGroup } from '../timeline/ChoiceGroup';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { fuzzyDateOf, whenChoices, type WhenChoice, type WhenProblem } from './words';

export type AddEventFormProps = {
  caseId: string;
  participantId: string;
  /** A parent tells about their child: "toen mijn kind … jaar was". */
  isParent: boolean;
  onDone: (saved: boolean) => void;
};

type Errors = { title?: string; when?: string };

export function AddEventForm({ caseId, participantId, isParent, onDone }: AddEventFormProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const titleRef = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [lane, setLane] = useState<TimelineLane>('family');
  const [choice, setChoice] = useState<WhenChoice>('year');
  const [date, setDate] = useState('');
  const [month, setMonth] = useState('');
  const [year, setYear] = useState('');
  const [age, setAge] = useState('');
  const [valence, setValence] = useState<Valence>('neutral');
  const [errors, setErrors] = useState<Errors>({});

  const mutation = useMutation({
    mutationFn: (input: Parameters<typeof createItem>[1]) => createItem(caseId, input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: timelineKeys.timeline(caseId) });
      onDone(true);
    },
  });

  const monthNames = Array.from({ length: 12 }, (_, i) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', {
      month: 'long',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(2000, i, 1))),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const start = fuzzyDateOf({ choice, date, month, year, age });
    const next: Errors = {};
    if (!title.trim()) next.title = t('participant.add.missingWhat');
    if (typeof start === 'string') next.when = t(`participant.add.${start satisfies WhenProblem}`);
    setErrors(next);
    if (next.title) {
      titleRef.current?.focus();
      return;
    }
    if (typeof start === 'string') {
      document.getElementById(`${id}-when-${choice}`)?.focus();
      return;
    }
    mutation.mutate({
      kind: 'event',
      lane,
      title: title.trim(),
      description: '',
      start,
      end: null,
      valence,
      source: isParent ? 'parent' : 'youth',
      sourceParticipantId: participantId,
      categoryCode: null,
      reference: null,
      waitingDays: null,
      isSignal: false,
      revisesItemId: null,
    });
  };

  const ageLabel = isParent ? t('participant.add.ageParent') : t('participant.add.age');
  return (
    <form
      className="kl-form kl-my-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={submit}
    >
      <h3 id={`${id}-title`} className="kl-my-form__title">
        {t('participant.add.title')}
      </h3>
      <TextField
        ref={titleRef}
        id={`${id}-what`}
        label={t('participant.add.what')}
        description={t('participant.add.whatHint')}
        value={title}
        onChange={(value) => {
          setTitle(value);
          if (errors.title && value.trim()) setErrors({ ...errors, title: undefined });
        }}
        error={errors.title}
        maxLength={200}
        autoComplete="off"
      />
      <SelectField
        id={`${id}-lane`}
        label={t('participant.add.lane')}
        value={lane}
        onChange={(value) => setLane(value as TimelineLane)}
        options={timelineLanes.map((value) => ({ value, label: t(`participant.lane.${value}`) }))}
      />
      <ChoiceGroup<WhenChoice>
        id={`${id}-when`}
        legend={t('participant.add.when')}
        value={choice}
        onChange={setChoice}
        error={errors.when}
        choices={whenChoices.map((value) => ({
          value,
          label:
            value === 'age' && isParent
              ? t('participant.add.precisionAgeParent')
              : t(`participant.add.precision.${value}`),
        }))}
      />
      {choice === 'day' && (
        <TextField
          id={`${id}-when-day`}
          type="date"
          label={t('participant.add.date')}
          value={date}
          onChange={setDate}
        />
      )}
      {choice === 'month' && (
        <div className="kl-form__row">
          <SelectField
            id={`${id}-when-month`}
            label={t('participant.add.month')}
            value={month}
            placeholder=""
            onChange={setMonth}
            options={monthNames.map((label, i) => ({ value: String(i + 1), label }))}
          />
          <TextField
            id={`${id}-when-month-year`}
            label={t('participant.add.year')}
            inputMode="numeric"
            value={year}
            onChange={setYear}
            maxLength={4}
          />
        </div>
      )}
      {choice === 'year' && (
        <TextField
          id={`${id}-when-year`}
          label={t('participant.add.year')}
          inputMode="numeric"
          value={year}
          onChange={setYear}
          maxLength={4}
        />
      )}
      {choice === 'age' && (
        <TextField
          id={`${id}-when-age`}
          label={ageLabel}
          inputMode="numeric"
          value={age}
          onChange={setAge}
          maxLength={2}
        />
      )}
      <ChoiceGroup<Valence>
        id={`${id}-feeling`}
        legend={t('participant.add.feeling')}
        value={valence}
        onChange={setValence}
        isInline
        choices={[...valences].map((value) => ({
          value,
          label: t(`participant.feeling.${value}`),
        }))}
      />
      {mutation.error && <ErrorAlert error={mutation.error} />}
      <div className="kl-form__actions">
        <Button type="submit" purpose="primary" busy={mutation.isPending}>
          {t('participant.add.submit')}
        </Button>
        <Button type="button" purpose="subtle" onClick={() => onDone(false)}>
          {t('participant.add.cancel')}
        </Button>
      </div>
    </form>
  );
}
