// The transcript itself, with what is coded in it. The text is one text node in a focusable
// region that behaves as a read-only text box: it has a caret, so the keyboard selects with
// Shift and the arrow keys as well as the mouse does, yet nothing can be typed, pasted or
// dropped into it. The text's DOM never changes while coding: coded fragments are painted with
// the CSS Custom Highlight API (a light wash of the code's colour; overlapping codes wash over
// each other), and beside the lines a fragment spans stands a bar in its code's colour, in
// columns so overlapping and nested fragments each keep their own bar. A bar names its code on
// hover and focus (Escape hides that again) and opens the fragment; so do Enter and a click on
// coded text.
import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import type { Segment } from '../../../shared/contract/coding';
import type { OffsetIndex } from '../../../shared/domain/text-offsets';
import { cx } from '../../ui/class-names';
import { columnOffset, gutterWidth, placeBars, type Extent } from './margin-layout';
import { caretInRoot, domRangeOf, selectionInRoot, type CodePointRange } from './text-selection';

/** A segment as shown: with its code's name and colour. */
export type ShownSegment = { segment: Segment; codeName: string; color: string };

export const barWidth = 8;
export const barSpacing = 4;

const fallbackColour = '#1f6feb';

/** Only #rrggbb goes into the page's style rules. */
export function safeColour(colour: string | undefined): string {
  return colour && /^#[0-9a-fA-F]{6}$/.test(colour) ? colour.toLowerCase() : fallbackColour;
}

/** The highlight registry of this browser, if it has the CSS Custom Highlight API. */
function highlightRegistry(): HighlightRegistry | null {
  if (typeof CSS === 'undefined' || typeof Highlight === 'undefined') return null;
  return (CSS as { highlights?: HighlightRegistry }).highlights ?? null;
}

/** Where each segment's lines are, in px from the top of the text. */
function measureExtents(root: HTMLElement, index: OffsetIndex, shown: ShownSegment[]): Extent[] {
  const base = root.getBoundingClientRect();
  const extents: Extent[] = [];
  for (const { segment } of shown) {
    const range = domRangeOf(root, index, segment);
    if (!range || typeof range.getClientRects !== 'function') continue;
    const rects = Array.from(range.getClientRects()).filter((r) => r.height > 0);
    if (rects.length === 0) continue;
    const top = Math.min(...rects.map((r) => r.top)) - base.top;
    const bottom = Math.max(...rects.map((r) => r.bottom)) - base.top;
    extents.push({ id: segment.id, top: Math.round(top), bottom: Math.round(bottom) });
  }
  return extents;
}

const navigationKeys = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);
/** Keys that do not change anything and keep their usual meaning in the text. */
const harmlessKeys = new Set([
  ...navigationKeys,
  'Tab',
  'Shift',
  'Control',
  'Alt',
  'Meta',
  'CapsLock',
  'ContextMenu',
  'Escape',
  'Enter',
]);

export type TranscriptTextProps = {
  text: string;
  index: OffsetIndex;
  shown: ShownSegment[];
  pending: CodePointRange | null;
  activeId: string | null;
  label: string;
  descriptionId: string;
  textRef: RefObject<HTMLDivElement | null>;
  barsLabel: string;
  barLabel: (shown: ShownSegment) => string;
  /** A new selection in the text (null: the selection was let go). */
  onSelect: (range: CodePointRange | null) => void;
  /** A click or Enter at a place in the text without a selection. */
  onCaret: (codePoint: number, how: 'click' | 'enter') => void;
  /** Enter with text selected: on to choosing codes. */
  onChooseCodes: () => void;
  onOpenSegment: (segmentId: string) => void;
};

