// The lane view's arithmetic: the drawn span, the ticks of both axes, the month under a click,
// where an item's certain and uncertain parts go, packing without overlaps; and that the lane
// view's cached date words are exactly formatFuzzyDate's.
import { describe, expect, it } from 'vitest';
import { dayNumber, formatFuzzyDate } from '../../../shared/domain/fuzzy-date';
import type { FuzzyDate } from '../../../shared/domain/timeline';
import { dateText, todayUtc } from './labels';
import { itemDays, layoutLane } from './layout';
import { axisTicks, makeScale, monthAt, timelineSpan, usableZoomSteps } from './scale';
import { diagnosis, fosterFamily, home, item, schoolDay } from './test-data';

const today = '2026-03-01';
const todayDay = dayNumber(today);

describe('scale', () => {
  it('spans whole years from the birth year (or an earlier item) to the end of this year', () => {
    const span = timelineSpan(2011, null, today);
    expect(span).toEqual({ startDay: dayNumber('2011-01-01'), endDay: dayNumber('2027-01-01') });
    const earlier = timelineSpan(2011, { first: dayNumber('2010-05-01'), last: todayDay }, today);
    expect(earlier.startDay).toBe(dayNumber('2010-01-01'));
  });

  it('offers the zoom steps that fit the span, from the whole life course to months', () => {
    expect(usableZoomSteps(16)).toEqual([null, 10, 5, 2, 1, 0.5]);
    expect(usableZoomSteps(4)).toEqual([null, 2, 1, 0.5]);
  });

  it('puts calendar ticks on 1 January, thinning them when zoomed out, months when zoomed in', () => {
    const { startDay, endDay } = timelineSpan(2011, null, today);
    const wide = axisTicks(makeScale(startDay, endDay, 12), 'calendar', 2011, 'nl');
    expect(wide.filter((t) => t.isMajor).map((t) => t.label)).toEqual(['2015', '2020', '2025']);
    const close = axisTicks(makeScale(startDay, endDay, 600), 'calendar', 2011, 'nl');
    expect(close.slice(0, 3).map((t) => t.label)).toEqual(['2011', 'feb', 'mrt']);
  });

  it('puts age ticks on the estimated birthday, the middle of the birth year', () => {
    const { startDay, endDay } = timelineSpan(2011, null, today);
    const ticks = axisTicks(makeScale(startDay, endDay, 100), 'age', 2011, 'nl');
    const majors = ticks.filter((t) => t.isMajor);
    expect(majors[0]).toEqual({ day: dayNumber('2011-07-01'), label: '0 jr', isMajor: true });
    expect(majors[5]?.label).toBe('5 jr');
    expect(majors[5]?.day).toBe(dayNumber('2016-07-01'));
  });

  it('turns a click position into the month under it', () => {
    const scale = makeScale(dayNumber('2011-01-01'), dayNumber('2027-01-01'), 365.2425);
    expect(monthAt(scale, scale.x(dayNumber('2016-03-15')))).toEqual({ year: 2016, month: 3 });
    expect(monthAt(scale, -50)).toEqual({ year: 2011, month: 1 });
  });
});

describe('layout', () => {
  it('gives a period a certain part between its uncertain edges', () => {
    const days = itemDays(fosterFamily, todayDay);
    expect(days.start).toBe(dayNumber('2016-03-01'));
    expect(days.end).toBe(dayNumber('2019-07-01'));
    expect(days.certainStart).toBe(dayNumber('2016-03-31'));
    expect(days.certainEnd).toBe(dayNumber('2019-06-02'));
  });

  it('has no certain part when start and end overlap, and runs to today while ongoing', () => {
    const vague = item({
      id: '00000000-0000-4000-8000-000000000901',
      kind: 'period',
      start: { precision: 'year', year: 2019 },
      end: { precision: 'month', year: 2019, month: 3 },
    });
    expect(itemDays(vague, todayDay).certainStart).toBeNull();
    const ongoing = item({
      id: '00000000-0000-4000-8000-000000000902',
      kind: 'period',
      start: { precision: 'month', year: 2024, month: 1 },
    });
    const days = itemDays(ongoing, todayDay);
    expect(days.isOngoing).toBe(true);
    expect(days.end).toBe(todayDay + 1);
  });

  it('marks an event known only by age in the middle of its possible days', () => {
    const days = itemDays(diagnosis, todayDay);
    expect(days.start).toBe(dayNumber('2018-01-01'));
    expect(days.end).toBe(dayNumber('2019-12-31'));
    expect(days.certainStart).toBeNull();
    expect(itemDays(schoolDay, todayDay).certainStart).toBe(dayNumber('2015-08-31'));
  });

  it('packs a lane into rows without overlapping boxes, labels included', () => {
    const scale = makeScale(dayNumber('2011-01-01'), dayNumber('2027-01-01'), 80);
    const items = [home, fosterFamily, { ...fosterFamily, id: 'x' }, schoolDay].map((i) => ({
      item: i,
      days: itemDays(i, todayDay),
    }));
    const lane = layoutLane('living', items, scale);
    expect(lane.rows).toBeGreaterThan(1);
    for (const a of lane.boxes) {
      for (const b of lane.boxes) {
        if (a === b || a.row !== b.row) continue;
        const apart = a.left + a.width <= b.left || b.left + b.width <= a.left;
        expect(apart, `${a.item.title} and ${b.item.title} overlap`).toBe(true);
      }
    }
  });
});

describe('labels', () => {
  it('formats dates exactly as formatFuzzyDate does', () => {
    const dates: FuzzyDate[] = [
      { precision: 'day', date: '2019-03-12' },
      { precision: 'day', date: '0099-12-31' },
      { precision: 'day', date: '2019-02-30' },
      { precision: 'month', year: 2016, month: 3 },
      { precision: 'month', year: 2016, month: 12 },
      { precision: 'season', year: 2019, season: 'winter' },
      { precision: 'year', year: 2014 },
      { precision: 'age', age: 5 },
    ];
    for (const language of ['nl', 'en'] as const) {
      for (const date of dates) {
        expect(dateText(date, language)).toBe(formatFuzzyDate(date, language));
      }
    }
  });

  it('counts today as the server does (UTC)', () => {
    expect(todayUtc(Date.UTC(2026, 2, 1, 23, 30))).toBe('2026-03-01');
  });
});
