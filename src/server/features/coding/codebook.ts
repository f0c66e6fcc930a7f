// The codebook of a programme: a tree of codes with definitions, inclusion and exclusion notes and
// a colour. Codes are created, changed, moved (never into their own subtree), archived with their
// sub-codes, merged (the segments move and the merged code stays, archived, pointing at where it
// went) and split (chosen segments move to a new sibling). Every change writes history; numbered
// snapshots keep the codebook as it was. Changes to one programme's codebook run one at a time
// (the programme row is locked), so two merges can never cross.
import { and, asc, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/connect';
import { queryRows } from '../../db/raw';
import { runCommand, type CommandScope, type RequestContext, type Tx } from '../../db/context';
import { AppError } from '../../http/errors';
import type {
  Code,
  Codebook,
  codeInputSchema,
  codeMergeSchema,
  codeSplitSchema,
  codeUpdateSchema,
} from '../../../shared/contract/coding';
import { users } from '../auth/schema';
import { programmes } from '../organisations/schema';
import type { Reach } from './access';
import { qdaCodebookSnapshots, qdaCodeHistory, qdaCodes, qdaMemos, qdaSegments } from './schema';

type Ctx = RequestContext & { reach: Reach };
type CodeRow = typeof qdaCodes.$inferSelect;

export function presentCode(row: CodeRow): Code {
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    definition: row.definition,
    inclusion: row.inclusion,
    exclusion: row.exclusion,
    color: row.color,
    sortOrder: row.sortOrder,
    archived: row.archivedAt !== null,
    mergedInto: row.mergedInto,
    version: row.version,
  };
}

export async function codesOf(db: Db | Tx, programmeId: string): Promise<CodeRow[]> {
  return db
    .select()
    .from(qdaCodes)
    .where(eq(qdaCodes.programmeId, programmeId))
    .orderBy(asc(qdaCodes.sortOrder), asc(qdaCodes.createdAt), asc(qdaCodes.id));
}

export async function readCodebook(
  db: Db,
  programmeId: string,
): Promise<Omit<Codebook, 'abilities'>> {
  const [codes, snapshots] = await Promise.all([
    codesOf(db, programmeId),
    db
      .select({
        id: qdaCodebookSnapshots.id,
        number: qdaCodebookSnapshots.number,
        label: qdaCodebookSnapshots.label,
        createdAt: qdaCodebookSnapshots.createdAt,
        codeCount: sql<number>`jsonb_array_length(${qdaCodebookSnapshots.content})::int`,
      })
      .from(qdaCodebookSnapshots)
      .where(eq(qdaCodebookSnapshots.programmeId, programmeId))
      .orderBy(desc(qdaCodebookSnapshots.number)),
  ]);
  return {
    programmeId,
    codes: codes.map(presentCode),
    snapshots: snapshots.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() })),
  };
}

const invalid = (path: string, message: string) =>
  new AppError('INVALID_INPUT', message, { fields: [{ path, message }] });

const stale = (current: CodeRow, yours: unknown) =>
  new AppError(
    'CONFLICT',
    'Iemand anders heeft deze code intussen gewijzigd. Vergelijk beide versies en kies wat blijft.',
    { current: presentCode(current), yours },
  );

/** Locks the programme's codebook for this change and returns its codes. */
async function lockCodebook(tx: Tx, programmeId: string): Promise<Map<string, CodeRow>> {
  await tx
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.id, programmeId))
    .for('update');
  return new Map((await codesOf(tx, programmeId)).map((c) => [c.id, c]));
}

function codeIn(codes: Map<string, CodeRow>, id: string, path = 'codeId'): CodeRow {
  const code = codes.get(id);
  if (!code) throw invalid(path, 'Deze code hoort niet bij het codeboek van dit programma.');
  return code;
}

/** The code and everything beneath it. */
export function subtreeOf(codes: Map<string, CodeRow>, rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const c of codes.values())
    if (c.parentId) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  const out = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

function checkSiblingName(
  codes: Map<string, CodeRow>,
  parentId: string | null,
  name: string,
  self?: string,
) {
  const clash = [...codes.values()].find(
    (c) =>
      c.id !== self &&
      c.archivedAt === null &&
      c.parentId === parentId &&
      c.name.localeCompare(name, 'nl', { sensitivity: 'accent' }) === 0,
  );
  if (clash) throw invalid('name', `Er staat al een code "${clash.name}" op deze plek.`);
}

