// Commands of recommendations: create (numbered per programme under the programme lock), edit
// with the version it was based on, move through the review states, record the verdicts and
// comments of the review conversation, and add or remove samenhang links. `version` counts the
// versions of the content (title, text, group, threads): a review names the version it judged,
// and every edit after approval sends the recommendation back to review, so what is published is
// always a reviewed version. Each command writes its history and access-log entry in its own
// transaction: nothing is stored half.
import { and, eq, inArray, max } from 'drizzle-orm';
import type { z } from 'zod';
import { runCommand, type CommandScope, type RequestContext, type Tx } from '../../db/context';
import { AppError } from '../../http/errors';
import {
  researcherMoves,
  verdictStates,
  type linkInputSchema,
  type recommendationInputSchema,
  type recommendationMoveSchema,
  type recommendationUpdateSchema,
  type RecommendationChange,
  type reviewInputSchema,
  type ReviewState,
} from '../../../shared/contract/recommendations';
import { synthesisThreads } from '../synthesis/schema';
import { invalid, lockProgramme, type Reach, type RecommendationRow } from './access';
import {
  recommendationHistory,
  recommendationLinks,
  recommendationReviews,
  recommendationThreads,
  recommendations,
} from './schema';

export type RecommendationCtx = RequestContext & { reach: Reach };

type Snapshot = {
  title: string;
  body: string;
  stakeholderGroup: string;
  threadIds: string[];
  reviewState: string;
  withdrawnReason: string | null;
};

const snapshotOf = (row: RecommendationRow, threadIds: string[]): Snapshot => ({
  title: row.title,
  body: row.body,
  stakeholderGroup: row.stakeholderGroup,
  threadIds: [...threadIds].sort(),
  reviewState: row.reviewState,
  withdrawnReason: row.withdrawnReason,
});

async function remember(
  scope: CommandScope,
  ctx: RecommendationCtx,
  entry: {
    recommendationId: string;
    version: number;
    change: RecommendationChange;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  },
) {
  await scope.tx.insert(recommendationHistory).values({
    ...entry,
    changedBy: ctx.reach.actor.userId,
    changedAt: scope.now,
  });
}

function audit(
  scope: CommandScope,
  ctx: RecommendationCtx,
  resourceType: 'recommendation' | 'recommendation_review',
  resourceId: string,
  action: 'create' | 'update',
) {
  return scope.audit({
    caseId: null,
    resourceType,
    resourceId,
    action,
    grounds: ctx.reach.grounds,
    outcome: 'success',
  });
}

function stale(current: unknown, yours: unknown): AppError {
  return new AppError(
    'CONFLICT',
    'Iemand anders heeft deze aanbeveling intussen gewijzigd. Vergelijk beide versies en kies wat blijft.',
    { current, yours, reason: 'stale_version' },
  );
}

