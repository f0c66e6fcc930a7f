// Calls and query keys of a case's explanatory analysis (verklarende analyse): the analysis
// itself, its history, the comparison of two working-theory versions, the domain sets one can
// start with, and every change. A change answers with the whole analysis, which replaces the
// cached one. An edit based on a stale version comes back as an AnalysisConflict holding the
// record as it is now (read again) and what was sent; deleting a factor that hypotheses still
// use comes back as a FactorInUse naming those hypotheses.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  analysisHistorySchema,
  analysisSchema,
  analysisStartSchema,
  analysisUpdateSchema,
  factorInputSchema,
  factorUpdateSchema,
  hypothesisInputSchema,
  hypothesisUpdateSchema,
  theoryComparisonSchema,
  theoryInputSchema,
  theoryUpdateSchema,
  type Analysis,
} from '../../../shared/contract/analysis';
import { instrumentListSchema } from '../../../shared/contract/instruments';
import { ApiError, apiRequest, isApiError, withQuery } from '../../app/api';

export type AnalysisStart = z.input<typeof analysisStartSchema>;
export type AnalysisUpdate = z.input<typeof analysisUpdateSchema>;
export type FactorInput = z.input<typeof factorInputSchema>;
export type FactorUpdate = z.input<typeof factorUpdateSchema>;
export type HypothesisInput = z.input<typeof hypothesisInputSchema>;
export type HypothesisUpdate = z.input<typeof hypothesisUpdateSchema>;
export type TheoryInput = z.input<typeof theoryInputSchema>;
export type TheoryUpdate = z.input<typeof theoryUpdateSchema>;
export type AnalysisChange = z.output<typeof analysisHistorySchema>['items'][number];
export type TheoryComparison = z.output<typeof theoryComparisonSchema>;
/** The started analysis (the part of the answer that is null before the start). */
export type ExplanatoryAnalysis = NonNullable<Analysis['analysis']>;

export const analysisKeys = {
  all: (caseId: string) => ['analysis', caseId] as const,
  analysis: (caseId: string) => ['analysis', caseId, 'main'] as const,
  history: (caseId: string) => ['analysis', caseId, 'history'] as const,
  compare: (caseId: string, from: number, to: number) =>
    ['analysis', caseId, 'compare', from, to] as const,
  domainSets: () => ['analysis', 'domain-sets'] as const,
};

const analysisPath = (caseId: string) => `/api/cases/${caseId}/analysis`;

export function analysisQuery(caseId: string) {
  return queryOptions({
    queryKey: analysisKeys.analysis(caseId),
    queryFn: ({ signal }) => apiRequest(analysisPath(caseId), analysisSchema, { signal }),
  });
}

export function analysisHistoryQuery(caseId: string) {
  return queryOptions({
    queryKey: analysisKeys.history(caseId),
    queryFn: ({ signal }) =>
      apiRequest(`${analysisPath(caseId)}/history`, analysisHistorySchema, { signal }),
  });
}

export function theoryCompareQuery(caseId: string, from: number, to: number) {
  return queryOptions({
    queryKey: analysisKeys.compare(caseId, from, to),
    queryFn: ({ signal }) =>
      apiRequest(
        withQuery(`${analysisPath(caseId)}/theories/compare`, { from, to }),
        theoryComparisonSchema,
        { signal },
      ),
  });
}

export type DomainSetChoice = { versionId: string; title: string; number: number };

/** The published domain sets (instruments of kind analysis_domains), newest version of each. */
export function domainSetsQuery() {
  return queryOptions({
    queryKey: analysisKeys.domainSets(),
    queryFn: async ({ signal }): Promise<DomainSetChoice[]> => {
      const list = await apiRequest('/api/instruments', instrumentListSchema, { signal });
      return list.items.flatMap((item) =>
        item.kind === 'analysis_domains' &&
        item.latestPublishedVersionId &&
        item.latestPublishedNumber
          ? [
              {
                versionId: item.latestPublishedVersionId,
                title: item.title,
                number: item.latestPublishedNumber,
              },
            ]
          : [],
      );
    },
  });
}

/** Someone else saved this record after the form opened: both versions, to choose from. */
export class AnalysisConflict<C, Y> extends Error {
  readonly current: C;
  readonly yours: Y;
  /** The analysis as it is now (the page shows it at once). */
  readonly analysis: Analysis;

  constructor(current: C, yours: Y, analysis: Analysis) {
    super('CONFLICT');
    this.name = 'AnalysisConflict';
    this.current = current;
    this.yours = yours;
    this.analysis = analysis;
  }
}

export function isAnalysisConflict<C = unknown, Y = unknown>(
  error: unknown,
): error is AnalysisConflict<C, Y> {
  return error instanceof AnalysisConflict;
}

/** A factor was not deleted: these hypotheses (by id, with their explanation) still use it. */
export class FactorInUse extends Error {
  readonly hypotheses: { id: string; explanation: string }[];

  constructor(message: string, hypotheses: { id: string; explanation: string }[]) {
    super(message);
    this.name = 'FactorInUse';
    this.hypotheses = hypotheses;
  }
}

export function isFactorInUse(error: unknown): error is FactorInUse {
  return error instanceof FactorInUse;
}

