// Calls and query keys of a case's interviews and of coding one text: the interview list (with
// who may be interviewed), adding, editing and removing an interview, its transcript as text or
// as a file's bytes; a source with its segments and memos, the programme's codebook, applying
// codes, marking, removing and restoring segments (undo and redo), blind coding, comparing and
// the agreement between two coders; memos on a segment, a source, a case or a code.
//
// Everything goes through apiRequest, except the two calls it cannot make (it speaks JSON with
// GET/POST/PUT/DELETE only): a transcript file sent as bytes, and PATCH of a segment. Those use
// sendRaw below, with the same CSRF header and the same error shape.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  agreementSchema,
  codebookSchema,
  interviewInputSchema,
  interviewListSchema,
  interviewModes,
  interviewUpdateSchema,
  memoListSchema,
  segmentsCreatedSchema,
  sourceDetailSchema,
  type MemoTarget,
} from '../../../shared/contract/coding';
import { ApiError, apiRequest, isApiError, parseErrorResponse, withQuery } from '../../app/api';

export type InterviewInput = z.input<typeof interviewInputSchema>;
export type InterviewUpdate = z.input<typeof interviewUpdateSchema>;

/** The answer to a new transcript: the list, what kind of file it was, and what to look at. */
export const transcriptResultSchema = interviewListSchema.extend({
  format: z.enum(['txt', 'docx', 'odt', 'text']),
  warnings: z.array(z.string()),
});
export type TranscriptResult = z.output<typeof transcriptResultSchema>;
export type TranscriptFormat = TranscriptResult['format'];

export const quoteListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      sourceId: z.uuid(),
      sourceName: z.string(),
      participantLabel: z.string(),
      perspective: z.string(),
      codeId: z.uuid().nullable(),
      codeName: z.string().nullable(),
      text: z.string(),
    }),
  ),
});

export const interviewKeys = {
  all: ['interviews'] as const,
  list: (caseId: string) => ['interviews', 'list', caseId] as const,
  source: (sourceId: string) => ['interviews', 'source', sourceId] as const,
  codebook: (programmeId: string) => ['interviews', 'codebook', programmeId] as const,
  memos: (targetType: MemoTarget, targetId: string) =>
    ['interviews', 'memos', targetType, targetId] as const,
  agreementOf: (sourceId: string) => ['interviews', 'agreement', sourceId] as const,
  agreement: (sourceId: string, coderA: string, coderB: string) =>
    ['interviews', 'agreement', sourceId, coderA, coderB] as const,
  quotes: (caseId: string) => ['interviews', 'quotes', caseId] as const,
};

const interviewsPath = (caseId: string) => `/api/cases/${caseId}/interviews`;
const interviewPath = (caseId: string, interviewId: string) =>
  `${interviewsPath(caseId)}/${interviewId}`;
const sourcePath = (sourceId: string) => `/api/sources/${sourceId}`;
const segmentPath = (segmentId: string) => `/api/segments/${segmentId}`;

// ---- sending what apiRequest cannot ----------------------------------------------------------

type RawOptions = {
  method: 'PUT' | 'PATCH' | 'POST';
  body: Blob | string;
  contentType: string;
  csrfToken: string | null;
};

/** A request with a body apiRequest does not send (bytes, or PATCH), checked like apiRequest. */
async function sendRaw<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RawOptions,
): Promise<z.output<S>> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': options.contentType,
  };
  if (options.csrfToken) headers['x-csrf-token'] = options.csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method,
      headers,
      credentials: 'same-origin',
      body: options.body,
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
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiError(response.status, 'UNEXPECTED_RESPONSE', '');
  return parsed.data;
}

// ---- interviews ------------------------------------------------------------------------------

export function interviewListQuery(caseId: string) {
  return queryOptions({
    queryKey: interviewKeys.list(caseId),
    queryFn: ({ signal }) => apiRequest(interviewsPath(caseId), interviewListSchema, { signal }),
  });
}

export function addInterview(caseId: string, body: InterviewInput) {
  return apiRequest(interviewsPath(caseId), interviewListSchema, { method: 'POST', body });
}

export function updateInterview(caseId: string, interviewId: string, body: InterviewUpdate) {
  return apiRequest(interviewPath(caseId, interviewId), interviewListSchema, {
    method: 'PUT',
    body,
  });
}

export function deleteInterview(caseId: string, interviewId: string) {
  return apiRequest(interviewPath(caseId, interviewId), interviewListSchema, {
    method: 'DELETE',
  });
}

export function setTranscriptText(caseId: string, interviewId: string, text: string) {
  return apiRequest(`${interviewPath(caseId, interviewId)}/transcript`, transcriptResultSchema, {
    method: 'PUT',
    body: { text },
  });
}

/** A .txt, .docx or .odt file, sent as it is: the server decides what it is by its content. */
export function uploadTranscript(
  caseId: string,
  interviewId: string,
  file: Blob,
  csrfToken: string | null,
) {
  return sendRaw(`${interviewPath(caseId, interviewId)}/transcript`, transcriptResultSchema, {
    method: 'PUT',
    body: file,
    contentType: 'application/octet-stream',
    csrfToken,
  });
}

