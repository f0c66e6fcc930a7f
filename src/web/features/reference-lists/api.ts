// Calls and query keys of the reference-list administration. Every change answers with the
// list as it now is; the case screens' lists (/api/case-reference) are refreshed after it.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import {
  referenceListSchema,
  referenceListsSchema,
  type ReferenceEntryInput,
  type ReferenceEntryUpdate,
  type ReferenceList,
  type ReferenceListName,
  type ReferenceLists,
} from '../../../shared/contract/reference-lists';
import { apiRequest, isApiError } from '../../app/api';
import { caseKeys } from '../cases/api';

export const referenceListKeys = { all: ['reference-lists'] as const };

export function referenceListsQuery() {
  return queryOptions({
    queryKey: referenceListKeys.all,
    queryFn: ({ signal }) => apiRequest('/api/reference-lists', referenceListsSchema, { signal }),
  });
}

const entriesPath = (list: ReferenceListName) => `/api/reference-lists/${list}/entries`;
const entryPath = (list: ReferenceListName, code: string) =>
  `${entriesPath(list)}/${encodeURIComponent(code)}`;

export function addEntry(list: ReferenceListName, body: ReferenceEntryInput) {
  return apiRequest(entriesPath(list), referenceListSchema, { method: 'POST', body });
}

export function updateEntry(list: ReferenceListName, code: string, body: ReferenceEntryUpdate) {
  return apiRequest(entryPath(list, code), referenceListSchema, { method: 'PUT', body });
}

export function setEntryArchived(list: ReferenceListName, code: string, isArchived: boolean) {
  return apiRequest(`${entryPath(list, code)}/archive`, referenceListSchema, {
    method: 'POST',
    body: { isArchived },
  });
}

export function setListOrder(list: ReferenceListName, codes: string[]) {
  return apiRequest(`/api/reference-lists/${list}/order`, referenceListSchema, {
    method: 'PUT',
    body: { codes },
  });
}

/** Puts a list as the server now has it into the cache, and refreshes the case screens' lists. */
export function storeList(queryClient: QueryClient, list: ReferenceList) {
  queryClient.setQueryData<ReferenceLists>(referenceListKeys.all, (old) =>
    old ? { lists: old.lists.map((l) => (l.list === list.list ? list : l)) } : old,
  );
  void queryClient.invalidateQueries({ queryKey: caseKeys.reference });
}

/** A 409 because the list already has this code (the server's `details.reason`). */
export function isDuplicateCode(error: unknown): boolean {
  return (
    isApiError(error) && error.code === 'CONFLICT' && error.details.reason === 'duplicate_code'
  );
}
