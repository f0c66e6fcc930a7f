// Formats dates for people. ISO dates (2026-03-01) are read as calendar dates, never as UTC
// instants, so they do not shift a day in other time zones.
export function formatDate(iso: string, language: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month || !day) return iso;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'medium',
  }).format(new Date(year, month - 1, day));
}
