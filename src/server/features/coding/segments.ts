// Coding a source: segments (a range with one code by one coder), their marks (important, quote),
// removal and restore (the web's undo and redo), blind coding (coders see only their own codings
// until they choose to compare), agreement between two coders, and memos on segments, codes,
// sources and cases. A quote counts only while its participant's quote consent stands: that is
// worked out when read, so a withdrawal hides it everywhere at once.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/connect';
import { runCommand, type RequestContext, type Tx } from '../../db/context';
import { AppError } from '../../http/errors';
import { can } from '../../policy/policy';
import type {
  Agreement,
  Memo,
  MemoTarget,
  Perspective,
  Segment,
  SourceDetail,
  memoInputSchema,
  memoUpdateSchema,
  segmentInputSchema,
  segmentUpdateSchema,
} from '../../../shared/contract/coding';
import { codeAgreement, pooledAgreement } from '../../../shared/domain/agreement';
import { missingConsents } from '../../../shared/domain/consent';
import { users } from '../auth/schema';
import { consentStates } from '../cases/consent-state';
import { cases, participants } from '../cases/schema';
import type { Reach, SourceRow } from './access';
import {
  qdaCodes,
  qdaExternalCoders,
  qdaMemos,
  qdaSegments,
  qdaSourceReveals,
  qdaSources,
} from './schema';

type Source = Omit<SourceRow, 'search'>;
type Ctx = RequestContext & { reach: Reach };

/** Participants of these cases whose quote consent stands today. */
export async function quoteConsented(
  db: Db | Tx,
  caseIds: readonly string[],
  now: Date,
): Promise<Set<string>> {
  const out = new Set<string>();
  const unique = [...new Set(caseIds)];
  if (unique.length === 0) return out;
  const [years, states] = await Promise.all([
    db
      .select({ id: cases.id, birthYear: cases.birthYear })
      .from(cases)
      .where(inArray(cases.id, unique)),
    consentStates(db, unique),
  ]);
  for (const kase of years) {
    const state = states.get(kase.id)!;
    for (const participant of state.participants)
      if (
        missingConsents({
          participant,
          purpose: 'quotes',
          participants: state.participants,
          consents: state.consents,
          birthYear: kase.birthYear,
          on: now,
        }).length === 0
      )
        out.add(participant.id);
  }
  return out;
}

const segmentColumns = {
  id: qdaSegments.id,
  codeId: qdaSegments.codeId,
  start: qdaSegments.start,
  end: qdaSegments.end,
  coderId: qdaSegments.coderId,
  coderName: sql<string>`coalesce(${users.displayName}, ${qdaExternalCoders.name}, '?')`,
  externalCoderId: qdaSegments.externalCoderId,
  important: qdaSegments.important,
  quote: qdaSegments.quote,
  createdAt: qdaSegments.createdAt,
};

async function segmentsOf(db: Db | Tx, sourceId: string, ids?: string[]) {
  return db
    .select(segmentColumns)
    .from(qdaSegments)
    .leftJoin(users, eq(users.id, qdaSegments.coderId))
    .leftJoin(qdaExternalCoders, eq(qdaExternalCoders.id, qdaSegments.externalCoderId))
    .where(
      and(
        eq(qdaSegments.sourceId, sourceId),
        isNull(qdaSegments.deletedAt),
        ids ? inArray(qdaSegments.id, ids) : undefined,
      ),
    )
    .orderBy(asc(qdaSegments.start), asc(qdaSegments.end), asc(qdaSegments.id));
}

type SegmentRow = Awaited<ReturnType<typeof segmentsOf>>[number];

function presentSegment(row: SegmentRow, quoteUsable: boolean): Segment {
  return {
    id: row.id,
    codeId: row.codeId,
    start: row.start,
    end: row.end,
    coderId: row.coderId,
    coderName: row.coderName,
    important: row.important,
    quote: row.quote,
    quoteUsable: row.quote && quoteUsable,
    createdAt: row.createdAt.toISOString(),
  };
}

async function revealed(db: Db | Tx, sourceId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ at: qdaSourceReveals.revealedAt })
    .from(qdaSourceReveals)
    .where(and(eq(qdaSourceReveals.sourceId, sourceId), eq(qdaSourceReveals.userId, userId)));
  return row !== undefined;
}

/** Whether the actor sees other coders' work on this source. */
async function seesOthers(db: Db | Tx, source: Source, userId: string) {
  return !source.blind || (await revealed(db, source.id, userId));
}

