// Commands of the cases feature: open a case (with a generated pseudonymous code), add
// participants, record and withdraw consent. Every change is in the access log with its case.
import { and, eq, isNull, like, sql } from 'drizzle-orm';
import {
  runCommand,
  translateDbError,
  type CommandScope,
  type RequestContext,
  type Tx,
} from '../../db/context';
import { AppError } from '../../http/errors';
import { caseAccessGrounds, type Actor } from '../../policy/policy';
import type { ConsentPurpose } from '../../../shared/domain/consent';
import { programmes, teams } from '../organisations/schema';
import { caseAssignments, cases, consents, institutionTypes, participants } from './schema';
import { users } from '../auth/schema';
import { removeDependents, withdrawalEffects } from './consent-dependents';
import { recomputeIndicators } from '../timeline/save-item';

const fieldError = (path: string, message: string) =>
  new AppError('INVALID_INPUT', message, { fields: [{ path, message }] });

export async function createCase(
  ctx: RequestContext & { actor: Actor },
  input: {
    programmeId: string;
    teamId: string;
    institutionType: string;
    regionCode: string;
    birthYear: number;
    gender: 'female' | 'male' | 'other' | null;
  },
): Promise<string> {
  return runCommand(ctx, async ({ tx, now, audit }) => {
    const [team] = await tx
      .select({ programmeId: teams.programmeId })
      .from(teams)
      .innerJoin(programmes, eq(programmes.id, teams.programmeId))
      .where(
        and(eq(teams.id, input.teamId), isNull(teams.archivedAt), isNull(programmes.archivedAt)),
      );
    if (!team) throw fieldError('teamId', 'Dit team bestaat niet of is gearchiveerd.');
    if (team.programmeId !== input.programmeId)
      throw fieldError('teamId', 'Dit team hoort niet bij het gekozen programma.');
    const [type] = await tx
      .select({ code: institutionTypes.code })
      .from(institutionTypes)
      .where(
        and(eq(institutionTypes.code, input.institutionType), isNull(institutionTypes.archivedAt)),
      );
    if (!type) throw fieldError('institutionType', 'Kies een soort instelling uit de lijst.');
    // KL-<year>-<number>: the next number of the year; the unique code settles a race.
    const prefix = `KL-${now.getUTCFullYear()}-`;
    const [last] = await tx
      .select({
        n: sql<number>`coalesce(max(split_part(${cases.code}, '-', 3)::int), 0)`,
      })
      .from(cases)
      .where(like(cases.code, `${prefix}%`));
    const code = `${prefix}${String((last?.n ?? 0) + 1).padStart(3, '0')}`;
    const [row] = await tx
      .insert(cases)
      .values({ ...input, code, createdAt: now, updatedAt: now })
      .returning({ id: cases.id })
      .catch((e: unknown) =>
        translateDbError(e, {
          foreignKey: 'De gekozen regio bestaat niet.',
          unique: 'Probeer het opnieuw.',
        }),
      );
    if (!row) throw new Error('insert returned no row');
    await audit({
      caseId: row.id,
      resourceType: 'case',
      resourceId: row.id,
      action: 'create',
      grounds: 'team_membership',
      outcome: 'success',
    });
    return row.id;
  });
}

async function grounds(actor: Actor, tx: CommandScope['tx'], caseId: string) {
  // A participant acts on their own case (the route has checked that it is theirs).
  if (actor.role === 'participant') return 'self' as const;
  const [row] = await tx.select({ teamId: cases.teamId }).from(cases).where(eq(cases.id, caseId));
  if (!row) throw new AppError('NOT_FOUND');
  return caseAccessGrounds(actor, { type: 'team', teamId: row.teamId }) ?? 'case_assignment';
}

export async function addParticipant(
  ctx: RequestContext & { actor: Actor },
  caseId: string,
  input: {
    kind: 'youth' | 'parent' | 'main_practitioner' | 'other_professional' | 'network';
    label: string;
    hasAuthority: boolean;
  },
): Promise<string> {
  return runCommand(ctx, async ({ tx, now, audit }) => {
    const how = await grounds(ctx.actor, tx, caseId);
    if (input.kind === 'youth') {
      const [existing] = await tx
        .select({ id: participants.id })
        .from(participants)
        .where(and(eq(participants.caseId, caseId), eq(participants.kind, 'youth')));
      if (existing) throw fieldError('kind', 'Deze casus heeft al een jongere.');
    }
    const [row] = await tx
      .insert(participants)
      .values({ ...input, caseId, createdAt: now })
      .returning({ id: participants.id });
    if (!row) throw new Error('insert returned no row');
    await audit({
      caseId,
      resourceType: 'case',
      resourceId: row.id,
      action: 'create',
      grounds: how,
      outcome: 'success',
    });
    return row.id;
  });
}

