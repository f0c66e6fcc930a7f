// The editor's form state and its way to a request body: fuzzy dates as typed (a precision
// and the fitting fields), checked before sending with the same date rules as the server
// (validateDates: a date that does not exist, a date in the future, an end before the start).
import type { TFunction } from 'i18next';
import { validateDates } from '../../../shared/domain/fuzzy-date';
import {
  seasons,
  type FuzzyDate,
  type Perspective,
  type Season,
  type TimelineKind,
  type TimelineLane,
  type Valence,
} from '../../../shared/domain/timeline';
import type { FieldErrors } from '../../app/form-errors';
import type { ItemInput } from './api';

export const precisions = ['day', 'month', 'season', 'year', 'age'] as const;
export type Precision = (typeof precisions)[number];

/** A fuzzy date as typed: every field as text, only those of the precision count. */
export type FuzzyDraft = {
  precision: Precision;
  date: string;
  year: string;
  month: string;
  season: Season;
  age: string;
};

export type ItemDraft = {
  kind: TimelineKind;
  lane: TimelineLane;
  title: string;
  description: string;
  start: FuzzyDraft;
  end: FuzzyDraft;
  /** A period still going on has no end. */
  isOngoing: boolean;
  valence: Valence;
  source: Perspective;
  sourceParticipantId: string;
  categoryCode: string;
  reference: string;
  waitingDays: string;
  isSignal: boolean;
  revisesItemId: string;
};

export function emptyFuzzyDraft(precision: Precision = 'month'): FuzzyDraft {
  return { precision, date: '', year: '', month: '', season: 'spring', age: '' };
}

export function draftFromFuzzy(date: FuzzyDate | null): FuzzyDraft {
  const draft = emptyFuzzyDraft(date?.precision ?? 'month');
  if (!date) return draft;
  switch (date.precision) {
    case 'day':
      return { ...draft, date: date.date };
    case 'month':
      return { ...draft, year: String(date.year), month: String(date.month) };
    case 'season':
      return { ...draft, year: String(date.year), season: date.season };
    case 'year':
      return { ...draft, year: String(date.year) };
    case 'age':
      return { ...draft, age: String(date.age) };
  }
}

const wholeNumber = (text: string): number | null =>
  /^\s*\d+\s*$/.test(text) ? Number(text.trim()) : null;

/**
 * The fuzzy date a draft describes, or what is missing, keyed by the field below the date
 * ('year', 'month', 'date', 'age') as the server names them ("start.year").
 */
export function fuzzyFromDraft(
  draft: FuzzyDraft,
  t: TFunction,
): { date: FuzzyDate; errors?: never } | { date?: never; errors: FieldErrors } {
  const year = wholeNumber(draft.year);
  const yearError = year === null ? { year: t('timeline.validation.year') } : null;
  switch (draft.precision) {
    case 'day':
      return /^\d{4}-\d{2}-\d{2}$/.test(draft.date)
        ? { date: { precision: 'day', date: draft.date } }
        : { errors: { date: t('timeline.validation.day') } };
    case 'month': {
      const month = wholeNumber(draft.month);
      const errors: FieldErrors = { ...yearError };
      if (month === null || month < 1 || month > 12) errors.month = t('timeline.validation.month');
      return year !== null && month !== null && !errors.month
        ? { date: { precision: 'month', year, month } }
        : { errors };
    }
    case 'season':
      return year !== null && seasons.includes(draft.season)
        ? { date: { precision: 'season', year, season: draft.season } }
        : { errors: { ...yearError } };
    case 'year':
      return year !== null ? { date: { precision: 'year', year } } : { errors: { ...yearError } };
    case 'age': {
      const age = wholeNumber(draft.age);
      return age !== null && age <= 30
        ? { date: { precision: 'age', age } }
        : { errors: { age: t('timeline.validation.age') } };
    }
  }
}

export type NewItemPrefill = {
  lane?: TimelineLane;
  kind?: TimelineKind;
  start?: FuzzyDate;
};

export function newItemDraft(prefill: NewItemPrefill, source: Perspective): ItemDraft {
  return {
    kind: prefill.kind ?? 'event',
    lane: prefill.lane ?? 'living',
    title: '',
    description: '',
    start: draftFromFuzzy(prefill.start ?? null),
    end: emptyFuzzyDraft(prefill.start?.precision === 'day' ? 'day' : 'month'),
    isOngoing: false,
    valence: 'neutral',
    source,
    sourceParticipantId: '',
    categoryCode: '',
    reference: '',
    waitingDays: '',
    isSignal: false,
    revisesItemId: '',
  };
}

