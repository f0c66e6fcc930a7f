// The indicators of one case, derived from its timeline. Researchers compare cases by these
// numbers, so the definitions are exact and every case is computed the same way.
//
// Order. Items are ordered by their start range with compareFuzzy (earliest day, then latest
// day); ties are broken by the end range (a period still going on last) and then by item id, so
// the result never depends on the order in which items are passed in. "Consecutive" below
// means next to each other in this order within the selection named, whatever lies between
// them in time; overlapping periods are simply taken in this order.
//
// Setting. A living or school period's setting is its category code plus its reference
// (the pseudonymous setting or school, "pleeggezin B"), compared trimmed and in lower case; an
// empty reference counts as unknown. Two consecutive periods are in a different setting when
// their category codes differ (a missing code is a value of its own), or when both references
// are known and differ. An unknown reference in the same category is taken to be the same
// setting: nothing says it was another one.
//
// - placements: living-lane periods whose category is marked out_of_home.
// - placementChanges: moves between consecutive living-lane periods that are in a different
//   setting, counted only when at least one of the two settings is out_of_home. A move from
//   "pleeggezin A" to "pleeggezin B" (same category) counts; a move between two settings at
//   home (for instance from one parent to the other) does not.
// - schoolChanges: consecutive school-lane periods in a different setting. A period without
//   school is a setting of its own, so school A → at home without school → school A counts 2.
// - monthsWithoutSchool: the time covered by school-lane periods whose category is marked
//   no_school, each from the midpoint of its start range to the midpoint of its end range (or
//   to today while it is still going on). Overlapping periods are counted once; a period whose
//   end midpoint is before its start midpoint counts 0. Total days / 30.4375, to 0.1 month.
// - careProviders: the number of different references (trimmed, lower case, empty ignored)
//   among care-lane items, events and periods alike.
// - ageAtFirstSignal: the estimated age (ageOn: from 1 July of the birth year, to 0.1 year) on
//   the midpoint of the start range of the first item, in the order above, marked as a signal,
//   in any lane; null when no item is.
// - ageAtFirstSpecialistHelp: the same for the first care-lane item, event or period, whose
//   category is marked specialist; null when there is none.
// - earlySignalGap: ageAtFirstSpecialistHelp − ageAtFirstSignal, from the two rounded ages, to
//   0.1 year. Negative when specialist help came before the first recorded signal; null when
//   either age is null.
// - diagnosesRevised: diagnosis-lane items whose revisesItemId names another diagnosis-lane
//   item of the same timeline.

import { ageOn, compareFuzzy, dayNumber, daysPerMonth, midpoint } from './fuzzy-date';
import type { CaseIndicators, DayRange, IndicatorItem } from './timeline';

const normalise = (reference: string | null): string | null => {
  const value = reference?.trim().toLowerCase() ?? '';
  return value === '' ? null : value;
};

function compareItems(a: IndicatorItem, b: IndicatorItem): number {
  const byStart = compareFuzzy(a.start, b.start);
  if (byStart !== 0) return byStart;
  const byEnd = compareEnds(a.end, b.end);
  if (byEnd !== 0) return byEnd;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function compareEnds(a: DayRange | null, b: DayRange | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return compareFuzzy(a, b);
}

function differentSetting(a: IndicatorItem, b: IndicatorItem): boolean {
  if (a.categoryCode !== b.categoryCode) return true;
  const refA = normalise(a.reference);
  const refB = normalise(b.reference);
  return refA !== null && refB !== null && refA !== refB;
}

function consecutivePairs<T>(list: readonly T[]): [T, T][] {
  return list.slice(1).map((item, i) => [list[i] as T, item]);
}

const roundOneDecimal = (value: number): number => Math.round(value * 10) / 10 || 0;

/** Days covered by a set of inclusive-exclusive day-number intervals, overlaps counted once. */
function coveredDays(intervals: [number, number][]): number {
  const sorted = intervals.filter(([from, to]) => to > from).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let current: [number, number] | null = null;
  for (const [from, to] of sorted) {
    if (current && from <= current[1]) {
      current[1] = Math.max(current[1], to);
    } else {
      if (current) total += current[1] - current[0];
      current = [from, to];
    }
  }
  if (current) total += current[1] - current[0];
  return total;
}

/** The indicators of a case; see the header for the exact definitions. */
export function computeIndicators(
  items: readonly IndicatorItem[],
  birthYear: number,
  today: string,
): CaseIndicators {
  const ordered = [...items].sort(compareItems);
  const periods = (lane: IndicatorItem['lane']) =>
    ordered.filter((item) => item.lane === lane && item.kind === 'period');

  const living = periods('living');
  const placements = living.filter((p) => p.categoryMarker === 'out_of_home').length;
  const placementChanges = consecutivePairs(living).filter(
    ([a, b]) =>
      differentSetting(a, b) &&
      (a.categoryMarker === 'out_of_home' || b.categoryMarker === 'out_of_home'),
  ).length;

  const school = periods('school');
  const schoolChanges = consecutivePairs(school).filter(([a, b]) => differentSetting(a, b)).length;
  const withoutSchool = coveredDays(
    school
      .filter((p) => p.categoryMarker === 'no_school')
      .map((p): [number, number] => [
        dayNumber(midpoint(p.start)),
        dayNumber(p.end ? midpoint(p.end) : today),
      ]),
  );
  const monthsWithoutSchool = roundOneDecimal(withoutSchool / daysPerMonth);

  const care = ordered.filter((item) => item.lane === 'care');
  const careProviders = new Set(
    care.map((item) => normalise(item.reference)).filter((ref) => ref !== null),
  ).size;

  const ageAt = (item: IndicatorItem | undefined) =>
    item ? ageOn(midpoint(item.start), birthYear) : null;
  const ageAtFirstSignal = ageAt(ordered.find((item) => item.isSignal));
  const ageAtFirstSpecialistHelp = ageAt(care.find((item) => item.categoryMarker === 'specialist'));
  const earlySignalGap =
    ageAtFirstSignal === null || ageAtFirstSpecialistHelp === null
      ? null
      : roundOneDecimal(ageAtFirstSpecialistHelp - ageAtFirstSignal);

  const diagnoses = ordered.filter((item) => item.lane === 'diagnosis');
  const diagnosisIds = new Set(diagnoses.map((item) => item.id));
  const diagnosesRevised = diagnoses.filter(
    (item) =>
      item.revisesItemId !== null &&
      item.revisesItemId !== item.id &&
      diagnosisIds.has(item.revisesItemId),
  ).length;

  return {
    placements,
    placementChanges,
    schoolChanges,
    monthsWithoutSchool,
    careProviders,
    ageAtFirstSignal,
    ageAtFirstSpecialistHelp,
    earlySignalGap,
    diagnosesRevised,
  };
}
