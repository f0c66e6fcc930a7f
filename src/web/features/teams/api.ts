// Calls and query keys of the teams feature (uitvoeringsteams and their members).
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  teamInputSchema,
  teamListQuerySchema,
  teamListSchema,
  teamMemberInputSchema,
  teamMemberListSchema,
  teamSchema,
  teamUpdateSchema,
} from '../../../shared/contract/organisations';
import { apiRequest, apiRequestNoContent, withQuery } from '../../app/api';
import { listQueryParams, type ListRequest } from '../../app/list';

export type TeamSort = z.output<typeof teamListQuerySchema>['sort'];
export const teamSorts = teamListQuerySchema.shape.sort.unwrap().options;
export type TeamInput = z.input<typeof teamInputSchema>;
export type TeamUpdate = z.input<typeof teamUpdateSchema>;
export type TeamMemberInput = z.input<typeof teamMemberInputSchema>;
export type TeamListRequest = ListRequest<TeamSort> & { programmeId?: string };

export const teamKeys = {
  all: ['teams'] as const,
  list: (request: TeamListRequest) => ['teams', 'list', request] as const,
  detail: (id: string) => ['teams', 'detail', id] as const,
  members: (id: string) => ['teams', 'members', id] as const,
};

export function teamListQuery(request: TeamListRequest) {
  return queryOptions({
    queryKey: teamKeys.list(request),
    queryFn: ({ signal }) =>
      apiRequest(
        withQuery('/api/teams', { ...listQueryParams(request), programmeId: request.programmeId }),
        teamListSchema,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function teamQuery(id: string) {
  return queryOptions({
    queryKey: teamKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(`/api/teams/${id}`, teamSchema, { signal }),
  });
}

export function teamMembersQuery(id: string) {
  return queryOptions({
    queryKey: teamKeys.members(id),
    queryFn: ({ signal }) =>
      apiRequest(`/api/teams/${id}/members`, teamMemberListSchema, { signal }),
  });
}

export function createTeam(body: TeamInput) {
  return apiRequest('/api/teams', teamSchema, { method: 'POST', body });
}

export function updateTeam(id: string, body: TeamUpdate) {
  return apiRequest(`/api/teams/${id}`, teamSchema, { method: 'PUT', body });
}

export function setTeamArchived(id: string, isArchived: boolean) {
  return apiRequest(`/api/teams/${id}/archive`, teamSchema, {
    method: 'POST',
    body: { isArchived },
  });
}

/** Adds a member, or changes the role label of one already in the team. */
export function saveTeamMember(teamId: string, body: TeamMemberInput) {
  return apiRequest(`/api/teams/${teamId}/members`, teamMemberListSchema, { method: 'PUT', body });
}

export function removeTeamMember(teamId: string, userId: string) {
  return apiRequestNoContent(`/api/teams/${teamId}/members/${userId}`, { method: 'DELETE' });
}
