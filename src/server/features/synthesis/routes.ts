// HTTP routes of the synthesis board and its threads. Programme routes reach the programme through
// its teams (synthesis.read for its case staff, synthesis.write for its researchers); a programme
// the actor may not use answers 404 before any 400 about the input. Every read and write leaves
// an access-log entry; a change answers with the new state, logged as a read next to the write.
// The landing list (/api/synthesis/programmes) names the programmes the reader may open here.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { asc, eq, inArray } from 'drizzle-orm';
import { idParamsSchema } from '../../../shared/contract/common';
import {
  boardSchema,
  placementSchema,
  supersedeSchema,
  synthesisProgrammesSchema,
  themeInputSchema,
  themeMoveSchema,
  themeParamsSchema,
  themeUpdateSchema,
  themeVersionSchema,
  threadInputSchema,
  threadListQuerySchema,
  threadListSchema,
  threadParamsSchema,
  threadSchema,
  threadUpdateSchema,
  threadVersionsSchema,
  withdrawSchema,
} from '../../../shared/contract/synthesis';
import { contextOf, recordAccess, typed } from '../../http/context';
import { requireActor } from '../../policy/enforce';
import { can } from '../../policy/policy';
import { programmes, teams } from '../organisations/schema';
import { programmeFirst, synthesisGuard, type Reach } from './access';
import { archiveTheme, createTheme, moveTheme, placeCode, readBoard, updateTheme } from './themes';
import {
  createThread,
  listThreads,
  readThread,
  supersedeThread,
  threadVersions,
  updateThread,
  withdrawThread,
} from './threads';

