// The codebook as a tree: built from the flat list by parentId, siblings by sort order and then
// by name the Dutch way (IJ as i+j, accents and 's- ignored); archived codes hidden unless asked;
// a code whose parent is not shown stays visible at the top; where a code may move (never
// beneath itself); its path and the branches above it.
import { describe, expect, it } from 'vitest';
import {
  ancestorIds,
  branchIds,
  buildCodeTree,
  flattenTree,
  pathOf,
  placesFor,
  subtreeIds,
  type CodeNode,
} from './code-tree';
import { code } from './test-data';

const names = (nodes: CodeNode[]): unknown[] =>
  nodes.map((n) => (n.children.length ? [n.code.name, names(n.children)] : n.code.name));

const a = code({ id: 'a', name: 'Samenwerking', sortOrder: 5 });
const b = code({ id: 'b', name: 'Inzet', sortOrder: 5 });
const c = code({ id: 'c', name: 'IJzeren regels', sortOrder: 5 });
const d = code({ id: 'd', name: 'Écht contact', sortOrder: 5 });
const e = code({ id: 'e', name: "'s-Hertogenbosch-aanpak", sortOrder: 5 });
const first = code({ id: 'f', name: 'Zorgen', sortOrder: 1 });
const sub1 = code({ id: 's1', name: 'Overdracht', parentId: 'a', sortOrder: 2 });
const sub2 = code({ id: 's2', name: 'Afstemming', parentId: 'a', sortOrder: 2 });
const subsub = code({ id: 'ss', name: 'Warme overdracht', parentId: 's1', sortOrder: 1 });
const archived = code({ id: 'x', name: 'Oud', parentId: 'a', sortOrder: 1, archived: true });

describe('buildCodeTree', () => {
  it('nests by parentId, by sort order first and then by name in Dutch order', () => {
    const tree = buildCodeTree([a, b, c, d, e, first, sub1, sub2, subsub]);
    expect(names(tree)).toEqual([
      'Zorgen',
      'Écht contact',
      "'s-Hertogenbosch-aanpak",
      'IJzeren regels',
      'Inzet',
      ['Samenwerking', ['Afstemming', ['Overdracht', ['Warme overdracht']]]],
    ]);
    const flat = flattenTree(tree);
    expect(flat.find((n) => n.code.id === 'ss')?.depth).toBe(2);
  });

  it('hides archived codes unless asked, and keeps a code whose parent is hidden visible', () => {
    const orphan = code({ id: 'o', name: 'Wees', parentId: 'x' });
    expect(names(buildCodeTree([a, archived, orphan]))).toEqual(['Wees', 'Samenwerking']);
    expect(names(buildCodeTree([a, archived, orphan], { includeArchived: true }))).toEqual([
      ['Samenwerking', [['Oud', ['Wees']]]],
    ]);
  });

  it('shows codes caught in a loop at the top instead of losing them', () => {
    const p = code({ id: 'p', name: 'P', parentId: 'q' });
    const q = code({ id: 'q', name: 'Q', parentId: 'p' });
    const flat = flattenTree(buildCodeTree([p, q, a]));
    expect(flat.map((n) => n.code.id).sort()).toEqual(['a', 'p', 'q']);
  });
});

describe('the places a code may go', () => {
  const all = [a, b, sub1, sub2, subsub, archived];

  it('never itself or beneath itself, never an archived code', () => {
    expect(placesFor(all, 's1').map((n) => n.code.name)).toEqual([
      'Inzet',
      'Samenwerking',
      'Afstemming',
    ]);
    expect(placesFor(all, null)).toHaveLength(5);
    expect([...subtreeIds(all, 'a')].sort()).toEqual(['a', 's1', 's2', 'ss', 'x']);
  });

  it('names a code by its path and opens the branches above it', () => {
    expect(pathOf(all, 'ss')).toEqual(['Samenwerking', 'Overdracht', 'Warme overdracht']);
    expect(ancestorIds(all, 'ss')).toEqual(['s1', 'a']);
    expect(branchIds(buildCodeTree(all))).toEqual(['a', 's1']);
  });
});
