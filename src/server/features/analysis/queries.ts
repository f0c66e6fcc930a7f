// Reads of a case's explanatory analysis: the analysis with its domain set (the instrument
// version it was started with, so its domains stay readable when a newer set is published), the
// live factors and hypotheses, the working theory versions, a comparison of two versions, and
// the history.
import { diffWords } from 'diff';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import type { Tx } from '../../db/context';
import type { Analysis, Hypothesis, Theory } from '../../../shared/contract/analysis';
import { users } from '../auth/schema';
import { versionById } from '../instruments/queries';
import {
  analyses,
  analysisFactors,
  analysisHistory,
  analysisHypotheses,
  analysisHypothesisCauses,
  analysisTheories,
} from './schema';

type Executor = Db | Tx;
export type FactorRow = typeof analysisFactors.$inferSelect;
export type TheoryRow = typeof analysisTheories.$inferSelect;

export async function analysisOf(db: Executor, caseId: string) {
  const [row] = await db.select().from(analyses).where(eq(analyses.caseId, caseId));
  return row ?? null;
}

export function presentFactor(row: FactorRow) {
  return {
    id: row.id,
    domainKey: row.domainKey,
    kind: row.kind as 'strength' | 'problem',
    title: row.title,
    description: row.description,
    perspective: row.perspective as 'youth' | 'parent' | 'professional' | 'dossier',
    version: row.version,
  };
}

export function presentTheory(row: TheoryRow, authorName: string): Theory {
  return {
    id: row.id,
    number: row.number,
    dated: row.dated,
    text: row.text,
    evaluation: row.evaluation,
    youthView: row.youthView as Theory['youthView'],
    youthWords: row.youthWords,
    parentView: row.parentView as Theory['parentView'],
    parentWords: row.parentWords,
    authorName,
    version: row.version,
  };
}

/** The domains of a domain set version (its sections), as the analysis shows them. */
export async function domainSetOf(db: Executor, versionId: string) {
  const version = await versionById(db, versionId);
  if (!version) throw new Error(`domain set version ${versionId} is missing`);
  return {
    versionId,
    number: version.number,
    title: version.content.title,
    domains: version.content.sections.map((s) => ({
      key: s.key,
      title: s.title,
      description: s.description ?? null,
    })),
  };
}

export async function liveFactors(db: Executor, analysisId: string) {
  return db
    .select()
    .from(analysisFactors)
    .where(and(eq(analysisFactors.analysisId, analysisId), isNull(analysisFactors.deletedAt)))
    .orderBy(asc(analysisFactors.createdAt), asc(analysisFactors.id));
}

export async function liveHypotheses(db: Executor, analysisId: string): Promise<Hypothesis[]> {
  const rows = await db
    .select()
    .from(analysisHypotheses)
    .where(and(eq(analysisHypotheses.analysisId, analysisId), isNull(analysisHypotheses.deletedAt)))
    .orderBy(asc(analysisHypotheses.createdAt), asc(analysisHypotheses.id));
  const causes =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(analysisHypothesisCauses)
          .where(
            inArray(
              analysisHypothesisCauses.hypothesisId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(analysisHypothesisCauses.position));
  return rows.map((r) => ({
    id: r.id,
    causeIds: causes.filter((c) => c.hypothesisId === r.id).map((c) => c.factorId),
    effectFactorId: r.effectFactorId,
    explanation: r.explanation,
    version: r.version,
  }));
}

export async function theoriesOf(db: Executor, analysisId: string): Promise<Theory[]> {
  const rows = await db
    .select({ row: analysisTheories, authorName: users.displayName })
    .from(analysisTheories)
    .leftJoin(users, eq(users.id, analysisTheories.createdBy))
    .where(eq(analysisTheories.analysisId, analysisId))
    .orderBy(asc(analysisTheories.number));
  return rows.map(({ row, authorName }) => presentTheory(row, authorName ?? ''));
}

/** The analysis of a case with everything in it, or null when it has not been started. */
export async function readAnalysis(
  db: Executor,
  caseId: string,
): Promise<NonNullable<Analysis['analysis']> | null> {
  const analysis = await analysisOf(db, caseId);
  if (!analysis) return null;
  const [domainSet, factors, hypotheses, theories] = await Promise.all([
    domainSetOf(db, analysis.domainVersionId),
    liveFactors(db, analysis.id),
    liveHypotheses(db, analysis.id),
    theoriesOf(db, analysis.id),
  ]);
  return {
    problemStatement: analysis.problemStatement,
    version: analysis.version,
    domainSet,
    factors: factors.map(presentFactor),
    hypotheses,
    theories,
  };
}

/** Two versions of the working theory side by side, with a word-level comparison. */
export async function compareTheories(db: Db, caseId: string, from: number, to: number) {
  const analysis = await analysisOf(db, caseId);
  if (!analysis) return null;
  const theories = await theoriesOf(db, analysis.id);
  const a = theories.find((t) => t.number === from);
  const b = theories.find((t) => t.number === to);
  if (!a || !b) return null;
  const changes = diffWords(a.text, b.text).map((part) => ({
    kind: part.added ? ('added' as const) : part.removed ? ('removed' as const) : ('same' as const),
    text: part.value,
  }));
  return { from: a, to: b, changes };
}

const skipped = new Set(['id', 'version', 'createdAt', 'updatedAt', 'createdBy']);

export async function analysisChanges(db: Db, caseId: string) {
  const analysis = await analysisOf(db, caseId);
  if (!analysis) return null;
  const rows = await db
    .select({
      entity: analysisHistory.entity,
      entityId: analysisHistory.entityId,
      change: analysisHistory.change,
      at: analysisHistory.changedAt,
      by: users.displayName,
      before: analysisHistory.before,
      after: analysisHistory.after,
    })
    .from(analysisHistory)
    .leftJoin(users, eq(users.id, analysisHistory.changedBy))
    .where(eq(analysisHistory.analysisId, analysis.id))
    .orderBy(asc(analysisHistory.id));
  return rows.map((r) => {
    const keys = [...new Set([...Object.keys(r.before ?? {}), ...Object.keys(r.after ?? {})])];
    return {
      entity: r.entity as 'analysis' | 'factor' | 'hypothesis' | 'theory',
      entityId: r.entityId,
      change: r.change as 'created' | 'updated' | 'deleted',
      at: r.at.toISOString(),
      by: r.by ?? '',
      fields: keys
        .filter((k) => !skipped.has(k))
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
