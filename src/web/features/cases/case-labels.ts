// The codes of the cases feature as text, badges and select options, in the user's language:
// case status, participant kinds, consent purposes and gender.
import type { TFunction } from 'i18next';
import { caseStatuses, participantKinds } from '../../../shared/contract/cases';
import { consentPurposes } from '../../../shared/domain/consent';
import type { BadgeStatus } from '../../ui/StatusBadge';
import type { SelectOption } from '../../ui/SelectField';
import type { CaseStatus } from './api';

export type ParticipantKind = (typeof participantKinds)[number];
export const genders = ['female', 'male', 'other'] as const;
export type Gender = (typeof genders)[number];

/** A list of codes whose texts are `<prefix>.<code>` in the translations. */
function vocabulary<T extends string>(codes: readonly T[], prefix: string) {
  const text = (code: T, t: TFunction): string => t(`${prefix}.${code}`);
  return {
    text,
    options: (t: TFunction): SelectOption[] =>
      codes.map((code) => ({ value: code, label: text(code, t) })),
    is: (value: string): value is T => (codes as readonly string[]).includes(value),
  };
}

export const {
  text: statusText,
  options: statusOptions,
  is: isCaseStatus,
} = vocabulary(caseStatuses, 'caseStatus');
export const {
  text: kindText,
  options: kindOptions,
  is: isParticipantKind,
} = vocabulary(participantKinds, 'participantKind');
export const {
  text: purposeText,
  options: purposeOptions,
  is: isConsentPurpose,
} = vocabulary(consentPurposes, 'consentPurpose');
export const {
  text: genderText,
  options: genderOptions,
  is: isGender,
} = vocabulary(genders, 'gender');

export function statusBadge(status: CaseStatus): BadgeStatus {
  return status === 'closed' ? 'inactive' : status === 'analysed' ? 'success' : 'neutral';
}

/** "moeder (Ouder of verzorger)", but "jongere" rather than "jongere (Jongere)". */
export function participantName(
  participant: { kind: ParticipantKind; label: string },
  t: TFunction,
): string {
  const kind = kindText(participant.kind, t);
  return participant.label.toLocaleLowerCase() === kind.toLocaleLowerCase()
    ? participant.label
    : t('participants.name', { label: participant.label, kind });
}
