// Calls and query keys of the access-log views: a filtered page of entries, the CSV export
// address for the same filter, and the check of the hash chain.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { accessLogListSchema, chainReportSchema } from '../../../shared/contract/audit';
import { apiRequest, withQuery } from '../../app/api';
import { accessLogParams, type AccessLogFilter } from './access-log-filter';

export const accessLogPageSize = 50;

export const accessLogKeys = {
  all: ['access-log'] as const,
  list: (filter: AccessLogFilter, page: number) => ['access-log', 'list', filter, page] as const,
};

/** The list's address: the filter's parameters plus the page. */
export function accessLogUrl(filter: AccessLogFilter, page: number): string {
  return withQuery('/api/access-log', {
    page,
    pageSize: accessLogPageSize,
    ...accessLogParams(filter),
  });
}

/** The CSV export of everything the filter selects (all pages), for a download link. */
export function accessLogCsvUrl(filter: AccessLogFilter): string {
  return withQuery('/api/access-log.csv', accessLogParams(filter));
}

export function accessLogQuery(filter: AccessLogFilter, page: number) {
  return queryOptions({
    queryKey: accessLogKeys.list(filter, page),
    queryFn: ({ signal }) =>
      apiRequest(accessLogUrl(filter, page), accessLogListSchema, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Walks the whole chain on the server; answers whether it is intact, or where it breaks. */
export function verifyAccessLog() {
  return apiRequest('/api/access-log/verify', chainReportSchema);
}
