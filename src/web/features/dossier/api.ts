// Calls and query keys of dossier research: a case's review (with its checklist version's
// content, answers and progress), the published dossier checklists to start one from, starting
// and moving a review, saving and clearing an answer, and an answer's history. A save based on
// a stale version comes back as an AnswerConflict with the answer on the server now and what
// was sent.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import {
  dossierAnswerHistorySchema,
  dossierAnswerSchema,
  dossierViewSchema,
  type DossierAnswer,
  type DossierView,
} from '../../../shared/contract/dossier';
import { instrumentDetailSchema, instrumentListSchema } from '../../../shared/contract/instruments';
import { dossierProgress, type AnswerValue } from '../../../shared/domain/dossier-answers';
import { apiRequest, apiRequestNoContent, isApiError, withQuery } from '../../app/api';

/** What the web sends for one answer (the request body of PUT …/answers/:itemKey). */
export type AnswerInput = {
  value: AnswerValue;
  evidence: string;
  sourceDocument: string | null;
  sourceDate: string | null;
  timelineItemIds: string[];
  /** The answer's version the researcher started from; 0 when there was no answer yet. */
  version: number;
};

export const dossierKeys = {
  dossier: (caseId: string) => ['dossier', caseId] as const,
  history: (caseId: string, itemKey: string) => ['dossier', caseId, 'history', itemKey] as const,
  checklists: ['instruments', 'list'] as const,
  instrument: (id: string) => ['instruments', 'detail', id] as const,
};

const dossierPath = (caseId: string) => `/api/cases/${caseId}/dossier`;
const answerPath = (caseId: string, itemKey: string) =>
  `${dossierPath(caseId)}/answers/${encodeURIComponent(itemKey)}`;

export function dossierQuery(caseId: string) {
  return queryOptions({
    queryKey: dossierKeys.dossier(caseId),
    queryFn: ({ signal }) => apiRequest(dossierPath(caseId), dossierViewSchema, { signal }),
  });
}

/** The instruments with a published version; the page keeps the dossier checklists. */
export function instrumentsQuery() {
  return queryOptions({
    queryKey: dossierKeys.checklists,
    queryFn: ({ signal }) => apiRequest('/api/instruments', instrumentListSchema, { signal }),
  });
}

/** One instrument with its versions (to choose the version a review starts from). */
export function instrumentQuery(id: string) {
  return queryOptions({
    queryKey: dossierKeys.instrument(id),
    queryFn: ({ signal }) =>
      apiRequest(`/api/instruments/${id}`, instrumentDetailSchema, { signal }),
  });
}

export function answerHistoryQuery(caseId: string, itemKey: string) {
  return queryOptions({
    queryKey: dossierKeys.history(caseId, itemKey),
    queryFn: ({ signal }) =>
      apiRequest(`${answerPath(caseId, itemKey)}/history`, dossierAnswerHistorySchema, {
        signal,
      }),
  });
}

export function startReview(caseId: string, instrumentVersionId: string) {
  return apiRequest(dossierPath(caseId), dossierViewSchema, {
    method: 'POST',
    body: { instrumentVersionId },
  });
}

export function moveReview(caseId: string, instrumentVersionId: string) {
  return apiRequest(`${dossierPath(caseId)}/move`, dossierViewSchema, {
    method: 'POST',
    body: { instrumentVersionId },
  });
}

/** Someone else saved (or cleared) this answer after it was opened here: both, to choose from. */
export class AnswerConflict extends Error {
  /** The answer on the server now; null when it was cleared meanwhile. */
  readonly current: DossierAnswer | null;
  readonly yours: AnswerInput;

  constructor(current: DossierAnswer | null, yours: AnswerInput) {
    super('CONFLICT');
    this.name = 'AnswerConflict';
    this.current = current;
    this.yours = yours;
  }
}

export function isAnswerConflict(error: unknown): error is AnswerConflict {
  return error instanceof AnswerConflict;
}

/**
 * Saves an answer. A 409 carries the answer as it is now (details.current); when it cannot be
 * read from there, the dossier is read again to find it.
 */
export async function saveAnswer(caseId: string, itemKey: string, input: AnswerInput) {
  try {
    return await apiRequest(answerPath(caseId, itemKey), dossierAnswerSchema, {
      method: 'PUT',
      body: input,
    });
  } catch (error) {
    if (!isApiError(error) || error.code !== 'CONFLICT' || !('current' in error.details)) {
      throw error;
    }
    const parsed = dossierAnswerSchema.nullable().safeParse(error.details.current);
    if (parsed.success) throw new AnswerConflict(parsed.data, input);
    const view = await apiRequest(dossierPath(caseId), dossierViewSchema);
    const current = view.review?.answers.find((a) => a.itemKey === itemKey) ?? null;
    throw new AnswerConflict(current, input);
  }
}

export function clearAnswer(caseId: string, itemKey: string, version: number) {
  return apiRequestNoContent(withQuery(answerPath(caseId, itemKey), { version }), {
    method: 'DELETE',
  });
}

/**
 * The cached dossier with one answer saved (or, with null, cleared), and the progress counted
 * again the way the server counts it, so the summary moves at once.
 */
export function withAnswer(
  view: DossierView,
  itemKey: string,
  answer: DossierAnswer | null,
): DossierView {
  const review = view.review;
  if (!review) return view;
  const others = review.answers.filter((a) => a.itemKey !== itemKey);
  const answers = answer ? [...others, answer] : others;
  return {
    ...view,
    review: {
      ...review,
      answers,
      progress: dossierProgress(review.instrument.content, answers),
    },
  };
}

/** Puts a saved or cleared answer in the cache, then reads the dossier again to be sure. */
export function storeAnswer(
  queryClient: QueryClient,
  caseId: string,
  itemKey: string,
  answer: DossierAnswer | null,
) {
  queryClient.setQueryData(dossierKeys.dossier(caseId), (old: DossierView | undefined) =>
    old ? withAnswer(old, itemKey, answer) : old,
  );
  void queryClient.invalidateQueries({ queryKey: dossierKeys.dossier(caseId) });
}
