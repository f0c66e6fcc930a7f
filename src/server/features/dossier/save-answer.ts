// Commands of dossier research: start a case's review from a published checklist version, save
// an answer (checked against the item of the review's own version; optimistic concurrency: a
// stale version is a 409 with both versions) and clear one. Each change re-checks dossier
// consent under the case lock, writes its history and its access-log entry in one transaction.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { runCommand, translateDbError, type RequestContext, type Tx } from '../../db/context';
import { AppError } from '../../http/errors';
import type {
  DossierRefusalReason,
  dossierAnswerInputSchema,
  dossierReviewMoveSchema,
  dossierReviewStartSchema,
} from '../../../shared/contract/dossier';
import { checkAnswerValue, findItem } from '../../../shared/domain/dossier-answers';
import type { CaseAccess } from '../cases/case-guard';
import { lockedDossierConsent } from '../cases/consent-state';
import { versionById } from '../instruments/queries';
import { itemsByIds } from '../timeline/queries';
import { activeReview, presentAnswer, readDossier, snapshotOf, type AnswerRow } from './queries';
import { dossierAnswerHistory, dossierAnswerLinks, dossierAnswers, dossierReviews } from './schema';

type AnswerInput = z.output<typeof dossierAnswerInputSchema>;
type StartInput = z.output<typeof dossierReviewStartSchema>;
type MoveInput = z.output<typeof dossierReviewMoveSchema>;
type Ctx = RequestContext & { access: CaseAccess };

const today = (now: Date) => now.toISOString().slice(0, 10);

const refused = (reason: DossierRefusalReason, path: string, message: string) =>
  new AppError('INVALID_INPUT', message, { reason, fields: [{ path, message }] });

/** Dossier consent, asked again inside the transaction (the guard asked before it began). */
async function requireDossierConsent(tx: Tx, caseId: string, now: Date) {
  if (!(await lockedDossierConsent(tx, caseId, now)))
    throw new AppError(
      'CONSENT_MISSING',
      'Gegevens uit het dossier kunnen pas worden vastgelegd als de toestemming voor dossierinzage compleet is.',
    );
}

async function reviewOrRefuse(tx: Tx, caseId: string) {
  const review = await activeReview(tx, caseId);
  if (!review)
    throw new AppError(
      'CONFLICT',
      'Er is voor deze casus nog geen dossieronderzoek gestart. Kies eerst een checklist.',
      { reason: 'NO_ACTIVE_REVIEW' satisfies DossierRefusalReason },
    );
  return review;
}

async function lockedAnswer(tx: Tx, reviewId: string, itemKey: string) {
  const [row] = await tx
    .select()
    .from(dossierAnswers)
    .where(and(eq(dossierAnswers.reviewId, reviewId), eq(dossierAnswers.itemKey, itemKey)))
    .for('update');
  return row ?? null;
}

async function linkIdsOf(tx: Tx, answerId: string) {
  const rows = await tx
    .select({ id: dossierAnswerLinks.timelineItemId })
    .from(dossierAnswerLinks)
    .where(eq(dossierAnswerLinks.answerId, answerId));
  return rows.map((r) => r.id);
}

/** Linked items must be live items of this very case. */
async function checkLinks(tx: Tx, caseId: string, ids: readonly string[]) {
  const found = new Map((await itemsByIds(tx, [...ids])).map((i) => [i.id, i]));
  ids.forEach((id, index) => {
    const item = found.get(id);
    if (!item || item.caseId !== caseId || item.deletedAt !== null)
      throw refused(
        'INVALID_TIMELINE_LINK',
        `timelineItemIds.${index}`,
        'Dit onderdeel staat niet (meer) op de tijdlijn van deze casus.',
      );
  });
}

export async function startReview(ctx: Ctx, caseId: string, input: StartInput) {
  return runCommand(ctx, async ({ tx, now, audit }) => {
    await requireDossierConsent(tx, caseId, now);
    if (await activeReview(tx, caseId))
      throw new AppError('CONFLICT', 'Voor deze casus loopt al een dossieronderzoek.');
    const version = await versionById(tx, input.instrumentVersionId);
    if (!version || version.status !== 'published' || version.kind !== 'dossier_checklist')
      throw new AppError(
        'INVALID_INPUT',
        'Kies een gepubliceerde versie van een dossierchecklist.',
        {
          fields: [
            {
              path: 'instrumentVersionId',
              message: 'Kies een gepubliceerde versie van een dossierchecklist.',
            },
          ],
        },
      );
    const [row] = await tx
      .insert(dossierReviews)
      .values({
        caseId,
        instrumentVersionId: version.id,
        startedBy: ctx.access.actor.userId,
        startedAt: now,
      })
      .returning({ id: dossierReviews.id })
      .catch((e: unknown) =>
        translateDbError(e, { unique: 'Voor deze casus loopt al een dossieronderzoek.' }),
      );
    if (!row) throw new Error('insert returned no row');
    await audit({
      caseId,
      resourceType: 'dossier_review',
      resourceId: row.id,
      action: 'create',
      grounds: ctx.access.grounds,
      outcome: 'success',
    });
    return readDossier(tx, caseId);
  });
}

/**
 * Moves the review to a newer published version of the same checklist. Answers keep the version
 * they were given under (and are read with its questions); from now on, answers are given and
 * checked under the newer version.
 */
