// Commands of the timeline: add, edit (optimistic concurrency: a stale version is a 409 with
// both versions), delete, comment. Each change writes its history and access-log entry and
// recomputes the case's indicators in the same transaction.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { runCommand, type CommandScope, type RequestContext, type Tx } from '../../db/context';
import { AppError } from '../../http/errors';
import { can, type Actor } from '../../policy/policy';
import type { CaseAccess } from '../cases/case-guard';
import { consentState, dossierConsentComplete } from '../cases/consent-state';
import { cases, participants } from '../cases/schema';
import { computeIndicators } from '../../../shared/domain/indicators';
import { dayRange, validateDates } from '../../../shared/domain/fuzzy-date';
import {
  laneCategoryList,
  type CategoryMarker,
  type Perspective,
  type TimelineLane,
} from '../../../shared/domain/timeline';
import type {
  timelineCommentInputSchema,
  timelineItemInputSchema,
  timelineItemUpdateSchema,
} from '../../../shared/contract/timeline';
import { liveItem, presentItem, snapshotOf } from './queries';
import {
  caseIndicators,
  timelineCategories,
  timelineComments,
  timelineHistory,
  timelineItems,
} from './schema';

type ItemInput = z.output<typeof timelineItemInputSchema>;
type ItemUpdate = z.output<typeof timelineItemUpdateSchema>;
type CommentInput = z.output<typeof timelineCommentInputSchema>;
type Ctx = RequestContext & { access: CaseAccess };

const invalid = (fields: { path: string; message: string }[]) =>
  new AppError('INVALID_INPUT', fields[0]?.message, { fields });

const today = (now: Date) => now.toISOString().slice(0, 10);

