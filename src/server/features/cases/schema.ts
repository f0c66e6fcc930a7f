// Tables of the cases feature: pseudonymous cases (never a name or BSN), the people assigned to
// them, their participants, and consent per participant per purpose.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/schema';
import { programmes, regions, teams } from '../organisations/schema';

/** The editable list of institution types; codes stay stable, labels and order may change. */
export const institutionTypes = pgTable('institution_types', {
  code: text('code').primaryKey(),
  label: text('label').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
});

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    institutionType: text('institution_type')
      .notNull()
      .references(() => institutionTypes.code),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    birthYear: integer('birth_year').notNull(),
    gender: text('gender'),
    status: text('status').notNull().default('included'),
    retentionUntil: date('retention_until', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('cases_birth_year_check', sql`${t.birthYear} between 1980 and 2100`),
    check(
      'cases_gender_check',
      sql`${t.gender} is null or ${t.gender} in ('female','male','other')`,
    ),
    check(
      'cases_status_check',
      sql`${t.status} in ('included','consent','timeline','dossier','interviews','review_meeting','analysed','closed')`,
    ),
    index('cases_team_idx').on(t.teamId, t.createdAt),
    index('cases_programme_idx').on(t.programmeId, t.createdAt),
    // The case list's default order (newest first) and its paging.
    index('cases_created_idx').on(t.createdAt, t.id),
  ],
);

export const caseAssignments = pgTable(
  'case_assignments',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.userId] }),
    index('case_assignments_user_idx').on(t.userId),
  ],
);

export const participants = pgTable(
  'participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    label: text('label').notNull(),
    hasAuthority: boolean('has_authority').notNull().default(false),
    userId: uuid('user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'participants_kind_check',
      sql`${t.kind} in ('youth','parent','main_practitioner','other_professional','network')`,
    ),
    index('participants_case_idx').on(t.caseId),
  ],
);

export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    purpose: text('purpose').notNull(),
    givenBy: text('given_by').notNull(),
    representativeId: uuid('representative_id').references(() => participants.id),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    formVersion: text('form_version').notNull(),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'consents_purpose_check',
      sql`${t.purpose} in ('interview','recording','dossier','quotes','meeting')`,
    ),
    check('consents_given_by_check', sql`${t.givenBy} in ('self','legal_representative')`),
    check(
      'consents_representative_check',
      sql`(${t.givenBy} = 'self') = (${t.representativeId} is null)`,
    ),
    check(
      'consents_withdrawn_check',
      sql`${t.withdrawnOn} is null or ${t.withdrawnOn} >= ${t.givenOn}`,
    ),
    index('consents_case_idx').on(t.caseId, t.participantId),
  ],
);
