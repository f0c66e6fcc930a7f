// Fuzzy dates as day ranges: people remember a day, a month, a season, a year or only an age
// ("toen ik 5 was"). Each is turned into the first and last day it can mean (ISO yyyy-mm-dd,
// both inclusive), so items of mixed precision can be ordered, drawn and compared.
//
// - day: that day.
// - month: the first to the last day of the month (28 or 29 days in February).
// - year: 1 January to 31 December.
// - season: meteorological seasons, as the KNMI counts them: spring 1 March – 31 May, summer
//   1 June – 31 August, autumn 1 September – 30 November, and winter 1 December of the year to
//   the end of February of the next year ("winter 2019" starts in December 2019 and is shown as
//   "winter 2019–2020").
// - age: only the birth year B is stored. Born on some day in B, someone turns A on their
//   birthday in B+A and stays A until the day before their birthday in B+A+1. So age A means
//   1 January of B+A (born on 1 January) to 30 December of B+A+1 (born on 31 December).
//
// Day arithmetic is done on day numbers (days since 1970-01-01) with the proleptic Gregorian
// calendar, never on local time, so results do not depend on the machine's time zone.

import type { DayRange, FuzzyDate, Season } from './timeline';

const isoDayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether a string is an existing calendar day written as yyyy-mm-dd. */
export function isValidIsoDay(day: string): boolean {
  const match = isoDayPattern.exec(day);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const dayOfMonth = Number(match[3]);
  return month >= 1 && month <= 12 && dayOfMonth >= 1 && dayOfMonth <= daysInMonth(year, month);
}

