// What withdrawing a consent takes away. The preview and the withdrawal itself use the same
// computation, so the user is told exactly what will be removed before confirming. Features
// that store data depending on a consent add their part here.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/context';
import { missingConsents, type ConsentPurpose } from '../../../shared/domain/consent';
import { formatFuzzyDate } from '../../../shared/domain/fuzzy-date';
import { dossierAnswersToRemove, removeDossierAnswers } from '../dossier/consent-removal';
import { timelineComments, timelineHistory, timelineItems } from '../timeline/schema';
import { plannedAttendancesOf } from '../meetings/queries';
import { removeAttendances } from '../meetings/save-meeting';
import { consentState, dossierConsentComplete } from './consent-state';
import { interviewsToRemove, removeSources } from '../coding/interviews';
import { interviews } from '../coding/schema';
import { dossierSourcesOf } from '../coding/codable';

export type Removal = {
  resourceType:
    'timeline_item' | 'dossier_answer' | 'meeting_attendee' | 'interview' | 'qda_source';
  id: string;
  description: string;
};

const effectsWithoutStoredData: Record<ConsentPurpose, string> = {
  interview: 'Er worden geen interviews meer gehouden met deze deelnemer.',
  recording: 'Er worden geen geluidsopnames meer gemaakt van deze deelnemer.',
  dossier: 'Het dossier wordt niet meer ingezien.',
  quotes: 'Citaten van deze deelnemer worden niet meer gebruikt in rapporten.',
  meeting: 'Deze deelnemer wordt niet meer uitgenodigd voor de casusreview.',
};

export async function withdrawalEffects(
  tx: Tx,
  params: { caseId: string; consentId: string; birthYear: number; on: Date },
): Promise<{ found: boolean; removes: Removal[]; explanation: string }> {
  const state = await consentState(tx, params.caseId);
  const consent = state.consents.find((c) => c.id === params.consentId);
  if (!consent) return { found: false, removes: [], explanation: '' };
  const explanation = effectsWithoutStoredData[consent.purpose];
  const after = {
    ...state,
    consents: state.consents.map((c) =>
      c.id === consent.id ? { ...c, withdrawnOn: c.withdrawnOn ?? 'withdrawn' } : c,
    ),
  };
  if (consent.purpose === 'interview') {
    // The participant's interviews go, unless their interview consent stays complete.
    const participant = after.participants.find((p) => p.id === consent.participantId);
    const stillConsented =
      participant &&
      missingConsents({
        participant,
        purpose: 'interview',
        participants: after.participants,
        consents: after.consents,
        birthYear: params.birthYear,
        on: params.on,
      }).length === 0;
    if (!participant || stillConsented) return { found: true, removes: [], explanation };
    const removes = await interviewsToRemove(tx, params.caseId, participant.id);
    return {
      found: true,
      removes: removes.map((r) => ({
        resourceType: 'interview' as const,
        id: r.id,
        description: r.description,
      })),
      explanation:
        removes.length > 0
          ? `${explanation} De interviews met ${participant.label} worden verwijderd, met hun transcript, de gecodeerde fragmenten en de memo's.`
          : explanation,
    };
  }
  if (consent.purpose === 'meeting') {
    // The participant leaves the meetings not yet held, unless their consent stays complete.
    const participant = after.participants.find((p) => p.id === consent.participantId);
    const stillInvitable =
      participant &&
      missingConsents({
        participant,
        purpose: 'meeting',
        participants: after.participants,
        consents: after.consents,
        birthYear: params.birthYear,
        on: params.on,
      }).length === 0;
    if (!participant || stillInvitable) return { found: true, removes: [], explanation };
    const attendances = await plannedAttendancesOf(tx, params.caseId, participant.id);
    const day = new Intl.DateTimeFormat('nl-NL', {
      dateStyle: 'long',
      timeZone: 'Europe/Amsterdam',
    });
    return {
      found: true,
      removes: attendances.map((a) => ({
        resourceType: 'meeting_attendee' as const,
        id: a.id,
        description: `Casusreview van ${day.format(a.plannedAt)}: ${participant.label} staat niet meer bij de deelnemers`,
      })),
      explanation,
    };
  }
  if (consent.purpose !== 'dossier') return { found: true, removes: [], explanation };
  if (dossierConsentComplete(after, params.birthYear, params.on))
    return {
      found: true,
      removes: [],
      explanation:
        'De toestemming voor dossierinzage blijft compleet door andere toestemmingen, dus er wordt niets verwijderd.',
    };
  const items = await tx
    .select({ id: timelineItems.id, title: timelineItems.title, start: timelineItems.start })
    .from(timelineItems)
    .where(
      and(
        eq(timelineItems.caseId, params.caseId),
        eq(timelineItems.source, 'dossier'),
        isNull(timelineItems.deletedAt),
      ),
    )
    .orderBy(timelineItems.startEarliest, timelineItems.id);
  const answers = await dossierAnswersToRemove(tx, params.caseId);
  const evidenceSources = await dossierSourcesOf(tx, params.caseId);
  return {
    found: true,
    removes: [
      ...items.map((i) => ({
        resourceType: 'timeline_item' as const,
        id: i.id,
        description: `Tijdlijn: ${i.title} (${formatFuzzyDate(i.start, 'nl')}), uit het dossier`,
      })),
      ...answers.map((a) => ({ resourceType: 'dossier_answer' as const, ...a })),
      ...evidenceSources.map((s) => ({
        resourceType: 'qda_source' as const,
        id: s.id,
        description: `Codeerbare tekst: ${s.name}, met de gecodeerde fragmenten en memo's`,
      })),
    ],
    explanation: `${explanation} Alles wat uit het dossier op de tijdlijn is gezet, wordt verwijderd, en ook de antwoorden van het dossieronderzoek met hun onderbouwing en geschiedenis.`,
  };
}

/**
 * Removes the data for good: the dossier answers with their links and history (first: their
 * links may point at the timeline items removed next), then the items, their comments and their
 * history.
 */
export async function removeDependents(
  tx: Tx,
  removals: Removal[],
  by: { userId: string | null; now: Date },
): Promise<void> {
  await removeSources(
    tx,
    removals.filter((r) => r.resourceType === 'qda_source').map((r) => r.id),
  );
  const interviewIds = removals.filter((r) => r.resourceType === 'interview').map((r) => r.id);
  if (interviewIds.length > 0) {
    const sources = await tx
      .select({ id: interviews.sourceId })
      .from(interviews)
      .where(inArray(interviews.id, interviewIds));
    await removeSources(
      tx,
      sources.map((s) => s.id),
    );
  }
  await removeAttendances(tx, {
    ids: removals.filter((r) => r.resourceType === 'meeting_attendee').map((r) => r.id),
    ...by,
  });
  await removeDossierAnswers(
    tx,
    removals.filter((r) => r.resourceType === 'dossier_answer').map((r) => r.id),
  );
  const ids = removals.filter((r) => r.resourceType === 'timeline_item').map((r) => r.id);
  if (ids.length === 0) return;
  await tx.delete(timelineComments).where(inArray(timelineComments.itemId, ids));
  await tx.delete(timelineHistory).where(inArray(timelineHistory.itemId, ids));
  await tx.delete(timelineItems).where(inArray(timelineItems.id, ids));
}
