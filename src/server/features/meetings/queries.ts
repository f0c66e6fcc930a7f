// Reads of a case's review meetings: the list, one meeting with its attendees, reflection and
// alternative plan, and the history of its changes. People are shown by label or role.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import type { Tx } from '../../db/context';
import type {
  Attendee,
  Contribution,
  Meeting,
  PlanStep,
  SpeakerRole,
} from '../../../shared/contract/meetings';
import { users } from '../auth/schema';
import { participants } from '../cases/schema';
import { timelineItems } from '../timeline/schema';
import {
  meetingAttendees,
  meetingContributions,
  meetingHistory,
  planFollowUps,
  planSteps,
  reviewMeetings,
} from './schema';

type Executor = Db | Tx;

export type MeetingRow = typeof reviewMeetings.$inferSelect;

/** The speaking role of an attendee: a participant by their kind, staff by their role. */
export function speakerRoleOf(attendee: {
  kind: string;
  participantKind: string | null;
  userRole: string | null;
}): SpeakerRole {
  if (attendee.kind === 'guest') return 'guest';
  if (attendee.kind === 'participant') {
    if (attendee.participantKind === 'youth') return 'youth';
    if (attendee.participantKind === 'parent') return 'parent';
    if (attendee.participantKind === 'network') return 'network';
    return 'professional';
  }
  if (attendee.userRole === 'researcher') return 'researcher';
  if (attendee.userRole === 'expert_by_experience') return 'expert_by_experience';
  return 'professional';
}

export async function liveMeeting(db: Executor, caseId: string, meetingId: string) {
  const [row] = await db
    .select()
    .from(reviewMeetings)
    .where(
      and(
        eq(reviewMeetings.id, meetingId),
        eq(reviewMeetings.caseId, caseId),
        isNull(reviewMeetings.deletedAt),
      ),
    );
  return row ?? null;
}

// Qualified by hand: drizzle writes a lone table's column as a bare "id", which inside a
// subquery would mean the subquery's own id.
const meetingIdColumn = sql.raw('"review_meetings"."id"');

export async function listMeetings(db: Executor, caseId: string) {
  const rows = await db
    .select({
      id: reviewMeetings.id,
      plannedAt: reviewMeetings.plannedAt,
      durationMinutes: reviewMeetings.durationMinutes,
      status: reviewMeetings.status,
      attendees: sql<number>`(select count(*)::int from meeting_attendees a where a.meeting_id = ${meetingIdColumn})`,
      contributions: sql<number>`(select count(*)::int from meeting_contributions c where c.meeting_id = ${meetingIdColumn} and c.deleted_at is null)`,
      planSteps: sql<number>`(select count(*)::int from meeting_plan_steps s where s.meeting_id = ${meetingIdColumn} and s.deleted_at is null)`,
    })
    .from(reviewMeetings)
    .where(and(eq(reviewMeetings.caseId, caseId), isNull(reviewMeetings.deletedAt)))
    .orderBy(asc(reviewMeetings.plannedAt), asc(reviewMeetings.id));
  return rows.map((r) => ({
    ...r,
    plannedAt: r.plannedAt.toISOString(),
    status: r.status as Meeting['status'],
  }));
}

