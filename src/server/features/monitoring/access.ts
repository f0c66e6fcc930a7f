// How the monitoring routes reach a region: looked up once per request, asked of the one policy.
// A region the actor may not use answers 404, logged as denied, exactly like one that does not
// exist. Which facts decide (table membership, the organisation's region) is in policy.ts.
import { and, eq, isNull, or } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/connect';
import { recordAccess } from '../../http/context';
import { AppError } from '../../http/errors';
import { authorize, requireActor } from '../../policy/enforce';
import type { Action, Actor, PolicyResource } from '../../policy/policy';
import type { AuditGrounds, AuditResourceType } from '../audit/events';
import { municipalities, organisations, regions } from '../organisations/schema';
import { accessTableMembers, accessTables } from './schema';

export type RegionReach = {
  actor: Actor;
  grounds: AuditGrounds;
  region: { code: string; name: string };
  resource: PolicyResource;
};

/** Whether the user is a member of one of the region's (live) access tables. */
async function isMemberIn(db: Db, regionCode: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: accessTables.id })
    .from(accessTableMembers)
    .innerJoin(accessTables, eq(accessTables.id, accessTableMembers.tableId))
    .where(
      and(
        eq(accessTables.regionCode, regionCode),
        eq(accessTableMembers.userId, userId),
        isNull(accessTables.archivedAt),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Whether an organisation may read a region's aggregates: its municipality is there, or it has none. */
async function organisationEntitled(
  db: Db,
  regionCode: string,
  organisationId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .leftJoin(municipalities, eq(municipalities.code, organisations.municipalityCode))
    .where(
      and(
        eq(organisations.id, organisationId),
        or(isNull(organisations.municipalityCode), eq(municipalities.regionCode, regionCode)),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** The policy resource of a region, filled for this actor. */
export async function regionResource(
  db: Db,
  actor: Actor,
  regionCode: string,
): Promise<PolicyResource> {
  const isMember = await isMemberIn(db, regionCode, actor.userId);
  const entitled =
    actor.role === 'policymaker' && actor.organisationId
      ? await organisationEntitled(db, regionCode, actor.organisationId)
      : false;
  return {
    type: 'access_region',
    regionCode,
    tableMemberUserIds: isMember ? [actor.userId] : [],
    reportOrganisationIds: entitled && actor.organisationId ? [actor.organisationId] : [],
  };
}

function groundsOf(actor: Actor, resource: PolicyResource): AuditGrounds {
  if (actor.role === 'admin') return 'administrator';
  if (resource.type === 'access_region' && resource.tableMemberUserIds.includes(actor.userId))
    return 'team_membership';
  return 'role';
}

const lookups = new WeakMap<FastifyRequest, Promise<{ code: string; name: string } | null>>();

/** Authorises an action on a region's monitoring; an unknown or unreachable region is a 404. */
export async function regionGuard(
  request: FastifyRequest,
  regionCode: string,
  action: Action,
  deniedResource: AuditResourceType = 'access_registration',
): Promise<RegionReach> {
  const actor = requireActor(request);
  const db = request.server.database.db;
  let found = lookups.get(request);
  if (!found) {
    found = db
      .select({ code: regions.code, name: regions.name })
      .from(regions)
      .where(eq(regions.code, regionCode))
      .then((rows) => rows[0] ?? null);
    lookups.set(request, found);
  }
  const region = await found;
  if (!region) throw new AppError('NOT_FOUND');
  const resource = await regionResource(db, actor, regionCode);
  try {
    authorize(actor, action, resource);
  } catch (error) {
    await recordAccess(request, {
      caseId: null,
      resourceType: deniedResource,
      resourceId: regionCode,
      action: 'read',
      grounds: 'none',
      outcome: 'denied',
    });
    throw error;
  }
  return { actor, grounds: groundsOf(actor, resource), region, resource };
}

/** preValidation hook: the guard before the body or query is read. */
export function guardRegionBeforeValidation(action: Action, deniedResource?: AuditResourceType) {
  return async (request: FastifyRequest) => {
    const params = request.params as { id?: string };
    if (typeof params.id !== 'string' || params.id.length > 20) throw new AppError('NOT_FOUND');
    await regionGuard(request, params.id, action, deniedResource);
  };
}