export function draftFromItem(item: ItemInput): ItemDraft {
  return {
    kind: item.kind,
    lane: item.lane,
    title: item.title,
    description: item.description,
    start: draftFromFuzzy(item.start),
    end: item.end
      ? draftFromFuzzy(item.end)
      : emptyFuzzyDraft(item.start.precision === 'day' ? 'day' : 'month'),
    isOngoing: item.kind === 'period' && item.end === null,
    valence: item.valence,
    source: item.source,
    sourceParticipantId: item.sourceParticipantId ?? '',
    categoryCode: item.categoryCode ?? '',
    reference: item.reference ?? '',
    waitingDays: item.waitingDays === null ? '' : String(item.waitingDays),
    isSignal: item.isSignal,
    revisesItemId: item.revisesItemId ?? '',
  };
}

/** validateDates speaks Dutch; these are its sentences, for the English interface. */
const dateProblemKeys: Record<string, string> = {
  'Deze datum bestaat niet': 'timeline.validation.noSuchDate',
  'Een leeftijd is een heel aantal jaren, 0 of meer': 'timeline.validation.age',
  'De jongere heeft deze leeftijd nog niet bereikt': 'timeline.validation.ageNotReached',
  'Deze datum ligt in de toekomst': 'timeline.validation.future',
  'Het einde ligt vóór het begin': 'timeline.validation.endBeforeStart',
};

const prefixed = (prefix: string, errors: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(errors).map(([key, value]) => [`${prefix}.${key}`, value]));

/** The request body of a draft, or the field errors found before sending. */
export function inputFromDraft(
  draft: ItemDraft,
  context: { birthYear: number; today: string; t: TFunction },
): { input: ItemInput; errors?: never } | { input?: never; errors: FieldErrors } {
  const { t } = context;
  const errors: FieldErrors = {};
  if (!draft.title.trim()) errors.title = t('timeline.validation.title');
  else if (draft.title.trim().length > 200) errors.title = t('timeline.validation.titleTooLong');
  const start = fuzzyFromDraft(draft.start, t);
  if (start.errors) Object.assign(errors, prefixed('start', start.errors));
  const hasEnd = draft.kind === 'period' && !draft.isOngoing;
  const end = hasEnd ? fuzzyFromDraft(draft.end, t) : null;
  if (end?.errors) Object.assign(errors, prefixed('end', end.errors));
  if (start.date && (!hasEnd || end?.date)) {
    for (const problem of validateDates(
      start.date,
      end?.date ?? null,
      context.birthYear,
      context.today,
    )) {
      const key = dateProblemKeys[problem.message];
      errors[problem.path] ??= key ? t(key) : problem.message;
    }
  }
  let waitingDays: number | null = null;
  if (draft.lane === 'care' && draft.waitingDays.trim() !== '') {
    waitingDays = wholeNumber(draft.waitingDays);
    if (waitingDays === null || waitingDays > 3650) {
      errors.waitingDays = t('timeline.validation.waitingDays');
    }
  }
  if (draft.reference.trim().length > 80) errors.reference = t('timeline.validation.reference');
  if (Object.keys(errors).length > 0 || !start.date) return { errors };
  return {
    input: {
      kind: draft.kind,
      lane: draft.lane,
      title: draft.title.trim(),
      description: draft.description.trim(),
      start: start.date,
      end: end?.date ?? null,
      valence: draft.valence,
      source: draft.source,
      sourceParticipantId: draft.sourceParticipantId || null,
      categoryCode: draft.categoryCode || null,
      reference: draft.reference.trim() || null,
      waitingDays: draft.lane === 'care' ? waitingDays : null,
      isSignal: draft.isSignal,
      revisesItemId: draft.lane === 'diagnosis' ? draft.revisesItemId || null : null,
    },
  };
}

/** The field paths in form order, for the error summary. */
export const fieldOrder = [
  'kind',
  'lane',
  'title',
  'start',
  'end',
  'categoryCode',
  'reference',
  'description',
  'valence',
  'source',
  'sourceParticipantId',
  'waitingDays',
  'isSignal',
  'revisesItemId',
];
