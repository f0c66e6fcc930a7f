// HTTP routes of a case's timeline. Every route reaches the case through the case guard (404 for
// a case the actor may not reach), and every read and write is in the access log.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/contract/common';
import {
  timelineCommentInputSchema,
  timelineHistorySchema,
  timelineItemInputSchema,
  timelineItemParamsSchema,
  timelineItemSchema,
  timelineItemUpdateSchema,
  timelineSchema,
  versionQuerySchema,
} from '../../../shared/contract/timeline';
import { contextOf, recordAccess, serializePresented, typed } from '../../http/context';
import { can } from '../../policy/policy';
import { caseGuard } from '../cases/case-guard';
import { itemHistory, readTimeline } from './queries';
import { addComment, addItem, deleteItem, updateItem } from './save-item';
import { AppError } from '../../http/errors';
import { eq } from 'drizzle-orm';
import { laneCategoryList } from '../../../shared/domain/timeline';
import { participants } from '../cases/schema';
import { caseReference } from '../cases/reference';
import { renderTimelinePdf } from './timeline-pdf';

export async function timelineRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.database.db;
  const { guard, guardBeforeValidation } = caseGuard(fastify);

  app.get(
    '/api/cases/:id/timeline',
    {
      schema: { tags: ['timeline'], params: idParamsSchema, response: { 200: timelineSchema } },
      // The hottest read: the presenter's answer is proven exact by the timeline test.
      serializerCompiler: serializePresented,
      config: { policy: 'timeline.read' },
      preValidation: guardBeforeValidation('timeline.read'),
    },
    async (request) => {
      const caseId = request.params.id;
      const access = await guard(request, caseId, 'timeline.read');
      const timeline = await readTimeline(db(), caseId);
      await recordAccess(request, {
        caseId,
        resourceType: 'timeline',
        resourceId: caseId,
        action: 'read',
        grounds: access.grounds,
        outcome: 'success',
      });
      return {
        caseId,
        caseCode: access.resource.code,
        birthYear: access.resource.birthYear,
        ...timeline,
        abilities: {
          contribute: can(access.actor, 'timeline.contribute', access.resource),
          edit: can(access.actor, 'timeline.edit', access.resource),
        },
      };
    },
  );

  app.post(
    '/api/cases/:id/timeline/items',
    {
      schema: {
        tags: ['timeline'],
        params: idParamsSchema,
        body: timelineItemInputSchema,
        response: { 201: timelineItemSchema },
      },
      config: { policy: 'timeline.contribute' },
      preValidation: guardBeforeValidation('timeline.contribute'),
    },
    async (request, reply) => {
      const access = await guard(request, request.params.id, 'timeline.contribute');
      const item = await addItem(
        { ...contextOf(request), access },
        request.params.id,
        request.body,
      );
      reply.status(201);
      return item;
    },
  );

  app.put(
    '/api/cases/:id/timeline/items/:itemId',
    {
      schema: {
        tags: ['timeline'],
        params: timelineItemParamsSchema,
        body: timelineItemUpdateSchema,
        response: { 200: timelineItemSchema },
      },
      config: { policy: 'timeline.edit' },
      preValidation: guardBeforeValidation('timeline.edit'),
    },
    async (request) => {
      const access = await guard(request, request.params.id, 'timeline.edit');
      return updateItem(
        { ...contextOf(request), access },
        request.params.id,
        request.params.itemId,
        request.body,
      );
    },
  );

  app.delete(
    '/api/cases/:id/timeline/items/:itemId',
    {
      schema: {
        tags: ['timeline'],
        params: timelineItemParamsSchema,
        querystring: versionQuerySchema,
      },
      config: { policy: 'timeline.edit' },
      preValidation: guardBeforeValidation('timeline.edit'),
    },
    async (request, reply) => {
      const access = await guard(request, request.params.id, 'timeline.edit');
      await deleteItem(
        { ...contextOf(request), access },
        request.params.id,
        request.params.itemId,
        request.query.version,
      );
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/cases/:id/timeline/items/:itemId/history',
    {
      schema: {
        tags: ['timeline'],
        params: timelineItemParamsSchema,
        response: { 200: timelineHistorySchema },
      },
      config: { policy: 'timeline.read' },
      preValidation: guardBeforeValidation('timeline.read'),
    },
    async (request) => {
      const { id: caseId, itemId } = request.params;
      const access = await guard(request, caseId, 'timeline.read');
      const changes = await itemHistory(db(), caseId, itemId);
      if (changes.length === 0) throw new AppError('NOT_FOUND');
      await recordAccess(request, {
        caseId,
        resourceType: 'timeline_item',
        resourceId: itemId,
        action: 'read',
        grounds: access.grounds,
        outcome: 'success',
      });
      return { itemId, changes };
    },
  );

  app.post(
    '/api/cases/:id/timeline/items/:itemId/comments',
    {
      schema: {
        tags: ['timeline'],
        params: timelineItemParamsSchema,
        body: timelineCommentInputSchema,
        response: { 201: z.object({ id: z.uuid() }) },
      },
      config: { policy: 'timeline.contribute' },
      preValidation: guardBeforeValidation('timeline.contribute'),
    },
    async (request, reply) => {
      const { id: caseId, itemId } = request.params;
      const access = await guard(request, caseId, 'timeline.contribute');
      const id = await addComment({ ...contextOf(request), access }, caseId, itemId, request.body);
      reply.status(201);
      return { id };
    },
  );

  app.get(
    '/api/cases/:id/timeline.pdf',
    {
      schema: { tags: ['timeline'], params: idParamsSchema },
      config: { policy: 'timeline.read' },
      preValidation: guardBeforeValidation('timeline.read'),
    },
    async (request, reply) => {
      const caseId = request.params.id;
      const access = await guard(request, caseId, 'timeline.read');
      const [timeline, reference, people] = await Promise.all([
        readTimeline(db(), caseId),
        caseReference(db()),
        db()
          .select({ id: participants.id, label: participants.label })
          .from(participants)
          .where(eq(participants.caseId, caseId)),
      ]);
      const pdf = await renderTimelinePdf({
        caseCode: access.resource.code,
        birthYear: access.resource.birthYear,
        today: fastify.clock().toISOString().slice(0, 10),
        ...timeline,
        categoryLabel: (lane, code) =>
          reference.timelineCategories.find(
            (c) => c.code === code && c.list === laneCategoryList[lane],
          )?.label,
        participantLabel: (id) => people.find((p) => p.id === id)?.label,
      });
      await recordAccess(request, {
        caseId,
        resourceType: 'timeline',
        resourceId: caseId,
        action: 'export',
        grounds: access.grounds,
        outcome: 'success',
      });
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="tijdlijn-${access.resource.code}.pdf"`,
        )
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
}
