// Commands of the review meeting: plan and change the meeting, attendees (a participant only with
// consent to attend), reflection contributions, the alternative plan and its follow-ups. Every
// change is checked against a stale version (409 with both versions), writes its history and
// its access-log entry in the same transaction.
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import {
  runCommand,
  translateDbError,
  type CommandScope,
  type RequestContext,
  type Tx,
} from '../../db/context';
import { AppError } from '../../http/errors';
import type { AuditResourceType } from '../audit/events';
import type { CaseAccess } from '../cases/case-guard';
import { consentState } from '../cases/consent-state';
import { missingConsents } from '../../../shared/domain/consent';
import { teamMemberships } from '../organisations/schema';
import { users } from '../auth/schema';
import { liveItem } from '../timeline/queries';
import type {
  attendeeInputSchema,
  attendeeUpdateSchema,
  contributionInputSchema,
  contributionUpdateSchema,
  followUpInputSchema,
  meetingInputSchema,
  meetingUpdateSchema,
  planStepInputSchema,
  planStepUpdateSchema,
} from '../../../shared/contract/meetings';
import { attendeesOf, presentContribution, presentPlanStep } from './queries';
import {
  meetingAttendees,
  meetingContributions,
  meetingHistory,
  planFollowUps,
  planSteps,
  reviewMeetings,
} from './schema';

type Ctx = RequestContext & { access: CaseAccess };
type Entity = 'meeting' | 'attendee' | 'contribution' | 'plan_step' | 'follow_up';

const resourceTypes: Record<Entity, AuditResourceType> = {
  meeting: 'review_meeting',
  attendee: 'meeting_attendee',
  contribution: 'meeting_contribution',
  plan_step: 'meeting_plan_step',
  follow_up: 'meeting_follow_up',
};

const invalid = (path: string, message: string) =>
  new AppError('INVALID_INPUT', message, { fields: [{ path, message }] });

const today = (now: Date) => now.toISOString().slice(0, 10);

/** Drops bookkeeping columns from a row for the history. */
function snapshot(row: Record<string, unknown>): Record<string, unknown> {
  const { caseId: _c, meetingId: _m, deletedAt: _d, ...rest } = row;
  return Object.fromEntries(
    Object.entries(rest).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  );
}

async function changed(
  scope: CommandScope,
  ctx: Ctx,
  params: {
    caseId: string;
    meetingId: string;
    entity: Entity;
    entityId: string;
    change: 'created' | 'updated' | 'deleted' | 'removed';
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  },
) {
  await scope.tx.insert(meetingHistory).values({
    meetingId: params.meetingId,
    caseId: params.caseId,
    entity: params.entity,
    entityId: params.entityId,
    change: params.change,
    changedBy: ctx.access.actor.userId,
    changedAt: scope.now,
    before: params.before && snapshot(params.before),
    after: params.after && snapshot(params.after),
  });
  await scope.audit({
    caseId: params.caseId,
    resourceType: resourceTypes[params.entity],
    resourceId: params.entityId,
    action:
      params.change === 'created' ? 'create' : params.change === 'updated' ? 'update' : 'delete',
    grounds: ctx.access.grounds,
    outcome: 'success',
  });
}

function stale(what: string, current: unknown, yours: unknown): AppError {
  return new AppError(
    'CONFLICT',
    `Iemand anders heeft ${what} intussen gewijzigd. Vergelijk beide versies en kies wat blijft.`,
    { current, yours },
  );
}

/** The meeting, locked for this change; a cancelled meeting takes no new reflection or plan. */
async function meetingFor(tx: Tx, caseId: string, meetingId: string, open = false) {
  const [meeting] = await tx
    .select()
    .from(reviewMeetings)
    .where(
      and(
        eq(reviewMeetings.id, meetingId),
        eq(reviewMeetings.caseId, caseId),
        isNull(reviewMeetings.deletedAt),
      ),
    )
    .for('update');
  if (!meeting) throw new AppError('NOT_FOUND');
  if (open && meeting.status === 'cancelled')
    throw new AppError(
      'CONFLICT',
      'Deze bijeenkomst is afgezegd. Zet haar eerst weer op gepland of gehouden.',
    );
  return meeting;
}