export function TranscriptText({
  text,
  index,
  shown,
  pending,
  activeId,
  label,
  descriptionId,
  textRef,
  barsLabel,
  barLabel,
  onSelect,
  onCaret,
  onChooseCodes,
  onOpenSegment,
}: TranscriptTextProps) {
  const [extents, setExtents] = useState<Extent[]>([]);
  const [dismissedTip, setDismissedTip] = useState<string | null>(null);

  // Measure the lines of every fragment after layout, and again whenever the text reflows.
  useLayoutEffect(() => {
    const root = textRef.current;
    if (!root) return;
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setExtents(measureExtents(root, index, shown)));
    };
    measure();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    observer?.observe(root);
    return () => {
      cancelAnimationFrame(frame);
      observer?.disconnect();
    };
  }, [textRef, index, shown]);

  // The colours in use, each one highlight (overlapping fragments of one code paint once).
  const colours = useMemo(() => [...new Set(shown.map((s) => s.color))], [shown]);
  useEffect(() => {
    const root = textRef.current;
    const registry = highlightRegistry();
    if (!root || !registry) return;
    const names: string[] = [];
    const add = (name: string, ranges: Range[], priority: number) => {
      if (ranges.length === 0) return;
      const highlight = new Highlight(...ranges);
      highlight.priority = priority;
      registry.set(name, highlight);
      names.push(name);
    };
    colours.forEach((colour, i) => {
      const ranges = shown
        .filter((s) => s.color === colour)
        .flatMap((s) => domRangeOf(root, index, s.segment) ?? []);
      add(`kl-iv-c${i}`, ranges, 0);
    });
    const active = shown.find((s) => s.segment.id === activeId);
    if (active)
      add(
        'kl-iv-active',
        [domRangeOf(root, index, active.segment)].flatMap((r) => r ?? []),
        1,
      );
    if (pending)
      add(
        'kl-iv-pending',
        [domRangeOf(root, index, pending)].flatMap((r) => r ?? []),
        2,
      );
    return () => {
      for (const name of names) registry.delete(name);
    };
  }, [textRef, index, shown, colours, activeId, pending]);

  // A selection made with the mouse, the keyboard, a touch or from script.
  useEffect(() => {
    const onChange = () => {
      const root = textRef.current;
      const selection = document.getSelection();
      if (!root || !selection || selection.isCollapsed) return;
      // Only a selection begun or ended in the text (not "select all" elsewhere on the page).
      if (!root.contains(selection.anchorNode) && !root.contains(selection.focusNode)) return;
      const range = selectionInRoot(root, selection, text, index);
      if (range) onSelect(range);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [textRef, text, index, onSelect]);

  // Nothing may be typed into the text: the browser's own editing is refused at the source.
  useEffect(() => {
    const root = textRef.current;
    if (!root) return;
    const refuse = (event: Event) => event.preventDefault();
    // Should anything slip through (an input method), the text is put back.
    const restore = () => {
      if (root.textContent !== text) root.textContent = text;
    };
    root.addEventListener('beforeinput', refuse);
    root.addEventListener('input', restore);
    return () => {
      root.removeEventListener('beforeinput', refuse);
      root.removeEventListener('input', restore);
    };
  }, [textRef, text]);

  const readSelection = (how: 'mouse' | 'key', key?: string) => {
    const root = textRef.current;
    const selection = document.getSelection();
    if (!root || !selection || selection.rangeCount === 0) return;
    if (!selection.isCollapsed) {
      const range = selectionInRoot(root, selection, text, index);
      if (range) onSelect(range);
      return;
    }
    const caret = caretInRoot(root, selection.anchorNode, selection.anchorOffset, index);
    if (caret === null) return;
    if (how === 'mouse') onCaret(caret, 'click');
    else if (key && navigationKeys.has(key)) onSelect(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey) {
      // Copy, select all and find keep working; cut, paste and formatting do not.
      if (['x', 'v', 'b', 'i', 'u'].includes(event.key.toLowerCase())) event.preventDefault();
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      const root = textRef.current;
      const selection = document.getSelection();
      if (!root || !selection || selection.rangeCount === 0) return;
      if (!selection.isCollapsed) {
        const range = selectionInRoot(root, selection, text, index);
        if (range) {
          onSelect(range);
          onChooseCodes();
        }
        return;
      }
      const caret = caretInRoot(root, selection.anchorNode, selection.anchorOffset, index);
      if (caret !== null) onCaret(caret, 'enter');
      return;
    }
    if (event.key === 'Escape') {
      document.getSelection()?.collapseToStart();
      onSelect(null);
      return;
    }
    if (!harmlessKeys.has(event.key) && !/^F\d+$/.test(event.key)) event.preventDefault();
  };

  const { bars, columns } = useMemo(() => placeBars(extents), [extents]);
  const byId = useMemo(() => new Map(shown.map((s) => [s.segment.id, s])), [shown]);
  // In reading order: by where the fragment starts, outer before inner.
  const ordered = bars
    .flatMap((bar) => {
      const item = byId.get(bar.id);
      return item ? [{ bar, item }] : [];
    })
    .sort((a, b) => a.item.segment.start - b.item.segment.start || a.bar.column - b.bar.column);
  const gutter = gutterWidth(columns, barWidth, barSpacing);

  return (
    <div className="kl-iv-transcript" style={{ '--kl-iv-gutter': `${gutter}px` } as CSSProperties}>
      <style>
        {colours
          .map((colour, i) => `::highlight(kl-iv-c${i}) { background-color: ${colour}40; }`)
          .join('\n')}
      </style>
      <div
        ref={textRef}
        className="kl-iv-text"
        role="textbox"
        aria-readonly="true"
        aria-multiline="true"
        aria-label={label}
        aria-describedby={descriptionId}
        contentEditable
        suppressContentEditableWarning
        spellCheck={false}
        autoCorrect="off"
        autoCapitalize="off"
        inputMode="none"
        tabIndex={0}
        onKeyDown={onKeyDown}
        onKeyUp={(event) => readSelection('key', event.key)}
        onMouseUp={() => readSelection('mouse')}
        onPaste={(event) => event.preventDefault()}
        onCut={(event) => event.preventDefault()}
        onDrop={(event) => event.preventDefault()}
      >
        {text}
      </div>
      {ordered.length > 0 && (
        <div className="kl-iv-bars" role="group" aria-label={barsLabel}>
          {ordered.map(({ bar, item }) => (
            <button
              key={bar.id}
              type="button"
              className={cx('kl-iv-bar', bar.id === activeId && 'kl-iv-bar--active')}
              style={{
                top: bar.top,
                height: Math.max(bar.bottom - bar.top, 8),
                insetInlineStart: columnOffset(bar.column, barWidth, barSpacing),
                backgroundColor: item.color,
              }}
              aria-label={barLabel(item)}
              aria-current={bar.id === activeId ? 'true' : undefined}
              data-segment-id={bar.id}
              onClick={() => onOpenSegment(bar.id)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') setDismissedTip(bar.id);
              }}
              onBlur={() => setDismissedTip(null)}
              onMouseLeave={() => setDismissedTip(null)}
            >
              <span
                className={cx(
                  'kl-iv-bar__tip',
                  dismissedTip === bar.id && 'kl-iv-bar__tip--hidden',
                )}
                aria-hidden="true"
              >
                {item.codeName}
              </span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
