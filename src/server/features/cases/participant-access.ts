// The participant side of a case. A researcher invites a youth or parent: an account with role
// participant, linked to their participant record, and a one-time link (with a QR code) to
// choose a password. A participant then sees their own case: their consents (and, for a parent
// with authority, the youth's), gives or withdraws them, and sees who looked at their data.
import { and, count, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Db } from '../../db/connect';
import { runCommand, translateDbError, type RequestContext } from '../../db/context';
import { offsetOf } from '../../db/paging';
import { AppError } from '../../http/errors';
import type { Actor } from '../../policy/policy';
import { dutchSortKey } from '../../../shared/domain/dutch-sort';
import {
  consentPurposes,
  missingConsents,
  type ConsentPurpose,
} from '../../../shared/domain/consent';
import type { MyCase } from '../../../shared/contract/participant';
import { accessLog } from '../audit/schema';
import { users } from '../auth/schema';
import { createLink } from '../auth/manage-users';
import { cases, participants } from './schema';
import { consentState } from './consent-state';
import { giveConsent, withdrawConsent } from './save-case';

const invitable = ['youth', 'parent'] as const;

export async function inviteParticipant(
  ctx: RequestContext & { actor: Actor },
  params: { caseId: string; participantId: string; email: string; publicUrl: string },
) {
  const result = await runCommand(ctx, async ({ tx, now, audit }) => {
    const [person] = await tx
      .select({ kind: participants.kind, label: participants.label, userId: participants.userId })
      .from(participants)
      .where(
        and(eq(participants.id, params.participantId), eq(participants.caseId, params.caseId)),
      );
    if (!person) throw new AppError('NOT_FOUND');
    if (!(invitable as readonly string[]).includes(person.kind))
      throw new AppError(
        'INVALID_INPUT',
        'Alleen de jongere en ouders of verzorgers krijgen een eigen toegang.',
        { fields: [{ path: 'participantId', message: 'Kies de jongere of een ouder.' }] },
      );
    let userId = person.userId;
    let purpose: 'invitation' | 'reset' = 'invitation';
    if (userId) {
      const [account] = await tx
        .select({ status: users.status })
        .from(users)
        .where(eq(users.id, userId));
      purpose = account?.status === 'invited' ? 'invitation' : 'reset';
    } else {
      const [row] = await tx
        .insert(users)
        .values({
          email: params.email,
          displayName: person.label,
          role: 'participant',
          status: 'invited',
          sortKey: dutchSortKey(person.label),
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: users.id })
        .catch((e: unknown) =>
          translateDbError(e, {
            unique: 'Dit e-mailadres hoort al bij een ander account.',
            uniqueField: 'email',
          }),
        );
      if (!row) throw new Error('insert returned no row');
      userId = row.id;
      await tx
        .update(participants)
        .set({ userId })
        .where(eq(participants.id, params.participantId));
    }
    const link = await createLink(tx, userId, purpose, now);
    await audit({
      caseId: params.caseId,
      resourceType: 'participant',
      resourceId: params.participantId,
      action: 'link_created',
      grounds: 'team_membership',
      outcome: 'success',
    });
    return { userId, link };
  });
  const url = `${params.publicUrl}/link/${result.link.token}`;
  const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return {
    userId: result.userId,
    url,
    qrSvg,
    expiresAt: result.link.expiresAt.toISOString(),
    purpose: result.link.purpose,
  };
}

/** The cases the participant belongs to, with who they are in each. */
export async function myCases(db: Db, actor: Actor) {
  const rows = await db
    .select({
      caseId: cases.id,
      code: cases.code,
      participantId: participants.id,
      label: participants.label,
      kind: participants.kind,
    })
    .from(participants)
    .innerJoin(cases, eq(cases.id, participants.caseId))
    .where(eq(participants.userId, actor.userId))
    .orderBy(cases.code);
  return rows.map((r) => ({ ...r, kind: r.kind as MyCase['kind'] }));
}