export async function planMeeting(
  ctx: Ctx,
  caseId: string,
  input: z.output<typeof meetingInputSchema>,
) {
  return runCommand(ctx, async (scope) => {
    const [row] = await scope.tx
      .insert(reviewMeetings)
      .values({
        ...input,
        plannedAt: new Date(input.plannedAt),
        caseId,
        createdBy: ctx.access.actor.userId,
        createdAt: scope.now,
        updatedAt: scope.now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await changed(scope, ctx, {
      caseId,
      meetingId: row.id,
      entity: 'meeting',
      entityId: row.id,
      change: 'created',
      before: null,
      after: row,
    });
    return row.id;
  });
}

export async function updateMeeting(
  ctx: Ctx,
  caseId: string,
  meetingId: string,
  input: z.output<typeof meetingUpdateSchema>,
) {
  return runCommand(ctx, async (scope) => {
    const current = await meetingFor(scope.tx, caseId, meetingId);
    if (current.version !== input.version)
      throw stale('deze bijeenkomst', snapshot(current), input);
    const { version, ...fields } = input;
    const [row] = await scope.tx
      .update(reviewMeetings)
      .set({
        ...fields,
        plannedAt: new Date(fields.plannedAt),
        version: version + 1,
        updatedAt: scope.now,
      })
      .where(eq(reviewMeetings.id, meetingId))
      .returning();
    if (!row) throw new AppError('NOT_FOUND');
    await changed(scope, ctx, {
      caseId,
      meetingId,
      entity: 'meeting',
      entityId: meetingId,
      change: 'updated',
      before: current,
      after: row,
    });
  });
}

/** Why a participant may not attend, in words, or null when their consent is complete. */
export async function attendanceProblem(
  tx: Tx,
  caseId: string,
  participantId: string,
  birthYear: number,
  on: Date,
): Promise<string | null> {
  const state = await consentState(tx, caseId);
  const participant = state.participants.find((p) => p.id === participantId);
  if (!participant) return 'Deze deelnemer hoort niet bij deze casus.';
  const missing = missingConsents({
    participant,
    purpose: 'meeting',
    participants: state.participants,
    consents: state.consents,
    birthYear,
    on,
  });
  if (missing.length === 0) return null;
  return `${participant.label} kan niet worden uitgenodigd: de toestemming om bij de casusreview te zijn ontbreekt. ${missing.map((m) => m.reason).join(' ')}`;
}

export async function addAttendee(
  ctx: Ctx,
  caseId: string,
  meetingId: string,
  input: z.output<typeof attendeeInputSchema>,
) {
  return runCommand(ctx, async (scope) => {
    const { tx } = scope;
    await meetingFor(tx, caseId, meetingId, true);
    const values: typeof meetingAttendees.$inferInsert = { meetingId, caseId, kind: input.kind };
    if (input.kind === 'participant') {
      const problem = await attendanceProblem(
        tx,
        caseId,
        input.participantId,
        ctx.access.resource.birthYear,
        scope.now,
      );
      if (problem === 'Deze deelnemer hoort niet bij deze casus.')
        throw invalid('participantId', problem);
      if (problem) throw new AppError('CONSENT_MISSING', problem);
      values.participantId = input.participantId;
    } else if (input.kind === 'team_member') {
      const reaches =
        ctx.access.resource.assignedUserIds.includes(input.userId) ||
        (
          await tx
            .select({ userId: teamMemberships.userId })
            .from(teamMemberships)
            .innerJoin(users, eq(users.id, teamMemberships.userId))
            .where(
              and(
                eq(teamMemberships.teamId, ctx.access.resource.teamId),
                eq(teamMemberships.userId, input.userId),
                eq(users.status, 'active'),
              ),
            )
        ).length > 0;
      if (!reaches)
        throw invalid(
          'userId',
          'Alleen leden van het team van deze casus en wie aan de casus is toegewezen kunnen als teamlid deelnemen.',
        );
      values.userId = input.userId;
    } else {
      values.guestRole = input.guestRole;
      values.guestOrganisation = input.guestOrganisation || null;
    }
    let row: typeof meetingAttendees.$inferSelect | undefined;
    try {
      [row] = await tx
        .insert(meetingAttendees)
        .values({ ...values, createdAt: scope.now })
        .returning();
    } catch (error) {
      translateDbError(error, { unique: 'Deze persoon staat al bij de deelnemers.' });
    }
    if (!row) throw new Error('insert returned no row');
    await changed(scope, ctx, {
      caseId,
      meetingId,
      entity: 'attendee',
      entityId: row.id,
      change: 'created',
      before: null,
      after: row,
    });
    return row.id;
  });
}

async function attendeeRow(tx: Tx, meetingId: string, attendeeId: string) {
  const [row] = await tx
    .select()
    .from(meetingAttendees)
    .where(and(eq(meetingAttendees.id, attendeeId), eq(meetingAttendees.meetingId, meetingId)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function updateAttendee(
  ctx: Ctx,
  caseId: string,
  meetingId: string,
  attendeeId: string,
  input: z.output<typeof attendeeUpdateSchema>,
) {
  return runCommand(ctx, async (scope) => {
    await meetingFor(scope.tx, caseId, meetingId);
    const current = await attendeeRow(scope.tx, meetingId, attendeeId);
    if (current.version !== input.version) throw stale('deze deelnemer', snapshot(current), input);
    const { version, ...fields } = input;
    const [row] = await scope.tx
      .update(meetingAttendees)
      .set({ ...fields, version: version + 1 })
      .where(eq(meetingAttendees.id, attendeeId))
      .returning();
    await changed(scope, ctx, {
      caseId,
      meetingId,
      entity: 'attendee',
      entityId: attendeeId,
      change: 'updated',
      before: current,
      after: row ?? null,
    });
  });
}

export async function removeAttendee(
  ctx: Ctx,
  caseId: string,
  meetingId: string,
  attendeeId: string,
  version: number,
) {
  return runCommand(ctx, async (scope) => {
    await meetingFor(scope.tx, caseId, meetingId);
    const current = await attendeeRow(scope.tx, meetingId, attendeeId);
    if (current.version !== version) throw stale('deze deelnemer', snapshot(current), { version });
    await scope.tx.delete(meetingAttendees).where(eq(meetingAttendees.id, attendeeId));
    await changed(scope, ctx, {
      caseId,
      meetingId,
      entity: 'attendee',
      entityId: attendeeId,
      change: 'deleted',
      before: current,
      after: null,
    });
  });
}

/**
 * Removes attendees because their consent to attend was withdrawn (the consent feature calls
 * this in its transaction and writes the access-log entries): one history row per removal.
 */
export async function removeAttendances(
  tx: Tx,
  params: { ids: string[]; userId: string | null; now: Date },
) {
  for (const id of params.ids) {
    const [row] = await tx.delete(meetingAttendees).where(eq(meetingAttendees.id, id)).returning();
    if (!row) continue;
    await tx.insert(meetingHistory).values({
      meetingId: row.meetingId,
      caseId: row.caseId,
      entity: 'attendee',
      entityId: id,
      change: 'removed',
      changedBy: params.userId,
      changedAt: params.now,
      before: snapshot(row),
      after: null,
    });
  }
}

/** Checks who said it and the timeline pin of a contribution. */
async function checkContribution(
  tx: Tx,
  caseId: string,
  meetingId: string,
  input: z.output<typeof contributionInputSchema>,
  current?: { timelineItemId: string | null },
) {
  if (input.attendeeId) {
    const attendees = await attendeesOf(tx, meetingId);
    const attendee = attendees.find((a) => a.id === input.attendeeId);
    if (!attendee) throw invalid('attendeeId', 'Deze persoon staat niet bij de deelnemers.');
    if (attendee.speakerRole !== input.speakerRole)
      throw invalid(
        'speakerRole',
        'De rol past niet bij de gekozen deelnemer. Kies de rol van wie het zei.',
      );
  }
  if (input.timelineItemId && input.timelineItemId !== current?.timelineItemId) {
    const item = await liveItem(tx, caseId, input.timelineItemId);
    if (!item)
      throw invalid(
        'timelineItemId',
        'Dit onderdeel staat niet (meer) op de tijdlijn van deze casus.',
      );
  }
}

async function contributionExtras(
  tx: Tx,
  meetingId: string,
  row: { attendeeId: string | null; timelineItemId: string | null },
  caseId: string,
) {
  const attendees = row.attendeeId ? await attendeesOf(tx, meetingId) : [];
  const item = row.timelineItemId ? await liveItem(tx, caseId, row.timelineItemId) : null;
  return {
    attendeeLabel: attendees.find((a) => a.id === row.attendeeId)?.label ?? null,
    timelineItemTitle: item?.title ?? null,
  };
}

export async function addContribution(
  ctx: Ctx,
  caseId: string,
  meetingId: string,
  input: z.output<typeof contributionInputSchema>,
) {
  return runCommand(ctx, async (scope) => {
    await meetingFor(scope.tx, caseId, meetingId, true);
    await checkContribution(scope.tx, caseId, meetingId, input);
    const [row] = await scope.tx
      .insert(meetingContributions)
      .values({
        ...input,
        meetingId,
        caseId,
        createdBy: ctx.access.actor.userId,
        createdAt: scope.now,
        updatedAt: scope.now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await changed(scope, ctx, {
      caseId,
      meetingId,
      entity: 'contribution',
      entityId: row.id,
      change: 'created',
      before: null,
      after: row,
    });
    return presentContribution(row, {
      ...(await contributionExtras(scope.tx, meetingId, row, caseId)),
      authorName: '',
    });
  });
}

async function contributionRow(tx: Tx, meetingId: string, id: string) {
  const [row] = await tx
    .select()
    .from(meetingContributions)
    .where(
      and(
        eq(meetingContributions.id, id),
        eq(meetingContributions.meetingId, meetingId),
        isNull(meetingContributions.deletedAt),
      ),
    );
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function updateContribution(
  ctx: Ctx,
  caseId: string,
  meetingId: string,
  contributionId: string,
  input: z.output<typeof contributionUpdateSchema>,
) {
  return runCommand(ctx, async (scope) => {
    await meetingFor(scope.tx, caseId, meetingId, true);
    const current = await contributionRow(scope.tx, meetingId, contributionId);
    const extras = async (row: typeof current) => ({
      ...(await contributionExtras(scope.tx, meetingId, row, caseId)),
      authorName: '',
    });
    if (current.version !== input.version)
      throw stale('deze bijdrage', presentContribution(current, await extras(current)), input);
    const { version, ...fields } = input;
    await checkContribution(scope.tx, caseId, meetingId, fields, current);
    const [row] = await scope.tx
      .update(meetingContributions)
      .set({ ...fields, version: version + 1, updatedAt: scope.now })
      .where(eq(meetingContributions.id, contributionId))
      .returning();
    if (!row) throw new AppError('NOT_FOUND');
    await changed(scope, ctx, {
      caseId,
      meetingId,
      entity: 'contribution',
      entityId: contributionId,
      change: 'updated',
      before: current,
      after: row,
    });
    return presentContribution(row, await extras(row));
  });
}

export async function deleteContribution(
  ctx: Ctx,
  caseId: string,
  meetingId: string,
  contributionId: string,
  version: number,
) {
  return runCommand(ctx, async (scope) => {
    await meetingFor(scope.tx, caseId, meetingId);
    const current = await contributionRow(scope.tx, meetingId, contributionId);
    if (current.version !== version) throw stale('deze bijdrage', snapshot(current), { version });
    await scope.tx
      .update(meetingContributions)
      .set({ deletedAt: scope.now, version: version + 1, updatedAt: scope.now })
      .where(eq(meetingContributions.id, contributionId));
    await changed(scope, ctx, {
      caseId,
      meetingId,
      entity: 'contribution',
      entityId: contributionId,
      change: 'deleted',
      before: current,
      after: null,
    });
  });
}

export async function addPlanStep(
  ctx: Ctx,
  caseId: string,
  meetingId: string,
  input: z.output<typeof planStepInputSchema>,
) {
  return runCommand(ctx, async (scope) => {
    await meetingFor(scope.tx, caseId, meetingId, true);
    const [row] = await scope.tx
      .insert(planSteps)
      .values({
        ...input,
        meetingId,
        caseId,
        createdBy: ctx.access.actor.userId,
        createdAt: scope.now,
        updatedAt: scope.now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await changed(scope, ctx, {
      caseId,
      meetingId,
      entity: 'plan_step',
      entityId: row.id,
      change: 'created',
      before: null,
      after: row,
    });
    return presentPlanStep(row);
  });
}

async function planStepRow(tx: Tx, meetingId: string, id: string) {
  const [row] = await tx
    .select()
    .from(planSteps)
    .where(
      and(eq(planSteps.id, id), eq(planSteps.meetingId, meetingId), isNull(planSteps.deletedAt)),
    );
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function updatePlanStep(
  ctx: Ctx,
  caseId: string,
  meetingId: string,
  stepId: string,
  input: z.output<typeof planStepUpdateSchema>,
) {
  return runCommand(ctx, async (scope) => {
    await meetingFor(scope.tx, caseId, meetingId);
    const current = await planStepRow(scope.tx, meetingId, stepId);
    if (current.version !== input.version)
      throw stale('deze stap van het plan', presentPlanStep(current), input);
    const { version, ...fields } = input;
    const [row] = await scope.tx
      .update(planSteps)
      .set({ ...fields, version: version + 1, updatedAt: scope.now })
      .where(eq(planSteps.id, stepId))
      .returning();
    if (!row) throw new AppError('NOT_FOUND');
    await changed(scope, ctx, {
      caseId,
      meetingId,
      entity: 'plan_step',
      entityId: stepId,
      change: 'updated',
      before: current,
      after: row,
    });
    return presentPlanStep(row);
  });
}

export async function deletePlanStep(
  ctx: Ctx,
  caseId: string,
  meetingId: string,
  stepId: string,
  version: number,
) {
  return runCommand(ctx, async (scope) => {
    await meetingFor(scope.tx, caseId, meetingId);
    const current = await planStepRow(scope.tx, meetingId, stepId);
    if (current.version !== version)
      throw stale('deze stap van het plan', presentPlanStep(current), { version });
    await scope.tx
      .update(planSteps)
      .set({ deletedAt: scope.now, version: version + 1, updatedAt: scope.now })
      .where(eq(planSteps.id, stepId));
    await changed(scope, ctx, {
      caseId,
      meetingId,
      entity: 'plan_step',
      entityId: stepId,
      change: 'deleted',
      before: current,
      after: null,
    });
  });
}

/** A follow-up entry: what was tried since, the result, the next step. Never in the future. */
export async function addFollowUp(
  ctx: Ctx,
  caseId: string,
  meetingId: string,
  stepId: string,
  input: z.output<typeof followUpInputSchema>,
) {
  return runCommand(ctx, async (scope) => {
    const meeting = await meetingFor(scope.tx, caseId, meetingId);
    await planStepRow(scope.tx, meetingId, stepId);
    if (input.on > today(scope.now))
      throw invalid('on', 'Een vervolg schrijf je op na afloop: de datum ligt nog in de toekomst.');
    if (input.on < meeting.plannedAt.toISOString().slice(0, 10))
      throw invalid('on', 'Een vervolg komt na de bijeenkomst waarin het plan is gemaakt.');
    const [row] = await scope.tx
      .insert(planFollowUps)
      .values({
        ...input,
        stepId,
        caseId,
        createdBy: ctx.access.actor.userId,
        createdAt: scope.now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await changed(scope, ctx, {
      caseId,
      meetingId,
      entity: 'follow_up',
      entityId: row.id,
      change: 'created',
      before: null,
      after: row,
    });
    return row.id;
  });
}
