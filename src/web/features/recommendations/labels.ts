// Words and badge colours for review states and verdicts, and the colour of each stakeholder
// group in the samenhang graph (the legend and the text alternative name the group as well, so
// colour is never the only cue).
import type { TFunction } from 'i18next';
import type { ReviewState, ReviewVerdict } from '../../../shared/contract/recommendations';
import type { BadgeStatus } from '../../ui/StatusBadge';

export const stateBadge: Record<ReviewState, BadgeStatus> = {
  draft: 'neutral',
  in_review: 'warning',
  changes_requested: 'danger',
  approved: 'success',
  published: 'success',
  withdrawn: 'inactive',
};

export function stateText(state: ReviewState, t: TFunction): string {
  return t(`recommendations.stateName.${state}`);
}

export function verdictText(verdict: ReviewVerdict, t: TFunction): string {
  return t(`recommendations.verdict.${verdict}`);
}

/** Colour-blind-safe palette (Okabe–Ito, darkened where needed for contrast on white). */
export const groupColours = [
  '#0072B2',
  '#B35806',
  '#007A5E',
  '#AA3377',
  '#5E4FA2',
  '#8C6D00',
  '#444444',
  '#CC3311',
];

export const groupColour = (index: number): string =>
  groupColours[index % groupColours.length] ?? '#444444';
