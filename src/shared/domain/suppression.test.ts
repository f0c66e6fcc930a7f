import { describe, expect, it } from 'vitest';
import { cellText, suppressList, suppressSmallCells, type ProtectedCell } from './suppression';

const values = (cells: ProtectedCell[]) => cells.map(cellText);

/** Every line with a visible total: the hidden parts must not be derivable one by one. */
function assertNoSingleHidden(table: ReturnType<typeof suppressSmallCells>) {
  const lines: { parts: ProtectedCell[]; total: ProtectedCell | null }[] = [];
  table.cells.forEach((row, r) => lines.push({ parts: row, total: table.rowTotals?.[r] ?? null }));
  table.cells[0]?.forEach((_, c) =>
    lines.push({
      parts: table.cells.map((row) => row[c]!),
      total: table.columnTotals?.[c] ?? null,
    }),
  );
  if (table.rowTotals && table.total) lines.push({ parts: table.rowTotals, total: table.total });
  if (table.columnTotals && table.total)
    lines.push({ parts: table.columnTotals, total: table.total });
  for (const line of lines) {
    if (!line.total) continue;
    const hidden = [...line.parts, line.total].filter((c) => c.suppressed).length;
    expect(hidden === 0 || hidden >= 2).toBe(true);
  }
}

describe('small-cell suppression', () => {
  it('hides counts below the threshold and keeps zeros and larger counts', () => {
    const table = suppressSmallCells(
      { cells: [[0, 12, 20]], rowTotals: false, columnTotals: false },
      5,
    );
    expect(values(table.cells[0]!)).toEqual(['0', '12', '20']);
    const small = suppressSmallCells(
      { cells: [[4, 12]], rowTotals: false, columnTotals: false },
      5,
    );
    expect(small.cells[0]![0]).toEqual({ value: null, suppressed: 'primary' });
    expect(small.cells[0]![1]).toEqual({ value: 12, suppressed: null });
  });

  it('hides a second cell when only one cell in a row is small, so the total does not reveal it', () => {
    const table = suppressSmallCells(
      { cells: [[3, 10, 20]], rowTotals: true, columnTotals: false },
      5,
    );
    expect(table.cells[0]![0]!.suppressed).toBe('primary');
    // The smallest other count goes with it; the larger one stays.
    expect(table.cells[0]![1]!.suppressed).toBe('secondary');
    expect(table.cells[0]![2]).toEqual({ value: 20, suppressed: null });
    expect(table.rowTotals![0]).toEqual({ value: 33, suppressed: null });
  });

  it('keeps hiding until the hidden cells of a line together reach the threshold', () => {
    // 1 and 2 hidden together sum to 3, which the total would give away: a third cell goes.
    const table = suppressSmallCells(
      { cells: [[1, 2, 9, 30]], rowTotals: true, columnTotals: false },
      5,
    );
    expect(values(table.cells[0]!)).toEqual(['*', '*', '*', '30']);
  });

  it('protects rows and columns of a two-way table with totals', () => {
    const cells = [
      [2, 15, 8],
      [10, 11, 12],
      [9, 14, 20],
    ];
    const table = suppressSmallCells({ cells }, 5);
    expect(table.cells[0]![0]!.suppressed).toBe('primary');
    // Row 0 and column 0 each need a complement.
    expect(table.cells[0]!.filter((c) => c.suppressed).length).toBeGreaterThanOrEqual(2);
    expect(table.cells.map((r) => r[0]!).filter((c) => c.suppressed).length).toBeGreaterThanOrEqual(
      2,
    );
    expect(table.total).toEqual({ value: 101, suppressed: null });
    assertNoSingleHidden(table);
    // No visible number is ever the value of a hidden cell's cell position.
    for (const row of table.cells)
      for (const cell of row) if (cell.suppressed) expect(cell.value).toBeNull();
  });

  it('hides a small total and a part that would reveal it', () => {
    // Row 0 totals 3: a small count itself. Its only non-zero cell is hidden too.
    const table = suppressSmallCells(
      {
        cells: [
          [0, 3],
          [10, 12],
        ],
      },
      5,
    );
    expect(table.rowTotals![0]!.suppressed).toBe('primary');
    expect(table.cells[0]![1]!.suppressed).toBe('primary');
    assertNoSingleHidden(table);
  });

  it('hides a column total when a column has nothing left to pair with', () => {
    const table = suppressSmallCells({ cells: [[4], [0]] }, 5);
    // Column: 4 (primary) with 0; the total 4 is small too.
    expect(table.columnTotals![0]!.suppressed).toBe('primary');
    assertNoSingleHidden(table);
  });

  it('hides nothing with a threshold of 1', () => {
    const table = suppressSmallCells({ cells: [[1, 2]] }, 1);
    expect(table.cells[0]!.every((c) => c.suppressed === null)).toBe(true);
  });

  it('suppresses a single list of counts against its total', () => {
    const list = suppressList([6, 2, 40, 0], 5);
    expect(values(list.cells)).toEqual(['*', '*', '40', '0']);
    expect(cellText(list.total)).toBe('48');
  });

  it('leaves no line with a single hidden member on many random tables', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let i = 0; i < 300; i += 1) {
      const rows = 1 + Math.floor(next() * 5);
      const columns = 1 + Math.floor(next() * 5);
      const cells = Array.from({ length: rows }, () =>
        Array.from({ length: columns }, () => Math.floor(next() * next() * 25)),
      );
      const table = suppressSmallCells({ cells }, 5);
      assertNoSingleHidden(table);
      table.cells.flat().forEach((cell, k) => {
        const original = cells.flat()[k]!;
        if (original > 0 && original < 5) expect(cell.suppressed).not.toBeNull();
      });
    }
  });

  it('refuses counts that are not whole and non-negative', () => {
    expect(() => suppressSmallCells({ cells: [[-1]] }, 5)).toThrow();
    expect(() => suppressSmallCells({ cells: [[1.5]] }, 5)).toThrow();
    expect(() => suppressSmallCells({ cells: [[1], [1, 2]] }, 5)).toThrow();
  });
});
