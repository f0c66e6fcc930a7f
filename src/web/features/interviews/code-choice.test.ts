// The codes a coder may choose: archived and merged codes are never offered, children stand
// under their parent, and a search keeps matches with their parents.
import { describe, expect, it } from 'vitest';
import type { Code } from '../../../shared/contract/coding';
import { choosableTree, countChoices, filterChoices, searchable } from './code-choice';

let n = 0;
function code(name: string, extra: Partial<Code> = {}): Code {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    parentId: null,
    name,
    definition: '',
    inclusion: '',
    exclusion: '',
    color: '#1f6feb',
    sortOrder: 0,
    archived: false,
    mergedInto: null,
    version: 1,
    ...extra,
  };
}

const school = code('School');
const verzuim = code('Verzuim', { parentId: school.id, definition: 'Niet naar school gaan' });
const mentor = code('Mentor', { parentId: school.id });
const wachten = code('Wachtlijst', { sortOrder: 1 });
const oud = code('Oude code', { archived: true });
const onderOud = code('Één kind', { parentId: oud.id });
const samengevoegd = code('Samengevoegd', { archived: true, mergedInto: wachten.id });
const all = [wachten, verzuim, school, oud, mentor, onderOud, samengevoegd];

const names = (nodes: ReturnType<typeof choosableTree>): unknown =>
  nodes.map((node) =>
    node.children.length ? { [node.code.name]: names(node.children) } : node.code.name,
  );

describe('choosable codes', () => {
  it('nests codes under their parent and leaves archived and merged codes out', () => {
    expect(names(choosableTree(all))).toEqual([
      'Één kind',
      { School: ['Mentor', 'Verzuim'] },
      'Wachtlijst',
    ]);
    expect(countChoices(choosableTree(all))).toBe(5);
  });

  it('keeps a match with its parents, ignoring case and accents', () => {
    const tree = choosableTree(all);
    expect(names(filterChoices(tree, 'verzuim'))).toEqual([{ School: ['Verzuim'] }]);
    expect(names(filterChoices(tree, 'EEN'))).toEqual(['Één kind']);
    // The definition counts too.
    expect(names(filterChoices(tree, 'naar school'))).toEqual([{ School: ['Verzuim'] }]);
    expect(filterChoices(tree, '  ')).toHaveLength(3);
    expect(filterChoices(tree, 'nergens')).toEqual([]);
  });

  it('compares without accents or case', () => {
    expect(searchable('Één Café')).toBe('een cafe');
  });
});
