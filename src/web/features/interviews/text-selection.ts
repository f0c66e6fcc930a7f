// Between the browser's selection and the transcript's offsets. The DOM counts in UTF-16 code
// units (an emoji such as 😀 is two), the server in Unicode code points, end-exclusive (the
// REFI-QDA unit, see src/shared/domain/text-offsets.ts). The transcript is shown as the text of
// one element (`root`); these helpers read a selection made in it, with the mouse, the keyboard
// or from script, as code points, and find the DOM range of a stored segment again.
import type { OffsetIndex } from '../../../shared/domain/text-offsets';

export type CodePointRange = { start: number; end: number };

/** The part of a DOM range the helpers read (a Range or a StaticRange). */
export type BoundaryRange = Pick<
  AbstractRange,
  'startContainer' | 'startOffset' | 'endContainer' | 'endOffset'
>;

const textNodeType = 3;

/** The text nodes under root, in document order. */
function textNodes(root: Node): Text[] {
  const nodes: Text[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === textNodeType) nodes.push(node as Text);
    else for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return nodes;
}

function follows(reference: Node, other: Node): boolean {
  // Node.DOCUMENT_POSITION_FOLLOWING: `other` comes after `reference`.
  return (reference.compareDocumentPosition(other) & 4) !== 0;
}

/**
 * The UTF-16 offset in root's text of the boundary point (node, offset), or null when the point
 * is not inside root. A point between elements counts the text before it.
 */
export function utf16OffsetOf(root: Node, node: Node, offset: number): number | null {
  if (node !== root && !root.contains(node)) return null;
  let total = 0;
  if (node.nodeType === textNodeType) {
    for (const text of textNodes(root)) {
      if (text === node) return total + Math.max(0, Math.min(offset, text.length));
      total += text.length;
    }
    return null;
  }
  // An element's boundary lies before its child number `offset` (or at its end).
  const child = node.childNodes[offset] ?? null;
  for (const text of textNodes(root)) {
    const isAfter = child
      ? child === text || child.contains(text) || follows(child, text)
      : !node.contains(text) && follows(node, text);
    if (isAfter) return total;
    total += text.length;
  }
  return total;
}

/** Where a boundary point lies relative to root's content: -1 before, 0 inside, 1 after. */
function placeOf(root: Node, node: Node, offset: number): -1 | 0 | 1 {
  if (node === root || root.contains(node)) return 0;
  // Boundary points in an ancestor of root compare by the child they stand before.
  if (node.contains(root)) {
    const child = node.childNodes[offset];
    if (!child) return 1;
    return child === root || child.contains(root) || follows(root, child) ? -1 : 1;
  }
  return follows(node, root) ? -1 : 1;
}

/**
 * The part of a selection range that lies in root, as UTF-16 offsets into root's text. A range
 * that starts before root starts at 0; one that ends after it ends at its end. Null when the
 * range lies wholly outside root.
 */
export function rangeInRoot(
  root: Node,
  range: BoundaryRange,
  utf16Length: number,
): CodePointRange | null {
  const startPlace = placeOf(root, range.startContainer, range.startOffset);
  const endPlace = placeOf(root, range.endContainer, range.endOffset);
  if (startPlace === 1 || endPlace === -1) return null;
  const start =
    startPlace === -1 ? 0 : utf16OffsetOf(root, range.startContainer, range.startOffset);
  const end =
    endPlace === 1 ? utf16Length : utf16OffsetOf(root, range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  return { start: Math.min(start, end), end: Math.max(start, end) };
}

const isSpace = (unit: string | undefined) => unit !== undefined && /\s/.test(unit);

/**
 * A UTF-16 range of the text as code points, end-exclusive. Spaces and line breaks at either
 * end are left out (a double-click on a word often takes the space after it); an end inside a
 * surrogate pair takes the whole character. Null when nothing but white space is left.
 */
export function toCodePoints(
  text: string,
  index: OffsetIndex,
  utf16: CodePointRange,
  trimSpaces = true,
): CodePointRange | null {
  let from = Math.max(0, Math.min(utf16.start, text.length));
  let to = Math.max(from, Math.min(utf16.end, text.length));
  if (trimSpaces) {
    while (from < to && isSpace(text[from])) from++;
    while (to > from && isSpace(text[to - 1])) to--;
  }
  if (to <= from) return null;
  const start = index.utf16ToCodePoint(from);
  let end = index.utf16ToCodePoint(to);
  if (index.codePointToUtf16(end) < to) end += 1;
  return end > start ? { start, end } : null;
}

/** A selection (its first range) in root as code points, or null (none, empty, outside). */
export function selectionInRoot(
  root: Node,
  selection: Pick<Selection, 'rangeCount' | 'getRangeAt'> | null,
  text: string,
  index: OffsetIndex,
): CodePointRange | null {
  if (!selection || selection.rangeCount === 0) return null;
  const utf16 = rangeInRoot(root, selection.getRangeAt(0), text.length);
  return utf16 ? toCodePoints(text, index, utf16) : null;
}

/** The text node and offset at UTF-16 offset `u` of root's text (the start of the next node on a seam). */
function pointAt(root: Node, u: number, preferEnd: boolean): [Text, number] | null {
  const nodes = textNodes(root);
  let total = 0;
  for (const [i, node] of nodes.entries()) {
    const end = total + node.length;
    if (u < end || (u === end && (preferEnd || i === nodes.length - 1))) return [node, u - total];
    total = end;
  }
  return null;
}

/** A DOM Range over code points [start, end) of root's text (for highlights and measuring). */
export function domRangeOf(
  root: Node,
  index: OffsetIndex,
  range: CodePointRange,
  document: Document = root.ownerDocument ?? globalThis.document,
): Range | null {
  const from = pointAt(root, index.codePointToUtf16(range.start), false);
  const to = pointAt(root, index.codePointToUtf16(range.end), true);
  if (!from || !to) return null;
  const dom = document.createRange();
  dom.setStart(from[0], from[1]);
  dom.setEnd(to[0], to[1]);
  return dom;
}

/** The code point at a collapsed caret (selection.anchorNode/anchorOffset) in root, or null. */
export function caretInRoot(
  root: Node,
  node: Node | null,
  offset: number,
  index: OffsetIndex,
): number | null {
  if (!node) return null;
  const u = utf16OffsetOf(root, node, offset);
  return u === null ? null : index.utf16ToCodePoint(u);
}
