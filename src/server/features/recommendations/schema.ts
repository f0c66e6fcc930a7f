// Tables of recommendations: each belongs to one stakeholder group of its programme (a key of
// programmes.stakeholder_groups), rests on one or more threads, may hang together with other
// recommendations (samenhang), and is reviewed by experts by experience before publication.
import { ne, sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/schema';
import { programmes } from '../organisations/schema';
import { synthesisThreads } from '../synthesis/schema';

export const recommendations = pgTable(
  'recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    /** Numbered per programme in order of creation. */
    number: integer('number').notNull(),
    /** A key of the programme's stakeholder groups; the command checks it exists. */
    stakeholderGroup: text('stakeholder_group').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /**
     * draft → in_review (experts by experience review it) → changes_requested | approved →
     * published; withdrawn (with a reason) from any state. Only approved ones are published.
     */
    reviewState: text('review_state').notNull().default('draft'),
    withdrawnReason: text('withdrawn_reason'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'recommendations_review_state_check',
      sql`${t.reviewState} in ('draft','in_review','changes_requested','approved','published','withdrawn')`,
    ),
    check(
      'recommendations_withdrawn_check',
      sql`(${t.reviewState} = 'withdrawn') = (${t.withdrawnReason} is not null and length(${t.withdrawnReason}) > 0)`,
    ),
    check(
      'recommendations_published_check',
      sql`(${t.reviewState} = 'published') = (${t.publishedAt} is not null)`,
    ),
    index('recommendations_programme_idx').on(t.programmeId, t.stakeholderGroup, t.sortOrder),
    // The command numbers under the programme lock; the database holds it too.
    unique('recommendations_number_unique').on(t.programmeId, t.number),
  ],
);

/** The threads a recommendation rests on (at least one; the command keeps that true). */
export const recommendationThreads = pgTable(
  'recommendation_threads',
  {
    recommendationId: uuid('recommendation_id')
      .notNull()
      .references(() => recommendations.id),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => synthesisThreads.id),
  },
  (t) => [
    primaryKey({ columns: [t.recommendationId, t.threadId] }),
    index('recommendation_threads_thread_idx').on(t.threadId),
  ],
);

/** How recommendations hang together (samenhang): an undirected link, stored once (from < to). */
export const recommendationLinks = pgTable(
  'recommendation_links',
  {
    fromId: uuid('from_id')
      .notNull()
      .references(() => recommendations.id),
    toId: uuid('to_id')
      .notNull()
      .references(() => recommendations.id),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.fromId, t.toId] }),
    check('recommendation_links_order_check', sql`${t.fromId} < ${t.toId}`),
    index('recommendation_links_to_idx').on(t.toId),
  ],
);

/** What an expert by experience said of a version of a recommendation. */
export const recommendationReviews = pgTable(
  'recommendation_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recommendationId: uuid('recommendation_id')
      .notNull()
      .references(() => recommendations.id),
    recommendationVersion: integer('recommendation_version').notNull(),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id),
    verdict: text('verdict').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'recommendation_reviews_verdict_check',
      sql`${t.verdict} in ('approve','request_changes','comment')`,
    ),
    index('recommendation_reviews_recommendation_idx').on(t.recommendationId, t.createdAt),
  ],
);

/** Every change of a recommendation, its threads and links. Only ever appended. */
export const recommendationHistory = pgTable(
  'recommendation_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    recommendationId: uuid('recommendation_id')
      .notNull()
      .references(() => recommendations.id),
    version: integer('version').notNull(),
    change: text('change').notNull(),
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>(),
    changedBy: uuid('changed_by').references(() => users.id),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recommendation_history_recommendation_idx').on(t.recommendationId, t.id)],
);

/** A recommendation that is not withdrawn: it counts in the matrix and takes new links. */
export const isLiveRecommendation = () => ne(recommendations.reviewState, 'withdrawn');