export async function attendeesOf(db: Executor, meetingId: string): Promise<Attendee[]> {
  const rows = await db
    .select({
      id: meetingAttendees.id,
      kind: meetingAttendees.kind,
      participantId: meetingAttendees.participantId,
      participantLabel: participants.label,
      participantKind: participants.kind,
      userId: meetingAttendees.userId,
      userName: users.displayName,
      userRole: users.role,
      guestRole: meetingAttendees.guestRole,
      guestOrganisation: meetingAttendees.guestOrganisation,
      preparedTimeline: meetingAttendees.preparedTimeline,
      preparedDossier: meetingAttendees.preparedDossier,
      attended: meetingAttendees.attended,
      version: meetingAttendees.version,
    })
    .from(meetingAttendees)
    .leftJoin(participants, eq(participants.id, meetingAttendees.participantId))
    .leftJoin(users, eq(users.id, meetingAttendees.userId))
    .where(eq(meetingAttendees.meetingId, meetingId))
    // Participants first, then the team, then guests; within each in the order they were added.
    .orderBy(
      sql`case ${meetingAttendees.kind} when 'participant' then 0 when 'team_member' then 1 else 2 end`,
      asc(meetingAttendees.createdAt),
      asc(meetingAttendees.id),
    );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as Attendee['kind'],
    label:
      r.kind === 'participant'
        ? (r.participantLabel ?? '')
        : r.kind === 'team_member'
          ? (r.userName ?? '')
          : [r.guestRole, r.guestOrganisation].filter(Boolean).join(', '),
    speakerRole: speakerRoleOf(r),
    participantId: r.participantId,
    userId: r.userId,
    guestRole: r.guestRole,
    guestOrganisation: r.guestOrganisation,
    preparedTimeline: r.preparedTimeline,
    preparedDossier: r.preparedDossier,
    attended: r.attended,
    version: r.version,
  }));
}

export type ContributionRow = typeof meetingContributions.$inferSelect;

export async function contributionsOf(
  db: Executor,
  meetingId: string,
  attendees: Attendee[],
): Promise<Contribution[]> {
  const rows = await db
    .select({
      row: meetingContributions,
      itemTitle: timelineItems.title,
      itemDeleted: timelineItems.deletedAt,
      authorName: users.displayName,
    })
    .from(meetingContributions)
    .leftJoin(timelineItems, eq(timelineItems.id, meetingContributions.timelineItemId))
    .leftJoin(users, eq(users.id, meetingContributions.createdBy))
    .where(
      and(eq(meetingContributions.meetingId, meetingId), isNull(meetingContributions.deletedAt)),
    )
    .orderBy(asc(meetingContributions.createdAt), asc(meetingContributions.id));
  const labels = new Map(attendees.map((a) => [a.id, a.label]));
  return rows.map(({ row, itemTitle, itemDeleted, authorName }) =>
    presentContribution(row, {
      attendeeLabel: row.attendeeId ? (labels.get(row.attendeeId) ?? null) : null,
      timelineItemTitle:
        itemTitle === null ? null : itemDeleted ? `${itemTitle} (verwijderd)` : itemTitle,
      authorName: authorName ?? '',
    }),
  );
}