const usingHypothesesSchema = z.array(
  z.object({ id: z.string(), explanation: z.string().catch('') }),
);

/** A stale version answers 409: the analysis is read again and the record's current state taken. */
async function withConflict<C, Y>(
  caseId: string,
  send: () => Promise<Analysis>,
  yours: Y,
  currentOf: (analysis: Analysis) => C | undefined,
): Promise<Analysis> {
  try {
    return await send();
  } catch (error) {
    if (!isApiError(error) || error.code !== 'CONFLICT') throw error;
    const analysis = await apiRequest(analysisPath(caseId), analysisSchema);
    const current = currentOf(analysis);
    // Removed meanwhile: nothing to compare with.
    if (current === undefined) throw new ApiError(404, 'NOT_FOUND', '');
    throw new AnalysisConflict(current, yours, analysis);
  }
}

export function startAnalysis(caseId: string, body: AnalysisStart) {
  return apiRequest(analysisPath(caseId), analysisSchema, { method: 'POST', body });
}

export function updateAnalysis(caseId: string, body: AnalysisUpdate) {
  return withConflict(
    caseId,
    () => apiRequest(analysisPath(caseId), analysisSchema, { method: 'PUT', body }),
    body,
    (answer) => answer.analysis ?? undefined,
  );
}

type ChildPath = 'factors' | 'hypotheses' | 'theories';

function addChild(caseId: string, path: ChildPath, body: unknown) {
  return apiRequest(`${analysisPath(caseId)}/${path}`, analysisSchema, { method: 'POST', body });
}

function updateChild(caseId: string, path: ChildPath, childId: string, body: unknown) {
  return apiRequest(`${analysisPath(caseId)}/${path}/${childId}`, analysisSchema, {
    method: 'PUT',
    body,
  });
}

function deleteChild(caseId: string, path: ChildPath, childId: string, version: number) {
  return apiRequest(
    withQuery(`${analysisPath(caseId)}/${path}/${childId}`, { version }),
    analysisSchema,
    { method: 'DELETE' },
  );
}

export function addFactor(caseId: string, body: FactorInput) {
  return addChild(caseId, 'factors', body);
}

export function updateFactor(caseId: string, factorId: string, body: FactorUpdate) {
  return withConflict(
    caseId,
    () => updateChild(caseId, 'factors', factorId, body),
    body,
    (answer) => answer.analysis?.factors.find((f) => f.id === factorId),
  );
}

/**
 * Deletes a factor. A 409 that names hypotheses means the factor is still used (FactorInUse);
 * any other 409 is a stale version, answered as the ApiError it is.
 */
export async function deleteFactor(caseId: string, factorId: string, version: number) {
  try {
    return await deleteChild(caseId, 'factors', factorId, version);
  } catch (error) {
    if (isApiError(error) && error.code === 'CONFLICT' && 'hypotheses' in error.details) {
      const using = usingHypothesesSchema.safeParse(error.details.hypotheses);
      throw new FactorInUse(error.message, using.success ? using.data : []);
    }
    throw error;
  }
}

export function addHypothesis(caseId: string, body: HypothesisInput) {
  return addChild(caseId, 'hypotheses', body);
}

export function updateHypothesis(caseId: string, hypothesisId: string, body: HypothesisUpdate) {
  return withConflict(
    caseId,
    () => updateChild(caseId, 'hypotheses', hypothesisId, body),
    body,
    (answer) => answer.analysis?.hypotheses.find((h) => h.id === hypothesisId),
  );
}

export function deleteHypothesis(caseId: string, hypothesisId: string, version: number) {
  return deleteChild(caseId, 'hypotheses', hypothesisId, version);
}

export function addTheory(caseId: string, body: TheoryInput) {
  return addChild(caseId, 'theories', body);
}

export function updateTheory(caseId: string, theoryId: string, body: TheoryUpdate) {
  return withConflict(
    caseId,
    () => updateChild(caseId, 'theories', theoryId, body),
    body,
    (answer) => answer.analysis?.theories.find((t) => t.id === theoryId),
  );
}

/**
 * A change of the analysis: the answer (the whole analysis) replaces the cached one, and the
 * history and comparisons are read again when next shown. After a conflict the analysis read
 * with it is cached too, so the page shows the current state beside the conflict view.
 */
export function useAnalysisChange<V>(
  caseId: string,
  send: (variables: V) => Promise<Analysis>,
  onDone?: (analysis: Analysis, variables: V) => void,
) {
  const queryClient = useQueryClient();
  const store = (analysis: Analysis) => {
    queryClient.setQueryData(analysisKeys.analysis(caseId), analysis);
    void queryClient.invalidateQueries({
      queryKey: analysisKeys.all(caseId),
      predicate: (query) => query.queryKey[2] !== 'main',
    });
  };
  return useMutation({
    mutationFn: send,
    onSuccess: (analysis, variables) => {
      store(analysis);
      onDone?.(analysis, variables);
    },
    onError: (error) => {
      if (isAnalysisConflict(error)) store(error.analysis);
      else if (isApiError(error) && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND'))
        void queryClient.invalidateQueries({ queryKey: analysisKeys.analysis(caseId) });
    },
  });
}
