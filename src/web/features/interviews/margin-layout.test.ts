// Margin bars: overlapping and nested fragments each keep a bar of their own, side by side;
// fragments that do not share a line reuse a column; the fewest columns are used.
import { describe, expect, it } from 'vitest';
import { columnOffset, gutterWidth, placeBars } from './margin-layout';

const columnsOf = (result: ReturnType<typeof placeBars>) =>
  Object.fromEntries(result.bars.map((bar) => [bar.id, bar.column]));

describe('placing bars in columns', () => {
  it('puts overlapping fragments in different columns', () => {
    const result = placeBars([
      { id: 'a', top: 0, bottom: 60 },
      { id: 'b', top: 40, bottom: 100 },
    ]);
    expect(columnsOf(result)).toEqual({ a: 0, b: 1 });
    expect(result.columns).toBe(2);
  });

  it('puts a fragment left of the fragments nested in it, and lets those share a column', () => {
    const result = placeBars([
      { id: 'inner-1', top: 20, bottom: 40 },
      { id: 'outer', top: 0, bottom: 200 },
      { id: 'inner-2', top: 100, bottom: 140 },
    ]);
    expect(columnsOf(result)).toEqual({ outer: 0, 'inner-1': 1, 'inner-2': 1 });
    expect(result.columns).toBe(2);
  });

  it('takes the taller bar first when two start on the same line', () => {
    const result = placeBars([
      { id: 'short', top: 0, bottom: 20 },
      { id: 'long', top: 0, bottom: 80 },
    ]);
    expect(columnsOf(result)).toEqual({ long: 0, short: 1 });
  });

  it('reuses a column once the bar above has ended, with a gap between', () => {
    const result = placeBars([
      { id: 'a', top: 0, bottom: 20 },
      { id: 'b', top: 20, bottom: 40 },
      { id: 'c', top: 50, bottom: 70 },
    ]);
    // b starts on the line right below a: too close to share the column; c is far enough.
    expect(columnsOf(result)).toEqual({ a: 0, b: 1, c: 0 });
  });

  it('uses as many columns as fragments share one line, no more', () => {
    const result = placeBars([
      { id: 'a', top: 0, bottom: 100 },
      { id: 'b', top: 10, bottom: 30 },
      { id: 'c', top: 20, bottom: 50 },
      { id: 'd', top: 60, bottom: 90 },
      { id: 'e', top: 35, bottom: 45 },
    ]);
    expect(result.columns).toBe(3);
    // Bars in one column never overlap.
    for (const x of result.bars)
      for (const y of result.bars)
        if (x !== y && x.column === y.column)
          expect(x.bottom <= y.top || y.bottom <= x.top).toBe(true);
  });

  it('has nothing to place for no fragments', () => {
    expect(placeBars([])).toEqual({ bars: [], columns: 0 });
    expect(gutterWidth(0, 8, 4)).toBe(0);
  });

  it('spaces the columns', () => {
    expect(columnOffset(0, 8, 4)).toBe(0);
    expect(columnOffset(2, 8, 4)).toBe(24);
    expect(gutterWidth(3, 8, 4)).toBe(32);
  });
});
