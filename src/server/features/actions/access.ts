// How the routes of improvement actions and the learning network reach their records: a programme
// (its teams decide), an action (its programme's teams, or its owner person), a network meeting
// (its programme's teams). Looked up once per request, asked of the one policy; whatever the
// actor may not reach answers 404, logged as denied, exactly like something that does not exist.
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/connect';
import { recordAccess } from '../../http/context';
import { AppError } from '../../http/errors';
import { authorize, requireActor } from '../../policy/enforce';
import type { Action, Actor, PolicyResource } from '../../policy/policy';
import type { AuditGrounds, AuditResourceType } from '../audit/events';
import { cases, participants } from '../cases/schema';
import { programmes, teams } from '../organisations/schema';
import type { StakeholderGroup } from '../../../shared/contract/organisations';
import { improvementActions, networkMeetings } from './schema';

export type ProgrammeFacts = {
  id: string;
  name: string;
  stakeholderGroups: StakeholderGroup[];
  teamIds: string[];
};

export type Reach = {
  actor: Actor;
  grounds: AuditGrounds;
  programme: ProgrammeFacts;
  resource: PolicyResource;
};

// What a request looked up, reused by its second check (preValidation, then the handler).
const lookups = new WeakMap<FastifyRequest, Map<string, Promise<unknown>>>();
function once<T>(request: FastifyRequest, key: string, load: () => Promise<T>): Promise<T> {
  let map = lookups.get(request);
  if (!map) lookups.set(request, (map = new Map()));
  let found = map.get(key) as Promise<T> | undefined;
  if (!found) map.set(key, (found = load()));
  return found;
}

/** Forgets what the request looked up: after a change, the answer reads the new state. */
export function forgetLookups(request: FastifyRequest): void {
  lookups.delete(request);
}

export async function programmeFacts(db: Db, programmeId: string): Promise<ProgrammeFacts | null> {
  const rows = await db
    .select({
      id: programmes.id,
      name: programmes.name,
      stakeholderGroups: programmes.stakeholderGroups,
      teamId: teams.id,
    })
    .from(programmes)
    .leftJoin(teams, eq(teams.programmeId, programmes.id))
    .where(eq(programmes.id, programmeId));
  const first = rows[0];
  if (!first) return null;
  return {
    id: first.id,
    name: first.name,
    stakeholderGroups: first.stakeholderGroups,
    teamIds: rows.flatMap((r) => (r.teamId ? [r.teamId] : [])),
  };
}

/** Whether this account is a participant of a case in the programme (their own case). */
async function hasOwnCaseIn(db: Db, programmeId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: participants.id })
    .from(participants)
    .innerJoin(cases, eq(cases.id, participants.caseId))
    .where(and(eq(cases.programmeId, programmeId), eq(participants.userId, userId)))
    .limit(1);
  return row !== undefined;
}

function groundsOf(actor: Actor, resource: PolicyResource): AuditGrounds {
  if (actor.role === 'admin') return 'administrator';
  if (actor.role === 'participant') return 'self';
  if (
    (resource.type === 'programme' || resource.type === 'action') &&
    resource.teamIds.some((t) => actor.teamIds.includes(t))
  )
    return 'team_membership';
  if (resource.type === 'action' && resource.ownerUserId === actor.userId) return 'self';
  return 'role';
}

async function check(
  request: FastifyRequest,
  actor: Actor,
  action: Action,
  resource: PolicyResource,
  denied: { resourceType: AuditResourceType; resourceId: string },
) {
  try {
    authorize(actor, action, resource);
  } catch (error) {
    await recordAccess(request, {
      caseId: null,
      resourceType: denied.resourceType,
      resourceId: denied.resourceId,
      action: 'read',
      grounds: 'none',
      outcome: 'denied',
    });
    throw error;
  }
}

/** Authorises a programme-level action; a programme the actor may not use is a 404. */
export async function programmeGuard(
  request: FastifyRequest,
  programmeId: string,
  action: Action,
): Promise<Reach> {
  const actor = requireActor(request);
  const db = request.server.database.db;
  const programme = await once(request, `programme:${programmeId}`, () =>
    programmeFacts(db, programmeId),
  );
  if (!programme) throw new AppError('NOT_FOUND');
  const resource: PolicyResource = {
    type: 'programme',
    programmeId,
    teamIds: programme.teamIds,
    ...(actor.role === 'participant'
      ? {
          ownCaseUserIds: (await once(request, `own:${programmeId}`, () =>
            hasOwnCaseIn(db, programmeId, actor.userId),
          ))
            ? [actor.userId]
            : [],
        }
      : {}),
  };
  await check(request, actor, action, resource, {
    resourceType: action === 'action.summary' ? 'action_summary' : 'improvement_action',
    resourceId: programmeId,
  });
  return { actor, grounds: groundsOf(actor, resource), programme, resource };
}

export type ActionRecord = typeof improvementActions.$inferSelect;

/** Authorises an action on one improvement action (its programme's staff, or its owner). */
export async function actionGuard(
  request: FastifyRequest,
  actionId: string,
  action: Action,
): Promise<Reach & { record: ActionRecord }> {
  const actor = requireActor(request);
  const db = request.server.database.db;
  const [record] = await once(request, `action:${actionId}`, () =>
    db.select().from(improvementActions).where(eq(improvementActions.id, actionId)),
  );
  if (!record) throw new AppError('NOT_FOUND');
  const programme = await once(request, `programme:${record.programmeId}`, () =>
    programmeFacts(db, record.programmeId),
  );
  if (!programme) throw new AppError('NOT_FOUND');
  const resource: PolicyResource = {
    type: 'action',
    programmeId: programme.id,
    teamIds: programme.teamIds,
    ownerUserId: record.ownerUserId,
  };
  await check(request, actor, action, resource, {
    resourceType: 'improvement_action',
    resourceId: actionId,
  });
  return { actor, grounds: groundsOf(actor, resource), programme, resource, record };
}

export type NetworkMeetingRecord = typeof networkMeetings.$inferSelect;

/** Authorises an action on a learning-network meeting (its programme's staff). */
export async function networkGuard(
  request: FastifyRequest,
  meetingId: string,
  action: Action,
): Promise<Reach & { record: NetworkMeetingRecord }> {
  const actor = requireActor(request);
  const db = request.server.database.db;
  const [record] = await once(request, `network:${meetingId}`, () =>
    db.select().from(networkMeetings).where(eq(networkMeetings.id, meetingId)),
  );
  if (!record) throw new AppError('NOT_FOUND');
  const programme = await once(request, `programme:${record.programmeId}`, () =>
    programmeFacts(db, record.programmeId),
  );
  if (!programme) throw new AppError('NOT_FOUND');
  const resource: PolicyResource = {
    type: 'programme',
    programmeId: programme.id,
    teamIds: programme.teamIds,
  };
  await check(request, actor, action, resource, {
    resourceType: 'network_meeting',
    resourceId: meetingId,
  });
  return { actor, grounds: groundsOf(actor, resource), programme, resource, record };
}
