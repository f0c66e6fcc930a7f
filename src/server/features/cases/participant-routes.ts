// HTTP routes of the participant side: inviting a youth or parent (staff), and a participant's
// own case, consents and access log (the participant). Every route reaches the case through the
// case guard; every read and write is in the access log.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/contract/common';
import { consentParamsSchema, withdrawalPreviewSchema } from '../../../shared/contract/cases';
import {
  myAccessLogQuerySchema,
  myAccessLogSchema,
  myCaseSchema,
  myCaseSummarySchema,
  myConsentInputSchema,
  myWithdrawInputSchema,
  myWithdrawResultSchema,
  participantInvitationInputSchema,
  participantInvitationSchema,
  participantParamsSchema,
} from '../../../shared/contract/participant';
import { contextOf, recordAccess, typed } from '../../http/context';
import { requireActor } from '../../policy/enforce';
import { caseGuard } from './case-guard';
import {
  giveMyConsent,
  inviteParticipant,
  myCase,
  myCaseAccessLog,
  myCases,
  myConsentId,
  withdrawMyConsent,
} from './participant-access';
import { previewWithdrawal } from './save-case';

export async function participantRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.database.db;
  const { guard, guardBeforeValidation } = caseGuard(fastify);

  app.post(
    '/api/cases/:id/participants/:participantId/invitation',
    {
      schema: {
        tags: ['participants'],
        params: participantParamsSchema,
        body: participantInvitationInputSchema,
        response: { 201: participantInvitationSchema },
      },
      config: { policy: 'case.update' },
      preValidation: guardBeforeValidation('case.update'),
    },
    async (request, reply) => {
      const { actor } = await guard(request, request.params.id, 'case.update');
      const invitation = await inviteParticipant(
        { ...contextOf(request), actor },
        {
          caseId: request.params.id,
          participantId: request.params.participantId,
          email: request.body.email,
          publicUrl: fastify.config.publicUrl,
        },
      );
      reply.status(201);
      return invitation;
    },
  );

  app.get(
    '/api/my/cases',
    {
      schema: { tags: ['participants'], response: { 200: z.array(myCaseSummarySchema) } },
      config: { policy: 'own_case.read' },
    },
    async (request) => {
      const list = await myCases(db(), requireActor(request));
      await recordAccess(request, {
        resourceType: 'case',
        action: 'list',
        grounds: 'self',
        outcome: 'success',
      });
      return list;
    },
  );

  app.get(
    '/api/my/cases/:id',
    {
      schema: { tags: ['participants'], params: idParamsSchema, response: { 200: myCaseSchema } },
      config: { policy: 'own_case.read' },
      preValidation: guardBeforeValidation('own_case.read'),
    },
    async (request) => {
      const { actor } = await guard(request, request.params.id, 'own_case.read');
      const result = await myCase(db(), actor, request.params.id, fastify.clock());
      await recordAccess(request, {
        caseId: request.params.id,
        resourceType: 'consent',
        resourceId: result.participantId,
        action: 'read',
        grounds: 'self',
        outcome: 'success',
      });
      return result;
    },
  );

  app.post(
    '/api/my/cases/:id/consents',
    {
      schema: {
        tags: ['participants'],
        params: idParamsSchema,
        body: myConsentInputSchema,
        response: { 201: z.object({ id: z.uuid() }) },
      },
      config: { policy: 'own_case.consent' },
      preValidation: guardBeforeValidation('own_case.consent'),
    },
    async (request, reply) => {
      const { actor } = await guard(request, request.params.id, 'own_case.consent');
      const id = await giveMyConsent(
        { ...contextOf(request), actor },
        request.params.id,
        request.body,
      );
      reply.status(201);
      return { id };
    },
  );

  app.get(
    '/api/my/cases/:id/consents/:consentId/withdrawal-preview',
    {
      schema: {
        tags: ['participants'],
        params: consentParamsSchema,
        response: { 200: withdrawalPreviewSchema },
      },
      config: { policy: 'own_case.consent' },
      preValidation: guardBeforeValidation('own_case.consent'),
    },
    async (request) => {
      const { id: caseId, consentId } = request.params;
      const { actor } = await guard(request, caseId, 'own_case.consent');
      await myConsentId(db(), actor, caseId, consentId);
      const preview = await previewWithdrawal({ ...contextOf(request), actor }, caseId, consentId);
      await recordAccess(request, {
        caseId,
        resourceType: 'consent',
        resourceId: consentId,
        action: 'read',
        grounds: 'self',
        outcome: 'success',
      });
      return preview;
    },
  );

  app.post(
    '/api/my/cases/:id/consents/:consentId/withdraw',
    {
      schema: {
        tags: ['participants'],
        params: consentParamsSchema,
        body: myWithdrawInputSchema,
        response: { 200: myWithdrawResultSchema },
      },
      config: { policy: 'own_case.consent' },
      preValidation: guardBeforeValidation('own_case.consent'),
    },
    async (request) => {
      const { id: caseId, consentId } = request.params;
      const { actor } = await guard(request, caseId, 'own_case.consent');
      const removed = await withdrawMyConsent(
        { ...contextOf(request), actor },
        caseId,
        consentId,
        request.body.confirmRemoval,
      );
      return { removed };
    },
  );

  app.get(
    '/api/my/cases/:id/access-log',
    {
      schema: {
        tags: ['participants'],
        params: idParamsSchema,
        querystring: myAccessLogQuerySchema,
        response: { 200: myAccessLogSchema },
      },
      config: { policy: 'own_case.read' },
      preValidation: guardBeforeValidation('own_case.read'),
    },
    async (request) => {
      await guard(request, request.params.id, 'own_case.read');
      const log = await myCaseAccessLog(db(), request.params.id, request.query);
      await recordAccess(request, {
        caseId: request.params.id,
        resourceType: 'access_log',
        action: 'read',
        grounds: 'self',
        outcome: 'success',
      });
      return log;
    },
  );
}
