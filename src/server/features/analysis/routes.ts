// HTTP routes of a case's explanatory analysis. Every route reaches the case through the case
// guard (404 for a case the actor may not reach); every read and write is in the access log. A
// change answers with the whole analysis as it now is (logged as a read as well).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { idParamsSchema } from '../../../shared/contract/common';
import {
  analysisChildParamsSchema,
  analysisHistorySchema,
  analysisSchema,
  analysisStartSchema,
  analysisUpdateSchema,
  factorInputSchema,
  factorUpdateSchema,
  hypothesisInputSchema,
  hypothesisUpdateSchema,
  theoryCompareQuerySchema,
  theoryComparisonSchema,
  theoryInputSchema,
  theoryUpdateSchema,
  versionQuerySchema,
  type Analysis,
} from '../../../shared/contract/analysis';
import { contextOf, recordAccess, typed } from '../../http/context';
import { AppError } from '../../http/errors';
import { can } from '../../policy/policy';
import { caseGuard, type CaseAccess } from '../cases/case-guard';
import { analysisChanges, compareTheories, readAnalysis } from './queries';
import {
  addFactor,
  addHypothesis,
  addTheory,
  deleteFactor,
  deleteHypothesis,
  startAnalysis,
  updateAnalysis,
  updateFactor,
  updateHypothesis,
  updateTheory,
} from './save-analysis';

export async function analysisRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.database.db;
  const { guard, guardBeforeValidation } = caseGuard(fastify);
  const tags = ['analysis'];
  const write = {
    config: { policy: 'analysis.write' as const },
    preValidation: guardBeforeValidation('analysis.write'),
  };

  async function present(
    request: FastifyRequest,
    access: CaseAccess,
    caseId: string,
  ): Promise<Analysis> {
    const analysis = await readAnalysis(db(), caseId);
    await recordAccess(request, {
      caseId,
      resourceType: 'analysis',
      resourceId: caseId,
      action: 'read',
      grounds: access.grounds,
      outcome: 'success',
    });
    return {
      caseId,
      caseCode: access.resource.code,
      analysis,
      abilities: { edit: can(access.actor, 'analysis.write', access.resource) },
    };
  }

  app.get(
    '/api/cases/:id/analysis',
    {
      schema: { tags, params: idParamsSchema, response: { 200: analysisSchema } },
      config: { policy: 'analysis.read' },
      preValidation: guardBeforeValidation('analysis.read'),
    },
    async (request) => {
      const access = await guard(request, request.params.id, 'analysis.read');
      return present(request, access, request.params.id);
    },
  );

  app.post(
    '/api/cases/:id/analysis',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: analysisStartSchema,
        response: { 201: analysisSchema },
      },
      ...write,
    },
    async (request, reply) => {
      const caseId = request.params.id;
      const access = await guard(request, caseId, 'analysis.write');
      await startAnalysis({ ...contextOf(request), access }, caseId, request.body);
      reply.status(201);
      return present(request, access, caseId);
    },
  );

  app.put(
    '/api/cases/:id/analysis',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: analysisUpdateSchema,
        response: { 200: analysisSchema },
      },
      ...write,
    },
    async (request) => {
      const caseId = request.params.id;
      const access = await guard(request, caseId, 'analysis.write');
      await updateAnalysis({ ...contextOf(request), access }, caseId, request.body);
      return present(request, access, caseId);
    },
  );

  // Factors, hypotheses and theory versions: add (POST) and change (PUT); factors and
  // hypotheses can be deleted (DELETE with ?version=); theory versions stay.
  const children = [
    {
      path: 'factors',
      add: addFactor,
      update: updateFactor,
      remove: deleteFactor,
      input: factorInputSchema,
      change: factorUpdateSchema,
    },
    {
      path: 'hypotheses',
      add: addHypothesis,
      update: updateHypothesis,
      remove: deleteHypothesis,
      input: hypothesisInputSchema,
      change: hypothesisUpdateSchema,
    },
    {
      path: 'theories',
      add: addTheory,
      update: updateTheory,
      remove: null,
      input: theoryInputSchema,
      change: theoryUpdateSchema,
    },
  ] as const;

  type Add = (
    ctx: Parameters<typeof addFactor>[0],
    caseId: string,
    input: unknown,
  ) => Promise<void>;
  type Update = (
    ctx: Parameters<typeof addFactor>[0],
    caseId: string,
    childId: string,
    input: unknown,
  ) => Promise<void>;

  for (const child of children) {
    app.post(
      `/api/cases/:id/analysis/${child.path}`,
      {
        schema: {
          tags,
          params: idParamsSchema,
          body: child.input,
          response: { 201: analysisSchema },
        },
        ...write,
      },
      async (request, reply) => {
        const caseId = request.params.id;
        const access = await guard(request, caseId, 'analysis.write');
        await (child.add as Add)({ ...contextOf(request), access }, caseId, request.body);
        reply.status(201);
        return present(request, access, caseId);
      },
    );
    app.put(
      `/api/cases/:id/analysis/${child.path}/:childId`,
      {
        schema: {
          tags,
          params: analysisChildParamsSchema,
          body: child.change,
          response: { 200: analysisSchema },
        },
        ...write,
      },
      async (request) => {
        const { id: caseId, childId } = request.params;
        const access = await guard(request, caseId, 'analysis.write');
        await (child.update as Update)(
          { ...contextOf(request), access },
          caseId,
          childId,
          request.body,
        );
        return present(request, access, caseId);
      },
    );
    const remove = child.remove;
    if (remove)
      app.delete(
        `/api/cases/:id/analysis/${child.path}/:childId`,
        {
          schema: {
            tags,
            params: analysisChildParamsSchema,
            querystring: versionQuerySchema,
            response: { 200: analysisSchema },
          },
          ...write,
        },
        async (request) => {
          const { id: caseId, childId } = request.params;
          const access = await guard(request, caseId, 'analysis.write');
          await remove({ ...contextOf(request), access }, caseId, childId, request.query.version);
          return present(request, access, caseId);
        },
      );
  }

  app.get(
    '/api/cases/:id/analysis/theories/compare',
    {
      schema: {
        tags,
        params: idParamsSchema,
        querystring: theoryCompareQuerySchema,
        response: { 200: theoryComparisonSchema },
      },
      config: { policy: 'analysis.read' },
      preValidation: guardBeforeValidation('analysis.read'),
    },
    async (request) => {
      const caseId = request.params.id;
      const access = await guard(request, caseId, 'analysis.read');
      const comparison = await compareTheories(db(), caseId, request.query.from, request.query.to);
      if (!comparison) throw new AppError('NOT_FOUND', 'Een van deze versies bestaat niet.');
      await recordAccess(request, {
        caseId,
        resourceType: 'analysis_theory',
        resourceId: null,
        action: 'read',
        grounds: access.grounds,
        outcome: 'success',
      });
      return comparison;
    },
  );

  app.get(
    '/api/cases/:id/analysis/history',
    {
      schema: { tags, params: idParamsSchema, response: { 200: analysisHistorySchema } },
      config: { policy: 'analysis.read' },
      preValidation: guardBeforeValidation('analysis.read'),
    },
    async (request) => {
      const caseId = request.params.id;
      const access = await guard(request, caseId, 'analysis.read');
      // Before the analysis is started its history is empty.
      const items = (await analysisChanges(db(), caseId)) ?? [];
      await recordAccess(request, {
        caseId,
        resourceType: 'analysis',
        resourceId: caseId,
        action: 'read',
        grounds: access.grounds,
        outcome: 'success',
      });
      return { items };
    },
  );
}
