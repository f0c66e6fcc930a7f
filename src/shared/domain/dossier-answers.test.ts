import { describe, expect, it } from 'vitest';
import { instrumentContentSchema, type AnswerType } from '../contract/instruments';
import { checkAnswerValue, dossierProgress } from './dossier-answers';
import { answerTypeChanges } from './instrument-keys';

const today = '2026-06-01';
const check = (answer: AnswerType, value: unknown) => checkAnswerValue(answer, value, today);

describe('an answer value, checked against its item', () => {
  it('takes the five ynpu answers and nothing else', () => {
    for (const value of ['yes', 'partly', 'no', 'unknown', 'not_applicable'])
      expect(check({ type: 'ynpu' }, value).isValid).toBe(true);
    for (const value of ['ja', 1, true, ['yes']])
      expect(check({ type: 'ynpu' }, value).isValid).toBe(false);
  });

  it('keeps numbers within the item’s bounds, whole when it says so', () => {
    const months: AnswerType = { type: 'number', min: 0, max: 240, isInteger: true };
    expect(check(months, 12)).toEqual({ isValid: true, value: 12 });
    for (const value of [-1, 241, 2.5, '12', Number.NaN])
      expect(check(months, value).isValid, String(value)).toBe(false);
    expect(check({ type: 'number', isInteger: false }, 2.5).isValid).toBe(true);
  });

  it('takes existing days up to today', () => {
    expect(check({ type: 'date' }, today).isValid).toBe(true);
    for (const value of ['2026-06-02', '2019-02-30', '1-1-2019', 20190101])
      expect(check({ type: 'date' }, value).isValid, String(value)).toBe(false);
  });

  it('takes a listed choice, or several distinct ones (sorted) when the item allows', () => {
    const options = [
      { code: 'a', label: 'A' },
      { code: 'b', label: 'B' },
    ];
    expect(check({ type: 'choice', options, isMultiple: false }, 'b').isValid).toBe(true);
    expect(check({ type: 'choice', options, isMultiple: false }, ['b']).isValid).toBe(false);
    expect(check({ type: 'choice', options, isMultiple: false }, 'c').isValid).toBe(false);
    expect(check({ type: 'choice', options, isMultiple: true }, ['b', 'a'])).toEqual({
      isValid: true,
      value: ['a', 'b'],
    });
    expect(check({ type: 'choice', options, isMultiple: true }, ['a', 'a']).isValid).toBe(false);
    expect(check({ type: 'choice', options, isMultiple: true }, []).isValid).toBe(false);
  });

  it('trims text and refuses an empty one; null is "onbekend" for every type', () => {
    expect(check({ type: 'text' }, '  gezien  ')).toEqual({ isValid: true, value: 'gezien' });
    expect(check({ type: 'text' }, '   ').isValid).toBe(false);
    expect(check({ type: 'text' }, 'x'.repeat(4001)).isValid).toBe(false);
    for (const type of ['ynpu', 'date', 'text'] as const)
      expect(check({ type }, null)).toEqual({ isValid: true, value: null });
  });
});

const content = instrumentContentSchema.parse({
  title: 'Test',
  sections: [
    {
      key: 'a',
      title: 'A',
      items: [
        { key: 'a1', question: 'Vraag 1', answer: { type: 'ynpu' } },
        { key: 'a2', question: 'Vraag 2', answer: { type: 'text' } },
      ],
    },
    { key: 'b', title: 'B', items: [{ key: 'b1', question: 'Vraag 3', answer: { type: 'date' } }] },
  ],
});

describe('progress of a review', () => {
  it('counts answered items per section, unknown ones included and flagged', () => {
    const progress = dossierProgress(content, [
      { itemKey: 'a1', value: 'unknown' },
      { itemKey: 'a2', value: 'gezien' },
      { itemKey: 'b1', value: null },
      { itemKey: 'elders', value: 'yes' },
    ]);
    expect(progress).toEqual({
      answered: 3,
      total: 3,
      unknown: 2,
      sections: [
        { key: 'a', title: 'A', answered: 2, total: 2, unknown: 1 },
        { key: 'b', title: 'B', answered: 1, total: 1, unknown: 1 },
      ],
    });
  });
});

describe('item keys across versions', () => {
  it('names an item whose key changed its answer type since a published version', () => {
    const changed = structuredClone(content);
    changed.sections[1]!.items[0]!.answer = { type: 'text' };
    expect(answerTypeChanges(changed, [{ number: 1, content }])).toEqual([
      { path: 'content.sections.1.items.0.answer.type', message: expect.stringContaining('b1') },
    ]);
    expect(answerTypeChanges(content, [{ number: 1, content }])).toEqual([]);
  });
});

describe('the content schema', () => {
  it('refuses duplicate keys and duplicate choice codes, naming where', () => {
    const result = instrumentContentSchema.safeParse({
      title: 'Test',
      sections: [
        {
          key: 'a',
          title: 'A',
          items: [
            { key: 'x', question: 'Vraag', answer: { type: 'ynpu' } },
            {
              key: 'x',
              question: 'Vraag',
              answer: {
                type: 'choice',
                options: [
                  { code: 'p', label: 'P' },
                  { code: 'p', label: 'Q' },
                ],
              },
            },
          ],
        },
        { key: 'a', title: 'B', items: [{ key: 'y', question: 'V', answer: { type: 'date' } }] },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'sections.0.items.1.key',
      'sections.0.items.1.answer.options.1.code',
      'sections.1.key',
    ]);
  });
});
