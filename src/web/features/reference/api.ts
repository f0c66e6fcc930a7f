// Calls of the reference data: the 42 youth-care regions and the municipalities.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  municipalityListSchema,
  regionListQuerySchema,
  regionListSchema,
} from '../../../shared/contract/organisations';
import { apiRequest, withQuery } from '../../app/api';
import { listQueryParams, type ListRequest } from '../../app/list';

export type RegionSort = z.output<typeof regionListQuerySchema>['sort'];
export const regionSorts = regionListQuerySchema.shape.sort.unwrap().options;

export function regionListQuery(request: ListRequest<RegionSort>) {
  return queryOptions({
    queryKey: ['regions', 'list', request] as const,
    queryFn: ({ signal }) =>
      apiRequest(withQuery('/api/regions', listQueryParams(request)), regionListSchema, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 60 * 60 * 1000,
  });
}

/** All municipalities of one region (a region has far fewer than 200). */
export function regionMunicipalitiesQuery(regionCode: string) {
  return queryOptions({
    queryKey: ['municipalities', 'region', regionCode] as const,
    queryFn: ({ signal }) =>
      apiRequest(
        withQuery('/api/municipalities', { region: regionCode, pageSize: 200, sort: 'name' }),
        municipalityListSchema,
        { signal },
      ),
    staleTime: 60 * 60 * 1000,
  });
}
