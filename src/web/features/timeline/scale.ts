// The time scale of the lane view: days (ISO days as day numbers since 1970-01-01, the same
// calendar arithmetic as the fuzzy dates, so nothing depends on the reader's time zone) to
// pixels and back, the shown span of the life course, and the ticks of the two axes (calendar
// years, or the youth's age counted from the middle of the birth year, as ageOn does).
import { dayFromNumber, dayNumber } from '../../../shared/domain/fuzzy-date';

export type AxisMode = 'calendar' | 'age';

export const daysPerYear = 365.2425;

export type TimeScale = {
  startDay: number;
  endDay: number;
  pxPerDay: number;
  /** Width in pixels of the whole span. */
  width: number;
  x: (day: number) => number;
  dayAt: (x: number) => number;
};

export function makeScale(startDay: number, endDay: number, pxPerYear: number): TimeScale {
  const pxPerDay = pxPerYear / daysPerYear;
  return {
    startDay,
    endDay,
    pxPerDay,
    width: Math.ceil((endDay - startDay) * pxPerDay),
    x: (day) => (day - startDay) * pxPerDay,
    dayAt: (x) => Math.floor(startDay + x / pxPerDay),
  };
}

const firstOfYear = (year: number) => dayNumber(`${String(year).padStart(4, '0')}-01-01`);
const yearOf = (day: number) => Number(dayFromNumber(day).slice(0, 4));

/**
 * The span to draw: whole calendar years from January of the birth year (or of an earlier
 * item) to the end of the year of today (or of a later item). End is exclusive.
 */
export function timelineSpan(
  birthYear: number,
  itemDays: { first: number; last: number } | null,
  today: string,
): { startDay: number; endDay: number } {
  const first = Math.min(firstOfYear(birthYear), itemDays?.first ?? Infinity);
  const last = Math.max(dayNumber(today), itemDays?.last ?? -Infinity);
  return { startDay: firstOfYear(yearOf(first)), endDay: firstOfYear(yearOf(last) + 1) };
}

/** How many years are visible at once for each zoom step; null is the whole life course. */
export const zoomSteps = [null, 10, 5, 2, 1, 0.5] as const;
export type ZoomStep = (typeof zoomSteps)[number];

/** The steps that make sense for this span: never more years than the span itself holds. */
export function usableZoomSteps(spanYears: number): ZoomStep[] {
  return zoomSteps.filter((step) => step === null || step < spanYears);
}

/** Pixels per year for a zoom step, given the visible width in pixels. */
export function pxPerYearFor(step: ZoomStep, visibleWidth: number, spanYears: number): number {
  const years = step ?? spanYears;
  return Math.max(visibleWidth, 200) / years;
}

export type Tick = { day: number; label: string; isMajor: boolean };

const monthNames = {
  nl: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

const ageWords = {
  nl: { years: (n: number) => `${n} jr`, months: (n: number) => `${n} mnd` },
  en: { years: (n: number) => `${n} yr`, months: (n: number) => `${n} mo` },
};

const monthDay = (year: number, month: number) =>
  dayNumber(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`);

/** Every how many years a labelled tick goes, so labels (about 48 px) never collide. */
function yearStep(pxPerYear: number): number {
  return [1, 2, 5, 10].find((step) => step * pxPerYear >= 48) ?? 10;
}

/** Months between minor ticks: every month when there is room, else every quarter, else none. */
function monthStep(pxPerYear: number): number | null {
  if (pxPerYear >= 12 * 34) return 1;
  if (pxPerYear >= 4 * 30) return 3;
  return null;
}

/**
 * Ticks for the axis. Calendar: 1 January of each year (every 2, 5 or 10 years when zoomed
 * out), with month or quarter ticks when zoomed in. Age: the estimated birthday (1 July of the
 * birth year plus the age), with months of age between.
 */
export function axisTicks(
  scale: TimeScale,
  mode: AxisMode,
  birthYear: number,
  language: 'nl' | 'en',
): Tick[] {
  const pxPerYear = scale.pxPerDay * daysPerYear;
  const step = yearStep(pxPerYear);
  const months = monthStep(pxPerYear);
  const firstYear = yearOf(scale.startDay) - 1;
  const lastYear = yearOf(scale.endDay - 1) + 1;
  const ticks: Tick[] = [];
  const inSpan = (day: number) => day >= scale.startDay && day < scale.endDay;
  for (let year = firstYear; year <= lastYear; year += 1) {
    if (mode === 'calendar') {
      if (year % step === 0 || step === 1) {
        ticks.push({ day: firstOfYear(year), label: String(year), isMajor: true });
      }
      if (months) {
        for (let month = 1 + months; month <= 12; month += months) {
          ticks.push({
            day: monthDay(year, month),
            label: months === 1 ? (monthNames[language][month - 1] ?? '') : '',
            isMajor: false,
          });
        }
      }
    } else {
      const age = year - birthYear;
      if (age < 0) continue;
      if (age % step === 0 || step === 1) {
        ticks.push({ day: monthDay(year, 7), label: ageWords[language].years(age), isMajor: true });
      }
      if (months) {
        for (let m = months; m < 12; m += months) {
          const month = ((6 + m) % 12) + 1;
          const calendarYear = month < 7 ? year + 1 : year;
          ticks.push({
            day: monthDay(calendarYear, month),
            label: months === 1 ? ageWords[language].months(m) : '',
            isMajor: false,
          });
        }
      }
    }
  }
  return ticks.filter((tick) => inSpan(tick.day)).sort((a, b) => a.day - b.day);
}

/** The month a pixel position falls in, for adding an item where someone clicked. */
export function monthAt(scale: TimeScale, x: number): { year: number; month: number } {
  const day = Math.min(Math.max(scale.dayAt(x), scale.startDay), scale.endDay - 1);
  const iso = dayFromNumber(day);
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) };
}
