// HTTP routes of instruments: the staff read them (a checklist to work with, a domain set to
// analyse by); administrators edit a draft, publish it, import and export JSON. Instruments
// hold no personal data, but every read and change is still in the access log.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/contract/common';
import {
  draftUpdateSchema,
  instrumentDetailSchema,
  instrumentDocumentSchema,
  instrumentListSchema,
  instrumentVersionParamsSchema,
  instrumentVersionSchema,
  publishInputSchema,
  revisionQuerySchema,
  type InstrumentDocument,
} from '../../../shared/contract/instruments';
import { contextOf, recordAccess, typed } from '../../http/context';
import { AppError } from '../../http/errors';
import { requireActor } from '../../policy/enforce';
import { instrumentDetail, listInstruments, versionByNumber } from './queries';
import {
  createInstrument,
  discardDraft,
  importDraft,
  publishDraft,
  startDraft,
  updateDraft,
} from './save-version';

export async function instrumentRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.database.db;

  const logRead = (
    request: FastifyRequest,
    resourceType: 'instrument' | 'instrument_version',
    resourceId: string | null,
    action: 'read' | 'list' | 'export',
  ) =>
    recordAccess(request, {
      resourceType,
      resourceId,
      action,
      grounds: requireActor(request).role === 'admin' ? 'administrator' : 'role',
      outcome: 'success',
    });

  app.get(
    '/api/instruments',
    {
      schema: { tags: ['instruments'], response: { 200: instrumentListSchema } },
      config: { policy: 'instrument.read' },
    },
    async (request) => {
      const items = await listInstruments(db());
      await logRead(request, 'instrument', null, 'list');
      return { items };
    },
  );

  app.post(
    '/api/instruments',
    {
      schema: {
        tags: ['instruments'],
        body: instrumentDocumentSchema,
        response: { 201: instrumentVersionSchema },
      },
      config: { policy: 'instrument.manage' },
    },
    async (request, reply) => {
      const version = await createInstrument(contextOf(request), request.body);
      reply.status(201);
      return version;
    },
  );

  app.get(
    '/api/instruments/:id',
    {
      schema: {
        tags: ['instruments'],
        params: idParamsSchema,
        response: { 200: instrumentDetailSchema },
      },
      config: { policy: 'instrument.read' },
    },
    async (request) => {
      const detail = await instrumentDetail(db(), request.params.id, requireActor(request));
      if (!detail) throw new AppError('NOT_FOUND');
      await logRead(request, 'instrument', detail.id, 'read');
      return detail;
    },
  );

  app.get(
    '/api/instruments/:id/versions/:number',
    {
      schema: {
        tags: ['instruments'],
        params: instrumentVersionParamsSchema,
        response: { 200: instrumentVersionSchema },
      },
      config: { policy: 'instrument.read' },
    },
    async (request) => {
      const version = await versionByNumber(db(), request.params.id, request.params.number);
      if (!version) throw new AppError('NOT_FOUND');
      await logRead(request, 'instrument_version', version.id, 'read');
      return version;
    },
  );

  app.get(
    '/api/instruments/:id/versions/:number/export',
    {
      schema: {
        tags: ['instruments'],
        params: instrumentVersionParamsSchema,
        response: { 200: instrumentDocumentSchema },
      },
      config: { policy: 'instrument.read' },
    },
    async (request, reply) => {
      const version = await versionByNumber(db(), request.params.id, request.params.number);
      if (!version) throw new AppError('NOT_FOUND');
      await logRead(request, 'instrument_version', version.id, 'export');
      const document: InstrumentDocument = {
        format: 'ketenlens-instrument',
        formatVersion: 1,
        code: version.code,
        kind: version.kind,
        number: version.number,
        content: version.content,
      };
      reply.header(
        'content-disposition',
        `attachment; filename="${version.code}-v${version.number}${version.status === 'draft' ? '-concept' : ''}.json"`,
      );
      return document;
    },
  );

  app.post(
    '/api/instruments/:id/draft',
    {
      schema: {
        tags: ['instruments'],
        params: idParamsSchema,
        body: z.object({}).optional(),
        response: { 201: instrumentVersionSchema },
      },
      config: { policy: 'instrument.manage' },
    },
    async (request, reply) => {
      const version = await startDraft(contextOf(request), request.params.id);
      reply.status(201);
      return version;
    },
  );

  app.put(
    '/api/instruments/:id/draft',
    {
      schema: {
        tags: ['instruments'],
        params: idParamsSchema,
        body: draftUpdateSchema,
        response: { 200: instrumentVersionSchema },
      },
      config: { policy: 'instrument.manage' },
    },
    async (request) => updateDraft(contextOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/instruments/:id/draft',
    {
      schema: { tags: ['instruments'], params: idParamsSchema, querystring: revisionQuerySchema },
      config: { policy: 'instrument.manage' },
    },
    async (request, reply) => {
      await discardDraft(contextOf(request), request.params.id, request.query.revision);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/instruments/:id/draft/publish',
    {
      schema: {
        tags: ['instruments'],
        params: idParamsSchema,
        body: publishInputSchema,
        response: { 200: instrumentVersionSchema },
      },
      config: { policy: 'instrument.manage' },
    },
    async (request) => publishDraft(contextOf(request), request.params.id, request.body.revision),
  );

  app.post(
    '/api/instruments/:id/import',
    {
      schema: {
        tags: ['instruments'],
        params: idParamsSchema,
        body: instrumentDocumentSchema,
        response: { 201: instrumentVersionSchema },
      },
      config: { policy: 'instrument.manage' },
    },
    async (request, reply) => {
      const version = await importDraft(contextOf(request), request.params.id, request.body);
      reply.status(201);
      return version;
    },
  );
}
