import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayRange } from './fuzzy-date';
import { computeIndicators } from './indicators';
import {
  categoryMarkers,
  seasons,
  timelineLanes,
  type CaseIndicators,
  type FuzzyDate,
  type IndicatorItem,
} from './timeline';

const birthYear = 2008;
const today = '2026-06-01';

const at = (date: FuzzyDate) => dayRange(date, birthYear);
const day = (date: string) => at({ precision: 'day', date });
const month = (year: number, m: number) => at({ precision: 'month', year, month: m });
const year = (y: number) => at({ precision: 'year', year: y });

let nextId = 0;
const item = (fields: Partial<IndicatorItem> & Pick<IndicatorItem, 'lane' | 'start'>) =>
  ({
    id: `i${++nextId}`,
    kind: 'period',
    end: null,
    categoryMarker: null,
    categoryCode: null,
    reference: null,
    isSignal: false,
    revisesItemId: null,
    ...fields,
  }) satisfies IndicatorItem;

const empty: CaseIndicators = {
  placements: 0,
  placementChanges: 0,
  schoolChanges: 0,
  monthsWithoutSchool: 0,
  careProviders: 0,
  ageAtFirstSignal: null,
  ageAtFirstSpecialistHelp: null,
  earlySignalGap: null,
  diagnosesRevised: 0,
};

const compute = (items: IndicatorItem[]) => computeIndicators(items, birthYear, today);

