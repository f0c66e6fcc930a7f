// Review-meeting reflections and dossier evidence as codable sources, through the same mechanism
// as interview transcripts: a source holding a snapshot of the text (one per meeting: every
// reflection as a paragraph headed by its part and speaker; one per dossier review: every piece
// of evidence headed by its question). Codings point at character positions, so a coded snapshot
// never changes: when the reflections or the evidence change later, taking the text again makes
// a new version beside it (an uncoded snapshot is simply brought up to date).
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { runCommand, type RequestContext, type Tx } from '../../db/context';
import type { Db } from '../../db/connect';
import { AppError } from '../../http/errors';
import { codePointLength } from '../../../shared/domain/text-offsets';
import { findItem } from '../../../shared/domain/dossier-answers';
import { cases } from '../cases/schema';
import { dossierAnswers, dossierReviews } from '../dossier/schema';
import { versionById } from '../instruments/queries';
import { meetingContributions, reviewMeetings } from '../meetings/schema';
import type { Reach } from './access';
import { liveSegmentCount } from './interviews';
import { qdaSources } from './schema';

type Ctx = RequestContext & { reach: Reach };

const partTitles: Record<string, string> = {
  went_well: 'Wat ging goed',
  could_differ: 'Wat kon anders',
  helped: 'Wat hielp',
  hindered: 'Wat zat in de weg',
  cooperation: 'Samenwerking',
  learning_point: 'Leerpunten',
};
const partOrder = Object.keys(partTitles);
const speakers: Record<string, string> = {
  youth: 'jongere',
  parent: 'ouder',
  network: 'netwerk',
  professional: 'professional',
  researcher: 'onderzoeker',
  expert_by_experience: 'ervaringsdeskundige',
  guest: 'gast',
};
const day = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' });

/** The text of a meeting's reflection, and its name. */
async function meetingText(db: Db | Tx, caseId: string, meetingId: string) {
  const [meeting] = await db
    .select({ plannedAt: reviewMeetings.plannedAt })
    .from(reviewMeetings)
    .where(
      and(
        eq(reviewMeetings.id, meetingId),
        eq(reviewMeetings.caseId, caseId),
        isNull(reviewMeetings.deletedAt),
      ),
    );
  if (!meeting) return null;
  const rows = await db
    .select({
      part: meetingContributions.part,
      text: meetingContributions.text,
      speaker: meetingContributions.speakerRole,
    })
    .from(meetingContributions)
    .where(
      and(eq(meetingContributions.meetingId, meetingId), isNull(meetingContributions.deletedAt)),
    )
    .orderBy(asc(meetingContributions.createdAt), asc(meetingContributions.id));
  const paragraphs = rows
    .sort((a, b) => partOrder.indexOf(a.part) - partOrder.indexOf(b.part))
    .map(
      (r) =>
        `${partTitles[r.part] ?? r.part} (${speakers[r.speaker] ?? r.speaker}): ${r.text.trim()}`,
    );
  return {
    name: `Reflectie casusreview ${day.format(meeting.plannedAt)}`,
    body: paragraphs.join('\n\n'),
  };
}

/** The evidence of a dossier review, each piece headed by its question. */
async function dossierText(db: Db | Tx, caseId: string, reviewId: string) {
  const [review] = await db
    .select({ startedAt: dossierReviews.startedAt, versionId: dossierReviews.instrumentVersionId })
    .from(dossierReviews)
    .where(and(eq(dossierReviews.id, reviewId), eq(dossierReviews.caseId, caseId)));
  if (!review) return null;
  const version = await versionById(db as Tx, review.versionId);
  const rows = await db
    .select({
      itemKey: dossierAnswers.itemKey,
      evidence: dossierAnswers.evidence,
      document: dossierAnswers.sourceDocument,
    })
    .from(dossierAnswers)
    .where(and(eq(dossierAnswers.reviewId, reviewId), isNull(dossierAnswers.deletedAt)))
    .orderBy(asc(dossierAnswers.createdAt), asc(dossierAnswers.id));
  const paragraphs = rows
    .filter((r) => r.evidence.trim().length > 0)
    .map((r) => {
      const question = version ? findItem(version.content, r.itemKey)?.item.question : undefined;
      return `${question ?? r.itemKey}${r.document ? ` [${r.document}]` : ''}: ${r.evidence.trim()}`;
    });
  return {
    name: `Onderbouwing dossieronderzoek ${day.format(review.startedAt)}`,
    body: paragraphs.join('\n\n'),
  };
}

