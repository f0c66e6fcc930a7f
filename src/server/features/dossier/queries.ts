// Reads of dossier research: a case's active review with the content of its own checklist
// version, its live answers (with researcher and timeline links) and the progress per section,
// and the change history of one answer.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import type { Tx } from '../../db/context';
import type { DossierAnswer, DossierReview } from '../../../shared/contract/dossier';
import type { TimelineLane } from '../../../shared/domain/timeline';
import { dossierProgress, isUnknownValue } from '../../../shared/domain/dossier-answers';
import { users } from '../auth/schema';
import { latestPublishedNumber, versionById, versionNumbers } from '../instruments/queries';
import { itemsByIds } from '../timeline/queries';
import { dossierAnswerHistory, dossierAnswerLinks, dossierAnswers, dossierReviews } from './schema';

export type AnswerRow = typeof dossierAnswers.$inferSelect;

/** The fields a researcher edits, as the history keeps them. */
export const answerFields = [
  'value',
  'evidence',
  'sourceDocument',
  'sourceDate',
  'timelineItemIds',
] as const;

export function snapshotOf(row: AnswerRow, timelineItemIds: readonly string[]) {
  return {
    value: row.value ?? null,
    evidence: row.evidence,
    sourceDocument: row.sourceDocument,
    sourceDate: row.sourceDate,
    timelineItemIds: [...timelineItemIds].sort(),
  };
}

export async function activeReview(db: Db | Tx, caseId: string) {
  const [row] = await db
    .select()
    .from(dossierReviews)
    .where(and(eq(dossierReviews.caseId, caseId), eq(dossierReviews.status, 'active')));
  return row ?? null;
}

/** The links of the given answers, with the linked items' titles and lanes. */
async function linksOf(db: Db | Tx, answerIds: readonly string[]) {
  if (answerIds.length === 0) return new Map<string, DossierAnswer['timelineLinks']>();
  const links = await db
    .select()
    .from(dossierAnswerLinks)
    .where(inArray(dossierAnswerLinks.answerId, [...answerIds]));
  const items = new Map(
    (
      await itemsByIds(
        db,
        links.map((l) => l.timelineItemId),
      )
    ).map((i) => [i.id, i]),
  );
  const byAnswer = new Map<string, DossierAnswer['timelineLinks']>();
  for (const link of links) {
    const item = items.get(link.timelineItemId);
    if (!item) continue;
    const list = byAnswer.get(link.answerId) ?? [];
    list.push({
      timelineItemId: item.id,
      title: item.title,
      lane: item.lane as TimelineLane,
      isDeleted: item.deletedAt !== null,
    });
    byAnswer.set(link.answerId, list);
  }
  for (const list of byAnswer.values()) list.sort((a, b) => a.title.localeCompare(b.title, 'nl'));
  return byAnswer;
}

