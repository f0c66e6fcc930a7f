// Calls and query keys of improvement actions, the learning network and the summary "what
// happened with what we learned". A change answers with the whole record, which replaces the
// cached one; a stale version comes back as an ApiError CONFLICT with details.current/yours.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  actionHistorySchema,
  actionListSchema,
  actionOwnerListSchema,
  actionProgrammeListSchema,
  actionSchema,
  actionSummarySchema,
  linkTargetListSchema,
  networkHistorySchema,
  networkMeetingListSchema,
  networkMeetingSchema,
  type actionFollowUpInputSchema,
  type actionInputSchema,
  type ActionLinkInput,
  type actionUpdateSchema,
  type networkAttendeeInputSchema,
  type networkMaterialInputSchema,
  type networkMeetingInputSchema,
  type networkMeetingUpdateSchema,
  type ActionStatus,
} from '../../../shared/contract/actions';
import { apiRequest, withQuery } from '../../app/api';

export type ActionInput = z.input<typeof actionInputSchema>;
export type ActionUpdate = z.input<typeof actionUpdateSchema>;
export type FollowUpInput = z.input<typeof actionFollowUpInputSchema>;
export type NetworkMeetingInput = z.input<typeof networkMeetingInputSchema>;
export type NetworkMeetingUpdate = z.input<typeof networkMeetingUpdateSchema>;
export type NetworkAttendeeInput = z.input<typeof networkAttendeeInputSchema>;
export type NetworkMaterialInput = z.input<typeof networkMaterialInputSchema>;
export type ActionProgramme = z.output<typeof actionProgrammeListSchema>['items'][number];
export type ActionChange = z.output<typeof actionHistorySchema>['items'][number];
export type NetworkChange = z.output<typeof networkHistorySchema>['items'][number];

export const actionKeys = {
  programmes: ['actions', 'programmes'] as const,
  lists: ['actions', 'list'] as const,
  list: (scope: string, query: ActionListRequest) => ['actions', 'list', scope, query] as const,
  detail: (id: string) => ['actions', 'detail', id] as const,
  history: (id: string) => ['actions', 'history', id] as const,
  owners: (programmeId: string, organisationId: string) =>
    ['actions', 'owners', programmeId, organisationId] as const,
  targets: (programmeId: string) => ['actions', 'targets', programmeId] as const,
  summary: (programmeId: string, lang: string) =>
    ['actions', 'summary', programmeId, lang] as const,
  networkList: (programmeId: string, page: number) =>
    ['network', 'list', programmeId, page] as const,
  network: (id: string) => ['network', 'detail', id] as const,
  networkHistory: (id: string) => ['network', 'history', id] as const,
};

export function actionProgrammesQuery() {
  return queryOptions({
    queryKey: actionKeys.programmes,
    queryFn: ({ signal }) =>
      apiRequest('/api/action-programmes', actionProgrammeListSchema, { signal }),
  });
}

/** A programme's actions, or (programmeId null) the reader's own actions across programmes. */
export type ActionListRequest = {
  page: number;
  pageSize: number;
  sort: string;
  q?: string;
  status?: string;
  ownerOrganisationId?: string;
  stakeholderGroup?: string;
  isOverdue?: 'true';
};

export function actionListQuery(programmeId: string | null, query: ActionListRequest) {
  const path = programmeId ? `/api/programmes/${programmeId}/actions` : '/api/actions/mine';
  return queryOptions({
    queryKey: actionKeys.list(programmeId ?? 'mine', query),
    queryFn: ({ signal }) =>
      apiRequest(withQuery(path, { ...query }), actionListSchema, { signal }),
  });
}

export function actionQuery(id: string) {
  return queryOptions({
    queryKey: actionKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(`/api/actions/${id}`, actionSchema, { signal }),
  });
}

export function fetchActionHistory(id: string, signal: AbortSignal) {
  return apiRequest(`/api/actions/${id}/history`, actionHistorySchema, { signal });
}

export function ownerOptionsQuery(programmeId: string, organisationId: string) {
  return queryOptions({
    queryKey: actionKeys.owners(programmeId, organisationId),
    queryFn: ({ signal }) =>
      apiRequest(
        withQuery(`/api/programmes/${programmeId}/action-owners`, {
          organisationId: organisationId || undefined,
        }),
        actionOwnerListSchema,
        { signal },
      ),
  });
}

