// Numbers and shares as the reader's language writes them ("3,5", "75%").

export function formatNumber(value: number, language: string, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits }).format(value);
}

/** A share of cases; "–" when there is nothing to take a share of. */
export function formatShare(part: number, whole: number, language: string): string {
  if (whole <= 0) return '–';
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(
    part / whole,
  );
}
