// Formats dates for people. ISO dates (2026-03-01) are read as calendar dates, never as UTC
// instants, so they do not shift a day in other time zones. Instants (2026-03-01T13:05:00Z)
// are shown in the reader's own time zone.
function locale(language: string): string {
  return language === 'en' ? 'en-GB' : 'nl-NL';
}

export function formatDate(iso: string, language: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month || !day) return iso;
  return new Intl.DateTimeFormat(locale(language), {
    dateStyle: 'medium',
  }).format(new Date(year, month - 1, day));
}

/** The day of a moment, in the reader's own time zone: "3 mrt 2026". */
export function formatDay(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium' }).format(date);
}

/** Today's date as an ISO date (2026-03-01) in the reader's own time zone, for date fields. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A moment to the second, compact enough for a table: "3 mrt 2026, 14:05:09". */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(language), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(date);
}

/** A moment in full words, for a sentence: "dinsdag 3 maart 2026 om 14:05". */
export function formatMoment(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(language), {
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(date);
}
