// What dossier research loses when dossier consent is withdrawn: every answer of the case (also
// cleared ones, whose history still holds what was said), with its links and its history. The
// cases feature asks for the list (preview and withdrawal alike) and for the removal.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/context';
import { findItem } from '../../../shared/domain/dossier-answers';
import { versionById } from '../instruments/queries';
import { dossierAnswerHistory, dossierAnswerLinks, dossierAnswers } from './schema';

export async function dossierAnswersToRemove(
  tx: Tx,
  caseId: string,
): Promise<{ id: string; description: string }[]> {
  const rows = await tx
    .select({
      id: dossierAnswers.id,
      itemKey: dossierAnswers.itemKey,
      instrumentVersionId: dossierAnswers.instrumentVersionId,
      deletedAt: dossierAnswers.deletedAt,
    })
    .from(dossierAnswers)
    .where(eq(dossierAnswers.caseId, caseId))
    .orderBy(asc(dossierAnswers.createdAt), asc(dossierAnswers.id));
  const versions = new Map<string, Awaited<ReturnType<typeof versionById>>>();
  for (const id of new Set(rows.map((r) => r.instrumentVersionId)))
    versions.set(id, await versionById(tx, id));
  return rows.map((row) => {
    const version = versions.get(row.instrumentVersionId);
    const question = version ? findItem(version.content, row.itemKey)?.item.question : undefined;
    return {
      id: row.id,
      description: `Dossieronderzoek: ${question ?? row.itemKey}${row.deletedAt ? ' (gewist antwoord, met geschiedenis)' : ''}`,
    };
  });
}

/** Removes the answers for good: their links, their history and the answers themselves. */
export async function removeDossierAnswers(tx: Tx, answerIds: readonly string[]): Promise<void> {
  if (answerIds.length === 0) return;
  const ids = [...answerIds];
  await tx.delete(dossierAnswerLinks).where(inArray(dossierAnswerLinks.answerId, ids));
  await tx.delete(dossierAnswerHistory).where(inArray(dossierAnswerHistory.answerId, ids));
  await tx.delete(dossierAnswers).where(inArray(dossierAnswers.id, ids));
}