/**
 * NEN 7513's "on whose behalf": a parent with authority who gives or withdraws consent for the
 * youth through their own account acts on behalf of the youth (named by participant id, never by
 * name). Staff recording a consent act for themselves.
 */
async function onBehalfOf(
  tx: Tx,
  actor: Actor,
  consent: { participantId: string; representativeId: string | null },
): Promise<string | null> {
  if (actor.role !== 'participant' || !consent.representativeId) return null;
  const [representative] = await tx
    .select({ userId: participants.userId })
    .from(participants)
    .where(eq(participants.id, consent.representativeId));
  return representative?.userId === actor.userId ? `participant:${consent.participantId}` : null;
}

export async function giveConsent(
  ctx: RequestContext & { actor: Actor },
  caseId: string,
  input: {
    participantId: string;
    purpose: ConsentPurpose;
    givenBy: 'self' | 'legal_representative';
    representativeId: string | null;
    givenOn: string;
    formVersion: string;
  },
): Promise<string> {
  return runCommand(ctx, async ({ tx, now, audit }) => {
    const how = await grounds(ctx.actor, tx, caseId);
    const people = await tx
      .select({
        id: participants.id,
        kind: participants.kind,
        hasAuthority: participants.hasAuthority,
      })
      .from(participants)
      .where(eq(participants.caseId, caseId));
    const subject = people.find((p) => p.id === input.participantId);
    if (!subject) throw fieldError('participantId', 'Deze deelnemer hoort niet bij deze casus.');
    if (input.representativeId) {
      const representative = people.find((p) => p.id === input.representativeId);
      if (!representative || representative.kind !== 'parent' || !representative.hasAuthority) {
        throw fieldError(
          'representativeId',
          'Alleen een ouder of voogd met gezag bij deze casus kan namens de jongere toestemming geven.',
        );
      }
    }
    if (input.givenOn > now.toISOString().slice(0, 10))
      throw fieldError('givenOn', 'De datum ligt in de toekomst.');
    const [row] = await tx
      .insert(consents)
      .values({ ...input, caseId, createdAt: now })
      .returning({ id: consents.id });
    if (!row) throw new Error('insert returned no row');
    await audit({
      caseId,
      resourceType: 'case',
      resourceId: row.id,
      action: 'create',
      grounds: how,
      outcome: 'success',
      onBehalfOf: await onBehalfOf(tx, ctx.actor, input),
    });
    return row.id;
  });
}

export async function withdrawConsent(
  ctx: RequestContext & { actor: Actor },
  caseId: string,
  consentId: string,
  input: { withdrawnOn: string; confirmRemoval: boolean },
) {
  return runCommand(ctx, async ({ tx, now, audit }) => {
    const how = await grounds(ctx.actor, tx, caseId);
    const [consent] = await tx
      .select({
        givenOn: consents.givenOn,
        withdrawnOn: consents.withdrawnOn,
        participantId: consents.participantId,
        representativeId: consents.representativeId,
      })
      .from(consents)
      .where(and(eq(consents.id, consentId), eq(consents.caseId, caseId)));
    if (!consent) throw new AppError('NOT_FOUND');
    if (consent.withdrawnOn) throw new AppError('CONFLICT', 'Deze toestemming is al ingetrokken.');
    if (input.withdrawnOn < consent.givenOn)
      throw fieldError('withdrawnOn', 'De intrekking ligt vóór de datum van de toestemming.');
    if (input.withdrawnOn > now.toISOString().slice(0, 10))
      throw fieldError('withdrawnOn', 'De datum ligt in de toekomst.');
    const [facts] = await tx
      .select({ birthYear: cases.birthYear })
      .from(cases)
      .where(eq(cases.id, caseId))
      .for('update');
    if (!facts) throw new AppError('NOT_FOUND');
    const effects = await withdrawalEffects(tx, {
      caseId,
      consentId,
      birthYear: facts.birthYear,
      on: now,
    });
    if (effects.removes.length > 0 && !input.confirmRemoval)
      throw new AppError(
        'CONFLICT',
        `Intrekken verwijdert ${effects.removes.length} gegevens. Bekijk wat er verwijderd wordt en bevestig.`,
        { removes: effects.removes },
      );
    await tx
      .update(consents)
      .set({ withdrawnOn: input.withdrawnOn })
      .where(eq(consents.id, consentId));
    await removeDependents(tx, effects.removes, { userId: ctx.actor?.userId ?? null, now });
    if (effects.removes.length > 0) await recomputeIndicators(tx, caseId, facts.birthYear, now);
    await audit(
      {
        caseId,
        resourceType: 'consent',
        resourceId: consentId,
        action: 'update',
        grounds: how,
        outcome: 'success',
        onBehalfOf: await onBehalfOf(tx, ctx.actor, consent),
      },
      // Each removal names what was removed (type and id; the content itself is gone).
      ...effects.removes.map((r) => ({
        caseId,
        resourceType: r.resourceType,
        resourceId: r.id,
        action: 'delete' as const,
        grounds: 'consent' as const,
        outcome: 'success' as const,
      })),
    );
    return effects.removes;
  });
}

