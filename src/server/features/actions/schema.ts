// Tables of closing the loop: improvement actions of a programme (what will change, who owns it,
// by when, for which stakeholder group, its status), what each action comes from (links), its
// follow-ups over time and the history of every change; and the learning network's meetings
// with their attendees (by organisation and role, or a platform account) and material.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/schema';
import { organisations, programmes, regions } from '../organisations/schema';

export const improvementActions = pgTable(
  'improvement_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Written for the plain-language summary page (B1): what will change, without names. */
    plainSummary: text('plain_summary').notNull().default(''),
    /** Written for the same page: what it changed, in plain words. */
    plainResult: text('plain_result').notNull().default(''),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    stakeholderGroup: text('stakeholder_group').notNull(),
    status: text('status').notNull().default('proposed'),
    dropReason: text('drop_reason'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    sortKey: text('sort_key').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'improvement_actions_status_check',
      sql`${t.status} in ('proposed','agreed','in_progress','done','evaluated','dropped')`,
    ),
    // A dropped action always says why; no other status carries a reason.
    check(
      'improvement_actions_drop_reason_check',
      sql`(${t.status} = 'dropped') = (${t.dropReason} is not null and length(${t.dropReason}) > 0)`,
    ),
    index('improvement_actions_programme_idx').on(t.programmeId, t.dueOn, t.id),
    index('improvement_actions_owner_idx').on(t.ownerUserId, t.dueOn),
    index('improvement_actions_organisation_idx').on(t.ownerOrganisationId, t.dueOn),
  ],
);

/**
 * What an action comes from. One generic shape (kind + target id), so threads and
 * recommendations (issue 7) become two more kinds without reshaping the table; the command checks
 * that the target exists in the action's programme, because one column cannot carry a foreign key
 * to five tables.
 */
export const actionLinks = pgTable(
  'improvement_action_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => improvementActions.id),
    kind: text('kind').notNull(),
    targetId: uuid('target_id').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'improvement_action_links_kind_check',
      sql`${t.kind} in ('review_meeting','plan_step','network_meeting','thread','recommendation')`,
    ),
    unique('improvement_action_links_unique').on(t.actionId, t.kind, t.targetId),
    index('improvement_action_links_target_idx').on(t.kind, t.targetId),
  ],
);

export const actionFollowUps = pgTable(
  'improvement_action_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => improvementActions.id),
    on: date('on_date', { mode: 'string' }).notNull(),
    done: text('done').notNull(),
    effect: text('effect').notNull().default(''),
    nextStep: text('next_step').notNull().default(''),
    authorId: uuid('author_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('improvement_action_follow_ups_action_idx').on(t.actionId, t.on)],
);

/** Every change of an action, its links and follow-ups. Only ever appended. */
export const actionHistory = pgTable(
  'improvement_action_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => improvementActions.id),
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
      'improvement_action_history_entity_check',
      sql`${t.entity} in ('action','link','follow_up')`,
    ),
    check(
      'improvement_action_history_change_check',
      sql`${t.change} in ('created','updated','deleted')`,
    ),
    index('improvement_action_history_action_idx').on(t.actionId, t.id),
  ],
);

export const networkMeetings = pgTable(
  'network_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    theme: text('theme').notNull(),
    meetsOn: date('meets_on', { mode: 'string' }).notNull(),
    location: text('location').notNull().default(''),
    status: text('status').notNull().default('planned'),
    outcomes: text('outcomes').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('network_meetings_status_check', sql`${t.status} in ('planned','held','cancelled')`),
    index('network_meetings_programme_idx').on(t.programmeId, t.meetsOn, t.id),
  ],
);

/** Who attended: a group (organisation + role + how many) or a platform account. */
export const networkAttendees = pgTable(
  'network_meeting_attendees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => networkMeetings.id),
    kind: text('kind').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    roleLabel: text('role_label').notNull().default(''),
    count: integer('count').notNull().default(1),
    userId: uuid('user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'network_meeting_attendees_kind_check',
      sql`(${t.kind} = 'group' and ${t.organisationId} is not null and ${t.userId} is null and ${t.count} between 1 and 500)
        or (${t.kind} = 'user' and ${t.userId} is not null and ${t.count} = 1)`,
    ),
    unique('network_meeting_attendees_user_unique').on(t.meetingId, t.userId),
    index('network_meeting_attendees_meeting_idx').on(t.meetingId),
  ],
);

/** The material discussed: a quarterly report, a thread (issue 7), a case summary, a document. */
export const networkMaterials = pgTable(
  'network_meeting_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => networkMeetings.id),
    kind: text('kind').notNull(),
    regionCode: text('region_code').references(() => regions.code),
    year: integer('year'),
    quarter: integer('quarter'),
    targetId: uuid('target_id'),
    title: text('title').notNull().default(''),
    body: text('body').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'network_meeting_materials_kind_check',
      sql`(${t.kind} = 'quarterly_report' and ${t.regionCode} is not null and ${t.year} is not null and ${t.quarter} between 1 and 4)
        or (${t.kind} = 'thread' and ${t.targetId} is not null)
        or (${t.kind} in ('case_summary','document') and length(${t.title}) > 0)`,
    ),
    index('network_meeting_materials_meeting_idx').on(t.meetingId),
  ],
);

export const networkHistory = pgTable(
  'network_meeting_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => networkMeetings.id),
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
      'network_meeting_history_entity_check',
      sql`${t.entity} in ('meeting','attendee','material')`,
    ),
    check(
      'network_meeting_history_change_check',
      sql`${t.change} in ('created','updated','deleted')`,
    ),
    index('network_meeting_history_meeting_idx').on(t.meetingId, t.id),
  ],
);
