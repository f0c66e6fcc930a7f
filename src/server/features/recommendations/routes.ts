// HTTP routes of recommendations. Every route reaches its programme (and recommendation) through
// access.ts in preValidation, so what the actor may not reach answers 404 before any 400 about
// the input; every read and write is in the access log. A change answers with the recommendation
// as it now is (logged as a read as well). Policymakers never come here: they see published
// recommendations only through the suppressed aggregates of the thematic report.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { idParamsSchema } from '../../../shared/contract/common';
import {
  commentInputSchema,
  linkInputSchema,
  recommendationHistorySchema,
  recommendationInputSchema,
  recommendationLinkParamsSchema,
  recommendationListQuerySchema,
  recommendationListSchema,
  recommendationMatrixSchema,
  recommendationMoveSchema,
  recommendationParamsSchema,
  recommendationSchema,
  recommendationUpdateSchema,
  researcherMoves,
  reviewInputSchema,
  verdictStates,
  type Recommendation,
  type ReviewState,
} from '../../../shared/contract/recommendations';
import { contextOf, recordAccess, typed } from '../../http/context';
import { can } from '../../policy/policy';
import {
  forgetLookups,
  programmeFirst,
  programmeGuard,
  recommendationFirst,
  recommendationGuard,
  type Reach,
} from './access';
import {
  linksOf,
  listRecommendations,
  programmeThreads,
  recommendationChanges,
  recommendationMatrix,
  reviewsOf,
  threadsOf,
} from './queries';
import {
  commentOnRecommendation,
  createRecommendation,
  linkRecommendation,
  moveRecommendation,
  reviewRecommendation,
  unlinkRecommendation,
  updateRecommendation,
} from './save-recommendation';

