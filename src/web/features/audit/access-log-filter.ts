// The access log's filter: read from and written to the address (so a filtered view can be
// reloaded and shared), checked before it is applied, and turned into the API's parameters.
// Dates are whole days in the reader's time zone; the API wants instants, so "from" becomes
// the start of that day and "to" the end of it, as ISO datetimes.
import type { TFunction } from 'i18next';
import type { QueryValue } from '../../app/api';
import type { FieldErrors } from '../../app/form-errors';

export type AccessLogFilter = {
  userId: string;
  caseId: string;
  action: string;
  /** yyyy-mm-dd, or '' */
  from: string;
  /** yyyy-mm-dd, or '' */
  to: string;
};

export const emptyFilter: AccessLogFilter = {
  userId: '',
  caseId: '',
  action: '',
  from: '',
  to: '',
};
const filterKeys = Object.keys(emptyFilter) as (keyof AccessLogFilter)[];

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const actionPattern = /^[a-z_]{2,40}$/;

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

/** A real calendar date written as yyyy-mm-dd (what a date input gives). */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
}

/** The filter in the address; anything malformed there is ignored rather than sent. */
export function readFilter(search: URLSearchParams): AccessLogFilter {
  const get = (key: string) => (search.get(key) ?? '').trim();
  const userId = get('userId');
  const caseId = get('caseId');
  const action = get('action');
  const from = get('from');
  const to = get('to');
  return {
    userId: isUuid(userId) ? userId.toLowerCase() : '',
    caseId: isUuid(caseId) ? caseId.toLowerCase() : '',
    action: actionPattern.test(action) ? action : '',
    from: isIsoDate(from) ? from : '',
    to: isIsoDate(to) ? to : '',
  };
}

/** Writes the filter into the address, dropping empty values and the page number. */
export function writeFilter(previous: URLSearchParams, filter: AccessLogFilter): URLSearchParams {
  const next = new URLSearchParams(previous);
  for (const key of filterKeys) {
    if (filter[key]) next.set(key, filter[key]);
    else next.delete(key);
  }
  next.delete('page');
  return next;
}

export function isFiltered(filter: AccessLogFilter): boolean {
  return filterKeys.some((key) => filter[key] !== '');
}

function localDay(date: string): [number, number, number] {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return [year, month - 1, day];
}

/** The first instant of the day in the reader's time zone, as an ISO datetime. */
export function startOfDayIso(date: string): string {
  const [year, month, day] = localDay(date);
  return new Date(year, month, day, 0, 0, 0, 0).toISOString();
}

/** The last instant of the day in the reader's time zone, as an ISO datetime. */
export function endOfDayIso(date: string): string {
  const [year, month, day] = localDay(date);
  return new Date(year, month, day, 23, 59, 59, 999).toISOString();
}

/** The filter as the API's query parameters (for the list and the CSV alike). */
export function accessLogParams(filter: AccessLogFilter): Record<string, QueryValue> {
  return {
    userId: filter.userId || undefined,
    caseId: filter.caseId || undefined,
    action: filter.action || undefined,
    from: filter.from ? startOfDayIso(filter.from) : undefined,
    to: filter.to ? endOfDayIso(filter.to) : undefined,
  };
}

/** Problems with a filter as typed in the form, keyed by field. */
export function checkFilter(filter: AccessLogFilter, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  if (filter.caseId.trim() && !isUuid(filter.caseId.trim())) {
    errors.caseId = t('accessLog.caseIdInvalid');
  }
  if (filter.from && !isIsoDate(filter.from)) errors.from = t('validation.dateInvalid');
  if (filter.to && !isIsoDate(filter.to)) errors.to = t('validation.dateInvalid');
  if (!errors.from && !errors.to && filter.from && filter.to && filter.to < filter.from) {
    errors.to = t('accessLog.toBeforeFrom');
  }
  return errors;
}