/** Takes the text as a codable source; answers the source id and whether it is new. */
export async function takeCodableSource(
  ctx: Ctx,
  caseId: string,
  kind: 'meeting_reflection' | 'dossier_evidence',
  originId: string,
): Promise<{ sourceId: string; created: boolean }> {
  return runCommand(ctx, async ({ tx, now, audit }) => {
    const found =
      kind === 'meeting_reflection'
        ? await meetingText(tx, caseId, originId)
        : await dossierText(tx, caseId, originId);
    if (!found)
      throw new AppError(
        'INVALID_INPUT',
        'Kies een casusreview of dossieronderzoek van deze casus.',
        {
          fields: [{ path: 'originId', message: 'Niet gevonden bij deze casus.' }],
        },
      );
    if (found.body.trim().length === 0)
      throw new AppError(
        'INVALID_INPUT',
        kind === 'meeting_reflection'
          ? 'Er is nog niets opgeschreven in de reflectie van deze casusreview.'
          : 'Er staat nog geen onderbouwing bij de antwoorden van dit dossieronderzoek.',
      );
    const earlier = await tx
      .select({ id: qdaSources.id, body: qdaSources.body })
      .from(qdaSources)
      .where(and(eq(qdaSources.caseId, caseId), eq(qdaSources.originId, originId)))
      .orderBy(desc(qdaSources.createdAt))
      .for('update');
    const latest = earlier[0];
    if (latest && latest.body === found.body) return { sourceId: latest.id, created: false };
    const length = codePointLength(found.body);
    if (latest && (await liveSegmentCount(tx, latest.id)) === 0) {
      await tx
        .update(qdaSources)
        .set({ body: found.body, length, updatedAt: now })
        .where(eq(qdaSources.id, latest.id));
      await audit({
        caseId,
        resourceType: 'qda_source',
        resourceId: latest.id,
        action: 'update',
        grounds: ctx.reach.grounds,
        outcome: 'success',
      });
      return { sourceId: latest.id, created: false };
    }
    const [kase] = await tx
      .select({ programmeId: cases.programmeId })
      .from(cases)
      .where(eq(cases.id, caseId));
    const [row] = await tx
      .insert(qdaSources)
      .values({
        programmeId: kase!.programmeId,
        caseId,
        kind,
        name: earlier.length > 0 ? `${found.name} (versie ${earlier.length + 1})` : found.name,
        body: found.body,
        length,
        originId,
        createdBy: ctx.reach.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: qdaSources.id });
    await audit({
      caseId,
      resourceType: 'qda_source',
      resourceId: row!.id,
      action: 'create',
      grounds: ctx.reach.grounds,
      outcome: 'success',
    });
    return { sourceId: row!.id, created: true };
  });
}

/** What a case offers to code besides interviews, with the snapshots taken so far. */
export async function codableOrigins(db: Db, caseId: string, withDossier: boolean) {
  const meetings = await db
    .select({
      id: reviewMeetings.id,
      plannedAt: reviewMeetings.plannedAt,
      status: reviewMeetings.status,
    })
    .from(reviewMeetings)
    .where(and(eq(reviewMeetings.caseId, caseId), isNull(reviewMeetings.deletedAt)))
    .orderBy(asc(reviewMeetings.plannedAt));
  const reviews = withDossier
    ? await db
        .select({ id: dossierReviews.id, startedAt: dossierReviews.startedAt })
        .from(dossierReviews)
        .where(eq(dossierReviews.caseId, caseId))
        .orderBy(asc(dossierReviews.startedAt))
    : [];
  const sources = await db
    .select({
      id: qdaSources.id,
      originId: qdaSources.originId,
      name: qdaSources.name,
      kind: qdaSources.kind,
    })
    .from(qdaSources)
    .where(and(eq(qdaSources.caseId, caseId)))
    .orderBy(asc(qdaSources.createdAt));
  const snapshots = (originId: string) =>
    sources.filter((s) => s.originId === originId).map((s) => ({ id: s.id, name: s.name }));
  return [
    ...meetings.map((m) => ({
      kind: 'meeting_reflection' as const,
      originId: m.id,
      label: `Reflectie casusreview ${day.format(m.plannedAt)}`,
      sources: snapshots(m.id),
    })),
    ...reviews.map((r) => ({
      kind: 'dossier_evidence' as const,
      originId: r.id,
      label: `Onderbouwing dossieronderzoek ${day.format(r.startedAt)}`,
      sources: snapshots(r.id),
    })),
  ];
}

/** Snapshots of dossier evidence go when dossier consent is withdrawn. */
export async function dossierSourcesOf(tx: Tx, caseId: string) {
  return tx
    .select({ id: qdaSources.id, name: qdaSources.name })
    .from(qdaSources)
    .where(and(eq(qdaSources.caseId, caseId), eq(qdaSources.kind, 'dossier_evidence')));
}
