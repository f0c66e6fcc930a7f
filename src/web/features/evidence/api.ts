// Calls and query keys of a thread's evidence (counts, splits, indicators), its supporting
// segments (a page at a time, with a cursor), its chosen quotes (choose, order, remove), and the
// programme's saturation. Every change of the quotes answers with the new list, which goes
// straight into the cache; the segments list refetches to show which are chosen.
import { infiniteQueryOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import {
  saturationSchema,
  threadEvidenceSchema,
  threadQuotesSchema,
  threadSegmentsSchema,
  type EvidencePerspective,
  type ThreadQuotes,
} from '../../../shared/contract/evidence';
import { apiRequest, withQuery } from '../../app/api';

export const evidenceKeys = {
  thread: (programmeId: string, threadId: string) =>
    ['evidence', programmeId, 'thread', threadId] as const,
  evidence: (programmeId: string, threadId: string) =>
    ['evidence', programmeId, 'thread', threadId, 'evidence'] as const,
  segments: (programmeId: string, threadId: string, filters: SegmentFilters) =>
    ['evidence', programmeId, 'thread', threadId, 'segments', filters] as const,
  quotes: (programmeId: string, threadId: string) =>
    ['evidence', programmeId, 'thread', threadId, 'quotes'] as const,
  saturation: (programmeId: string, bucket: number | undefined) =>
    ['evidence', programmeId, 'saturation', bucket ?? 'auto'] as const,
};

const threadBase = (programmeId: string, threadId: string) =>
  `/api/programmes/${programmeId}/synthesis/threads/${threadId}`;

export function evidenceQuery(programmeId: string, threadId: string) {
  return queryOptions({
    queryKey: evidenceKeys.evidence(programmeId, threadId),
    queryFn: ({ signal }) =>
      apiRequest(`${threadBase(programmeId, threadId)}/evidence`, threadEvidenceSchema, {
        signal,
      }),
  });
}

export type SegmentFilters = {
  perspective: EvidencePerspective | '';
  institutionType: string;
  regionCode: string;
  /** One of the thread's codes: its segments and those of the codes beneath it. */
  codeId: string;
};

export const segmentPageSize = 10;

export function segmentsQuery(programmeId: string, threadId: string, filters: SegmentFilters) {
  return infiniteQueryOptions({
    queryKey: evidenceKeys.segments(programmeId, threadId, filters),
    initialPageParam: '',
    queryFn: ({ signal, pageParam }) =>
      apiRequest(
        withQuery(`${threadBase(programmeId, threadId)}/segments`, {
          ...filters,
          cursor: pageParam,
          limit: segmentPageSize,
        }),
        threadSegmentsSchema,
        { signal },
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function quotesQuery(programmeId: string, threadId: string) {
  return queryOptions({
    queryKey: evidenceKeys.quotes(programmeId, threadId),
    queryFn: ({ signal }) =>
      apiRequest(`${threadBase(programmeId, threadId)}/quotes`, threadQuotesSchema, { signal }),
  });
}

export const chooseQuote = (programmeId: string, threadId: string, segmentId: string) =>
  apiRequest(`${threadBase(programmeId, threadId)}/quotes`, threadQuotesSchema, {
    method: 'POST',
    body: { segmentId },
  });

export const unchooseQuote = (programmeId: string, threadId: string, segmentId: string) =>
  apiRequest(`${threadBase(programmeId, threadId)}/quotes/${segmentId}`, threadQuotesSchema, {
    method: 'DELETE',
  });

export const orderQuotes = (programmeId: string, threadId: string, segmentIds: string[]) =>
  apiRequest(`${threadBase(programmeId, threadId)}/quotes/order`, threadQuotesSchema, {
    method: 'PUT',
    body: { segmentIds },
  });

/** After a change of the quotes: the new list into the cache, the segments show what is chosen. */
export async function quotesChanged(
  queryClient: QueryClient,
  programmeId: string,
  threadId: string,
  quotes: ThreadQuotes,
) {
  queryClient.setQueryData(evidenceKeys.quotes(programmeId, threadId), quotes);
  await queryClient.invalidateQueries({
    queryKey: [...evidenceKeys.thread(programmeId, threadId), 'segments'],
  });
}

export function saturationQuery(programmeId: string, bucket?: number) {
  return queryOptions({
    queryKey: evidenceKeys.saturation(programmeId, bucket),
    queryFn: ({ signal }) =>
      apiRequest(
        withQuery(`/api/programmes/${programmeId}/synthesis/saturation`, { bucket }),
        saturationSchema,
        { signal },
      ),
  });
}
