// The access-log filter: what the address may hold, and how a filter becomes the API's query
// (whole days in the reader's time zone as ISO instants; the same parameters for the CSV).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessLogParams,
  checkFilter,
  emptyFilter,
  endOfDayIso,
  readFilter,
  startOfDayIso,
  writeFilter,
} from './access-log-filter';
import { accessLogCsvUrl, accessLogUrl } from './api';
import { i18n } from '../../i18n';

const userId = '7b0c7a52-4f7c-4a39-9a43-2b8f3b0d2f11';
const caseId = '3f2b8c1e-0a4d-4e8f-9b7a-1c2d3e4f5a6b';
const originalTz = process.env.TZ;

beforeAll(() => {
  // Dutch winter time (UTC+1) on 1 March, summer time (UTC+2) on 1 April.
  process.env.TZ = 'Europe/Amsterdam';
});
afterAll(() => {
  process.env.TZ = originalTz;
});

describe('access-log filter', () => {
  it('turns a period of whole local days into instants from the first to the last moment', () => {
    expect(startOfDayIso('2026-03-01')).toBe('2026-02-28T23:00:00.000Z');
    expect(endOfDayIso('2026-03-01')).toBe('2026-03-01T22:59:59.999Z');
    expect(endOfDayIso('2026-04-01')).toBe('2026-04-01T21:59:59.999Z');
  });

  it('maps every filter field to its API parameter and leaves empty ones out', () => {
    const filter = { userId, caseId, action: 'login', from: '2026-03-01', to: '2026-03-31' };
    expect(accessLogParams(filter)).toEqual({
      userId,
      caseId,
      action: 'login',
      from: '2026-02-28T23:00:00.000Z',
      to: '2026-03-31T21:59:59.999Z',
    });
    const url = new URL(accessLogUrl(filter, 3), 'http://localhost');
    expect(url.pathname).toBe('/api/access-log');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      page: '3',
      pageSize: '50',
      userId,
      caseId,
      action: 'login',
      from: '2026-02-28T23:00:00.000Z',
      to: '2026-03-31T21:59:59.999Z',
    });
    expect(accessLogUrl(emptyFilter, 1)).toBe('/api/access-log?page=1&pageSize=50');
  });

  it('gives the CSV the same filter, without pages', () => {
    const filter = { ...emptyFilter, action: 'export', from: '2026-03-01' };
    const url = new URL(accessLogCsvUrl(filter), 'http://localhost');
    expect(url.pathname).toBe('/api/access-log.csv');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      action: 'export',
      from: '2026-02-28T23:00:00.000Z',
    });
    expect(accessLogCsvUrl(emptyFilter)).toBe('/api/access-log.csv');
  });

  it('reads the filter from the address and ignores what is malformed there', () => {
    const search = new URLSearchParams({
      userId: userId.toUpperCase(),
      caseId: 'not-a-uuid',
      action: 'DROP TABLE',
      from: '2026-02-30',
      to: '2026-03-31',
      page: '2',
    });
    expect(readFilter(search)).toEqual({
      userId,
      caseId: '',
      action: '',
      from: '',
      to: '2026-03-31',
    });
  });

  it('writes the filter into the address and starts again at page 1', () => {
    const previous = new URLSearchParams({ page: '4', action: 'login', other: 'kept' });
    const next = writeFilter(previous, { ...emptyFilter, caseId, from: '2026-03-01' });
    expect(Object.fromEntries(next)).toEqual({ other: 'kept', caseId, from: '2026-03-01' });
  });

  it('finds a mistyped case id and an end before the start', () => {
    const t = i18n.getFixedT('nl');
    expect(checkFilter({ ...emptyFilter, caseId: '1234' }, t)).toEqual({
      caseId: expect.stringContaining('geen geldig casus-id'),
    });
    expect(checkFilter({ ...emptyFilter, from: '2026-03-02', to: '2026-03-01' }, t)).toEqual({
      to: 'De einddatum ligt vóór de begindatum.',
    });
    expect(
      checkFilter({ ...emptyFilter, caseId, from: '2026-03-01', to: '2026-03-01' }, t),
    ).toEqual({});
  });
});