export async function recommendationRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.database.db;
  const tags = ['recommendations'];
  const base = '/api/programmes/:id/recommendations';
  const one = `${base}/:recommendationId`;

  const ctxOf = (request: FastifyRequest, reach: Reach) => ({ ...contextOf(request), reach });

  /**
   * A command on one recommendation: its guard for `action`, the command, then the recommendation
   * as it is now (with its access-log entry).
   */
  async function onRecommendation(
    request: FastifyRequest,
    action: 'recommendation.write' | 'recommendation.review',
    command: (ctx: ReturnType<typeof ctxOf>, recommendationId: string) => Promise<unknown>,
  ): Promise<Recommendation> {
    const { id, recommendationId } = request.params as { id: string; recommendationId: string };
    const reach = await recommendationGuard(request, id, recommendationId, action);
    await command(ctxOf(request, reach), recommendationId);
    return present(request, id, recommendationId);
  }

  const logRead = (request: FastifyRequest, reach: Reach, resourceId: string | null) =>
    recordAccess(request, {
      caseId: null,
      resourceType: 'recommendation',
      resourceId,
      action: resourceId ? 'read' : 'list',
      grounds: reach.grounds,
      outcome: 'success',
    });

  /** The recommendation as it is now, with its abilities and access-log entry. */
  async function present(
    request: FastifyRequest,
    programmeId: string,
    recommendationId: string,
  ): Promise<Recommendation> {
    forgetLookups(request);
    const reach = await recommendationGuard(
      request,
      programmeId,
      recommendationId,
      'synthesis.read',
    );
    const { record, actor, resource, programme } = reach;
    const [threads, links, reviews] = await Promise.all([
      threadsOf(db(), record.id),
      linksOf(db(), record.id),
      reviewsOf(db(), record.id),
    ]);
    await logRead(request, reach, record.id);
    const state = record.reviewState as ReviewState;
    const isWriter = can(actor, 'recommendation.write', resource);
    const isReviewer = can(actor, 'recommendation.review', resource);
    const group = programme.stakeholderGroups.find((g) => g.code === record.stakeholderGroup);
    return {
      id: record.id,
      programmeId: record.programmeId,
      number: record.number,
      title: record.title,
      body: record.body,
      stakeholderGroup: {
        code: record.stakeholderGroup,
        label: group?.label ?? record.stakeholderGroup,
      },
      reviewState: state,
      withdrawnReason: record.withdrawnReason,
      publishedAt: record.publishedAt?.toISOString() ?? null,
      version: record.version,
      createdAt: record.createdAt.toISOString(),
      updatedAt: record.updatedAt.toISOString(),
      threads,
      links,
      reviews,
      nextStates: isWriter ? [...researcherMoves[state]] : [],
      abilities: {
        edit: isWriter && state !== 'withdrawn',
        move: isWriter && researcherMoves[state].length > 0,
        link: isWriter && state !== 'withdrawn',
        review: isReviewer && state !== 'withdrawn',
        verdict: isReviewer && verdictStates.includes(state),
        reply: isWriter && state !== 'withdrawn',
      },
    };
  }

  app.get(
    base,
    {
      schema: {
        tags,
        params: idParamsSchema,
        querystring: recommendationListQuerySchema,
        response: { 200: recommendationListSchema },
      },
      config: { policy: 'synthesis.read' },
      preValidation: programmeFirst('synthesis.read'),
    },
    async (request) => {
      const reach = await programmeGuard(request, request.params.id, 'synthesis.read');
      const isReviewer = can(reach.actor, 'recommendation.review', reach.resource);
      const [threads, listed] = await Promise.all([
        programmeThreads(db(), reach.programme.id),
        listRecommendations(db(), {
          actor: reach.actor,
          programmeId: reach.programme.id,
          isReviewer,
          ...request.query,
        }),
      ]);
      await logRead(request, reach, null);
      return {
        programme: {
          id: reach.programme.id,
          name: reach.programme.name,
          stakeholderGroups: reach.programme.stakeholderGroups.map((g) => ({
            code: g.code,
            label: g.label,
          })),
        },
        threads,
        ...listed,
        abilities: {
          write: can(reach.actor, 'recommendation.write', reach.resource),
          review: isReviewer,
        },
      };
    },
  );

  app.get(
    `${base}/matrix`,
    {
      schema: { tags, params: idParamsSchema, response: { 200: recommendationMatrixSchema } },
      config: { policy: 'synthesis.read' },
      preValidation: programmeFirst('synthesis.read'),
    },
    async (request) => {
      const reach = await programmeGuard(request, request.params.id, 'synthesis.read');
      const matrix = await recommendationMatrix(
        db(),
        reach.programme.id,
        reach.programme.stakeholderGroups,
      );
      await logRead(request, reach, null);
      return matrix;
    },
  );

  app.post(
    base,
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: recommendationInputSchema,
        response: { 201: recommendationSchema },
      },
      config: { policy: 'recommendation.write' },
      preValidation: programmeFirst('recommendation.write'),
    },
    async (request, reply) => {
      const reach = await programmeGuard(request, request.params.id, 'recommendation.write');
      const id = await createRecommendation(ctxOf(request, reach), request.body);
      reply.status(201);
      return present(request, reach.programme.id, id);
    },
  );

  app.get(
    one,
    {
      schema: { tags, params: recommendationParamsSchema, response: { 200: recommendationSchema } },
      config: { policy: 'synthesis.read' },
      preValidation: recommendationFirst('synthesis.read'),
    },
    async (request) => present(request, request.params.id, request.params.recommendationId),
  );

  app.put(
    one,
    {
      schema: {
        tags,
        params: recommendationParamsSchema,
        body: recommendationUpdateSchema,
        response: { 200: recommendationSchema },
      },
      config: { policy: 'recommendation.write' },
      preValidation: recommendationFirst('recommendation.write'),
    },
    async (request) =>
      onRecommendation(request, 'recommendation.write', (ctx, recommendationId) =>
        updateRecommendation(ctx, recommendationId, request.body),
      ),
  );

  app.post(
    `${one}/state`,
    {
      schema: {
        tags,
        params: recommendationParamsSchema,
        body: recommendationMoveSchema,
        response: { 200: recommendationSchema },
      },
      config: { policy: 'recommendation.write' },
      preValidation: recommendationFirst('recommendation.write'),
    },
    async (request) =>
      onRecommendation(request, 'recommendation.write', (ctx, recommendationId) =>
        moveRecommendation(ctx, recommendationId, request.body),
      ),
  );

  app.post(
    `${one}/reviews`,
    {
      schema: {
        tags,
        params: recommendationParamsSchema,
        body: reviewInputSchema,
        response: { 201: recommendationSchema },
      },
      config: { policy: 'recommendation.review' },
      preValidation: recommendationFirst('recommendation.review'),
    },
    async (request, reply) => {
      const answer = await onRecommendation(
        request,
        'recommendation.review',
        (ctx, recommendationId) => reviewRecommendation(ctx, recommendationId, request.body),
      );
      reply.status(201);
      return answer;
    },
  );

  app.post(
    `${one}/comments`,
    {
      schema: {
        tags,
        params: recommendationParamsSchema,
        body: commentInputSchema,
        response: { 201: recommendationSchema },
      },
      config: { policy: 'recommendation.write' },
      preValidation: recommendationFirst('recommendation.write'),
    },
    async (request, reply) => {
      const answer = await onRecommendation(
        request,
        'recommendation.write',
        (ctx, recommendationId) =>
          commentOnRecommendation(ctx, recommendationId, request.body.comment),
      );
      reply.status(201);
      return answer;
    },
  );

  app.post(
    `${one}/links`,
    {
      schema: {
        tags,
        params: recommendationParamsSchema,
        body: linkInputSchema,
        response: { 201: recommendationSchema },
      },
      config: { policy: 'recommendation.write' },
      preValidation: recommendationFirst('recommendation.write'),
    },
    async (request, reply) => {
      const answer = await onRecommendation(
        request,
        'recommendation.write',
        (ctx, recommendationId) => linkRecommendation(ctx, recommendationId, request.body),
      );
      reply.status(201);
      return answer;
    },
  );

  app.delete(
    `${one}/links/:otherId`,
    {
      schema: {
        tags,
        params: recommendationLinkParamsSchema,
        response: { 200: recommendationSchema },
      },
      config: { policy: 'recommendation.write' },
      preValidation: recommendationFirst('recommendation.write'),
    },
    async (request) =>
      onRecommendation(request, 'recommendation.write', (ctx, recommendationId) =>
        unlinkRecommendation(ctx, recommendationId, request.params.otherId),
      ),
  );

  app.get(
    `${one}/history`,
    {
      schema: {
        tags,
        params: recommendationParamsSchema,
        response: { 200: recommendationHistorySchema },
      },
      config: { policy: 'synthesis.read' },
      preValidation: recommendationFirst('synthesis.read'),
    },
    async (request) => {
      const { id, recommendationId } = request.params;
      const reach = await recommendationGuard(request, id, recommendationId, 'synthesis.read');
      const items = await recommendationChanges(db(), recommendationId);
      await logRead(request, reach, recommendationId);
      return { items };
    },
  );
}
