// Calls and query keys of the synthesis board and its threads: the landing list, the board
// (themes and where each code sits) with every change to it, the thread list, a thread with its
// edits, superseding and withdrawing, and its versions. Every change answers with the new state,
// which goes straight into the cache.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  boardSchema,
  synthesisProgrammesSchema,
  threadListSchema,
  threadSchema,
  threadVersionsSchema,
  type placementSchema,
  type supersedeSchema,
  type threadInputSchema,
  type threadUpdateSchema,
} from '../../../shared/contract/synthesis';
import { apiRequest, isApiError, withQuery } from '../../app/api';

export type PlacementInput = z.input<typeof placementSchema>;
export type ThreadInput = z.input<typeof threadInputSchema>;
export type ThreadUpdate = z.input<typeof threadUpdateSchema>;
export type SupersedeInput = z.input<typeof supersedeSchema>;

export const synthesisKeys = {
  programmes: ['synthesis', 'programmes'] as const,
  all: (programmeId: string) => ['synthesis', programmeId] as const,
  board: (programmeId: string) => ['synthesis', programmeId, 'board'] as const,
  threads: (programmeId: string, show: string) =>
    ['synthesis', programmeId, 'threads', show] as const,
  thread: (programmeId: string, threadId: string) =>
    ['synthesis', programmeId, 'thread', threadId] as const,
  versions: (programmeId: string, threadId: string) =>
    ['synthesis', programmeId, 'thread', threadId, 'versions'] as const,
};

const base = (programmeId: string) => `/api/programmes/${programmeId}/synthesis`;

export const synthesisProgrammesQuery = queryOptions({
  queryKey: synthesisKeys.programmes,
  queryFn: ({ signal }) =>
    apiRequest('/api/synthesis/programmes', synthesisProgrammesSchema, { signal }),
});

export function boardQuery(programmeId: string) {
  return queryOptions({
    queryKey: synthesisKeys.board(programmeId),
    queryFn: ({ signal }) => apiRequest(`${base(programmeId)}/themes`, boardSchema, { signal }),
  });
}

export function threadListQuery(programmeId: string, show: 'active' | 'all') {
  return queryOptions({
    queryKey: synthesisKeys.threads(programmeId, show),
    queryFn: ({ signal }) =>
      apiRequest(withQuery(`${base(programmeId)}/threads`, { show }), threadListSchema, {
        signal,
      }),
  });
}

export function threadQuery(programmeId: string, threadId: string) {
  return queryOptions({
    queryKey: synthesisKeys.thread(programmeId, threadId),
    queryFn: ({ signal }) =>
      apiRequest(`${base(programmeId)}/threads/${threadId}`, threadSchema, { signal }),
  });
}

export function threadVersionsQuery(programmeId: string, threadId: string) {
  return queryOptions({
    queryKey: synthesisKeys.versions(programmeId, threadId),
    queryFn: ({ signal }) =>
      apiRequest(`${base(programmeId)}/threads/${threadId}/versions`, threadVersionsSchema, {
        signal,
      }),
  });
}

// ---- board changes -----------------------------------------------------------------------

const boardCall = (programmeId: string, path: string, method: 'POST' | 'PUT', body: unknown) =>
  apiRequest(`${base(programmeId)}/themes${path}`, boardSchema, { method, body });

export const createTheme = (programmeId: string, body: { name: string; description: string }) =>
  boardCall(programmeId, '', 'POST', body);
export const updateTheme = (
  programmeId: string,
  themeId: string,
  body: { name: string; description: string; version: number },
) => boardCall(programmeId, `/${themeId}`, 'PUT', body);
export const moveTheme = (
  programmeId: string,
  themeId: string,
  body: { version: number; position: number },
) => boardCall(programmeId, `/${themeId}/move`, 'POST', body);
export const archiveTheme = (programmeId: string, themeId: string, version: number) =>
  boardCall(programmeId, `/${themeId}/archive`, 'POST', { version });
export const restoreTheme = (programmeId: string, themeId: string, version: number) =>
  boardCall(programmeId, `/${themeId}/restore`, 'POST', { version });
export const placeCode = (programmeId: string, body: PlacementInput) =>
  boardCall(programmeId, '/placements', 'POST', body);

// ---- thread changes ----------------------------------------------------------------------

export const createThread = (programmeId: string, body: ThreadInput) =>
  apiRequest(`${base(programmeId)}/threads`, threadSchema, { method: 'POST', body });
export const updateThread = (programmeId: string, threadId: string, body: ThreadUpdate) =>
  apiRequest(`${base(programmeId)}/threads/${threadId}`, threadSchema, { method: 'PUT', body });
export const supersedeThread = (programmeId: string, threadId: string, body: SupersedeInput) =>
  apiRequest(`${base(programmeId)}/threads/${threadId}/supersede`, threadSchema, {
    method: 'POST',
    body,
  });
export const withdrawThread = (
  programmeId: string,
  threadId: string,
  body: { version: number; reason: string },
) =>
  apiRequest(`${base(programmeId)}/threads/${threadId}/withdraw`, threadSchema, {
    method: 'POST',
    body,
  });

/** After a thread change: the board (theme badges), the lists and every thread page refetch. */
export async function refreshSynthesis(queryClient: QueryClient, programmeId: string) {
  await queryClient.invalidateQueries({ queryKey: synthesisKeys.all(programmeId) });
}

export type ThreadConflict = {
  current: { title: string; description: string; version: number };
};

/** The server's state of a thread someone else changed, when a save was stale. */
export function threadConflictOf(error: unknown): ThreadConflict | null {
  if (!isApiError(error) || error.code !== 'CONFLICT') return null;
  const current = error.details.current as ThreadConflict['current'] | undefined;
  return current && typeof current.version === 'number' ? { current } : null;
}
