// Pure helpers of the cross-case views: coverage as a percentage in the reader's language, the
// width of a cell's bar, the comma lists the matrix takes in its address, and a search text's
// check (the server wants at least two characters).
export function coveragePercent(fraction: number, language: string): string {
  const value = Number.isFinite(fraction) ? Math.min(Math.max(fraction, 0), 1) : 0;
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    style: 'percent',
    // Small coverages stay visible: 0,4% rather than 0%.
    maximumFractionDigits: value > 0 && value < 0.1 ? 1 : 0,
  }).format(value);
}

/** The bar's width in percent: at least a sliver when something is coded at all. */
export function barWidth(fraction: number): number {
  if (!Number.isFinite(fraction) || fraction <= 0) return 0;
  return Math.max(2, Math.min(100, Math.round(fraction * 1000) / 10));
}

/** "a,b,c" from the address → ids (empty parts dropped, doubles once). */
export function idList(value: string | null | undefined): string[] {
  return [...new Set((value ?? '').split(',').filter(Boolean))];
}

export const minimumQueryLength = 2;

export function isSearchable(query: string): boolean {
  return query.trim().length >= minimumQueryLength;
}

/** The text of a snippet without marks, e.g. for a screen-reader-free comparison in tests. */
export function snippetText(parts: readonly { text: string }[]): string {
  return parts.map((p) => p.text).join('');
}
