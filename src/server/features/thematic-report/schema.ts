// Published versions of a programme's thematic report. A version keeps the report as published
// (its content: already suppressed counts, texts, recommendations, quotes) so every download of
// it shows the same figures and words, and names the thread and recommendation versions it was
// made of. The files are rendered from that content when downloaded; quotes are checked against
// their consent again each time, so a withdrawn consent takes a quote out of every later copy.
import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { ThematicReport } from '../../../shared/contract/thematic-report';
import { users } from '../auth/schema';
import { programmes } from '../organisations/schema';

export const thematicReportVersions = pgTable(
  'thematic_report_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    /** Numbered per programme: version 1, 2, … */
    number: integer('number').notNull(),
    lang: text('lang').notNull(),
    note: text('note').notNull().default(''),
    content: jsonb('content').$type<ThematicReport>().notNull(),
    threadVersions: jsonb('thread_versions')
      .$type<{ threadId: string; number: number; version: number }[]>()
      .notNull(),
    recommendationVersions: jsonb('recommendation_versions')
      .$type<{ recommendationId: string; number: number; version: number }[]>()
      .notNull(),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('thematic_report_versions_number_unique').on(t.programmeId, t.number),
    check('thematic_report_versions_lang_check', sql`${t.lang} in ('nl','en')`),
  ],
);
