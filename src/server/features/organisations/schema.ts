// Tables of the organisation layer: reference regions and municipalities, organisations,
// programmes, execution teams and team memberships.
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
  uuid,
} from 'drizzle-orm/pg-core';
import type { StakeholderGroup } from '../../../shared/contract/organisations';
import { users } from '../auth/schema';

export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    sortKey: text('sort_key').notNull(),
  },
  (t) => [index('regions_sort_idx').on(t.sortKey, t.code)],
);

export const municipalities = pgTable(
  'municipalities',
  {
    code: text('code').primaryKey(),
    gmCode: text('gm_code').notNull().unique(),
    name: text('name').notNull(),
    province: text('province').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    sortKey: text('sort_key').notNull(),
  },
  (t) => [
    index('municipalities_sort_idx').on(t.sortKey, t.code),
    index('municipalities_region_idx').on(t.regionCode, t.sortKey),
  ],
);

const auditColumns = {
  version: integer('version').notNull().default(1),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    municipalityCode: text('municipality_code').references(() => municipalities.code),
    sortKey: text('sort_key').notNull(),
    ...auditColumns,
  },
  (t) => [
    check(
      'organisations_type_check',
      sql`${t.type} in ('care_provider','municipality','school','knowledge_institute','other')`,
    ),
    index('organisations_sort_idx').on(t.sortKey, t.id),
  ],
);

export const programmes = pgTable(
  'programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }),
    learningGoals: text('learning_goals').notNull().default(''),
    stakeholderGroups: jsonb('stakeholder_groups').$type<StakeholderGroup[]>().notNull(),
    smallCellThreshold: integer('small_cell_threshold').notNull().default(5),
    sortKey: text('sort_key').notNull(),
    ...auditColumns,
  },
  (t) => [
    check('programmes_threshold_check', sql`${t.smallCellThreshold} between 1 and 100`),
    check(
      'programmes_period_check',
      sql`${t.periodEnd} is null or ${t.periodEnd} >= ${t.periodStart}`,
    ),
    index('programmes_sort_idx').on(t.sortKey, t.id),
  ],
);

export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    name: text('name').notNull(),
    plannedSessions: integer('planned_sessions').notNull().default(0),
    sortKey: text('sort_key').notNull(),
    ...auditColumns,
  },
  (t) => [
    check('teams_planned_sessions_check', sql`${t.plannedSessions} between 0 and 1000`),
    index('teams_sort_idx').on(t.sortKey, t.id),
    index('teams_programme_idx').on(t.programmeId, t.sortKey),
  ],
);

export const teamMemberships = pgTable(
  'team_memberships',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    roleLabel: text('role_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.userId] }),
    check(
      'team_memberships_role_label_check',
      sql`${t.roleLabel} in ('kwaliteitsmedewerker','consulent','gedragswetenschapper','action_learner','ervaringsdeskundige','other')`,
    ),
    index('team_memberships_user_idx').on(t.userId),
  ],
);
