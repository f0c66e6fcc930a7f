// Calls and query keys of the cases feature: the case list, one case with its participants and
// consent, opening a case (in one of your own teams), its progress and retention, the colleagues
// assigned to it, adding participants, inviting the youth or a parent, recording consent, and
// withdrawing it after seeing what the withdrawal removes.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  caseDetailSchema,
  caseInputSchema,
  caseListQuerySchema,
  caseListSchema,
  caseStatuses,
  caseUpdateSchema,
  consentInputSchema,
  participantInputSchema,
  removalSchema,
  withdrawalPreviewSchema,
  withdrawalResultSchema,
} from '../../../shared/contract/cases';
import { teamListSchema } from '../../../shared/contract/organisations';
import { participantInvitationSchema } from '../../../shared/contract/participant';
import { caseReferenceSchema } from '../../../shared/contract/timeline';
import { apiRequest, apiRequestNoContent, isApiError, withQuery } from '../../app/api';
import { listQueryParams, type ListRequest } from '../../app/list';

export type CaseSort = z.output<typeof caseListQuerySchema>['sort'];
export const caseSorts = caseListQuerySchema.shape.sort.unwrap().options;
export type CaseStatus = (typeof caseStatuses)[number];
export type CaseInput = z.input<typeof caseInputSchema>;
export type ParticipantInput = z.input<typeof participantInputSchema>;
export type ConsentInput = z.input<typeof consentInputSchema>;
export type CaseUpdate = z.input<typeof caseUpdateSchema>;
export type Removal = z.output<typeof removalSchema>;
export type ParticipantInvitation = z.output<typeof participantInvitationSchema>;
export type CaseFilters = {
  teamId?: string;
  institutionType?: string;
  regionCode?: string;
  status?: CaseStatus;
};
export type CaseListRequest = ListRequest<CaseSort> & CaseFilters;

const createdSchema = z.object({ id: z.uuid() });

export const caseKeys = {
  all: ['cases'] as const,
  list: (request: CaseListRequest) => ['cases', 'list', request] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  withdrawalPreview: (caseId: string, consentId: string) =>
    ['cases', 'withdrawal-preview', caseId, consentId] as const,
  reference: ['case-reference'] as const,
  /** Under ['teams', 'list'], so a change to teams refreshes it too. */
  myTeams: ['teams', 'list', 'member-me'] as const,
};

/** The teams the user is in: the only ones a case can be opened in. */
export function myTeamsQuery() {
  return queryOptions({
    queryKey: caseKeys.myTeams,
    queryFn: ({ signal }) =>
      apiRequest(
        withQuery('/api/teams', { page: 1, pageSize: 200, sort: 'name', member: 'me' }),
        teamListSchema,
        { signal },
      ),
  });
}

export function caseListQuery(request: CaseListRequest) {
  return queryOptions({
    queryKey: caseKeys.list(request),
    queryFn: ({ signal }) =>
      apiRequest(
        withQuery('/api/cases', {
          ...listQueryParams(request),
          teamId: request.teamId,
          institutionType: request.institutionType,
          regionCode: request.regionCode,
          status: request.status,
        }),
        caseListSchema,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function caseQuery(id: string) {
  return queryOptions({
    queryKey: caseKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(`/api/cases/${id}`, caseDetailSchema, { signal }),
  });
}

/** Institution types (and timeline categories): reference data that rarely changes. */
export function caseReferenceQuery() {
  return queryOptions({
    queryKey: caseKeys.reference,
    queryFn: ({ signal }) => apiRequest('/api/case-reference', caseReferenceSchema, { signal }),
    staleTime: 60 * 60 * 1000,
  });
}

export function withdrawalPreviewQuery(caseId: string, consentId: string) {
  return queryOptions({
    queryKey: caseKeys.withdrawalPreview(caseId, consentId),
    queryFn: ({ signal }) =>
      apiRequest(
        `/api/cases/${caseId}/consents/${consentId}/withdrawal-preview`,
        withdrawalPreviewSchema,
        { signal },
      ),
    // Always what the server would remove now, never an earlier answer.
    staleTime: 0,
    gcTime: 0,
  });
}

export function createCase(body: CaseInput) {
  return apiRequest('/api/cases', createdSchema, { method: 'POST', body });
}

export function addParticipant(caseId: string, body: ParticipantInput) {
  return apiRequest(`/api/cases/${caseId}/participants`, createdSchema, { method: 'POST', body });
}

export function recordConsent(caseId: string, body: ConsentInput) {
  return apiRequest(`/api/cases/${caseId}/consents`, createdSchema, { method: 'POST', body });
}

/**
 * Sent only after the user has seen what the withdrawal removes (the preview): `confirmRemoval`
 * says they agreed. Should more be removable by now, the server refuses with 409.
 */
export function withdrawConsent(caseId: string, consentId: string, withdrawnOn: string) {
  return apiRequest(`/api/cases/${caseId}/consents/${consentId}/withdraw`, withdrawalResultSchema, {
    method: 'POST',
    body: { withdrawnOn, confirmRemoval: true },
  });
}

/** Progress (status) and retention; `version` is the one the form was based on (409 if stale). */
export function updateCase(caseId: string, body: CaseUpdate) {
  return apiRequest(`/api/cases/${caseId}`, createdSchema, { method: 'PUT', body });
}

/** Assigns a colleague to the case explicitly, or removes the assignment. */
export function setAssignment(caseId: string, userId: string, isAssigned: boolean) {
  return apiRequestNoContent(`/api/cases/${caseId}/assignments/${userId}`, {
    method: isAssigned ? 'PUT' : 'DELETE',
  });
}

/** A one-time link (and its QR code) for the youth or a parent to log in to their own case. */
export function inviteParticipant(caseId: string, participantId: string, email: string) {
  return apiRequest(
    `/api/cases/${caseId}/participants/${participantId}/invitation`,
    participantInvitationSchema,
    { method: 'POST', body: { email } },
  );
}

export function timelinePdfPath(caseId: string): string {
  return `/api/cases/${caseId}/timeline.pdf`;
}

/** What a refused withdrawal (409) says it would remove: `error.details.removes`. */
export function refusedRemovals(error: unknown): Removal[] {
  if (!isApiError(error)) return [];
  const parsed = z.array(removalSchema).safeParse(error.details.removes);
  return parsed.success ? parsed.data : [];
}
