// How recommendation routes reach their records: a programme through its teams (the same
// programme resource and facts — name, stakeholder groups, teams — the actions feature reads), a
// recommendation through its programme. Looked up once per request and asked of the one policy;
// whatever the actor may not reach answers 404, logged as denied, like something that does not
// exist.
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Tx } from '../../db/context';
import { recordAccess } from '../../http/context';
import { AppError } from '../../http/errors';
import { authorize, requireActor } from '../../policy/enforce';
import { caseAccessGrounds, type Action, type Actor } from '../../policy/policy';
import type { AuditGrounds } from '../audit/events';
import { programmeFacts, type ProgrammeFacts } from '../actions/access';
import { programmes } from '../organisations/schema';
import { recommendations } from './schema';

export type Reach = {
  actor: Actor;
  grounds: AuditGrounds;
  programme: ProgrammeFacts;
  resource: { type: 'programme'; programmeId: string; teamIds: string[] };
};

export type RecommendationRow = typeof recommendations.$inferSelect;

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

async function reachProgramme(
  request: FastifyRequest,
  programmeId: string,
  action: Action,
  denied: { resourceType: 'recommendation'; resourceId: string },
): Promise<Reach> {
  const actor = requireActor(request);
  const db = request.server.database.db;
  const programme = await once(request, `programme:${programmeId}`, () =>
    programmeFacts(db, programmeId),
  );
  if (!programme) throw new AppError('NOT_FOUND');
  const resource = { type: 'programme' as const, programmeId, teamIds: programme.teamIds };
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
  const grounds: AuditGrounds = caseAccessGrounds(actor, resource) ?? 'role';
  return { actor, grounds, programme, resource };
}

/** Authorises a programme-level action; a programme the actor may not use is a 404. */
export function programmeGuard(
  request: FastifyRequest,
  programmeId: string,
  action: Action,
): Promise<Reach> {
  return reachProgramme(request, programmeId, action, {
    resourceType: 'recommendation',
    resourceId: programmeId,
  });
}

/** Authorises an action on one recommendation of the programme in the URL. */
export async function recommendationGuard(
  request: FastifyRequest,
  programmeId: string,
  recommendationId: string,
  action: Action,
): Promise<Reach & { record: RecommendationRow }> {
  const db = request.server.database.db;
  const reach = await reachProgramme(request, programmeId, action, {
    resourceType: 'recommendation',
    resourceId: recommendationId,
  });
  const [record] = await once(request, `recommendation:${recommendationId}`, () =>
    db
      .select()
      .from(recommendations)
      .where(
        and(eq(recommendations.id, recommendationId), eq(recommendations.programmeId, programmeId)),
      ),
  );
  if (!record) throw new AppError('NOT_FOUND');
  return { ...reach, record };
}

const isUuid = (value: unknown): value is string => z.uuid().safeParse(value).success;

/** preValidation: reach the programme (:id) first, so 404 and 403 come before a 400. */
export const programmeFirst = (action: Action) => async (request: FastifyRequest) => {
  const { id } = request.params as { id?: string };
  if (isUuid(id)) await programmeGuard(request, id, action);
};

/** preValidation: reach the recommendation (:id, :recommendationId) first. */
export const recommendationFirst = (action: Action) => async (request: FastifyRequest) => {
  const { id, recommendationId } = request.params as { id?: string; recommendationId?: string };
  if (isUuid(id) && isUuid(recommendationId))
    await recommendationGuard(request, id, recommendationId, action);
  else if (isUuid(id)) await programmeGuard(request, id, action);
};

/** Locks the programme row: numbers of concurrent creations never collide. */
export async function lockProgramme(tx: Tx, programmeId: string): Promise<void> {
  const [row] = await tx
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.id, programmeId))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
}

export const invalid = (path: string, message: string, reason?: string) =>
  new AppError('INVALID_INPUT', message, {
    fields: [{ path, message }],
    ...(reason ? { reason } : {}),
  });
