// The reference-list screen's own texts: the same keys in Dutch and English, nothing empty, all
// under "referenceLists" (so merging them into the app's texts overwrites nothing), and a text
// for every list and marker the screen shows by a computed key.
import { describe, expect, it } from 'vitest';
import { referenceListNames } from '../../../../shared/contract/reference-lists';
import { categoryMarkers } from '../../../../shared/domain/timeline';
import appEn from '../../../i18n/en.json';
import appNl from '../../../i18n/nl.json';
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

describe('reference-list translations', () => {
  it('has every Dutch key in English and every English key in Dutch', () => {
    expect([...nlKeys.keys()].filter((key) => !enKeys.has(key))).toEqual([]);
    expect([...enKeys.keys()].filter((key) => !nlKeys.has(key))).toEqual([]);
  });

  it('has no empty texts', () => {
    expect([...nlKeys, ...enKeys].filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it('keeps everything under "referenceLists", which the app’s own files do not use', () => {
    expect(Object.keys(nl)).toEqual(['referenceLists']);
    expect(Object.keys(en)).toEqual(['referenceLists']);
    expect(Object.keys(appNl)).not.toContain('referenceLists');
    expect(Object.keys(appEn)).not.toContain('referenceLists');
  });

  it('has a text for every list and marker', () => {
    const dynamic = [
      ...referenceListNames.flatMap((list) => [
        `referenceLists.list.${list}.title`,
        `referenceLists.list.${list}.description`,
      ]),
      ...categoryMarkers.flatMap((marker) => [
        `referenceLists.marker.${marker}.label`,
        `referenceLists.marker.${marker}.explanation`,
        `referenceLists.marker.${marker}.checkbox`,
      ]),
    ];
    expect(dynamic.filter((key) => !nlKeys.has(key) || !enKeys.has(key))).toEqual([]);
  });
});
