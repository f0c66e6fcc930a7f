// Tables of instruments: an instrument (a stable code and a kind) and its versions. A version
// is a draft (edited by administrators, one at a time per instrument) or published (never
// changed again: answers keep pointing at the version they were given under).
import { sql } from 'drizzle-orm';
import {
  check,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { InstrumentContent } from '../../../shared/contract/instruments';
import { users } from '../auth/schema';

export const instruments = pgTable(
  'instruments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    kind: text('kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('instruments_kind_check', sql`${t.kind} in ('dossier_checklist','analysis_domains')`),
  ],
);

export const instrumentVersions = pgTable(
  'instrument_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    instrumentId: uuid('instrument_id')
      .notNull()
      .references(() => instruments.id),
    number: integer('number').notNull(),
    status: text('status').notNull(),
    content: jsonb('content').$type<InstrumentContent>().notNull(),
    /** Optimistic concurrency of a draft: every saved edit adds one. */
    revision: integer('revision').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    unique('instrument_versions_number_unique').on(t.instrumentId, t.number),
    // One draft per instrument at a time.
    uniqueIndex('instrument_versions_one_draft_idx')
      .on(t.instrumentId)
      .where(sql`status = 'draft'`),
    check('instrument_versions_status_check', sql`${t.status} in ('draft','published')`),
    check(
      'instrument_versions_published_check',
      sql`(${t.status} = 'published') = (${t.publishedAt} is not null)`,
    ),
    check('instrument_versions_number_check', sql`${t.number} >= 1`),
  ],
);
