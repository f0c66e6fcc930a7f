// HTTP routes of cases: list (only reachable cases), open, read, participants and consent.
// Every read and write of case data is authorised against the case and written to the access log.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/contract/common';
import {
  caseDetailSchema,
  caseInputSchema,
  caseListQuerySchema,
  caseListSchema,
  consentInputSchema,
  consentParamsSchema,
  participantInputSchema,
  withdrawInputSchema,
  caseUpdateSchema,
  assignmentParamsSchema,
  withdrawalPreviewSchema,
  withdrawalResultSchema,
} from '../../../shared/contract/cases';
import { contextOf, recordAccess, typed } from '../../http/context';
import { authorize, requireActor } from '../../policy/enforce';
import { caseGuard } from './case-guard';
import { getCase, listCases } from './queries';
import { caseReference } from './reference';
import { caseReferenceSchema } from '../../../shared/contract/timeline';
import {
  addParticipant,
  createCase,
  giveConsent,
  previewWithdrawal,
  setAssignment,
  updateCase,
  withdrawConsent,
} from './save-case';

const createdSchema = z.object({ id: z.uuid() });

export async function caseRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.database.db;

  const { guard, guardBeforeValidation } = caseGuard(fastify);

  app.get(
    '/api/case-reference',
    {
      schema: { tags: ['cases'], response: { 200: caseReferenceSchema } },
      config: { policy: 'case.reference.read' },
    },
    async () => caseReference(db()),
  );

  app.get(
    '/api/cases',
    {
      schema: {
        tags: ['cases'],
        querystring: caseListQuerySchema,
        response: { 200: caseListSchema },
      },
      config: { policy: 'case.read' },
    },
    async (request) => {
      const list = await listCases({ actor: requireActor(request), db: db(), ...request.query });
      await recordAccess(request, {
        resourceType: 'case',
        action: 'list',
        grounds: 'team_membership',
        outcome: 'success',
      });
      return list;
    },
  );

  app.post(
    '/api/cases',
    {
      schema: { tags: ['cases'], body: caseInputSchema, response: { 201: createdSchema } },
      config: { policy: 'case.create' },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, 'case.create', { type: 'team', teamId: request.body.teamId });
      const id = await createCase({ ...contextOf(request), actor }, request.body);
      reply.status(201);
      return { id };
    },
  );

  app.get(
    '/api/cases/:id',
    {
      schema: { tags: ['cases'], params: idParamsSchema, response: { 200: caseDetailSchema } },
      config: { policy: 'case.read' },
      preValidation: guardBeforeValidation('case.read'),
    },
    async (request) => {
      const { actor, grounds, resource } = await guard(request, request.params.id, 'case.read');
      const detail = await getCase({
        actor,
        resource,
        db: db(),
        caseId: request.params.id,
        now: fastify.clock(),
      });
      await recordAccess(request, {
        caseId: detail.id,
        resourceType: 'case',
        resourceId: detail.id,
        action: 'read',
        grounds,
        outcome: 'success',
      });
      return detail;
    },
  );

  app.post(
    '/api/cases/:id/participants',
    {
      schema: {
        tags: ['cases'],
        params: idParamsSchema,
        body: participantInputSchema,
        response: { 201: createdSchema },
      },
      config: { policy: 'case.update' },
      preValidation: guardBeforeValidation('case.update'),
    },
    async (request, reply) => {
      const { actor } = await guard(request, request.params.id, 'case.update');
      const id = await addParticipant(
        { ...contextOf(request), actor },
        request.params.id,
        request.body,
      );
      reply.status(201);
      return { id };
    },
  );

  app.post(
    '/api/cases/:id/consents',
    {
      schema: {
        tags: ['cases'],
        params: idParamsSchema,
        body: consentInputSchema,
        response: { 201: createdSchema },
      },
      config: { policy: 'case.update' },
      preValidation: guardBeforeValidation('case.update'),
    },
    async (request, reply) => {
      const { actor } = await guard(request, request.params.id, 'case.update');
      const id = await giveConsent(
        { ...contextOf(request), actor },
        request.params.id,
        request.body,
      );
      reply.status(201);
      return { id };
    },
  );

  app.get(
    '/api/cases/:id/consents/:consentId/withdrawal-preview',
    {
      schema: {
        tags: ['cases'],
        params: consentParamsSchema,
        response: { 200: withdrawalPreviewSchema },
      },
      config: { policy: 'case.update' },
      preValidation: guardBeforeValidation('case.update'),
    },
    async (request) => {
      const { actor, grounds } = await guard(request, request.params.id, 'case.update');
      const preview = await previewWithdrawal(
        { ...contextOf(request), actor },
        request.params.id,
        request.params.consentId,
      );
      await recordAccess(request, {
        caseId: request.params.id,
        resourceType: 'consent',
        resourceId: request.params.consentId,
        action: 'read',
        grounds,
        outcome: 'success',
      });
      return preview;
    },
  );

  app.post(
    '/api/cases/:id/consents/:consentId/withdraw',
    {
      schema: {
        tags: ['cases'],
        params: consentParamsSchema,
        body: withdrawInputSchema,
        response: { 200: withdrawalResultSchema },
      },
      config: { policy: 'case.update' },
      preValidation: guardBeforeValidation('case.update'),
    },
    async (request) => {
      const { actor } = await guard(request, request.params.id, 'case.update');
      const removed = await withdrawConsent(
        { ...contextOf(request), actor },
        request.params.id,
        request.params.consentId,
        request.body,
      );
      return { id: request.params.consentId, removed };
    },
  );

  app.put(
    '/api/cases/:id',
    {
      schema: {
        tags: ['cases'],
        params: idParamsSchema,
        body: caseUpdateSchema,
        response: { 200: createdSchema },
      },
      config: { policy: 'case.update' },
      preValidation: guardBeforeValidation('case.update'),
    },
    async (request) => {
      const { actor } = await guard(request, request.params.id, 'case.update');
      await updateCase({ ...contextOf(request), actor }, request.params.id, request.body);
      return { id: request.params.id };
    },
  );

  for (const method of ['PUT', 'DELETE'] as const) {
    app.route({
      method,
      url: '/api/cases/:id/assignments/:userId',
      schema: { tags: ['cases'], params: assignmentParamsSchema },
      config: { policy: 'case.update' },
      preValidation: guardBeforeValidation('case.update'),
      handler: async (request, reply) => {
        const { id, userId } = request.params;
        const { actor } = await guard(request, id, 'case.update');
        await setAssignment({ ...contextOf(request), actor }, id, userId, method === 'PUT');
        return reply.status(204).send();
      },
    });
  }
}
