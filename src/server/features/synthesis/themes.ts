// The synthesis board of a programme: its active codes as cards (affinity mapping), grouped into
// themes. Themes are made, renamed, described, reordered and archived (never deleted: a thread
// may name the theme it came from); codes are placed in a theme, moved between themes or back to
// "not grouped". Each change runs in one transaction under the programme lock, carries the
// version it was based on (409 with the current state when stale) and leaves an access-log entry.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/connect';
import { queryRows } from '../../db/raw';
import { runCommand, type CommandScope, type RequestContext, type Tx } from '../../db/context';
import { AppError } from '../../http/errors';
import type {
  Board,
  BoardCode,
  placementSchema,
  Theme,
  themeInputSchema,
  themeMoveSchema,
  themeUpdateSchema,
} from '../../../shared/contract/synthesis';
import type { Actor } from '../../policy/policy';
import { codesOf } from '../coding/codebook';
import { invalid, lockProgramme, type Reach } from './access';
import { synthesisThemeCodes, synthesisThemes, synthesisThreads } from './schema';

type Ctx = RequestContext & { reach: Reach };
type ThemeRow = typeof synthesisThemes.$inferSelect;
type CodeRow = Awaited<ReturnType<typeof codesOf>>[number];

/** "Parent / child" for every code, so codes with one name can be told apart. */
export function codePaths(codes: CodeRow[]): Map<string, string> {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const paths = new Map<string, string>();
  const pathOf = (id: string, depth = 0): string => {
    const known = paths.get(id);
    if (known) return known;
    const code = byId.get(id)!;
    const parent = code.parentId ? byId.get(code.parentId) : undefined;
    const path =
      parent && depth < 20 ? `${pathOf(parent.id, depth + 1)} / ${code.name}` : code.name;
    paths.set(id, path);
    return path;
  };
  for (const c of codes) pathOf(c.id);
  return paths;
}

export const isActiveCode = (c: CodeRow) => c.archivedAt === null && c.mergedInto === null;

/**
 * Cases of the actor's teams in the programme with a segment of each code or one beneath it,
 * from the kept per-team counts (qda_team_codes): a few hundred rows, whatever the case count.
 */
async function caseCounts(db: Db, actor: Actor, programmeId: string): Promise<Map<string, number>> {
  if (actor.teamIds.length === 0) return new Map();
  const rows = await queryRows<{ codeId: string; cases: number }>(
    db,
    sql`select tc.code_id as "codeId", sum(tc.cases_total)::int as cases
        from qda_team_codes tc
        join teams t on t.id = tc.team_id
        where t.programme_id = ${programmeId}
          and ${inArray(sql`tc.team_id`, [...actor.teamIds])}
        group by tc.code_id`,
  );
  return new Map(rows.map((r) => [r.codeId, Number(r.cases)]));
}

export async function readBoard(db: Db, reach: Reach): Promise<Omit<Board, 'abilities'>> {
  const programmeId = reach.programmeId;
  const [codes, themes, placements, threads, counts, programme] = await Promise.all([
    codesOf(db, programmeId),
    db
      .select()
      .from(synthesisThemes)
      .where(eq(synthesisThemes.programmeId, programmeId))
      .orderBy(asc(synthesisThemes.sortOrder), asc(synthesisThemes.createdAt)),
    db
      .select({
        codeId: synthesisThemeCodes.codeId,
        themeId: synthesisThemeCodes.themeId,
        sortOrder: synthesisThemeCodes.sortOrder,
      })
      .from(synthesisThemeCodes)
      .innerJoin(synthesisThemes, eq(synthesisThemes.id, synthesisThemeCodes.themeId))
      .where(eq(synthesisThemes.programmeId, programmeId))
      .orderBy(asc(synthesisThemeCodes.sortOrder), asc(synthesisThemeCodes.placedAt)),
    db
      .select({
        id: synthesisThreads.id,
        number: synthesisThreads.number,
        status: synthesisThreads.status,
        themeId: synthesisThreads.themeId,
      })
      .from(synthesisThreads)
      .where(eq(synthesisThreads.programmeId, programmeId))
      .orderBy(asc(synthesisThreads.number)),
    caseCounts(db, reach.actor, programmeId),
    programmeName(db, programmeId),
  ]);
  const active = codes.filter(isActiveCode);
  const activeIds = new Set(active.map((c) => c.id));
  const paths = codePaths(codes);
  const placed = new Map(placements.map((p) => [p.codeId, p]));
  const boardCodes: BoardCode[] = active.map((c) => {
    const place = placed.get(c.id);
    return {
      id: c.id,
      name: c.name,
      color: c.color,
      parentId: c.parentId,
      path: paths.get(c.id) ?? c.name,
      caseCount: counts.get(c.id) ?? 0,
      themeId: place?.themeId ?? null,
      sortOrder: place?.sortOrder ?? c.sortOrder,
    };
  });
  return {
    programmeId,
    programmeName: programme,
    codes: boardCodes,
    themes: themes.map((t): Theme => ({
      id: t.id,
      name: t.name,
      description: t.description,
      sortOrder: t.sortOrder,
      archived: t.archivedAt !== null,
      version: t.version,
      codeIds: placements
        .filter((p) => p.themeId === t.id && activeIds.has(p.codeId))
        .map((p) => p.codeId),
      threads: threads
        .filter((th) => th.themeId === t.id)
        .map(({ id, number, status }) => ({ id, number, status })),
    })),
  };
}

