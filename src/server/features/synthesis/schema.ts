// Tables of cross-case synthesis: themes (codes grouped on a board, like affinity mapping),
// threads (rode draden) promoted from themes with their linked codes, every version of a thread,
// and the quotes chosen to carry a thread. Evidence is not stored: it is computed live from the
// coded material (qda_case_codes, qda_segments, cases, case_indicators).
import { eq, sql } from 'drizzle-orm';
import {
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
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/schema';
import { qdaCodes, qdaSegments } from '../coding/schema';
import { programmes } from '../organisations/schema';

/** A group of codes on the programme's synthesis board. */
export const synthesisThemes = pgTable(
  'synthesis_themes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    /** Emptied themes are archived, not deleted, so a thread can still say where it came from. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('synthesis_themes_programme_idx').on(t.programmeId, t.sortOrder)],
);

/** Where a code sits on the board: in at most one theme at a time. */
export const synthesisThemeCodes = pgTable(
  'synthesis_theme_codes',
  {
    codeId: uuid('code_id')
      .primaryKey()
      .references(() => qdaCodes.id),
    themeId: uuid('theme_id')
      .notNull()
      .references(() => synthesisThemes.id),
    sortOrder: integer('sort_order').notNull().default(0),
    placedBy: uuid('placed_by').references(() => users.id),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('synthesis_theme_codes_theme_idx').on(t.themeId, t.sortOrder)],
);

/**
 * A thread (rode draad): a title, a description and its linked codes. Never deleted: a thread is
 * active, superseded by another thread (which names it in `supersedes`), or withdrawn with a
 * reason. Every change raises `version` and appends the whole new state to
 * synthesis_thread_versions.
 */
export const synthesisThreads = pgTable(
  'synthesis_threads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    /** Numbered per programme in order of creation: "Rode draad 3". */
    number: integer('number').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** The theme it was promoted from, if any. */
    themeId: uuid('theme_id').references(() => synthesisThemes.id),
    status: text('status').notNull().default('active'),
    statusReason: text('status_reason'),
    supersedes: uuid('supersedes').references((): AnyPgColumn => synthesisThreads.id),
    supersededBy: uuid('superseded_by').references((): AnyPgColumn => synthesisThreads.id),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'synthesis_threads_status_check',
      sql`${t.status} in ('active','superseded','withdrawn')`,
    ),
    // Superseded points to its successor; withdrawn always says why; active carries neither.
    check(
      'synthesis_threads_status_shape_check',
      sql`(${t.status} = 'superseded') = (${t.supersededBy} is not null)
        and (${t.status} = 'withdrawn') = (${t.statusReason} is not null and length(${t.statusReason}) > 0)`,
    ),
    unique('synthesis_threads_number_unique').on(t.programmeId, t.number),
    index('synthesis_threads_programme_idx').on(t.programmeId, t.status, t.sortOrder),
  ],
);

/** The codes a thread is built from (each with every code beneath it in the codebook). */
export const synthesisThreadCodes = pgTable(
  'synthesis_thread_codes',
  {
    threadId: uuid('thread_id')
      .notNull()
      .references(() => synthesisThreads.id),
    codeId: uuid('code_id')
      .notNull()
      .references(() => qdaCodes.id),
  },
  (t) => [
    primaryKey({ columns: [t.threadId, t.codeId] }),
    index('synthesis_thread_codes_code_idx').on(t.codeId),
  ],
);

/** Every version of a thread, whole. Only ever appended. */
export const synthesisThreadVersions = pgTable(
  'synthesis_thread_versions',
  {
    threadId: uuid('thread_id')
      .notNull()
      .references(() => synthesisThreads.id),
    version: integer('version').notNull(),
    change: text('change').notNull(),
    state: jsonb('state')
      .$type<{
        title: string;
        description: string;
        status: string;
        statusReason: string | null;
        codeIds: string[];
        supersededBy: string | null;
      }>()
      .notNull(),
    note: text('note').notNull().default(''),
    changedBy: uuid('changed_by').references(() => users.id),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.version] })],
);

/**
 * Quotes chosen to carry a thread: coded segments marked as quote. Consent is checked when one is
 * chosen and again on every read, so a withdrawn consent hides the quote everywhere at once.
 */
export const synthesisThreadQuotes = pgTable(
  'synthesis_thread_quotes',
  {
    threadId: uuid('thread_id')
      .notNull()
      .references(() => synthesisThreads.id),
    segmentId: uuid('segment_id')
      .notNull()
      .references(() => qdaSegments.id),
    sortOrder: integer('sort_order').notNull().default(0),
    chosenBy: uuid('chosen_by').references(() => users.id),
    chosenAt: timestamp('chosen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.threadId, t.segmentId] }),
    index('synthesis_thread_quotes_segment_idx').on(t.segmentId),
  ],
);

/**
 * A thread that is neither superseded nor withdrawn: the one shown by default, and the only kind
 * that takes new links (recommendations, actions, quotes).
 */
export const isActiveThread = () => eq(synthesisThreads.status, 'active');
