// Tables of access-table monitoring (Team Toegang, Regionaal Expertteam): the access tables of a
// region with their members, the two editable lists (problem areas, question types), the register
// of cases discussed at a table (a table reference only, never a name), and the short-lived
// upload sessions of the import wizard.
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
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/schema';
import { regions } from '../organisations/schema';

export const accessTables = pgTable(
  'access_tables',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    /** Counts below this are suppressed in reports; a region report uses its strictest table's. */
    smallCellThreshold: integer('small_cell_threshold').notNull().default(5),
    sortKey: text('sort_key').notNull(),
    version: integer('version').notNull().default(1),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'access_tables_kind_check',
      sql`${t.kind} in ('team_toegang','regional_expert_team','other')`,
    ),
    check('access_tables_threshold_check', sql`${t.smallCellThreshold} between 2 and 100`),
    index('access_tables_region_idx').on(t.regionCode, t.sortKey),
  ],
);

export const accessTableMembers = pgTable(
  'access_table_members',
  {
    tableId: uuid('table_id')
      .notNull()
      .references(() => accessTables.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tableId, t.userId] }),
    index('access_table_members_user_idx').on(t.userId),
  ],
);

export const monitoringListEntries = pgTable(
  'monitoring_list_entries',
  {
    list: text('list').notNull(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    sortOrder: integer('sort_order').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.list, t.code] }),
    check('monitoring_list_entries_list_check', sql`${t.list} in ('problem_area','question_type')`),
  ],
);

export const accessRegistrations = pgTable(
  'access_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tableId: uuid('table_id')
      .notNull()
      .references(() => accessTables.id),
    /** The table's region, kept on the row so a region's quarter is one index range. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    discussedOn: date('discussed_on', { mode: 'string' }).notNull(),
    reference: text('reference').notNull(),
    referringTeam: text('referring_team').notNull(),
    ageBand: text('age_band').notNull(),
    problemAreas: text('problem_areas').array().notNull(),
    questionType: text('question_type').notNull(),
    informationSufficient: text('information_sufficient').notNull(),
    informationMissing: text('information_missing').notNull().default(''),
    outcome: text('outcome').notNull(),
    missingHelp: text('missing_help').notNull().default(''),
    daysWaiting: integer('days_waiting').notNull(),
    hasExplanatoryAnalysis: boolean('has_explanatory_analysis').notNull(),
    bottlenecks: text('bottlenecks').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    check(
      'access_registrations_age_band_check',
      sql`${t.ageBand} in ('0-5','6-11','12-15','16-17','18-23')`,
    ),
    check(
      'access_registrations_information_check',
      sql`${t.informationSufficient} in ('yes','partly','no')`,
    ),
    check(
      'access_registrations_outcome_check',
      sql`${t.outcome} in ('fitting_help','no_fitting_offer','waiting','other')`,
    ),
    check('access_registrations_days_check', sql`${t.daysWaiting} between 0 and 3650`),
    check('access_registrations_problem_areas_check', sql`cardinality(${t.problemAreas}) >= 1`),
    index('access_registrations_region_idx')
      .on(t.regionCode, t.discussedOn)
      .where(sql`${t.deletedAt} is null`),
    index('access_registrations_table_idx')
      .on(t.tableId, t.discussedOn)
      .where(sql`${t.deletedAt} is null`),
  ],
);

/** A parsed upload waiting for its mapping and confirmation; removed on import or expiry. */
export const monitoringImports = pgTable(
  'monitoring_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    fileName: text('file_name').notNull(),
    headers: jsonb('headers').$type<string[]>().notNull(),
    rows: jsonb('rows').$type<string[][]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('monitoring_imports_expiry_idx').on(t.expiresAt)],
);
