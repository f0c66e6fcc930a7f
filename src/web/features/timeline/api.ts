// Calls and query keys of the timeline: the case's timeline (items, indicators, abilities), an
// item's history, adding, editing, deleting and commenting. An edit based on a stale version
// comes back as a TimelineConflict with what the server holds now and what was sent.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  timelineHistorySchema,
  timelineItemInputSchema,
  timelineItemSchema,
  timelineSchema,
  type TimelineItem,
} from '../../../shared/contract/timeline';
import { markOnce, timelineMarks } from './perf-marks';
import { ApiError, apiRequest, apiRequestNoContent, isApiError, withQuery } from '../../app/api';

/** The fields people edit: those of the request body (what the editor sends and compares). */
export const editableFields = timelineItemInputSchema.keyof().options;
export type EditableField = (typeof editableFields)[number];
export type ItemInput = Pick<TimelineItem, EditableField>;
export type ItemUpdate = ItemInput & { version: number };

/** Only the editable fields of an item (an item from the server carries more). */
export function editableValues(item: ItemInput): ItemInput {
  return Object.fromEntries(editableFields.map((field) => [field, item[field]])) as ItemInput;
}
export type CommentInput = {
  perspective: TimelineItem['source'];
  participantId: string | null;
  text: string;
};

export const timelineKeys = {
  timeline: (caseId: string) => ['timeline', caseId] as const,
  history: (caseId: string, itemId: string) => ['timeline', caseId, 'history', itemId] as const,
};

export function timelineQuery(caseId: string) {
  return queryOptions({
    queryKey: timelineKeys.timeline(caseId),
    queryFn: async ({ signal }) => {
      const timeline = await apiRequest(`/api/cases/${caseId}/timeline`, timelineSchema, {
        signal,
      });
      markOnce(timelineMarks.dataReady);
      return timeline;
    },
  });
}

export function historyQuery(caseId: string, itemId: string) {
  return queryOptions({
    queryKey: timelineKeys.history(caseId, itemId),
    queryFn: ({ signal }) =>
      apiRequest(`/api/cases/${caseId}/timeline/items/${itemId}/history`, timelineHistorySchema, {
        signal,
      }),
  });
}

const itemPath = (caseId: string, itemId: string) =>
  `/api/cases/${caseId}/timeline/items/${itemId}`;

export function createItem(caseId: string, input: ItemInput) {
  return apiRequest(`/api/cases/${caseId}/timeline/items`, timelineItemSchema, {
    method: 'POST',
    body: input,
  });
}

/** Someone else saved the item after this editor opened: both versions, to choose from. */
export class TimelineConflict extends Error {
  readonly current: TimelineItem;
  readonly yours: ItemUpdate;

  constructor(current: TimelineItem, yours: ItemUpdate) {
    super('CONFLICT');
    this.name = 'TimelineConflict';
    this.current = current;
    this.yours = yours;
  }
}

export function isTimelineConflict(error: unknown): error is TimelineConflict {
  return error instanceof TimelineConflict;
}

/**
 * Saves an edit. On a 409 the item as it is now is read from the timeline (the same read the
 * page does), so the editor can show both versions; an item deleted meanwhile is NOT_FOUND.
 */
export async function updateItem(caseId: string, itemId: string, input: ItemUpdate) {
  try {
    return await apiRequest(itemPath(caseId, itemId), timelineItemSchema, {
      method: 'PUT',
      body: input,
    });
  } catch (error) {
    if (!isApiError(error) || error.code !== 'CONFLICT') throw error;
    const timeline = await apiRequest(`/api/cases/${caseId}/timeline`, timelineSchema);
    const current = timeline.items.find((item) => item.id === itemId);
    if (!current) throw new ApiError(404, 'NOT_FOUND', '');
    throw new TimelineConflict(current, input);
  }
}

export function deleteItem(caseId: string, itemId: string, version: number) {
  return apiRequestNoContent(withQuery(itemPath(caseId, itemId), { version }), {
    method: 'DELETE',
  });
}

export function addComment(caseId: string, itemId: string, input: CommentInput) {
  return apiRequest(`${itemPath(caseId, itemId)}/comments`, z.object({ id: z.uuid() }), {
    method: 'POST',
    body: input,
  });
}
