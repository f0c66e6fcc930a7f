// Calls and query keys of recommendations: the programme's list (with its threads, samenhang
// links and the reader's abilities), the matrix threads × stakeholder groups, one recommendation
// with its review conversation, its history, and the changes. A change answers with the whole
// recommendation, which replaces the cached one; a stale version comes back as an ApiError
// CONFLICT with details.current/yours.
import { queryOptions } from '@tanstack/react-query';
import {
  recommendationHistorySchema,
  recommendationListSchema,
  recommendationMatrixSchema,
  recommendationSchema,
  type CommentInput,
  type LinkInput,
  type RecommendationInput,
  type RecommendationMove,
  type RecommendationUpdate,
  type ReviewInput,
  type ReviewState,
} from '../../../shared/contract/recommendations';
import { apiRequest, withQuery } from '../../app/api';

export type ListFilters = { state?: ReviewState; threadId?: string; toReview?: 'true' };

export const recommendationKeys = {
  all: ['recommendations'] as const,
  list: (programmeId: string, filters: ListFilters) =>
    ['recommendations', 'list', programmeId, filters] as const,
  matrix: (programmeId: string) => ['recommendations', 'matrix', programmeId] as const,
  detail: (id: string) => ['recommendations', 'detail', id] as const,
  history: (id: string) => ['recommendations', 'history', id] as const,
};

const base = (programmeId: string) => `/api/programmes/${programmeId}/recommendations`;

export function recommendationListQuery(programmeId: string, filters: ListFilters = {}) {
  return queryOptions({
    queryKey: recommendationKeys.list(programmeId, filters),
    queryFn: ({ signal }) =>
      apiRequest(withQuery(base(programmeId), { ...filters }), recommendationListSchema, {
        signal,
      }),
  });
}

export function recommendationMatrixQuery(programmeId: string) {
  return queryOptions({
    queryKey: recommendationKeys.matrix(programmeId),
    queryFn: ({ signal }) =>
      apiRequest(`${base(programmeId)}/matrix`, recommendationMatrixSchema, { signal }),
  });
}

export function recommendationQuery(programmeId: string, id: string) {
  return queryOptions({
    queryKey: recommendationKeys.detail(id),
    queryFn: ({ signal }) =>
      apiRequest(`${base(programmeId)}/${id}`, recommendationSchema, { signal }),
  });
}

export function fetchRecommendationHistory(programmeId: string, id: string, signal: AbortSignal) {
  return apiRequest(`${base(programmeId)}/${id}/history`, recommendationHistorySchema, {
    signal,
  });
}

export function createRecommendation(programmeId: string, body: RecommendationInput) {
  return apiRequest(base(programmeId), recommendationSchema, { method: 'POST', body });
}

export function updateRecommendation(programmeId: string, id: string, body: RecommendationUpdate) {
  return apiRequest(`${base(programmeId)}/${id}`, recommendationSchema, { method: 'PUT', body });
}

export function moveRecommendation(programmeId: string, id: string, body: RecommendationMove) {
  return apiRequest(`${base(programmeId)}/${id}/state`, recommendationSchema, {
    method: 'POST',
    body,
  });
}

export function reviewRecommendation(programmeId: string, id: string, body: ReviewInput) {
  return apiRequest(`${base(programmeId)}/${id}/reviews`, recommendationSchema, {
    method: 'POST',
    body,
  });
}

export function commentOnRecommendation(programmeId: string, id: string, body: CommentInput) {
  return apiRequest(`${base(programmeId)}/${id}/comments`, recommendationSchema, {
    method: 'POST',
    body,
  });
}

export function linkRecommendation(programmeId: string, id: string, body: LinkInput) {
  return apiRequest(`${base(programmeId)}/${id}/links`, recommendationSchema, {
    method: 'POST',
    body,
  });
}

export function unlinkRecommendation(programmeId: string, id: string, otherId: string) {
  return apiRequest(`${base(programmeId)}/${id}/links/${otherId}`, recommendationSchema, {
    method: 'DELETE',
  });
}
