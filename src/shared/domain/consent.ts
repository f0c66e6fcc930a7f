// Who must consent, by the youth's age (Dutch rules for youth care research: under 12 the
// parents with parental authority; 12 to 15 both the youth and those parents; 16 and older the
// youth alone), and which consents for a purpose are still missing, with the reason in words.
// Only a birth year is stored (never a date of birth), so the age on a day is a range of two
// years; when that range straddles a boundary, the stricter rule of both applies.

export const consentPurposes = ['interview', 'recording', 'dossier', 'quotes', 'meeting'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

export type ConsentParticipant = {
  id: string;
  kind: 'youth' | 'parent' | 'main_practitioner' | 'other_professional' | 'network';
  label: string;
  hasAuthority: boolean;
};

export type ConsentRecord = {
  participantId: string;
  purpose: ConsentPurpose;
  /** Who gave it: the participant themselves, or a legal representative on their behalf. */
  givenBy: 'self' | 'legal_representative';
  representativeId: string | null;
  withdrawnOn: string | null;
};

export type AgeRange = { min: number; max: number };

/** The youth's possible ages on a day when only the birth year is known. */
export function ageRange(birthYear: number, on: Date): AgeRange {
  const years = on.getUTCFullYear() - birthYear;
  return { min: Math.max(0, years - 1), max: years };
}

export type ConsentRule = { needsYouth: boolean; needsParents: boolean };

function ruleForAge(age: number): ConsentRule {
  if (age < 12) return { needsYouth: false, needsParents: true };
  if (age < 16) return { needsYouth: true, needsParents: true };
  return { needsYouth: true, needsParents: false };
}

/** The rule for a case: the union of the rules for every age the youth may have. */
export function consentRule(range: AgeRange): ConsentRule {
  const low = ruleForAge(range.min);
  const high = ruleForAge(range.max);
  return {
    needsYouth: low.needsYouth || high.needsYouth,
    needsParents: low.needsParents || high.needsParents,
  };
}

export type MissingConsent = { participantId: string | null; label: string; reason: string };

const isActive = (c: ConsentRecord) => c.withdrawnOn === null;

/**
 * For one participant and purpose: whose consent is required on the youth's side, and which of
 * those are missing. A professional or network member always consents for themselves.
 */
export function missingConsents(params: {
  participant: ConsentParticipant;
  purpose: ConsentPurpose;
  participants: readonly ConsentParticipant[];
  consents: readonly ConsentRecord[];
  birthYear: number;
  on: Date;
}): MissingConsent[] {
  const { participant, purpose, participants, consents, birthYear, on } = params;
  const given = consents.filter((c) => c.purpose === purpose && isActive(c));
  const hasOwn = given.some((c) => c.participantId === participant.id && c.givenBy === 'self');
  if (participant.kind !== 'youth') {
    return hasOwn
      ? []
      : [
          {
            participantId: participant.id,
            label: participant.label,
            reason: `${participant.label} heeft zelf nog geen toestemming gegeven.`,
          },
        ];
  }
  const rule = consentRule(ageRange(birthYear, on));
  const missing: MissingConsent[] = [];
  const ageText =
    rule.needsYouth && rule.needsParents
      ? 'tussen 12 en 16'
      : rule.needsYouth
        ? '16 of ouder'
        : 'jonger dan 12';
  if (rule.needsYouth && !hasOwn) {
    missing.push({
      participantId: participant.id,
      label: participant.label,
      reason: `De jongere is ${ageText} en moet zelf toestemming geven.`,
    });
  }
  if (rule.needsParents) {
    const parents = participants.filter((p) => p.kind === 'parent' && p.hasAuthority);
    if (parents.length === 0) {
      missing.push({
        participantId: null,
        label: 'ouder met gezag',
        reason: `De jongere is ${ageText}: een ouder of voogd met gezag moet toestemming geven, maar die staat nog niet bij de deelnemers.`,
      });
    }
    for (const parent of parents) {
      const hasParentConsent = given.some(
        (c) =>
          c.participantId === participant.id &&
          c.givenBy === 'legal_representative' &&
          c.representativeId === parent.id,
      );
      if (!hasParentConsent) {
        missing.push({
          participantId: parent.id,
          label: parent.label,
          reason: `De jongere is ${ageText}: ${parent.label} (met gezag) moet namens de jongere toestemming geven.`,
        });
      }
    }
  }
  return missing;
}

/** Whether the participant's data may be used for the purpose: nothing is missing. */
export function hasConsent(params: Parameters<typeof missingConsents>[0]): boolean {
  return missingConsents(params).length === 0;
}
