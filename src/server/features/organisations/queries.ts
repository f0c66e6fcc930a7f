// Read queries of the organisation layer. Every list is filtered, sorted and paginated in the
// database; every function takes one object that carries the actor.
import { and, asc, count, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { likePattern, offsetOf, orderBy } from '../../db/paging';
import { abilitiesFor, type Actor } from '../../policy/policy';
import { AppError } from '../../http/errors';
import type { ListResponse } from '../../../shared/contract/common';
import type {
  Municipality,
  Organisation,
  OrganisationType,
  Programme,
  Region,
  Team,
  TeamMember,
  TeamRoleLabel,
} from '../../../shared/contract/organisations';
import { users } from '../auth/schema';
import {
  municipalities,
  organisations,
  programmes,
  regions,
  teamMemberships,
  teams,
} from './schema';

type ListParams<S extends string> = {
  actor: Actor;
  db: Db;
  page: number;
  pageSize: number;
  sort: S;
  q?: string | undefined;
  includeArchived?: boolean | undefined;
};

function where(conditions: (SQL | undefined)[]): SQL | undefined {
  const present = conditions.filter((c): c is SQL => c !== undefined);
  return present.length ? and(...present) : undefined;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function listRegions(
  params: ListParams<'name' | '-name' | 'code' | '-code'>,
): Promise<ListResponse<Region>> {
  const { db, page, pageSize, sort, q } = params;
  const condition = where([
    q ? or(ilike(regions.name, likePattern(q)), ilike(regions.code, likePattern(q))) : undefined,
  ]);
  // Correlated subqueries are written with explicit aliases: drizzle renders columns unqualified
  // inside sql``, and an unqualified "code" would bind to the inner table.
  const municipalityCount = sql<number>`(select count(*)::int from municipalities m where m.region_code = "regions"."code")`;
  const [items, totals] = await Promise.all([
    db
      .select({ code: regions.code, name: regions.name, municipalityCount })
      .from(regions)
      .where(condition)
      .orderBy(...orderBy(sort, { name: regions.sortKey, code: regions.code }, regions.code))
      .limit(pageSize)
      .offset(offsetOf(params)),
    db.select({ n: count() }).from(regions).where(condition),
  ]);
  return { items, total: totals[0]?.n ?? 0, page, pageSize };
}

export async function listMunicipalities(
  params: ListParams<'name' | '-name' | 'code' | '-code'> & { region?: string | undefined },
): Promise<ListResponse<Municipality>> {
  const { db, page, pageSize, sort, q, region } = params;
  const condition = where([
    q
      ? or(ilike(municipalities.name, likePattern(q)), ilike(municipalities.code, likePattern(q)))
      : undefined,
    region ? eq(municipalities.regionCode, region) : undefined,
  ]);
  const [items, totals] = await Promise.all([
    db
      .select({
        code: municipalities.code,
        gmCode: municipalities.gmCode,
        name: municipalities.name,
        province: municipalities.province,
        regionCode: municipalities.regionCode,
        regionName: regions.name,
      })
      .from(municipalities)
      .innerJoin(regions, eq(regions.code, municipalities.regionCode))
      .where(condition)
      .orderBy(
        ...orderBy(
          sort,
          { name: municipalities.sortKey, code: municipalities.code },
          municipalities.code,
        ),
      )
      .limit(pageSize)
      .offset(offsetOf(params)),
    db.select({ n: count() }).from(municipalities).where(condition),
  ]);
  return { items, total: totals[0]?.n ?? 0, page, pageSize };
}

export async function municipalityExists(db: Db, code: string): Promise<boolean> {
  const rows = await db
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(eq(municipalities.code, code));
  return rows.length > 0;
}

// Organisations

const organisationColumns = {
  id: organisations.id,
  name: organisations.name,
  type: organisations.type,
  municipalityCode: organisations.municipalityCode,
  municipalityName: municipalities.name,
  version: organisations.version,
  archivedAt: organisations.archivedAt,
};

type OrganisationRow = {
  id: string;
  name: string;
  type: string;
  municipalityCode: string | null;
  municipalityName: string | null;
  version: number;
  archivedAt: Date | null;
};

function presentOrganisation(actor: Actor, row: OrganisationRow): Organisation {
  return {
    ...row,
    type: row.type as OrganisationType,
    archivedAt: iso(row.archivedAt),
    abilities: abilitiesFor(actor, 'organisation.manage'),
  };
}

export async function listOrganisations(
  params: ListParams<'name' | '-name' | 'type' | 'created' | '-created'> & {
    type?: OrganisationType | undefined;
  },
): Promise<ListResponse<Organisation>> {
  const { actor, db, page, pageSize, sort, q, includeArchived, type } = params;
  const condition = where([
    q ? ilike(organisations.name, likePattern(q)) : undefined,
    includeArchived ? undefined : isNull(organisations.archivedAt),
    type ? eq(organisations.type, type) : undefined,
  ]);
  const [rows, totals] = await Promise.all([
    db
      .select(organisationColumns)
      .from(organisations)
      .leftJoin(municipalities, eq(municipalities.code, organisations.municipalityCode))
      .where(condition)
      .orderBy(
        ...orderBy(
          sort,
          {
            name: organisations.sortKey,
            type: organisations.type,
            created: organisations.createdAt,
          },
          organisations.id,
        ),
      )
      .limit(pageSize)
      .offset(offsetOf(params)),
    db.select({ n: count() }).from(organisations).where(condition),
  ]);
  return {
    items: rows.map((r) => presentOrganisation(actor, r)),
    total: totals[0]?.n ?? 0,
    page,
    pageSize,
  };
}

export async function getOrganisation(params: {
  actor: Actor;
  db: Db;
  id: string;
}): Promise<Organisation> {
  const rows = await params.db
    .select(organisationColumns)
    .from(organisations)
    .leftJoin(municipalities, eq(municipalities.code, organisations.municipalityCode))
    .where(eq(organisations.id, params.id));
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND');
  return presentOrganisation(params.actor, row);
}

// Programmes

const teamCount = sql<number>`(select count(*)::int from teams t where t.programme_id = "programmes"."id" and t.archived_at is null)`;
const programmeColumns = {
  id: programmes.id,
  name: programmes.name,
  periodStart: programmes.periodStart,
  periodEnd: programmes.periodEnd,
  learningGoals: programmes.learningGoals,
  stakeholderGroups: programmes.stakeholderGroups,
  smallCellThreshold: programmes.smallCellThreshold,
  teamCount,
  version: programmes.version,
  archivedAt: programmes.archivedAt,
};

export async function listProgrammes(
  params: ListParams<'name' | '-name' | 'start' | '-start'>,
): Promise<ListResponse<Programme>> {
  const { actor, db, page, pageSize, sort, q, includeArchived } = params;
  const condition = where([
    q ? ilike(programmes.name, likePattern(q)) : undefined,
    includeArchived ? undefined : isNull(programmes.archivedAt),
  ]);
  const [rows, totals] = await Promise.all([
    db
      .select(programmeColumns)
      .from(programmes)
      .where(condition)
      .orderBy(
        ...orderBy(
          sort,
          { name: programmes.sortKey, start: programmes.periodStart },
          programmes.id,
        ),
      )
      .limit(pageSize)
      .offset(offsetOf(params)),
    db.select({ n: count() }).from(programmes).where(condition),
  ]);
  const abilities = abilitiesFor(actor, 'programme.manage');
  return {
    items: rows.map((r) => ({ ...r, archivedAt: iso(r.archivedAt), abilities })),
    total: totals[0]?.n ?? 0,
    page,
    pageSize,
  };
}

export async function getProgramme(params: {
  actor: Actor;
  db: Db;
  id: string;
}): Promise<Programme> {
  const rows = await params.db
    .select(programmeColumns)
    .from(programmes)
    .where(eq(programmes.id, params.id));
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND');
  return {
    ...row,
    archivedAt: iso(row.archivedAt),
    abilities: abilitiesFor(params.actor, 'programme.manage'),
  };
}

// Teams

const memberCount = sql<number>`(select count(*)::int from team_memberships tm where tm.team_id = "teams"."id")`;
const teamColumns = {
  id: teams.id,
  name: teams.name,
  programmeId: teams.programmeId,
  programmeName: programmes.name,
  municipalityCode: teams.municipalityCode,
  municipalityName: municipalities.name,
  plannedSessions: teams.plannedSessions,
  memberCount,
  version: teams.version,
  archivedAt: teams.archivedAt,
};

export async function listTeams(
  params: ListParams<'name' | '-name' | 'municipality' | 'created' | '-created'> & {
    programmeId?: string | undefined;
    member?: 'me' | undefined;
  },
): Promise<ListResponse<Team>> {
  const { actor, db, page, pageSize, sort, q, includeArchived, programmeId } = params;
  const condition = where([
    q
      ? or(ilike(teams.name, likePattern(q)), ilike(municipalities.name, likePattern(q)))
      : undefined,
    includeArchived ? undefined : isNull(teams.archivedAt),
    programmeId ? eq(teams.programmeId, programmeId) : undefined,
    params.member === 'me'
      ? actor && actor.teamIds.length > 0
        ? inArray(teams.id, [...actor.teamIds])
        : sql`false`
      : undefined,
  ]);
  const [rows, totals] = await Promise.all([
    db
      .select(teamColumns)
      .from(teams)
      .innerJoin(programmes, eq(programmes.id, teams.programmeId))
      .innerJoin(municipalities, eq(municipalities.code, teams.municipalityCode))
      .where(condition)
      .orderBy(
        ...orderBy(
          sort,
          { name: teams.sortKey, municipality: municipalities.sortKey, created: teams.createdAt },
          teams.id,
        ),
      )
      .limit(pageSize)
      .offset(offsetOf(params)),
    db
      .select({ n: count() })
      .from(teams)
      .innerJoin(municipalities, eq(municipalities.code, teams.municipalityCode))
      .where(condition),
  ]);
  const abilities = abilitiesFor(actor, 'team.manage');
  return {
    items: rows.map((r) => ({ ...r, archivedAt: iso(r.archivedAt), abilities })),
    total: totals[0]?.n ?? 0,
    page,
    pageSize,
  };
}

export async function getTeam(params: { actor: Actor; db: Db; id: string }): Promise<Team> {
  const rows = await params.db
    .select(teamColumns)
    .from(teams)
    .innerJoin(programmes, eq(programmes.id, teams.programmeId))
    .innerJoin(municipalities, eq(municipalities.code, teams.municipalityCode))
    .where(eq(teams.id, params.id));
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND');
  return {
    ...row,
    archivedAt: iso(row.archivedAt),
    abilities: abilitiesFor(params.actor, 'team.manage'),
  };
}

function buildMemberList(db: Db) {
  // One round trip: the team (so a missing team is a 404) with its members, if any.
  return db
    .select({
      teamId: teams.id,
      userId: teamMemberships.userId,
      displayName: users.displayName,
      email: users.email,
      roleLabel: teamMemberships.roleLabel,
    })
    .from(teams)
    .leftJoin(teamMemberships, eq(teamMemberships.teamId, teams.id))
    .leftJoin(users, eq(users.id, teamMemberships.userId))
    .where(eq(teams.id, sql.placeholder('teamId')))
    .orderBy(asc(users.sortKey), asc(users.id))
    .prepare('team_member_list');
}

const memberLists = new WeakMap<Db, ReturnType<typeof buildMemberList>>();

export async function listTeamMembers(params: {
  actor: Actor;
  db: Db;
  teamId: string;
}): Promise<TeamMember[]> {
  let query = memberLists.get(params.db);
  if (!query) {
    query = buildMemberList(params.db);
    memberLists.set(params.db, query);
  }
  const rows = await query.execute({ teamId: params.teamId });
  if (rows.length === 0) throw new AppError('NOT_FOUND');
  return rows.flatMap((r) =>
    r.userId && r.displayName !== null && r.email !== null && r.roleLabel !== null
      ? [
          {
            userId: r.userId,
            displayName: r.displayName,
            email: r.email,
            roleLabel: r.roleLabel as TeamRoleLabel,
          },
        ]
      : [],
  );
}
