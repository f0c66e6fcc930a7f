// Small-cell suppression of a table of counts, for any report that publishes counts of people.
//
// Rule 1 (primary): every count above zero and below the threshold is hidden, totals included.
// Rule 2 (secondary): in every line of the table (a row with its row total, a column with its
// column total, the row totals with the grand total, the column totals with the grand total) a
// hidden count must not be derivable from the visible ones. So a line holding hidden counts holds
// at least two, and where its total is visible the hidden counts in it must together reach the
// threshold (or their sum, which the total gives away, would itself be a small count). Extra cells
// are hidden smallest first (a non-zero count before a zero), until every line is safe.
//
// Suppressed cells come back without their value: a caller cannot print what it does not have.

export type Suppression = 'primary' | 'secondary';

export type ProtectedCell =
  { value: number; suppressed: null } | { value: null; suppressed: Suppression };

export type CountTableInput = {
  /** cells[row][column]: non-negative whole counts, every row the same length. */
  cells: readonly (readonly number[])[];
  /** Whether the published table shows a total per row (default true). */
  rowTotals?: boolean;
  /** Whether the published table shows a total per column (default true). */
  columnTotals?: boolean;
};

export type ProtectedTable = {
  cells: ProtectedCell[][];
  rowTotals: ProtectedCell[] | null;
  columnTotals: ProtectedCell[] | null;
  /** The grand total, when both kinds of totals are shown or there is a single line. */
  total: ProtectedCell | null;
};

/** The marker printed instead of a suppressed count, in every format. */
export const suppressedMarker = '*';

type Slot = { value: number; hidden: Suppression | null; isTotal: boolean };

/** Whether a single count may be published as it is. */
export function isSmallCount(value: number, threshold: number): boolean {
  return value > 0 && value < threshold;
}

export function suppressSmallCells(input: CountTableInput, threshold: number): ProtectedTable {
  if (!Number.isInteger(threshold) || threshold < 1) throw new Error('threshold must be >= 1');
  const rows = input.cells.length;
  const columns = input.cells[0]?.length ?? 0;
  for (const row of input.cells) {
    if (row.length !== columns) throw new Error('every row must have the same length');
    for (const value of row)
      if (!Number.isInteger(value) || value < 0) throw new Error('counts are whole and >= 0');
  }
  const withRowTotals = input.rowTotals ?? true;
  const withColumnTotals = input.columnTotals ?? true;
  const slot = (value: number, isTotal: boolean): Slot => ({
    value,
    hidden: isSmallCount(value, threshold) ? 'primary' : null,
    isTotal,
  });

  const cells = input.cells.map((row) => row.map((v) => slot(v, false)));
  const rowTotals = withRowTotals
    ? input.cells.map((row) =>
        slot(
          row.reduce((a, b) => a + b, 0),
          true,
        ),
      )
    : null;
  const columnTotals = withColumnTotals
    ? Array.from({ length: columns }, (_, c) =>
        slot(
          input.cells.reduce((sum, row) => sum + (row[c] ?? 0), 0),
          true,
        ),
      )
    : null;
  const grand = input.cells.flat().reduce((a, b) => a + b, 0);
  const total = rowTotals && columnTotals ? slot(grand, true) : null;

  // Every line: its parts and, where shown, its total.
  const lines: { parts: Slot[]; total: Slot | null }[] = [];
  for (let r = 0; r < rows; r += 1) lines.push({ parts: cells[r]!, total: rowTotals?.[r] ?? null });
  for (let c = 0; c < columns; c += 1)
    lines.push({ parts: cells.map((row) => row[c]!), total: columnTotals?.[c] ?? null });
  if (rowTotals && total) lines.push({ parts: rowTotals, total });
  if (columnTotals && total) lines.push({ parts: columnTotals, total });

  // A cell in a line whose visible total is 0 is known to be 0: hiding it protects nothing.
  const isKnownZero = (s: Slot) =>
    s.value === 0 &&
    lines.some((l) => l.total && !l.total.hidden && l.total.value === 0 && l.parts.includes(s));

  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const members = line.total ? [...line.parts, line.total] : line.parts;
      const hidden = members.filter((m) => m.hidden);
      if (hidden.length === 0) continue;
      const hiddenParts = line.parts.filter((p) => p.hidden);
      const hiddenSum = hiddenParts.reduce((a, p) => a + p.value, 0);
      const totalVisible = line.total !== null && line.total.hidden === null;
      // Without a shown total a line gives nothing away. With one, a single hidden member (a
      // part, or the total itself) follows from the others.
      const needsMore =
        (line.total !== null && hidden.length < 2) ||
        (totalVisible && hiddenParts.length > 0 && isSmallCount(hiddenSum, threshold));
      if (!needsMore) continue;
      const candidate = pickComplement(line.parts.filter((p) => !isKnownZero(p)));
      if (candidate) candidate.hidden = 'secondary';
      else if (line.total && !line.total.hidden) line.total.hidden = 'secondary';
      else continue;
      changed = true;
    }
  }

  const out = (s: Slot): ProtectedCell =>
    s.hidden ? { value: null, suppressed: s.hidden } : { value: s.value, suppressed: null };
  return {
    cells: cells.map((row) => row.map(out)),
    rowTotals: rowTotals ? rowTotals.map(out) : null,
    columnTotals: columnTotals ? columnTotals.map(out) : null,
    total: total ? out(total) : null,
  };
}

/** The visible part of a line to hide next: the smallest count, a non-zero one before a zero. */
function pickComplement(parts: Slot[]): Slot | undefined {
  const visible = parts.filter((p) => !p.hidden);
  const order = (s: Slot) => (s.value === 0 ? Number.MAX_SAFE_INTEGER : s.value);
  return visible.sort((a, b) => order(a) - order(b))[0];
}

/** One list of counts with its total (e.g. per problem area), suppressed the same way. */
export function suppressList(
  counts: readonly number[],
  threshold: number,
): { cells: ProtectedCell[]; total: ProtectedCell } {
  const table = suppressSmallCells(
    { cells: [counts], rowTotals: true, columnTotals: false },
    threshold,
  );
  return {
    cells: table.cells[0] ?? [],
    total: table.rowTotals?.[0] ?? { value: 0, suppressed: null },
  };
}

/** A cell as text: its count, or the marker. */
export function cellText(cell: ProtectedCell): string {
  return cell.suppressed ? suppressedMarker : String(cell.value);
}
