// Calls and query keys of access-table monitoring: regions, the register, the import wizard,
// the quarterly report, the access tables and the two editable lists.
import { queryOptions } from '@tanstack/react-query';
import {
  accessRegionListSchema,
  accessTableListSchema,
  accessTableSchema,
  importCheckSchema,
  importResultSchema,
  importUploadSchema,
  monitoringListsSchema,
  quarterlyReportSchema,
  registrationListSchema,
  registrationSchema,
  type AccessTableInput,
  type AccessTableUpdate,
  type ImportCommitInput,
  type MonitoringListName,
  type RegistrationInput,
  type RegistrationUpdate,
} from '../../../shared/contract/monitoring';
import {
  ApiError,
  apiRequest,
  apiRequestNoContent,
  parseErrorResponse,
  withQuery,
} from '../../app/api';

export const monitoringKeys = {
  regions: ['monitoring', 'regions'] as const,
  lists: ['monitoring', 'lists'] as const,
  tables: ['monitoring', 'tables'] as const,
  registers: ['monitoring', 'register'] as const,
  register: (region: string, query: RegisterRequest) =>
    ['monitoring', 'register', region, query] as const,
  registration: (region: string, id: string) => ['monitoring', 'registration', region, id] as const,
  report: (region: string, quarter: string, tableId: string) =>
    ['monitoring', 'report', region, quarter, tableId] as const,
};

export function regionsQuery() {
  return queryOptions({
    queryKey: monitoringKeys.regions,
    queryFn: ({ signal }) => apiRequest('/api/access-regions', accessRegionListSchema, { signal }),
  });
}

export function listsQuery() {
  return queryOptions({
    queryKey: monitoringKeys.lists,
    queryFn: ({ signal }) => apiRequest('/api/monitoring-lists', monitoringListsSchema, { signal }),
  });
}

export function tablesQuery() {
  return queryOptions({
    queryKey: monitoringKeys.tables,
    queryFn: ({ signal }) => apiRequest('/api/access-tables', accessTableListSchema, { signal }),
  });
}

export type RegisterRequest = {
  page: number;
  pageSize: number;
  tableId?: string;
  from?: string;
  to?: string;
  outcome?: string;
  problemArea?: string;
  questionType?: string;
};

export function registerQuery(region: string, query: RegisterRequest) {
  return queryOptions({
    queryKey: monitoringKeys.register(region, query),
    queryFn: ({ signal }) =>
      apiRequest(
        withQuery(`/api/access-regions/${region}/registrations`, { ...query }),
        registrationListSchema,
        { signal },
      ),
  });
}

export function registrationQuery(region: string, id: string) {
  return queryOptions({
    queryKey: monitoringKeys.registration(region, id),
    queryFn: ({ signal }) =>
      apiRequest(`/api/access-regions/${region}/registrations/${id}`, registrationSchema, {
        signal,
      }),
  });
}

export function createRegistration(region: string, body: RegistrationInput) {
  return apiRequest(`/api/access-regions/${region}/registrations`, registrationSchema, {
    method: 'POST',
    body,
  });
}

export function updateRegistration(region: string, id: string, body: RegistrationUpdate) {
  return apiRequest(`/api/access-regions/${region}/registrations/${id}`, registrationSchema, {
    method: 'PUT',
    body,
  });
}

export function removeRegistration(region: string, id: string, version: number) {
  return apiRequestNoContent(
    `/api/access-regions/${region}/registrations/${id}?version=${version}`,
    { method: 'DELETE' },
  );
}

/** Sends the file as bytes: the server decides by its content whether it is CSV or XLSX. */
export async function uploadImport(region: string, file: File, csrfToken: string | null) {
  let response: Response;
  try {
    response = await fetch(
      withQuery(`/api/access-regions/${region}/imports`, { fileName: file.name.slice(0, 200) }),
      {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'content-type': 'application/octet-stream',
          accept: 'application/json',
          ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
        },
        body: file,
      },
    );
  } catch {
    throw new ApiError(0, 'NETWORK', '');
  }
  if (!response.ok) throw parseErrorResponse(response.status, await response.text());
  const parsed = importUploadSchema.safeParse(await response.json());
  if (!parsed.success) throw new ApiError(response.status, 'UNEXPECTED_RESPONSE', '');
  return parsed.data;
}

export function checkImport(
  region: string,
  importId: string,
  body: Omit<ImportCommitInput, 'skipInvalidRows'>,
) {
  return apiRequest(`/api/access-regions/${region}/imports/${importId}/check`, importCheckSchema, {
    method: 'POST',
    body,
  });
}

export function commitImport(region: string, importId: string, body: ImportCommitInput) {
  return apiRequest(
    `/api/access-regions/${region}/imports/${importId}/commit`,
    importResultSchema,
    {
      method: 'POST',
      body,
    },
  );
}

export function reportQuery(region: string, quarter: string, tableId: string) {
  return queryOptions({
    queryKey: monitoringKeys.report(region, quarter, tableId),
    queryFn: ({ signal }) =>
      apiRequest(
        withQuery(`/api/access-regions/${region}/report`, {
          quarter,
          tableId: tableId || undefined,
        }),
        quarterlyReportSchema,
        { signal },
      ),
  });
}

export function reportFileUrl(
  region: string,
  format: 'pdf' | 'docx' | 'csv' | 'xlsx',
  quarter: string,
  tableId: string,
  lang: string,
) {
  return withQuery(`/api/access-regions/${region}/report.${format}`, {
    quarter,
    tableId: tableId || undefined,
    lang,
  });
}

export function createTable(body: AccessTableInput) {
  return apiRequest('/api/access-tables', accessTableSchema, { method: 'POST', body });
}

export function updateTable(id: string, body: AccessTableUpdate) {
  return apiRequest(`/api/access-tables/${id}`, accessTableSchema, { method: 'PUT', body });
}

export function addMember(id: string, userId: string) {
  return apiRequest(`/api/access-tables/${id}/members`, accessTableSchema, {
    method: 'PUT',
    body: { userId },
  });
}

export function removeMember(id: string, userId: string) {
  return apiRequest(`/api/access-tables/${id}/members/${userId}`, accessTableSchema, {
    method: 'DELETE',
  });
}

export function addListEntry(list: MonitoringListName, body: { code: string; label: string }) {
  return apiRequest(`/api/monitoring-lists/${list}/entries`, monitoringListsSchema, {
    method: 'POST',
    body,
  });
}

export function updateListEntry(
  list: MonitoringListName,
  code: string,
  body: { label: string; isArchived: boolean },
) {
  return apiRequest(`/api/monitoring-lists/${list}/entries/${code}`, monitoringListsSchema, {
    method: 'PUT',
    body,
  });
}

export function orderListEntries(list: MonitoringListName, codes: string[]) {
  return apiRequest(`/api/monitoring-lists/${list}/order`, monitoringListsSchema, {
    method: 'PUT',
    body: { codes },
  });
}
