// A date as precisely as people remember it: first how precise (a day, a month, a season, a
// year, or an age), then the fields that fit. Below it, in words, which days it can mean
// ("ergens tussen 1 maart 2016 en 31 mei 2016"), so an age or a season is never a surprise.
// Errors show at the field they belong to: "start" at the precision, "start.year" at the year.
import type { TFunction } from 'i18next';
import { FormFieldDescription } from '@utrecht/form-field-description-react';
import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dayRange, isValidIsoDay } from '../../../shared/domain/fuzzy-date';
import { seasons, type Season } from '../../../shared/domain/timeline';
import { fieldId, type FieldErrors } from '../../app/form-errors';
import { cx } from '../../ui/class-names';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { asLanguage, dateText, monthOptions } from './labels';
import { fuzzyFromDraft, precisions, type FuzzyDraft, type Precision } from './item-form';

export type FuzzyDateInputProps = {
  formId: string;
  /** The body path: 'start' or 'end'. */
  name: string;
  legend: string;
  value: FuzzyDraft;
  onChange: (value: FuzzyDraft) => void;
  birthYear: number;
  /** All of the form's errors; this input shows those under its name. */
  errors: FieldErrors;
  isDisabled?: boolean;
};

const subFields = ['date', 'year', 'month', 'season', 'age'] as const;

const isPrecision = (value: string): value is Precision =>
  (precisions as readonly string[]).includes(value);
const isSeason = (value: string): value is Season => (seasons as readonly string[]).includes(value);

export function FuzzyDateInput({
  formId,
  name,
  legend,
  value,
  onChange,
  birthYear,
  errors,
  isDisabled,
}: FuzzyDateInputProps) {
  const { t, i18n } = useTranslation();
  const language = asLanguage(i18n.language);
  const id = (sub?: string) => fieldId(formId, sub ? `${name}.${sub}` : name);
  const errorOf = (sub: (typeof subFields)[number]) => errors[`${name}.${sub}`];
  // The date's own error, and any the server names by a path this input has no field for.
  const general = Object.entries(errors)
    .filter(
      ([path]) =>
        path === name ||
        (path.startsWith(`${name}.`) &&
          !(subFields as readonly string[]).includes(path.slice(name.length + 1))),
    )
    .map(([, message]) => message)
    .join(' ');
  const set = (patch: Partial<FuzzyDraft>) => onChange({ ...value, ...patch });
  const meaning = meaningText(value, birthYear, language, t);
  const legendId = `${id()}-legend`;

  const monthNames = useMemo(() => monthOptions(language), [language]);

  const yearField = (
    <TextField
      id={id('year')}
      label={t('timeline.date.year')}
      className="kl-input-short"
      inputMode="numeric"
      autoComplete="off"
      value={value.year}
      onChange={(year) => set({ year })}
      error={errorOf('year')}
    />
  );

  return (
    <fieldset
      className={cx('utrecht-form-fieldset', 'kl-fuzzy-date', general && 'kl-fuzzy-date--invalid')}
      aria-labelledby={legendId}
      disabled={isDisabled}
    >
      <legend id={legendId} className="utrecht-form-fieldset__legend kl-fuzzy-date__legend">
        {legend}
      </legend>
      {general && (
        <FormFieldErrorMessage id={`${id()}-error`} className="kl-fuzzy-date__error">
          {general}
        </FormFieldErrorMessage>
      )}
      <div className="kl-fuzzy-date__fields">
        <SelectField
          id={id()}
          label={t('timeline.date.precision')}
          value={value.precision}
          options={precisions.map((p) => ({ value: p, label: t(`timeline.precision.${p}`) }))}
          onChange={(precision) => {
            if (isPrecision(precision)) set({ precision });
          }}
          aria-describedby={general ? `${id()}-error` : undefined}
          aria-invalid={general ? true : undefined}
        />
        {value.precision === 'day' && (
          <TextField
            id={id('date')}
            label={t('timeline.date.day')}
            type="date"
            value={value.date}
            onChange={(date) => set({ date })}
            error={errorOf('date')}
          />
        )}
        {value.precision === 'month' && (
          <>
            <SelectField
              id={id('month')}
              label={t('timeline.date.month')}
              placeholder={t('timeline.date.monthChoose')}
              value={value.month}
              options={monthNames}
              onChange={(month) => set({ month })}
              error={errorOf('month')}
            />
            {yearField}
          </>
        )}
        {value.precision === 'season' && (
          <>
            <SelectField
              id={id('season')}
              label={t('timeline.date.season')}
              value={value.season}
              options={seasons.map((s) => ({ value: s, label: t(`timeline.season.${s}`) }))}
              onChange={(season) => {
                if (isSeason(season)) set({ season });
              }}
              error={errorOf('season')}
            />
            {yearField}
          </>
        )}
        {value.precision === 'year' && yearField}
        {value.precision === 'age' && (
          <TextField
            id={id('age')}
            label={t('timeline.date.age')}
            description={t('timeline.date.ageHint', { birthYear })}
            className="kl-input-short"
            inputMode="numeric"
            autoComplete="off"
            value={value.age}
            onChange={(age) => set({ age })}
            error={errorOf('age')}
          />
        )}
      </div>
      {meaning && (
        <FormFieldDescription className="kl-fuzzy-date__meaning" aria-live="polite">
          {meaning}
        </FormFieldDescription>
      )}
    </fieldset>
  );
}

/** Which days a complete draft can mean, in words; empty while it is incomplete or exact. */
function meaningText(
  draft: FuzzyDraft,
  birthYear: number,
  language: 'nl' | 'en',
  t: TFunction,
): string {
  if (draft.precision === 'day') return '';
  const parsed = fuzzyFromDraft(draft, t);
  if (!parsed.date) return '';
  try {
    const range = dayRange(parsed.date, birthYear);
    if (!isValidIsoDay(range.earliest) || !isValidIsoDay(range.latest)) return '';
    return t('timeline.date.meaning', {
      earliest: dateText({ precision: 'day', date: range.earliest }, language),
      latest: dateText({ precision: 'day', date: range.latest }, language),
    });
  } catch {
    return '';
  }
}
