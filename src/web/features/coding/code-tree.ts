// The codebook as a tree: the server sends codes as a flat list (each naming its parent); the
// screens show them nested, siblings by their sort order and then by name the Dutch way. Also the
// choices a code may move to (never itself or beneath itself), the path of a code in words, and
// which codes to open so a chosen code is visible.
import type { Code } from '../../../shared/contract/coding';
import { compareDutch } from '../../../shared/domain/dutch-sort';

export type CodeNode = { code: Code; depth: number; children: CodeNode[] };

export type TreeOptions = {
  /** Archived codes (also merged ones) too; off by default. */
  includeArchived?: boolean;
};

/** Siblings: by sort order, then by name in Dutch order (IJ as i+j, accents ignored). */
export function compareCodes(a: Code, b: Code): number {
  return a.sortOrder - b.sortOrder || compareDutch(a.name, b.name) || a.id.localeCompare(b.id);
}

/**
 * Builds the tree from the flat list. A code whose parent is not shown (archived and hidden, or
 * missing from the list) becomes a top-level code, so nothing shown ever disappears.
 */
export function buildCodeTree(codes: readonly Code[], options: TreeOptions = {}): CodeNode[] {
  const shown = codes.filter((c) => options.includeArchived || !c.archived);
  const ids = new Set(shown.map((c) => c.id));
  const childrenOf = new Map<string | null, Code[]>();
  for (const code of shown) {
    const parent = code.parentId && ids.has(code.parentId) ? code.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), code]);
  }
  const visited = new Set<string>();
  const build = (parent: string | null, depth: number): CodeNode[] =>
    [...(childrenOf.get(parent) ?? [])]
      .sort(compareCodes)
      .filter((code) => !visited.has(code.id))
      .map((code) => {
        visited.add(code.id);
        return { code, depth, children: build(code.id, depth + 1) };
      });
  const tree = build(null, 0);
  // A loop in the data (a → b → a) has no way in from the top: show those codes at the top.
  const stranded = shown.filter((c) => !visited.has(c.id)).sort(compareCodes);
  for (const code of stranded) {
    if (visited.has(code.id)) continue;
    visited.add(code.id);
    tree.push({ code, depth: 0, children: build(code.id, 1) });
  }
  return tree;
}

/** The tree in reading order (depth first), e.g. for a select's options. */
export function flattenTree(nodes: readonly CodeNode[]): CodeNode[] {
  return nodes.flatMap((node) => [node, ...flattenTree(node.children)]);
}

/** The code and every code beneath it, by id. */
export function subtreeIds(codes: readonly Code[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const c of codes)
    if (c.parentId) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  const out = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/** The names from the top down to the code: ["Samenwerking", "Overdracht"]. */
export function pathOf(codes: readonly Code[], codeId: string): string[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const names: string[] = [];
  const seen = new Set<string>();
  let current = byId.get(codeId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    names.unshift(current.name);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return names;
}

/** The ids of the codes above this one, to open so it can be seen. */
export function ancestorIds(codes: readonly Code[], codeId: string): string[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const ids: string[] = [];
  let parentId = byId.get(codeId)?.parentId ?? null;
  while (parentId && !ids.includes(parentId)) {
    ids.push(parentId);
    parentId = byId.get(parentId)?.parentId ?? null;
  }
  return ids;
}

/**
 * Where a code may go (as its parent, or to merge into): live codes in tree order, without the
 * code itself and the codes beneath it. Without a code: every live code (a new code's parent).
 */
export function placesFor(codes: readonly Code[], codeId: string | null): CodeNode[] {
  const excluded = codeId ? subtreeIds(codes, codeId) : new Set<string>();
  return flattenTree(buildCodeTree(codes)).filter((node) => !excluded.has(node.code.id));
}

/** Ids of every code with sub-codes in the tree: "open everything". */
export function branchIds(nodes: readonly CodeNode[]): string[] {
  return flattenTree(nodes)
    .filter((node) => node.children.length > 0)
    .map((node) => node.code.id);
}
