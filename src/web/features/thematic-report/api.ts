// Calls and query keys of the aggregates and the thematic report: the suppressed overview, the
// draft report's preview and files, publishing a version and the published versions' files.
import { queryOptions } from '@tanstack/react-query';
import {
  aggregatesSchema,
  reportVersionListSchema,
  reportVersionSchema,
  thematicReportSchema,
  type PublishInput,
  type ReportFormat,
  type ReportLanguage,
} from '../../../shared/contract/thematic-report';
import { apiRequest, withQuery } from '../../app/api';

export const thematicReportKeys = {
  all: ['thematic-report'] as const,
  aggregates: (programmeId: string) => ['thematic-report', 'aggregates', programmeId] as const,
  preview: (programmeId: string, threads: string, lang: ReportLanguage) =>
    ['thematic-report', 'preview', programmeId, threads, lang] as const,
  versions: (programmeId: string) => ['thematic-report', 'versions', programmeId] as const,
};

const base = (programmeId: string) => `/api/programmes/${programmeId}/synthesis`;

export function aggregatesQuery(programmeId: string) {
  return queryOptions({
    queryKey: thematicReportKeys.aggregates(programmeId),
    queryFn: ({ signal }) =>
      apiRequest(`${base(programmeId)}/aggregates`, aggregatesSchema, { signal }),
  });
}

/** threadIds: the chosen threads, comma-separated (never empty: the page asks for one first). */
export function previewQuery(programmeId: string, threadIds: string, lang: ReportLanguage) {
  return queryOptions({
    queryKey: thematicReportKeys.preview(programmeId, threadIds, lang),
    queryFn: ({ signal }) =>
      apiRequest(
        withQuery(`${base(programmeId)}/report`, { threads: threadIds, lang }),
        thematicReportSchema,
        { signal },
      ),
  });
}

export function versionsQuery(programmeId: string) {
  return queryOptions({
    queryKey: thematicReportKeys.versions(programmeId),
    queryFn: ({ signal }) =>
      apiRequest(`${base(programmeId)}/report/versions`, reportVersionListSchema, { signal }),
  });
}

export function publishReport(programmeId: string, input: PublishInput) {
  return apiRequest(`${base(programmeId)}/report/versions`, reportVersionSchema, {
    method: 'POST',
    body: input,
  });
}

export function draftFileUrl(
  programmeId: string,
  format: ReportFormat,
  threadIds: string,
  lang: ReportLanguage,
): string {
  return withQuery(`${base(programmeId)}/report.${format}`, { threads: threadIds, lang });
}

export function versionFileUrl(programmeId: string, number: number, format: ReportFormat): string {
  return `${base(programmeId)}/report/versions/${number}.${format}`;
}
