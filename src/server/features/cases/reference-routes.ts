// HTTP routes of the reference-list administration (administrators only): read every list
// with its usage, add an entry, change label or marker, archive or restore, set the order.
// Each change answers with the list as it now is.
import type { FastifyInstance } from 'fastify';
import {
  referenceArchiveSchema,
  referenceEntryInputSchema,
  referenceEntryParamsSchema,
  referenceEntryUpdateSchema,
  referenceListParamsSchema,
  referenceListSchema,
  referenceListsSchema,
  referenceOrderSchema,
} from '../../../shared/contract/reference-lists';
import { contextOf, typed } from '../../http/context';
import { getReferenceList, getReferenceLists } from './reference-admin';
import {
  addReferenceEntry,
  setReferenceEntryArchived,
  setReferenceOrder,
  updateReferenceEntry,
} from './save-reference';

export async function referenceListRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.database.db;
  const tags = ['reference-lists'];

  app.get(
    '/api/reference-lists',
    {
      schema: { tags, response: { 200: referenceListsSchema } },
      config: { policy: 'case.reference.manage' },
    },
    async () => getReferenceLists(db()),
  );
  app.post(
    '/api/reference-lists/:list/entries',
    {
      schema: {
        tags,
        params: referenceListParamsSchema,
        body: referenceEntryInputSchema,
        response: { 201: referenceListSchema },
      },
      config: { policy: 'case.reference.manage' },
    },
    async (request, reply) => {
      await addReferenceEntry(contextOf(request), request.params.list, request.body);
      reply.status(201);
      return getReferenceList(db(), request.params.list);
    },
  );
  app.put(
    '/api/reference-lists/:list/entries/:code',
    {
      schema: {
        tags,
        params: referenceEntryParamsSchema,
        body: referenceEntryUpdateSchema,
        response: { 200: referenceListSchema },
      },
      config: { policy: 'case.reference.manage' },
    },
    async (request) => {
      const { list, code } = request.params;
      await updateReferenceEntry(contextOf(request), list, code, request.body);
      return getReferenceList(db(), list);
    },
  );
  app.post(
    '/api/reference-lists/:list/entries/:code/archive',
    {
      schema: {
        tags,
        params: referenceEntryParamsSchema,
        body: referenceArchiveSchema,
        response: { 200: referenceListSchema },
      },
      config: { policy: 'case.reference.manage' },
    },
    async (request) => {
      const { list, code } = request.params;
      await setReferenceEntryArchived(contextOf(request), list, code, request.body.isArchived);
      return getReferenceList(db(), list);
    },
  );
  app.put(
    '/api/reference-lists/:list/order',
    {
      schema: {
        tags,
        params: referenceListParamsSchema,
        body: referenceOrderSchema,
        response: { 200: referenceListSchema },
      },
      config: { policy: 'case.reference.manage' },
    },
    async (request) => {
      await setReferenceOrder(contextOf(request), request.params.list, request.body.codes);
      return getReferenceList(db(), request.params.list);
    },
  );
}
