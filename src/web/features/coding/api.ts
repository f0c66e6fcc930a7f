// Calls and query keys of a programme's codebook and its cross-case views: the codebook (codes,
// snapshots, abilities), a code's history and segments, every change (create, edit and move,
// archive and restore, merge, split, snapshot), the REFI-QDA exchange (downloads by address;
// imports send the file's bytes as they are) and the cross-case reads (texts, segments per
// code, the case × code matrix, search). A stale edit comes back as a CodeConflict with both
// versions.
import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  codebookSchema,
  codeHistorySchema,
  codeInputSchema,
  codeSchema,
  codeSegmentsSchema,
  codeUpdateSchema,
  importReportSchema,
  matrixSchema,
  perspectives,
  searchResultSchema,
  snapshotSchema,
  sourceListSchema,
  type Code,
  type Codebook,
  type ImportReport,
  type Perspective,
} from '../../../shared/contract/coding';
import { apiRequest, ApiError, isApiError, parseErrorResponse, withQuery } from '../../app/api';

export type CodeInput = z.input<typeof codeInputSchema>;
export type CodeUpdate = z.input<typeof codeUpdateSchema>;
export type CodeChange = z.output<typeof codeHistorySchema>['items'][number];
export type Snapshot = z.output<typeof snapshotSchema>;
export type SnapshotSummary = Codebook['snapshots'][number];
export type CodeSegmentItem = z.output<typeof codeSegmentsSchema>['items'][number];
export type SourceSummary = z.output<typeof sourceListSchema>['items'][number];

/** The filters every cross-case view takes. */
export type CrossCaseFilters = { institutionType?: string; perspective?: Perspective };

export function isPerspective(value: string): value is Perspective {
  return (perspectives as readonly string[]).includes(value);
}

export const codingKeys = {
  all: (programmeId: string) => ['coding', programmeId] as const,
  codebook: (programmeId: string) => ['coding', programmeId, 'codebook'] as const,
  history: (programmeId: string, codeId: string) =>
    ['coding', programmeId, 'history', codeId] as const,
  snapshot: (programmeId: string, snapshotId: string) =>
    ['coding', programmeId, 'snapshot', snapshotId] as const,
  segments: (programmeId: string, codeId: string, params: object) =>
    ['coding', programmeId, 'segments', codeId, params] as const,
  sources: (programmeId: string, params: object) =>
    ['coding', programmeId, 'sources', params] as const,
  matrix: (programmeId: string, params: object) =>
    ['coding', programmeId, 'matrix', params] as const,
  search: (programmeId: string, params: object) =>
    ['coding', programmeId, 'search', params] as const,
};

const programmePath = (programmeId: string) => `/api/programmes/${programmeId}`;
const codePath = (programmeId: string, codeId: string) =>
  `${programmePath(programmeId)}/codes/${codeId}`;

export function codebookQuery(programmeId: string) {
  return queryOptions({
    queryKey: codingKeys.codebook(programmeId),
    queryFn: ({ signal }) =>
      apiRequest(`${programmePath(programmeId)}/codebook`, codebookSchema, { signal }),
  });
}

export function codeHistoryQuery(programmeId: string, codeId: string) {
  return queryOptions({
    queryKey: codingKeys.history(programmeId, codeId),
    queryFn: ({ signal }) =>
      apiRequest(`${codePath(programmeId, codeId)}/history`, codeHistorySchema, { signal }),
  });
}

export function snapshotQuery(programmeId: string, snapshotId: string) {
  return queryOptions({
    queryKey: codingKeys.snapshot(programmeId, snapshotId),
    queryFn: ({ signal }) =>
      apiRequest(`${programmePath(programmeId)}/codebook/snapshots/${snapshotId}`, snapshotSchema, {
        signal,
      }),
    // A snapshot never changes.
    staleTime: Infinity,
  });
}

export type PageRequest = { page: number; pageSize: number };

