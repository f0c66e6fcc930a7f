// The consent of one participant per purpose, as the case page shows it: the consents recorded
// (still valid or withdrawn), what is still missing with the reason in plain words, and an
// overall state. The rules themselves are the shared domain's; the server sends what is missing.
import type { TFunction } from 'i18next';
import type { CaseDetail } from '../../../shared/contract/cases';
import { ageRange, consentPurposes, type ConsentPurpose } from '../../../shared/domain/consent';
import type { BadgeStatus } from '../../ui/StatusBadge';

export type Participant = CaseDetail['participants'][number];
export type Consent = CaseDetail['consents'][number];
export type MissingEntry = CaseDetail['missingConsents'][number]['missing'][number];

export const consentStates = ['complete', 'partial', 'missing'] as const;
export type ConsentState = (typeof consentStates)[number];

export type ConsentCell = {
  purpose: ConsentPurpose;
  /** Every consent recorded for this participant and purpose, valid ones first. */
  consents: Consent[];
  missing: MissingEntry[];
  state: ConsentState;
};

export function consentCells(detail: CaseDetail, participantId: string): ConsentCell[] {
  return consentPurposes.map((purpose) => {
    const consents = detail.consents
      .filter((c) => c.participantId === participantId && c.purpose === purpose)
      .sort((a, b) => Number(a.withdrawnOn !== null) - Number(b.withdrawnOn !== null));
    const missing =
      detail.missingConsents.find((m) => m.participantId === participantId && m.purpose === purpose)
        ?.missing ?? [];
    const hasValid = consents.some((c) => c.withdrawnOn === null);
    const state: ConsentState =
      missing.length === 0 ? 'complete' : hasValid ? 'partial' : 'missing';
    return { purpose, consents, missing, state };
  });
}

export function stateBadge(state: ConsentState): BadgeStatus {
  return state === 'complete' ? 'success' : state === 'partial' ? 'warning' : 'danger';
}

/**
 * "Nog nodig: toestemming van moeder (ouder met gezag), omdat de jongere jonger is dan 16."
 * Only the birth year is known, so near a boundary the youth's age is uncertain; the text
 * then says "misschien", as the stricter rule applies.
 */
export function missingText(
  entry: MissingEntry,
  participant: Participant,
  birthYear: number,
  t: TFunction,
  now = new Date(),
): string {
  if (participant.kind !== 'youth') {
    return t('consentMissing.self', { label: participant.label });
  }
  const age = ageRange(birthYear, now);
  if (entry.participantId === participant.id) {
    const because = t(age.min >= 12 ? 'consentBecause.over12' : 'consentBecause.maybeOver12');
    return t('consentMissing.youth', { label: participant.label, because });
  }
  const because = t(age.max < 16 ? 'consentBecause.under16' : 'consentBecause.maybeUnder16');
  if (entry.participantId === null) return t('consentMissing.noParent', { because });
  return t('consentMissing.parent', { label: entry.label, because });
}

/** Who gave a consent: the participant themselves, or the parent who represents them. */
export function givenByText(
  consent: Consent,
  participant: Participant,
  participants: readonly Participant[],
  t: TFunction,
): string {
  if (consent.givenBy === 'self') return t('consent.bySelf', { label: participant.label });
  const representative = participants.find((p) => p.id === consent.representativeId);
  return t('consent.byRepresentative', { label: representative?.label ?? '?' });
}
