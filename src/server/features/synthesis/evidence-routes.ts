// HTTP routes of a thread's evidence, its supporting segments and quotes, and the programme's
// saturation. All count the cases the reader reaches (synthesis.read: the programme's case
// staff); choosing and ordering quotes is for its researchers (synthesis.write). An unknown or
// forbidden programme or thread answers 404 before any 400 about the input (preValidation).
// Reads leave an access-log entry: the evidence and saturation one for the programme's thread or
// programme (counts over cases), the segments and quotes one per case whose text is shown.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/contract/common';
import {
  chooseQuoteSchema,
  orderQuotesSchema,
  saturationQuerySchema,
  saturationSchema,
  threadEvidenceSchema,
  threadQuotesSchema,
  threadSegmentsQuerySchema,
  threadSegmentsSchema,
} from '../../../shared/contract/evidence';
import { runCommand } from '../../db/context';
import { contextOf, recordAccess, typed } from '../../http/context';
import { can, type Action } from '../../policy/policy';
import type { AccessLogEntry } from '../audit/events';
import { programmeGuard, type Reach } from '../coding/access';
import { loadThreadEvidence } from './evidence';
import { chooseQuote, orderQuotes, readQuotes, unchooseQuote } from './evidence-quotes';
import { threadOf, threadSegments, type ThreadRef } from './evidence-segments';
import { loadSaturation } from './saturation';
import { synthesisThreads } from './schema';

const threadParams = z.object({ id: z.uuid(), threadId: z.uuid() });
const quoteParams = threadParams.extend({ segmentId: z.uuid() });

type Entry = Omit<AccessLogEntry, 'userId' | 'organisationId' | 'role' | 'at' | 'requestId'>;

