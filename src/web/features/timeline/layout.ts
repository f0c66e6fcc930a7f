// Where each item goes in the lane view. Dates are day ranges (the first and last day a fuzzy
// date can mean), so an item has a certain part and uncertain edges:
//
// - an event on one known day is a point; an event known only as "2016" or "age 5" is a faded
//   span from its first to its last possible day, with its marker in the middle;
// - a period is a solid bar from the latest possible start to the earliest possible end, with
//   faded edges before and after (from the earliest start, to the latest end); when those
//   overlap, the whole bar is uncertain; a period still going on runs to today.
//
// Items are then packed into rows per lane so that none overlap, labels included.
import { dayNumber } from '../../../shared/domain/fuzzy-date';
import type { TimelineLane } from '../../../shared/domain/timeline';
import type { TimelineItem } from '../../../shared/contract/timeline';
import type { TimeScale } from './scale';

/** An item in days: outer span [start, end) and the certain part, if any. */
export type ItemDays = {
  start: number;
  end: number;
  certainStart: number | null;
  certainEnd: number | null;
  /** An event's marker day (the middle of its possible days). */
  markerDay: number;
  isOngoing: boolean;
};

export function itemDays(item: TimelineItem, todayDay: number): ItemDays {
  const startFirst = dayNumber(item.startRange.earliest);
  const startLast = dayNumber(item.startRange.latest);
  if (item.kind === 'event') {
    return {
      start: startFirst,
      end: startLast + 1,
      certainStart: startFirst === startLast ? startFirst : null,
      certainEnd: startFirst === startLast ? startLast + 1 : null,
      markerDay: Math.floor((startFirst + startLast + 1) / 2),
      isOngoing: false,
    };
  }
  const isOngoing = item.endRange === null;
  const endFirst = item.endRange ? dayNumber(item.endRange.earliest) : todayDay;
  const endLast = item.endRange ? dayNumber(item.endRange.latest) + 1 : todayDay + 1;
  const end = Math.max(endLast, startFirst + 1);
  const hasCertainPart = endFirst > startLast;
  return {
    start: startFirst,
    end,
    certainStart: hasCertainPart ? startLast : null,
    certainEnd: hasCertainPart ? (isOngoing ? end : endFirst + 1) : null,
    markerDay: startFirst,
    isOngoing,
  };
}

/** The first and last day over all items, to size the drawn span. */
export function itemsDaySpan(days: ItemDays[]): { first: number; last: number } | null {
  if (days.length === 0) return null;
  let first = Infinity;
  let last = -Infinity;
  for (const d of days) {
    first = Math.min(first, d.start);
    last = Math.max(last, d.end);
  }
  return { first, last };
}

export const markerSize = 18;
const minBarWidth = 8;
const labelGap = 6;
/** A rough width per character of the label font (0.875rem Noto Sans). */
const charWidth = 7.2;
const maxLabelWidth = 220;

export type ItemBox = {
  item: TimelineItem;
  row: number;
  /** Left edge and width of the whole clickable box (bar or marker, plus an outside label). */
  left: number;
  width: number;
  /** The drawn shape, relative to left. */
  shapeWidth: number;
  /** The days it can mean: an event's faded span (null for one known day). */
  spanLeft: number | null;
  spanWidth: number | null;
  /** A period's certain part (solid); null when the whole bar is uncertain. */
  certainLeft: number | null;
  certainWidth: number | null;
  markerLeft: number;
  isLabelInside: boolean;
  labelWidth: number;
  isOngoing: boolean;
};

export type LaneLayout = { lane: TimelineLane; rows: number; boxes: ItemBox[] };

export function labelWidthOf(item: TimelineItem): number {
  const text = item.reference ? `${item.title} (${item.reference})` : item.title;
  return Math.min(maxLabelWidth, Math.ceil(text.length * charWidth) + 28);
}

/** The box of one item at the current zoom. */
export function boxOf(item: TimelineItem, days: ItemDays, scale: TimeScale): Omit<ItemBox, 'row'> {
  const left = scale.x(days.start);
  const labelWidth = labelWidthOf(item);
  const relative = (day: number) => scale.x(day) - left;
  if (item.kind === 'event') {
    const spanWidth = relative(days.end);
    const markerCentre = relative(days.markerDay);
    // The marker may stick out before a very narrow span; the box starts at its left edge.
    const shift = Math.max(0, markerSize / 2 - markerCentre);
    const shapeWidth = Math.max(spanWidth + shift, markerCentre + shift + markerSize / 2);
    return {
      item,
      left: left - shift,
      width: shapeWidth + labelGap + labelWidth,
      shapeWidth,
      spanLeft: days.certainStart === null ? shift : null,
      spanWidth: days.certainStart === null ? Math.max(2, spanWidth) : null,
      certainLeft: null,
      certainWidth: null,
      markerLeft: markerCentre + shift - markerSize / 2,
      isLabelInside: false,
      labelWidth,
      isOngoing: false,
    };
  }
  const shapeWidth = Math.max(minBarWidth, relative(days.end));
  // Inside when it fits, or when the bar is long enough for a readable start of it.
  const isLabelInside = shapeWidth >= Math.min(labelWidth, 160);
  const certainLeft = days.certainStart === null ? null : relative(days.certainStart);
  const certainWidth =
    days.certainStart === null || days.certainEnd === null
      ? null
      : Math.max(2, relative(days.certainEnd) - relative(days.certainStart));
  return {
    item,
    left,
    width: isLabelInside ? shapeWidth : shapeWidth + labelGap + labelWidth,
    shapeWidth,
    spanLeft: null,
    spanWidth: null,
    certainLeft,
    certainWidth,
    markerLeft: 0,
    isLabelInside,
    labelWidth,
    isOngoing: days.isOngoing,
  };
}

/**
 * Packs a lane's items into rows: each item goes into the first row where it does not touch
 * the previous box (greedy interval packing, in time order), so nothing is drawn over anything.
 */
export function layoutLane(
  lane: TimelineLane,
  items: { item: TimelineItem; days: ItemDays }[],
  scale: TimeScale,
): LaneLayout {
  const rowEnds: number[] = [];
  const boxes: ItemBox[] = [];
  const sorted = [...items].sort((a, b) => a.days.start - b.days.start || a.days.end - b.days.end);
  for (const { item, days } of sorted) {
    const box = boxOf(item, days, scale);
    let row = rowEnds.findIndex((end) => end + 4 <= box.left);
    if (row === -1) {
      row = rowEnds.length;
      rowEnds.push(0);
    }
    rowEnds[row] = box.left + box.width;
    boxes.push({ ...box, row });
  }
  return { lane, rows: Math.max(1, rowEnds.length), boxes };
}
