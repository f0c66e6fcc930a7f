// Reads of recommendations: the list of a programme (filtered in SQL), the matrix threads ×
// stakeholder groups, one recommendation with its threads, samenhang and review conversation, and
// its history. Threads are read straight from the synthesis tables; none of these reads touch
// case data, so they stay as fast at 20,000 cases as at 20.
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import type { Tx } from '../../db/context';
import type { Actor } from '../../policy/policy';
import {
  type MatrixCellItem,
  type RecommendationHistory,
  type RecommendationMatrix,
  type RecommendationSummary,
  type ReviewState,
  type ReviewVerdict,
  type SamenhangLink,
  type ThreadRef,
  type ThreadStatus,
  type RecommendationChange,
} from '../../../shared/contract/recommendations';
import type { StakeholderGroup } from '../../../shared/contract/organisations';
import { users } from '../auth/schema';
import { synthesisThreads } from '../synthesis/schema';
import {
  isLiveRecommendation,
  recommendationHistory,
  recommendationLinks,
  recommendationReviews,
  recommendationThreads,
  recommendations,
} from './schema';

type Reader = Db | Tx;

const threadRefColumns = {
  id: synthesisThreads.id,
  number: synthesisThreads.number,
  title: synthesisThreads.title,
  status: synthesisThreads.status,
};
const asThreadRef = (t: { id: string; number: number; title: string; status: string }) => ({
  ...t,
  status: t.status as ThreadStatus,
});

/** Every thread of the programme: active first, then by number. */
export async function programmeThreads(db: Reader, programmeId: string): Promise<ThreadRef[]> {
  const rows = await db
    .select(threadRefColumns)
    .from(synthesisThreads)
    .where(eq(synthesisThreads.programmeId, programmeId))
    .orderBy(
      sql`case when ${synthesisThreads.status} = 'active' then 0 else 1 end`,
      asc(synthesisThreads.number),
    );
  return rows.map(asThreadRef);
}

/**
 * A condition: this recommendation's current version waits for the expert's verdict. The outer
 * columns are written out qualified: in a select list without joins drizzle leaves them bare,
 * and a bare "id" would name the review's own id inside the subquery.
 */
function awaitsReviewOf(userId: string): SQL {
  return sql`(${recommendations.reviewState} = 'in_review' and not exists (
    select 1 from ${recommendationReviews} rv
    where rv.recommendation_id = recommendations.id
      and rv.recommendation_version = recommendations.version
      and rv.reviewer_id = ${userId}
      and rv.verdict in ('approve', 'request_changes')))`;
}

