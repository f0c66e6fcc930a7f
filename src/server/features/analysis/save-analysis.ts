// Commands of the explanatory analysis. Factors sit in a domain of the analysis's domain set;
// hypotheses point only at live factors of the same analysis (a factor a hypothesis still uses
// cannot be deleted); working theory versions are numbered and dated, never in the future.
// Every change checks a stale version (409 with both versions), writes history and the access
// log in the same transaction.
import { and, eq, inArray, isNull, max } from 'drizzle-orm';
import type { z } from 'zod';
import { runCommand, type CommandScope, type RequestContext, type Tx } from '../../db/context';
import { AppError } from '../../http/errors';
import type {
  analysisStartSchema,
  analysisUpdateSchema,
  factorInputSchema,
  factorUpdateSchema,
  hypothesisInputSchema,
  hypothesisUpdateSchema,
  theoryInputSchema,
  theoryUpdateSchema,
} from '../../../shared/contract/analysis';
import type { AuditResourceType } from '../audit/events';
import type { CaseAccess } from '../cases/case-guard';
import { newestPublishedVersion, versionById } from '../instruments/queries';
import { domainSetOf, liveHypotheses, presentFactor, presentTheory } from './queries';
import {
  analyses,
  analysisFactors,
  analysisHistory,
  analysisHypotheses,
  analysisHypothesisCauses,
  analysisTheories,
} from './schema';

type Ctx = RequestContext & { access: CaseAccess };
type Entity = 'analysis' | 'factor' | 'hypothesis' | 'theory';

const resourceTypes: Record<Entity, AuditResourceType> = {
  analysis: 'analysis',
  factor: 'analysis_factor',
  hypothesis: 'analysis_hypothesis',
  theory: 'analysis_theory',
};

/** The default domain set an analysis starts with when no version is chosen. */
export const defaultDomainSetCode = 'analysis-domains';

const invalid = (path: string, message: string) =>
  new AppError('INVALID_INPUT', message, { fields: [{ path, message }] });

function snapshot(row: Record<string, unknown>): Record<string, unknown> {
  const { caseId: _c, analysisId: _a, deletedAt: _d, ...rest } = row;
  return Object.fromEntries(
    Object.entries(rest).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  );
}

