// The words for what consent is missing: whose consent, and why by the youth's age — with
// "misschien" where the birth year alone cannot tell on which side of 12 or 16 the youth is.
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { missingText, type Participant } from './consent-cells';

const t = i18n.getFixedT('nl');
const youth: Participant = { id: 'y', kind: 'youth', label: 'jongere', hasAuthority: false };
const mentor: Participant = { id: 'm', kind: 'network', label: 'mentor', hasAuthority: false };
const on = new Date('2026-03-01T12:00:00Z');
const parentEntry = { participantId: 'p', label: 'moeder', reason: '' };
const selfEntry = { participantId: 'y', label: 'jongere', reason: '' };

describe('missingText', () => {
  it('names the parent with authority and the age rule', () => {
    expect(missingText(parentEntry, youth, 2013, t, on)).toBe(
      'Nog nodig: toestemming van moeder (ouder met gezag), omdat de jongere jonger is dan 16.',
    );
    expect(missingText(selfEntry, youth, 2013, t, on)).toBe(
      'Nog nodig: toestemming van de jongere zelf (jongere), omdat de jongere 12 jaar of ouder is.',
    );
  });

  it('says "misschien" when the youth may be on either side of a boundary', () => {
    // Born in 2010: 15 or 16 on 1 March 2026.
    expect(missingText(parentEntry, youth, 2010, t, on)).toContain(
      'omdat de jongere misschien nog geen 16 is',
    );
    // Born in 2014: 11 or 12.
    expect(missingText(selfEntry, youth, 2014, t, on)).toContain(
      'omdat de jongere misschien al 12 is',
    );
  });

  it('asks for a parent when none with authority is known', () => {
    expect(missingText({ participantId: null, label: '', reason: '' }, youth, 2018, t, on)).toBe(
      'Nog nodig: toestemming van een ouder of voogd met gezag, omdat de jongere jonger is dan 16. Voeg die eerst toe bij Deelnemers.',
    );
  });

  it('asks anyone else for their own consent', () => {
    expect(
      missingText({ participantId: 'm', label: 'mentor', reason: '' }, mentor, 2013, t, on),
    ).toBe('Nog nodig: toestemming van mentor zelf.');
  });
});