async function me(db: Db, actor: Actor, caseId: string) {
  const [row] = (await myCases(db, actor)).filter((c) => c.caseId === caseId);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** For a parent with authority: the youth they may consent for. */
function representedYouth(state: Awaited<ReturnType<typeof consentState>>, participantId: string) {
  const self = state.participants.find((p) => p.id === participantId);
  if (!self || self.kind !== 'parent' || !self.hasAuthority) return null;
  return state.participants.find((p) => p.kind === 'youth') ?? null;
}

export async function myCase(db: Db, actor: Actor, caseId: string, now: Date): Promise<MyCase> {
  const self = await me(db, actor, caseId);
  const [facts] = await db
    .select({ birthYear: cases.birthYear })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!facts) throw new AppError('NOT_FOUND');
  const state = await consentState(db, caseId);
  const youth = representedYouth(state, self.participantId);
  const subjects = [{ id: self.participantId, label: self.label, onBehalf: false }];
  if (youth) subjects.push({ id: youth.id, label: youth.label, onBehalf: true });
  const consents = subjects.flatMap((subject) =>
    consentPurposes.map((purpose) => {
      const mine = state.consents
        .filter(
          (c) =>
            c.purpose === purpose &&
            c.participantId === subject.id &&
            (subject.onBehalf
              ? c.givenBy === 'legal_representative' && c.representativeId === self.participantId
              : c.givenBy === 'self'),
        )
        .at(-1);
      return {
        purpose,
        consentId: mine?.id ?? null,
        givenOn: mine?.givenOn ?? null,
        withdrawnOn: mine?.withdrawnOn ?? null,
        forParticipantId: subject.id,
        forLabel: subject.label,
        onBehalf: subject.onBehalf,
      };
    }),
  );
  const stillNeeded = subjects.flatMap((subject) => {
    const participant = state.participants.find((p) => p.id === subject.id);
    if (!participant) return [];
    return consentPurposes.flatMap((purpose) =>
      missingConsents({
        participant,
        purpose,
        participants: state.participants,
        consents: state.consents,
        birthYear: facts.birthYear,
        on: now,
      })
        .filter((m) => m.participantId === self.participantId)
        .map((m) => m.reason),
    );
  });
  return { ...self, consents, stillNeeded: [...new Set(stillNeeded)] };
}

export async function giveMyConsent(
  ctx: RequestContext & { actor: Actor },
  caseId: string,
  input: { purpose: ConsentPurpose; forParticipantId: string | null },
) {
  const self = await me(ctx.db, ctx.actor, caseId);
  const now = ctx.now ? ctx.now() : new Date();
  const givenOn = now.toISOString().slice(0, 10);
  if (!input.forParticipantId || input.forParticipantId === self.participantId)
    return giveConsent(ctx, caseId, {
      participantId: self.participantId,
      purpose: input.purpose,
      givenBy: 'self',
      representativeId: null,
      givenOn,
      formVersion: 'digitaal',
    });
  const youth = representedYouth(await consentState(ctx.db, caseId), self.participantId);
  if (!youth || youth.id !== input.forParticipantId)
    throw new AppError(
      'INVALID_INPUT',
      'Je kunt alleen voor jezelf of je kind toestemming geven.',
      {
        fields: [{ path: 'forParticipantId', message: 'Kies jezelf of je kind.' }],
      },
    );
  return giveConsent(ctx, caseId, {
    participantId: youth.id,
    purpose: input.purpose,
    givenBy: 'legal_representative',
    representativeId: self.participantId,
    givenOn,
    formVersion: 'digitaal',
  });
}

/** A participant withdraws only a consent they gave themselves (or for their child). */
export async function myConsentId(db: Db, actor: Actor, caseId: string, consentId: string) {
  const self = await me(db, actor, caseId);
  const state = await consentState(db, caseId);
  const consent = state.consents.find((c) => c.id === consentId);
  const isMine =
    consent &&
    ((consent.participantId === self.participantId && consent.givenBy === 'self') ||
      consent.representativeId === self.participantId);
  if (!isMine) throw new AppError('NOT_FOUND');
  return consentId;
}

export async function withdrawMyConsent(
  ctx: RequestContext & { actor: Actor },
  caseId: string,
  consentId: string,
  confirmRemoval: boolean,
) {
  await myConsentId(ctx.db, ctx.actor, caseId, consentId);
  const now = ctx.now ? ctx.now() : new Date();
  return withdrawConsent(ctx, caseId, consentId, {
    withdrawnOn: now.toISOString().slice(0, 10),
    confirmRemoval,
  });
}

/** Who looked at or changed the case's data: names and roles of staff, newest first. */
export async function myCaseAccessLog(
  db: Db,
  caseId: string,
  paging: { page: number; pageSize: number },
) {
  const where = and(
    eq(accessLog.caseId, caseId),
    isNotNull(accessLog.userId),
    inArray(accessLog.outcome, ['success', 'denied']),
  );
  const [rows, totals] = await Promise.all([
    db
      .select({
        at: accessLog.at,
        who: users.displayName,
        role: accessLog.role,
        action: accessLog.action,
        resourceType: accessLog.resourceType,
        outcome: accessLog.outcome,
      })
      .from(accessLog)
      .leftJoin(users, eq(users.id, accessLog.userId))
      .where(where)
      .orderBy(desc(accessLog.seq))
      .limit(paging.pageSize)
      .offset(offsetOf(paging)),
    db.select({ n: count() }).from(accessLog).where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...r, at: r.at.toISOString(), who: r.who ?? '' })),
    total: totals[0]?.n ?? 0,
    ...paging,
  };
}
