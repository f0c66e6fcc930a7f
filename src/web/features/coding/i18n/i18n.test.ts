// The coding screens' own texts: the same keys in Dutch and English, nothing empty, all under
// "coding" (so merging them into the app's texts overwrites nothing), and a text for every code
// the screens show by a computed key (perspectives, kinds of text, history changes and fields,
// the views, the import kinds, how a coder was mapped, both sides of a conflict).
import { describe, expect, it } from 'vitest';
import { importReportSchema, perspectives, sourceKinds } from '../../../../shared/contract/coding';
import appEn from '../../../i18n/en.json';
import appNl from '../../../i18n/nl.json';
import { codeChanges, historyFields } from '../labels';
import { crossCaseViews } from '../useCrossCaseParams';
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

describe('coding translations', () => {
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

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    expect(
      [...nlKeys].filter(
        ([key, text]) =>
          JSON.stringify(placeholders(text)) !==
          JSON.stringify(placeholders(enKeys.get(key) ?? '')),
      ),
    ).toEqual([]);
  });

  it('keeps everything under "coding", which the app’s own files do not use', () => {
    expect(Object.keys(nl)).toEqual(['coding']);
    expect(Object.keys(en)).toEqual(['coding']);
    expect(Object.keys(appNl)).not.toContain('coding');
    expect(Object.keys(appEn)).not.toContain('coding');
  });

  it('has a text for every code the screens translate', () => {
    const mappedTo = importReportSchema.shape.users.element.shape.mappedTo.options;
    const dynamic = [
      ...perspectives.map((p) => `coding.perspective.${p}`),
      ...sourceKinds.map((k) => `coding.sourceKind.${k}`),
      ...codeChanges.map((c) => `coding.history.change.${c}`),
      ...historyFields.map((f) => `coding.history.field.${f}`),
      ...crossCaseViews.map((v) => `coding.crossCase.view.${v}`),
      ...['project', 'codebook'].flatMap((kind) =>
        ['title', 'intro', 'file', 'fileHint', 'submit'].map((k) => `coding.import.${kind}.${k}`),
      ),
      ...mappedTo.map((m) => `coding.report.mappedTo.${m}`),
      ...['yours', 'current'].map((side) => `coding.conflict.${side}`),
    ];
    expect(dynamic.filter((key) => !nlKeys.has(key) || !enKeys.has(key))).toEqual([]);
  });
});
