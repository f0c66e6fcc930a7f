// HTTP routes of improvement actions and the learning network. Every route reaches its programme,
// action or network meeting through access.ts in preValidation (404 before a 400 for what the
// actor may not reach), and every read and write is in the access log. A change answers with the
// record as it now is (logged as a read as well). Overdue is computed from the app's clock.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/contract/common';
import {
  actionFollowUpInputSchema,
  actionHistorySchema,
  actionInputSchema,
  actionLinkInputSchema,
  actionListQuerySchema,
  actionListSchema,
  actionOwnerListSchema,
  actionProgrammeListSchema,
  actionSchema,
  actionStatusInputSchema,
  actionSummarySchema,
  actionUpdateSchema,
  childParamsSchema,
  linkTargetListSchema,
  networkAttendeeInputSchema,
  networkHistorySchema,
  networkMaterialInputSchema,
  networkMeetingInputSchema,
  networkMeetingListQuerySchema,
  networkMeetingListSchema,
  networkMeetingSchema,
  networkMeetingUpdateSchema,
  summaryLanguageSchema,
  type Action as ActionRecord,
  type NetworkMeeting,
} from '../../../shared/contract/actions';
import { todayIso } from '../../../shared/domain/fuzzy-date';
import { contextOf, recordAccess, typed } from '../../http/context';
import { AppError } from '../../http/errors';
import { requireActor } from '../../policy/enforce';
import { can, type Action, type PolicyResource } from '../../policy/policy';
import { actionGuard, forgetLookups, networkGuard, programmeGuard, type Reach } from './access';
import {
  actionChanges,
  allProgrammes,
  linkTargets,
  listActions,
  listNetworkMeetings,
  networkChanges,
  ownerCandidates,
  programmesOfOwnCases,
  programmesOwned,
  readAction,
  readNetworkMeeting,
  summaryActions,
} from './queries';
import {
  addActionFollowUp,
  addActionLink,
  changeActionStatus,
  createAction,
  removeActionLink,
  updateAction,
} from './save-action';
import {
  addNetworkAttendee,
  addNetworkMaterial,
  planNetworkMeeting,
  removeNetworkChild,
  updateNetworkMeeting,
} from './save-network';
import { renderSummaryPdf, summaryModel } from './summary';

const ownerQuerySchema = z.object({ organisationId: z.uuid().optional() });

