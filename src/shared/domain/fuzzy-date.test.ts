import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ageOn,
  compareFuzzy,
  dayFromNumber,
  dayNumber,
  dayRange,
  formatFuzzyDate,
  isDefinitelyBefore,
  isValidIsoDay,
  midpoint,
  monthsBetween,
  todayIso,
  validateDates,
} from './fuzzy-date';
import { seasons, type DayRange, type FuzzyDate } from './timeline';

const range = (earliest: string, latest: string): DayRange => ({ earliest, latest });

// Arbitraries: valid fuzzy dates of every precision, around the years the product is used for.
const yearArb = fc.integer({ min: 1950, max: 2100 });
const isoDayArb = fc
  .date({
    min: new Date('1950-01-01T00:00:00Z'),
    max: new Date('2100-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const fuzzyDateArb: fc.Arbitrary<FuzzyDate> = fc.oneof(
  isoDayArb.map((date) => ({ precision: 'day' as const, date })),
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
  fc.record({ precision: fc.constant('age' as const), age: fc.integer({ min: 0, max: 30 }) }),
);
const birthYearArb = fc.integer({ min: 1950, max: 2030 });
const rangeArb: fc.Arbitrary<DayRange> = fc
  .tuple(isoDayArb, isoDayArb)
  .map(([a, b]) => (a <= b ? range(a, b) : range(b, a)));

describe('dayRange', () => {
  it('gives a day as itself', () => {
    expect(dayRange({ precision: 'day', date: '2019-03-12' }, 2010)).toEqual(
      range('2019-03-12', '2019-03-12'),
    );
  });

  it('gives a month from its first to its last day, with leap years', () => {
    expect(dayRange({ precision: 'month', year: 2019, month: 3 }, 2010)).toEqual(
      range('2019-03-01', '2019-03-31'),
    );
    expect(dayRange({ precision: 'month', year: 2019, month: 4 }, 2010)).toEqual(
      range('2019-04-01', '2019-04-30'),
    );
    expect(dayRange({ precision: 'month', year: 2019, month: 2 }, 2010).latest).toBe('2019-02-28');
    expect(dayRange({ precision: 'month', year: 2020, month: 2 }, 2010).latest).toBe('2020-02-29');
    expect(dayRange({ precision: 'month', year: 1900, month: 2 }, 2010).latest).toBe('1900-02-28');
    expect(dayRange({ precision: 'month', year: 2000, month: 2 }, 2010).latest).toBe('2000-02-29');
    expect(dayRange({ precision: 'month', year: 2019, month: 12 }, 2010)).toEqual(
      range('2019-12-01', '2019-12-31'),
    );
  });

  it('gives a year from 1 January to 31 December', () => {
    expect(dayRange({ precision: 'year', year: 2019 }, 2010)).toEqual(
      range('2019-01-01', '2019-12-31'),
    );
  });

  it('uses meteorological seasons, winter running into the next year', () => {
    const season = (s: (typeof seasons)[number], year = 2019) =>
      dayRange({ precision: 'season', year, season: s }, 2010);
    expect(season('spring')).toEqual(range('2019-03-01', '2019-05-31'));
    expect(season('summer')).toEqual(range('2019-06-01', '2019-08-31'));
    expect(season('autumn')).toEqual(range('2019-09-01', '2019-11-30'));
    expect(season('winter')).toEqual(range('2019-12-01', '2020-02-29'));
    expect(season('winter', 2020)).toEqual(range('2020-12-01', '2021-02-28'));
  });

  it('gives an age as every day someone born in the birth year can have that age', () => {
    // Born in 2010: 5 from 1 Jan 2015 at the earliest (born 1 Jan) until 30 Dec 2016 at the
    // latest (born 31 Dec, turning 6 on 31 Dec 2016).
    expect(dayRange({ precision: 'age', age: 5 }, 2010)).toEqual(range('2015-01-01', '2016-12-30'));
    expect(dayRange({ precision: 'age', age: 0 }, 2010)).toEqual(range('2010-01-01', '2011-12-30'));
  });

  it('refuses dates that cannot be turned into days', () => {
    expect(() => dayRange({ precision: 'day', date: '2019-02-30' }, 2010)).toThrow(RangeError);
    expect(() => dayRange({ precision: 'month', year: 2019, month: 13 }, 2010)).toThrow(RangeError);
    expect(() => dayRange({ precision: 'age', age: -1 }, 2010)).toThrow(RangeError);
    expect(() => dayRange({ precision: 'year', year: 2019.5 }, 2010)).toThrow(RangeError);
  });

  it('always has earliest ≤ latest, both existing days', () => {
    fc.assert(
      fc.property(fuzzyDateArb, birthYearArb, (date, birthYear) => {
        const r = dayRange(date, birthYear);
        expect(isValidIsoDay(r.earliest)).toBe(true);
        expect(isValidIsoDay(r.latest)).toBe(true);
        expect(r.earliest <= r.latest).toBe(true);
      }),
    );
  });

  it('puts every day of a month inside that month, and of a year inside that year', () => {
    fc.assert(
      fc.property(isoDayArb, (day) => {
        const [year, month] = day.split('-').map(Number) as [number, number];
        const inside = (r: DayRange) => r.earliest <= day && day <= r.latest;
        expect(inside(dayRange({ precision: 'month', year, month }, 2000))).toBe(true);
        expect(inside(dayRange({ precision: 'year', year }, 2000))).toBe(true);
        // And in exactly one season of either its own year or the year before.
        const seasonHits = seasons.flatMap((season) =>
          [year - 1, year].filter((y) =>
            inside(dayRange({ precision: 'season', year: y, season }, 2000)),
          ),
        );
        expect(seasonHits).toHaveLength(1);
      }),
    );
  });

  it('makes a day at a given age fall inside that age range', () => {
    fc.assert(
      fc.property(
        birthYearArb,
        fc.integer({ min: 1, max: 365 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 364 }),
        (birthYear, birthDayOfYear, age, daysAfterBirthday) => {
          // A concrete birthday in the birth year, and a day on which the person is `age`.
          const birthday = dayNumber(`${birthYear}-01-01`) + birthDayOfYear - 1;
          if (dayFromNumber(birthday).slice(0, 4) !== String(birthYear)) return;
          const birthdayThen = dayNumber(
            `${birthYear + age}${dayFromNumber(birthday).slice(4)}`.replace('-02-29', '-02-28'),
          );
          const day = dayFromNumber(birthdayThen + daysAfterBirthday);
          const r = dayRange({ precision: 'age', age }, birthYear);
          expect(r.earliest <= day && day <= r.latest).toBe(true);
        },
      ),
    );
  });
});

describe('compareFuzzy', () => {
  it('orders by earliest day, then the narrower range first', () => {
    const year = range('2019-01-01', '2019-12-31');
    const january = range('2019-01-01', '2019-01-31');
    const day = range('2019-01-01', '2019-01-01');
    const march = range('2019-03-01', '2019-03-31');
    expect([march, year, january, day].sort(compareFuzzy)).toEqual([day, january, year, march]);
    expect(compareFuzzy(year, { ...year })).toBe(0);
  });

  it('is antisymmetric', () => {
    fc.assert(
      fc.property(rangeArb, rangeArb, (a, b) => {
        expect(Math.sign(compareFuzzy(a, b))).toBe(-Math.sign(compareFuzzy(b, a)) || 0);
        expect(compareFuzzy(a, b) === 0).toBe(a.earliest === b.earliest && a.latest === b.latest);
      }),
    );
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(rangeArb, rangeArb, rangeArb, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort(compareFuzzy) as [DayRange, DayRange, DayRange];
        expect(compareFuzzy(x, y)).toBeLessThanOrEqual(0);
        expect(compareFuzzy(y, z)).toBeLessThanOrEqual(0);
        expect(compareFuzzy(x, z)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('sorts a shuffled list of mixed precision always to the same order', () => {
    fc.assert(
      fc.property(
        fc.array(fuzzyDateArb, { minLength: 1, maxLength: 20 }),
        birthYearArb,
        fc.infiniteStream(fc.nat()),
        (dates, birthYear, randomness) => {
          const ranges = dates.map((d) => dayRange(d, birthYear));
          const shuffled = [...ranges];
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = randomness.next().value % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
          }
          expect([...shuffled].sort(compareFuzzy)).toEqual([...ranges].sort(compareFuzzy));
        },
      ),
    );
  });
});

describe('isDefinitelyBefore', () => {
  it('is true only when the whole range lies before the other', () => {
    const y2019 = range('2019-01-01', '2019-12-31');
    const march2019 = range('2019-03-01', '2019-03-31');
    const y2020 = range('2020-01-01', '2020-12-31');
    expect(isDefinitelyBefore(y2019, y2020)).toBe(true);
    expect(isDefinitelyBefore(y2020, y2019)).toBe(false);
    // Overlapping uncertain ranges are allowed either way.
    expect(isDefinitelyBefore(march2019, y2019)).toBe(false);
    expect(isDefinitelyBefore(y2019, march2019)).toBe(false);
    // The same day is not before itself.
    expect(isDefinitelyBefore(range('2019-03-01', '2019-03-01'), march2019)).toBe(false);
  });
});

describe('midpoint', () => {
  it('gives the middle day of a range', () => {
    expect(midpoint(range('2019-03-12', '2019-03-12'))).toBe('2019-03-12');
    expect(midpoint(range('2019-03-01', '2019-03-31'))).toBe('2019-03-16');
    expect(midpoint(range('2019-01-01', '2019-12-31'))).toBe('2019-07-02');
    expect(midpoint(range('2019-12-01', '2020-02-29'))).toBe('2020-01-15');
  });

  it('lies inside the range', () => {
    fc.assert(
      fc.property(rangeArb, (r) => {
        const m = midpoint(r);
        expect(r.earliest <= m && m <= r.latest).toBe(true);
      }),
    );
  });
});

describe('day numbers', () => {
  it('round-trip every day', () => {
    fc.assert(
      fc.property(isoDayArb, (day) => {
        expect(dayFromNumber(dayNumber(day))).toBe(day);
        expect(dayNumber(day)).toBe(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
      }),
    );
  });
});

describe('formatFuzzyDate', () => {
  it('writes dates in Dutch', () => {
    expect(formatFuzzyDate({ precision: 'day', date: '2019-03-12' }, 'nl')).toBe('12 maart 2019');
    expect(formatFuzzyDate({ precision: 'month', year: 2019, month: 3 }, 'nl')).toBe('maart 2019');
    expect(formatFuzzyDate({ precision: 'season', year: 2019, season: 'summer' }, 'nl')).toBe(
      'zomer 2019',
    );
    expect(formatFuzzyDate({ precision: 'season', year: 2019, season: 'spring' }, 'nl')).toBe(
      'lente 2019',
    );
    expect(formatFuzzyDate({ precision: 'season', year: 2019, season: 'winter' }, 'nl')).toBe(
      'winter 2019–2020',
    );
    expect(formatFuzzyDate({ precision: 'year', year: 2019 }, 'nl')).toBe('2019');
    expect(formatFuzzyDate({ precision: 'age', age: 5 }, 'nl')).toBe('op 5-jarige leeftijd');
  });

  it('writes dates in English', () => {
    expect(formatFuzzyDate({ precision: 'day', date: '2019-03-12' }, 'en')).toBe('12 March 2019');
    expect(formatFuzzyDate({ precision: 'month', year: 2019, month: 3 }, 'en')).toBe('March 2019');
    expect(formatFuzzyDate({ precision: 'season', year: 2019, season: 'summer' }, 'en')).toBe(
      'summer 2019',
    );
    expect(formatFuzzyDate({ precision: 'season', year: 2019, season: 'autumn' }, 'en')).toBe(
      'autumn 2019',
    );
    expect(formatFuzzyDate({ precision: 'year', year: 2019 }, 'en')).toBe('2019');
    expect(formatFuzzyDate({ precision: 'age', age: 5 }, 'en')).toBe('at age 5');
  });

  it('does not shift the day in any time zone and shows a non-existing day as typed', () => {
    expect(formatFuzzyDate({ precision: 'day', date: '2019-01-01' }, 'nl')).toBe('1 januari 2019');
    expect(formatFuzzyDate({ precision: 'day', date: '2019-12-31' }, 'en')).toBe(
      '31 December 2019',
    );
    expect(formatFuzzyDate({ precision: 'day', date: '2019-02-30' }, 'nl')).toBe('2019-02-30');
  });
});

describe('monthsBetween and ageOn', () => {
  it('counts months of 30.4375 days to one decimal, negative backwards', () => {
    expect(monthsBetween('2019-01-01', '2019-01-01')).toBe(0);
    expect(monthsBetween('2019-01-01', '2020-01-01')).toBe(12); // 365 / 30.4375 = 11.99
    expect(monthsBetween('2019-03-01', '2019-03-31')).toBe(1); // 30 days = 0.99
    expect(monthsBetween('2019-01-01', '2019-01-16')).toBe(0.5);
    expect(monthsBetween('2020-01-01', '2019-01-01')).toBe(-12);
    expect(Object.is(monthsBetween('2019-01-02', '2019-01-01'), -0)).toBe(false);
  });

  it('estimates the age from the middle of the birth year', () => {
    expect(ageOn('2015-07-01', 2010)).toBe(5);
    expect(ageOn('2016-01-01', 2010)).toBe(5.5);
    expect(ageOn('2010-01-01', 2010)).toBe(0);
    expect(ageOn('2005-01-01', 2010)).toBe(0);
  });

  it('never gives a negative age and grows with the day', () => {
    fc.assert(
      fc.property(isoDayArb, isoDayArb, birthYearArb, (a, b, birthYear) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(ageOn(early, birthYear)).toBeGreaterThanOrEqual(0);
        expect(ageOn(late, birthYear)).toBeGreaterThanOrEqual(ageOn(early, birthYear));
      }),
    );
  });
});

describe('todayIso', () => {
  it('gives the Dutch calendar day, not the UTC one', () => {
    // 23:30 UTC on 31 December is already 1 January in Amsterdam (UTC+1 in winter).
    expect(todayIso(new Date('2019-12-31T23:30:00Z'))).toBe('2020-01-01');
    expect(todayIso(new Date('2019-12-31T23:30:00Z'), 'UTC')).toBe('2019-12-31');
    expect(todayIso(new Date('2019-06-15T12:00:00Z'))).toBe('2019-06-15');
  });
});

describe('validateDates', () => {
  const today = '2026-06-01';
  const day = (date: string): FuzzyDate => ({ precision: 'day', date });

  it('accepts correct dates, including overlapping uncertain ones and an open end', () => {
    expect(validateDates(day('2019-03-12'), day('2019-04-01'), 2010, today)).toEqual([]);
    expect(
      validateDates(
        { precision: 'year', year: 2019 },
        { precision: 'month', year: 2019, month: 3 },
        2010,
        today,
      ),
    ).toEqual([]);
    expect(
      validateDates(
        { precision: 'month', year: 2019, month: 3 },
        { precision: 'year', year: 2019 },
        2010,
        today,
      ),
    ).toEqual([]);
    expect(validateDates(day('2019-03-12'), null, 2010, today)).toEqual([]);
    expect(validateDates(day(today), null, 2010, today)).toEqual([]);
    // A season that starts today is not in the future.
    expect(
      validateDates({ precision: 'season', year: 2026, season: 'summer' }, null, 2010, today),
    ).toEqual([]);
    // This year is partly past, so it is not in the future.
    expect(validateDates({ precision: 'year', year: 2026 }, null, 2010, today)).toEqual([]);
  });

  it('rejects an end that certainly lies before the start', () => {
    expect(validateDates(day('2019-03-12'), day('2019-03-11'), 2010, today)).toEqual([
      { path: 'end', message: 'Het einde ligt vóór het begin' },
    ]);
    expect(
      validateDates({ precision: 'year', year: 2019 }, { precision: 'age', age: 5 }, 2010, today),
    ).toEqual([{ path: 'end', message: 'Het einde ligt vóór het begin' }]);
  });

  it('rejects dates in the future', () => {
    expect(validateDates(day('2026-06-02'), null, 2010, today)).toEqual([
      { path: 'start', message: 'Deze datum ligt in de toekomst' },
    ]);
    expect(
      validateDates(
        day('2019-03-12'),
        { precision: 'season', year: 2026, season: 'autumn' },
        2010,
        today,
      ),
    ).toEqual([{ path: 'end', message: 'Deze datum ligt in de toekomst' }]);
    expect(validateDates({ precision: 'year', year: 2027 }, null, 2010, today)).toEqual([
      { path: 'start', message: 'Deze datum ligt in de toekomst' },
    ]);
  });

  it('rejects an age the youth cannot have reached yet', () => {
    // Born in 2010: 16 from 2026 at the earliest, 17 not before 2027.
    expect(validateDates({ precision: 'age', age: 16 }, null, 2010, today)).toEqual([]);
    expect(validateDates({ precision: 'age', age: 17 }, null, 2010, today)).toEqual([
      { path: 'start', message: 'De jongere heeft deze leeftijd nog niet bereikt' },
    ]);
  });

  it('rejects days and months that do not exist', () => {
    expect(validateDates(day('2019-02-30'), null, 2010, today)).toEqual([
      { path: 'start', message: 'Deze datum bestaat niet' },
    ]);
    expect(validateDates(day('2019-02-29'), null, 2010, today)).toEqual([
      { path: 'start', message: 'Deze datum bestaat niet' },
    ]);
    expect(validateDates(day('2020-02-29'), null, 2010, today)).toEqual([]);
    expect(validateDates(day('2019-3-1'), null, 2010, today)).toEqual([
      { path: 'start', message: 'Deze datum bestaat niet' },
    ]);
    expect(
      validateDates(day('2019-03-01'), { precision: 'month', year: 2019, month: 13 }, 2010, today),
    ).toEqual([{ path: 'end', message: 'Deze datum bestaat niet' }]);
    expect(validateDates({ precision: 'age', age: -1 }, null, 2010, today)).toEqual([
      { path: 'start', message: 'Een leeftijd is een heel aantal jaren, 0 of meer' },
    ]);
  });

  it('reports each field, and skips the order check when a date does not exist', () => {
    expect(validateDates(day('2027-01-01'), day('2019-02-30'), 2010, today)).toEqual([
      { path: 'start', message: 'Deze datum ligt in de toekomst' },
      { path: 'end', message: 'Deze datum bestaat niet' },
    ]);
    expect(validateDates(day('2028-01-01'), day('2027-01-01'), 2010, today)).toEqual([
      { path: 'start', message: 'Deze datum ligt in de toekomst' },
      { path: 'end', message: 'Deze datum ligt in de toekomst' },
      { path: 'end', message: 'Het einde ligt vóór het begin' },
    ]);
  });

  it('never rejects a valid past date that starts no later than its end', () => {
    fc.assert(
      fc.property(fuzzyDateArb, fuzzyDateArb, birthYearArb, (a, b, birthYear) => {
        const ra = dayRange(a, birthYear);
        const rb = dayRange(b, birthYear);
        const [start, end] = compareFuzzy(ra, rb) <= 0 ? [a, b] : [b, a];
        const latest = ra.latest > rb.latest ? ra.latest : rb.latest;
        expect(validateDates(start, end, birthYear, latest)).toEqual([]);
      }),
    );
  });
});