/** Locks the recommendation row for this change. */
async function lockRecommendation(tx: Tx, programmeId: string, id: string) {
  const [row] = await tx
    .select()
    .from(recommendations)
    .where(and(eq(recommendations.id, id), eq(recommendations.programmeId, programmeId)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function linkedThreadIds(tx: Tx, id: string): Promise<string[]> {
  const rows = await tx
    .select({ threadId: recommendationThreads.threadId })
    .from(recommendationThreads)
    .where(eq(recommendationThreads.recommendationId, id));
  return rows.map((r) => r.threadId);
}

function checkGroup(ctx: RecommendationCtx, group: string) {
  if (!ctx.reach.programme.stakeholderGroups.some((g) => g.code === group))
    throw invalid(
      'stakeholderGroup',
      'Kies een stakeholdergroep uit de lijst van dit programma.',
      'unknown_stakeholder_group',
    );
}

/**
 * Threads must be of this programme; a thread that was superseded or withdrawn may stay linked
 * (it was linked while active) but cannot be newly linked. Locks the threads FOR SHARE, so a
 * thread cannot be superseded halfway through.
 */
async function checkThreads(
  tx: Tx,
  programmeId: string,
  threadIds: string[],
  alreadyLinked: string[],
) {
  const rows = await tx
    .select({
      id: synthesisThreads.id,
      programmeId: synthesisThreads.programmeId,
      status: synthesisThreads.status,
      number: synthesisThreads.number,
    })
    .from(synthesisThreads)
    .where(inArray(synthesisThreads.id, threadIds))
    .for('share');
  const byId = new Map(rows.map((r) => [r.id, r]));
  threadIds.forEach((id, index) => {
    const thread = byId.get(id);
    const path = `threadIds.${index}`;
    if (!thread) throw invalid(path, 'Deze rode draad bestaat niet.', 'thread_not_found');
    if (thread.programmeId !== programmeId)
      throw invalid(
        path,
        'Deze rode draad hoort bij een ander programma. Kies een rode draad van dit programma.',
        'thread_other_programme',
      );
    if (thread.status !== 'active' && !alreadyLinked.includes(id))
      throw invalid(
        path,
        `Rode draad ${thread.number} is vervangen of ingetrokken en kan niet meer worden gekoppeld.`,
        'thread_not_active',
      );
  });
}

async function insertLink(
  scope: CommandScope,
  ctx: RecommendationCtx,
  row: RecommendationRow,
  link: z.output<typeof linkInputSchema>,
  path: string,
) {
  const { tx } = scope;
  if (link.recommendationId === row.id)
    throw invalid(path, 'Een aanbeveling kan niet met zichzelf samenhangen.', 'link_to_self');
  const [other] = await tx
    .select()
    .from(recommendations)
    .where(eq(recommendations.id, link.recommendationId))
    .for('update');
  if (!other || other.programmeId !== row.programmeId)
    throw invalid(
      path,
      'Deze aanbeveling hoort niet bij dit programma. Kies een aanbeveling uit de lijst.',
      'recommendation_other_programme',
    );
  if (other.reviewState === 'withdrawn')
    throw invalid(
      path,
      `Aanbeveling ${other.number} is ingetrokken en kan niet meer worden gekoppeld.`,
      'recommendation_withdrawn',
    );
  const [fromId, toId] = row.id < other.id ? [row.id, other.id] : [other.id, row.id];
  const [existing] = await tx
    .select({ fromId: recommendationLinks.fromId })
    .from(recommendationLinks)
    .where(and(eq(recommendationLinks.fromId, fromId), eq(recommendationLinks.toId, toId)));
  if (existing)
    throw new AppError(
      'CONFLICT',
      `Deze aanbeveling hangt al samen met aanbeveling ${other.number}.`,
      {
        reason: 'already_linked',
      },
    );
  await tx.insert(recommendationLinks).values({
    fromId,
    toId,
    note: link.note,
    createdBy: ctx.reach.actor.userId,
    createdAt: scope.now,
  });
  const after = { linkedWith: other.number, note: link.note };
  await remember(scope, ctx, {
    recommendationId: row.id,
    version: row.version,
    change: 'link_added',
    before: null,
    after,
  });
  await remember(scope, ctx, {
    recommendationId: other.id,
    version: other.version,
    change: 'link_added',
    before: null,
    after: { linkedWith: row.number, note: link.note },
  });
}

export function createRecommendation(
  ctx: RecommendationCtx,
  input: z.output<typeof recommendationInputSchema>,
): Promise<string> {
  const programmeId = ctx.reach.programme.id;
  return runCommand(ctx, async (scope) => {
    const { tx } = scope;
    await lockProgramme(tx, programmeId);
    checkGroup(ctx, input.stakeholderGroup);
    await checkThreads(tx, programmeId, input.threadIds, []);
    const [last] = await tx
      .select({ n: max(recommendations.number) })
      .from(recommendations)
      .where(eq(recommendations.programmeId, programmeId));
    const number = (last?.n ?? 0) + 1;
    const [row] = await tx
      .insert(recommendations)
      .values({
        programmeId,
        number,
        stakeholderGroup: input.stakeholderGroup,
        title: input.title,
        body: input.body,
        sortOrder: number,
        createdBy: ctx.reach.actor.userId,
        createdAt: scope.now,
        updatedAt: scope.now,
      })
      .returning();
    await tx
      .insert(recommendationThreads)
      .values(input.threadIds.map((threadId) => ({ recommendationId: row!.id, threadId })));
    await remember(scope, ctx, {
      recommendationId: row!.id,
      version: 1,
      change: 'created',
      before: null,
      after: snapshotOf(row!, input.threadIds),
    });
    const seen = new Set<string>();
    for (const [index, link] of input.links.entries()) {
      if (seen.has(link.recommendationId))
        throw invalid(`links.${index}`, 'Elke aanbeveling mag maar één keer voorkomen.');
      seen.add(link.recommendationId);
      await insertLink(scope, ctx, row!, link, `links.${index}.recommendationId`);
    }
    await audit(scope, ctx, 'recommendation', row!.id, 'create');
    return row!.id;
  });
}

export function updateRecommendation(
  ctx: RecommendationCtx,
  id: string,
  input: z.output<typeof recommendationUpdateSchema>,
): Promise<void> {
  const programmeId = ctx.reach.programme.id;
  return runCommand(ctx, async (scope) => {
    const { tx } = scope;
    const row = await lockRecommendation(tx, programmeId, id);
    const threadIds = await linkedThreadIds(tx, id);
    const before = snapshotOf(row, threadIds);
    if (row.version !== input.version) throw stale({ ...before, version: row.version }, input);
    if (row.reviewState === 'withdrawn')
      throw new AppError(
        'CONFLICT',
        'Een ingetrokken aanbeveling kan niet meer worden gewijzigd.',
        {
          reason: 'withdrawn',
        },
      );
    checkGroup(ctx, input.stakeholderGroup);
    await checkThreads(tx, programmeId, input.threadIds, threadIds);
    const content = {
      title: input.title,
      body: input.body,
      stakeholderGroup: input.stakeholderGroup,
      threadIds: [...input.threadIds].sort(),
    };
    const isUnchanged =
      content.title === before.title &&
      content.body === before.body &&
      content.stakeholderGroup === before.stakeholderGroup &&
      JSON.stringify(content.threadIds) === JSON.stringify(before.threadIds);
    if (isUnchanged) return;
    // A reviewed version must be the published one: a change after approval goes back to review.
    const reviewState: ReviewState =
      row.reviewState === 'approved' || row.reviewState === 'published'
        ? 'in_review'
        : (row.reviewState as ReviewState);
    const [updated] = await tx
      .update(recommendations)
      .set({
        title: input.title,
        body: input.body,
        stakeholderGroup: input.stakeholderGroup,
        reviewState,
        publishedAt: reviewState === 'published' ? row.publishedAt : null,
        version: row.version + 1,
        updatedAt: scope.now,
      })
      .where(eq(recommendations.id, id))
      .returning();
    await tx.delete(recommendationThreads).where(eq(recommendationThreads.recommendationId, id));
    await tx
      .insert(recommendationThreads)
      .values(input.threadIds.map((threadId) => ({ recommendationId: id, threadId })));
    await remember(scope, ctx, {
      recommendationId: id,
      version: updated!.version,
      change: 'updated',
      before,
      after: snapshotOf(updated!, input.threadIds),
    });
    await audit(scope, ctx, 'recommendation', id, 'update');
  });
}

export function moveRecommendation(
  ctx: RecommendationCtx,
  id: string,
  input: z.output<typeof recommendationMoveSchema>,
): Promise<void> {
  const programmeId = ctx.reach.programme.id;
  return runCommand(ctx, async (scope) => {
    const { tx } = scope;
    const row = await lockRecommendation(tx, programmeId, id);
    const threadIds = await linkedThreadIds(tx, id);
    const before = snapshotOf(row, threadIds);
    if (row.version !== input.version) throw stale({ ...before, version: row.version }, input);
    const from = row.reviewState as ReviewState;
    if (!researcherMoves[from].includes(input.to))
      throw new AppError(
        'CONFLICT',
        input.to === 'published'
          ? 'Alleen een aanbeveling die ervaringsdeskundigen hebben goedgekeurd kan worden gepubliceerd.'
          : 'Deze stap kan nu niet: de aanbeveling staat in een andere fase.',
        { reason: input.to === 'published' ? 'not_approved' : 'invalid_transition', from },
      );
    if (input.to === 'withdrawn' && input.reason.length === 0)
      throw invalid('reason', 'Schrijf op waarom de aanbeveling wordt ingetrokken.');
    if (input.to === 'published') {
      // Belt and braces: the state says approved; the approval must be of this very version.
      const [approval] = await tx
        .select({ id: recommendationReviews.id })
        .from(recommendationReviews)
        .where(
          and(
            eq(recommendationReviews.recommendationId, id),
            eq(recommendationReviews.recommendationVersion, row.version),
            eq(recommendationReviews.verdict, 'approve'),
          ),
        )
        .limit(1);
      if (!approval)
        throw new AppError(
          'CONFLICT',
          'Deze versie is nog niet goedgekeurd door een ervaringsdeskundige.',
          { reason: 'not_approved', from },
        );
    }
    const [updated] = await tx
      .update(recommendations)
      .set({
        reviewState: input.to,
        withdrawnReason: input.to === 'withdrawn' ? input.reason : null,
        publishedAt: input.to === 'published' ? scope.now : null,
        updatedAt: scope.now,
      })
      .where(eq(recommendations.id, id))
      .returning();
    await remember(scope, ctx, {
      recommendationId: id,
      version: row.version,
      change: 'state_changed',
      before: { reviewState: from },
      after: {
        reviewState: input.to,
        ...(input.to === 'withdrawn' ? { withdrawnReason: updated!.withdrawnReason } : {}),
      },
    });
    await audit(scope, ctx, 'recommendation', id, 'update');
  });
}

/** A verdict or comment of an expert by experience on the current version. */
export function reviewRecommendation(
  ctx: RecommendationCtx,
  id: string,
  input: z.output<typeof reviewInputSchema>,
): Promise<void> {
  const programmeId = ctx.reach.programme.id;
  return runCommand(ctx, async (scope) => {
    const { tx } = scope;
    const row = await lockRecommendation(tx, programmeId, id);
    const from = row.reviewState as ReviewState;
    if (from === 'withdrawn')
      throw new AppError('CONFLICT', 'Deze aanbeveling is ingetrokken.', { reason: 'withdrawn' });
    if (row.version !== input.version)
      throw new AppError(
        'CONFLICT',
        'De aanbeveling is veranderd sinds je hem opende. Lees de nieuwe versie en geef dan je oordeel.',
        { reason: 'stale_version', current: { version: row.version }, yours: input },
      );
    if (input.verdict !== 'approve' && input.comment.length === 0)
      throw invalid(
        'comment',
        input.verdict === 'request_changes'
          ? 'Schrijf op wat er anders moet.'
          : 'Schrijf een reactie.',
      );
    let to = from;
    if (input.verdict !== 'comment') {
      if (!verdictStates.includes(from))
        throw new AppError(
          'CONFLICT',
          'Deze aanbeveling wacht nu niet op een oordeel. Je kunt wel een reactie geven.',
          { reason: 'not_in_review', from },
        );
      to = input.verdict === 'approve' ? 'approved' : 'changes_requested';
    }
    const [review] = await tx
      .insert(recommendationReviews)
      .values({
        recommendationId: id,
        recommendationVersion: row.version,
        reviewerId: ctx.reach.actor.userId,
        verdict: input.verdict,
        comment: input.comment,
        createdAt: scope.now,
      })
      .returning({ id: recommendationReviews.id });
    if (to !== from)
      await tx
        .update(recommendations)
        .set({ reviewState: to, updatedAt: scope.now })
        .where(eq(recommendations.id, id));
    // A verdict is a change of the recommendation; a plain comment lives in the conversation.
    if (input.verdict !== 'comment')
      await remember(scope, ctx, {
        recommendationId: id,
        version: row.version,
        change: 'reviewed',
        before: { reviewState: from },
        after: { reviewState: to, verdict: input.verdict },
      });
    await audit(scope, ctx, 'recommendation_review', review!.id, 'create');
  });
}

/** A researcher's reply in the review conversation. */
export function commentOnRecommendation(
  ctx: RecommendationCtx,
  id: string,
  comment: string,
): Promise<void> {
  const programmeId = ctx.reach.programme.id;
  return runCommand(ctx, async (scope) => {
    const row = await lockRecommendation(scope.tx, programmeId, id);
    if (row.reviewState === 'withdrawn')
      throw new AppError('CONFLICT', 'Deze aanbeveling is ingetrokken.', { reason: 'withdrawn' });
    const [review] = await scope.tx
      .insert(recommendationReviews)
      .values({
        recommendationId: id,
        recommendationVersion: row.version,
        reviewerId: ctx.reach.actor.userId,
        verdict: 'comment',
        comment,
        createdAt: scope.now,
      })
      .returning({ id: recommendationReviews.id });
    await audit(scope, ctx, 'recommendation_review', review!.id, 'create');
  });
}

export function linkRecommendation(
  ctx: RecommendationCtx,
  id: string,
  input: z.output<typeof linkInputSchema>,
): Promise<void> {
  const programmeId = ctx.reach.programme.id;
  return runCommand(ctx, async (scope) => {
    // Both rows are locked in id order by the programme lock first: two people linking the same
    // pair from either side never deadlock.
    await lockProgramme(scope.tx, programmeId);
    const row = await lockRecommendation(scope.tx, programmeId, id);
    if (row.reviewState === 'withdrawn')
      throw new AppError('CONFLICT', 'Deze aanbeveling is ingetrokken.', { reason: 'withdrawn' });
    await insertLink(scope, ctx, row, input, 'recommendationId');
    await audit(scope, ctx, 'recommendation', id, 'update');
  });
}

/**
 * Removes a samenhang link from either side. Removing a link that is already gone changes
 * nothing (a repeated click); a recommendation outside the programme is refused.
 */
export function unlinkRecommendation(
  ctx: RecommendationCtx,
  id: string,
  otherId: string,
): Promise<void> {
  const programmeId = ctx.reach.programme.id;
  return runCommand(ctx, async (scope) => {
    const { tx } = scope;
    await lockProgramme(tx, programmeId);
    const row = await lockRecommendation(tx, programmeId, id);
    const [other] = await tx.select().from(recommendations).where(eq(recommendations.id, otherId));
    if (!other || other.programmeId !== programmeId)
      throw invalid(
        'otherId',
        'Deze aanbeveling hoort niet bij dit programma.',
        'recommendation_other_programme',
      );
    const [fromId, toId] = id < otherId ? [id, otherId] : [otherId, id];
    const [removed] = await tx
      .delete(recommendationLinks)
      .where(and(eq(recommendationLinks.fromId, fromId), eq(recommendationLinks.toId, toId)))
      .returning();
    if (!removed) return;
    await remember(scope, ctx, {
      recommendationId: id,
      version: row.version,
      change: 'link_removed',
      before: { linkedWith: other.number, note: removed.note },
      after: null,
    });
    await remember(scope, ctx, {
      recommendationId: otherId,
      version: other.version,
      change: 'link_removed',
      before: { linkedWith: row.number, note: removed.note },
      after: null,
    });
    await audit(scope, ctx, 'recommendation', id, 'update');
  });
}
