// Calls and query keys of the organisations feature (partner organisations).
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  organisationInputSchema,
  organisationListQuerySchema,
  organisationListSchema,
  organisationSchema,
  organisationUpdateSchema,
  type OrganisationType,
} from '../../../shared/contract/organisations';
import { apiRequest, withQuery } from '../../app/api';
import { listQueryParams, type ListRequest } from '../../app/list';

export type OrganisationSort = z.output<typeof organisationListQuerySchema>['sort'];
export const organisationSorts = organisationListQuerySchema.shape.sort.unwrap().options;
export type OrganisationInput = z.input<typeof organisationInputSchema>;
export type OrganisationUpdate = z.input<typeof organisationUpdateSchema>;
export type OrganisationListRequest = ListRequest<OrganisationSort> & { type?: OrganisationType };

export const organisationKeys = {
  all: ['organisations'] as const,
  list: (request: OrganisationListRequest) => ['organisations', 'list', request] as const,
  detail: (id: string) => ['organisations', 'detail', id] as const,
};

export function organisationListQuery(request: OrganisationListRequest) {
  return queryOptions({
    queryKey: organisationKeys.list(request),
    queryFn: ({ signal }) =>
      apiRequest(
        withQuery('/api/organisations', { ...listQueryParams(request), type: request.type }),
        organisationListSchema,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function organisationQuery(id: string) {
  return queryOptions({
    queryKey: organisationKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(`/api/organisations/${id}`, organisationSchema, { signal }),
  });
}

export function createOrganisation(body: OrganisationInput) {
  return apiRequest('/api/organisations', organisationSchema, { method: 'POST', body });
}

export function updateOrganisation(id: string, body: OrganisationUpdate) {
  return apiRequest(`/api/organisations/${id}`, organisationSchema, { method: 'PUT', body });
}

export function setOrganisationArchived(id: string, isArchived: boolean) {
  return apiRequest(`/api/organisations/${id}/archive`, organisationSchema, {
    method: 'POST',
    body: { isArchived },
  });
}

/** All organisations, archived ones too, to choose from in a select (the server caps at 200). */
export function organisationOptionsQuery() {
  return organisationListQuery({ page: 1, pageSize: 200, sort: 'name', includeArchived: true });
}
