// Commands of an improvement action: create (with what it comes from), change its fields, move
// its status along the allowed transitions (dropping needs a reason), link and unlink, and write
// follow-ups. Each checks a stale version where the action itself changes (409 with both
// versions), and writes its history and access-log entry in the same transaction.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  runCommand,
  translateDbError,
  type CommandScope,
  type RequestContext,
  type Tx,
} from '../../db/context';
import { AppError } from '../../http/errors';
import type { Actor } from '../../policy/policy';
import { todayIso } from '../../../shared/domain/fuzzy-date';
import { dutchSortKey } from '../../../shared/domain/dutch-sort';
import {
  actionTransitions,
  type ActionLinkInput,
  type ActionStatus,
  type actionFollowUpInputSchema,
  type actionInputSchema,
  type actionStatusInputSchema,
  type actionUpdateSchema,
} from '../../../shared/contract/actions';
import type { AuditGrounds, AuditResourceType } from '../audit/events';
import type { ProgrammeFacts } from './access';
import { auditChange, invalid, snapshot, type Change } from './change-log';
import { organisationExists, ownerAccount, programmeOfTarget } from './queries';
import { actionFollowUps, actionHistory, actionLinks, improvementActions } from './schema';

export type ActionCtx = RequestContext & {
  reach: { actor: Actor; grounds: AuditGrounds; programme: ProgrammeFacts };
};

type Entity = 'action' | 'link' | 'follow_up';
const resourceTypes: Record<Entity, AuditResourceType> = {
  action: 'improvement_action',
  link: 'improvement_action_link',
  follow_up: 'improvement_action_follow_up',
};

const dropped = ['sortKey', 'programmeId', 'actionId'] as const;

async function changed(
  scope: CommandScope,
  ctx: ActionCtx,
  params: {
    actionId: string;
    entity: Entity;
    entityId: string;
    change: Change;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  },
) {
  await scope.tx.insert(actionHistory).values({
    actionId: params.actionId,
    entity: params.entity,
    entityId: params.entityId,
    change: params.change,
    changedBy: ctx.reach.actor.userId,
    changedAt: scope.now,
    before: snapshot(params.before, dropped),
    after: snapshot(params.after, dropped),
  });
  await auditChange(
    scope,
    ctx.reach.grounds,
    resourceTypes[params.entity],
    params.entityId,
    params.change,
  );
}

function stale(current: unknown, yours: unknown): AppError {
  return new AppError(
    'CONFLICT',
    'Iemand anders heeft deze actie intussen gewijzigd. Vergelijk beide versies en kies wat blijft.',
    { current, yours },
  );
}

/** Checks owner organisation, owner person and stakeholder group against the programme. */
async function checkFields(
  tx: Tx,
  programme: ProgrammeFacts,
  input: z.output<typeof actionUpdateSchema> | z.output<typeof actionInputSchema>,
) {
  if (!programme.stakeholderGroups.some((g) => g.code === input.stakeholderGroup))
    throw invalid('stakeholderGroup', 'Kies een doelgroep uit de lijst van dit programma.');
  if (!(await organisationExists(tx, input.ownerOrganisationId)))
    throw invalid('ownerOrganisationId', 'Kies een organisatie uit de lijst.');
  if (input.ownerUserId) {
    const owner = await ownerAccount(tx, input.ownerUserId);
    if (!owner)
      throw invalid(
        'ownerUserId',
        'Deze persoon kan geen eigenaar zijn: kies een actief account van een medewerker.',
      );
    if (owner.organisationId && owner.organisationId !== input.ownerOrganisationId)
      throw invalid(
        'ownerUserId',
        'Deze persoon werkt bij een andere organisatie dan de eigenaar. Kies iemand van die organisatie, of laat de persoon leeg.',
      );
  }
}

/** Adds one link after checking that its target exists in the action's programme. */
async function addLinkRow(
  scope: CommandScope,
  ctx: ActionCtx,
  actionId: string,
  link: ActionLinkInput,
  path: string,
) {
  const kind = link.kind;
  const what = {
    review_meeting: 'bijeenkomst',
    plan_step: 'afspraak uit een bijeenkomst',
    network_meeting: 'bijeenkomst van het lerend netwerk',
    thread: 'rode draad',
    recommendation: 'aanbeveling',
  }[kind];
  const programmeId = await programmeOfTarget(scope.tx, kind, link.targetId);
  if (programmeId === null)
    throw invalid(
      `${path}.targetId`,
      kind === 'thread'
        ? 'Deze rode draad bestaat niet, of is vervangen of ingetrokken. Kies een rode draad uit de lijst.'
        : kind === 'recommendation'
          ? 'Deze aanbeveling bestaat niet, of is ingetrokken. Kies een aanbeveling uit de lijst.'
          : 'Dit bestaat niet (meer). Kies een bijeenkomst uit de lijst.',
    );
  if (programmeId !== ctx.reach.programme.id)
    throw invalid(
      `${path}.targetId`,
      `Deze ${what} hoort bij een ander programma. Een actie kan alleen voortkomen uit wat in haar eigen programma is geleerd.`,
    );
  let row: typeof actionLinks.$inferSelect | undefined;
  try {
    [row] = await scope.tx
      .insert(actionLinks)
      .values({
        actionId,
        kind,
        targetId: link.targetId,
        createdBy: ctx.reach.actor.userId,
        createdAt: scope.now,
      })
      .returning();
  } catch (error) {
    translateDbError(error, { unique: 'Deze koppeling bestaat al.', uniqueField: path });
  }
  if (!row) throw new Error('insert returned no row');
  await changed(scope, ctx, {
    actionId,
    entity: 'link',
    entityId: row.id,
    change: 'created',
    before: null,
    after: row,
  });
}

