// The bars in the margin of a transcript: one per coded segment, beside the lines it spans, in
// the code's colour. Bars that share a line would cover each other, so they stand in columns:
// each bar takes the leftmost column that is free over its whole height. Taller bars go first
// when two start on the same line, so a segment stands left of the segments nested in it. This
// is the greedy colouring of an interval graph, which uses the fewest columns possible.

export type Extent = {
  id: string;
  /** Top and bottom of the lines the segment spans, in px from the top of the text. */
  top: number;
  bottom: number;
};

export type PlacedBar = Extent & { column: number };

/**
 * Columns for the bars. Two bars share a column only when one ends at least `gap` px above
 * where the other starts, so bars of adjacent lines stay apart too.
 */
export function placeBars(
  extents: readonly Extent[],
  gap = 2,
): { bars: PlacedBar[]; columns: number } {
  const order = [...extents].sort(
    (a, b) =>
      a.top - b.top ||
      b.bottom - b.top - (a.bottom - a.top) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  // columnEnds[c]: the bottom of the lowest bar placed in column c so far.
  const columnEnds: number[] = [];
  const bars: PlacedBar[] = [];
  for (const extent of order) {
    let column = columnEnds.findIndex((end) => end + gap <= extent.top);
    if (column === -1) column = columnEnds.length;
    columnEnds[column] = Math.max(columnEnds[column] ?? -Infinity, extent.bottom);
    bars.push({ ...extent, column });
  }
  return { bars, columns: columnEnds.length };
}

/** The x position of a column (its start edge), for bars `width` px wide with `spacing` between. */
export function columnOffset(column: number, width: number, spacing: number): number {
  return column * (width + spacing);
}

/** The width of a gutter with this many columns. */
export function gutterWidth(columns: number, width: number, spacing: number): number {
  return columns === 0 ? 0 : columns * width + (columns - 1) * spacing;
}