function snapshotOf(row: CodeRow): Record<string, unknown> {
  const { programmeId: _p, createdAt: _c, createdBy: _b, ...rest } = row;
  return Object.fromEntries(
    Object.entries(rest).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  );
}

async function changed(
  scope: CommandScope,
  ctx: Ctx,
  code: { id: string; programmeId: string },
  change:
    | 'created'
    | 'updated'
    | 'moved'
    | 'archived'
    | 'restored'
    | 'merged'
    | 'merged_into'
    | 'split'
    | 'imported',
  before: CodeRow | null,
  after: CodeRow | null,
) {
  await scope.tx.insert(qdaCodeHistory).values({
    codeId: code.id,
    programmeId: code.programmeId,
    change,
    before: before && snapshotOf(before),
    after: after && snapshotOf(after),
    changedBy: ctx.reach.actor.userId,
    changedAt: scope.now,
  });
  await scope.audit({
    caseId: null,
    resourceType: 'qda_code',
    resourceId: code.id,
    action: change === 'created' ? 'create' : 'update',
    grounds: ctx.reach.grounds,
    outcome: 'success',
  });
}

export async function createCode(ctx: Ctx, input: z.output<typeof codeInputSchema>): Promise<Code> {
  const programmeId = ctx.reach.programmeId;
  return runCommand(ctx, async (scope) => {
    const { tx, now } = scope;
    const codes = await lockCodebook(tx, programmeId);
    if (input.parentId) {
      const parent = codeIn(codes, input.parentId, 'parentId');
      if (parent.archivedAt) throw invalid('parentId', 'Deze code is gearchiveerd.');
    }
    checkSiblingName(codes, input.parentId, input.name);
    const [top] = await tx
      .select({ n: max(qdaCodes.sortOrder) })
      .from(qdaCodes)
      .where(eq(qdaCodes.programmeId, programmeId));
    const [row] = await tx
      .insert(qdaCodes)
      .values({
        programmeId,
        ...input,
        sortOrder: (top?.n ?? 0) + 1,
        createdBy: ctx.reach.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await changed(scope, ctx, row!, 'created', null, row!);
    return presentCode(row!);
  });
}

export async function updateCode(
  ctx: Ctx,
  codeId: string,
  input: z.output<typeof codeUpdateSchema>,
): Promise<Code> {
  const programmeId = ctx.reach.programmeId;
  return runCommand(ctx, async (scope) => {
    const { tx, now } = scope;
    const codes = await lockCodebook(tx, programmeId);
    const before = codes.get(codeId);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.version !== input.version) throw stale(before, input);
    if (input.parentId) {
      const parent = codeIn(codes, input.parentId, 'parentId');
      if (subtreeOf(codes, codeId).has(parent.id))
        throw invalid(
          'parentId',
          `Een code kan niet onder zichzelf of onder een van haar eigen subcodes staan ("${parent.name}").`,
        );
      if (parent.archivedAt) throw invalid('parentId', 'Deze code is gearchiveerd.');
    }
    checkSiblingName(codes, input.parentId, input.name, codeId);
    const [row] = await tx
      .update(qdaCodes)
      .set({
        name: input.name,
        parentId: input.parentId,
        definition: input.definition,
        inclusion: input.inclusion,
        exclusion: input.exclusion,
        color: input.color,
        sortOrder: input.sortOrder ?? before.sortOrder,
        version: before.version + 1,
        updatedAt: now,
      })
      .where(eq(qdaCodes.id, codeId))
      .returning();
    await changed(
      scope,
      ctx,
      row!,
      before.parentId !== input.parentId ? 'moved' : 'updated',
      before,
      row!,
    );
    return presentCode(row!);
  });
}

export async function archiveCode(
  ctx: Ctx,
  codeId: string,
  version: number,
  archive: boolean,
): Promise<void> {
  const programmeId = ctx.reach.programmeId;
  await runCommand(ctx, async (scope) => {
    const { tx, now } = scope;
    const codes = await lockCodebook(tx, programmeId);
    const code = codes.get(codeId);
    if (!code) throw new AppError('NOT_FOUND');
    if (code.version !== version) throw stale(code, { version });
    if (!archive) {
      if (code.mergedInto)
        throw new AppError(
          'CONFLICT',
          'Deze code is samengevoegd met een andere code; haar fragmenten staan daar.',
        );
      const parent = code.parentId ? codes.get(code.parentId) : undefined;
      if (parent?.archivedAt)
        throw new AppError('CONFLICT', `Zet eerst de bovenliggende code "${parent.name}" terug.`);
      checkSiblingName(codes, code.parentId, code.name, code.id);
    }
    // Archiving takes the sub-codes along; restoring brings back the code alone.
    const ids = archive
      ? [...subtreeOf(codes, codeId)].filter((id) => codes.get(id)!.archivedAt === null)
      : [codeId];
    for (const id of ids) {
      const before = codes.get(id)!;
      const [row] = await tx
        .update(qdaCodes)
        .set({ archivedAt: archive ? now : null, version: before.version + 1, updatedAt: now })
        .where(eq(qdaCodes.id, id))
        .returning();
      await changed(scope, ctx, row!, archive ? 'archived' : 'restored', before, row!);
    }
  });
}

/**
 * Merges a code into another: its live segments move (a segment the target already has for the
 * same text by the same coder is dropped, not doubled), its sub-codes and memos go along, and it
 * stays archived with `mergedInto` so history can be followed.
 */
export async function mergeCode(
  ctx: Ctx,
  codeId: string,
  input: z.output<typeof codeMergeSchema>,
): Promise<{ moved: number; dropped: number }> {
  const programmeId = ctx.reach.programmeId;
  return runCommand(ctx, async (scope) => {
    const { tx, now } = scope;
    const codes = await lockCodebook(tx, programmeId);
    const code = codes.get(codeId);
    if (!code) throw new AppError('NOT_FOUND');
    if (code.version !== input.version) throw stale(code, input);
    const into = codeIn(codes, input.intoCodeId, 'intoCodeId');
    if (into.id === code.id) throw invalid('intoCodeId', 'Kies een andere code.');
    if (into.archivedAt) throw invalid('intoCodeId', 'Deze code is gearchiveerd.');
    if (code.archivedAt) throw new AppError('CONFLICT', 'Deze code is al gearchiveerd.');
    if (subtreeOf(codes, code.id).has(into.id))
      throw invalid(
        'intoCodeId',
        'Een code kan niet worden samengevoegd met een van haar eigen subcodes.',
      );
    // Doubles: the target already codes the same range by the same coder.
    const dropped = await queryRows<{ id: string }>(
      tx,
      sql`
      update qda_segments s set deleted_at = ${now}
      where s.code_id = ${code.id} and s.deleted_at is null and exists (
        select 1 from qda_segments t
        where t.code_id = ${into.id} and t.deleted_at is null and t.source_id = s.source_id
          and t.start_pos = s.start_pos and t.end_pos = s.end_pos
          and t.coder_id is not distinct from s.coder_id
          and t.external_coder_id is not distinct from s.external_coder_id)
      returning s.id`,
    );
    const moved = await tx
      .update(qdaSegments)
      .set({ codeId: into.id })
      .where(and(eq(qdaSegments.codeId, code.id), isNull(qdaSegments.deletedAt)))
      .returning({ id: qdaSegments.id });
    await tx
      .update(qdaMemos)
      .set({ targetId: into.id, updatedAt: now })
      .where(and(eq(qdaMemos.targetType, 'code'), eq(qdaMemos.targetId, code.id)));
    for (const child of [...codes.values()].filter((c) => c.parentId === code.id)) {
      const [row] = await tx
        .update(qdaCodes)
        .set({ parentId: into.id, version: child.version + 1, updatedAt: now })
        .where(eq(qdaCodes.id, child.id))
        .returning();
      await changed(scope, ctx, row!, 'moved', child, row!);
    }
    const [row] = await tx
      .update(qdaCodes)
      .set({ archivedAt: now, mergedInto: into.id, version: code.version + 1, updatedAt: now })
      .where(eq(qdaCodes.id, code.id))
      .returning();
    await changed(scope, ctx, row!, 'merged', code, row!);
    const [intoRow] = await tx
      .update(qdaCodes)
      .set({ version: into.version + 1, updatedAt: now })
      .where(eq(qdaCodes.id, into.id))
      .returning();
    await changed(scope, ctx, intoRow!, 'merged_into', into, intoRow!);
    return { moved: moved.length, dropped: dropped.length };
  });
}

/** Splits a code: the chosen segments move to a new code beside it. */
export async function splitCode(
  ctx: Ctx,
  codeId: string,
  input: z.output<typeof codeSplitSchema>,
): Promise<Code> {
  const programmeId = ctx.reach.programmeId;
  return runCommand(ctx, async (scope) => {
    const { tx, now } = scope;
    const codes = await lockCodebook(tx, programmeId);
    const code = codes.get(codeId);
    if (!code) throw new AppError('NOT_FOUND');
    if (code.version !== input.version) throw stale(code, input);
    if (code.archivedAt) throw new AppError('CONFLICT', 'Deze code is gearchiveerd.');
    checkSiblingName(codes, code.parentId, input.name);
    const ids = [...new Set(input.segmentIds)];
    const found = await tx
      .select({ id: qdaSegments.id })
      .from(qdaSegments)
      .where(
        and(
          inArray(qdaSegments.id, ids),
          eq(qdaSegments.codeId, code.id),
          isNull(qdaSegments.deletedAt),
        ),
      );
    if (found.length !== ids.length)
      throw invalid('segmentIds', 'Niet alle gekozen fragmenten zijn met deze code gecodeerd.');
    const [top] = await tx
      .select({ n: max(qdaCodes.sortOrder) })
      .from(qdaCodes)
      .where(eq(qdaCodes.programmeId, programmeId));
    const [created] = await tx
      .insert(qdaCodes)
      .values({
        programmeId,
        parentId: code.parentId,
        name: input.name,
        definition: '',
        color: code.color,
        sortOrder: (top?.n ?? 0) + 1,
        createdBy: ctx.reach.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.update(qdaSegments).set({ codeId: created!.id }).where(inArray(qdaSegments.id, ids));
    await changed(scope, ctx, created!, 'created', null, created!);
    const [row] = await tx
      .update(qdaCodes)
      .set({ version: code.version + 1, updatedAt: now })
      .where(eq(qdaCodes.id, code.id))
      .returning();
    await changed(scope, ctx, row!, 'split', code, { ...row!, splitInto: created!.id } as CodeRow);
    return presentCode(created!);
  });
}

export async function createSnapshot(ctx: Ctx, label: string) {
  const programmeId = ctx.reach.programmeId;
  return runCommand(ctx, async ({ tx, now, audit }) => {
    const codes = await lockCodebook(tx, programmeId);
    const [top] = await tx
      .select({ n: max(qdaCodebookSnapshots.number) })
      .from(qdaCodebookSnapshots)
      .where(eq(qdaCodebookSnapshots.programmeId, programmeId));
    const content = [...codes.values()].filter((c) => c.archivedAt === null).map(presentCode);
    const [row] = await tx
      .insert(qdaCodebookSnapshots)
      .values({
        programmeId,
        number: (top?.n ?? 0) + 1,
        label,
        content,
        createdBy: ctx.reach.actor.userId,
        createdAt: now,
      })
      .returning();
    await audit({
      caseId: null,
      resourceType: 'qda_codebook',
      resourceId: row!.id,
      action: 'create',
      grounds: ctx.reach.grounds,
      outcome: 'success',
    });
    return { ...row!, createdAt: row!.createdAt.toISOString(), codes: content };
  });
}

export async function readSnapshot(db: Db, programmeId: string, snapshotId: string) {
  const [row] = await db
    .select()
    .from(qdaCodebookSnapshots)
    .where(
      and(
        eq(qdaCodebookSnapshots.id, snapshotId),
        eq(qdaCodebookSnapshots.programmeId, programmeId),
      ),
    );
  if (!row) throw new AppError('NOT_FOUND');
  return {
    id: row.id,
    number: row.number,
    label: row.label,
    createdAt: row.createdAt.toISOString(),
    codes: row.content as Code[],
  };
}

export async function codeHistory(db: Db, programmeId: string, codeId: string) {
  const rows = await db
    .select({
      change: qdaCodeHistory.change,
      changedAt: qdaCodeHistory.changedAt,
      changedBy: users.displayName,
      before: qdaCodeHistory.before,
      after: qdaCodeHistory.after,
    })
    .from(qdaCodeHistory)
    .leftJoin(users, eq(users.id, qdaCodeHistory.changedBy))
    .where(and(eq(qdaCodeHistory.codeId, codeId), eq(qdaCodeHistory.programmeId, programmeId)))
    .orderBy(desc(qdaCodeHistory.id));
  return rows.map((r) => ({ ...r, changedAt: r.changedAt.toISOString() }));
}