export async function memosOf(
  db: Db | Tx,
  targets: { type: MemoTarget; ids: string[] }[],
  actorId: string,
): Promise<Memo[]> {
  const parts = targets
    .filter((t) => t.ids.length > 0)
    .map((t) => and(eq(qdaMemos.targetType, t.type), inArray(qdaMemos.targetId, t.ids)));
  if (parts.length === 0) return [];
  const rows = await db
    .select({
      id: qdaMemos.id,
      targetType: qdaMemos.targetType,
      targetId: qdaMemos.targetId,
      title: qdaMemos.title,
      body: qdaMemos.body,
      authorId: qdaMemos.authorId,
      authorName: sql<string>`coalesce(${users.displayName}, ${qdaExternalCoders.name}, '?')`,
      version: qdaMemos.version,
      updatedAt: qdaMemos.updatedAt,
    })
    .from(qdaMemos)
    .leftJoin(users, eq(users.id, qdaMemos.authorId))
    .leftJoin(qdaExternalCoders, eq(qdaExternalCoders.id, qdaMemos.externalAuthorId))
    .where(and(isNull(qdaMemos.deletedAt), sql`(${sql.join(parts, sql` or `)})`))
    .orderBy(asc(qdaMemos.createdAt), asc(qdaMemos.id));
  return rows.map((r) => ({
    id: r.id,
    targetType: r.targetType as MemoTarget,
    targetId: r.targetId,
    title: r.title,
    body: r.body,
    authorName: r.authorName,
    mine: r.authorId === actorId,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export async function readSource(
  db: Db,
  reach: Reach,
  source: Source,
  now: Date,
): Promise<SourceDetail> {
  const actorId = reach.actor.userId;
  const [all, open, perspective, consented] = await Promise.all([
    segmentsOf(db, source.id),
    seesOthers(db, source, actorId),
    source.participantId
      ? db
          .select({ kind: participants.kind })
          .from(participants)
          .where(eq(participants.id, source.participantId))
      : Promise.resolve([]),
    source.caseId ? quoteConsented(db, [source.caseId], now) : Promise.resolve(new Set<string>()),
  ]);
  const visible = open ? all : all.filter((s) => s.coderId === actorId);
  const quoteUsable = source.participantId !== null && consented.has(source.participantId);
  const coders = new Map<string, { id: string | null; name: string; segmentCount: number }>();
  for (const s of visible) {
    const key = s.coderId ?? `x:${s.externalCoderId}`;
    const coder = coders.get(key) ?? { id: s.coderId, name: s.coderName, segmentCount: 0 };
    coder.segmentCount += 1;
    coders.set(key, coder);
  }
  const memos = await memosOf(
    db,
    [
      { type: 'source', ids: [source.id] },
      { type: 'segment', ids: visible.map((s) => s.id) },
    ],
    actorId,
  );
  const mayCode = can(reach.actor, 'coding.write', reach.resource);
  return {
    id: source.id,
    programmeId: source.programmeId,
    caseId: source.caseId,
    caseCode: reach.caseCode,
    kind: source.kind as SourceDetail['kind'],
    name: source.name,
    perspective: (perspective[0]?.kind as Perspective | undefined) ?? null,
    text: source.body,
    length: source.length,
    blind: source.blind,
    revealed: open && source.blind,
    coders: [...coders.values()],
    hiddenSegments: all.length - visible.length,
    segments: visible.map((s) => presentSegment(s, quoteUsable)),
    memos,
    abilities: {
      code: mayCode,
      quote: mayCode && source.kind === 'interview',
      setBlind: mayCode,
    },
  };
}

const invalid = (path: string, message: string) =>
  new AppError('INVALID_INPUT', message, { fields: [{ path, message }] });

export async function createSegments(
  ctx: Ctx,
  source: Source,
  input: z.output<typeof segmentInputSchema>,
): Promise<Segment[]> {
  return runCommand(ctx, async ({ tx, now, audit }) => {
    // The source's row is locked so its text cannot be replaced while it is being coded.
    const [locked] = await tx
      .select({ length: qdaSources.length })
      .from(qdaSources)
      .where(eq(qdaSources.id, source.id))
      .for('share');
    if (!locked) throw new AppError('NOT_FOUND');
    if (input.end > locked.length)
      throw invalid(
        'end',
        `Het fragment loopt tot teken ${input.end}, maar de tekst is ${locked.length} tekens lang.`,
      );
    if (input.quote && source.kind !== 'interview')
      throw invalid('quote', 'Alleen fragmenten uit interviews kunnen als citaat worden gebruikt.');
    const codeIds = [...new Set(input.codeIds)];
    const codes = await tx
      .select({ id: qdaCodes.id, archivedAt: qdaCodes.archivedAt })
      .from(qdaCodes)
      .where(and(inArray(qdaCodes.id, codeIds), eq(qdaCodes.programmeId, source.programmeId)));
    if (codes.length !== codeIds.length)
      throw invalid('codeIds', 'Een gekozen code hoort niet bij het codeboek van dit programma.');
    if (codes.some((c) => c.archivedAt))
      throw invalid('codeIds', 'Een gekozen code is gearchiveerd.');
    const coderId = ctx.reach.actor.userId;
    const existing = await tx
      .select({ id: qdaSegments.id, codeId: qdaSegments.codeId })
      .from(qdaSegments)
      .where(
        and(
          eq(qdaSegments.sourceId, source.id),
          eq(qdaSegments.start, input.start),
          eq(qdaSegments.end, input.end),
          eq(qdaSegments.coderId, coderId),
          inArray(qdaSegments.codeId, codeIds),
          isNull(qdaSegments.deletedAt),
        ),
      );
    const already = new Set(existing.map((e) => e.codeId));
    const toAdd = codeIds.filter((c) => !already.has(c));
    const added =
      toAdd.length === 0
        ? []
        : await tx
            .insert(qdaSegments)
            .values(
              toAdd.map((codeId) => ({
                sourceId: source.id,
                programmeId: source.programmeId,
                caseId: source.caseId,
                codeId,
                start: input.start,
                end: input.end,
                coderId,
                important: input.important,
                quote: input.quote,
                createdAt: now,
              })),
            )
            .returning({ id: qdaSegments.id });
    if (added.length > 0)
      await audit(
        ...added.map((a) => ({
          caseId: source.caseId,
          resourceType: 'qda_segment' as const,
          resourceId: a.id,
          action: 'create' as const,
          grounds: ctx.reach.grounds,
          outcome: 'success' as const,
        })),
      );
    const ids = [...added.map((a) => a.id), ...existing.map((e) => e.id)];
    const rows = await segmentsOf(tx, source.id, ids);
    const consented = source.caseId
      ? await quoteConsented(tx, [source.caseId], now)
      : new Set<string>();
    const usable = source.participantId !== null && consented.has(source.participantId);
    return rows.map((r) => presentSegment(r, usable));
  });
}

/** The segment with its source; a removed segment is found only when asked (for restore). */
export async function segmentWithSource(db: Db, segmentId: string, includeRemoved = false) {
  const [row] = await db
    .select({ segment: qdaSegments, sourceId: qdaSegments.sourceId })
    .from(qdaSegments)
    .where(
      and(
        eq(qdaSegments.id, segmentId),
        includeRemoved ? undefined : isNull(qdaSegments.deletedAt),
      ),
    );
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Blind mode hides other coders' segments: to the actor they do not exist. */
async function requireVisible(
  tx: Tx,
  source: Source,
  segment: { coderId: string | null },
  userId: string,
) {
  if (segment.coderId !== userId && !(await seesOthers(tx, source, userId)))
    throw new AppError('NOT_FOUND');
}

export async function updateSegment(
  ctx: Ctx,
  source: Source,
  segmentId: string,
  input: z.output<typeof segmentUpdateSchema>,
): Promise<void> {
  await runCommand(ctx, async ({ tx, audit }) => {
    const [segment] = await tx
      .select()
      .from(qdaSegments)
      .where(and(eq(qdaSegments.id, segmentId), isNull(qdaSegments.deletedAt)))
      .for('update');
    if (!segment) throw new AppError('NOT_FOUND');
    await requireVisible(tx, source, segment, ctx.reach.actor.userId);
    if (input.quote && source.kind !== 'interview')
      throw invalid('quote', 'Alleen fragmenten uit interviews kunnen als citaat worden gebruikt.');
    await tx
      .update(qdaSegments)
      .set({
        important: input.important ?? segment.important,
        quote: input.quote ?? segment.quote,
      })
      .where(eq(qdaSegments.id, segmentId));
    await audit({
      caseId: source.caseId,
      resourceType: 'qda_segment',
      resourceId: segmentId,
      action: 'update',
      grounds: ctx.reach.grounds,
      outcome: 'success',
    });
  });
}

/** Removes (restore = false) or brings back (restore = true) a segment: the web's undo and redo. */
export async function removeSegment(
  ctx: Ctx,
  source: Source,
  segmentId: string,
  restore: boolean,
): Promise<void> {
  await runCommand(ctx, async ({ tx, now, audit }) => {
    const [segment] = await tx
      .select()
      .from(qdaSegments)
      .where(eq(qdaSegments.id, segmentId))
      .for('update');
    if (!segment) throw new AppError('NOT_FOUND');
    await requireVisible(tx, source, segment, ctx.reach.actor.userId);
    if (restore) {
      if (segment.deletedAt === null) return;
      const [code] = segment.codeId
        ? await tx
            .select({ archivedAt: qdaCodes.archivedAt })
            .from(qdaCodes)
            .where(eq(qdaCodes.id, segment.codeId))
        : [];
      if (code?.archivedAt)
        throw new AppError(
          'CONFLICT',
          'De code van dit fragment is intussen gearchiveerd of samengevoegd; het fragment kan niet terug.',
        );
    } else if (segment.deletedAt !== null) throw new AppError('NOT_FOUND');
    await tx
      .update(qdaSegments)
      .set({ deletedAt: restore ? null : now })
      .where(eq(qdaSegments.id, segmentId));
    await audit({
      caseId: source.caseId,
      resourceType: 'qda_segment',
      resourceId: segmentId,
      action: restore ? 'create' : 'delete',
      grounds: ctx.reach.grounds,
      outcome: 'success',
    });
  });
}

export async function setBlind(ctx: Ctx, source: Source, blind: boolean): Promise<void> {
  await runCommand(ctx, async ({ tx, now, audit }) => {
    await tx.update(qdaSources).set({ blind, updatedAt: now }).where(eq(qdaSources.id, source.id));
    if (!blind) await tx.delete(qdaSourceReveals).where(eq(qdaSourceReveals.sourceId, source.id));
    await audit({
      caseId: source.caseId,
      resourceType: 'qda_source',
      resourceId: source.id,
      action: 'update',
      grounds: ctx.reach.grounds,
      outcome: 'success',
    });
  });
}

/** The coder chooses to compare: from now on they see everyone's codings of this source. */
export async function reveal(ctx: Ctx, source: Source): Promise<void> {
  await runCommand(ctx, async ({ tx, now }) => {
    if (!source.blind)
      throw new AppError(
        'CONFLICT',
        'Deze tekst wordt niet blind gecodeerd: alles is al zichtbaar.',
      );
    await tx
      .insert(qdaSourceReveals)
      .values({ sourceId: source.id, userId: ctx.reach.actor.userId, revealedAt: now })
      .onConflictDoNothing();
  });
}

/** Agreement per code between two coders, on every code point of the text. */
export async function agreement(
  db: Db,
  reach: Reach,
  source: Source,
  coderA: string,
  coderB: string,
): Promise<Agreement> {
  if (!(await seesOthers(db, source, reach.actor.userId)))
    throw new AppError(
      'CONFLICT',
      'Je codeert deze tekst blind. Kies eerst "Vergelijken"; daarna zie je de codering van de anderen en de overeenstemming.',
    );
  if (coderA === coderB) throw invalid('coderB', 'Kies twee verschillende codeurs.');
  const segments = await db
    .select({
      codeId: qdaSegments.codeId,
      coderId: qdaSegments.coderId,
      start: qdaSegments.start,
      end: qdaSegments.end,
    })
    .from(qdaSegments)
    .where(
      and(
        eq(qdaSegments.sourceId, source.id),
        isNull(qdaSegments.deletedAt),
        inArray(qdaSegments.coderId, [coderA, coderB]),
      ),
    );
  const names = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [coderA, coderB]));
  const nameOf = (id: string) => names.find((n) => n.id === id)?.name;
  const a = nameOf(coderA);
  const b = nameOf(coderB);
  if (!a || !segments.some((s) => s.coderId === coderA))
    throw invalid('coderA', 'Deze persoon heeft deze tekst niet gecodeerd.');
  if (!b || !segments.some((s) => s.coderId === coderB))
    throw invalid('coderB', 'Deze persoon heeft deze tekst niet gecodeerd.');
  const codeIds = [...new Set(segments.flatMap((s) => (s.codeId ? [s.codeId] : [])))];
  const codes =
    codeIds.length === 0
      ? []
      : await db
          .select({ id: qdaCodes.id, name: qdaCodes.name })
          .from(qdaCodes)
          .where(inArray(qdaCodes.id, codeIds));
  const perCode = codes
    .sort((x, y) => x.name.localeCompare(y.name, 'nl'))
    .map((code) => {
      const of = (coder: string) =>
        segments.filter((s) => s.codeId === code.id && s.coderId === coder);
      const sa = of(coderA);
      const sb = of(coderB);
      return {
        codeId: code.id,
        codeName: code.name,
        segmentsA: sa.length,
        segmentsB: sb.length,
        ...codeAgreement({ textLength: source.length, a: sa, b: sb }),
      };
    });
  return {
    sourceId: source.id,
    unit: 'character',
    coderA: { id: coderA, name: a },
    coderB: { id: coderB, name: b },
    perCode,
    pooled: pooledAgreement(perCode),
  };
}

// ---- memos ---------------------------------------------------------------------------------

export type MemoTargetRecord = {
  programmeId: string;
  caseId: string | null;
  /** The source a segment or source memo hangs on (blind mode applies to it). */
  source: Source | null;
};

export async function createMemo(
  ctx: Ctx,
  target: MemoTargetRecord,
  input: z.output<typeof memoInputSchema>,
): Promise<string> {
  return runCommand(ctx, async ({ tx, now, audit }) => {
    if (input.targetType === 'segment' && target.source) {
      const [segment] = await tx
        .select({ coderId: qdaSegments.coderId })
        .from(qdaSegments)
        .where(and(eq(qdaSegments.id, input.targetId), isNull(qdaSegments.deletedAt)));
      if (!segment) throw new AppError('NOT_FOUND');
      await requireVisible(tx, target.source, segment, ctx.reach.actor.userId);
    }
    const [row] = await tx
      .insert(qdaMemos)
      .values({
        programmeId: target.programmeId,
        caseId: target.caseId,
        targetType: input.targetType,
        targetId: input.targetId,
        title: input.title,
        body: input.body,
        authorId: ctx.reach.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: qdaMemos.id });
    await audit({
      caseId: target.caseId,
      resourceType: 'qda_memo',
      resourceId: row!.id,
      action: 'create',
      grounds: ctx.reach.grounds,
      outcome: 'success',
    });
    return row!.id;
  });
}

export async function memoById(db: Db, memoId: string) {
  const [row] = await db
    .select()
    .from(qdaMemos)
    .where(and(eq(qdaMemos.id, memoId), isNull(qdaMemos.deletedAt)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function updateMemo(
  ctx: Ctx,
  memoId: string,
  input: z.output<typeof memoUpdateSchema> | null,
): Promise<void> {
  await runCommand(ctx, async ({ tx, now, audit }) => {
    const [row] = await tx
      .select()
      .from(qdaMemos)
      .where(and(eq(qdaMemos.id, memoId), isNull(qdaMemos.deletedAt)))
      .for('update');
    if (!row) throw new AppError('NOT_FOUND');
    if (input && row.version !== input.version)
      throw new AppError(
        'CONFLICT',
        'Iemand anders heeft deze memo intussen gewijzigd. Vergelijk beide versies en kies wat blijft.',
        { current: { title: row.title, body: row.body, version: row.version }, yours: input },
      );
    await tx
      .update(qdaMemos)
      .set(
        input
          ? { title: input.title, body: input.body, version: row.version + 1, updatedAt: now }
          : { deletedAt: now },
      )
      .where(eq(qdaMemos.id, memoId));
    await audit({
      caseId: row.caseId,
      resourceType: 'qda_memo',
      resourceId: memoId,
      action: input ? 'update' : 'delete',
      grounds: ctx.reach.grounds,
      outcome: 'success',
    });
  });
}

/** Quotes of a case that may be used in reports now: their participant's quote consent stands. */
export async function usableQuotes(db: Db, caseId: string, now: Date) {
  const consented = await quoteConsented(db, [caseId], now);
  const rows = await db
    .select({
      id: qdaSegments.id,
      sourceId: qdaSegments.sourceId,
      sourceName: qdaSources.name,
      participantId: qdaSources.participantId,
      participantLabel: participants.label,
      perspective: participants.kind,
      codeId: qdaSegments.codeId,
      codeName: qdaCodes.name,
      text: sql<string>`substr(${qdaSources.body}, ${qdaSegments.start} + 1, ${qdaSegments.end} - ${qdaSegments.start})`,
    })
    .from(qdaSegments)
    .innerJoin(qdaSources, eq(qdaSources.id, qdaSegments.sourceId))
    .leftJoin(participants, eq(participants.id, qdaSources.participantId))
    .leftJoin(qdaCodes, eq(qdaCodes.id, qdaSegments.codeId))
    .where(
      and(
        eq(qdaSegments.caseId, caseId),
        eq(qdaSegments.quote, true),
        isNull(qdaSegments.deletedAt),
      ),
    )
    .orderBy(asc(qdaSources.name), asc(qdaSegments.start));
  return rows
    .filter((r) => r.participantId !== null && consented.has(r.participantId))
    .map((r) => ({
      id: r.id,
      sourceId: r.sourceId,
      sourceName: r.sourceName,
      participantLabel: r.participantLabel ?? '',
      perspective: r.perspective as Perspective,
      codeId: r.codeId,
      codeName: r.codeName,
      text: r.text,
    }));
}
