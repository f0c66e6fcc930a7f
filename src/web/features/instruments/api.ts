// Calls and query keys of the instrument administration: the list, one instrument with its
// versions, one version's content, and the draft's life (start, save with its revision,
// discard, publish) plus JSON import. The query keys are the ones the dossier screens use for
// the same requests, so both share one cache.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import {
  draftUpdateSchema,
  instrumentDetailSchema,
  instrumentListSchema,
  instrumentVersionSchema,
  type DraftConflictDetails,
  type InstrumentContent,
  type InstrumentVersion,
} from '../../../shared/contract/instruments';
import { apiRequest, apiRequestNoContent, isApiError, withQuery } from '../../app/api';

export const instrumentKeys = {
  all: ['instruments'] as const,
  list: ['instruments', 'list'] as const,
  detail: (id: string) => ['instruments', 'detail', id] as const,
  version: (id: string, number: number) => ['instruments', 'version', id, number] as const,
};

const base = (id: string) => `/api/instruments/${encodeURIComponent(id)}`;

export function instrumentListQuery() {
  return queryOptions({
    queryKey: instrumentKeys.list,
    queryFn: ({ signal }) => apiRequest('/api/instruments', instrumentListSchema, { signal }),
  });
}

export function instrumentDetailQuery(id: string) {
  return queryOptions({
    queryKey: instrumentKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(base(id), instrumentDetailSchema, { signal }),
  });
}

export function instrumentVersionQuery(id: string, number: number) {
  return queryOptions({
    queryKey: instrumentKeys.version(id, number),
    queryFn: ({ signal }) =>
      apiRequest(`${base(id)}/versions/${number}`, instrumentVersionSchema, { signal }),
  });
}

/** The address of a version's JSON document; the server names the file (code-vN.json). */
export function exportUrl(id: string, number: number): string {
  return `${base(id)}/versions/${number}/export`;
}

export function startDraft(id: string) {
  return apiRequest(`${base(id)}/draft`, instrumentVersionSchema, { method: 'POST', body: {} });
}

export function saveDraft(id: string, content: InstrumentContent, revision: number) {
  return apiRequest(`${base(id)}/draft`, instrumentVersionSchema, {
    method: 'PUT',
    body: { content, revision },
  });
}

export function discardDraft(id: string, revision: number) {
  return apiRequestNoContent(withQuery(`${base(id)}/draft`, { revision }), { method: 'DELETE' });
}

export function publishDraft(id: string, revision: number) {
  return apiRequest(`${base(id)}/draft/publish`, instrumentVersionSchema, {
    method: 'POST',
    body: { revision },
  });
}

/** Sends a JSON document as it was read from a file: the server checks every part of it. */
export function importDraft(id: string, document: unknown) {
  return apiRequest(`${base(id)}/import`, instrumentVersionSchema, {
    method: 'POST',
    body: document,
  });
}

/** A new instrument from a JSON document (its first version is a draft). */
export function createInstrument(document: unknown) {
  return apiRequest('/api/instruments', instrumentVersionSchema, {
    method: 'POST',
    body: document,
  });
}

/** A 409 on a draft save that carries both versions: the draft now, and what was sent. */
export function draftConflictOf(error: unknown): DraftConflictDetails | null {
  if (!isApiError(error) || error.code !== 'CONFLICT') return null;
  const current = instrumentVersionSchema.safeParse(error.details.current);
  const yours = draftUpdateSchema.safeParse(error.details.yours);
  if (!current.success || !yours.success) return null;
  return { current: current.data, yours: yours.data };
}

/**
 * After any change: the version as the server has it now, and fresh lists. Resolves once the
 * lists shown are fresh, so a page opened next never shows the state before the change.
 */
export async function storeVersion(queryClient: QueryClient, version: InstrumentVersion) {
  queryClient.setQueryData(instrumentKeys.version(version.instrumentId, version.number), version);
  await refreshInstrument(queryClient, version.instrumentId);
}

export async function refreshInstrument(queryClient: QueryClient, instrumentId: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: instrumentKeys.list }),
    queryClient.invalidateQueries({ queryKey: instrumentKeys.detail(instrumentId) }),
  ]);
}