/** What the server sent back with a stale edit of an interview's details. */
const interviewConflictSchema = z.object({
  current: z.object({
    heldOn: z.string(),
    interviewerId: z.string().nullable(),
    mode: z.enum(interviewModes),
    version: z.number().int(),
  }),
});
export type InterviewVersion = z.output<typeof interviewConflictSchema>['current'];

/** The interview as it is now, when the error is a 409 about a stale version; else null. */
export function interviewConflictOf(error: unknown): InterviewVersion | null {
  if (!isApiError(error) || error.code !== 'CONFLICT') return null;
  const parsed = interviewConflictSchema.safeParse(error.details);
  return parsed.success ? parsed.data.current : null;
}

// ---- sources and segments --------------------------------------------------------------------

export function sourceQuery(sourceId: string) {
  return queryOptions({
    queryKey: interviewKeys.source(sourceId),
    queryFn: ({ signal }) => apiRequest(sourcePath(sourceId), sourceDetailSchema, { signal }),
  });
}

export function codebookQuery(programmeId: string) {
  return queryOptions({
    queryKey: interviewKeys.codebook(programmeId),
    queryFn: ({ signal }) =>
      apiRequest(`/api/programmes/${programmeId}/codebook`, codebookSchema, { signal }),
  });
}

export type SegmentInput = {
  start: number;
  end: number;
  codeIds: string[];
  important: boolean;
  quote: boolean;
};

export function createSegments(sourceId: string, body: SegmentInput) {
  return apiRequest(`${sourcePath(sourceId)}/segments`, segmentsCreatedSchema, {
    method: 'POST',
    body,
  });
}

export function updateSegment(
  segmentId: string,
  body: { important?: boolean; quote?: boolean },
  csrfToken: string | null,
) {
  return sendRaw(segmentPath(segmentId), sourceDetailSchema, {
    method: 'PATCH',
    body: JSON.stringify(body),
    contentType: 'application/json',
    csrfToken,
  });
}

/** Removes a segment (softly: it can be restored, which is how undo works). */
export function removeSegment(segmentId: string) {
  return apiRequest(segmentPath(segmentId), sourceDetailSchema, { method: 'DELETE' });
}

export function restoreSegment(segmentId: string) {
  return apiRequest(`${segmentPath(segmentId)}/restore`, sourceDetailSchema, { method: 'POST' });
}

export function setBlind(sourceId: string, blind: boolean) {
  return apiRequest(`${sourcePath(sourceId)}/blind`, sourceDetailSchema, {
    method: 'PUT',
    body: { blind },
  });
}

/** "Vergelijken": from now on this coder sees everyone's coding of the text. */
export function reveal(sourceId: string) {
  return apiRequest(`${sourcePath(sourceId)}/reveal`, sourceDetailSchema, { method: 'POST' });
}

export function agreementQuery(sourceId: string, coderA: string, coderB: string) {
  return queryOptions({
    queryKey: interviewKeys.agreement(sourceId, coderA, coderB),
    queryFn: ({ signal }) =>
      apiRequest(
        withQuery(`${sourcePath(sourceId)}/agreement`, { coderA, coderB }),
        agreementSchema,
        {
          signal,
        },
      ),
  });
}

export function quotesQuery(caseId: string) {
  return queryOptions({
    queryKey: interviewKeys.quotes(caseId),
    queryFn: ({ signal }) => apiRequest(`/api/cases/${caseId}/quotes`, quoteListSchema, { signal }),
  });
}

// ---- memos -----------------------------------------------------------------------------------

export type MemoDraft = { title: string; body: string };

export function memosQuery(targetType: MemoTarget, targetId: string) {
  return queryOptions({
    queryKey: interviewKeys.memos(targetType, targetId),
    queryFn: ({ signal }) =>
      apiRequest(withQuery('/api/memos', { targetType, targetId }), memoListSchema, { signal }),
  });
}

export function createMemo(targetType: MemoTarget, targetId: string, memo: MemoDraft) {
  return apiRequest('/api/memos', memoListSchema, {
    method: 'POST',
    body: { targetType, targetId, ...memo },
  });
}

export function updateMemo(memoId: string, memo: MemoDraft & { version: number }) {
  return apiRequest(`/api/memos/${memoId}`, memoListSchema, { method: 'PUT', body: memo });
}

export function deleteMemo(memoId: string) {
  return apiRequest(`/api/memos/${memoId}`, memoListSchema, { method: 'DELETE' });
}

const memoConflictSchema = z.object({
  current: z.object({ title: z.string(), body: z.string(), version: z.number().int() }),
});
export type MemoVersion = z.output<typeof memoConflictSchema>['current'];

/** The memo as it is now, when the error is a 409 about a stale version; else null. */
export function memoConflictOf(error: unknown): MemoVersion | null {
  if (!isApiError(error) || error.code !== 'CONFLICT') return null;
  const parsed = memoConflictSchema.safeParse(error.details);
  return parsed.success ? parsed.data.current : null;
}