function parseIsoDay(day: string): { year: number; month: number; day: number } {
  if (!isValidIsoDay(day)) throw new RangeError(`Not an existing ISO day: ${day}`);
  const [year, month, dayOfMonth] = day.split('-').map(Number) as [number, number, number];
  return { year, month, day: dayOfMonth };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function isoDay(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

// Days since 1970-01-01 and back (H. Hinnant, "chrono-compatible low-level date algorithms").
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return isoDay(year, month, day);
}

/** Days since 1970-01-01 of an ISO day. */
export function dayNumber(day: string): number {
  const { year, month, day: dayOfMonth } = parseIsoDay(day);
  return daysFromCivil(year, month, dayOfMonth);
}

/** The ISO day of a day number (days since 1970-01-01). */
export function dayFromNumber(days: number): string {
  return civilFromDays(days);
}

const seasonMonths: Record<Season, { first: number; last: number }> = {
  spring: { first: 3, last: 5 },
  summer: { first: 6, last: 8 },
  autumn: { first: 9, last: 11 },
  winter: { first: 12, last: 2 },
};

// Years 1–9998, so every day in a range has a four-digit year and ISO days sort as strings.
const isSupportedYear = (year: number) => Number.isInteger(year) && year >= 1 && year <= 9998;

function checkYear(year: number): void {
  if (!isSupportedYear(year)) {
    throw new RangeError(`Not a supported year: ${year}`);
  }
}

/** The first and last day (inclusive) a fuzzy date can mean; see the header for the rules. */
export function dayRange(date: FuzzyDate, birthYear: number): DayRange {
  switch (date.precision) {
    case 'day':
      parseIsoDay(date.date);
      return { earliest: date.date, latest: date.date };
    case 'month': {
      checkYear(date.year);
      if (!Number.isInteger(date.month) || date.month < 1 || date.month > 12) {
        throw new RangeError(`Not a month: ${date.month}`);
      }
      return {
        earliest: isoDay(date.year, date.month, 1),
        latest: isoDay(date.year, date.month, daysInMonth(date.year, date.month)),
      };
    }
    case 'season': {
      checkYear(date.year);
      const { first, last } = seasonMonths[date.season];
      const lastYear = date.season === 'winter' ? date.year + 1 : date.year;
      return {
        earliest: isoDay(date.year, first, 1),
        latest: isoDay(lastYear, last, daysInMonth(lastYear, last)),
      };
    }
    case 'year':
      checkYear(date.year);
      return { earliest: isoDay(date.year, 1, 1), latest: isoDay(date.year, 12, 31) };
    case 'age': {
      if (!Number.isInteger(date.age) || date.age < 0) {
        throw new RangeError(`Not an age in whole years: ${date.age}`);
      }
      checkYear(birthYear + date.age);
      return {
        earliest: isoDay(birthYear + date.age, 1, 1),
        latest: isoDay(birthYear + date.age + 1, 12, 30),
      };
    }
  }
}

/**
 * Order of day ranges: by earliest day, then by latest day (the narrower range first when both
 * start on the same day); 0 for equal ranges, so a stable sort keeps their input order.
 */
export function compareFuzzy(a: DayRange, b: DayRange): number {
  if (a.earliest !== b.earliest) return a.earliest < b.earliest ? -1 : 1;
  if (a.latest !== b.latest) return a.latest < b.latest ? -1 : 1;
  return 0;
}

/**
 * Whether a certainly lies before b: its last possible day is before b's first possible day.
 * Overlapping ranges are not "definitely before", so uncertain dates are never rejected.
 */
export function isDefinitelyBefore(a: DayRange, b: DayRange): boolean {
  return a.latest < b.earliest;
}

/** The middle day of a range (the earlier of the two middle days when the length is even). */
export function midpoint(range: DayRange): string {
  const first = dayNumber(range.earliest);
  const last = dayNumber(range.latest);
  return dayFromNumber(Math.floor((first + last) / 2));
}

const roundOneDecimal = (value: number): number => Math.round(value * 10) / 10 || 0;

/** Average month length of the Gregorian calendar, in days (365.2425 / 12 ≈ 30.4375). */
export const daysPerMonth = 30.4375;

/** Months from a to b (negative when b is earlier), as days / 30.4375, rounded to 0.1. */
export function monthsBetween(a: string, b: string): number {
  return roundOneDecimal((dayNumber(b) - dayNumber(a)) / daysPerMonth);
}

/**
 * Estimated age in years on a day when only the birth year is known: counted from 1 July of
 * the birth year (the middle of the year), in years of 365.25 days, rounded to 0.1, never
 * below 0.
 */
export function ageOn(day: string, birthYear: number): number {
  const born = daysFromCivil(birthYear, 7, 1);
  return Math.max(0, roundOneDecimal((dayNumber(day) - born) / 365.25));
}

/** Today's date as an ISO day in a time zone (default the Netherlands). */
export function todayIso(now: Date, timeZone = 'Europe/Amsterdam'): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const seasonNames: Record<'nl' | 'en', Record<Season, string>> = {
  nl: { winter: 'winter', spring: 'lente', summer: 'zomer', autumn: 'herfst' },
  en: { winter: 'winter', spring: 'spring', summer: 'summer', autumn: 'autumn' },
};

const intlLocale = { nl: 'nl-NL', en: 'en-GB' } as const;

// Creating an Intl.DateTimeFormat is costly (a timeline of 300 items formats 600 dates): one per
// locale and style, made once.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: 'nl' | 'en', style: 'day' | 'month'): Intl.DateTimeFormat {
  const key = `${locale}:${style}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(intlLocale[locale], {
      ...(style === 'day' ? { day: 'numeric' } : {}),
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    formatters.set(key, made);
  }
  return made;
}

/**
 * A fuzzy date in words: "12 maart 2019", "maart 2019", "zomer 2019", "winter 2019–2020",
 * "2019", "op 5-jarige leeftijd" (English: "12 March 2019", "March 2019", "summer 2019",
 * "at age 5"). A day that does not exist is shown as typed.
 */
export function formatFuzzyDate(date: FuzzyDate, locale: 'nl' | 'en'): string {
  switch (date.precision) {
    case 'day': {
      if (!isValidIsoDay(date.date)) return date.date;
      const { year, month, day } = parseIsoDay(date.date);
      return formatter(locale, 'day').format(utcDate(year, month, day));
    }
    case 'month':
      return formatter(locale, 'month').format(utcDate(date.year, date.month, 1));
    case 'season': {
      const name = seasonNames[locale][date.season];
      return date.season === 'winter'
        ? `${name} ${date.year}–${date.year + 1}`
        : `${name} ${date.year}`;
    }
    case 'year':
      return String(date.year);
    case 'age':
      return locale === 'nl' ? `op ${date.age}-jarige leeftijd` : `at age ${date.age}`;
  }
}

function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

export type DateProblem = { path: 'start' | 'end'; message: string };

/** Whether a fuzzy date can be turned into a day range at all (see dayRange). */
function problemWithDate(date: FuzzyDate, birthYear: number): string | null {
  const validYear = isSupportedYear;
  switch (date.precision) {
    case 'day':
      return isValidIsoDay(date.date) && validYear(Number(date.date.slice(0, 4)))
        ? null
        : 'Deze datum bestaat niet';
    case 'month':
      return validYear(date.year) &&
        Number.isInteger(date.month) &&
        date.month >= 1 &&
        date.month <= 12
        ? null
        : 'Deze datum bestaat niet';
    case 'season':
    case 'year':
      return validYear(date.year) ? null : 'Deze datum bestaat niet';
    case 'age':
      return Number.isInteger(date.age) && date.age >= 0 && validYear(birthYear + date.age)
        ? null
        : 'Een leeftijd is een heel aantal jaren, 0 of meer';
  }
}

/**
 * What is wrong with the dates of an item, in Dutch, per field: a date that does not exist
 * (2019-02-30), a date that certainly lies in the future (its first possible day is after
 * today; for an age: the youth cannot have reached it yet), and an end that certainly lies
 * before the start. Overlapping uncertain dates ("2019" to "maart 2019") are accepted.
 */
export function validateDates(
  start: FuzzyDate,
  end: FuzzyDate | null,
  birthYear: number,
  today: string,
): DateProblem[] {
  const problems: DateProblem[] = [];
  const check = (date: FuzzyDate, path: 'start' | 'end'): DayRange | null => {
    const problem = problemWithDate(date, birthYear);
    if (problem) {
      problems.push({ path, message: problem });
      return null;
    }
    const range = dayRange(date, birthYear);
    if (range.earliest > today) {
      problems.push({
        path,
        message:
          date.precision === 'age'
            ? 'De jongere heeft deze leeftijd nog niet bereikt'
            : 'Deze datum ligt in de toekomst',
      });
    }
    return range;
  };
  const startRange = check(start, 'start');
  const endRange = end ? check(end, 'end') : null;
  if (startRange && endRange && isDefinitelyBefore(endRange, startRange)) {
    problems.push({ path: 'end', message: 'Het einde ligt vóór het begin' });
  }
  return problems;
}
