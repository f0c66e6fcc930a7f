import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ageRange,
  consentRule,
  hasConsent,
  missingConsents,
  type ConsentParticipant,
  type ConsentRecord,
} from './consent';

const youth: ConsentParticipant = { id: 'y', kind: 'youth', label: 'jongere', hasAuthority: false };
const mother: ConsentParticipant = { id: 'm', kind: 'parent', label: 'moeder', hasAuthority: true };
const father: ConsentParticipant = { id: 'f', kind: 'parent', label: 'vader', hasAuthority: false };
const mentor: ConsentParticipant = {
  id: 'n',
  kind: 'network',
  label: 'mentor',
  hasAuthority: false,
};
const on = new Date('2026-06-01T00:00:00Z');
const self = (participantId: string, withdrawnOn: string | null = null): ConsentRecord => ({
  participantId,
  purpose: 'interview',
  givenBy: 'self',
  representativeId: null,
  withdrawnOn,
});
const byParent = (parentId: string): ConsentRecord => ({
  participantId: 'y',
  purpose: 'interview',
  givenBy: 'legal_representative',
  representativeId: parentId,
  withdrawnOn: null,
});
const check = (
  birthYear: number,
  consents: ConsentRecord[],
  participants = [youth, mother, father],
) =>
  missingConsents({
    participant: youth,
    purpose: 'interview',
    participants,
    consents,
    birthYear,
    on,
  });

describe('consent by age', () => {
  it('asks the parents with authority, not the youth, under 12', () => {
    expect(check(2016, []).map((m) => m.label)).toEqual(['moeder']);
    expect(check(2016, [byParent('m')])).toEqual([]);
  });

  it('asks both the youth and the parents with authority from 12 to 15', () => {
    expect(
      check(2012, [])
        .map((m) => m.label)
        .sort(),
    ).toEqual(['jongere', 'moeder']);
    expect(check(2012, [self('y')]).map((m) => m.label)).toEqual(['moeder']);
    expect(check(2012, [self('y'), byParent('m')])).toEqual([]);
  });

  it('asks only the youth from 16', () => {
    expect(check(2008, [byParent('m')]).map((m) => m.label)).toEqual(['jongere']);
    expect(check(2008, [self('y')])).toEqual([]);
  });

  it('applies the stricter rule when the birth year leaves the age on either side of a boundary', () => {
    // Born in 2014: on 1 June 2026 the youth is 11 or 12.
    expect(ageRange(2014, on)).toEqual({ min: 11, max: 12 });
    expect(consentRule(ageRange(2014, on))).toEqual({ needsYouth: true, needsParents: true });
    // Born in 2010: 15 or 16.
    expect(consentRule(ageRange(2010, on))).toEqual({ needsYouth: true, needsParents: true });
  });

  it('says when no parent with authority is known yet', () => {
    const missing = check(2016, [], [youth, father]);
    expect(missing).toEqual([
      expect.objectContaining({ participantId: null, label: 'ouder met gezag' }),
    ]);
    expect(missing[0]!.reason).toMatch(/jonger dan 12/);
  });

  it('treats a withdrawn consent as no consent', () => {
    expect(check(2008, [self('y', '2026-05-01')]).map((m) => m.label)).toEqual(['jongere']);
  });

  it('lets professionals and network members consent only for themselves', () => {
    const forMentor = (consents: ConsentRecord[]) =>
      missingConsents({
        participant: mentor,
        purpose: 'interview',
        participants: [youth, mentor],
        consents,
        birthYear: 2012,
        on,
      });
    expect(forMentor([])).toHaveLength(1);
    expect(forMentor([self('n')])).toEqual([]);
  });

  it('never grants consent for a purpose from consents for another purpose', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2025 }), (birthYear) => {
        const other = [self('y'), byParent('m')].map((c) => ({
          ...c,
          purpose: 'recording' as const,
        }));
        expect(
          hasConsent({
            participant: youth,
            purpose: 'interview',
            participants: [youth, mother],
            consents: other,
            birthYear,
            on,
          }),
        ).toBe(false);
      }),
    );
  });

  it('always requires someone, and more consents never make it stricter', () => {
    const record = fc.record({
      participantId: fc.constantFrom('y', 'm', 'f'),
      purpose: fc.constant('interview' as const),
      givenBy: fc.constantFrom('self' as const, 'legal_representative' as const),
      representativeId: fc.constantFrom(null, 'm', 'f'),
      withdrawnOn: fc.constantFrom(null, '2026-01-01'),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2026 }),
        fc.array(record, { maxLength: 6 }),
        record,
        (birthYear, consents, extra) => {
          expect(check(birthYear, []).length).toBeGreaterThan(0);
          expect(check(birthYear, [...consents, extra]).length).toBeLessThanOrEqual(
            check(birthYear, consents).length,
          );
        },
      ),
    );
  });
});
