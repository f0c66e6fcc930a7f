// Turns a list's state into the query parameters every list endpoint understands.
import type { QueryValue } from './api';

export const defaultPageSize = 25;

export type ListRequest<S extends string> = {
  page: number;
  pageSize?: number;
  sort: S;
  q?: string;
  includeArchived?: boolean;
};

export function listQueryParams<S extends string>(
  request: ListRequest<S>,
): Record<string, QueryValue> {
  return {
    page: request.page,
    pageSize: request.pageSize ?? defaultPageSize,
    sort: request.sort,
    q: request.q || undefined,
    includeArchived: request.includeArchived ? 'true' : undefined,
  };
}
