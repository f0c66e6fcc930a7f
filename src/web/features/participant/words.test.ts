// The access log in plain sentences, and the fuzzy date behind "Wanneer was het?".
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import type { MyAccessEntry } from './api';
import { accessSentence, fuzzyDateOf } from './words';

const now = new Date('2026-06-01T12:00:00Z');
const entry = (fields: Partial<MyAccessEntry>): MyAccessEntry => ({
  at: '2026-03-03T13:05:00.000Z',
  who: 'Pieter',
  role: 'researcher',
  action: 'read',
  resourceType: 'timeline',
  outcome: 'success',
  ...fields,
});
const nl = i18n.getFixedT('nl');
const en = i18n.getFixedT('en');

describe('accessSentence', () => {
  it('tells who did what and when, in Dutch time', () => {
    expect(accessSentence(entry({}), nl, 'nl', { selfName: 'jongere', now })).toBe(
      'Op 3 maart om 14:05 heeft Pieter (onderzoeker) je tijdlijn bekeken.',
    );
    expect(
      accessSentence(entry({ resourceType: 'timeline_item', action: 'create' }), nl, 'nl', {
        selfName: null,
        now,
      }),
    ).toBe('Op 3 maart om 14:05 heeft Pieter (onderzoeker) iets op je tijdlijn gezet.');
  });

  it('says "jij" for the participant themselves and adds the year when it is not this year', () => {
    expect(
      accessSentence(
        entry({ who: 'jongere', role: 'participant', at: '2025-12-24T19:30:00Z' }),
        nl,
        'nl',
        { selfName: 'jongere', now },
      ),
    ).toBe('Op 24 december 2025 om 20:30 heb jij je tijdlijn bekeken.');
  });

  it('tells a refused attempt as something that did not happen', () => {
    expect(
      accessSentence(entry({ outcome: 'denied', resourceType: 'case' }), nl, 'nl', {
        selfName: null,
        now,
      }),
    ).toBe(
      'Op 3 maart om 14:05 wilde Pieter (onderzoeker) je casus bekijken. Dat mocht niet, dus het is niet gebeurd.',
    );
  });

  it('falls back to a general phrase for actions it has no words for', () => {
    expect(
      accessSentence(entry({ action: 'verify', role: null }), nl, 'nl', { selfName: null, now }),
    ).toBe('Op 3 maart om 14:05 heeft Pieter iets met je gegevens gedaan.');
  });

  it('speaks English too', () => {
    expect(accessSentence(entry({}), en, 'en', { selfName: null, now })).toBe(
      'On 3 March at 14:05 Pieter (researcher) looked at your timeline.',
    );
  });
});

describe('fuzzyDateOf', () => {
  const base = { choice: 'year', date: '', month: '', year: '', age: '' } as const;
  it('turns each choice into its fuzzy date', () => {
    expect(fuzzyDateOf({ ...base, choice: 'day', date: '2019-03-12' })).toEqual({
      precision: 'day',
      date: '2019-03-12',
    });
    expect(fuzzyDateOf({ ...base, choice: 'month', month: '3', year: '2019' })).toEqual({
      precision: 'month',
      year: 2019,
      month: 3,
    });
    expect(fuzzyDateOf({ ...base, year: ' 2018 ' })).toEqual({ precision: 'year', year: 2018 });
    expect(fuzzyDateOf({ ...base, choice: 'age', age: '8' })).toEqual({
      precision: 'age',
      age: 8,
    });
  });

  it('names what is missing or wrong', () => {
    expect(fuzzyDateOf({ ...base })).toBe('missingDate');
    expect(fuzzyDateOf({ ...base, year: '19' })).toBe('badYear');
    expect(fuzzyDateOf({ ...base, choice: 'age', age: 'acht' })).toBe('badAge');
    expect(fuzzyDateOf({ ...base, choice: 'day' })).toBe('missingDate');
  });
});
