// Tables of the explanatory analysis: one analysis per case (with the domain set version it
// uses), its factors, the hypotheses that link factors to each other and to the problem, the
// dated versions of the working theory, and the history of every change.
import { sql } from 'drizzle-orm';
import {
  bigserial,
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
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/schema';
import { cases } from '../cases/schema';
import { instrumentVersions } from '../instruments/schema';

export const analyses = pgTable('analyses', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id')
    .notNull()
    .unique()
    .references(() => cases.id),
  domainVersionId: uuid('domain_version_id')
    .notNull()
    .references(() => instrumentVersions.id),
  problemStatement: text('problem_statement').notNull(),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const analysisFactors = pgTable(
  'analysis_factors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    analysisId: uuid('analysis_id')
      .notNull()
      .references(() => analyses.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    domainKey: text('domain_key').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    perspective: text('perspective').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    check('analysis_factors_kind_check', sql`${t.kind} in ('strength','problem')`),
    check(
      'analysis_factors_perspective_check',
      sql`${t.perspective} in ('youth','parent','professional','dossier')`,
    ),
    index('analysis_factors_analysis_idx').on(t.analysisId),
  ],
);

export const analysisHypotheses = pgTable(
  'analysis_hypotheses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    analysisId: uuid('analysis_id')
      .notNull()
      .references(() => analyses.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** The factor this hypothesis explains; null: it explains the analysis's problem. */
    effectFactorId: uuid('effect_factor_id').references(() => analysisFactors.id),
    explanation: text('explanation').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('analysis_hypotheses_analysis_idx').on(t.analysisId)],
);

export const analysisHypothesisCauses = pgTable(
  'analysis_hypothesis_causes',
  {
    hypothesisId: uuid('hypothesis_id')
      .notNull()
      .references(() => analysisHypotheses.id),
    factorId: uuid('factor_id')
      .notNull()
      .references(() => analysisFactors.id),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.hypothesisId, t.factorId] })],
);

export const analysisTheories = pgTable(
  'analysis_theories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    analysisId: uuid('analysis_id')
      .notNull()
      .references(() => analyses.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    number: integer('number').notNull(),
    dated: date('dated', { mode: 'string' }).notNull(),
    text: text('text').notNull(),
    evaluation: text('evaluation').notNull().default(''),
    youthView: text('youth_view').notNull().default('not_asked'),
    youthWords: text('youth_words').notNull().default(''),
    parentView: text('parent_view').notNull().default('not_asked'),
    parentWords: text('parent_words').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('analysis_theories_number_unique').on(t.analysisId, t.number),
    check(
      'analysis_theories_views_check',
      sql`${t.youthView} in ('agreed','partly','disagreed','not_asked') and ${t.parentView} in ('agreed','partly','disagreed','not_asked')`,
    ),
  ],
);

/** Every change of the analysis and its parts: who, when, before and after. Only appended. */
export const analysisHistory = pgTable(
  'analysis_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    analysisId: uuid('analysis_id')
      .notNull()
      .references(() => analyses.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    entity: text('entity').notNull(),
    entityId: uuid('entity_id').notNull(),
    change: text('change').notNull(),
    changedBy: uuid('changed_by').references(() => users.id),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>(),
  },
  (t) => [
    check(
      'analysis_history_entity_check',
      sql`${t.entity} in ('analysis','factor','hypothesis','theory')`,
    ),
    index('analysis_history_analysis_idx').on(t.analysisId),
  ],
);