export async function listRecommendations(
  db: Db,
  params: {
    actor: Actor;
    programmeId: string;
    isReviewer: boolean;
    state?: ReviewState;
    threadId?: string;
    group?: string;
    toReview?: boolean;
  },
): Promise<{ items: RecommendationSummary[]; links: SamenhangLink[] }> {
  const where: SQL[] = [eq(recommendations.programmeId, params.programmeId)];
  if (params.state) where.push(eq(recommendations.reviewState, params.state));
  if (params.group) where.push(eq(recommendations.stakeholderGroup, params.group));
  if (params.threadId)
    where.push(
      sql`exists (select 1 from ${recommendationThreads} rt
        where rt.recommendation_id = ${recommendations.id} and rt.thread_id = ${params.threadId})`,
    );
  const awaits = params.isReviewer ? awaitsReviewOf(params.actor.userId) : sql`false`;
  if (params.toReview) where.push(params.isReviewer ? awaits : sql`false`);
  const rows = await db
    .select({
      id: recommendations.id,
      number: recommendations.number,
      title: recommendations.title,
      stakeholderGroup: recommendations.stakeholderGroup,
      reviewState: recommendations.reviewState,
      version: recommendations.version,
      updatedAt: recommendations.updatedAt,
      awaitsMyReview: sql<boolean>`${awaits}`.mapWith(Boolean),
    })
    .from(recommendations)
    .where(and(...where))
    .orderBy(asc(recommendations.number));
  const placed = rows.length
    ? await db
        .select({
          recommendationId: recommendationThreads.recommendationId,
          threadId: recommendationThreads.threadId,
        })
        .from(recommendationThreads)
        .innerJoin(synthesisThreads, eq(synthesisThreads.id, recommendationThreads.threadId))
        .where(
          inArray(
            recommendationThreads.recommendationId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(synthesisThreads.number))
    : [];
  const threadIds = new Map<string, string[]>();
  for (const p of placed) {
    const list = threadIds.get(p.recommendationId) ?? [];
    list.push(p.threadId);
    threadIds.set(p.recommendationId, list);
  }
  const links = await db
    .select({
      fromId: recommendationLinks.fromId,
      toId: recommendationLinks.toId,
      note: recommendationLinks.note,
    })
    .from(recommendationLinks)
    .innerJoin(recommendations, eq(recommendations.id, recommendationLinks.fromId))
    .where(
      and(
        eq(recommendations.programmeId, params.programmeId),
        isLiveRecommendation(),
        sql`exists (select 1 from ${recommendations} r2 where r2.id = ${recommendationLinks.toId}
          and r2.review_state <> 'withdrawn')`,
      ),
    );
  return {
    items: rows.map((r) => ({
      ...r,
      reviewState: r.reviewState as ReviewState,
      updatedAt: r.updatedAt.toISOString(),
      threadIds: threadIds.get(r.id) ?? [],
    })),
    links,
  };
}

/**
 * The matrix: rows are the programme's active threads and any other thread that still carries a
 * recommendation; columns the programme's stakeholder groups; each cell the recommendations (not
 * withdrawn) of that group resting on that thread. Two index reads, no case data.
 */
export async function recommendationMatrix(
  db: Db,
  programmeId: string,
  groups: StakeholderGroup[],
): Promise<RecommendationMatrix> {
  const [threads, placed] = await Promise.all([
    programmeThreads(db, programmeId),
    db
      .select({
        threadId: recommendationThreads.threadId,
        id: recommendations.id,
        number: recommendations.number,
        title: recommendations.title,
        reviewState: recommendations.reviewState,
        stakeholderGroup: recommendations.stakeholderGroup,
      })
      .from(recommendations)
      .innerJoin(
        recommendationThreads,
        eq(recommendationThreads.recommendationId, recommendations.id),
      )
      .where(and(eq(recommendations.programmeId, programmeId), isLiveRecommendation()))
      .orderBy(asc(recommendations.number)),
  ]);
  const column = new Map(groups.map((g, i) => [g.code, i]));
  const cells = new Map<string, MatrixCellItem[][]>();
  const counted = groups.map(() => new Set<string>());
  for (const p of placed) {
    const index = column.get(p.stakeholderGroup);
    // A recommendation of a group the programme no longer lists has no column to sit in.
    if (index === undefined) continue;
    let row = cells.get(p.threadId);
    if (!row) cells.set(p.threadId, (row = groups.map(() => [])));
    row[index]!.push({
      id: p.id,
      number: p.number,
      title: p.title,
      reviewState: p.reviewState as ReviewState,
    });
    counted[index]!.add(p.id);
  }
  return {
    groups: groups.map((g) => ({ code: g.code, label: g.label })),
    rows: threads
      .filter((t) => t.status === 'active' || cells.has(t.id))
      .map((thread) => ({ thread, cells: cells.get(thread.id) ?? groups.map(() => []) })),
    totals: counted.map((s) => s.size),
  };
}

export async function threadsOf(db: Reader, recommendationId: string): Promise<ThreadRef[]> {
  const rows = await db
    .select(threadRefColumns)
    .from(recommendationThreads)
    .innerJoin(synthesisThreads, eq(synthesisThreads.id, recommendationThreads.threadId))
    .where(eq(recommendationThreads.recommendationId, recommendationId))
    .orderBy(asc(synthesisThreads.number));
  return rows.map(asThreadRef);
}

export async function linksOf(db: Reader, recommendationId: string) {
  const other = sql<string>`case when ${recommendationLinks.fromId} = ${recommendationId}
    then ${recommendationLinks.toId} else ${recommendationLinks.fromId} end`;
  const rows = await db
    .select({
      id: recommendations.id,
      number: recommendations.number,
      title: recommendations.title,
      reviewState: recommendations.reviewState,
      stakeholderGroup: recommendations.stakeholderGroup,
      note: recommendationLinks.note,
    })
    .from(recommendationLinks)
    .innerJoin(recommendations, eq(recommendations.id, other))
    .where(
      or(
        eq(recommendationLinks.fromId, recommendationId),
        eq(recommendationLinks.toId, recommendationId),
      ),
    )
    .orderBy(asc(recommendations.number));
  return rows.map(({ note, ...r }) => ({
    recommendation: { ...r, reviewState: r.reviewState as ReviewState },
    note,
  }));
}

export async function reviewsOf(db: Reader, recommendationId: string) {
  const rows = await db
    .select({
      id: recommendationReviews.id,
      verdict: recommendationReviews.verdict,
      comment: recommendationReviews.comment,
      recommendationVersion: recommendationReviews.recommendationVersion,
      reviewerId: users.id,
      reviewerName: users.displayName,
      reviewerRole: users.role,
      createdAt: recommendationReviews.createdAt,
    })
    .from(recommendationReviews)
    .innerJoin(users, eq(users.id, recommendationReviews.reviewerId))
    .where(eq(recommendationReviews.recommendationId, recommendationId))
    .orderBy(asc(recommendationReviews.createdAt), asc(recommendationReviews.id));
  return rows.map((r) => ({
    id: r.id,
    verdict: r.verdict as ReviewVerdict,
    comment: r.comment,
    recommendationVersion: r.recommendationVersion,
    reviewer: { id: r.reviewerId, name: r.reviewerName, role: r.reviewerRole },
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Whether the recommendations exist in the programme; answers the ids that do. */
export async function recommendationsIn(
  db: Reader,
  programmeId: string,
  ids: string[],
): Promise<{ id: string; programmeId: string; reviewState: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: recommendations.id,
      programmeId: recommendations.programmeId,
      reviewState: recommendations.reviewState,
    })
    .from(recommendations)
    .where(inArray(recommendations.id, ids));
}

export async function recommendationChanges(
  db: Db,
  recommendationId: string,
): Promise<RecommendationHistory['items']> {
  const rows = await db
    .select({
      id: recommendationHistory.id,
      version: recommendationHistory.version,
      change: recommendationHistory.change,
      before: recommendationHistory.before,
      after: recommendationHistory.after,
      changedBy: users.displayName,
      changedAt: recommendationHistory.changedAt,
    })
    .from(recommendationHistory)
    .leftJoin(users, eq(users.id, recommendationHistory.changedBy))
    .where(eq(recommendationHistory.recommendationId, recommendationId))
    .orderBy(asc(recommendationHistory.id));
  return rows.map((r) => ({
    ...r,
    change: r.change as RecommendationChange,
    fields: changedFields(r.before, r.after),
    changedAt: r.changedAt.toISOString(),
  }));
}

function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter(
    (k) => JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after?.[k] ?? null),
  );
}
