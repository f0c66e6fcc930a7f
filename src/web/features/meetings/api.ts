// Calls and query keys of a case's review meetings (casusreview): the list, one meeting, its
// history and the reports, and every change. A change answers with the whole meeting, which
// replaces the cached one. An edit based on a stale version comes back as a MeetingConflict
// holding the record as it is now (read again with the meeting) and what was sent.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  attendeeInputSchema,
  attendeeUpdateSchema,
  contributionInputSchema,
  contributionUpdateSchema,
  followUpInputSchema,
  meetingHistorySchema,
  meetingInputSchema,
  meetingListSchema,
  meetingReportListSchema,
  meetingSchema,
  meetingUpdateSchema,
  planStepInputSchema,
  planStepUpdateSchema,
  type Meeting,
} from '../../../shared/contract/meetings';
import { ApiError, apiRequest, isApiError, withQuery } from '../../app/api';

export type MeetingInput = z.input<typeof meetingInputSchema>;
export type MeetingUpdate = z.input<typeof meetingUpdateSchema>;
export type AttendeeInput = z.input<typeof attendeeInputSchema>;
export type AttendeeUpdate = z.input<typeof attendeeUpdateSchema>;
export type ContributionInput = z.input<typeof contributionInputSchema>;
export type ContributionUpdate = z.input<typeof contributionUpdateSchema>;
export type PlanStepInput = z.input<typeof planStepInputSchema>;
export type PlanStepUpdate = z.input<typeof planStepUpdateSchema>;
export type FollowUpInput = z.input<typeof followUpInputSchema>;
export type MeetingChange = z.output<typeof meetingHistorySchema>['items'][number];
export type MeetingReport = z.output<typeof meetingReportListSchema>['items'][number];

export const meetingKeys = {
  all: (caseId: string) => ['meetings', caseId] as const,
  list: (caseId: string) => ['meetings', caseId, 'list'] as const,
  detail: (caseId: string, meetingId: string) => ['meetings', caseId, 'detail', meetingId] as const,
  history: (caseId: string, meetingId: string) =>
    ['meetings', caseId, 'history', meetingId] as const,
  reports: (caseId: string) => ['meetings', caseId, 'reports'] as const,
};

const meetingsPath = (caseId: string) => `/api/cases/${caseId}/meetings`;
const meetingPath = (caseId: string, meetingId: string) => `${meetingsPath(caseId)}/${meetingId}`;

export function meetingListQuery(caseId: string) {
  return queryOptions({
    queryKey: meetingKeys.list(caseId),
    queryFn: ({ signal }) => apiRequest(meetingsPath(caseId), meetingListSchema, { signal }),
  });
}

export function meetingQuery(caseId: string, meetingId: string) {
  return queryOptions({
    queryKey: meetingKeys.detail(caseId, meetingId),
    queryFn: ({ signal }) => apiRequest(meetingPath(caseId, meetingId), meetingSchema, { signal }),
  });
}

export function meetingHistoryQuery(caseId: string, meetingId: string) {
  return queryOptions({
    queryKey: meetingKeys.history(caseId, meetingId),
    queryFn: ({ signal }) =>
      apiRequest(`${meetingPath(caseId, meetingId)}/history`, meetingHistorySchema, { signal }),
  });
}

/** The reports of meetings that were held: for the case's staff and its own youth and parents. */
export function meetingReportsQuery(caseId: string) {
  return queryOptions({
    queryKey: meetingKeys.reports(caseId),
    queryFn: ({ signal }) =>
      apiRequest(`/api/cases/${caseId}/meeting-reports`, meetingReportListSchema, { signal }),
  });
}

export type ReportFormat = 'pdf' | 'docx';

export function reportPath(caseId: string, meetingId: string, format: ReportFormat): string {
  return `${meetingPath(caseId, meetingId)}/report.${format}`;
}

export function planMeeting(caseId: string, body: MeetingInput) {
  return apiRequest(meetingsPath(caseId), meetingSchema, { method: 'POST', body });
}

/** Someone else saved this record after the form opened: both versions, to choose from. */
export class MeetingConflict<C, Y> extends Error {
  readonly current: C;
  readonly yours: Y;
  /** The meeting as it is now (the page shows it at once). */
  readonly meeting: Meeting;

  constructor(current: C, yours: Y, meeting: Meeting) {
    super('CONFLICT');
    this.name = 'MeetingConflict';
    this.current = current;
    this.yours = yours;
    this.meeting = meeting;
  }
}

export function isMeetingConflict<C = unknown, Y = unknown>(
  error: unknown,
): error is MeetingConflict<C, Y> {
  return error instanceof MeetingConflict;
}

