// Tables of dossier research: a review per case (started from a published checklist version),
// answers per item key with their evidence and source, links from answers to timeline items of
// the same case, and the history of every change of an answer. All of it depends on dossier
// consent: a withdrawal removes the answers with their links and history.
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AnswerValue } from '../../../shared/domain/dossier-answers';
import { users } from '../auth/schema';
import { cases } from '../cases/schema';
import { instrumentVersions } from '../instruments/schema';
import { timelineItems } from '../timeline/schema';

export const dossierReviews = pgTable(
  'dossier_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    instrumentVersionId: uuid('instrument_version_id')
      .notNull()
      .references(() => instrumentVersions.id),
    status: text('status').notNull().default('active'),
    startedBy: uuid('started_by').references(() => users.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('dossier_reviews_status_check', sql`${t.status} in ('active','closed')`),
    // One active review per case.
    uniqueIndex('dossier_reviews_one_active_idx')
      .on(t.caseId)
      .where(sql`status = 'active'`),
  ],
);

export const dossierAnswers = pgTable(
  'dossier_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => dossierReviews.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** The instrument version the answer was given under; it never changes with a newer one. */
    instrumentVersionId: uuid('instrument_version_id')
      .notNull()
      .references(() => instrumentVersions.id),
    itemKey: text('item_key').notNull(),
    /** Typed by the item's answer type; null means "onbekend" (the dossier does not say). */
    value: jsonb('value').$type<AnswerValue>(),
    evidence: text('evidence').notNull().default(''),
    sourceDocument: text('source_document'),
    sourceDate: date('source_date', { mode: 'string' }),
    /** The researcher who gave the answer as it stands. */
    answeredBy: uuid('answered_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** A cleared answer keeps its row (and history) until consent is withdrawn. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    unique('dossier_answers_item_unique').on(t.reviewId, t.itemKey),
    index('dossier_answers_case_idx').on(t.caseId),
  ],
);

export const dossierAnswerLinks = pgTable(
  'dossier_answer_links',
  {
    answerId: uuid('answer_id')
      .notNull()
      .references(() => dossierAnswers.id),
    timelineItemId: uuid('timeline_item_id')
      .notNull()
      .references(() => timelineItems.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
  },
  (t) => [
    primaryKey({ columns: [t.answerId, t.timelineItemId] }),
    index('dossier_answer_links_item_idx').on(t.timelineItemId),
  ],
);

/** Every change of an answer: who, when, and the answer before and after. Only ever appended. */
export const dossierAnswerHistory = pgTable(
  'dossier_answer_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    answerId: uuid('answer_id')
      .notNull()
      .references(() => dossierAnswers.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    version: integer('version').notNull(),
    change: text('change').notNull(),
    changedBy: uuid('changed_by').references(() => users.id),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>(),
  },
  (t) => [
    check(
      'dossier_answer_history_change_check',
      sql`${t.change} in ('created','updated','deleted')`,
    ),
    index('dossier_answer_history_answer_idx').on(t.answerId, t.version),
  ],
);
