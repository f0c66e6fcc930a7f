// The participant's texts exist in Dutch and English alike, key for key.
import { describe, expect, it } from 'vitest';
import en from './en.json';
import nl from './nl.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : flatten(value, `${prefix}${key}.`),
  );
}

describe('participant translations', () => {
  it('have the same keys in Dutch and English', () => {
    expect(flatten(en as Tree).sort()).toEqual(flatten(nl as Tree).sort());
  });

  it('keep everything under "participant" and leave no text empty', () => {
    expect(Object.keys(nl)).toEqual(['participant']);
    expect(Object.keys(en)).toEqual(['participant']);
    for (const tree of [nl, en]) {
      const keys = flatten(tree as Tree);
      const values = keys.map((key) =>
        key.split('.').reduce<unknown>((node, part) => (node as Tree)[part], tree),
      );
      expect(values.every((value) => typeof value === 'string' && value.trim() !== '')).toBe(true);
    }
  });
});
