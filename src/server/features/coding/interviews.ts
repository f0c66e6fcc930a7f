// Interviews per case and participant, each with its transcript as a codable source. An interview
// is added only while the participant's interview consent is complete (the rules by age); when
// that consent is withdrawn, the interviews go with their transcript, codings and memos
// (consent-dependents.ts asks interviewsToRemove for the preview and the removal).
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/connect';
import { runCommand, type RequestContext, type Tx } from '../../db/context';
import { AppError } from '../../http/errors';
import type {
  Interview,
  InterviewList,
  interviewInputSchema,
  interviewUpdateSchema,
  Perspective,
} from '../../../shared/contract/coding';
import { missingConsents } from '../../../shared/domain/consent';
import { codePointLength, normaliseTranscript } from '../../../shared/domain/text-offsets';
import { users } from '../auth/schema';
import type { CaseAccess } from '../cases/case-guard';
import { consentState } from '../cases/consent-state';
import { cases, participants } from '../cases/schema';
import { interviews, qdaMemos, qdaSegments, qdaSourceReveals, qdaSources } from './schema';

type Ctx = RequestContext & { access: CaseAccess };

const modeWords: Record<string, string> = {
  in_person: 'face-to-face',
  video: 'video',
  phone: 'telefoon',
  written: 'schriftelijk',
};

export async function listInterviews(
  db: Db,
  caseId: string,
  birthYear: number,
  now: Date,
): Promise<Omit<InterviewList, 'abilities'>> {
  const rows = await db
    .select({
      id: interviews.id,
      caseId: interviews.caseId,
      participantId: interviews.participantId,
      participantLabel: participants.label,
      perspective: participants.kind,
      heldOn: interviews.heldOn,
      interviewerId: interviews.interviewerId,
      interviewerName: users.displayName,
      mode: interviews.mode,
      sourceId: interviews.sourceId,
      length: qdaSources.length,
      words: sql<number>`coalesce(array_length(regexp_split_to_array(nullif(btrim(${qdaSources.body}), ''), '\\s+'), 1), 0)::int`,
      segmentCount: sql<number>`(select count(*)::int from qda_segments s where s.source_id = ${interviews.sourceId} and s.deleted_at is null)`,
      version: interviews.version,
      createdAt: interviews.createdAt,
    })
    .from(interviews)
    .innerJoin(participants, eq(participants.id, interviews.participantId))
    .innerJoin(qdaSources, eq(qdaSources.id, interviews.sourceId))
    .leftJoin(users, eq(users.id, interviews.interviewerId))
    .where(eq(interviews.caseId, caseId))
    .orderBy(asc(interviews.heldOn), asc(interviews.createdAt));
  const state = await consentState(db, caseId);
  const interviewable = state.participants
    .filter(
      (p) =>
        missingConsents({
          participant: p,
          purpose: 'interview',
          participants: state.participants,
          consents: state.consents,
          birthYear,
          on: now,
        }).length === 0,
    )
    .map((p) => ({ id: p.id, label: p.label }));
  return {
    items: rows.map((r): Interview => ({
      ...r,
      perspective: r.perspective as Perspective,
      mode: r.mode as Interview['mode'],
      createdAt: r.createdAt.toISOString(),
    })),
    interviewable,
  };
}

async function participantOf(tx: Tx, caseId: string, participantId: string) {
  const [row] = await tx
    .select({ id: participants.id, label: participants.label, kind: participants.kind })
    .from(participants)
    .where(and(eq(participants.id, participantId), eq(participants.caseId, caseId)));
  if (!row)
    throw new AppError('INVALID_INPUT', 'Kies een deelnemer van deze casus.', {
      fields: [{ path: 'participantId', message: 'Kies een deelnemer van deze casus.' }],
    });
  return row;
}

async function checkInterviewer(tx: Tx, interviewerId: string | null) {
  if (!interviewerId) return;
  const [row] = await tx
    .select({ role: users.role, status: users.status })
    .from(users)
    .where(eq(users.id, interviewerId));
  if (!row || row.role === 'participant' || row.role === 'policymaker')
    throw new AppError('INVALID_INPUT', 'Kies een interviewer uit het onderzoeksteam.', {
      fields: [{ path: 'interviewerId', message: 'Kies een interviewer uit het onderzoeksteam.' }],
    });
}

