// HTTP routes of a case's dossier research. Every route reaches the case through the case guard
// (404 for a case the actor may not reach, 403 CONSENT_MISSING without dossier consent), and
// every read and write is in the access log.
import type { FastifyInstance } from 'fastify';
import { idParamsSchema } from '../../../shared/contract/common';
import {
  answerVersionQuerySchema,
  dossierAnswerHistorySchema,
  dossierAnswerInputSchema,
  dossierAnswerParamsSchema,
  dossierAnswerSchema,
  dossierReviewMoveSchema,
  dossierReviewStartSchema,
  dossierViewSchema,
} from '../../../shared/contract/dossier';
import { contextOf, recordAccess, typed } from '../../http/context';
import { AppError } from '../../http/errors';
import { can } from '../../policy/policy';
import { caseGuard } from '../cases/case-guard';
import { answerHistory, readDossier } from './queries';
import { clearAnswer, moveReview, saveAnswer, startReview } from './save-answer';

export async function dossierRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.database.db;
  const { guard, guardBeforeValidation } = caseGuard(fastify);

  app.get(
    '/api/cases/:id/dossier',
    {
      schema: { tags: ['dossier'], params: idParamsSchema, response: { 200: dossierViewSchema } },
      config: { policy: 'dossier.read' },
      preValidation: guardBeforeValidation('dossier.read'),
    },
    async (request) => {
      const caseId = request.params.id;
      const access = await guard(request, caseId, 'dossier.read');
      const review = await readDossier(db(), caseId);
      await recordAccess(request, {
        caseId,
        resourceType: 'dossier_review',
        resourceId: review?.id ?? null,
        action: 'read',
        grounds: access.grounds,
        outcome: 'success',
      });
      return {
        caseId,
        caseCode: access.resource.code,
        review,
        abilities: { write: can(access.actor, 'dossier.write', access.resource) },
      };
    },
  );

  app.post(
    '/api/cases/:id/dossier',
    {
      schema: {
        tags: ['dossier'],
        params: idParamsSchema,
        body: dossierReviewStartSchema,
        response: { 201: dossierViewSchema },
      },
      config: { policy: 'dossier.write' },
      preValidation: guardBeforeValidation('dossier.write'),
    },
    async (request, reply) => {
      const caseId = request.params.id;
      const access = await guard(request, caseId, 'dossier.write');
      const review = await startReview({ ...contextOf(request), access }, caseId, request.body);
      reply.status(201);
      return { caseId, caseCode: access.resource.code, review, abilities: { write: true } };
    },
  );

  app.post(
    '/api/cases/:id/dossier/move',
    {
      schema: {
        tags: ['dossier'],
        params: idParamsSchema,
        body: dossierReviewMoveSchema,
        response: { 200: dossierViewSchema },
      },
      config: { policy: 'dossier.write' },
      preValidation: guardBeforeValidation('dossier.write'),
    },
    async (request) => {
      const caseId = request.params.id;
      const access = await guard(request, caseId, 'dossier.write');
      const review = await moveReview({ ...contextOf(request), access }, caseId, request.body);
      return { caseId, caseCode: access.resource.code, review, abilities: { write: true } };
    },
  );

  app.put(
    '/api/cases/:id/dossier/answers/:itemKey',
    {
      schema: {
        tags: ['dossier'],
        params: dossierAnswerParamsSchema,
        body: dossierAnswerInputSchema,
        response: { 200: dossierAnswerSchema },
      },
      config: { policy: 'dossier.write' },
      preValidation: guardBeforeValidation('dossier.write'),
    },
    async (request) => {
      const { id: caseId, itemKey } = request.params;
      const access = await guard(request, caseId, 'dossier.write');
      return saveAnswer({ ...contextOf(request), access }, caseId, itemKey, request.body);
    },
  );

  app.delete(
    '/api/cases/:id/dossier/answers/:itemKey',
    {
      schema: {
        tags: ['dossier'],
        params: dossierAnswerParamsSchema,
        querystring: answerVersionQuerySchema,
      },
      config: { policy: 'dossier.write' },
      preValidation: guardBeforeValidation('dossier.write'),
    },
    async (request, reply) => {
      const { id: caseId, itemKey } = request.params;
      const access = await guard(request, caseId, 'dossier.write');
      await clearAnswer({ ...contextOf(request), access }, caseId, itemKey, request.query.version);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/cases/:id/dossier/answers/:itemKey/history',
    {
      schema: {
        tags: ['dossier'],
        params: dossierAnswerParamsSchema,
        response: { 200: dossierAnswerHistorySchema },
      },
      config: { policy: 'dossier.read' },
      preValidation: guardBeforeValidation('dossier.read'),
    },
    async (request) => {
      const { id: caseId, itemKey } = request.params;
      const access = await guard(request, caseId, 'dossier.read');
      const history = await answerHistory(db(), caseId, itemKey);
      if (!history) throw new AppError('NOT_FOUND');
      await recordAccess(request, {
        caseId,
        resourceType: 'dossier_answer',
        resourceId: history.answerId,
        action: 'read',
        grounds: access.grounds,
        outcome: 'success',
      });
      return { itemKey, changes: history.changes };
    },
  );
}
