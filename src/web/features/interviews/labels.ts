// Words and numbers of the interview and coding screens: how an interview is held, whose
// perspective a text speaks from, an interview's title, short previews of a fragment, numbers,
// percentages and kappa the Dutch or English way, and the sentence for a refused transcript.
import type { TFunction } from 'i18next';
import type { Interview, InterviewMode, Perspective } from '../../../shared/contract/coding';
import { isApiError } from '../../app/api';

export const modeText = (mode: InterviewMode, t: TFunction) => t(`interviews.mode.${mode}`);
export const perspectiveText = (perspective: Perspective, t: TFunction) =>
  t(`participantKind.${perspective}`);

/** "jongere (Jongere)" reads double: then only "Jongere". */
export function participantText(
  interview: Pick<Interview, 'participantLabel' | 'perspective'>,
  t: TFunction,
): string {
  const kind = perspectiveText(interview.perspective, t);
  return interview.participantLabel.trim().toLowerCase() === kind.toLowerCase()
    ? kind
    : `${interview.participantLabel} (${kind})`;
}

function locale(language: string): string {
  return language === 'en' ? 'en-GB' : 'nl-NL';
}

export function numberText(value: number, language: string): string {
  return new Intl.NumberFormat(locale(language)).format(value);
}

/** A fraction as a percentage with at most one decimal: 0.9234 → "92,3%". */
export function percentText(fraction: number, language: string): string {
  return new Intl.NumberFormat(locale(language), {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(fraction);
}

/** Cohen's kappa with two decimals ("0,71"), or "—" when it cannot be computed. */
export function kappaText(kappa: number | null, language: string): string {
  if (kappa === null) return '—';
  return new Intl.NumberFormat(locale(language), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(kappa);
}

/** The start of a fragment, cut at a word, for a sentence or a label: "Ik wilde niet …". */
export function preview(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  if (chars.length <= max) return flat;
  const cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** 1-based positions for people: code points [12, 25) are "teken 13 tot en met 25". */
export function positionText(start: number, end: number, t: TFunction, language: string): string {
  return t('interviews.coding.positions', {
    from: numberText(start + 1, language),
    to: numberText(end, language),
  });
}

/**
 * Why a transcript was refused. The server explains in Dutch (a PDF, a photo, a file that is
 * too large, a text that is already coded); in English the reason by kind.
 */
export function transcriptErrorText(error: unknown, t: TFunction, language: string): string {
  if (!isApiError(error)) return t('errors.UNKNOWN');
  if (language === 'nl' && error.message) return error.message;
  if (error.code === 'INVALID_INPUT') return t('interviews.transcript.refused');
  if (error.code === 'PAYLOAD_TOO_LARGE') return t('interviews.transcript.tooLarge');
  if (error.code === 'CONFLICT') return t('interviews.transcript.alreadyCoded');
  return t(`errors.${error.code}`);
}
