// Commands of the learning network: plan a meeting, change it (theme, date, place, status,
// outcomes; stale version → 409 with both versions), add and remove attendees (a group by
// organisation and role with a count, or a platform account) and material (a quarterly report by
// region and quarter, a case summary without identifying detail, another document; threads come
// with issue 7). History and access-log entry in the same transaction as the change.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { runCommand, translateDbError, type CommandScope, type Tx } from '../../db/context';
import { AppError } from '../../http/errors';
import type {
  networkAttendeeInputSchema,
  networkMaterialInputSchema,
  networkMeetingInputSchema,
  networkMeetingUpdateSchema,
} from '../../../shared/contract/actions';
import type { AuditResourceType } from '../audit/events';
import { regions } from '../organisations/schema';
import { synthesisThreads } from '../synthesis/schema';
import type { ActionCtx } from './save-action';
import { auditChange, invalid, snapshot, type Change } from './change-log';
import { organisationExists, ownerAccount } from './queries';
import { networkAttendees, networkHistory, networkMaterials, networkMeetings } from './schema';

type Entity = 'meeting' | 'attendee' | 'material';
const resourceTypes: Record<Entity, AuditResourceType> = {
  meeting: 'network_meeting',
  attendee: 'network_attendee',
  material: 'network_material',
};

const dropped = ['programmeId', 'meetingId'] as const;

async function changed(
  scope: CommandScope,
  ctx: ActionCtx,
  params: {
    meetingId: string;
    entity: Entity;
    entityId: string;
    change: Change;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  },
) {
  await scope.tx.insert(networkHistory).values({
    meetingId: params.meetingId,
    entity: params.entity,
    entityId: params.entityId,
    change: params.change,
    changedBy: ctx.reach.actor.userId,
    changedAt: scope.now,
    before: snapshot(params.before, dropped),
    after: snapshot(params.after, dropped),
  });
  await auditChange(
    scope,
    ctx.reach.grounds,
    resourceTypes[params.entity],
    params.entityId,
    params.change,
  );
}

