// @vitest-environment happy-dom
// From a DOM selection to code points and back, over text with emoji (two UTF-16 units, one code
// point each): a selection after an emoji must give the code-point offsets the server stores.
import { describe, expect, it } from 'vitest';
import { createOffsetIndex } from '../../../shared/domain/text-offsets';
import {
  caretInRoot,
  domRangeOf,
  rangeInRoot,
  selectionInRoot,
  toCodePoints,
  utf16OffsetOf,
} from './text-selection';

const text = 'Hoi 😀 ik ben 🇳🇱 blij met mijn mentor.';
const index = createOffsetIndex(text);

function rootWith(...parts: string[]): HTMLElement {
  document.body.innerHTML = '';
  const before = document.createElement('p');
  before.textContent = 'Buiten de tekst';
  const root = document.createElement('div');
  for (const part of parts) {
    const span = document.createElement('span');
    span.textContent = part;
    root.append(span);
  }
  const after = document.createElement('p');
  after.textContent = 'Ook buiten';
  document.body.append(before, root, after);
  return root;
}

/** Selects UTF-16 [from, to) of the root's one text node, as a mouse would. */
function select(node: Node, from: number, to: number, endNode: Node = node) {
  const range = document.createRange();
  range.setStart(node, from);
  range.setEnd(endNode, to);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return selection;
}

describe('a selection as code points', () => {
  it('counts an emoji before the selection as one code point', () => {
    const root = rootWith(text);
    const node = root.firstChild!.firstChild!;
    const from = text.indexOf('blij');
    const selection = select(node, from, from + 'blij met mijn mentor'.length);
    const range = selectionInRoot(root, selection, text, index);
    // "Hoi 😀 ik ben 🇳🇱 " is 19 UTF-16 units but 16 code points (😀 and the flag's two letters).
    expect(from).toBe(19);
    expect(range).toEqual({ start: 16, end: 36 });
    expect(index.sliceByCodePoints(range!.start, range!.end)).toBe('blij met mijn mentor');
    expect(Array.from(text).slice(16, 36).join('')).toBe('blij met mijn mentor');
  });

  it('reads offsets over several text nodes', () => {
    const root = rootWith('Hoi 😀 ik ', 'ben 🇳🇱 blij', ' met mijn mentor.');
    const second = root.childNodes[1]!.firstChild!;
    const third = root.childNodes[2]!.firstChild!;
    expect(utf16OffsetOf(root, second, 0)).toBe('Hoi 😀 ik '.length);
    // From "ben" in the second span to "mijn" in the third.
    const selection = select(second, 0, ' met mijn'.length, third);
    expect(selectionInRoot(root, selection, text, index)).toEqual({
      start: Array.from('Hoi 😀 ik ').length,
      end: Array.from('Hoi 😀 ik ben 🇳🇱 blij met mijn').length,
    });
  });

  it('counts element boundaries by the text before them', () => {
    const root = rootWith('Hoi 😀 ', 'ik ben');
    expect(utf16OffsetOf(root, root, 0)).toBe(0);
    expect(utf16OffsetOf(root, root, 1)).toBe('Hoi 😀 '.length);
    expect(utf16OffsetOf(root, root, 2)).toBe('Hoi 😀 ik ben'.length);
    expect(utf16OffsetOf(root, document.body, 0)).toBeNull();
  });

  it('clamps a selection that runs out of the text to the text', () => {
    const root = rootWith(text);
    const before = document.body.firstChild!.firstChild!;
    const after = document.body.lastChild!.firstChild!;
    const range = document.createRange();
    range.setStart(before, 3);
    range.setEnd(after, 2);
    expect(rangeInRoot(root, range, text.length)).toEqual({ start: 0, end: text.length });
    const outside = document.createRange();
    outside.setStart(after, 0);
    outside.setEnd(after, 3);
    expect(rangeInRoot(root, outside, text.length)).toBeNull();
  });

  it('leaves out spaces at either end, and nothing but spaces is no selection', () => {
    expect(toCodePoints(text, index, { start: 3, end: 9 })).toEqual({ start: 4, end: 8 });
    expect(toCodePoints(text, index, { start: 3, end: 4 })).toBeNull();
    expect(toCodePoints(text, index, { start: 3, end: 9 }, false)).toEqual({ start: 3, end: 8 });
  });

  it('takes a whole emoji when the end falls between its two halves', () => {
    // UTF-16 [4, 5) is the first half of 😀: the selection covers the whole character.
    expect(toCodePoints(text, index, { start: 4, end: 5 })).toEqual({ start: 4, end: 5 });
    expect(index.sliceByCodePoints(4, 5)).toBe('😀');
  });

  it('finds a stored segment again as a DOM range, and a caret as a code point', () => {
    const root = rootWith('Hoi 😀 ik ', 'ben 🇳🇱 blij', ' met mijn mentor.');
    const dom = domRangeOf(root, index, { start: 16, end: 36 });
    expect(dom?.toString()).toBe('blij met mijn mentor');
    const third = root.childNodes[2]!.firstChild!;
    expect(caretInRoot(root, third, 1, index)).toBe(Array.from('Hoi 😀 ik ben 🇳🇱 blij ').length);
    expect(caretInRoot(root, null, 0, index)).toBeNull();
  });
});
