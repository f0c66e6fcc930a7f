// Tables of the review meeting (casusreview / leerbijeenkomst): the meeting, its attendees and
// their preparation, the reflection contributions, the alternative plan with its follow-ups, and
// the history of every change. People appear by role or pseudonymous label, never by name
// (team members are users; guests only by role and organisation).
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
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
import { cases, participants } from '../cases/schema';
import { timelineItems } from '../timeline/schema';

export const reviewMeetings = pgTable(
  'review_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    plannedAt: timestamp('planned_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(180),
    preparationMinutes: integer('preparation_minutes').notNull().default(60),
    location: text('location').notNull().default(''),
    notes: text('notes').notNull().default(''),
    status: text('status').notNull().default('planned'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    check('review_meetings_status_check', sql`${t.status} in ('planned','held','cancelled')`),
    check('review_meetings_duration_check', sql`${t.durationMinutes} between 30 and 600`),
    check('review_meetings_preparation_check', sql`${t.preparationMinutes} between 0 and 480`),
    index('review_meetings_case_idx').on(t.caseId, t.plannedAt),
  ],
);

export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => reviewMeetings.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    participantId: uuid('participant_id').references(() => participants.id),
    userId: uuid('user_id').references(() => users.id),
    guestRole: text('guest_role'),
    guestOrganisation: text('guest_organisation'),
    preparedTimeline: boolean('prepared_timeline').notNull().default(false),
    preparedDossier: boolean('prepared_dossier').notNull().default(false),
    attended: boolean('attended'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'meeting_attendees_kind_check',
      sql`(${t.kind} = 'participant' and ${t.participantId} is not null and ${t.userId} is null and ${t.guestRole} is null)
        or (${t.kind} = 'team_member' and ${t.userId} is not null and ${t.participantId} is null and ${t.guestRole} is null)
        or (${t.kind} = 'guest' and ${t.guestRole} is not null and ${t.participantId} is null and ${t.userId} is null)`,
    ),
    // NULLs are distinct: one row per participant and per team member, any number of guests.
    unique('meeting_attendees_participant_unique').on(t.meetingId, t.participantId),
    unique('meeting_attendees_user_unique').on(t.meetingId, t.userId),
    index('meeting_attendees_meeting_idx').on(t.meetingId),
  ],
);

export const meetingContributions = pgTable(
  'meeting_contributions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => reviewMeetings.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    part: text('part').notNull(),
    text: text('text').notNull(),
    speakerRole: text('speaker_role').notNull(),
    attendeeId: uuid('attendee_id').references(() => meetingAttendees.id, { onDelete: 'set null' }),
    // A pin on a timeline item; the pin goes when the item is removed (e.g. consent withdrawn).
    timelineItemId: uuid('timeline_item_id').references(() => timelineItems.id, {
      onDelete: 'set null',
    }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    check(
      'meeting_contributions_part_check',
      sql`${t.part} in ('went_well','could_differ','helped','hindered','cooperation','learning_point')`,
    ),
    check(
      'meeting_contributions_speaker_check',
      sql`${t.speakerRole} in ('youth','parent','network','professional','researcher','expert_by_experience','guest')`,
    ),
    index('meeting_contributions_meeting_idx').on(t.meetingId),
  ],
);

export const planSteps = pgTable(
  'meeting_plan_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => reviewMeetings.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    what: text('what').notNull(),
    who: text('who').notNull(),
    due: date('due', { mode: 'string' }),
    status: text('status').notNull().default('open'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    check(
      'meeting_plan_steps_status_check',
      sql`${t.status} in ('open','in_progress','done','dropped')`,
    ),
    index('meeting_plan_steps_meeting_idx').on(t.meetingId),
  ],
);

export const planFollowUps = pgTable(
  'meeting_plan_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stepId: uuid('step_id')
      .notNull()
      .references(() => planSteps.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    on: date('on_date', { mode: 'string' }).notNull(),
    tried: text('tried').notNull(),
    result: text('result').notNull().default(''),
    next: text('next').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meeting_plan_follow_ups_step_idx').on(t.stepId)],
);

/** Every change of a meeting or its parts: who, when, before and after. Only ever appended. */
export const meetingHistory = pgTable(
  'meeting_history',
  {
    // A sequence, so changes made in the same instant keep their order.
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => reviewMeetings.id),
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
      'meeting_history_entity_check',
      sql`${t.entity} in ('meeting','attendee','contribution','plan_step','follow_up')`,
    ),
    check(
      'meeting_history_change_check',
      sql`${t.change} in ('created','updated','deleted','removed')`,
    ),
    index('meeting_history_meeting_idx').on(t.meetingId, t.changedAt),
  ],
);
