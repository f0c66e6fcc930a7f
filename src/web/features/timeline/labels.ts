// Words for the timeline's codes (lanes, kinds, valence, perspectives, precisions, seasons),
// the signs that show valence next to its colour, and the sentence that names an item for
// screen readers: "Pleeggezin B, periode van maart 2016 tot juni 2019, negatief".
import type { TFunction } from 'i18next';
import { dayFromNumber, formatFuzzyDate, isValidIsoDay } from '../../../shared/domain/fuzzy-date';
import type {
  FuzzyDate,
  Perspective,
  TimelineKind,
  TimelineLane,
  Valence,
} from '../../../shared/domain/timeline';
import type { TimelineItem } from '../../../shared/contract/timeline';

export type Language = 'nl' | 'en';

export const asLanguage = (language: string): Language => (language === 'en' ? 'en' : 'nl');

export const laneText = (lane: TimelineLane, t: TFunction) => t(`timeline.lane.${lane}`);
export const kindText = (kind: TimelineKind, t: TFunction) => t(`timeline.kind.${kind}`);
export const valenceText = (valence: Valence, t: TFunction) => t(`timeline.valence.${valence}`);
export const perspectiveText = (perspective: Perspective, t: TFunction) =>
  t(`timeline.perspective.${perspective}`);

/** The sign shown with each valence, so it never rests on colour alone. */
export const valenceSign: Record<Valence, string> = {
  positive: '+',
  neutral: '',
  negative: '−',
};

/** Today as the server counts it when it checks dates (UTC), without Intl's time-zone data. */
export function todayUtc(now = Date.now()): string {
  return dayFromNumber(Math.floor(now / 86_400_000));
}

// formatFuzzyDate builds a new Intl.DateTimeFormat for every day or month it formats. The lane
// view names hundreds of items at once, so it keeps one formatter per language and kind here
// (the same options, so the same words: labels.test.ts compares them), and hands seasons,
// years and ages, which need no Intl, to formatFuzzyDate itself.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: Language, kind: 'day' | 'month'): Intl.DateTimeFormat {
  const key = `${language}-${kind}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
      ...(kind === 'day' ? { day: 'numeric' } : {}),
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    formatters.set(key, found);
  }
  return found;
}

function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

export function dateText(date: FuzzyDate, language: string): string {
  const lang = asLanguage(language);
  if (date.precision === 'month') {
    return formatter(lang, 'month').format(utcDate(date.year, date.month, 1));
  }
  if (date.precision === 'day' && isValidIsoDay(date.date)) {
    const [year, month, day] = date.date.split('-').map(Number) as [number, number, number];
    return formatter(lang, 'day').format(utcDate(year, month, day));
  }
  return formatFuzzyDate(date, lang);
}

/** "maart 2016 – juni 2019", "maart 2016 – nu", or one date for an event. */
export function whenText(
  item: Pick<TimelineItem, 'kind' | 'start' | 'end'>,
  t: TFunction,
  language: string,
): string {
  const start = dateText(item.start, language);
  if (item.kind === 'event') return start;
  const end = item.end ? dateText(item.end, language) : t('timeline.now');
  return `${start} – ${end}`;
}

/** The accessible name of an item in the lane view; without valence in the neutral view. */
export function itemName(
  item: TimelineItem,
  t: TFunction,
  language: string,
  isNeutral: boolean,
): string {
  const title = item.reference ? `${item.title} (${item.reference})` : item.title;
  const start = dateText(item.start, language);
  const parts = [
    title,
    item.kind === 'event'
      ? t('timeline.name.event', { start })
      : item.end
        ? t('timeline.name.period', { start, end: dateText(item.end, language) })
        : t('timeline.name.periodOngoing', { start }),
  ];
  if (!isNeutral) parts.push(valenceText(item.valence, t).toLocaleLowerCase(language));
  if (item.isSignal) parts.push(t('timeline.name.signal'));
  if (item.comments.length > 0) {
    parts.push(t('timeline.name.comments', { count: item.comments.length }));
  }
  return parts.join(', ');
}

/** The twelve months by name, for a month select: "januari" … "december". */
export function monthOptions(language: Language): { value: string; label: string }[] {
  const names = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    month: 'long',
    timeZone: 'UTC',
  });
  return Array.from({ length: 12 }, (_, index) => ({
    value: String(index + 1),
    label: names.format(utcDate(2000, index + 1, 1)),
  }));
}
