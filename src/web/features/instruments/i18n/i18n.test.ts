// The instrument screens' own texts: the same keys in Dutch and English, nothing empty, all
// under "instruments" (so merging them into the app's texts overwrites nothing), and a text for
// every code the screens show by a computed key (kinds, answer types, lanes, the names in an
// import error's path, the fields a conflict compares, the required-field messages).
import { describe, expect, it } from 'vitest';
import { answerTypes, instrumentKinds } from '../../../../shared/contract/instruments';
import { timelineLanes } from '../../../../shared/domain/timeline';
import appEn from '../../../i18n/en.json';
import appNl from '../../../i18n/nl.json';
import { pathFields } from '../labels';
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

describe('instrument translations', () => {
  it('has every Dutch key in English and every English key in Dutch', () => {
    expect([...nlKeys.keys()].filter((key) => !enKeys.has(key))).toEqual([]);
    expect([...enKeys.keys()].filter((key) => !nlKeys.has(key))).toEqual([]);
  });

  it('has no empty texts', () => {
    expect([...nlKeys, ...enKeys].filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it('keeps everything under "instruments", which the app’s own files do not use', () => {
    expect(Object.keys(nl)).toEqual(['instruments']);
    expect(Object.keys(en)).toEqual(['instruments']);
    expect(Object.keys(appNl)).not.toContain('instruments');
    expect(Object.keys(appEn)).not.toContain('instruments');
  });

  it('has a text for every code the screens translate', () => {
    const dynamic = [
      ...instrumentKinds.map((kind) => `instruments.kind.${kind}`),
      ...answerTypes.map((type) => `instruments.answerType.${type}`),
      ...timelineLanes.map((lane) => `instruments.lane.${lane}`),
      ...pathFields.map((field) => `instruments.path.field.${field}`),
      ...['question', 'help', 'answer', 'options', 'guideline', 'lanes', 'sectionOf'].map(
        (field) => `instruments.conflict.${field}`,
      ),
      ...['instrumentTitle', 'sectionTitle', 'question', 'label', 'key', 'code'].map(
        (field) => `instruments.validation.required.${field}`,
      ),
    ];
    expect(dynamic.filter((key) => !nlKeys.has(key) || !enKeys.has(key))).toEqual([]);
  });
});