export async function synthesisRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.database.db;
  const tags = ['synthesis'];
  const base = '/api/programmes/:id/synthesis';
  const read = { config: { policy: 'synthesis.read' as const } };
  const write = { config: { policy: 'synthesis.write' as const } };

  // ---- landing -----------------------------------------------------------------------------

  app.get(
    '/api/synthesis/programmes',
    {
      schema: { tags, response: { 200: synthesisProgrammesSchema } },
      config: { policy: 'synthesis.aggregates' },
    },
    async (request) => {
      const actor = requireActor(request);
      const columns = {
        id: programmes.id,
        name: programmes.name,
        periodStart: programmes.periodStart,
        periodEnd: programmes.periodEnd,
        sortKey: programmes.sortKey,
      };
      // Policymakers and administrators see the aggregates of every programme; case staff the
      // programmes of their teams.
      const wide = actor.role === 'policymaker' || actor.role === 'admin';
      if (!wide && actor.teamIds.length === 0) return { items: [] };
      const rows = wide
        ? await db().select(columns).from(programmes).orderBy(asc(programmes.sortKey))
        : await db()
            .selectDistinct(columns)
            .from(programmes)
            .innerJoin(teams, eq(teams.programmeId, programmes.id))
            .where(inArray(teams.id, [...actor.teamIds]))
            .orderBy(asc(programmes.sortKey));
      const teamRows =
        rows.length === 0
          ? []
          : await db()
              .select({ id: teams.id, programmeId: teams.programmeId })
              .from(teams)
              .where(
                inArray(
                  teams.programmeId,
                  rows.map((r) => r.id),
                ),
              );
      return {
        items: rows.map(({ sortKey: _s, ...p }) => {
          const resource = {
            type: 'programme' as const,
            programmeId: p.id,
            teamIds: teamRows.filter((t) => t.programmeId === p.id).map((t) => t.id),
          };
          return {
            ...p,
            abilities: {
              read: can(actor, 'synthesis.read', resource),
              write: can(actor, 'synthesis.write', resource),
              report: can(actor, 'synthesis.report', resource),
              aggregates: can(actor, 'synthesis.aggregates', resource),
              review: can(actor, 'recommendation.review', resource),
            },
          };
        }),
      };
    },
  );

  // ---- board -------------------------------------------------------------------------------

  async function presentBoard(request: FastifyRequest, reach: Reach) {
    const board = await readBoard(db(), reach);
    await recordAccess(request, {
      caseId: null,
      resourceType: 'synthesis_theme',
      resourceId: reach.programmeId,
      action: 'list',
      grounds: reach.grounds,
      outcome: 'success',
    });
    return { ...board, abilities: { write: can(reach.actor, 'synthesis.write', reach.resource) } };
  }

  app.get(
    `${base}/themes`,
    {
      schema: { tags, params: idParamsSchema, response: { 200: boardSchema } },
      ...read,
      preValidation: programmeFirst('synthesis.read'),
    },
    async (request) =>
      presentBoard(request, await synthesisGuard(request, request.params.id, 'synthesis.read')),
  );

  app.post(
    `${base}/themes`,
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: themeInputSchema,
        response: { 201: boardSchema },
      },
      ...write,
      preValidation: programmeFirst('synthesis.write'),
    },
    async (request, reply) => {
      const reach = await synthesisGuard(request, request.params.id, 'synthesis.write');
      await createTheme({ ...contextOf(request), reach }, request.body);
      reply.status(201);
      return presentBoard(request, reach);
    },
  );

  app.put(
    `${base}/themes/:themeId`,
    {
      schema: {
        tags,
        params: themeParamsSchema,
        body: themeUpdateSchema,
        response: { 200: boardSchema },
      },
      ...write,
      preValidation: programmeFirst('synthesis.write'),
    },
    async (request) => {
      const reach = await synthesisGuard(request, request.params.id, 'synthesis.write');
      await updateTheme({ ...contextOf(request), reach }, request.params.themeId, request.body);
      return presentBoard(request, reach);
    },
  );

  app.post(
    `${base}/themes/:themeId/move`,
    {
      schema: {
        tags,
        params: themeParamsSchema,
        body: themeMoveSchema,
        response: { 200: boardSchema },
      },
      ...write,
      preValidation: programmeFirst('synthesis.write'),
    },
    async (request) => {
      const reach = await synthesisGuard(request, request.params.id, 'synthesis.write');
      await moveTheme({ ...contextOf(request), reach }, request.params.themeId, request.body);
      return presentBoard(request, reach);
    },
  );

  for (const [path, archive] of [
    ['archive', true],
    ['restore', false],
  ] as const)
    app.post(
      `${base}/themes/:themeId/${path}`,
      {
        schema: {
          tags,
          params: themeParamsSchema,
          body: themeVersionSchema,
          response: { 200: boardSchema },
        },
        ...write,
        preValidation: programmeFirst('synthesis.write'),
      },
      async (request) => {
        const reach = await synthesisGuard(request, request.params.id, 'synthesis.write');
        await archiveTheme(
          { ...contextOf(request), reach },
          request.params.themeId,
          request.body.version,
          archive,
        );
        return presentBoard(request, reach);
      },
    );

  app.post(
    `${base}/themes/placements`,
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: placementSchema,
        response: { 200: boardSchema },
      },
      ...write,
      preValidation: programmeFirst('synthesis.write'),
    },
    async (request) => {
      const reach = await synthesisGuard(request, request.params.id, 'synthesis.write');
      await placeCode({ ...contextOf(request), reach }, request.body);
      return presentBoard(request, reach);
    },
  );

  // ---- threads -----------------------------------------------------------------------------

  app.get(
    `${base}/threads`,
    {
      schema: {
        tags,
        params: idParamsSchema,
        querystring: threadListQuerySchema,
        response: { 200: threadListSchema },
      },
      ...read,
      preValidation: programmeFirst('synthesis.read'),
    },
    async (request) => {
      const reach = await synthesisGuard(request, request.params.id, 'synthesis.read');
      const list = await listThreads(db(), reach.programmeId, request.query.show);
      await recordAccess(request, {
        caseId: null,
        resourceType: 'synthesis_thread',
        resourceId: reach.programmeId,
        action: 'list',
        grounds: reach.grounds,
        outcome: 'success',
      });
      return {
        ...list,
        abilities: { create: can(reach.actor, 'synthesis.write', reach.resource) },
      };
    },
  );

  async function presentThread(request: FastifyRequest, reach: Reach, threadId: string) {
    const thread = await readThread(db(), reach, threadId);
    await recordAccess(request, {
      caseId: null,
      resourceType: 'synthesis_thread',
      resourceId: threadId,
      action: 'read',
      grounds: reach.grounds,
      outcome: 'success',
    });
    return {
      ...thread,
      abilities: {
        edit: thread.status === 'active' && can(reach.actor, 'synthesis.write', reach.resource),
      },
    };
  }

  app.post(
    `${base}/threads`,
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: threadInputSchema,
        response: { 201: threadSchema },
      },
      ...write,
      preValidation: programmeFirst('synthesis.write'),
    },
    async (request, reply) => {
      const reach = await synthesisGuard(request, request.params.id, 'synthesis.write');
      const id = await createThread({ ...contextOf(request), reach }, request.body);
      reply.status(201);
      return presentThread(request, reach, id);
    },
  );

  app.get(
    `${base}/threads/:threadId`,
    {
      schema: { tags, params: threadParamsSchema, response: { 200: threadSchema } },
      ...read,
      preValidation: programmeFirst('synthesis.read'),
    },
    async (request) => {
      const reach = await synthesisGuard(request, request.params.id, 'synthesis.read');
      return presentThread(request, reach, request.params.threadId);
    },
  );

  app.put(
    `${base}/threads/:threadId`,
    {
      schema: {
        tags,
        params: threadParamsSchema,
        body: threadUpdateSchema,
        response: { 200: threadSchema },
      },
      ...write,
      preValidation: programmeFirst('synthesis.write'),
    },
    async (request) => {
      const reach = await synthesisGuard(request, request.params.id, 'synthesis.write');
      await updateThread({ ...contextOf(request), reach }, request.params.threadId, request.body);
      return presentThread(request, reach, request.params.threadId);
    },
  );

  app.post(
    `${base}/threads/:threadId/supersede`,
    {
      schema: {
        tags,
        params: threadParamsSchema,
        body: supersedeSchema,
        response: { 200: threadSchema },
      },
      ...write,
      preValidation: programmeFirst('synthesis.write'),
    },
    async (request) => {
      const reach = await synthesisGuard(request, request.params.id, 'synthesis.write');
      const successor = await supersedeThread(
        { ...contextOf(request), reach },
        request.params.threadId,
        request.body,
      );
      // Answers with the successor: that is where the reader goes on.
      return presentThread(request, reach, successor);
    },
  );

  app.post(
    `${base}/threads/:threadId/withdraw`,
    {
      schema: {
        tags,
        params: threadParamsSchema,
        body: withdrawSchema,
        response: { 200: threadSchema },
      },
      ...write,
      preValidation: programmeFirst('synthesis.write'),
    },
    async (request) => {
      const reach = await synthesisGuard(request, request.params.id, 'synthesis.write');
      await withdrawThread({ ...contextOf(request), reach }, request.params.threadId, request.body);
      return presentThread(request, reach, request.params.threadId);
    },
  );

  app.get(
    `${base}/threads/:threadId/versions`,
    {
      schema: { tags, params: threadParamsSchema, response: { 200: threadVersionsSchema } },
      ...read,
      preValidation: programmeFirst('synthesis.read'),
    },
    async (request) => {
      const reach = await synthesisGuard(request, request.params.id, 'synthesis.read');
      const items = await threadVersions(db(), reach.programmeId, request.params.threadId);
      await recordAccess(request, {
        caseId: null,
        resourceType: 'synthesis_thread',
        resourceId: request.params.threadId,
        action: 'read',
        grounds: reach.grounds,
        outcome: 'success',
      });
      return { items };
    },
  );
}