/** A stale version answers 409: the meeting is read again and the record's current state taken. */
async function withConflict<C, Y>(
  caseId: string,
  meetingId: string,
  send: () => Promise<Meeting>,
  yours: Y,
  currentOf: (meeting: Meeting) => C | undefined,
): Promise<Meeting> {
  try {
    return await send();
  } catch (error) {
    if (!isApiError(error) || error.code !== 'CONFLICT') throw error;
    const meeting = await apiRequest(meetingPath(caseId, meetingId), meetingSchema);
    const current = currentOf(meeting);
    // Removed meanwhile: nothing to compare with.
    if (current === undefined) throw new ApiError(404, 'NOT_FOUND', '');
    throw new MeetingConflict(current, yours, meeting);
  }
}

export function updateMeeting(caseId: string, meetingId: string, body: MeetingUpdate) {
  return withConflict(
    caseId,
    meetingId,
    () => apiRequest(meetingPath(caseId, meetingId), meetingSchema, { method: 'PUT', body }),
    body,
    (meeting) => meeting,
  );
}

type ChildPath = 'attendees' | 'contributions' | 'plan';

function addChild(caseId: string, meetingId: string, path: ChildPath, body: unknown) {
  return apiRequest(`${meetingPath(caseId, meetingId)}/${path}`, meetingSchema, {
    method: 'POST',
    body,
  });
}

function updateChild(
  caseId: string,
  meetingId: string,
  path: ChildPath,
  childId: string,
  body: unknown,
) {
  return apiRequest(`${meetingPath(caseId, meetingId)}/${path}/${childId}`, meetingSchema, {
    method: 'PUT',
    body,
  });
}

/** Removes an attendee, contribution or plan step; a stale version answers 409 (CONFLICT). */
export function removeChild(
  caseId: string,
  meetingId: string,
  path: ChildPath,
  childId: string,
  version: number,
) {
  return apiRequest(
    withQuery(`${meetingPath(caseId, meetingId)}/${path}/${childId}`, { version }),
    meetingSchema,
    { method: 'DELETE' },
  );
}

export function addAttendee(caseId: string, meetingId: string, body: AttendeeInput) {
  return addChild(caseId, meetingId, 'attendees', body);
}

export function updateAttendee(
  caseId: string,
  meetingId: string,
  attendeeId: string,
  body: AttendeeUpdate,
) {
  return updateChild(caseId, meetingId, 'attendees', attendeeId, body);
}

export function addContribution(caseId: string, meetingId: string, body: ContributionInput) {
  return addChild(caseId, meetingId, 'contributions', body);
}

export function updateContribution(
  caseId: string,
  meetingId: string,
  contributionId: string,
  body: ContributionUpdate,
) {
  return withConflict(
    caseId,
    meetingId,
    () => updateChild(caseId, meetingId, 'contributions', contributionId, body),
    body,
    (meeting) => meeting.contributions.find((c) => c.id === contributionId),
  );
}

export function addPlanStep(caseId: string, meetingId: string, body: PlanStepInput) {
  return addChild(caseId, meetingId, 'plan', body);
}

export function updatePlanStep(
  caseId: string,
  meetingId: string,
  stepId: string,
  body: PlanStepUpdate,
) {
  return withConflict(
    caseId,
    meetingId,
    () => updateChild(caseId, meetingId, 'plan', stepId, body),
    body,
    (meeting) => meeting.plan.find((s) => s.id === stepId),
  );
}

export function addFollowUp(
  caseId: string,
  meetingId: string,
  stepId: string,
  body: FollowUpInput,
) {
  return apiRequest(`${meetingPath(caseId, meetingId)}/plan/${stepId}/follow-ups`, meetingSchema, {
    method: 'POST',
    body,
  });
}

/**
 * A change of the meeting: the answer (the whole meeting) replaces the cached one, and the
 * list and history are read again when next shown. After a conflict the meeting read with it
 * is cached too, so the page shows the current state beside the conflict view.
 */
export function useMeetingChange<V>(
  caseId: string,
  meetingId: string,
  send: (variables: V) => Promise<Meeting>,
  onDone?: (meeting: Meeting, variables: V) => void,
) {
  const queryClient = useQueryClient();
  const store = (meeting: Meeting) => {
    queryClient.setQueryData(meetingKeys.detail(caseId, meetingId), meeting);
    void queryClient.invalidateQueries({ queryKey: meetingKeys.list(caseId) });
    void queryClient.invalidateQueries({ queryKey: meetingKeys.history(caseId, meetingId) });
    void queryClient.invalidateQueries({ queryKey: meetingKeys.reports(caseId) });
  };
  return useMutation({
    mutationFn: send,
    onSuccess: (meeting, variables) => {
      store(meeting);
      onDone?.(meeting, variables);
    },
    onError: (error) => {
      if (isMeetingConflict(error)) store(error.meeting);
      else if (isApiError(error) && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND'))
        void queryClient.invalidateQueries({ queryKey: meetingKeys.detail(caseId, meetingId) });
    },
  });
}
