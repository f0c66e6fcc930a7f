// The interview and coding screens' own texts: the same keys in Dutch and English, nothing
// empty, all under "interviews" (so merging them into the app's texts overwrites nothing), and a
// text for every code the screens show by a computed key (interview modes, transcript ways and
// formats, the two sides of a conflict).
import { describe, expect, it } from 'vitest';
import { interviewModes } from '../../../../shared/contract/coding';
import appEn from '../../../i18n/en.json';
import appNl from '../../../i18n/nl.json';
import { transcriptResultSchema } from '../api';
import en from './en.json';
import nl from './nl.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') keys.set(`${prefix}${key}`, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) keys.set(k, v);
  }
  return keys;
}

const nlKeys = flatten(nl);
const enKeys = flatten(en);

describe('interview and coding translations', () => {
  it('has every Dutch key in English and every English key in Dutch', () => {
    expect(
      [...nlKeys.keys()].filter((key) => !enKeys.has(key)),
      'missing in en.json',
    ).toEqual([]);
    expect(
      [...enKeys.keys()].filter((key) => !nlKeys.has(key)),
      'missing in nl.json',
    ).toEqual([]);
  });

  it('has no empty texts', () => {
    expect([...nlKeys, ...enKeys].filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it('keeps everything under "interviews", which the app’s own files do not use', () => {
    expect(Object.keys(nl)).toEqual(['interviews']);
    expect(Object.keys(en)).toEqual(['interviews']);
    expect(Object.keys(appNl)).not.toContain('interviews');
    expect(Object.keys(appEn)).not.toContain('interviews');
  });

  it('has a text for every code the screens translate', () => {
    const dynamic = [
      ...interviewModes.map((mode) => `interviews.mode.${mode}`),
      ...['paste', 'file', 'later'].map((way) => `interviews.transcript.ways.${way}`),
      ...transcriptResultSchema.shape.format.options.map(
        (format) => `interviews.transcript.format.${format}`,
      ),
      ...['yours', 'current'].map((side) => `interviews.conflict.${side}`),
      ...['important', 'notImportant', 'quote', 'notQuote', 'undone', 'redone'].map(
        (key) => `interviews.undo.${key}`,
      ),
    ];
    expect(dynamic.filter((key) => !nlKeys.has(key) || !enKeys.has(key))).toEqual([]);
  });

  it('gives every counted text both plural forms', () => {
    const missing = [...nlKeys.keys(), ...enKeys.keys()]
      .filter((key) => key.endsWith('_one') || key.endsWith('_other'))
      .map((key) => key.replace(/_(one|other)$/, ''))
      .filter(
        (base) =>
          !nlKeys.has(`${base}_one`) ||
          !nlKeys.has(`${base}_other`) ||
          !enKeys.has(`${base}_one`) ||
          !enKeys.has(`${base}_other`),
      );
    expect(missing).toEqual([]);
  });
});
