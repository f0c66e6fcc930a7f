// Calls and query keys of the programmes feature.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  programmeInputSchema,
  programmeListQuerySchema,
  programmeListSchema,
  programmeSchema,
  programmeUpdateSchema,
} from '../../../shared/contract/organisations';
import { apiRequest, withQuery } from '../../app/api';
import { listQueryParams, type ListRequest } from '../../app/list';

export type ProgrammeSort = z.output<typeof programmeListQuerySchema>['sort'];
export const programmeSorts = programmeListQuerySchema.shape.sort.unwrap().options;
export type ProgrammeInput = z.input<typeof programmeInputSchema>;
export type ProgrammeUpdate = z.input<typeof programmeUpdateSchema>;

export const programmeKeys = {
  all: ['programmes'] as const,
  list: (request: ListRequest<ProgrammeSort>) => ['programmes', 'list', request] as const,
  detail: (id: string) => ['programmes', 'detail', id] as const,
};

export function programmeListQuery(request: ListRequest<ProgrammeSort>) {
  return queryOptions({
    queryKey: programmeKeys.list(request),
    queryFn: ({ signal }) =>
      apiRequest(withQuery('/api/programmes', listQueryParams(request)), programmeListSchema, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function programmeQuery(id: string) {
  return queryOptions({
    queryKey: programmeKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(`/api/programmes/${id}`, programmeSchema, { signal }),
  });
}

export function createProgramme(body: ProgrammeInput) {
  return apiRequest('/api/programmes', programmeSchema, { method: 'POST', body });
}

export function updateProgramme(id: string, body: ProgrammeUpdate) {
  return apiRequest(`/api/programmes/${id}`, programmeSchema, { method: 'PUT', body });
}

export function setProgrammeArchived(id: string, isArchived: boolean) {
  return apiRequest(`/api/programmes/${id}/archive`, programmeSchema, {
    method: 'POST',
    body: { isArchived },
  });
}