export function presentContribution(
  row: ContributionRow,
  extra: { attendeeLabel: string | null; timelineItemTitle: string | null; authorName: string },
): Contribution {
  return {
    id: row.id,
    part: row.part as Contribution['part'],
    text: row.text,
    speakerRole: row.speakerRole as Contribution['speakerRole'],
    attendeeId: row.attendeeId,
    timelineItemId: row.timelineItemId,
    ...extra,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export type PlanStepRow = typeof planSteps.$inferSelect;

export async function planOf(db: Executor, meetingId: string): Promise<PlanStep[]> {
  const steps = await db
    .select()
    .from(planSteps)
    .where(and(eq(planSteps.meetingId, meetingId), isNull(planSteps.deletedAt)))
    .orderBy(asc(planSteps.createdAt), asc(planSteps.id));
  const followUps =
    steps.length === 0
      ? []
      : await db
          .select({ row: planFollowUps, authorName: users.displayName })
          .from(planFollowUps)
          .leftJoin(users, eq(users.id, planFollowUps.createdBy))
          .where(
            inArray(
              planFollowUps.stepId,
              steps.map((s) => s.id),
            ),
          )
          .orderBy(asc(planFollowUps.on), asc(planFollowUps.createdAt));
  return steps.map((step) =>
    presentPlanStep(
      step,
      followUps
        .filter((f) => f.row.stepId === step.id)
        .map(({ row, authorName }) => ({
          id: row.id,
          on: row.on,
          tried: row.tried,
          result: row.result,
          next: row.next,
          authorName: authorName ?? '',
          createdAt: row.createdAt.toISOString(),
        })),
    ),
  );
}

export function presentPlanStep(row: PlanStepRow, followUps: PlanStep['followUps'] = []): PlanStep {
  return {
    id: row.id,
    what: row.what,
    who: row.who,
    due: row.due,
    status: row.status as PlanStep['status'],
    followUps,
    version: row.version,
  };
}

/** One meeting with everything in it (without the case code and abilities, which the route adds). */
export async function readMeeting(
  db: Executor,
  caseId: string,
  meetingId: string,
): Promise<Omit<Meeting, 'caseCode' | 'abilities'> | null> {
  const meeting = await liveMeeting(db, caseId, meetingId);
  if (!meeting) return null;
  const attendees = await attendeesOf(db, meetingId);
  const [contributions, plan] = await Promise.all([
    contributionsOf(db, meetingId, attendees),
    planOf(db, meetingId),
  ]);
  return {
    id: meeting.id,
    caseId: meeting.caseId,
    plannedAt: meeting.plannedAt.toISOString(),
    durationMinutes: meeting.durationMinutes,
    preparationMinutes: meeting.preparationMinutes,
    location: meeting.location,
    notes: meeting.notes,
    status: meeting.status as Meeting['status'],
    version: meeting.version,
    attendees,
    preparation: {
      attendees: attendees.length,
      timelineRead: attendees.filter((a) => a.preparedTimeline).length,
      dossierRead: attendees.filter((a) => a.preparedDossier).length,
    },
    contributions,
    plan,
  };
}

const historyFieldsSkipped = new Set(['id', 'version', 'createdAt', 'updatedAt', 'createdBy']);

/** Every change of a meeting and its parts, oldest first, with the fields that changed. */
export async function meetingChanges(db: Db, caseId: string, meetingId: string) {
  const rows = await db
    .select({
      entity: meetingHistory.entity,
      entityId: meetingHistory.entityId,
      change: meetingHistory.change,
      at: meetingHistory.changedAt,
      by: users.displayName,
      before: meetingHistory.before,
      after: meetingHistory.after,
    })
    .from(meetingHistory)
    .leftJoin(users, eq(users.id, meetingHistory.changedBy))
    .where(and(eq(meetingHistory.caseId, caseId), eq(meetingHistory.meetingId, meetingId)))
    .orderBy(asc(meetingHistory.changedAt), asc(meetingHistory.id));
  return rows.map((r) => {
    const keys = [...new Set([...Object.keys(r.before ?? {}), ...Object.keys(r.after ?? {})])];
    return {
      entity: r.entity as 'meeting' | 'attendee' | 'contribution' | 'plan_step' | 'follow_up',
      entityId: r.entityId,
      change: r.change as 'created' | 'updated' | 'deleted' | 'removed',
      at: r.at.toISOString(),
      by: r.by ?? '',
      fields: keys
        .filter((k) => !historyFieldsSkipped.has(k))
        .filter(
          (k) => JSON.stringify(r.before?.[k] ?? null) !== JSON.stringify(r.after?.[k] ?? null),
        )
        .map((field) => ({
          field,
          before: r.before?.[field] ?? null,
          after: r.after?.[field] ?? null,
        })),
    };
  });
}

/** Attendees who are participants of the case and attend a meeting that has not been held. */
export async function plannedAttendancesOf(db: Executor, caseId: string, participantId: string) {
  return db
    .select({
      id: meetingAttendees.id,
      meetingId: meetingAttendees.meetingId,
      plannedAt: reviewMeetings.plannedAt,
    })
    .from(meetingAttendees)
    .innerJoin(reviewMeetings, eq(reviewMeetings.id, meetingAttendees.meetingId))
    .where(
      and(
        eq(meetingAttendees.caseId, caseId),
        eq(meetingAttendees.participantId, participantId),
        eq(reviewMeetings.status, 'planned'),
        isNull(reviewMeetings.deletedAt),
      ),
    );
}
