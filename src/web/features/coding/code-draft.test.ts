// A code's form: what is checked before sending (a name, the server's lengths, a colour), the
// body sent (trimmed, no parent as null, the colour in lower case), and the colour a new
// top-level code starts with (the first one no live code has).
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { checkCodeDraft, emptyDraft, inputFromDraft, nextColor, palette } from './code-draft';
import { code } from './test-data';

const t = i18n.getFixedT('nl');

describe('a code’s form', () => {
  it('asks for a name, keeps to the lengths and wants a colour', () => {
    expect(checkCodeDraft(emptyDraft(), t)).toEqual({ name: 'Vul een naam in.' });
    expect(
      checkCodeDraft(
        { ...emptyDraft(), name: 'x'.repeat(201), definition: 'y'.repeat(4001), color: 'rood' },
        t,
      ),
    ).toEqual({
      name: 'Hoogstens 200 tekens.',
      definition: 'Hoogstens 4000 tekens.',
      color: 'Kies een kleur.',
    });
  });

  it('sends what was typed, trimmed, with no parent as null', () => {
    expect(inputFromDraft({ ...emptyDraft(), name: '  Overdracht ', color: '#2E7D32' })).toEqual({
      name: 'Overdracht',
      parentId: null,
      definition: '',
      inclusion: '',
      exclusion: '',
      color: '#2e7d32',
    });
  });

  it('gives a new top-level code the first colour no live code has', () => {
    expect(nextColor([])).toBe(palette[0]);
    expect(
      nextColor([
        code({ id: 'a', name: 'A', color: palette[0] }),
        code({ id: 'b', name: 'B', color: palette[1], archived: true }),
      ]),
    ).toBe(palette[1]);
    const all = palette.map((color, i) => code({ id: `c${i}`, name: `C${i}`, color }));
    expect(palette).toContain(nextColor(all));
  });
});
