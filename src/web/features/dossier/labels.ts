// Words for what dossier research shows: an answer's value as a sentence part ("Deels",
// "3 maanden", "14 sep 2015", the choice's label), the progress of a section ("7 van 12
// beantwoord, 2 onbekend") and the names of an answer's fields.
import type { TFunction } from 'i18next';
import {
  ynpuValues,
  type AnswerType,
  type InstrumentItem,
  type YnpuValue,
} from '../../../shared/contract/instruments';
import type { AnswerValue } from '../../../shared/domain/dossier-answers';
import { formatDate } from '../../ui/format';
import type { AnswerField } from './answer-form';

export const isYnpu = (value: unknown): value is YnpuValue =>
  typeof value === 'string' && (ynpuValues as readonly string[]).includes(value);

export const ynpuText = (value: YnpuValue, t: TFunction) => t(`dossier.ynpu.${value}`);

function numberText(value: number, language: string) {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    maximumFractionDigits: 6,
  }).format(value);
}

/** An answer's value in words, as the item's answer type reads it. */
export function valueText(
  answer: AnswerType,
  value: AnswerValue | undefined,
  t: TFunction,
  language: string,
): string {
  if (value === null || value === undefined) return t('dossier.ynpu.unknown');
  switch (answer.type) {
    case 'ynpu':
      return isYnpu(value) ? ynpuText(value, t) : String(value);
    case 'number':
      return typeof value === 'number'
        ? [numberText(value, language), answer.unit].filter(Boolean).join(' ')
        : String(value);
    case 'date':
      return typeof value === 'string' ? formatDate(value, language) : String(value);
    case 'choice': {
      const codes = Array.isArray(value) ? value : [String(value)];
      const label = (code: string) => answer.options.find((o) => o.code === code)?.label ?? code;
      return codes.map(label).join(', ');
    }
    case 'text':
      return String(value);
  }
}

export type ProgressCounts = { answered: number; total: number; unknown: number };

/** "7 van 12 beantwoord, 2 onbekend" (the unknown part only when there are any). */
export function progressText(progress: ProgressCounts, t: TFunction): string {
  const answered = t('dossier.progress.answered', {
    answered: progress.answered,
    total: progress.total,
  });
  if (progress.unknown === 0) return answered;
  return t('dossier.progress.withUnknown', {
    answered,
    count: progress.unknown,
  });
}

export const fieldLabel = (field: AnswerField, t: TFunction) => t(`dossier.field.${field}`);

/** The limits of a number item in words: "in maanden, van 0 tot 240, een heel getal". */
export function numberHint(item: InstrumentItem, t: TFunction): string {
  const answer = item.answer;
  if (answer.type !== 'number') return '';
  const parts: string[] = [];
  if (answer.unit) parts.push(t('dossier.number.unit', { unit: answer.unit }));
  if (answer.min !== undefined && answer.max !== undefined)
    parts.push(t('dossier.number.between', { min: answer.min, max: answer.max }));
  else if (answer.min !== undefined) parts.push(t('dossier.number.min', { min: answer.min }));
  else if (answer.max !== undefined) parts.push(t('dossier.number.max', { max: answer.max }));
  if (answer.isInteger) parts.push(t('dossier.number.integer'));
  return parts.join(', ');
}