export function linkTargetsQuery(programmeId: string) {
  return queryOptions({
    queryKey: actionKeys.targets(programmeId),
    queryFn: ({ signal }) =>
      apiRequest(`/api/programmes/${programmeId}/action-link-targets`, linkTargetListSchema, {
        signal,
      }),
  });
}

export function summaryQuery(programmeId: string, lang: string) {
  return queryOptions({
    queryKey: actionKeys.summary(programmeId, lang),
    queryFn: ({ signal }) =>
      apiRequest(
        withQuery(`/api/programmes/${programmeId}/action-summary`, { lang }),
        actionSummarySchema,
        { signal },
      ),
  });
}

export function summaryPdfPath(programmeId: string, lang: string): string {
  return withQuery(`/api/programmes/${programmeId}/action-summary.pdf`, { lang });
}

export function createAction(programmeId: string, body: ActionInput) {
  return apiRequest(`/api/programmes/${programmeId}/actions`, actionSchema, {
    method: 'POST',
    body,
  });
}

export function createActionInMeeting(meetingId: string, body: ActionInput) {
  return apiRequest(`/api/network-meetings/${meetingId}/actions`, actionSchema, {
    method: 'POST',
    body,
  });
}

export function updateAction(id: string, body: ActionUpdate) {
  return apiRequest(`/api/actions/${id}`, actionSchema, { method: 'PUT', body });
}

export function changeStatus(
  id: string,
  body: { status: ActionStatus; reason: string; version: number },
) {
  return apiRequest(`/api/actions/${id}/status`, actionSchema, { method: 'POST', body });
}

export function addFollowUp(id: string, body: FollowUpInput) {
  return apiRequest(`/api/actions/${id}/follow-ups`, actionSchema, { method: 'POST', body });
}

export function addLink(id: string, body: ActionLinkInput) {
  return apiRequest(`/api/actions/${id}/links`, actionSchema, { method: 'POST', body });
}

export function removeLink(id: string, linkId: string) {
  return apiRequest(`/api/actions/${id}/links/${linkId}`, actionSchema, { method: 'DELETE' });
}

export function networkListQuery(programmeId: string, page: number) {
  return queryOptions({
    queryKey: actionKeys.networkList(programmeId, page),
    queryFn: ({ signal }) =>
      apiRequest(
        withQuery(`/api/programmes/${programmeId}/network-meetings`, { page }),
        networkMeetingListSchema,
        { signal },
      ),
  });
}

export function networkMeetingQuery(id: string) {
  return queryOptions({
    queryKey: actionKeys.network(id),
    queryFn: ({ signal }) =>
      apiRequest(`/api/network-meetings/${id}`, networkMeetingSchema, { signal }),
  });
}

export function fetchNetworkHistory(id: string, signal: AbortSignal) {
  return apiRequest(`/api/network-meetings/${id}/history`, networkHistorySchema, { signal });
}

export function planNetworkMeeting(programmeId: string, body: NetworkMeetingInput) {
  return apiRequest(`/api/programmes/${programmeId}/network-meetings`, networkMeetingSchema, {
    method: 'POST',
    body,
  });
}

export function updateNetworkMeeting(id: string, body: NetworkMeetingUpdate) {
  return apiRequest(`/api/network-meetings/${id}`, networkMeetingSchema, { method: 'PUT', body });
}

export function addAttendee(id: string, body: NetworkAttendeeInput) {
  return apiRequest(`/api/network-meetings/${id}/attendees`, networkMeetingSchema, {
    method: 'POST',
    body,
  });
}

export function addMaterial(id: string, body: NetworkMaterialInput) {
  return apiRequest(`/api/network-meetings/${id}/materials`, networkMeetingSchema, {
    method: 'POST',
    body,
  });
}

export function removeNetworkChild(id: string, path: 'attendees' | 'materials', childId: string) {
  return apiRequest(`/api/network-meetings/${id}/${path}/${childId}`, networkMeetingSchema, {
    method: 'DELETE',
  });
}
