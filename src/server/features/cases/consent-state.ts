// The consent state of a case as the policy needs it, read inside a transaction.
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import type { Tx } from '../../db/context';
import {
  hasConsent,
  type ConsentParticipant,
  type ConsentPurpose,
  type ConsentRecord,
} from '../../../shared/domain/consent';
import { cases, consents, participants } from './schema';

export type CaseConsentState = {
  participants: ConsentParticipant[];
  consents: (ConsentRecord & { id: string; givenOn: string })[];
};

export async function consentState(db: Db | Tx, caseId: string): Promise<CaseConsentState> {
  const [people, given] = await Promise.all([
    db
      .select({
        id: participants.id,
        kind: participants.kind,
        label: participants.label,
        hasAuthority: participants.hasAuthority,
      })
      .from(participants)
      .where(eq(participants.caseId, caseId)),
    db
      .select({
        id: consents.id,
        participantId: consents.participantId,
        purpose: consents.purpose,
        givenBy: consents.givenBy,
        representativeId: consents.representativeId,
        givenOn: consents.givenOn,
        withdrawnOn: consents.withdrawnOn,
      })
      .from(consents)
      .where(eq(consents.caseId, caseId)),
  ]);
  return {
    participants: people.map((p) => ({ ...p, kind: p.kind as ConsentParticipant['kind'] })),
    consents: given.map((c) => ({
      ...c,
      purpose: c.purpose as ConsentPurpose,
      givenBy: c.givenBy as ConsentRecord['givenBy'],
    })),
  };
}

/**
 * Whether the youth's care file may be used: there is a youth, and every consent the rules by
 * age require for 'dossier' stands.
 */
export function dossierConsentComplete(
  state: CaseConsentState,
  birthYear: number,
  on: Date,
): boolean {
  const youth = state.participants.find((p) => p.kind === 'youth');
  if (!youth) return false;
  return hasConsent({
    participant: youth,
    purpose: 'dossier',
    participants: state.participants,
    consents: state.consents,
    birthYear,
    on,
  });
}

/**
 * Locks the case for the rest of the transaction and tells whether dossier consent is complete
 * now. The lock orders a change of dossier data after (or before) a consent withdrawal, which
 * takes the same lock: data is never added after the withdrawal removed it.
 */
export async function lockedDossierConsent(tx: Tx, caseId: string, on: Date): Promise<boolean> {
  const [row] = await tx
    .select({ birthYear: cases.birthYear })
    .from(cases)
    .where(eq(cases.id, caseId))
    .for('update');
  if (!row) return false;
  return dossierConsentComplete(await consentState(tx, caseId), row.birthYear, on);
}

/** The consent states of several cases in two queries (for lists that span cases). */
export async function consentStates(
  db: Db | Tx,
  caseIds: readonly string[],
): Promise<Map<string, CaseConsentState>> {
  const ids = [...new Set(caseIds)];
  const states = new Map<string, CaseConsentState>(
    ids.map((id) => [id, { participants: [], consents: [] }]),
  );
  if (ids.length === 0) return states;
  const [people, given] = await Promise.all([
    db
      .select({
        caseId: participants.caseId,
        id: participants.id,
        kind: participants.kind,
        label: participants.label,
        hasAuthority: participants.hasAuthority,
      })
      .from(participants)
      .where(inArray(participants.caseId, ids)),
    db
      .select({
        caseId: consents.caseId,
        id: consents.id,
        participantId: consents.participantId,
        purpose: consents.purpose,
        givenBy: consents.givenBy,
        representativeId: consents.representativeId,
        givenOn: consents.givenOn,
        withdrawnOn: consents.withdrawnOn,
      })
      .from(consents)
      .where(inArray(consents.caseId, ids)),
  ]);
  for (const { caseId, ...p } of people)
    states.get(caseId)!.participants.push({ ...p, kind: p.kind as ConsentParticipant['kind'] });
  for (const { caseId, ...c } of given)
    states.get(caseId)!.consents.push({
      ...c,
      purpose: c.purpose as ConsentPurpose,
      givenBy: c.givenBy as ConsentRecord['givenBy'],
    });
  return states;
}
