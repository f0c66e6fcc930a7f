// The answer form's logic: a draft from an answer and back, what counts as a change, and the
// checks made before sending (with the words the researcher sees), plus the progress sentence.
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import type { InstrumentItem } from '../../../shared/contract/instruments';
import {
  draftFromAnswer,
  inputFromDraft,
  isDraftChanged,
  parseNumber,
  type AnswerDraft,
} from './answer-form';
import { progressText, valueText } from './labels';
import { answer, content, firstAnswer, ids } from './test-data';

const t = i18n.getFixedT('nl');
const items = new Map(content.sections.flatMap((s) => s.items).map((i) => [i.key, i]));
const itemOf = (key: string) => items.get(key) as InstrumentItem;
const today = '2026-06-01';
const check = (key: string, patch: Partial<AnswerDraft>) =>
  inputFromDraft(
    itemOf(key),
    { ...draftFromAnswer(itemOf(key), undefined), ...patch },
    {
      today,
      t,
    },
  );

describe('the answer form', () => {
  it('starts from the saved answer, without links to items deleted from the timeline', () => {
    const saved = answer({
      itemKey: 'uithuisplaatsing_onderbouwd',
      value: 'partly',
      version: 3,
      timelineLinks: [
        { timelineItemId: ids.placement, title: 'Pleeggezin A', lane: 'living', isDeleted: false },
        { timelineItemId: ids.diagnosis, title: 'Oud', lane: 'diagnosis', isDeleted: true },
      ],
    });
    const draft = draftFromAnswer(itemOf('uithuisplaatsing_onderbouwd'), saved);
    expect(draft).toMatchObject({
      value: 'partly',
      timelineItemIds: [ids.placement],
      baseVersion: 3,
    });
    expect(isDraftChanged(draft, { ...draft })).toBe(false);
    expect(isDraftChanged({ ...draft, evidence: 'Nieuw citaat' }, draft)).toBe(true);
    expect(isDraftChanged({ ...draft, timelineItemIds: [] }, draft)).toBe(true);
  });

  it('sends a ja/deels/nee answer with its evidence and source, on the version it started from', () => {
    const draft = draftFromAnswer(itemOf('hulpvraag_in_dossier'), firstAnswer);
    const result = inputFromDraft(
      itemOf('hulpvraag_in_dossier'),
      { ...draft, value: 'partly', evidence: '  "Thuis is geen optie meer."  ' },
      { today, t },
    );
    expect(result).toEqual({
      input: {
        value: 'partly',
        evidence: '"Thuis is geen optie meer."',
        sourceDocument: 'Aanmeldformulier',
        sourceDate: '2015-09-14',
        timelineItemIds: [],
        version: 1,
      },
    });
  });

  it('reads numbers the Dutch way and keeps them within the item’s limits', () => {
    expect(parseNumber('2,5')).toBe(2.5);
    expect(parseNumber(' 12 ')).toBe(12);
    expect(parseNumber('twaalf')).toBeNull();
    expect(check('maanden_zonder_school', { value: '7' })).toMatchObject({ input: { value: 7 } });
    expect(check('maanden_zonder_school', { value: '2,5' }).errors).toEqual({
      value: 'Vul een heel getal in.',
    });
    expect(check('maanden_zonder_school', { value: '300' }).errors).toEqual({
      value: 'Vul een getal van hoogstens 240 in.',
    });
    expect(check('maanden_zonder_school', { value: '' }).errors).toEqual({
      value: 'Vul een getal in, of vink onbekend aan.',
    });
  });

  it('sends null for onbekend, whatever was typed before', () => {
    expect(check('maanden_zonder_school', { value: 'veel', isUnknown: true })).toMatchObject({
      input: { value: null },
    });
    expect(check('wat_hielp', { isUnknown: true })).toMatchObject({ input: { value: null } });
  });

  it('asks for a choice, a date not in the future and a text', () => {
    expect(check('hulpvraag_in_dossier', {}).errors).toEqual({
      value: 'Kies ja, deels, nee, onbekend of niet van toepassing.',
    });
    expect(check('hulpvraag_soort', {}).errors?.value).toBe(
      'Kies een van de keuzes, of vink onbekend aan.',
    );
    expect(check('betrokken', { choices: ['wijkteam', 'school'] })).toMatchObject({
      input: { value: ['school', 'wijkteam'] },
    });
    expect(check('eerste_aanmelding', { value: '2026-06-02' }).errors?.value).toBe(
      'De datum ligt in de toekomst.',
    );
    expect(check('wat_hielp', { value: '   ' }).errors?.value).toBe(
      'Vul een antwoord in, of vink onbekend aan.',
    );
    expect(
      check('hulpvraag_in_dossier', { value: 'yes', sourceDate: '2027-01-01' }).errors,
    ).toEqual({ sourceDate: 'De datum van het document ligt in de toekomst.' });
  });

  it('says values in words', () => {
    const en = i18n.getFixedT('en');
    expect(valueText(itemOf('hulpvraag_in_dossier').answer, 'not_applicable', t, 'nl')).toBe(
      'Niet van toepassing',
    );
    expect(valueText(itemOf('maanden_zonder_school').answer, 3, t, 'nl')).toBe('3 maanden');
    expect(valueText(itemOf('betrokken').answer, ['school', 'wijkteam'], t, 'nl')).toBe(
      'School, Wijkteam',
    );
    expect(valueText(itemOf('wat_hielp').answer, null, en, 'en')).toBe('Unknown');
  });
});

describe('the progress sentence', () => {
  it('counts the answered items and names the unknown ones apart', () => {
    expect(progressText({ answered: 7, total: 12, unknown: 2 }, t)).toBe(
      '7 van 12 beantwoord, 2 onbekend',
    );
    expect(progressText({ answered: 7, total: 12, unknown: 0 }, t)).toBe('7 van 12 beantwoord');
    expect(progressText({ answered: 1, total: 3, unknown: 1 }, i18n.getFixedT('en'))).toBe(
      '1 of 3 answered, 1 unknown',
    );
  });
});