/** Consent is asked of the participant the interview is with, by the rules of the youth's age. */
async function requireInterviewConsent(
  tx: Tx,
  caseId: string,
  participantId: string,
  birthYear: number,
  now: Date,
) {
  const state = await consentState(tx, caseId);
  const participant = state.participants.find((p) => p.id === participantId);
  if (!participant) throw new AppError('NOT_FOUND');
  const missing = missingConsents({
    participant,
    purpose: 'interview',
    participants: state.participants,
    consents: state.consents,
    birthYear,
    on: now,
  });
  if (missing.length > 0)
    throw new AppError(
      'CONSENT_MISSING',
      `Dit interview kan niet worden vastgelegd: de toestemming voor een interview ontbreekt. ${missing.map((m) => m.reason).join(' ')}`,
      { missing },
    );
}

function transcriptOf(text: string | undefined) {
  const body = normaliseTranscript(text ?? '');
  return { body, length: codePointLength(body) };
}

export async function createInterview(
  ctx: Ctx,
  caseId: string,
  input: z.output<typeof interviewInputSchema>,
): Promise<string> {
  return runCommand(ctx, async ({ tx, now, audit }) => {
    const participant = await participantOf(tx, caseId, input.participantId);
    await requireInterviewConsent(tx, caseId, participant.id, ctx.access.resource.birthYear, now);
    await checkInterviewer(tx, input.interviewerId);
    const [kase] = await tx
      .select({ programmeId: cases.programmeId })
      .from(cases)
      .where(eq(cases.id, caseId));
    const { body, length } = transcriptOf(input.transcript);
    const [source] = await tx
      .insert(qdaSources)
      .values({
        programmeId: kase!.programmeId,
        caseId,
        kind: 'interview',
        name: `Interview ${participant.label}, ${input.heldOn} (${modeWords[input.mode] ?? input.mode})`,
        body,
        length,
        participantId: participant.id,
        createdBy: ctx.access.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: qdaSources.id });
    const [row] = await tx
      .insert(interviews)
      .values({
        caseId,
        participantId: participant.id,
        sourceId: source!.id,
        heldOn: input.heldOn,
        interviewerId: input.interviewerId,
        mode: input.mode,
        createdBy: ctx.access.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: interviews.id });
    const grounds = ctx.access.grounds;
    await audit(
      {
        caseId,
        resourceType: 'interview',
        resourceId: row!.id,
        action: 'create',
        grounds,
        outcome: 'success',
      },
      {
        caseId,
        resourceType: 'qda_source',
        resourceId: source!.id,
        action: 'create',
        grounds,
        outcome: 'success',
      },
    );
    return row!.id;
  });
}

