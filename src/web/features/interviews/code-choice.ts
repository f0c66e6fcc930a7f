// The codes a coder may apply, as a tree for the code picker: only codes that are not archived
// (merged codes are archived too), nested under their parent, siblings by sort order and then by
// name the Dutch way. A search keeps the codes whose name or definition holds the words typed
// (case and accents ignored) together with their parents, so a match is seen in its place.
import type { Code } from '../../../shared/contract/coding';
import { compareDutch } from '../../../shared/domain/dutch-sort';

export type ChoiceNode = { code: Code; children: ChoiceNode[] };

function compareCodes(a: Code, b: Code): number {
  return a.sortOrder - b.sortOrder || compareDutch(a.name, b.name) || (a.id < b.id ? -1 : 1);
}

/** The tree of codes that can be chosen. A code under an archived parent stands at the top. */
export function choosableTree(codes: readonly Code[]): ChoiceNode[] {
  const open = codes.filter((c) => !c.archived && c.mergedInto === null);
  const ids = new Set(open.map((c) => c.id));
  const childrenOf = new Map<string | null, Code[]>();
  for (const code of open) {
    const parent = code.parentId && ids.has(code.parentId) ? code.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), code]);
  }
  const seen = new Set<string>();
  const build = (parent: string | null): ChoiceNode[] =>
    [...(childrenOf.get(parent) ?? [])]
      .sort(compareCodes)
      .filter((code) => !seen.has(code.id))
      .map((code) => {
        seen.add(code.id);
        return { code, children: build(code.id) };
      });
  const tree = build(null);
  // Codes in a loop of parents (a → b → a) are reached from nowhere: show them at the top.
  for (const code of open.filter((c) => !seen.has(c.id)).sort(compareCodes)) {
    if (seen.has(code.id)) continue;
    seen.add(code.id);
    tree.push({ code, children: build(code.id) });
  }
  return tree;
}

/** Lower case without accents: "Één" → "een". */
export function searchable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The tree with only the codes matching every word of the query, and their parents. */
export function filterChoices(tree: readonly ChoiceNode[], query: string): ChoiceNode[] {
  const words = searchable(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...tree];
  const matches = (code: Code) => {
    const haystack = searchable(`${code.name} ${code.definition}`);
    return words.every((word) => haystack.includes(word));
  };
  const keep = (nodes: readonly ChoiceNode[]): ChoiceNode[] =>
    nodes.flatMap((node) => {
      const children = keep(node.children);
      return matches(node.code) || children.length > 0 ? [{ code: node.code, children }] : [];
    });
  return keep(tree);
}

/** How many codes a tree shows. */
export function countChoices(tree: readonly ChoiceNode[]): number {
  return tree.reduce((sum, node) => sum + 1 + countChoices(node.children), 0);
}
