// The form state of one answer and the way to and from the API: a draft holds what the
// researcher typed (numbers as text, a separate "onbekend" for types other than ja/nee), the
// version it started from, and is turned into a request body after the checks the server makes
// too (so the message appears at the field before anything is sent).
import type { TFunction } from 'i18next';
import type { DossierAnswer } from '../../../shared/contract/dossier';
import type { AnswerType, InstrumentItem } from '../../../shared/contract/instruments';
import { isValidIsoDay } from '../../../shared/domain/fuzzy-date';
import { maxTextAnswerLength, type AnswerValue } from '../../../shared/domain/dossier-answers';
import type { FieldErrors } from '../../app/form-errors';
import type { AnswerInput } from './api';

export type AnswerDraft = {
  /** ynpu code, number as typed, a day (yyyy-mm-dd), one choice code or the text. */
  value: string;
  /** The codes of a choice that allows several. */
  choices: string[];
  /** "Onbekend" for the types that have no such option of their own (all but ynpu). */
  isUnknown: boolean;
  evidence: string;
  sourceDocument: string;
  sourceDate: string;
  timelineItemIds: string[];
  /** The answer's version this draft started from (0: no answer yet). */
  baseVersion: number;
};

/** The body paths of an answer, in the order the form shows them. */
export const answerFieldOrder = [
  'value',
  'evidence',
  'sourceDocument',
  'sourceDate',
  'timelineItemIds',
] as const;
export type AnswerField = (typeof answerFieldOrder)[number];

const maxEvidence = 4000;
const maxSourceDocument = 200;
const maxLinks = 20;

function valueToDraft(answer: AnswerType, value: AnswerValue) {
  if (value === null) {
    // A ja/nee item has "onbekend" among its options.
    return answer.type === 'ynpu'
      ? { value: 'unknown', choices: [], isUnknown: false }
      : { value: '', choices: [], isUnknown: true };
  }
  if (Array.isArray(value)) return { value: '', choices: [...value], isUnknown: false };
  if (answer.type === 'choice' && answer.isMultiple) {
    return { value: '', choices: [String(value)], isUnknown: false };
  }
  return { value: String(value), choices: [], isUnknown: false };
}