async function lockedInterview(tx: Tx, caseId: string, interviewId: string) {
  const [row] = await tx
    .select()
    .from(interviews)
    .where(and(eq(interviews.id, interviewId), eq(interviews.caseId, caseId)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function updateInterview(
  ctx: Ctx,
  caseId: string,
  interviewId: string,
  input: z.output<typeof interviewUpdateSchema>,
): Promise<void> {
  await runCommand(ctx, async ({ tx, now, audit }) => {
    const row = await lockedInterview(tx, caseId, interviewId);
    if (row.version !== input.version)
      throw new AppError(
        'CONFLICT',
        'Iemand anders heeft dit interview intussen gewijzigd. Vergelijk beide versies en kies wat blijft.',
        {
          current: {
            heldOn: row.heldOn,
            interviewerId: row.interviewerId,
            mode: row.mode,
            version: row.version,
          },
          yours: input,
        },
      );
    await checkInterviewer(tx, input.interviewerId);
    await tx
      .update(interviews)
      .set({
        heldOn: input.heldOn,
        interviewerId: input.interviewerId,
        mode: input.mode,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(eq(interviews.id, interviewId));
    await audit({
      caseId,
      resourceType: 'interview',
      resourceId: interviewId,
      action: 'update',
      grounds: ctx.access.grounds,
      outcome: 'success',
    });
  });
}

/**
 * Replaces the transcript. Refused once anything in it is coded: the codings point at character
 * positions, which a new text would silently shift.
 */
export async function setTranscript(
  ctx: Ctx,
  caseId: string,
  interviewId: string,
  text: string,
): Promise<void> {
  await runCommand(ctx, async ({ tx, now, audit }) => {
    const row = await lockedInterview(tx, caseId, interviewId);
    const [coded] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(qdaSegments)
      .where(eq(qdaSegments.sourceId, row.sourceId));
    if ((coded?.n ?? 0) > 0)
      throw new AppError(
        'CONFLICT',
        'In dit transcript is al gecodeerd. Een nieuwe tekst zou de gecodeerde fragmenten verschuiven; maak daarom een nieuw interview aan.',
      );
    const { body, length } = transcriptOf(text);
    if (length === 0) throw new AppError('INVALID_INPUT', 'Het transcript is leeg.');
    await tx
      .update(qdaSources)
      .set({ body, length, updatedAt: now })
      .where(eq(qdaSources.id, row.sourceId));
    await tx
      .update(interviews)
      .set({ version: row.version + 1, updatedAt: now })
      .where(eq(interviews.id, interviewId));
    await audit({
      caseId,
      resourceType: 'qda_source',
      resourceId: row.sourceId,
      action: 'update',
      grounds: ctx.access.grounds,
      outcome: 'success',
    });
  });
}

/** Removes sources for good with everything coded on them. */
export async function removeSources(tx: Tx, sourceIds: readonly string[]): Promise<void> {
  if (sourceIds.length === 0) return;
  const ids = [...sourceIds];
  const segmentIds = tx
    .select({ id: qdaSegments.id })
    .from(qdaSegments)
    .where(inArray(qdaSegments.sourceId, ids));
  await tx
    .delete(qdaMemos)
    .where(and(eq(qdaMemos.targetType, 'segment'), inArray(qdaMemos.targetId, segmentIds)));
  await tx
    .delete(qdaMemos)
    .where(and(eq(qdaMemos.targetType, 'source'), inArray(qdaMemos.targetId, ids)));
  await tx.delete(qdaSegments).where(inArray(qdaSegments.sourceId, ids));
  await tx.delete(qdaSourceReveals).where(inArray(qdaSourceReveals.sourceId, ids));
  await tx.delete(interviews).where(inArray(interviews.sourceId, ids));
  await tx.delete(qdaSources).where(inArray(qdaSources.id, ids));
}

export async function deleteInterview(ctx: Ctx, caseId: string, interviewId: string) {
  await runCommand(ctx, async ({ tx, audit }) => {
    const row = await lockedInterview(tx, caseId, interviewId);
    await removeSources(tx, [row.sourceId]);
    await audit(
      {
        caseId,
        resourceType: 'interview',
        resourceId: interviewId,
        action: 'delete',
        grounds: ctx.access.grounds,
        outcome: 'success',
      },
      {
        caseId,
        resourceType: 'qda_source',
        resourceId: row.sourceId,
        action: 'delete',
        grounds: ctx.access.grounds,
        outcome: 'success',
      },
    );
  });
}

/** What withdrawing a participant's interview consent removes: their interviews. */
export async function interviewsToRemove(
  tx: Tx,
  caseId: string,
  participantId: string,
): Promise<{ id: string; sourceId: string; description: string }[]> {
  const rows = await tx
    .select({
      id: interviews.id,
      sourceId: interviews.sourceId,
      heldOn: interviews.heldOn,
      segments: sql<number>`(select count(*)::int from qda_segments s where s.source_id = ${interviews.sourceId} and s.deleted_at is null)`,
    })
    .from(interviews)
    .where(and(eq(interviews.caseId, caseId), eq(interviews.participantId, participantId)))
    .orderBy(asc(interviews.heldOn));
  return rows.map((r) => ({
    id: r.id,
    sourceId: r.sourceId,
    description: `Interview van ${r.heldOn}, met het transcript${r.segments > 0 ? ` en ${r.segments} gecodeerde fragmenten` : ''} en de memo's erbij`,
  }));
}

/** Whether a source has live segments (used before replacing texts). */
export async function liveSegmentCount(db: Db | Tx, sourceId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(qdaSegments)
    .where(and(eq(qdaSegments.sourceId, sourceId), isNull(qdaSegments.deletedAt)));
  return row?.n ?? 0;
}