export async function moveReview(ctx: Ctx, caseId: string, input: MoveInput) {
  return runCommand(ctx, async ({ tx, now, audit }) => {
    await requireDossierConsent(tx, caseId, now);
    const review = await reviewOrRefuse(tx, caseId);
    const current = await versionById(tx, review.instrumentVersionId);
    const target = await versionById(tx, input.instrumentVersionId);
    if (
      !current ||
      !target ||
      target.status !== 'published' ||
      target.instrumentId !== current.instrumentId ||
      target.number <= current.number
    )
      throw refused(
        'NOT_A_NEWER_VERSION',
        'instrumentVersionId',
        'Kies een nieuwere gepubliceerde versie van dezelfde checklist.',
      );
    await tx
      .update(dossierReviews)
      .set({ instrumentVersionId: target.id })
      .where(eq(dossierReviews.id, review.id));
    await audit({
      caseId,
      resourceType: 'dossier_review',
      resourceId: review.id,
      action: 'update',
      grounds: ctx.access.grounds,
      outcome: 'success',
    });
    return readDossier(tx, caseId);
  });
}

export async function saveAnswer(ctx: Ctx, caseId: string, itemKey: string, input: AnswerInput) {
  return runCommand(ctx, async ({ tx, now, audit }) => {
    await requireDossierConsent(tx, caseId, now);
    const review = await reviewOrRefuse(tx, caseId);
    const version = await versionById(tx, review.instrumentVersionId);
    if (!version) throw new Error('a review points at a missing instrument version');
    const found = findItem(version.content, itemKey);
    if (!found)
      throw refused(
        'UNKNOWN_ITEM',
        'itemKey',
        `De vraag ${itemKey} staat niet in versie ${version.number} van deze checklist.`,
      );

    const existing = await lockedAnswer(tx, review.id, itemKey);
    const isLive = existing !== null && existing.deletedAt === null;
    if (input.version !== (isLive ? existing.version : 0))
      throw new AppError(
        'CONFLICT',
        'Iemand anders heeft dit antwoord intussen gewijzigd. Vergelijk beide versies en kies wat blijft.',
        { current: isLive ? await presentAnswer(tx, existing) : null, yours: input },
      );

    const checked = checkAnswerValue(found.item.answer, input.value, today(now));
    if (!checked.isValid) throw refused('INVALID_VALUE', 'value', checked.message);
    if (input.sourceDate && input.sourceDate > today(now))
      throw new AppError('INVALID_INPUT', 'De datum van het document ligt in de toekomst.', {
        fields: [{ path: 'sourceDate', message: 'De datum van het document ligt in de toekomst.' }],
      });
    await checkLinks(tx, caseId, input.timelineItemIds);

    const fields = {
      value: checked.value,
      evidence: input.evidence,
      sourceDocument: input.sourceDocument,
      sourceDate: input.sourceDate,
      instrumentVersionId: review.instrumentVersionId,
      answeredBy: ctx.access.actor.userId,
      updatedAt: now,
    };
    let row: AnswerRow | undefined;
    let before: Record<string, unknown> | null = null;
    if (!existing) {
      [row] = await tx
        .insert(dossierAnswers)
        .values({ ...fields, reviewId: review.id, caseId, itemKey, version: 1, createdAt: now })
        .returning();
    } else {
      if (isLive) before = snapshotOf(existing, await linkIdsOf(tx, existing.id));
      [row] = await tx
        .update(dossierAnswers)
        .set({ ...fields, version: existing.version + 1, deletedAt: null })
        .where(eq(dossierAnswers.id, existing.id))
        .returning();
      await tx.delete(dossierAnswerLinks).where(eq(dossierAnswerLinks.answerId, existing.id));
    }
    if (!row) throw new Error('the answer was not written');
    const answerId = row.id;
    if (input.timelineItemIds.length > 0)
      await tx
        .insert(dossierAnswerLinks)
        .values(
          input.timelineItemIds.map((timelineItemId) => ({ answerId, timelineItemId, caseId })),
        );
    await tx.insert(dossierAnswerHistory).values({
      answerId,
      caseId,
      version: row.version,
      change: isLive ? 'updated' : 'created',
      changedBy: ctx.access.actor.userId,
      changedAt: now,
      before,
      after: snapshotOf(row, input.timelineItemIds),
    });
    await audit({
      caseId,
      resourceType: 'dossier_answer',
      resourceId: answerId,
      action: isLive ? 'update' : 'create',
      grounds: ctx.access.grounds,
      outcome: 'success',
    });
    return presentAnswer(tx, row);
  });
}

/** Clears an answer: it no longer counts, its history stays (until consent is withdrawn). */
export async function clearAnswer(ctx: Ctx, caseId: string, itemKey: string, version: number) {
  return runCommand(ctx, async ({ tx, now, audit }) => {
    await requireDossierConsent(tx, caseId, now);
    const review = await reviewOrRefuse(tx, caseId);
    const existing = await lockedAnswer(tx, review.id, itemKey);
    if (!existing || existing.deletedAt !== null) throw new AppError('NOT_FOUND');
    if (existing.version !== version)
      throw new AppError(
        'CONFLICT',
        'Iemand anders heeft dit antwoord intussen gewijzigd. Bekijk de nieuwe versie voordat je het wist.',
        { current: await presentAnswer(tx, existing) },
      );
    const before = snapshotOf(existing, await linkIdsOf(tx, existing.id));
    await tx
      .update(dossierAnswers)
      .set({ deletedAt: now, version: version + 1, updatedAt: now })
      .where(eq(dossierAnswers.id, existing.id));
    await tx.delete(dossierAnswerLinks).where(eq(dossierAnswerLinks.answerId, existing.id));
    await tx.insert(dossierAnswerHistory).values({
      answerId: existing.id,
      caseId,
      version: version + 1,
      change: 'deleted',
      changedBy: ctx.access.actor.userId,
      changedAt: now,
      before,
      after: null,
    });
    await audit({
      caseId,
      resourceType: 'dossier_answer',
      resourceId: existing.id,
      action: 'delete',
      grounds: ctx.access.grounds,
      outcome: 'success',
    });
  });
}