export async function createAction(ctx: ActionCtx, input: z.output<typeof actionInputSchema>) {
  return runCommand(ctx, async (scope) => {
    const { links, ...fields } = input;
    await checkFields(scope.tx, ctx.reach.programme, input);
    const [row] = await scope.tx
      .insert(improvementActions)
      .values({
        ...fields,
        programmeId: ctx.reach.programme.id,
        sortKey: dutchSortKey(fields.title),
        status: 'proposed',
        statusChangedAt: scope.now,
        createdBy: ctx.reach.actor.userId,
        createdAt: scope.now,
        updatedAt: scope.now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await changed(scope, ctx, {
      actionId: row.id,
      entity: 'action',
      entityId: row.id,
      change: 'created',
      before: null,
      after: row,
    });
    for (const [index, link] of links.entries())
      await addLinkRow(scope, ctx, row.id, link, `links.${index}`);
    return row.id;
  });
}

async function lockedAction(tx: Tx, actionId: string) {
  const [row] = await tx
    .select()
    .from(improvementActions)
    .where(eq(improvementActions.id, actionId))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function updateAction(
  ctx: ActionCtx,
  actionId: string,
  input: z.output<typeof actionUpdateSchema>,
) {
  return runCommand(ctx, async (scope) => {
    const current = await lockedAction(scope.tx, actionId);
    if (current.version !== input.version) throw stale(snapshot(current, dropped), input);
    await checkFields(scope.tx, ctx.reach.programme, input);
    const { version, ...fields } = input;
    const [row] = await scope.tx
      .update(improvementActions)
      .set({
        ...fields,
        sortKey: dutchSortKey(fields.title),
        version: version + 1,
        updatedAt: scope.now,
      })
      .where(eq(improvementActions.id, actionId))
      .returning();
    await changed(scope, ctx, {
      actionId,
      entity: 'action',
      entityId: actionId,
      change: 'updated',
      before: current,
      after: row ?? null,
    });
  });
}

const statusWords: Record<ActionStatus, string> = {
  proposed: 'voorgesteld',
  agreed: 'afgesproken',
  in_progress: 'bezig',
  done: 'klaar',
  evaluated: 'geëvalueerd',
  dropped: 'gestopt',
};

export async function changeActionStatus(
  ctx: ActionCtx,
  actionId: string,
  input: z.output<typeof actionStatusInputSchema>,
) {
  return runCommand(ctx, async (scope) => {
    const current = await lockedAction(scope.tx, actionId);
    if (current.version !== input.version) throw stale(snapshot(current, dropped), input);
    const from = current.status as ActionStatus;
    const allowed = actionTransitions[from];
    if (!allowed.includes(input.status))
      throw new AppError(
        'INVALID_INPUT',
        allowed.length === 0
          ? `Deze actie is ${statusWords[from]}: de status kan niet meer veranderen.`
          : `Van ${statusWords[from]} kan een actie alleen naar ${allowed.map((s) => statusWords[s]).join(' of ')}.`,
        {
          fields: [
            {
              path: 'status',
              message: `Van ${statusWords[from]} naar ${statusWords[input.status]} kan niet.`,
            },
          ],
          allowed,
        },
      );
    if (input.status === 'dropped' && input.reason.length === 0)
      throw invalid('reason', 'Schrijf op waarom de actie stopt.');
    const [row] = await scope.tx
      .update(improvementActions)
      .set({
        status: input.status,
        dropReason: input.status === 'dropped' ? input.reason : null,
        statusChangedAt: scope.now,
        version: current.version + 1,
        updatedAt: scope.now,
      })
      .where(eq(improvementActions.id, actionId))
      .returning();
    await changed(scope, ctx, {
      actionId,
      entity: 'action',
      entityId: actionId,
      change: 'updated',
      before: current,
      after: row ?? null,
    });
  });
}

export async function addActionLink(ctx: ActionCtx, actionId: string, link: ActionLinkInput) {
  return runCommand(ctx, async (scope) => {
    await lockedAction(scope.tx, actionId);
    await addLinkRow(scope, ctx, actionId, link, '');
  });
}

export async function removeActionLink(ctx: ActionCtx, actionId: string, linkId: string) {
  return runCommand(ctx, async (scope) => {
    await lockedAction(scope.tx, actionId);
    const [row] = await scope.tx
      .delete(actionLinks)
      .where(and(eq(actionLinks.id, linkId), eq(actionLinks.actionId, actionId)))
      .returning();
    if (!row) throw new AppError('NOT_FOUND');
    await changed(scope, ctx, {
      actionId,
      entity: 'link',
      entityId: linkId,
      change: 'deleted',
      before: row,
      after: null,
    });
  });
}

/** A follow-up: what was done, evidence of effect, the next step. Never dated in the future. */
export async function addActionFollowUp(
  ctx: ActionCtx,
  actionId: string,
  input: z.output<typeof actionFollowUpInputSchema>,
) {
  return runCommand(ctx, async (scope) => {
    const current = await lockedAction(scope.tx, actionId);
    if (input.on > todayIso(scope.now))
      throw invalid('on', 'Een vervolg schrijf je op na afloop: de datum ligt nog in de toekomst.');
    if (current.status === 'dropped')
      throw new AppError('CONFLICT', 'Deze actie is gestopt. Een vervolg kan er niet meer bij.');
    const [row] = await scope.tx
      .insert(actionFollowUps)
      .values({
        ...input,
        actionId,
        authorId: ctx.reach.actor.userId,
        createdAt: scope.now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await changed(scope, ctx, {
      actionId,
      entity: 'follow_up',
      entityId: row.id,
      change: 'created',
      before: null,
      after: row,
    });
  });
}