async function caseFacts(tx: Tx, caseId: string) {
  const [row] = await tx
    .select({ birthYear: cases.birthYear })
    .from(cases)
    .where(eq(cases.id, caseId))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** A participant's own perspective, and their participant id in this case. */
async function ownParticipant(tx: Tx, caseId: string, actor: Actor) {
  const [row] = await tx
    .select({ id: participants.id, kind: participants.kind })
    .from(participants)
    .where(and(eq(participants.caseId, caseId), eq(participants.userId, actor.userId)));
  if (!row) throw new AppError('NOT_FOUND');
  const perspective: Perspective =
    row.kind === 'youth' ? 'youth' : row.kind === 'parent' ? 'parent' : 'professional';
  return { id: row.id, perspective };
}

/**
 * Whether the item's category may be used: an active entry of the lane's list, or an archived
 * one the item already had (an archived entry stays valid on existing records, but is not
 * chosen anew). The entry is locked FOR SHARE until the change commits, so an administrator's
 * marker change either waits for this change or is seen by its indicator recompute; taken
 * before the case row, in the same order as that marker change, so the two cannot deadlock.
 */
async function categoryProblem(
  tx: Tx,
  input: ItemInput,
  current: { lane: string; categoryCode: string | null } | undefined,
): Promise<{ path: string; message: string } | null> {
  if (!input.categoryCode) return null;
  const list = laneCategoryList[input.lane as TimelineLane];
  const [category] = list
    ? await tx
        .select({ archivedAt: timelineCategories.archivedAt })
        .from(timelineCategories)
        .where(
          and(eq(timelineCategories.list, list), eq(timelineCategories.code, input.categoryCode)),
        )
        .for('share')
    : [];
  const isUnchanged =
    current !== undefined &&
    current.categoryCode === input.categoryCode &&
    laneCategoryList[current.lane as TimelineLane] === list;
  if (category && (category.archivedAt === null || isUnchanged)) return null;
  return { path: 'categoryCode', message: 'Kies een soort uit de lijst.' };
}

/** Checks an item against the case and the reference lists; returns the stored date ranges. */
async function checkedItem(
  tx: Tx,
  ctx: Ctx,
  caseId: string,
  input: ItemInput,
  now: Date,
  current?: { lane: string; categoryCode: string | null },
) {
  const category = await categoryProblem(tx, input, current);
  const { birthYear } = await caseFacts(tx, caseId);
  const problems: { path: string; message: string }[] = [
    ...validateDates(input.start, input.end, birthYear, today(now)),
  ];
  if (input.kind === 'event' && input.end)
    problems.push({
      path: 'end',
      message: 'Een gebeurtenis heeft geen einddatum; kies een periode.',
    });
  if (category) problems.push(category);
  if (input.sourceParticipantId) {
    const [who] = await tx
      .select({ id: participants.id })
      .from(participants)
      .where(and(eq(participants.id, input.sourceParticipantId), eq(participants.caseId, caseId)));
    if (!who)
      problems.push({
        path: 'sourceParticipantId',
        message: 'Deze deelnemer hoort niet bij deze casus.',
      });
  }
  if (input.revisesItemId) {
    const revised = await liveItem(tx, caseId, input.revisesItemId);
    if (input.lane !== 'diagnosis' || !revised || revised.lane !== 'diagnosis')
      problems.push({
        path: 'revisesItemId',
        message: 'Alleen een diagnose kan een eerdere diagnose van deze casus herzien.',
      });
  }
  if (problems.length > 0) throw invalid(problems);
  if (input.source === 'dossier') {
    const state = await consentState(tx, caseId);
    const dossierConsent = dossierConsentComplete(state, birthYear, now);
    if (!can(ctx.access.actor, 'dossier.write', { ...ctx.access.resource, dossierConsent }))
      throw new AppError(
        'CONSENT_MISSING',
        'Gegevens uit het dossier kunnen pas worden vastgelegd als de toestemming voor dossierinzage compleet is.',
      );
  }
  const start = dayRange(input.start, birthYear);
  const end = input.end ? dayRange(input.end, birthYear) : null;
  return {
    birthYear,
    columns: {
      ...input,
      startEarliest: start.earliest,
      startLatest: start.latest,
      end: input.end,
      endEarliest: end?.earliest ?? null,
      endLatest: end?.latest ?? null,
    },
  };
}

/** Recomputes and stores the case's indicators from its live items. */
export async function recomputeIndicators(tx: Tx, caseId: string, birthYear: number, now: Date) {
  const rows = await tx
    .select({
      id: timelineItems.id,
      lane: timelineItems.lane,
      kind: timelineItems.kind,
      startEarliest: timelineItems.startEarliest,
      startLatest: timelineItems.startLatest,
      endEarliest: timelineItems.endEarliest,
      endLatest: timelineItems.endLatest,
      categoryCode: timelineItems.categoryCode,
      marker: timelineCategories.marker,
      reference: timelineItems.reference,
      isSignal: timelineItems.isSignal,
      revisesItemId: timelineItems.revisesItemId,
    })
    .from(timelineItems)
    .leftJoin(
      timelineCategories,
      and(
        eq(timelineCategories.code, timelineItems.categoryCode),
        eq(
          timelineCategories.list,
          sql`case ${timelineItems.lane} when 'living' then 'setting_type' when 'school' then 'school_type' when 'care' then 'care_type' when 'justice' then 'justice_measure' end`,
        ),
      ),
    )
    .where(and(eq(timelineItems.caseId, caseId), isNull(timelineItems.deletedAt)));
  const values = computeIndicators(
    rows.map((r) => ({
      id: r.id,
      lane: r.lane as TimelineLane,
      kind: r.kind as 'event' | 'period',
      start: { earliest: r.startEarliest, latest: r.startLatest },
      end: r.endEarliest && r.endLatest ? { earliest: r.endEarliest, latest: r.endLatest } : null,
      categoryMarker: r.marker as CategoryMarker | null,
      categoryCode: r.categoryCode,
      reference: r.reference,
      isSignal: r.isSignal,
      revisesItemId: r.revisesItemId,
    })),
    birthYear,
    today(now),
  );
  await tx
    .insert(caseIndicators)
    .values({ caseId, ...values, computedAt: now })
    .onConflictDoUpdate({ target: caseIndicators.caseId, set: { ...values, computedAt: now } });
}

function entry(
  access: CaseAccess,
  caseId: string,
  resourceType: 'timeline_item' | 'timeline_comment',
  resourceId: string,
  action: 'create' | 'update' | 'delete',
): Parameters<CommandScope['audit']>[0] {
  return { caseId, resourceType, resourceId, action, grounds: access.grounds, outcome: 'success' };
}

/** A participant speaks for themselves: their items carry their own perspective and id. */
async function asContributor(tx: Tx, ctx: Ctx, caseId: string, input: ItemInput) {
  if (ctx.access.actor.role !== 'participant') return input;
  const own = await ownParticipant(tx, caseId, ctx.access.actor);
  return { ...input, source: own.perspective, sourceParticipantId: own.id };
}

export async function addItem(ctx: Ctx, caseId: string, input: ItemInput) {
  return runCommand(ctx, async ({ tx, now, audit }) => {
    const own = await asContributor(tx, ctx, caseId, input);
    const { birthYear, columns } = await checkedItem(tx, ctx, caseId, own, now);
    const [row] = await tx
      .insert(timelineItems)
      .values({
        ...columns,
        caseId,
        createdBy: ctx.access.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await tx.insert(timelineHistory).values({
      itemId: row.id,
      caseId,
      version: 1,
      change: 'created',
      changedBy: ctx.access.actor.userId,
      changedAt: now,
      before: null,
      after: snapshotOf(row),
    });
    await recomputeIndicators(tx, caseId, birthYear, now);
    await audit(entry(ctx.access, caseId, 'timeline_item', row.id, 'create'));
    return presentItem(row);
  });
}

export async function updateItem(ctx: Ctx, caseId: string, itemId: string, input: ItemUpdate) {
  return runCommand(ctx, async ({ tx, now, audit }) => {
    const current = await liveItem(tx, caseId, itemId);
    if (!current) throw new AppError('NOT_FOUND');
    if (current.version !== input.version)
      throw new AppError(
        'CONFLICT',
        'Iemand anders heeft dit onderdeel van de tijdlijn intussen gewijzigd. Vergelijk beide versies en kies wat blijft.',
        { current: presentItem(current), yours: input },
      );
    const { version, ...fields } = input;
    const { birthYear, columns } = await checkedItem(tx, ctx, caseId, fields, now, current);
    const [row] = await tx
      .update(timelineItems)
      .set({ ...columns, version: version + 1, updatedAt: now })
      .where(and(eq(timelineItems.id, itemId), eq(timelineItems.version, version)))
      .returning();
    if (!row) throw new AppError('CONFLICT');
    await tx.insert(timelineHistory).values({
      itemId,
      caseId,
      version: row.version,
      change: 'updated',
      changedBy: ctx.access.actor.userId,
      changedAt: now,
      before: snapshotOf(current),
      after: snapshotOf(row),
    });
    await recomputeIndicators(tx, caseId, birthYear, now);
    await audit(entry(ctx.access, caseId, 'timeline_item', itemId, 'update'));
    return presentItem(row);
  });
}

export async function deleteItem(ctx: Ctx, caseId: string, itemId: string, version: number) {
  return runCommand(ctx, async ({ tx, now, audit }) => {
    const { birthYear } = await caseFacts(tx, caseId);
    const current = await liveItem(tx, caseId, itemId);
    if (!current) throw new AppError('NOT_FOUND');
    if (current.version !== version)
      throw new AppError(
        'CONFLICT',
        'Iemand anders heeft dit onderdeel intussen gewijzigd. Bekijk de nieuwe versie voordat je het verwijdert.',
        { current: presentItem(current) },
      );
    await tx
      .update(timelineItems)
      .set({ deletedAt: now, version: version + 1, updatedAt: now })
      .where(eq(timelineItems.id, itemId));
    await tx.insert(timelineHistory).values({
      itemId,
      caseId,
      version: version + 1,
      change: 'deleted',
      changedBy: ctx.access.actor.userId,
      changedAt: now,
      before: snapshotOf(current),
      after: null,
    });
    await recomputeIndicators(tx, caseId, birthYear, now);
    await audit(entry(ctx.access, caseId, 'timeline_item', itemId, 'delete'));
  });
}

export async function addComment(ctx: Ctx, caseId: string, itemId: string, input: CommentInput) {
  return runCommand(ctx, async ({ tx, now, audit }) => {
    const item = await liveItem(tx, caseId, itemId);
    if (!item) throw new AppError('NOT_FOUND');
    let { perspective, participantId } = input;
    if (ctx.access.actor.role === 'participant') {
      const own = await ownParticipant(tx, caseId, ctx.access.actor);
      perspective = own.perspective;
      participantId = own.id;
    } else if (participantId) {
      const [who] = await tx
        .select({ id: participants.id })
        .from(participants)
        .where(and(eq(participants.id, participantId), eq(participants.caseId, caseId)));
      if (!who)
        throw invalid([
          { path: 'participantId', message: 'Deze deelnemer hoort niet bij deze casus.' },
        ]);
    }
    const [row] = await tx
      .insert(timelineComments)
      .values({
        itemId,
        caseId,
        perspective,
        participantId,
        text: input.text,
        authorId: ctx.access.actor.userId,
        createdAt: now,
      })
      .returning({ id: timelineComments.id });
    if (!row) throw new Error('insert returned no row');
    await audit(entry(ctx.access, caseId, 'timeline_comment', row.id, 'create'));
    return row.id;
  });
}
