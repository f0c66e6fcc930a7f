// The vocabulary of a life-course timeline, shared by server, web and reports: lanes, fuzzy
// dates (a day, a month, a season, a year, or an age such as "toen ik 5 was"), valence and
// source. Lists that people edit (setting types, school types, care types, measures) are
// reference data with stable codes; only the markers below carry meaning for the indicators.

export const timelineLanes = [
  'living',
  'school',
  'care',
  'diagnosis',
  'justice',
  'family',
  'people',
] as const;
export type TimelineLane = (typeof timelineLanes)[number];

export const timelineKinds = ['event', 'period'] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export const valences = ['positive', 'neutral', 'negative'] as const;
export type Valence = (typeof valences)[number];

/** Whose account an item or comment is: the perspectives kept side by side. */
export const perspectives = ['youth', 'parent', 'professional', 'dossier'] as const;
export type Perspective = (typeof perspectives)[number];

/** The editable category lists and the lane each belongs to. */
export const categoryLists = {
  setting_type: 'living',
  school_type: 'school',
  care_type: 'care',
  justice_measure: 'justice',
} as const satisfies Record<string, TimelineLane>;
export type CategoryList = keyof typeof categoryLists;
export const laneCategoryList: Partial<Record<TimelineLane, CategoryList>> = {
  living: 'setting_type',
  school: 'school_type',
  care: 'care_type',
  justice: 'justice_measure',
};

/**
 * What a category means for the indicators: a living setting away from the parental home, help
 * from specialised care, or a school period without school (a "thuiszitter").
 */
export const categoryMarkers = ['out_of_home', 'specialist', 'no_school'] as const;
export type CategoryMarker = (typeof categoryMarkers)[number];

export const seasons = ['winter', 'spring', 'summer', 'autumn'] as const;
export type Season = (typeof seasons)[number];

/** A date as precisely as people remember it. Months are 1–12; an age is in whole years. */
export type FuzzyDate =
  | { precision: 'day'; date: string }
  | { precision: 'month'; year: number; month: number }
  | { precision: 'season'; year: number; season: Season }
  | { precision: 'year'; year: number }
  | { precision: 'age'; age: number };

/** The first and last day (ISO yyyy-mm-dd, both inclusive) a fuzzy date can mean. */
export type DayRange = { earliest: string; latest: string };

/** An item as the indicators need it: dates already resolved to day ranges. */
export type IndicatorItem = {
  id: string;
  lane: TimelineLane;
  kind: TimelineKind;
  start: DayRange;
  /** null for an event, and for a period that is still going on. */
  end: DayRange | null;
  categoryMarker: CategoryMarker | null;
  categoryCode: string | null;
  /** The pseudonymous setting, school or provider ("pleeggezin B"), compared case-insensitively. */
  reference: string | null;
  /** A first sign that something was wrong (marked by whoever added the item). */
  isSignal: boolean;
  /** For a diagnosis: the earlier diagnosis this one revises. */
  revisesItemId: string | null;
};

export type CaseIndicators = {
  placements: number;
  placementChanges: number;
  schoolChanges: number;
  monthsWithoutSchool: number;
  careProviders: number;
  ageAtFirstSignal: number | null;
  ageAtFirstSpecialistHelp: number | null;
  /** Years from the first signal to the first specialist help; null when either is unknown. */
  earlySignalGap: number | null;
  diagnosesRevised: number;
};