/** Answers as the API shows them, with their links, researcher and version number. */
export async function presentAnswers(
  db: Db | Tx,
  rows: readonly AnswerRow[],
): Promise<DossierAnswer[]> {
  // One after the other: on a transaction's single connection, queries do not run in parallel.
  const links = await linksOf(
    db,
    rows.map((r) => r.id),
  );
  const numbers = await versionNumbers(db, [...new Set(rows.map((r) => r.instrumentVersionId))]);
  const researcherIds = [...new Set(rows.flatMap((r) => (r.answeredBy ? [r.answeredBy] : [])))];
  const people =
    researcherIds.length === 0
      ? []
      : await db
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(inArray(users.id, researcherIds));
  const names = new Map(people.map((p) => [p.id, p.name]));
  return rows.map((row) => ({
    id: row.id,
    itemKey: row.itemKey,
    instrumentVersionNumber: numbers.get(row.instrumentVersionId) ?? 0,
    value: row.value ?? null,
    isUnknown: isUnknownValue(row.value ?? null),
    evidence: row.evidence,
    sourceDocument: row.sourceDocument,
    sourceDate: row.sourceDate,
    researcher: {
      id: row.answeredBy,
      name: (row.answeredBy && names.get(row.answeredBy)) || '',
    },
    timelineLinks: links.get(row.id) ?? [],
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

export async function presentAnswer(db: Db | Tx, row: AnswerRow): Promise<DossierAnswer> {
  const [answer] = await presentAnswers(db, [row]);
  if (!answer) throw new Error('no answer to present');
  return answer;
}

/** The case's active review, read with its own checklist version; null when none was started. */
export async function readDossier(db: Db | Tx, caseId: string): Promise<DossierReview | null> {
  const review = await activeReview(db, caseId);
  if (!review) return null;
  const version = await versionById(db, review.instrumentVersionId);
  const rows = await db
    .select()
    .from(dossierAnswers)
    .where(and(eq(dossierAnswers.reviewId, review.id), isNull(dossierAnswers.deletedAt)))
    .orderBy(asc(dossierAnswers.itemKey));
  const starter = review.startedBy
    ? await db.select({ name: users.displayName }).from(users).where(eq(users.id, review.startedBy))
    : [];
  if (!version) throw new Error('a review points at a missing instrument version');
  const newest = await latestPublishedNumber(db, version.instrumentId);
  const answers = await presentAnswers(db, rows);
  const earlierVersions = [];
  for (const id of new Set(rows.map((r) => r.instrumentVersionId))) {
    if (id === version.id) continue;
    const earlier = await versionById(db, id);
    if (earlier) earlierVersions.push({ number: earlier.number, content: earlier.content });
  }
  earlierVersions.sort((a, b) => a.number - b.number);
  return {
    id: review.id,
    status: review.status as DossierReview['status'],
    startedAt: review.startedAt.toISOString(),
    startedBy: starter[0]?.name ?? '',
    instrument: {
      id: version.instrumentId,
      code: version.code,
      versionId: version.id,
      number: version.number,
      publishedAt: version.publishedAt,
      newerNumber: newest !== null && newest > version.number ? newest : null,
      content: version.content,
    },
    earlierVersions,
    answers,
    progress: dossierProgress(version.content, answers),
  };
}

/** Every change of one answer of the case's active review, oldest first. */
export async function answerHistory(db: Db, caseId: string, itemKey: string) {
  const review = await activeReview(db, caseId);
  if (!review) return null;
  const rows = await db
    .select({
      answerId: dossierAnswers.id,
      version: dossierAnswerHistory.version,
      change: dossierAnswerHistory.change,
      at: dossierAnswerHistory.changedAt,
      by: users.displayName,
      before: dossierAnswerHistory.before,
      after: dossierAnswerHistory.after,
    })
    .from(dossierAnswerHistory)
    .innerJoin(dossierAnswers, eq(dossierAnswers.id, dossierAnswerHistory.answerId))
    .leftJoin(users, eq(users.id, dossierAnswerHistory.changedBy))
    .where(
      and(
        eq(dossierAnswers.reviewId, review.id),
        eq(dossierAnswers.caseId, caseId),
        eq(dossierAnswers.itemKey, itemKey),
      ),
    )
    .orderBy(asc(dossierAnswerHistory.version), asc(dossierAnswerHistory.changedAt));
  const answerId = rows[0]?.answerId;
  if (!answerId) return null;
  const changes = rows.map((r) => ({
    version: r.version,
    change: r.change as 'created' | 'updated' | 'deleted',
    at: r.at.toISOString(),
    by: r.by ?? '',
    fields: answerFields
      .filter((f) => JSON.stringify(r.before?.[f] ?? null) !== JSON.stringify(r.after?.[f] ?? null))
      .map((field) => ({
        field,
        before: r.before?.[field] ?? null,
        after: r.after?.[field] ?? null,
      })),
  }));
  return { answerId, changes };
}