async function lockedMeeting(tx: Tx, meetingId: string) {
  const [row] = await tx
    .select()
    .from(networkMeetings)
    .where(eq(networkMeetings.id, meetingId))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function planNetworkMeeting(
  ctx: ActionCtx,
  input: z.output<typeof networkMeetingInputSchema>,
) {
  return runCommand(ctx, async (scope) => {
    const [row] = await scope.tx
      .insert(networkMeetings)
      .values({
        ...input,
        programmeId: ctx.reach.programme.id,
        createdBy: ctx.reach.actor.userId,
        createdAt: scope.now,
        updatedAt: scope.now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await changed(scope, ctx, {
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

export async function updateNetworkMeeting(
  ctx: ActionCtx,
  meetingId: string,
  input: z.output<typeof networkMeetingUpdateSchema>,
) {
  return runCommand(ctx, async (scope) => {
    const current = await lockedMeeting(scope.tx, meetingId);
    if (current.version !== input.version)
      throw new AppError(
        'CONFLICT',
        'Iemand anders heeft deze bijeenkomst intussen gewijzigd. Vergelijk beide versies en kies wat blijft.',
        { current: snapshot(current, dropped), yours: input },
      );
    const { version, ...fields } = input;
    const [row] = await scope.tx
      .update(networkMeetings)
      .set({ ...fields, version: version + 1, updatedAt: scope.now })
      .where(eq(networkMeetings.id, meetingId))
      .returning();
    await changed(scope, ctx, {
      meetingId,
      entity: 'meeting',
      entityId: meetingId,
      change: 'updated',
      before: current,
      after: row ?? null,
    });
  });
}

export async function addNetworkAttendee(
  ctx: ActionCtx,
  meetingId: string,
  input: z.output<typeof networkAttendeeInputSchema>,
) {
  return runCommand(ctx, async (scope) => {
    await lockedMeeting(scope.tx, meetingId);
    let values: typeof networkAttendees.$inferInsert;
    if (input.kind === 'group') {
      if (!(await organisationExists(scope.tx, input.organisationId)))
        throw invalid('organisationId', 'Kies een organisatie uit de lijst.');
      values = {
        meetingId,
        kind: 'group',
        organisationId: input.organisationId,
        roleLabel: input.roleLabel,
        count: input.count,
      };
    } else {
      const account = await ownerAccount(scope.tx, input.userId);
      if (!account) throw invalid('userId', 'Kies een actief account van een medewerker.');
      values = {
        meetingId,
        kind: 'user',
        userId: input.userId,
        organisationId: account.organisationId,
        roleLabel: '',
        count: 1,
      };
    }
    let row: typeof networkAttendees.$inferSelect | undefined;
    try {
      [row] = await scope.tx
        .insert(networkAttendees)
        .values({ ...values, createdAt: scope.now })
        .returning();
    } catch (error) {
      translateDbError(error, { unique: 'Deze persoon staat al bij de deelnemers.' });
    }
    if (!row) throw new Error('insert returned no row');
    await changed(scope, ctx, {
      meetingId,
      entity: 'attendee',
      entityId: row.id,
      change: 'created',
      before: null,
      after: row,
    });
  });
}

export async function addNetworkMaterial(
  ctx: ActionCtx,
  meetingId: string,
  input: z.output<typeof networkMaterialInputSchema>,
) {
  return runCommand(ctx, async (scope) => {
    const meeting = await lockedMeeting(scope.tx, meetingId);
    let values: typeof networkMaterials.$inferInsert;
    if (input.kind === 'thread') {
      // The thread as it stood when it was discussed: its number, title and description are
      // kept with the meeting, so later versions do not rewrite what was on the table.
      const [thread] = await scope.tx
        .select({
          programmeId: synthesisThreads.programmeId,
          number: synthesisThreads.number,
          title: synthesisThreads.title,
          description: synthesisThreads.description,
          status: synthesisThreads.status,
        })
        .from(synthesisThreads)
        .where(eq(synthesisThreads.id, input.targetId));
      if (!thread || thread.status !== 'active')
        throw invalid(
          'targetId',
          'Deze rode draad bestaat niet, of is vervangen of ingetrokken. Kies een rode draad uit de lijst.',
        );
      if (thread.programmeId !== meeting.programmeId)
        throw invalid(
          'targetId',
          'Deze rode draad hoort bij een ander programma. Bespreek alleen rode draden van het eigen programma.',
        );
      values = {
        meetingId,
        kind: 'thread',
        targetId: input.targetId,
        title: `Rode draad ${thread.number}: ${thread.title}`,
        body: thread.description,
      };
    } else if (input.kind === 'quarterly_report') {
      const [region] = await scope.tx
        .select({ code: regions.code })
        .from(regions)
        .where(eq(regions.code, input.regionCode));
      if (!region) throw invalid('regionCode', 'Kies een jeugdregio uit de lijst.');
      const thisYear = scope.now.getUTCFullYear();
      if (input.year > thisYear)
        throw invalid('year', 'Een kwartaalrapportage gaat over een kwartaal dat voorbij is.');
      values = {
        meetingId,
        kind: 'quarterly_report',
        regionCode: input.regionCode,
        year: input.year,
        quarter: input.quarter,
        title: '',
        body: '',
      };
    } else {
      values = { meetingId, kind: input.kind, title: input.title, body: input.body };
    }
    const [row] = await scope.tx
      .insert(networkMaterials)
      .values({ ...values, createdAt: scope.now })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await changed(scope, ctx, {
      meetingId,
      entity: 'material',
      entityId: row.id,
      change: 'created',
      before: null,
      after: row,
    });
  });
}

export async function removeNetworkChild(
  ctx: ActionCtx,
  meetingId: string,
  entity: 'attendee' | 'material',
  childId: string,
) {
  return runCommand(ctx, async (scope) => {
    await lockedMeeting(scope.tx, meetingId);
    const table = entity === 'attendee' ? networkAttendees : networkMaterials;
    const [row] = await scope.tx
      .delete(table)
      .where(and(eq(table.id, childId), eq(table.meetingId, meetingId)))
      .returning();
    if (!row) throw new AppError('NOT_FOUND');
    await changed(scope, ctx, {
      meetingId,
      entity,
      entityId: childId,
      change: 'deleted',
      before: row,
      after: null,
    });
  });
}