async function changed(
  scope: CommandScope,
  ctx: Ctx,
  params: {
    caseId: string;
    analysisId: string;
    entity: Entity;
    entityId: string;
    change: 'created' | 'updated' | 'deleted';
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  },
) {
  await scope.tx.insert(analysisHistory).values({
    analysisId: params.analysisId,
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

const stale = (what: string, current: unknown, yours: unknown) =>
  new AppError(
    'CONFLICT',
    `Iemand anders heeft ${what} intussen gewijzigd. Vergelijk beide versies en kies wat blijft.`,
    { current, yours },
  );

/** The case's analysis, locked for this change. */
async function lockedAnalysis(tx: Tx, caseId: string) {
  const [row] = await tx.select().from(analyses).where(eq(analyses.caseId, caseId)).for('update');
  if (!row)
    throw new AppError('NOT_FOUND', 'De verklarende analyse van deze casus is nog niet begonnen.');
  return row;
}

export async function startAnalysis(
  ctx: Ctx,
  caseId: string,
  input: z.output<typeof analysisStartSchema>,
) {
  return runCommand(ctx, async (scope) => {
    const { tx } = scope;
    const domainSet = input.domainVersionId
      ? await versionById(tx, input.domainVersionId)
      : await newestPublishedVersion(tx, defaultDomainSetCode);
    if (!domainSet || domainSet.kind !== 'analysis_domains' || domainSet.status !== 'published')
      throw invalid('domainVersionId', 'Kies een gepubliceerde versie van een domeinenlijst.');
    const [row] = await tx
      .insert(analyses)
      .values({
        caseId,
        domainVersionId: domainSet.id,
        problemStatement: input.problemStatement,
        createdBy: ctx.access.actor.userId,
        createdAt: scope.now,
        updatedAt: scope.now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new AppError('CONFLICT', 'De verklarende analyse van deze casus is al begonnen.');
    await changed(scope, ctx, {
      caseId,
      analysisId: row.id,
      entity: 'analysis',
      entityId: row.id,
      change: 'created',
      before: null,
      after: row,
    });
  });
}

export async function updateAnalysis(
  ctx: Ctx,
  caseId: string,
  input: z.output<typeof analysisUpdateSchema>,
) {
  return runCommand(ctx, async (scope) => {
    const current = await lockedAnalysis(scope.tx, caseId);
    if (current.version !== input.version)
      throw stale(
        'de probleemomschrijving',
        { problemStatement: current.problemStatement, version: current.version },
        input,
      );
    const [row] = await scope.tx
      .update(analyses)
      .set({
        problemStatement: input.problemStatement,
        version: input.version + 1,
        updatedAt: scope.now,
      })
      .where(eq(analyses.id, current.id))
      .returning();
    await changed(scope, ctx, {
      caseId,
      analysisId: current.id,
      entity: 'analysis',
      entityId: current.id,
      change: 'updated',
      before: current,
      after: row ?? null,
    });
  });
}

async function checkDomain(tx: Tx, domainVersionId: string, domainKey: string) {
  const domainSet = await domainSetOf(tx, domainVersionId);
  if (!domainSet.domains.some((d) => d.key === domainKey))
    throw invalid('domainKey', 'Dit domein hoort niet bij de domeinenlijst van deze analyse.');
}

async function factorRow(tx: Tx, analysisId: string, id: string) {
  const [row] = await tx
    .select()
    .from(analysisFactors)
    .where(
      and(
        eq(analysisFactors.id, id),
        eq(analysisFactors.analysisId, analysisId),
        isNull(analysisFactors.deletedAt),
      ),
    );
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function addFactor(
  ctx: Ctx,
  caseId: string,
  input: z.output<typeof factorInputSchema>,
) {
  return runCommand(ctx, async (scope) => {
    const analysis = await lockedAnalysis(scope.tx, caseId);
    await checkDomain(scope.tx, analysis.domainVersionId, input.domainKey);
    const [row] = await scope.tx
      .insert(analysisFactors)
      .values({
        ...input,
        analysisId: analysis.id,
        caseId,
        createdBy: ctx.access.actor.userId,
        createdAt: scope.now,
        updatedAt: scope.now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await changed(scope, ctx, {
      caseId,
      analysisId: analysis.id,
      entity: 'factor',
      entityId: row.id,
      change: 'created',
      before: null,
      after: row,
    });
  });
}

export async function updateFactor(
  ctx: Ctx,
  caseId: string,
  factorId: string,
  input: z.output<typeof factorUpdateSchema>,
) {
  return runCommand(ctx, async (scope) => {
    const analysis = await lockedAnalysis(scope.tx, caseId);
    const current = await factorRow(scope.tx, analysis.id, factorId);
    if (current.version !== input.version)
      throw stale('deze factor', presentFactor(current), input);
    const { version, ...fields } = input;
    await checkDomain(scope.tx, analysis.domainVersionId, fields.domainKey);
    const [row] = await scope.tx
      .update(analysisFactors)
      .set({ ...fields, version: version + 1, updatedAt: scope.now })
      .where(eq(analysisFactors.id, factorId))
      .returning();
    await changed(scope, ctx, {
      caseId,
      analysisId: analysis.id,
      entity: 'factor',
      entityId: factorId,
      change: 'updated',
      before: current,
      after: row ?? null,
    });
  });
}

export async function deleteFactor(ctx: Ctx, caseId: string, factorId: string, version: number) {
  return runCommand(ctx, async (scope) => {
    const analysis = await lockedAnalysis(scope.tx, caseId);
    const current = await factorRow(scope.tx, analysis.id, factorId);
    if (current.version !== version)
      throw stale('deze factor', presentFactor(current), { version });
    const using = (await liveHypotheses(scope.tx, analysis.id)).filter(
      (h) => h.effectFactorId === factorId || h.causeIds.includes(factorId),
    );
    if (using.length > 0)
      throw new AppError(
        'CONFLICT',
        `Deze factor wordt nog gebruikt in ${using.length === 1 ? 'een verband' : `${using.length} verbanden`}. Pas die eerst aan of verwijder ze.`,
        { hypotheses: using },
      );
    await scope.tx
      .update(analysisFactors)
      .set({ deletedAt: scope.now, version: version + 1, updatedAt: scope.now })
      .where(eq(analysisFactors.id, factorId));
    await changed(scope, ctx, {
      caseId,
      analysisId: analysis.id,
      entity: 'factor',
      entityId: factorId,
      change: 'deleted',
      before: current,
      after: null,
    });
  });
}

/** Every factor a hypothesis names must be a live factor of this analysis. */
async function checkHypothesis(
  tx: Tx,
  analysisId: string,
  input: { causeIds: string[]; effectFactorId: string | null },
) {
  const named = [...input.causeIds, ...(input.effectFactorId ? [input.effectFactorId] : [])];
  const live = await tx
    .select({ id: analysisFactors.id })
    .from(analysisFactors)
    .where(
      and(
        eq(analysisFactors.analysisId, analysisId),
        inArray(analysisFactors.id, named),
        isNull(analysisFactors.deletedAt),
      ),
    );
  const found = new Set(live.map((f) => f.id));
  if (input.causeIds.some((id) => !found.has(id)))
    throw invalid('causeIds', 'Een gekozen oorzaak is geen (bestaande) factor van deze analyse.');
  if (input.effectFactorId && !found.has(input.effectFactorId))
    throw invalid(
      'effectFactorId',
      'Het gekozen gevolg is geen (bestaande) factor van deze analyse.',
    );
}

async function writeCauses(tx: Tx, hypothesisId: string, causeIds: string[]) {
  await tx
    .delete(analysisHypothesisCauses)
    .where(eq(analysisHypothesisCauses.hypothesisId, hypothesisId));
  await tx
    .insert(analysisHypothesisCauses)
    .values(causeIds.map((factorId, position) => ({ hypothesisId, factorId, position })));
}

export async function addHypothesis(
  ctx: Ctx,
  caseId: string,
  input: z.output<typeof hypothesisInputSchema>,
) {
  return runCommand(ctx, async (scope) => {
    const analysis = await lockedAnalysis(scope.tx, caseId);
    await checkHypothesis(scope.tx, analysis.id, input);
    const [row] = await scope.tx
      .insert(analysisHypotheses)
      .values({
        analysisId: analysis.id,
        caseId,
        effectFactorId: input.effectFactorId,
        explanation: input.explanation,
        createdBy: ctx.access.actor.userId,
        createdAt: scope.now,
        updatedAt: scope.now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await writeCauses(scope.tx, row.id, input.causeIds);
    await changed(scope, ctx, {
      caseId,
      analysisId: analysis.id,
      entity: 'hypothesis',
      entityId: row.id,
      change: 'created',
      before: null,
      after: { ...row, causeIds: input.causeIds },
    });
  });
}

async function hypothesisOf(tx: Tx, analysisId: string, id: string) {
  const found = (await liveHypotheses(tx, analysisId)).find((h) => h.id === id);
  if (!found) throw new AppError('NOT_FOUND');
  return found;
}

export async function updateHypothesis(
  ctx: Ctx,
  caseId: string,
  hypothesisId: string,
  input: z.output<typeof hypothesisUpdateSchema>,
) {
  return runCommand(ctx, async (scope) => {
    const analysis = await lockedAnalysis(scope.tx, caseId);
    const current = await hypothesisOf(scope.tx, analysis.id, hypothesisId);
    if (current.version !== input.version) throw stale('dit verband', current, input);
    await checkHypothesis(scope.tx, analysis.id, input);
    await scope.tx
      .update(analysisHypotheses)
      .set({
        effectFactorId: input.effectFactorId,
        explanation: input.explanation,
        version: input.version + 1,
        updatedAt: scope.now,
      })
      .where(eq(analysisHypotheses.id, hypothesisId));
    await writeCauses(scope.tx, hypothesisId, input.causeIds);
    const { version: _v, ...before } = current;
    await changed(scope, ctx, {
      caseId,
      analysisId: analysis.id,
      entity: 'hypothesis',
      entityId: hypothesisId,
      change: 'updated',
      before,
      after: {
        causeIds: input.causeIds,
        effectFactorId: input.effectFactorId,
        explanation: input.explanation,
      },
    });
  });
}

export async function deleteHypothesis(
  ctx: Ctx,
  caseId: string,
  hypothesisId: string,
  version: number,
) {
  return runCommand(ctx, async (scope) => {
    const analysis = await lockedAnalysis(scope.tx, caseId);
    const current = await hypothesisOf(scope.tx, analysis.id, hypothesisId);
    if (current.version !== version) throw stale('dit verband', current, { version });
    await scope.tx
      .update(analysisHypotheses)
      .set({ deletedAt: scope.now, version: version + 1, updatedAt: scope.now })
      .where(eq(analysisHypotheses.id, hypothesisId));
    const { version: _v, ...before } = current;
    await changed(scope, ctx, {
      caseId,
      analysisId: analysis.id,
      entity: 'hypothesis',
      entityId: hypothesisId,
      change: 'deleted',
      before,
      after: null,
    });
  });
}

function checkDated(dated: string, now: Date) {
  if (dated > now.toISOString().slice(0, 10))
    throw invalid('dated', 'Een versie van de werkhypothese kan niet in de toekomst liggen.');
}

/** A new version of the working theory: the next number, dated, with who agreed. */
export async function addTheory(
  ctx: Ctx,
  caseId: string,
  input: z.output<typeof theoryInputSchema>,
) {
  return runCommand(ctx, async (scope) => {
    const analysis = await lockedAnalysis(scope.tx, caseId);
    checkDated(input.dated, scope.now);
    const [last] = await scope.tx
      .select({ number: max(analysisTheories.number) })
      .from(analysisTheories)
      .where(eq(analysisTheories.analysisId, analysis.id));
    const [row] = await scope.tx
      .insert(analysisTheories)
      .values({
        ...input,
        analysisId: analysis.id,
        caseId,
        number: (last?.number ?? 0) + 1,
        createdBy: ctx.access.actor.userId,
        createdAt: scope.now,
        updatedAt: scope.now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await changed(scope, ctx, {
      caseId,
      analysisId: analysis.id,
      entity: 'theory',
      entityId: row.id,
      change: 'created',
      before: null,
      after: row,
    });
  });
}

export async function updateTheory(
  ctx: Ctx,
  caseId: string,
  theoryId: string,
  input: z.output<typeof theoryUpdateSchema>,
) {
  return runCommand(ctx, async (scope) => {
    const analysis = await lockedAnalysis(scope.tx, caseId);
    const [current] = await scope.tx
      .select()
      .from(analysisTheories)
      .where(and(eq(analysisTheories.id, theoryId), eq(analysisTheories.analysisId, analysis.id)));
    if (!current) throw new AppError('NOT_FOUND');
    if (current.version !== input.version)
      throw stale('deze versie van de werkhypothese', presentTheory(current, ''), input);
    checkDated(input.dated, scope.now);
    const { version, ...fields } = input;
    const [row] = await scope.tx
      .update(analysisTheories)
      .set({ ...fields, version: version + 1, updatedAt: scope.now })
      .where(eq(analysisTheories.id, theoryId))
      .returning();
    await changed(scope, ctx, {
      caseId,
      analysisId: analysis.id,
      entity: 'theory',
      entityId: theoryId,
      change: 'updated',
      before: current,
      after: row ?? null,
    });
  });
}