/** The draft an item starts from: its answer (links to deleted items dropped), or empty. */
export function draftFromAnswer(item: InstrumentItem, answer: DossierAnswer | undefined) {
  if (!answer) {
    return {
      value: '',
      choices: [],
      isUnknown: false,
      evidence: '',
      sourceDocument: '',
      sourceDate: '',
      timelineItemIds: [],
      baseVersion: 0,
    } satisfies AnswerDraft;
  }
  return {
    ...valueToDraft(item.answer, answer.value),
    evidence: answer.evidence,
    sourceDocument: answer.sourceDocument ?? '',
    sourceDate: answer.sourceDate ?? '',
    timelineItemIds: answer.timelineLinks
      .filter((link) => !link.isDeleted)
      .map((link) => link.timelineItemId),
    baseVersion: answer.version,
  } satisfies AnswerDraft;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** Whether a draft says something else than another (the version it is based on aside). */
export function isDraftChanged(draft: AnswerDraft, base: AnswerDraft): boolean {
  return (
    draft.value !== base.value ||
    draft.isUnknown !== base.isUnknown ||
    !sameSet(draft.choices, base.choices) ||
    draft.evidence.trim() !== base.evidence.trim() ||
    draft.sourceDocument.trim() !== base.sourceDocument.trim() ||
    draft.sourceDate !== base.sourceDate ||
    !sameSet(draft.timelineItemIds, base.timelineItemIds)
  );
}

/** "3", "2,5" or "2.5" as a number; null when it is not one. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(/\s/g, '');
  if (!/^-?\d+([.,]\d+)?$/.test(trimmed)) return null;
  return Number(trimmed.replace(',', '.'));
}

type ValueResult = { value: AnswerValue } | { error: string };

function draftValue(answer: AnswerType, draft: AnswerDraft, today: string, t: TFunction) {
  if (draft.isUnknown && answer.type !== 'ynpu') return { value: null };
  switch (answer.type) {
    case 'ynpu':
      return draft.value ? { value: draft.value } : { error: t('dossier.check.chooseYnpu') };
    case 'number': {
      if (draft.value.trim() === '') return { error: t('dossier.check.numberEmpty') };
      const number = parseNumber(draft.value);
      if (number === null) return { error: t('dossier.check.notANumber') };
      if (answer.isInteger && !Number.isInteger(number))
        return { error: t('dossier.check.wholeNumber') };
      if (answer.min !== undefined && number < answer.min)
        return { error: t('dossier.check.atLeast', { min: answer.min }) };
      if (answer.max !== undefined && number > answer.max)
        return { error: t('dossier.check.atMost', { max: answer.max }) };
      return { value: number };
    }
    case 'date':
      if (draft.value === '') return { error: t('dossier.check.dateEmpty') };
      if (!isValidIsoDay(draft.value)) return { error: t('dossier.check.dateInvalid') };
      if (draft.value > today) return { error: t('dossier.check.dateFuture') };
      return { value: draft.value };
    case 'choice':
      if (answer.isMultiple) {
        return draft.choices.length > 0
          ? { value: [...draft.choices].sort() }
          : { error: t('dossier.check.chooseSome') };
      }
      return draft.value ? { value: draft.value } : { error: t('dossier.check.chooseOne') };
    case 'text': {
      const text = draft.value.trim();
      if (text === '') return { error: t('dossier.check.textEmpty') };
      if (text.length > maxTextAnswerLength)
        return { error: t('dossier.check.tooLong', { max: maxTextAnswerLength }) };
      return { value: text };
    }
  }
}

export type DraftResult = { input: AnswerInput; errors?: undefined } | { errors: FieldErrors };

/** The request body for a draft, or the errors to show at its fields. */
export function inputFromDraft(
  item: InstrumentItem,
  draft: AnswerDraft,
  options: { today: string; t: TFunction },
): DraftResult {
  const { today, t } = options;
  const errors: FieldErrors = {};
  const value: ValueResult = draftValue(item.answer, draft, today, t);
  if ('error' in value) errors.value = value.error;
  if (draft.evidence.trim().length > maxEvidence)
    errors.evidence = t('dossier.check.tooLong', { max: maxEvidence });
  if (draft.sourceDocument.trim().length > maxSourceDocument)
    errors.sourceDocument = t('dossier.check.tooLong', { max: maxSourceDocument });
  if (draft.sourceDate !== '') {
    if (!isValidIsoDay(draft.sourceDate)) errors.sourceDate = t('dossier.check.dateInvalid');
    else if (draft.sourceDate > today) errors.sourceDate = t('dossier.check.sourceDateFuture');
  }
  if (draft.timelineItemIds.length > maxLinks)
    errors.timelineItemIds = t('dossier.check.tooManyLinks', { max: maxLinks });
  if (Object.keys(errors).length > 0 || 'error' in value) return { errors };
  return {
    input: {
      value: value.value,
      evidence: draft.evidence.trim(),
      sourceDocument: draft.sourceDocument.trim() || null,
      sourceDate: draft.sourceDate || null,
      timelineItemIds: [...draft.timelineItemIds],
      version: draft.baseVersion,
    },
  };
}

/** A draft from a request body (after a conflict: the version chosen, on the current version). */
export function draftFromInput(item: InstrumentItem, input: AnswerInput): AnswerDraft {
  return {
    ...valueToDraft(item.answer, input.value),
    evidence: input.evidence,
    sourceDocument: input.sourceDocument ?? '',
    sourceDate: input.sourceDate ?? '',
    timelineItemIds: [...input.timelineItemIds],
    baseVersion: input.version,
  };
}
