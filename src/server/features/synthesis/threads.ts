// Threads (rode draden) of a programme: promoted from a theme (its codes come along) or made
// directly, numbered per programme, edited with the version they were based on, superseded by
// another thread (a reworded one, a merge of several, or an existing one) or withdrawn with a
// reason. Never deleted. Every change raises `version` and appends the whole new state to
// synthesis_thread_versions in the same transaction, with an access-log entry.
import { and, asc, eq, inArray, max, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/connect';
import { runCommand, type CommandScope, type RequestContext, type Tx } from '../../db/context';
import { AppError } from '../../http/errors';
import type {
  supersedeSchema,
  Thread,
  ThreadChange,
  threadInputSchema,
  ThreadList,
  ThreadRef,
  ThreadStatus,
  ThreadSummary,
  threadUpdateSchema,
  ThreadVersion,
  threadVersionFields,
  withdrawSchema,
} from '../../../shared/contract/synthesis';
import { users } from '../auth/schema';
import { codesOf } from '../coding/codebook';
import { invalid, lockProgramme, type Reach } from './access';
import {
  synthesisThemes,
  synthesisThreadCodes,
  synthesisThreads,
  synthesisThreadVersions,
} from './schema';
import { codePaths, isActiveCode, themeCodeIds } from './themes';

type Ctx = RequestContext & { reach: Reach };
type ThreadRow = typeof synthesisThreads.$inferSelect;
type State = typeof synthesisThreadVersions.$inferInsert.state;

const ref = (t: Pick<ThreadRow, 'id' | 'number' | 'title' | 'status'>): ThreadRef => ({
  id: t.id,
  number: t.number,
  title: t.title,
  status: t.status as ThreadStatus,
});

async function threadRow(db: Db | Tx, programmeId: string, threadId: string) {
  const [row] = await db
    .select()
    .from(synthesisThreads)
    .where(and(eq(synthesisThreads.id, threadId), eq(synthesisThreads.programmeId, programmeId)));
  return row;
}

async function linkedCodeIds(db: Db | Tx, threadId: string): Promise<string[]> {
  const rows = await db
    .select({ codeId: synthesisThreadCodes.codeId })
    .from(synthesisThreadCodes)
    .where(eq(synthesisThreadCodes.threadId, threadId));
  return rows.map((r) => r.codeId);
}

export async function readThread(
  db: Db,
  reach: Reach,
  threadId: string,
): Promise<Omit<Thread, 'abilities'>> {
  const row = await threadRow(db, reach.programmeId, threadId);
  if (!row) throw new AppError('NOT_FOUND');
  const [codes, linked, successor, predecessors, theme] = await Promise.all([
    codesOf(db, reach.programmeId),
    linkedCodeIds(db, threadId),
    row.supersededBy ? threadRow(db, reach.programmeId, row.supersededBy) : undefined,
    db
      .select()
      .from(synthesisThreads)
      .where(eq(synthesisThreads.supersededBy, threadId))
      .orderBy(asc(synthesisThreads.number)),
    row.themeId
      ? db
          .select({ id: synthesisThemes.id, name: synthesisThemes.name })
          .from(synthesisThemes)
          .where(eq(synthesisThemes.id, row.themeId))
      : [],
  ]);
  const paths = codePaths(codes);
  const linkedSet = new Set(linked);
  return {
    ...ref(row),
    programmeId: row.programmeId,
    description: row.description,
    statusReason: row.statusReason,
    theme: theme[0] ?? null,
    codes: codes
      .filter((c) => linkedSet.has(c.id))
      .map((c) => ({
        id: c.id,
        name: c.name,
        path: paths.get(c.id) ?? c.name,
        color: c.color,
        archived: !isActiveCode(c),
      })),
    supersededBy: successor ? ref(successor) : null,
    supersedes: predecessors.map(ref),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listThreads(
  db: Db,
  programmeId: string,
  show: 'active' | 'all',
): Promise<Omit<ThreadList, 'abilities'>> {
  const rows = await db
    .select({
      thread: synthesisThreads,
      codeCount: sql<number>`(select count(*)::int from synthesis_thread_codes tc where tc.thread_id = ${synthesisThreads.id})`,
    })
    .from(synthesisThreads)
    .where(eq(synthesisThreads.programmeId, programmeId))
    .orderBy(asc(synthesisThreads.sortOrder), asc(synthesisThreads.number));
  const byId = new Map(rows.map((r) => [r.thread.id, r.thread]));
  const all: ThreadSummary[] = rows.map(({ thread, codeCount }) => {
    const successor = thread.supersededBy ? byId.get(thread.supersededBy) : undefined;
    return {
      ...ref(thread),
      codeCount: Number(codeCount),
      supersededBy: successor ? ref(successor) : null,
      version: thread.version,
      updatedAt: thread.updatedAt.toISOString(),
    };
  });
  // Active first, then superseded and withdrawn, each by number.
  const rank = { active: 0, superseded: 1, withdrawn: 2 } as const;
  all.sort((a, b) => rank[a.status] - rank[b.status]);
  const items = show === 'all' ? all : all.filter((t) => t.status === 'active');
  return { items, hidden: all.length - items.length };
}

// ---- changes -----------------------------------------------------------------------------

const stale = (current: ThreadRow, yours: unknown) =>
  new AppError(
    'CONFLICT',
    'Iemand anders heeft deze rode draad intussen gewijzigd. Vergelijk beide versies en kies wat blijft.',
    {
      current: {
        id: current.id,
        number: current.number,
        title: current.title,
        description: current.description,
        status: current.status,
        version: current.version,
      },
      yours,
    },
  );

function notActive(thread: ThreadRow): AppError {
  return new AppError(
    'CONFLICT',
    thread.status === 'superseded'
      ? `Rode draad ${thread.number} is vervangen en kan niet meer worden gewijzigd.`
      : `Rode draad ${thread.number} is ingetrokken en kan niet meer worden gewijzigd.`,
  );
}

/**
 * Checks codes to link: each of the programme's codebook; newly linked codes must be in use
 * (codes already linked may stay after they were archived or merged).
 */
async function checkCodes(
  tx: Tx,
  programmeId: string,
  codeIds: string[],
  alreadyLinked: string[] = [],
  path = 'codeIds',
): Promise<string[]> {
  const codes = new Map((await codesOf(tx, programmeId)).map((c) => [c.id, c]));
  const kept = new Set(alreadyLinked);
  for (const [index, id] of codeIds.entries()) {
    const code = codes.get(id);
    if (!code)
      throw invalid(`${path}.${index}`, 'Deze code hoort niet bij het codeboek van dit programma.');
    if (!kept.has(id) && !isActiveCode(code))
      throw invalid(`${path}.${index}`, `De code "${code.name}" is gearchiveerd of samengevoegd.`);
  }
  if (codeIds.length === 0) throw invalid(path, 'Kies minstens één code voor deze rode draad.');
  return codeIds;
}

async function setCodes(tx: Tx, threadId: string, codeIds: string[]) {
  await tx.delete(synthesisThreadCodes).where(eq(synthesisThreadCodes.threadId, threadId));
  if (codeIds.length > 0)
    await tx.insert(synthesisThreadCodes).values(codeIds.map((codeId) => ({ threadId, codeId })));
}

/** Appends the whole new state as a version and logs the change. */
async function recordVersion(
  scope: CommandScope,
  ctx: Ctx,
  row: ThreadRow,
  codeIds: string[],
  change: ThreadChange,
  note: string,
) {
  const state: State = {
    title: row.title,
    description: row.description,
    status: row.status,
    statusReason: row.statusReason,
    codeIds: [...codeIds].sort(),
    supersededBy: row.supersededBy,
  };
  await scope.tx.insert(synthesisThreadVersions).values({
    threadId: row.id,
    version: row.version,
    change,
    state,
    note,
    changedBy: ctx.reach.actor.userId,
    changedAt: scope.now,
  });
  await scope.audit({
    caseId: null,
    resourceType: 'synthesis_thread',
    resourceId: row.id,
    action: change === 'created' || change === 'promoted' ? 'create' : 'update',
    grounds: ctx.reach.grounds,
    outcome: 'success',
  });
}

async function insertThread(
  scope: CommandScope,
  ctx: Ctx,
  input: { title: string; description: string; codeIds: string[]; themeId: string | null },
  change: 'created' | 'promoted',
  note: string,
): Promise<ThreadRow> {
  const { tx, now } = scope;
  const programmeId = ctx.reach.programmeId;
  const [top] = await tx
    .select({ n: max(synthesisThreads.number) })
    .from(synthesisThreads)
    .where(eq(synthesisThreads.programmeId, programmeId));
  const number = (top?.n ?? 0) + 1;
  const [row] = await tx
    .insert(synthesisThreads)
    .values({
      programmeId,
      number,
      title: input.title,
      description: input.description,
      themeId: input.themeId,
      sortOrder: number,
      createdBy: ctx.reach.actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await setCodes(tx, row!.id, input.codeIds);
  await recordVersion(scope, ctx, row!, input.codeIds, change, note);
  return row!;
}

export async function createThread(
  ctx: Ctx,
  input: z.output<typeof threadInputSchema>,
): Promise<string> {
  const programmeId = ctx.reach.programmeId;
  return runCommand(ctx, async (scope) => {
    const { tx } = scope;
    await lockProgramme(tx, programmeId);
    let codeIds = input.codeIds;
    if (input.themeId) {
      const [theme] = await tx
        .select()
        .from(synthesisThemes)
        .where(
          and(eq(synthesisThemes.id, input.themeId), eq(synthesisThemes.programmeId, programmeId)),
        );
      if (!theme) throw invalid('themeId', 'Dit thema staat niet op het bord van dit programma.');
      if (theme.archivedAt) throw invalid('themeId', `Het thema "${theme.name}" is gearchiveerd.`);
      // The theme's codes in use (an archived code stays on no board) and any chosen besides.
      const active = new Set(
        (await codesOf(tx, programmeId)).filter(isActiveCode).map((c) => c.id),
      );
      const fromTheme = (await themeCodeIds(tx, theme.id)).filter((id) => active.has(id));
      codeIds = [...new Set([...fromTheme, ...codeIds])];
      if (codeIds.length === 0)
        throw invalid(
          'themeId',
          `Het thema "${theme.name}" heeft nog geen codes. Zet eerst codes in het thema.`,
        );
    }
    await checkCodes(tx, programmeId, codeIds);
    const row = await insertThread(
      scope,
      ctx,
      { title: input.title, description: input.description, codeIds, themeId: input.themeId },
      input.themeId ? 'promoted' : 'created',
      input.note,
    );
    return row.id;
  });
}

async function lockedThread(tx: Tx, programmeId: string, threadId: string): Promise<ThreadRow> {
  await lockProgramme(tx, programmeId);
  const row = await threadRow(tx, programmeId, threadId);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function updateThread(
  ctx: Ctx,
  threadId: string,
  input: z.output<typeof threadUpdateSchema>,
): Promise<void> {
  const programmeId = ctx.reach.programmeId;
  await runCommand(ctx, async (scope) => {
    const { tx, now } = scope;
    const before = await lockedThread(tx, programmeId, threadId);
    if (before.version !== input.version) throw stale(before, input);
    if (before.status !== 'active') throw notActive(before);
    const linked = await linkedCodeIds(tx, threadId);
    await checkCodes(tx, programmeId, input.codeIds, linked);
    const [row] = await tx
      .update(synthesisThreads)
      .set({
        title: input.title,
        description: input.description,
        version: before.version + 1,
        updatedAt: now,
      })
      .where(eq(synthesisThreads.id, threadId))
      .returning();
    await setCodes(tx, threadId, input.codeIds);
    await recordVersion(scope, ctx, row!, input.codeIds, 'updated', input.note);
  });
}

/** Marks `old` superseded by `successor`, as a new version of `old`. */
async function markSuperseded(
  scope: CommandScope,
  ctx: Ctx,
  old: ThreadRow,
  successor: ThreadRow,
  note: string,
) {
  const [row] = await scope.tx
    .update(synthesisThreads)
    .set({
      status: 'superseded',
      supersededBy: successor.id,
      version: old.version + 1,
      updatedAt: scope.now,
    })
    .where(eq(synthesisThreads.id, old.id))
    .returning();
  await recordVersion(scope, ctx, row!, await linkedCodeIds(scope.tx, old.id), 'superseded', note);
}

/**
 * Supersedes a thread by an existing active thread of the programme, or by a new one (which may
 * take the place of more threads at once: a merge). Returns the successor's id.
 */
export async function supersedeThread(
  ctx: Ctx,
  threadId: string,
  input: z.output<typeof supersedeSchema>,
): Promise<string> {
  const programmeId = ctx.reach.programmeId;
  return runCommand(ctx, async (scope) => {
    const { tx, now } = scope;
    const thread = await lockedThread(tx, programmeId, threadId);
    if (thread.version !== input.version) throw stale(thread, input);
    if (thread.status !== 'active') throw notActive(thread);
    const others: ThreadRow[] = [];
    for (const [index, other] of input.mergeWith.entries()) {
      const path = `mergeWith.${index}.threadId`;
      const row = await threadRow(tx, programmeId, other.threadId);
      if (!row) throw invalid(path, 'Deze rode draad hoort niet bij dit programma.');
      if (row.id === thread.id || others.some((o) => o.id === row.id))
        throw invalid(path, 'Kies elke rode draad maar één keer.');
      if (row.version !== other.version) throw stale(row, other);
      if (row.status !== 'active') throw notActive(row);
      others.push(row);
    }
    let successor: ThreadRow;
    if (input.byThreadId) {
      const row = await threadRow(tx, programmeId, input.byThreadId);
      if (!row) throw invalid('byThreadId', 'Deze rode draad hoort niet bij dit programma.');
      if (row.id === thread.id)
        throw invalid('byThreadId', 'Een rode draad kan zichzelf niet vervangen.');
      if (row.status !== 'active')
        throw invalid('byThreadId', `Rode draad ${row.number} is zelf niet meer actief.`);
      const [updated] = await tx
        .update(synthesisThreads)
        .set({
          supersedes: row.supersedes ?? thread.id,
          version: row.version + 1,
          updatedAt: now,
        })
        .where(eq(synthesisThreads.id, row.id))
        .returning();
      successor = updated!;
      await recordVersion(
        scope,
        ctx,
        successor,
        await linkedCodeIds(tx, successor.id),
        'supersedes',
        input.note,
      );
    } else {
      const replacement = input.replacement!;
      await checkCodes(tx, programmeId, replacement.codeIds, [], 'replacement.codeIds');
      successor = await insertThread(
        scope,
        ctx,
        { ...replacement, themeId: thread.themeId },
        'created',
        input.note,
      );
      await tx
        .update(synthesisThreads)
        .set({ supersedes: thread.id })
        .where(eq(synthesisThreads.id, successor.id));
    }
    for (const old of [thread, ...others])
      await markSuperseded(scope, ctx, old, successor, input.note);
    return successor.id;
  });
}

export async function withdrawThread(
  ctx: Ctx,
  threadId: string,
  input: z.output<typeof withdrawSchema>,
): Promise<void> {
  const programmeId = ctx.reach.programmeId;
  await runCommand(ctx, async (scope) => {
    const { tx, now } = scope;
    const thread = await lockedThread(tx, programmeId, threadId);
    if (thread.version !== input.version) throw stale(thread, input);
    if (thread.status !== 'active') throw notActive(thread);
    const [row] = await tx
      .update(synthesisThreads)
      .set({
        status: 'withdrawn',
        statusReason: input.reason,
        version: thread.version + 1,
        updatedAt: now,
      })
      .where(eq(synthesisThreads.id, threadId))
      .returning();
    await recordVersion(
      scope,
      ctx,
      row!,
      await linkedCodeIds(tx, threadId),
      'withdrawn',
      input.reason,
    );
  });
}

// ---- versions ----------------------------------------------------------------------------

type Field = (typeof threadVersionFields)[number];

export async function threadVersions(
  db: Db,
  programmeId: string,
  threadId: string,
): Promise<ThreadVersion[]> {
  const thread = await threadRow(db, programmeId, threadId);
  if (!thread) throw new AppError('NOT_FOUND');
  const rows = await db
    .select({
      version: synthesisThreadVersions.version,
      change: synthesisThreadVersions.change,
      state: synthesisThreadVersions.state,
      note: synthesisThreadVersions.note,
      changedBy: users.displayName,
      changedAt: synthesisThreadVersions.changedAt,
    })
    .from(synthesisThreadVersions)
    .leftJoin(users, eq(users.id, synthesisThreadVersions.changedBy))
    .where(eq(synthesisThreadVersions.threadId, threadId))
    .orderBy(asc(synthesisThreadVersions.version));
  const codeIds = [...new Set(rows.flatMap((r) => r.state.codeIds))];
  const successorIds = [
    ...new Set(rows.flatMap((r) => (r.state.supersededBy ? [r.state.supersededBy] : []))),
  ];
  const [codes, successors] = await Promise.all([
    codesOf(db, programmeId),
    successorIds.length > 0
      ? db.select().from(synthesisThreads).where(inArray(synthesisThreads.id, successorIds))
      : [],
  ]);
  const codeName = new Map(codes.map((c) => [c.id, c.name]));
  const successorOf = new Map(successors.map((s) => [s.id, ref(s)]));
  const out: ThreadVersion[] = [];
  let previous: (typeof rows)[number] | undefined;
  for (const r of rows) {
    const changedFields: Field[] = [];
    let added: string[] = [];
    let removed: string[] = [];
    if (previous) {
      const p = previous.state;
      if (p.title !== r.state.title) changedFields.push('title');
      if (p.description !== r.state.description) changedFields.push('description');
      added = r.state.codeIds.filter((id) => !p.codeIds.includes(id));
      removed = p.codeIds.filter((id) => !r.state.codeIds.includes(id));
      if (added.length > 0 || removed.length > 0) changedFields.push('codes');
      if (p.status !== r.state.status) changedFields.push('status');
    }
    const name = (id: string) => codeName.get(id) ?? '?';
    out.push({
      version: r.version,
      change: r.change as ThreadChange,
      title: r.state.title,
      description: r.state.description,
      status: r.state.status as ThreadStatus,
      statusReason: r.state.statusReason,
      codes: r.state.codeIds
        .filter((id) => codeIds.includes(id))
        .map((id) => ({ id, name: name(id) }))
        .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
      supersededBy: r.state.supersededBy ? (successorOf.get(r.state.supersededBy) ?? null) : null,
      note: r.note,
      changedBy: r.changedBy,
      changedAt: r.changedAt.toISOString(),
      changedFields,
      codesAdded: added.map(name).sort((a, b) => a.localeCompare(b, 'nl')),
      codesRemoved: removed.map(name).sort((a, b) => a.localeCompare(b, 'nl')),
    });
    previous = r;
  }
  return out.reverse();
}