export async function actionRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.database.db;
  const today = () => todayIso(fastify.clock());
  const tags = ['actions'];

  const isUuid = (value: unknown): value is string => z.uuid().safeParse(value).success;
  /** preValidation: reach the programme (:id) first, so 404 comes before 400. */
  const programmeFirst = (action: Action) => async (request: FastifyRequest) => {
    const { id } = request.params as { id?: string };
    if (isUuid(id)) await programmeGuard(request, id, action);
  };
  const actionFirst = (action: Action) => async (request: FastifyRequest) => {
    const { id } = request.params as { id?: string };
    if (isUuid(id)) await actionGuard(request, id, action);
  };
  const networkFirst = (action: Action) => async (request: FastifyRequest) => {
    const { id } = request.params as { id?: string };
    if (isUuid(id)) await networkGuard(request, id, action);
  };

  const ctxOf = (request: FastifyRequest, reach: Reach) => ({ ...contextOf(request), reach });

  /** The action as it is now, with its abilities and access-log entries. */
  async function presentAction(
    request: FastifyRequest,
    reach: Reach,
    actionId: string,
  ): Promise<ActionRecord> {
    const actor = requireActor(request);
    const found = await readAction(db(), actor, actionId, today());
    if (!found) throw new AppError('NOT_FOUND');
    const { action, casesShown } = found;
    const resource: PolicyResource = {
      type: 'action',
      programmeId: reach.programme.id,
      teamIds: reach.programme.teamIds,
      ownerUserId: action.ownerUserId,
    };
    await recordAccess(
      request,
      {
        caseId: null,
        resourceType: 'improvement_action',
        resourceId: actionId,
        action: 'read',
        grounds: reach.grounds,
        outcome: 'success',
      },
      // The case code and plan step of a linked review meeting are case data: one entry each.
      ...casesShown.map((c) => ({
        caseId: c.caseId,
        resourceType: c.resourceType,
        resourceId: null,
        action: 'read' as const,
        grounds: c.grounds,
        outcome: 'success' as const,
      })),
    );
    const followUp = can(actor, 'action.follow_up', resource);
    return {
      ...action,
      abilities: {
        edit: can(actor, 'action.write', resource),
        changeStatus: followUp && action.nextStatuses.length > 0,
        followUp: followUp && action.status !== 'dropped',
      },
    };
  }

  async function presentNetwork(
    request: FastifyRequest,
    reach: Reach,
    meetingId: string,
  ): Promise<NetworkMeeting> {
    const meeting = await readNetworkMeeting(db(), meetingId, today());
    if (!meeting) throw new AppError('NOT_FOUND');
    await recordAccess(request, {
      caseId: null,
      resourceType: 'network_meeting',
      resourceId: meetingId,
      action: 'read',
      grounds: reach.grounds,
      outcome: 'success',
    });
    return {
      ...meeting,
      abilities: {
        edit: can(reach.actor, 'network.write', reach.resource),
        createAction:
          can(reach.actor, 'network.write', reach.resource) &&
          can(reach.actor, 'action.write', reach.resource),
      },
    };
  }

  // --- Where to start: the programmes the reader may see actions, meetings or the summary of.

  app.get(
    '/api/action-programmes',
    {
      schema: { tags, response: { 200: actionProgrammeListSchema } },
      config: { policy: 'action.summary' },
    },
    async (request) => {
      const actor = requireActor(request);
      const [programmes, ownCases, owned] = await Promise.all([
        allProgrammes(db()),
        actor.role === 'participant'
          ? programmesOfOwnCases(db(), actor.userId)
          : Promise.resolve(new Set<string>()),
        programmesOwned(db(), actor.userId),
      ]);
      const items = programmes.flatMap((p) => {
        const resource: PolicyResource = {
          type: 'programme',
          programmeId: p.id,
          teamIds: p.teamIds,
          ownCaseUserIds: ownCases.has(p.id) ? [actor.userId] : [],
        };
        const abilities = {
          readActions: can(actor, 'action.read', resource),
          writeActions: can(actor, 'action.write', resource),
          readNetwork: can(actor, 'network.read', resource),
          writeNetwork: can(actor, 'network.write', resource),
          summary: can(actor, 'action.summary', resource),
        };
        const isOwner = owned.has(p.id);
        if (!abilities.summary && !abilities.readActions && !isOwner) return [];
        return [
          {
            id: p.id,
            name: p.name,
            stakeholderGroups: p.stakeholderGroups,
            abilities,
          },
        ];
      });
      return { items };
    },
  );

  // --- Actions of a programme

  app.get(
    '/api/programmes/:id/actions',
    {
      schema: {
        tags,
        params: idParamsSchema,
        querystring: actionListQuerySchema,
        response: { 200: actionListSchema },
      },
      config: { policy: 'action.read' },
      preValidation: programmeFirst('action.read'),
    },
    async (request) => {
      const reach = await programmeGuard(request, request.params.id, 'action.read');
      const list = await listActions({
        db: db(),
        today: today(),
        programmeId: reach.programme.id,
        ...(request.query.isMine ? { ownerUserId: reach.actor.userId } : {}),
        query: request.query,
      });
      await recordAccess(request, {
        caseId: null,
        resourceType: 'improvement_action',
        resourceId: null,
        action: 'list',
        grounds: reach.grounds,
        outcome: 'success',
      });
      return { ...list, abilities: { create: can(reach.actor, 'action.write', reach.resource) } };
    },
  );

  app.get(
    '/api/actions/mine',
    {
      schema: { tags, querystring: actionListQuerySchema, response: { 200: actionListSchema } },
      config: { policy: 'action.read' },
    },
    async (request) => {
      const actor = requireActor(request);
      const list = await listActions({
        db: db(),
        today: today(),
        ownerUserId: actor.userId,
        query: request.query,
      });
      await recordAccess(request, {
        caseId: null,
        resourceType: 'improvement_action',
        resourceId: null,
        action: 'list',
        grounds: 'self',
        outcome: 'success',
      });
      return { ...list, abilities: { create: false } };
    },
  );

  app.post(
    '/api/programmes/:id/actions',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: actionInputSchema,
        response: { 201: actionSchema },
      },
      config: { policy: 'action.write' },
      preValidation: programmeFirst('action.write'),
    },
    async (request, reply) => {
      const reach = await programmeGuard(request, request.params.id, 'action.write');
      const id = await createAction(ctxOf(request, reach), request.body);
      reply.status(201);
      return presentAction(request, reach, id);
    },
  );

  app.get(
    '/api/programmes/:id/action-owners',
    {
      schema: {
        tags,
        params: idParamsSchema,
        querystring: ownerQuerySchema,
        response: { 200: actionOwnerListSchema },
      },
      config: { policy: 'action.write' },
      preValidation: programmeFirst('action.write'),
    },
    async (request) => {
      const reach = await programmeGuard(request, request.params.id, 'action.write');
      const items = await ownerCandidates(db(), reach.programme.id, request.query.organisationId);
      await recordAccess(request, {
        caseId: null,
        resourceType: 'user',
        resourceId: null,
        action: 'list',
        grounds: reach.grounds,
        outcome: 'success',
      });
      return { items };
    },
  );

  app.get(
    '/api/programmes/:id/action-link-targets',
    {
      schema: { tags, params: idParamsSchema, response: { 200: linkTargetListSchema } },
      config: { policy: 'action.write' },
      preValidation: programmeFirst('action.write'),
    },
    async (request) => {
      const reach = await programmeGuard(request, request.params.id, 'action.write');
      const { groundsByCase, ...targets } = await linkTargets(
        db(),
        reach.actor,
        reach.programme.id,
      );
      // One entry per case whose meetings were listed (their plan steps are case data).
      await recordAccess(
        request,
        {
          caseId: null,
          resourceType: 'network_meeting',
          resourceId: null,
          action: 'list',
          grounds: reach.grounds,
          outcome: 'success',
        },
        ...[...groundsByCase].map(([caseId, grounds]) => ({
          caseId,
          resourceType: 'review_meeting' as const,
          resourceId: null,
          action: 'list' as const,
          grounds,
          outcome: 'success' as const,
        })),
      );
      return targets;
    },
  );

  // --- One action

  app.get(
    '/api/actions/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: actionSchema } },
      config: { policy: 'action.read' },
      preValidation: actionFirst('action.read'),
    },
    async (request) => {
      const reach = await actionGuard(request, request.params.id, 'action.read');
      return presentAction(request, reach, request.params.id);
    },
  );

  app.put(
    '/api/actions/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: actionUpdateSchema,
        response: { 200: actionSchema },
      },
      config: { policy: 'action.write' },
      preValidation: actionFirst('action.write'),
    },
    async (request) => {
      const reach = await actionGuard(request, request.params.id, 'action.write');
      await updateAction(ctxOf(request, reach), request.params.id, request.body);
      forgetLookups(request);
      return presentAction(request, reach, request.params.id);
    },
  );

  app.post(
    '/api/actions/:id/status',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: actionStatusInputSchema,
        response: { 200: actionSchema },
      },
      config: { policy: 'action.follow_up' },
      preValidation: actionFirst('action.follow_up'),
    },
    async (request) => {
      const reach = await actionGuard(request, request.params.id, 'action.follow_up');
      await changeActionStatus(ctxOf(request, reach), request.params.id, request.body);
      return presentAction(request, reach, request.params.id);
    },
  );

  app.post(
    '/api/actions/:id/follow-ups',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: actionFollowUpInputSchema,
        response: { 201: actionSchema },
      },
      config: { policy: 'action.follow_up' },
      preValidation: actionFirst('action.follow_up'),
    },
    async (request, reply) => {
      const reach = await actionGuard(request, request.params.id, 'action.follow_up');
      await addActionFollowUp(ctxOf(request, reach), request.params.id, request.body);
      reply.status(201);
      return presentAction(request, reach, request.params.id);
    },
  );

  app.post(
    '/api/actions/:id/links',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: actionLinkInputSchema,
        response: { 201: actionSchema },
      },
      config: { policy: 'action.write' },
      preValidation: actionFirst('action.write'),
    },
    async (request, reply) => {
      const reach = await actionGuard(request, request.params.id, 'action.write');
      await addActionLink(ctxOf(request, reach), request.params.id, request.body);
      reply.status(201);
      return presentAction(request, reach, request.params.id);
    },
  );

  app.delete(
    '/api/actions/:id/links/:childId',
    {
      schema: { tags, params: childParamsSchema, response: { 200: actionSchema } },
      config: { policy: 'action.write' },
      preValidation: actionFirst('action.write'),
    },
    async (request) => {
      const reach = await actionGuard(request, request.params.id, 'action.write');
      await removeActionLink(ctxOf(request, reach), request.params.id, request.params.childId);
      return presentAction(request, reach, request.params.id);
    },
  );

  app.get(
    '/api/actions/:id/history',
    {
      schema: { tags, params: idParamsSchema, response: { 200: actionHistorySchema } },
      config: { policy: 'action.read' },
      preValidation: actionFirst('action.read'),
    },
    async (request) => {
      const reach = await actionGuard(request, request.params.id, 'action.read');
      const items = await actionChanges(db(), request.params.id);
      await recordAccess(request, {
        caseId: null,
        resourceType: 'improvement_action',
        resourceId: request.params.id,
        action: 'read',
        grounds: reach.grounds,
        outcome: 'success',
      });
      return { items };
    },
  );

  // --- The summary "what happened with what we learned"

  async function summaryOf(request: FastifyRequest, programmeId: string, lang: 'nl' | 'en') {
    const reach = await programmeGuard(request, programmeId, 'action.summary');
    const actions = await summaryActions(db(), programmeId);
    return {
      reach,
      model: summaryModel(
        {
          programmeName: reach.programme.name,
          stakeholderGroups: reach.programme.stakeholderGroups,
          actions,
          today: today(),
        },
        lang,
      ),
    };
  }

  app.get(
    '/api/programmes/:id/action-summary',
    {
      schema: {
        tags,
        params: idParamsSchema,
        querystring: summaryLanguageSchema,
        response: { 200: actionSummarySchema },
      },
      config: { policy: 'action.summary' },
      preValidation: programmeFirst('action.summary'),
    },
    async (request) => {
      const { reach, model } = await summaryOf(request, request.params.id, request.query.lang);
      await recordAccess(request, {
        caseId: null,
        resourceType: 'action_summary',
        resourceId: request.params.id,
        action: 'read',
        grounds: reach.grounds,
        outcome: 'success',
      });
      return model;
    },
  );

  app.get(
    '/api/programmes/:id/action-summary.pdf',
    {
      schema: { tags, params: idParamsSchema, querystring: summaryLanguageSchema },
      config: { policy: 'action.summary' },
      preValidation: programmeFirst('action.summary'),
    },
    async (request, reply) => {
      const { reach, model } = await summaryOf(request, request.params.id, request.query.lang);
      const file = await renderSummaryPdf(model);
      await recordAccess(request, {
        caseId: null,
        resourceType: 'action_summary',
        resourceId: request.params.id,
        action: 'export',
        grounds: reach.grounds,
        outcome: 'success',
      });
      const name = request.query.lang === 'en' ? 'what-we-learned' : 'wat-we-leerden';
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${name}-${today()}.pdf"`)
        .header('cache-control', 'no-store')
        .send(file);
    },
  );

  // --- The learning network

  app.get(
    '/api/programmes/:id/network-meetings',
    {
      schema: {
        tags,
        params: idParamsSchema,
        querystring: networkMeetingListQuerySchema,
        response: { 200: networkMeetingListSchema },
      },
      config: { policy: 'network.read' },
      preValidation: programmeFirst('network.read'),
    },
    async (request) => {
      const reach = await programmeGuard(request, request.params.id, 'network.read');
      const list = await listNetworkMeetings(db(), reach.programme.id, request.query);
      await recordAccess(request, {
        caseId: null,
        resourceType: 'network_meeting',
        resourceId: null,
        action: 'list',
        grounds: reach.grounds,
        outcome: 'success',
      });
      return { ...list, abilities: { plan: can(reach.actor, 'network.write', reach.resource) } };
    },
  );

  app.post(
    '/api/programmes/:id/network-meetings',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: networkMeetingInputSchema,
        response: { 201: networkMeetingSchema },
      },
      config: { policy: 'network.write' },
      preValidation: programmeFirst('network.write'),
    },
    async (request, reply) => {
      const reach = await programmeGuard(request, request.params.id, 'network.write');
      const id = await planNetworkMeeting(ctxOf(request, reach), request.body);
      reply.status(201);
      return presentNetwork(request, reach, id);
    },
  );

  app.get(
    '/api/network-meetings/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: networkMeetingSchema } },
      config: { policy: 'network.read' },
      preValidation: networkFirst('network.read'),
    },
    async (request) => {
      const reach = await networkGuard(request, request.params.id, 'network.read');
      return presentNetwork(request, reach, request.params.id);
    },
  );

  app.put(
    '/api/network-meetings/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: networkMeetingUpdateSchema,
        response: { 200: networkMeetingSchema },
      },
      config: { policy: 'network.write' },
      preValidation: networkFirst('network.write'),
    },
    async (request) => {
      const reach = await networkGuard(request, request.params.id, 'network.write');
      await updateNetworkMeeting(ctxOf(request, reach), request.params.id, request.body);
      return presentNetwork(request, reach, request.params.id);
    },
  );

  app.post(
    '/api/network-meetings/:id/attendees',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: networkAttendeeInputSchema,
        response: { 201: networkMeetingSchema },
      },
      config: { policy: 'network.write' },
      preValidation: networkFirst('network.write'),
    },
    async (request, reply) => {
      const reach = await networkGuard(request, request.params.id, 'network.write');
      await addNetworkAttendee(ctxOf(request, reach), request.params.id, request.body);
      reply.status(201);
      return presentNetwork(request, reach, request.params.id);
    },
  );

  app.post(
    '/api/network-meetings/:id/materials',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: networkMaterialInputSchema,
        response: { 201: networkMeetingSchema },
      },
      config: { policy: 'network.write' },
      preValidation: networkFirst('network.write'),
    },
    async (request, reply) => {
      const reach = await networkGuard(request, request.params.id, 'network.write');
      await addNetworkMaterial(ctxOf(request, reach), request.params.id, request.body);
      reply.status(201);
      return presentNetwork(request, reach, request.params.id);
    },
  );

  for (const [path, entity] of [
    ['attendees', 'attendee'],
    ['materials', 'material'],
  ] as const) {
    app.delete(
      `/api/network-meetings/:id/${path}/:childId`,
      {
        schema: { tags, params: childParamsSchema, response: { 200: networkMeetingSchema } },
        config: { policy: 'network.write' },
        preValidation: networkFirst('network.write'),
      },
      async (request) => {
        const reach = await networkGuard(request, request.params.id, 'network.write');
        await removeNetworkChild(
          ctxOf(request, reach),
          request.params.id,
          entity,
          request.params.childId,
        );
        return presentNetwork(request, reach, request.params.id);
      },
    );
  }

  // An action created in the meeting: linked back to it in the same transaction.
  app.post(
    '/api/network-meetings/:id/actions',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: actionInputSchema,
        response: { 201: actionSchema },
      },
      config: { policy: 'network.write' },
      preValidation: networkFirst('network.write'),
    },
    async (request, reply) => {
      const reach = await networkGuard(request, request.params.id, 'network.write');
      if (!can(reach.actor, 'action.write', reach.resource)) throw new AppError('NOT_FOUND');
      const links = request.body.links.some(
        (l) => l.kind === 'network_meeting' && l.targetId === request.params.id,
      )
        ? request.body.links
        : [
            { kind: 'network_meeting' as const, targetId: request.params.id },
            ...request.body.links,
          ];
      const id = await createAction(ctxOf(request, reach), { ...request.body, links });
      reply.status(201);
      return presentAction(request, reach, id);
    },
  );

  app.get(
    '/api/network-meetings/:id/history',
    {
      schema: { tags, params: idParamsSchema, response: { 200: networkHistorySchema } },
      config: { policy: 'network.read' },
      preValidation: networkFirst('network.read'),
    },
    async (request) => {
      const reach = await networkGuard(request, request.params.id, 'network.read');
      const items = await networkChanges(db(), request.params.id);
      await recordAccess(request, {
        caseId: null,
        resourceType: 'network_meeting',
        resourceId: request.params.id,
        action: 'read',
        grounds: reach.grounds,
        outcome: 'success',
      });
      return { items };
    },
  );
}