/** What withdrawing the consent would remove, without changing anything. */
export async function previewWithdrawal(
  ctx: RequestContext & { actor: Actor },
  caseId: string,
  consentId: string,
) {
  return runCommand(ctx, async ({ tx, now }) => {
    const [facts] = await tx
      .select({ birthYear: cases.birthYear })
      .from(cases)
      .where(eq(cases.id, caseId));
    if (!facts) throw new AppError('NOT_FOUND');
    const effects = await withdrawalEffects(tx, {
      caseId,
      consentId,
      birthYear: facts.birthYear,
      on: now,
    });
    if (!effects.found) throw new AppError('NOT_FOUND');
    return { removes: effects.removes, explanation: effects.explanation };
  });
}

export async function updateCase(
  ctx: RequestContext & { actor: Actor },
  caseId: string,
  input: {
    status: string;
    retentionUntil: string | null;
    gender: 'female' | 'male' | 'other' | null;
    version: number;
  },
) {
  return runCommand(ctx, async ({ tx, now, audit }) => {
    const how = await grounds(ctx.actor, tx, caseId);
    if (input.status === 'closed' && !input.retentionUntil)
      throw fieldError(
        'retentionUntil',
        'Een afgesloten casus heeft een bewaartermijn: kies tot wanneer de gegevens bewaard blijven.',
      );
    if (input.retentionUntil && input.retentionUntil < now.toISOString().slice(0, 10))
      throw fieldError('retentionUntil', 'De bewaartermijn ligt in het verleden.');
    const { version, ...fields } = input;
    const [row] = await tx
      .update(cases)
      .set({ ...fields, version: version + 1, updatedAt: now })
      .where(and(eq(cases.id, caseId), eq(cases.version, version)))
      .returning({ id: cases.id });
    if (!row)
      throw new AppError(
        'CONFLICT',
        'Iemand anders heeft deze casus intussen gewijzigd. Laad de pagina opnieuw.',
      );
    await audit({
      caseId,
      resourceType: 'case',
      resourceId: caseId,
      action: 'update',
      grounds: how,
      outcome: 'success',
    });
  });
}

const assignableRoles = ['researcher', 'professional', 'expert_by_experience'];

/** Assigns a colleague to the case explicitly (rights beyond team membership), or removes them. */
export async function setAssignment(
  ctx: RequestContext & { actor: Actor },
  caseId: string,
  userId: string,
  assigned: boolean,
) {
  return runCommand(ctx, async ({ tx, now, audit }) => {
    const how = await grounds(ctx.actor, tx, caseId);
    if (assigned) {
      const [user] = await tx
        .select({ role: users.role, status: users.status })
        .from(users)
        .where(eq(users.id, userId));
      if (!user || user.status === 'disabled' || !assignableRoles.includes(user.role))
        throw fieldError(
          'userId',
          'Alleen onderzoekers, professionals en ervaringsdeskundigen met een actief account kunnen aan een casus worden toegewezen.',
        );
      await tx
        .insert(caseAssignments)
        .values({ caseId, userId, createdAt: now })
        .onConflictDoNothing();
    } else {
      const removed = await tx
        .delete(caseAssignments)
        .where(and(eq(caseAssignments.caseId, caseId), eq(caseAssignments.userId, userId)))
        .returning({ userId: caseAssignments.userId });
      if (removed.length === 0) throw new AppError('NOT_FOUND');
    }
    await audit({
      caseId,
      resourceType: 'case',
      resourceId: userId,
      action: assigned ? 'create' : 'delete',
      grounds: how,
      outcome: 'success',
    });
  });
}
