// HTTP routes of cases: list (only reachable cases), open, read, participants and consent.
// Every read and write of case data is authorised against the case and written to the access log.
import type { FastifyInstance, FastifyRequest } from 'fastify';
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
} from '../../../shared/contract/cases';
import { contextOf, recordAccess, typed } from '../../http/context';
import { authorize, requireActor } from '../../policy/enforce';
import { caseAccessGrounds, type Action } from '../../policy/policy';
import { caseResource, getCase, listCases } from './queries';
import { addParticipant, createCase, giveConsent, withdrawConsent } from './save-case';

const createdSchema = z.object({ id: z.uuid() });

export async function caseRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.database.db;

  /**
   * Runs before the request's input is validated, so a case the actor may not reach answers 404
   * whatever the body holds (a 400 would tell that the case exists).
   */
  function guardBeforeValidation(action: Action) {
    return async (request: FastifyRequest) => {
      const caseId = (request.params as { id?: unknown }).id;
      if (typeof caseId === 'string' && z.uuid().safeParse(caseId).success)
        await guard(request, caseId, action);
    };
  }

  type Access = {
    actor: ReturnType<typeof requireActor>;
    grounds: 'team_membership' | 'case_assignment' | 'none';
    resource: Awaited<ReturnType<typeof caseResource>>;
  };
  // The decision made before validation, reused by the handler: the case is looked up once.
  const decided = new WeakMap<FastifyRequest, { key: string; access: Access }>();

  /** Authorises the action on this case; a case the actor may not reach is a 404. */
  async function guard(request: FastifyRequest, caseId: string, action: Action): Promise<Access> {
    const key = `${action} ${caseId}`;
    const earlier = decided.get(request);
    if (earlier?.key === key) return earlier.access;
    const actor = requireActor(request);
    const resource = await caseResource(db(), caseId);
    try {
      authorize(actor, action, resource);
    } catch (error) {
      await recordAccess(request, {
        caseId,
        resourceType: 'case',
        resourceId: caseId,
        action: 'read',
        grounds: 'none',
        outcome: 'denied',
      });
      throw error;
    }
    const access: Access = {
      actor,
      grounds: caseAccessGrounds(actor, resource) ?? 'none',
      resource,
    };
    decided.set(request, { key, access });
    return access;
  }

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

  app.post(
    '/api/cases/:id/consents/:consentId/withdraw',
    {
      schema: {
        tags: ['cases'],
        params: consentParamsSchema,
        body: withdrawInputSchema,
        response: { 200: createdSchema },
      },
      config: { policy: 'case.update' },
      preValidation: guardBeforeValidation('case.update'),
    },
    async (request) => {
      const { actor } = await guard(request, request.params.id, 'case.update');
      await withdrawConsent(
        { ...contextOf(request), actor },
        request.params.id,
        request.params.consentId,
        request.body.withdrawnOn,
      );
      return { id: request.params.consentId };
    },
  );
}