export async function evidenceRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.database.db;
  const tags = ['synthesis'];
  const base = '/api/programmes/:id/synthesis';

  // What a request looked up in preValidation, reused by its handler.
  const threads = new WeakMap<FastifyRequest, Promise<ThreadRef>>();

  async function guard(
    request: FastifyRequest,
    action: Action,
  ): Promise<{ reach: Reach; thread: ThreadRef | null }> {
    const { id, threadId } = request.params as { id: string; threadId?: string };
    const reach = await programmeGuard(request, id, action);
    if (!threadId) return { reach, thread: null };
    let found = threads.get(request);
    if (!found) threads.set(request, (found = threadOf(db(), reach.programmeId, threadId)));
    return { reach, thread: await found };
  }

  /** preValidation: programme, then thread, before any 400 about the input. */
  const first = (action: Action) => async (request: FastifyRequest) => {
    const { id, threadId } = request.params as { id?: string; threadId?: string };
    if (!z.uuid().safeParse(id).success) return;
    if (threadId !== undefined && !z.uuid().safeParse(threadId).success) return;
    await guard(request, action);
  };

  const read = { config: { policy: 'synthesis.read' as const } };
  const write = { config: { policy: 'synthesis.write' as const } };

  /** One entry per case whose text is shown; one for the thread when none is. */
  function perCase(
    reach: Reach,
    caseIds: string[],
    resourceType: Entry['resourceType'],
    threadId: string,
  ): Entry[] {
    const seen = [...new Set(caseIds)];
    const base = { action: 'list' as const, grounds: reach.grounds, outcome: 'success' as const };
    // An empty answer is logged too: the actor looked, even if nothing was there.
    if (seen.length === 0) return [{ ...base, caseId: null, resourceType, resourceId: threadId }];
    return seen.map((caseId) => ({ ...base, caseId, resourceType, resourceId: threadId }));
  }

  app.get(
    `${base}/threads/:threadId/evidence`,
    {
      schema: { tags, params: threadParams, response: { 200: threadEvidenceSchema } },
      ...read,
      preValidation: first('synthesis.read'),
    },
    async (request) => {
      const { reach, thread } = await guard(request, 'synthesis.read');
      const evidence = await loadThreadEvidence(
        db(),
        { programmeId: reach.programmeId, actor: reach.actor },
        thread!.threadId,
      );
      await recordAccess(request, {
        caseId: null,
        resourceType: 'thread_evidence',
        resourceId: thread!.threadId,
        action: 'read',
        grounds: reach.grounds,
        outcome: 'success',
      });
      return evidence;
    },
  );

  app.get(
    `${base}/threads/:threadId/segments`,
    {
      schema: {
        tags,
        params: threadParams,
        querystring: threadSegmentsQuerySchema,
        response: { 200: threadSegmentsSchema },
      },
      ...read,
      preValidation: first('synthesis.read'),
    },
    async (request) => {
      const { reach, thread } = await guard(request, 'synthesis.read');
      const result = await threadSegments(
        db(),
        reach.actor,
        thread!,
        request.query,
        fastify.clock(),
      );
      await recordAccess(
        request,
        ...perCase(
          reach,
          result.items.map((s) => s.caseId),
          'qda_segment',
          thread!.threadId,
        ),
      );
      return result;
    },
  );

  async function presentQuotes(request: FastifyRequest, reach: Reach, thread: ThreadRef) {
    // Quotes of a superseded or withdrawn thread stay readable, but are no longer chosen.
    const [row] = await db()
      .select({ status: synthesisThreads.status })
      .from(synthesisThreads)
      .where(eq(synthesisThreads.id, thread.threadId));
    const quotes = await readQuotes(
      db(),
      reach.actor,
      thread,
      fastify.clock(),
      row?.status === 'active' && can(reach.actor, 'synthesis.write', reach.resource),
    );
    await recordAccess(
      request,
      ...perCase(
        reach,
        quotes.items.map((q) => q.caseId),
        'thread_quote',
        thread.threadId,
      ),
    );
    return quotes;
  }

  app.get(
    `${base}/threads/:threadId/quotes`,
    {
      schema: { tags, params: threadParams, response: { 200: threadQuotesSchema } },
      ...read,
      preValidation: first('synthesis.read'),
    },
    async (request) => {
      const { reach, thread } = await guard(request, 'synthesis.read');
      return presentQuotes(request, reach, thread!);
    },
  );

  app.post(
    `${base}/threads/:threadId/quotes`,
    {
      schema: {
        tags,
        params: threadParams,
        body: chooseQuoteSchema,
        response: { 201: threadQuotesSchema },
      },
      ...write,
      preValidation: first('synthesis.write'),
    },
    async (request, reply) => {
      const { reach, thread } = await guard(request, 'synthesis.write');
      await runCommand(contextOf(request), async (scope) => {
        const { caseId } = await chooseQuote(scope, reach.actor, thread!, request.body.segmentId);
        await scope.audit({
          caseId,
          resourceType: 'thread_quote',
          resourceId: request.body.segmentId,
          action: 'create',
          grounds: reach.grounds,
          outcome: 'success',
        });
      });
      reply.status(201);
      return presentQuotes(request, reach, thread!);
    },
  );

  app.put(
    `${base}/threads/:threadId/quotes/order`,
    {
      schema: {
        tags,
        params: threadParams,
        body: orderQuotesSchema,
        response: { 200: threadQuotesSchema },
      },
      ...write,
      preValidation: first('synthesis.write'),
    },
    async (request) => {
      const { reach, thread } = await guard(request, 'synthesis.write');
      await runCommand(contextOf(request), async (scope) => {
        await orderQuotes(scope, thread!, request.body.segmentIds);
        await scope.audit({
          caseId: null,
          resourceType: 'thread_quote',
          resourceId: thread!.threadId,
          action: 'update',
          grounds: reach.grounds,
          outcome: 'success',
        });
      });
      return presentQuotes(request, reach, thread!);
    },
  );

  app.delete(
    `${base}/threads/:threadId/quotes/:segmentId`,
    {
      schema: { tags, params: quoteParams, response: { 200: threadQuotesSchema } },
      ...write,
      preValidation: first('synthesis.write'),
    },
    async (request) => {
      const { reach, thread } = await guard(request, 'synthesis.write');
      await runCommand(contextOf(request), async (scope) => {
        const { removed, caseId } = await unchooseQuote(scope, thread!, request.params.segmentId);
        if (removed)
          await scope.audit({
            caseId,
            resourceType: 'thread_quote',
            resourceId: request.params.segmentId,
            action: 'delete',
            grounds: reach.grounds,
            outcome: 'success',
          });
      });
      return presentQuotes(request, reach, thread!);
    },
  );

  app.get(
    `${base}/saturation`,
    {
      schema: {
        tags,
        params: idParamsSchema,
        querystring: saturationQuerySchema,
        response: { 200: saturationSchema },
      },
      ...read,
      preValidation: first('synthesis.read'),
    },
    async (request) => {
      const { reach } = await guard(request, 'synthesis.read');
      const saturation = await loadSaturation(
        db(),
        { programmeId: reach.programmeId, actor: reach.actor },
        { bucket: request.query.bucket },
      );
      const entries: Entry[] = [
        {
          caseId: null,
          resourceType: 'synthesis_saturation',
          resourceId: reach.programmeId,
          action: 'read',
          grounds: reach.grounds,
          outcome: 'success',
        },
      ];
      // One case per point: the case codes are shown, so each case read is logged.
      for (const p of saturation.points)
        if (p.caseId)
          entries.push({
            caseId: p.caseId,
            resourceType: 'synthesis_saturation',
            resourceId: reach.programmeId,
            action: 'list',
            grounds: reach.grounds,
            outcome: 'success',
          });
      await recordAccess(request, ...entries);
      return saturation;
    },
  );
}
