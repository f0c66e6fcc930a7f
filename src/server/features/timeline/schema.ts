// Tables of the timeline: items (events and periods in lanes) with fuzzy dates stored both as
// told and as a day range for ordering, comments per perspective, the history of every change,
// the editable category lists, and the indicators derived per case.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { FuzzyDate } from '../../../shared/domain/timeline';
import { users } from '../auth/schema';
import { cases, participants } from '../cases/schema';

/** Setting types, school types, care types and measures; codes stay stable, labels may change. */
export const timelineCategories = pgTable(
  'timeline_categories',
  {
    list: text('list').notNull(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    marker: text('marker'),
    sortOrder: integer('sort_order').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.list, t.code] }),
    check(
      'timeline_categories_list_check',
      sql`${t.list} in ('setting_type','school_type','care_type','justice_measure')`,
    ),
    check(
      'timeline_categories_marker_check',
      sql`${t.marker} is null or ${t.marker} in ('out_of_home','specialist','no_school')`,
    ),
  ],
);

export const timelineItems = pgTable(
  'timeline_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    lane: text('lane').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    start: jsonb('start_date').$type<FuzzyDate>().notNull(),
    startEarliest: date('start_earliest', { mode: 'string' }).notNull(),
    startLatest: date('start_latest', { mode: 'string' }).notNull(),
    end: jsonb('end_date').$type<FuzzyDate>(),
    endEarliest: date('end_earliest', { mode: 'string' }),
    endLatest: date('end_latest', { mode: 'string' }),
    valence: text('valence').notNull().default('neutral'),
    source: text('source').notNull(),
    sourceParticipantId: uuid('source_participant_id').references(() => participants.id),
    categoryCode: text('category_code'),
    reference: text('reference'),
    waitingDays: integer('waiting_days'),
    isSignal: boolean('is_signal').notNull().default(false),
    revisesItemId: uuid('revises_item_id'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    check('timeline_items_kind_check', sql`${t.kind} in ('event','period')`),
    check(
      'timeline_items_lane_check',
      sql`${t.lane} in ('living','school','care','diagnosis','justice','family','people')`,
    ),
    check('timeline_items_valence_check', sql`${t.valence} in ('positive','neutral','negative')`),
    check(
      'timeline_items_source_check',
      sql`${t.source} in ('youth','parent','professional','dossier')`,
    ),
    check('timeline_items_range_check', sql`${t.startEarliest} <= ${t.startLatest}`),
    check(
      'timeline_items_end_check',
      sql`${t.endLatest} is null or (${t.kind} = 'period' and ${t.endLatest} >= ${t.startEarliest})`,
    ),
    index('timeline_items_case_idx').on(t.caseId, t.startEarliest),
  ],
);

export const timelineComments = pgTable(
  'timeline_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => timelineItems.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    perspective: text('perspective').notNull(),
    participantId: uuid('participant_id').references(() => participants.id),
    text: text('text').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    check(
      'timeline_comments_perspective_check',
      sql`${t.perspective} in ('youth','parent','professional','dossier')`,
    ),
    index('timeline_comments_case_idx').on(t.caseId),
  ],
);

/** Every change of an item: who, when, and the item before and after. Only ever appended. */
export const timelineHistory = pgTable(
  'timeline_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => timelineItems.id),
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
      'timeline_history_change_check',
      sql`${t.change} in ('created','updated','deleted','removed')`,
    ),
    index('timeline_history_item_idx').on(t.itemId, t.version),
  ],
);

/** Indicators derived from a case's timeline, recomputed in the transaction of every change. */
export const caseIndicators = pgTable('case_indicators', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id),
  placements: integer('placements').notNull(),
  placementChanges: integer('placement_changes').notNull(),
  schoolChanges: integer('school_changes').notNull(),
  monthsWithoutSchool: real('months_without_school').notNull(),
  careProviders: integer('care_providers').notNull(),
  ageAtFirstSignal: real('age_at_first_signal'),
  ageAtFirstSpecialistHelp: real('age_at_first_specialist_help'),
  earlySignalGap: real('early_signal_gap'),
  diagnosesRevised: integer('diagnoses_revised').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
});
