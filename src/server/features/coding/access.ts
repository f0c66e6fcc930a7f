// How coding routes reach their records. A programme route asks the policy with the programme's
// teams; a source (and what hangs on it: segments, memos) is reached through its case when it has
// one, else through its programme. Whatever the actor may not reach answers 404, logged as denied,
// exactly like something that does not exist.
import { eq, getTableColumns, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/connect';
import { recordAccess } from '../../http/context';
import { AppError } from '../../http/errors';
import { authorize, requireActor } from '../../policy/enforce';
import { caseAccessGrounds, type Action, type Actor } from '../../policy/policy';
import { caseResource, type CaseResource } from '../cases/queries';
import { programmes, teams } from '../organisations/schema';
import { qdaSources } from './schema';

export type ProgrammeResource = { type: 'programme'; programmeId: string; teamIds: string[] };

export type Reach = {
  actor: Actor;
  grounds: 'team_membership' | 'case_assignment' | 'self' | 'none';
  resource: CaseResource | ProgrammeResource;
  programmeId: string;
  caseId: string | null;
  caseCode: string | null;
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

/** Forgets what the request looked up: after a change, the next read sees the new state. */
export function forgetLookups(request: FastifyRequest): void {
  lookups.delete(request);
}

export async function programmeResource(db: Db, programmeId: string): Promise<ProgrammeResource> {
  const rows = await db
    .select({ programmeId: programmes.id, teamId: teams.id })
    .from(programmes)
    .leftJoin(teams, eq(teams.programmeId, programmes.id))
    .where(eq(programmes.id, programmeId));
  if (rows.length === 0) throw new AppError('NOT_FOUND');
  return {
    type: 'programme',
    programmeId,
    teamIds: rows.flatMap((r) => (r.teamId ? [r.teamId] : [])),
  };
}

async function denied(request: FastifyRequest, caseId: string | null, resourceId: string) {
  await recordAccess(request, {
    caseId,
    resourceType: caseId ? 'case' : 'qda_source',
    resourceId,
    action: 'read',
    grounds: 'none',
    outcome: 'denied',
  });
}

/** Authorises a programme-level action; a programme the actor may not use is a 404. */
export async function programmeGuard(
  request: FastifyRequest,
  programmeId: string,
  action: Action,
): Promise<Reach> {
  const actor = requireActor(request);
  const resource = await once(request, `programme:${programmeId}`, () =>
    programmeResource(request.server.database.db, programmeId),
  );
  authorize(actor, action, resource);
  return {
    actor,
    grounds: caseAccessGrounds(actor, resource) ?? 'none',
    resource,
    programmeId,
    caseId: null,
    caseCode: null,
  };
}

export type SourceRow = typeof qdaSources.$inferSelect;

/** Looks a source up (without its search vector) and authorises the action on it. */
export async function sourceGuard(
  request: FastifyRequest,
  sourceId: string,
  action: Action,
): Promise<Reach & { source: Omit<SourceRow, 'search'> }> {
  const actor = requireActor(request);
  const db = request.server.database.db;
  const { search: _search, ...columns } = getTableColumns(qdaSources);
  const [source] = await once(request, `source:${sourceId}`, () =>
    db.select(columns).from(qdaSources).where(eq(qdaSources.id, sourceId)),
  );
  if (!source) throw new AppError('NOT_FOUND');
  const reach = await reachOf(request, actor, source.programmeId, source.caseId, action, sourceId);
  return { ...reach, source };
}

/** The reach of a record that sits in a programme and perhaps in a case. */
export async function reachOf(
  request: FastifyRequest,
  actor: Actor,
  programmeId: string,
  caseId: string | null,
  action: Action,
  recordId: string,
): Promise<Reach> {
  const db = request.server.database.db;
  const resource = caseId
    ? await once(request, `case:${caseId}`, () => caseResource(db, caseId))
    : await once(request, `programme:${programmeId}`, () => programmeResource(db, programmeId));
  try {
    authorize(actor, action, resource);
  } catch (error) {
    await denied(request, caseId, recordId);
    throw error;
  }
  return {
    actor,
    grounds: caseAccessGrounds(actor, resource) ?? 'none',
    resource,
    programmeId,
    caseId,
    caseCode: resource.type === 'case' ? resource.code : null,
  };
}

/**
 * The cases the actor reaches (a team of theirs, or an explicit assignment), as a condition on a
 * case-id column. The cross-case views filter with it in SQL: never a case beyond reach.
 */
export function reachSql(actor: Actor, caseColumn: SQL | AnyColumn): SQL {
  const viaAssignment = sql`${caseColumn} in (select ca.case_id from case_assignments ca where ca.user_id = ${actor.userId})`;
  if (actor.teamIds.length === 0) return viaAssignment;
  return sql`(${caseColumn} in (select c.id from cases c where ${inArray(sql`c.team_id`, [...actor.teamIds])}) or ${viaAssignment})`;
}

export async function teamIdsOfProgramme(db: Db, programmeIds: string[]): Promise<string[]> {
  if (programmeIds.length === 0) return [];
  const rows = await db
    .select({ id: teams.id })
    .from(teams)
    .where(inArray(teams.programmeId, programmeIds));
  return rows.map((r) => r.id);
}