async function programmeName(db: Db, programmeId: string): Promise<string> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select name from programmes where id = ${programmeId}`,
  );
  return rows[0]?.name ?? '';
}

const presentTheme = (t: ThemeRow) => ({
  id: t.id,
  name: t.name,
  description: t.description,
  archived: t.archivedAt !== null,
  version: t.version,
});

const stale = (current: ThemeRow, yours: unknown) =>
  new AppError(
    'CONFLICT',
    'Iemand anders heeft dit thema intussen gewijzigd. Vergelijk beide versies en kies wat blijft.',
    { current: presentTheme(current), yours },
  );

async function logged(scope: CommandScope, ctx: Ctx, id: string, action: 'create' | 'update') {
  await scope.audit({
    caseId: null,
    resourceType: 'synthesis_theme',
    resourceId: id,
    action,
    grounds: ctx.reach.grounds,
    outcome: 'success',
  });
}

async function themeOf(tx: Tx, programmeId: string, themeId: string): Promise<ThemeRow> {
  const [theme] = await tx
    .select()
    .from(synthesisThemes)
    .where(and(eq(synthesisThemes.id, themeId), eq(synthesisThemes.programmeId, programmeId)));
  if (!theme) throw new AppError('NOT_FOUND');
  return theme;
}

function checkName(themes: ThemeRow[], name: string, self?: string) {
  const clash = themes.find(
    (t) =>
      t.id !== self &&
      t.archivedAt === null &&
      t.name.localeCompare(name, 'nl', { sensitivity: 'accent' }) === 0,
  );
  if (clash) throw invalid('name', `Er is al een thema "${clash.name}" op dit bord.`);
}

async function themesOf(tx: Tx, programmeId: string): Promise<ThemeRow[]> {
  return tx
    .select()
    .from(synthesisThemes)
    .where(eq(synthesisThemes.programmeId, programmeId))
    .orderBy(asc(synthesisThemes.sortOrder), asc(synthesisThemes.createdAt));
}

export async function createTheme(
  ctx: Ctx,
  input: z.output<typeof themeInputSchema>,
): Promise<string> {
  const programmeId = ctx.reach.programmeId;
  return runCommand(ctx, async (scope) => {
    const { tx, now } = scope;
    await lockProgramme(tx, programmeId);
    const themes = await themesOf(tx, programmeId);
    checkName(themes, input.name);
    const [row] = await tx
      .insert(synthesisThemes)
      .values({
        programmeId,
        name: input.name,
        description: input.description,
        sortOrder: themes.reduce((n, t) => Math.max(n, t.sortOrder), 0) + 1,
        createdBy: ctx.reach.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await logged(scope, ctx, row!.id, 'create');
    return row!.id;
  });
}

export async function updateTheme(
  ctx: Ctx,
  themeId: string,
  input: z.output<typeof themeUpdateSchema>,
): Promise<void> {
  const programmeId = ctx.reach.programmeId;
  await runCommand(ctx, async (scope) => {
    const { tx, now } = scope;
    await lockProgramme(tx, programmeId);
    const theme = await themeOf(tx, programmeId, themeId);
    if (theme.version !== input.version) throw stale(theme, input);
    checkName(await themesOf(tx, programmeId), input.name, themeId);
    await tx
      .update(synthesisThemes)
      .set({
        name: input.name,
        description: input.description,
        version: theme.version + 1,
        updatedAt: now,
      })
      .where(eq(synthesisThemes.id, themeId));
    await logged(scope, ctx, themeId, 'update');
  });
}

/** Renumbers the active themes with the moved one at its new place. */
export async function moveTheme(
  ctx: Ctx,
  themeId: string,
  input: z.output<typeof themeMoveSchema>,
): Promise<void> {
  const programmeId = ctx.reach.programmeId;
  await runCommand(ctx, async (scope) => {
    const { tx, now } = scope;
    await lockProgramme(tx, programmeId);
    const theme = await themeOf(tx, programmeId, themeId);
    if (theme.version !== input.version) throw stale(theme, input);
    if (theme.archivedAt) throw new AppError('CONFLICT', 'Dit thema is gearchiveerd.');
    const order = (await themesOf(tx, programmeId)).filter(
      (t) => t.archivedAt === null && t.id !== themeId,
    );
    order.splice(Math.min(input.position, order.length), 0, theme);
    for (const [index, t] of order.entries()) {
      if (t.sortOrder === index + 1 && t.id !== themeId) continue;
      await tx
        .update(synthesisThemes)
        .set({
          sortOrder: index + 1,
          ...(t.id === themeId ? { version: theme.version + 1, updatedAt: now } : {}),
        })
        .where(eq(synthesisThemes.id, t.id));
    }
    await logged(scope, ctx, themeId, 'update');
  });
}

/**
 * Archives a theme: its codes go back to "not grouped" (said on the screen before), and it stays
 * readable where a thread names it. Restoring brings the theme back, empty.
 */
export async function archiveTheme(
  ctx: Ctx,
  themeId: string,
  version: number,
  archive: boolean,
): Promise<void> {
  const programmeId = ctx.reach.programmeId;
  await runCommand(ctx, async (scope) => {
    const { tx, now } = scope;
    await lockProgramme(tx, programmeId);
    const theme = await themeOf(tx, programmeId, themeId);
    if (theme.version !== version) throw stale(theme, { version });
    if ((theme.archivedAt !== null) === archive)
      throw new AppError(
        'CONFLICT',
        archive ? 'Dit thema is al gearchiveerd.' : 'Dit thema staat al op het bord.',
      );
    const themes = await themesOf(tx, programmeId);
    if (!archive) checkName(themes, theme.name, themeId);
    if (archive)
      await tx.delete(synthesisThemeCodes).where(eq(synthesisThemeCodes.themeId, themeId));
    await tx
      .update(synthesisThemes)
      .set({
        archivedAt: archive ? now : null,
        sortOrder: archive
          ? theme.sortOrder
          : themes.reduce((n, t) => Math.max(n, t.sortOrder), 0) + 1,
        version: theme.version + 1,
        updatedAt: now,
      })
      .where(eq(synthesisThemes.id, themeId));
    await logged(scope, ctx, themeId, 'update');
  });
}

/** Puts a code in a theme, moves it between themes, or takes it back to "not grouped". */
export async function placeCode(ctx: Ctx, input: z.output<typeof placementSchema>): Promise<void> {
  const programmeId = ctx.reach.programmeId;
  await runCommand(ctx, async (scope) => {
    const { tx, now } = scope;
    await lockProgramme(tx, programmeId);
    const code = (await codesOf(tx, programmeId)).find((c) => c.id === input.codeId);
    if (!code) throw invalid('codeId', 'Deze code hoort niet bij het codeboek van dit programma.');
    if (!isActiveCode(code))
      throw invalid('codeId', `De code "${code.name}" is gearchiveerd of samengevoegd.`);
    let target: ThemeRow | null = null;
    if (input.themeId) {
      const [theme] = await tx
        .select()
        .from(synthesisThemes)
        .where(
          and(eq(synthesisThemes.id, input.themeId), eq(synthesisThemes.programmeId, programmeId)),
        );
      if (!theme) throw invalid('themeId', 'Dit thema staat niet op het bord van dit programma.');
      if (theme.archivedAt) throw invalid('themeId', `Het thema "${theme.name}" is gearchiveerd.`);
      target = theme;
    }
    const [current] = await tx
      .select({ themeId: synthesisThemeCodes.themeId, name: synthesisThemes.name })
      .from(synthesisThemeCodes)
      .innerJoin(synthesisThemes, eq(synthesisThemes.id, synthesisThemeCodes.themeId))
      .where(eq(synthesisThemeCodes.codeId, code.id));
    if ((current?.themeId ?? null) !== input.fromThemeId)
      throw new AppError(
        'CONFLICT',
        current
          ? `Iemand anders heeft "${code.name}" intussen naar het thema "${current.name}" verplaatst.`
          : `Iemand anders heeft "${code.name}" intussen teruggezet naar "Niet gegroepeerd".`,
        { current: { codeId: code.id, themeId: current?.themeId ?? null } },
      );
    await tx.delete(synthesisThemeCodes).where(eq(synthesisThemeCodes.codeId, code.id));
    if (target) {
      const others = await tx
        .select({ codeId: synthesisThemeCodes.codeId })
        .from(synthesisThemeCodes)
        .where(eq(synthesisThemeCodes.themeId, target.id))
        .orderBy(asc(synthesisThemeCodes.sortOrder), asc(synthesisThemeCodes.placedAt));
      const ids = others.map((o) => o.codeId);
      ids.splice(Math.min(input.position ?? ids.length, ids.length), 0, code.id);
      for (const [index, id] of ids.entries()) {
        if (id === code.id)
          await tx.insert(synthesisThemeCodes).values({
            codeId: id,
            themeId: target.id,
            sortOrder: index + 1,
            placedBy: ctx.reach.actor.userId,
            placedAt: now,
          });
        else
          await tx
            .update(synthesisThemeCodes)
            .set({ sortOrder: index + 1 })
            .where(eq(synthesisThemeCodes.codeId, id));
      }
      await tx
        .update(synthesisThemes)
        .set({ updatedAt: now })
        .where(eq(synthesisThemes.id, target.id));
    }
    await logged(scope, ctx, target?.id ?? current?.themeId ?? programmeId, 'update');
  });
}

/** The active codes of a theme, for promoting it to a thread. */
export async function themeCodeIds(tx: Tx, themeId: string): Promise<string[]> {
  const rows = await tx
    .select({ codeId: synthesisThemeCodes.codeId })
    .from(synthesisThemeCodes)
    .where(eq(synthesisThemeCodes.themeId, themeId))
    .orderBy(asc(synthesisThemeCodes.sortOrder));
  return rows.map((r) => r.codeId);
}
