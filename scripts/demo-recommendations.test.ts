import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../src/server/testing/database';
import { users } from '../src/server/features/auth/schema';
import {
  recommendationLinks,
  recommendationReviews,
  recommendationThreads,
  recommendations,
} from '../src/server/features/recommendations/schema';
import { synthesisThreads } from '../src/server/features/synthesis/schema';
import { defaultStakeholderGroups } from '../src/shared/contract/organisations';
import { seedDemo } from './demo-data';

describe('the demo: recommendations per stakeholder group', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await seedDemo(database.db);
  });
  afterAll(() => database.dispose());

  it('covers every default stakeholder group, on active threads, in every stage of the review', async () => {
    const db = database.db;
    const rows = await db.select().from(recommendations);
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(new Set(rows.map((r) => r.stakeholderGroup))).toEqual(
      new Set(defaultStakeholderGroups.map((g) => g.code)),
    );
    const states = rows.map((r) => r.reviewState);
    for (const state of ['published', 'approved', 'changes_requested', 'in_review', 'draft'])
      expect(states).toContain(state);
    const placed = await db
      .select({ status: synthesisThreads.status })
      .from(recommendationThreads)
      .innerJoin(synthesisThreads, eq(synthesisThreads.id, recommendationThreads.threadId));
    expect(placed.every((p) => p.status === 'active')).toBe(true);
    expect((await db.select({ n: count() }).from(recommendationLinks))[0]!.n).toBeGreaterThan(3);
  });

  it('was reviewed by the demo expert by experience, and only approved versions are published', async () => {
    const db = database.db;
    const reviews = await db
      .select({ verdict: recommendationReviews.verdict, role: users.role })
      .from(recommendationReviews)
      .innerJoin(users, eq(users.id, recommendationReviews.reviewerId));
    expect(
      reviews
        .filter((r) => r.verdict !== 'comment')
        .every((r) => r.role === 'expert_by_experience'),
    ).toBe(true);
    expect(reviews.map((r) => r.verdict)).toContain('request_changes');
    const published = await db
      .select()
      .from(recommendations)
      .where(eq(recommendations.reviewState, 'published'));
    for (const p of published) {
      const approvals = await db
        .select()
        .from(recommendationReviews)
        .where(eq(recommendationReviews.recommendationId, p.id));
      expect(
        approvals.some((a) => a.verdict === 'approve' && a.recommendationVersion === p.version),
      ).toBe(true);
    }
  });
});