describe('computeIndicators', () => {
  it('gives zeros and nulls for an empty timeline', () => {
    expect(compute([])).toEqual(empty);
  });

  describe('placements and placement changes', () => {
    const home = (start: ReturnType<typeof day>, reference: string | null = 'thuis') =>
      item({ lane: 'living', start, categoryCode: 'parental_home', reference });
    const foster = (start: ReturnType<typeof day>, reference: string | null) =>
      item({
        lane: 'living',
        start,
        categoryCode: 'foster_family',
        categoryMarker: 'out_of_home',
        reference,
      });
    const group = (start: ReturnType<typeof day>, reference: string | null) =>
      item({
        lane: 'living',
        start,
        categoryCode: 'residential',
        categoryMarker: 'out_of_home',
        reference,
      });

    it('counts a move from foster family A to foster family B', () => {
      const result = compute([
        home(year(2008)),
        foster(month(2014, 3), 'Pleeggezin A'),
        foster(day('2016-09-01'), 'pleeggezin B'),
      ]);
      expect(result.placements).toBe(2);
      // home → A, A → B
      expect(result.placementChanges).toBe(2);
    });

    it('compares references trimmed and case-insensitively', () => {
      const result = compute([
        foster(month(2014, 3), 'Pleeggezin A'),
        foster(day('2016-09-01'), '  pleeggezin a '),
      ]);
      expect(result.placements).toBe(2);
      expect(result.placementChanges).toBe(0);
    });

    it('treats an unknown reference as the same setting within a category, another setting across', () => {
      expect(
        compute([foster(month(2014, 3), 'Pleeggezin A'), foster(year(2016), null)])
          .placementChanges,
      ).toBe(0);
      expect(compute([foster(month(2014, 3), null), foster(year(2016), '')]).placementChanges).toBe(
        0,
      );
      expect(
        compute([foster(month(2014, 3), null), group(year(2016), null)]).placementChanges,
      ).toBe(1);
    });

    it('counts only moves that involve a setting away from home', () => {
      const result = compute([
        home(year(2008), 'moeder'),
        home(year(2012), 'vader'),
        group(day('2015-02-01'), 'De Hoeve'),
        home(month(2017, 6), 'vader'),
        // An event in the living lane is no period and no placement.
        item({
          lane: 'living',
          kind: 'event',
          start: day('2018-01-01'),
          categoryCode: 'residential',
          categoryMarker: 'out_of_home',
          reference: 'Crisisopvang',
        }),
      ]);
      expect(result.placements).toBe(1);
      // moeder → vader does not count; vader → De Hoeve and De Hoeve → vader do.
      expect(result.placementChanges).toBe(2);
    });

    it('orders periods of mixed precision by their start before counting moves', () => {
      // Given out of order: "2016" (from 1 Jan), "maart 2014", "1 jan 2016" (same start as
      // "2016" but narrower, so first).
      const result = compute([
        foster(year(2016), 'Pleeggezin C'),
        foster(month(2014, 3), 'Pleeggezin A'),
        group(day('2016-01-01'), 'De Hoeve'),
      ]);
      expect(result.placements).toBe(3);
      // A → De Hoeve → C
      expect(result.placementChanges).toBe(2);
      // A case where the order matters: in input order (A, A, B) there would be 1 move; in
      // time order (A 2014, B 2015, A 2016) there are 2.
      expect(
        compute([
          foster(year(2016), 'Pleeggezin A'),
          foster(month(2014, 3), 'Pleeggezin A'),
          foster(day('2015-01-01'), 'Pleeggezin B'),
        ]).placementChanges,
      ).toBe(2);
    });
  });

  describe('school', () => {
    const school = (start: ReturnType<typeof day>, code: string, reference: string | null) =>
      item({ lane: 'school', start, categoryCode: code, reference });
    const noSchool = (start: ReturnType<typeof day>, end: ReturnType<typeof day> | null) =>
      item({ lane: 'school', start, end, categoryCode: 'none', categoryMarker: 'no_school' });

    it('counts changes of school type or school, a period without school included', () => {
      const result = compute([
        school(year(2012), 'primary', 'De Regenboog'),
        school(month(2015, 9), 'primary', 'de regenboog '),
        school(month(2016, 9), 'special', 'De Brug'),
        noSchool(day('2018-03-01'), day('2018-06-01')),
        school(month(2018, 6), 'special', 'De Brug'),
      ]);
      // Regenboog → Regenboog: none; → De Brug; → no school; → De Brug again.
      expect(result.schoolChanges).toBe(3);
    });

    it('counts months without school from the midpoints of start and end', () => {
      // March 2018 (midpoint 16 March) to August 2018 (midpoint 16 August): 153 days = 5.0.
      const result = compute([noSchool(month(2018, 3), month(2018, 8))]);
      expect(result.monthsWithoutSchool).toBe(5);
      // An exact start and end: 1 March to 1 June 2018 is 92 days = 3.02 → 3.0.
      expect(compute([noSchool(day('2018-03-01'), day('2018-06-01'))]).monthsWithoutSchool).toBe(3);
    });

    it('counts a period without school that is still going on up to today', () => {
      // 1 December 2025 to today (1 June 2026): 182 days / 30.4375 = 5.98 → 6.0.
      expect(compute([noSchool(day('2025-12-01'), null)]).monthsWithoutSchool).toBe(6);
      // Adding an earlier, closed period of 1.5 months: 46 days (1 Jan – 16 Feb 2020).
      const result = compute([
        noSchool(day('2025-12-01'), null),
        noSchool(day('2020-01-01'), day('2020-02-16')),
      ]);
      // (182 + 46) / 30.4375 = 7.49 → 7.5
      expect(result.monthsWithoutSchool).toBe(7.5);
    });

    it('counts overlapping periods without school once, and ignores other lanes and events', () => {
      const result = compute([
        noSchool(day('2018-03-01'), day('2018-06-01')),
        noSchool(day('2018-05-01'), day('2018-07-01')),
        item({
          lane: 'school',
          kind: 'event',
          start: day('2019-01-01'),
          categoryMarker: 'no_school',
        }),
        item({
          lane: 'care',
          start: day('2019-01-01'),
          end: day('2019-12-31'),
          categoryMarker: 'no_school',
        }),
      ]);
      // 1 March to 1 July 2018: 122 days = 4.008 → 4.0.
      expect(result.monthsWithoutSchool).toBe(4);
    });

    it('counts 0 months for an end whose midpoint lies before the start midpoint', () => {
      // Start "2018" (midpoint 2 July), end "maart 2018": allowed because the ranges overlap.
      expect(compute([noSchool(year(2018), month(2018, 3))]).monthsWithoutSchool).toBe(0);
    });
  });

  it('counts different care providers by reference', () => {
    const care = (reference: string | null, kind: 'event' | 'period' = 'period') =>
      item({ lane: 'care', kind, start: year(2015), reference });
    const result = compute([
      care('Wijkteam Noord'),
      care(' wijkteam noord'),
      care('GGZ Centraal', 'event'),
      care(null),
      care('  '),
      care('Karakter'),
      // The same name in another lane is no care provider.
      item({ lane: 'school', start: year(2015), reference: 'Kwintes' }),
    ]);
    expect(result.careProviders).toBe(3);
  });

  describe('ages and the early-signal gap', () => {
    it('takes the age at the first signal and at the first specialist help', () => {
      const result = compute([
        // Specialist help in "zomer 2019" (midpoint 16 July 2019): 11.0 years after 1 July 2008.
        item({
          lane: 'care',
          start: at({ precision: 'season', year: 2019, season: 'summer' }),
          categoryMarker: 'specialist',
          reference: 'Karakter',
        }),
        // A later specialist item does not count.
        item({
          lane: 'care',
          start: year(2021),
          categoryMarker: 'specialist',
          reference: 'Accare',
        }),
        // A specialist marker outside the care lane does not count.
        item({ lane: 'diagnosis', start: year(2012), categoryMarker: 'specialist' }),
        // First signal "toen hij 5 was": 2013-01-01 .. 2014-12-30, midpoint 1 January 2014
        // = 5.5 years.
        item({
          lane: 'family',
          kind: 'event',
          start: at({ precision: 'age', age: 5 }),
          isSignal: true,
        }),
        item({ lane: 'school', kind: 'event', start: year(2016), isSignal: true }),
      ]);
      expect(result.ageAtFirstSignal).toBe(5.5);
      expect(result.ageAtFirstSpecialistHelp).toBe(11);
      expect(result.earlySignalGap).toBe(5.5);
    });

    it('gives a negative gap when specialist help came before the first signal', () => {
      const result = compute([
        item({ lane: 'care', start: day('2012-07-01'), categoryMarker: 'specialist' }),
        item({ lane: 'school', kind: 'event', start: day('2014-01-01'), isSignal: true }),
      ]);
      expect(result.ageAtFirstSpecialistHelp).toBe(4);
      expect(result.ageAtFirstSignal).toBe(5.5);
      expect(result.earlySignalGap).toBe(-1.5);
    });

    it('leaves the gap null when either age is unknown', () => {
      const onlySignal = compute([
        item({ lane: 'family', kind: 'event', start: year(2012), isSignal: true }),
      ]);
      expect(onlySignal.ageAtFirstSignal).toBe(4);
      expect(onlySignal.ageAtFirstSpecialistHelp).toBeNull();
      expect(onlySignal.earlySignalGap).toBeNull();
      const onlyHelp = compute([
        item({ lane: 'care', start: year(2012), categoryMarker: 'specialist' }),
      ]);
      expect(onlyHelp.ageAtFirstSignal).toBeNull();
      expect(onlyHelp.ageAtFirstSpecialistHelp).toBe(4);
      expect(onlyHelp.earlySignalGap).toBeNull();
    });

    it('rounds the gap from the rounded ages without floating-point noise', () => {
      const result = compute([
        item({ lane: 'family', kind: 'event', start: day('2009-01-06'), isSignal: true }),
        item({ lane: 'care', start: day('2011-02-10'), categoryMarker: 'specialist' }),
      ]);
      expect(result.ageAtFirstSignal).toBe(0.5);
      expect(result.ageAtFirstSpecialistHelp).toBe(2.6);
      expect(result.earlySignalGap).toBe(2.1);
    });
  });

  it('counts revised diagnoses only when they revise another diagnosis in the timeline', () => {
    const adhd = item({ id: 'd1', lane: 'diagnosis', kind: 'event', start: year(2014) });
    const result = compute([
      adhd,
      item({ id: 'd2', lane: 'diagnosis', kind: 'event', start: year(2016), revisesItemId: 'd1' }),
      item({ id: 'd3', lane: 'diagnosis', kind: 'event', start: year(2018), revisesItemId: 'd2' }),
      // Pointing at nothing, at itself, or at an item of another lane does not count.
      item({ id: 'd4', lane: 'diagnosis', kind: 'event', start: year(2019), revisesItemId: 'x' }),
      item({ id: 'd5', lane: 'diagnosis', kind: 'event', start: year(2019), revisesItemId: 'd5' }),
      item({ id: 'c1', lane: 'care', start: year(2019) }),
      item({ id: 'd6', lane: 'diagnosis', kind: 'event', start: year(2020), revisesItemId: 'c1' }),
    ]);
    expect(result.diagnosesRevised).toBe(2);
  });

  it('computes every indicator together on a realistic timeline', () => {
    const items = [
      item({ lane: 'living', start: year(2008), end: month(2014, 2), categoryCode: 'home' }),
      item({
        lane: 'living',
        start: month(2014, 3),
        end: day('2016-08-31'),
        categoryCode: 'foster',
        categoryMarker: 'out_of_home',
        reference: 'pleeggezin A',
      }),
      item({
        lane: 'living',
        start: day('2016-09-01'),
        categoryCode: 'foster',
        categoryMarker: 'out_of_home',
        reference: 'pleeggezin B',
      }),
      item({ lane: 'school', start: year(2012), categoryCode: 'primary', reference: 'De Es' }),
      item({
        lane: 'school',
        start: day('2020-09-01'),
        end: day('2020-11-01'),
        categoryCode: 'none',
        categoryMarker: 'no_school',
      }),
      item({ lane: 'school', start: day('2020-11-02'), categoryCode: 'vso', reference: 'De Brug' }),
      item({
        lane: 'care',
        start: year(2013),
        reference: 'Wijkteam',
        isSignal: true,
        kind: 'event',
      }),
      item({
        lane: 'care',
        start: month(2017, 1),
        reference: 'Karakter',
        categoryMarker: 'specialist',
      }),
      item({ id: 'dx1', lane: 'diagnosis', kind: 'event', start: year(2015) }),
      item({ lane: 'diagnosis', kind: 'event', start: year(2018), revisesItemId: 'dx1' }),
    ];
    expect(compute(items)).toEqual({
      placements: 2,
      placementChanges: 2,
      schoolChanges: 2,
      // 1 September to 1 November 2020: 61 days = 2.004 → 2.0
      monthsWithoutSchool: 2,
      careProviders: 2,
      // 2013 midpoint 2 July 2013: 5.0; January 2017 midpoint 16 January 2017: 8.5
      ageAtFirstSignal: 5,
      ageAtFirstSpecialistHelp: 8.5,
      earlySignalGap: 3.5,
      diagnosesRevised: 1,
    } satisfies CaseIndicators);
  });

  it('breaks ties between periods with the same dates by id, whatever the input order', () => {
    const period = (id: string, code: string, start: ReturnType<typeof day>) =>
      item({ id, lane: 'living', start, categoryCode: code, categoryMarker: 'out_of_home' });
    const p = period('p', 'a', year(2012));
    const q = period('q', 'b', year(2012));
    const r = period('r', 'a', year(2013));
    // In the order p, q, r: a → b → a, 2 moves (q, p, r would give 1).
    expect(compute([p, q, r]).placementChanges).toBe(2);
    expect(compute([q, p, r]).placementChanges).toBe(2);
    expect(compute([r, q, p]).placementChanges).toBe(2);
  });

  it('does not depend on the order of the input', () => {
    const yearArb = fc.integer({ min: 2008, max: 2026 });
    const fuzzyArb: fc.Arbitrary<FuzzyDate> = fc.oneof(
      fc
        .date({
          min: new Date('2008-01-01T00:00:00Z'),
          max: new Date('2026-06-01T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => ({ precision: 'day' as const, date: d.toISOString().slice(0, 10) })),
      fc.record({
        precision: fc.constant('month' as const),
        year: yearArb,
        month: fc.integer({ min: 1, max: 12 }),
      }),
      fc.record({
        precision: fc.constant('season' as const),
        year: yearArb,
        season: fc.constantFrom(...seasons),
      }),
      fc.record({ precision: fc.constant('year' as const), year: yearArb }),
      fc.record({ precision: fc.constant('age' as const), age: fc.integer({ min: 0, max: 16 }) }),
    );
    // Few distinct dates, lanes, codes and references, so ties and equal settings are common.
    const commonDateArb = fc.constantFrom<FuzzyDate>(
      { precision: 'year', year: 2012 },
      { precision: 'month', year: 2012, month: 1 },
      { precision: 'day', date: '2012-01-01' },
    );
    const itemArb = fc.record({
      lane: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom('living' as const, 'school' as const) },
        { weight: 1, arbitrary: fc.constantFrom(...timelineLanes) },
      ),
      kind: fc.constantFrom('event' as const, 'period' as const),
      start: fc.oneof({ weight: 3, arbitrary: commonDateArb }, { weight: 1, arbitrary: fuzzyArb }),
      end: fc.option(fc.oneof(commonDateArb, fuzzyArb), { freq: 2 }),
      categoryMarker: fc.option(fc.constantFrom(...categoryMarkers)),
      categoryCode: fc.option(fc.constantFrom('a', 'b')),
      reference: fc.option(fc.constantFrom('X', ' x', 'Y', '')),
      isSignal: fc.boolean(),
      revises: fc.option(fc.nat({ max: 9 })),
    });
    fc.assert(
      fc.property(
        fc.array(itemArb, { maxLength: 12 }),
        fc.infiniteStream(fc.nat()),
        (raw, randomness) => {
          const items: IndicatorItem[] = raw.map((r, i) => ({
            id: `item-${i}`,
            lane: r.lane,
            kind: r.kind,
            start: at(r.start),
            end: r.kind === 'period' && r.end ? at(r.end) : null,
            categoryMarker: r.categoryMarker,
            categoryCode: r.categoryCode,
            reference: r.reference,
            isSignal: r.isSignal,
            revisesItemId: r.revises === null ? null : `item-${r.revises}`,
          }));
          const shuffled = [...items];
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = randomness.next().value % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
          }
          expect(compute(shuffled)).toEqual(compute(items));
          expect(compute([...items].reverse())).toEqual(compute(items));
        },
      ),
      { numRuns: 500 },
    );
  });
});