export function codeSegmentsQuery(
  programmeId: string,
  codeId: string,
  params: CrossCaseFilters & PageRequest,
) {
  return queryOptions({
    queryKey: codingKeys.segments(programmeId, codeId, params),
    queryFn: ({ signal }) =>
      apiRequest(
        withQuery(`${codePath(programmeId, codeId)}/segments`, params),
        codeSegmentsSchema,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function sourcesQuery(programmeId: string, params: PageRequest) {
  return queryOptions({
    queryKey: codingKeys.sources(programmeId, params),
    queryFn: ({ signal }) =>
      apiRequest(withQuery(`${programmePath(programmeId)}/sources`, params), sourceListSchema, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function matrixQuery(
  programmeId: string,
  params: CrossCaseFilters & PageRequest & { codeIds: string[] },
) {
  const { codeIds, ...rest } = params;
  return queryOptions({
    queryKey: codingKeys.matrix(programmeId, params),
    queryFn: ({ signal }) =>
      apiRequest(
        withQuery(`${programmePath(programmeId)}/matrix`, {
          ...rest,
          codeIds: codeIds.length ? codeIds.join(',') : undefined,
        }),
        matrixSchema,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function searchQuery(
  programmeId: string,
  params: CrossCaseFilters & { q: string; page: number },
) {
  return queryOptions({
    queryKey: codingKeys.search(programmeId, params),
    queryFn: ({ signal }) =>
      apiRequest(withQuery(`${programmePath(programmeId)}/search`, params), searchResultSchema, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

// ---- changes ---------------------------------------------------------------------------------

export function createCode(programmeId: string, body: CodeInput) {
  return apiRequest(`${programmePath(programmeId)}/codes`, codeSchema, { method: 'POST', body });
}

/** Someone else saved the code after the form opened: the code now, and what was sent. */
export type CodeConflict = { current: Code; yours: CodeUpdate };

export function codeConflictOf(error: unknown): CodeConflict | null {
  if (!isApiError(error) || error.code !== 'CONFLICT') return null;
  const current = codeSchema.safeParse(error.details.current);
  const yours = codeUpdateSchema.safeParse(error.details.yours);
  if (!current.success || !yours.success) return null;
  return { current: current.data, yours: yours.data };
}

export function updateCode(programmeId: string, codeId: string, body: CodeUpdate) {
  return apiRequest(codePath(programmeId, codeId), codeSchema, { method: 'PUT', body });
}

/** Archiving takes the sub-codes along; restoring brings back the code alone. */
export function setCodeArchived(
  programmeId: string,
  codeId: string,
  archive: boolean,
  version: number,
) {
  return apiRequest(
    `${codePath(programmeId, codeId)}/${archive ? 'archive' : 'restore'}`,
    codebookSchema,
    { method: 'POST', body: { version } },
  );
}

const mergeResultSchema = codebookSchema.extend({
  moved: z.number().int(),
  dropped: z.number().int(),
});

export function mergeCode(
  programmeId: string,
  codeId: string,
  body: { intoCodeId: string; version: number },
) {
  return apiRequest(`${codePath(programmeId, codeId)}/merge`, mergeResultSchema, {
    method: 'POST',
    body,
  });
}

export function splitCode(
  programmeId: string,
  codeId: string,
  body: { name: string; segmentIds: string[]; version: number },
) {
  return apiRequest(`${codePath(programmeId, codeId)}/split`, codeSchema, {
    method: 'POST',
    body,
  });
}

export function createSnapshot(programmeId: string, label: string) {
  return apiRequest(`${programmePath(programmeId)}/codebook/snapshots`, snapshotSchema, {
    method: 'POST',
    body: { label },
  });
}

/** After a change: the codebook, and everything computed from it, is read again. */
export async function refreshCoding(queryClient: QueryClient, programmeId: string) {
  await queryClient.invalidateQueries({ queryKey: codingKeys.all(programmeId) });
}

/** A change that answers with the whole codebook: put it in place at once. */
export function storeCodebook(queryClient: QueryClient, codebook: Codebook) {
  queryClient.setQueryData(codingKeys.codebook(codebook.programmeId), codebook);
  void queryClient.invalidateQueries({
    queryKey: codingKeys.all(codebook.programmeId),
    predicate: (query) => query.queryKey[2] !== 'codebook',
  });
}

// ---- REFI-QDA exchange -----------------------------------------------------------------------

/** The whole programme (every case the user reaches), or the cases with these codes, as .qdpx. */
export function projectExportUrl(programmeId: string, caseCodes: string[] = []): string {
  return withQuery(`${programmePath(programmeId)}/export.qdpx`, {
    caseCodes: caseCodes.length ? caseCodes.join(',') : undefined,
  });
}

/** Case codes as people type them: separated by commas, semicolons, spaces or new lines. */
export function caseCodesOf(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
}

/**
 * Fetches a project export, so a refusal (an unknown case code) can be shown at its field instead
 * of as a page of JSON; the file is then handed to the browser as a download.
 */
export async function downloadProject(
  programmeId: string,
  caseCodes: string[],
): Promise<{ blob: Blob; fileName: string }> {
  let response: Response;
  try {
    response = await fetch(projectExportUrl(programmeId, caseCodes), {
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '');
  }
  if (!response.ok) throw parseErrorResponse(response.status, await response.text());
  const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return { blob: await response.blob(), fileName: named?.[1] ?? 'ketenlens.qdpx' };
}

/** The codebook as it is now, or as a snapshot kept it, as a REFI-QDA codebook. */
export function codebookExportUrl(programmeId: string, snapshotId?: string): string {
  return withQuery(`${programmePath(programmeId)}/codebook.qdc`, { snapshotId });
}

export type ImportKind = 'project' | 'codebook';

/** A file the server refused: what is wrong, and where in the file (`details.where`), if said. */
export type ImportRefusal = { message: string; where: string | null };

/**
 * The refusal of an import (400, or 413/415 for the file's size or type), or null for any other
 * failure. The server's message may end with the place in brackets; it is split off, so the
 * place is shown once, labelled.
 */
export function importRefusalOf(error: unknown): ImportRefusal | null {
  if (!isApiError(error) || ![400, 413, 415].includes(error.status)) return null;
  const raw = error.details.where;
  const where = typeof raw === 'string' && raw.trim() ? raw.trim() : null;
  let message = error.message.trim();
  if (where && message.endsWith(`(${where})`))
    message = message.slice(0, -(where.length + 2)).trimEnd();
  return { message, where };
}

/**
 * Sends a .qdpx (zip) or .qdc (XML) file's bytes as they are. Not through apiRequest, which
 * speaks JSON only: the same CSRF header, the same error shape.
 */
export async function importFile(
  programmeId: string,
  kind: ImportKind,
  file: Blob,
  csrfToken: string | null,
): Promise<ImportReport> {
  const path =
    kind === 'project'
      ? `${programmePath(programmeId)}/import`
      : `${programmePath(programmeId)}/codebook/import`;
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': kind === 'project' ? 'application/zip' : 'application/xml',
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '');
  }
  const text = await response.text();
  if (!response.ok) throw parseErrorResponse(response.status, text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError(response.status, 'UNEXPECTED_RESPONSE', '');
  }
  const parsed = importReportSchema.safeParse(json);
  if (!parsed.success) throw new ApiError(response.status, 'UNEXPECTED_RESPONSE', '');
  return parsed.data;
}
