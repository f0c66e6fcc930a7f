// Calls of the participant's own pages: their cases, one case with its consents, giving and
// withdrawing a consent (after a preview of what goes), and who looked at their data. The
// timeline itself is read and added to through the timeline feature's calls.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { withdrawalPreviewSchema } from '../../../shared/contract/cases';
import {
  myAccessLogSchema,
  myCaseSchema,
  myCaseSummarySchema,
  myWithdrawResultSchema,
} from '../../../shared/contract/participant';
import type { ConsentPurpose } from '../../../shared/domain/consent';
import { apiRequest, withQuery } from '../../app/api';

export type MyAccessEntry = z.infer<typeof myAccessLogSchema>['items'][number];

export const myKeys = {
  cases: ['my', 'cases'] as const,
  case: (caseId: string) => ['my', 'cases', caseId] as const,
  preview: (caseId: string, consentId: string) =>
    ['my', 'cases', caseId, 'preview', consentId] as const,
  accessLog: (caseId: string, page: number) => ['my', 'cases', caseId, 'access', page] as const,
};

export function myCasesQuery() {
  return queryOptions({
    queryKey: myKeys.cases,
    queryFn: ({ signal }) => apiRequest('/api/my/cases', z.array(myCaseSummarySchema), { signal }),
  });
}

export function myCaseQuery(caseId: string) {
  return queryOptions({
    queryKey: myKeys.case(caseId),
    queryFn: ({ signal }) => apiRequest(`/api/my/cases/${caseId}`, myCaseSchema, { signal }),
  });
}

export function withdrawalPreviewQuery(caseId: string, consentId: string) {
  return queryOptions({
    queryKey: myKeys.preview(caseId, consentId),
    queryFn: ({ signal }) =>
      apiRequest(
        `/api/my/cases/${caseId}/consents/${consentId}/withdrawal-preview`,
        withdrawalPreviewSchema,
        { signal },
      ),
    staleTime: 0,
  });
}

export function myAccessLogQuery(caseId: string, page: number) {
  return queryOptions({
    queryKey: myKeys.accessLog(caseId, page),
    queryFn: ({ signal }) =>
      apiRequest(withQuery(`/api/my/cases/${caseId}/access-log`, { page }), myAccessLogSchema, {
        signal,
      }),
  });
}

export function giveConsent(
  caseId: string,
  input: { purpose: ConsentPurpose; forParticipantId: string | null },
) {
  return apiRequest(`/api/my/cases/${caseId}/consents`, z.object({ id: z.uuid() }), {
    method: 'POST',
    body: input,
  });
}

export function withdrawConsent(caseId: string, consentId: string) {
  return apiRequest(
    `/api/my/cases/${caseId}/consents/${consentId}/withdraw`,
    myWithdrawResultSchema,
    // Only sent after the participant saw the preview of what goes and said yes.
    { method: 'POST', body: { confirmRemoval: true } },
  );
}
