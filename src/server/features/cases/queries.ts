// Read queries of cases. Lists show only the cases of the actor's teams and assignments, filtered
// and paginated in the database.
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { offsetOf } from '../../db/paging';
import { preparedPerDatabase } from '../../db/prepared';
import { AppError } from '../../http/errors';
import { can, type Actor, type PolicyResource } from '../../policy/policy';
import type { ListResponse } from '../../../shared/contract/common';
import type { CaseDetail, CaseSummary } from '../../../shared/contract/cases';
import {
  missingConsents,
  consentPurposes,
  type ConsentRecord,
} from '../../../shared/domain/consent';
import { regions, teams } from '../organisations/schema';
import { caseAssignments, cases, consents, institutionTypes, participants } from './schema';
import { users } from '../auth/schema';

const summaryColumns = {
  id: cases.id,
  code: cases.code,
  status: cases.status,
  institutionType: cases.institutionType,
  institutionTypeLabel: institutionTypes.label,
  regionCode: cases.regionCode,
  regionName: regions.name,
  teamId: cases.teamId,
  teamName: teams.name,
  birthYear: cases.birthYear,
  createdAt: cases.createdAt,
};

type SummaryRow = Omit<CaseSummary, 'createdAt' | 'status'> & { createdAt: Date; status: string };
const present = (r: SummaryRow): CaseSummary => ({
  ...r,
  status: r.status as CaseSummary['status'],
  createdAt: r.createdAt.toISOString(),
});

/** Cases the actor reaches: through a team they are in, or an explicit assignment. */
function reachable(actor: Actor): SQL {
  const viaAssignment = sql`${cases.id} in (select ca.case_id from case_assignments ca where ca.user_id = ${actor.userId})`;
  return actor.teamIds.length > 0
    ? (or(inArray(cases.teamId, [...actor.teamIds]), viaAssignment) as SQL)
    : viaAssignment;
}

export async function listCases(params: {
  actor: Actor;
  db: Db;
  page: number;
  pageSize: number;
  sort: '-created' | 'created' | 'code' | '-code';
  q?: string | undefined;
  teamId?: string | undefined;
  institutionType?: string | undefined;
  regionCode?: string | undefined;
  status?: string | undefined;
}): Promise<ListResponse<CaseSummary>> {
  const { actor, db, page, pageSize, sort } = params;
  const parts: SQL[] = [reachable(actor)];
  if (params.q)
    parts.push(sql`${cases.code} ilike ${`%${params.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (params.teamId) parts.push(eq(cases.teamId, params.teamId));
  if (params.institutionType) parts.push(eq(cases.institutionType, params.institutionType));
  if (params.regionCode) parts.push(eq(cases.regionCode, params.regionCode));
  if (params.status) parts.push(eq(cases.status, params.status));
  const where = and(...parts);
  // The tie-break follows the sort's direction, so one index (created_at, id) serves both ways.
  const order =
    sort === 'code'
      ? [asc(cases.code)]
      : sort === '-code'
        ? [desc(cases.code)]
        : sort === 'created'
          ? [asc(cases.createdAt), asc(cases.id)]
          : [desc(cases.createdAt), desc(cases.id)];
  // Page the cases first, on their own table and its index; join the labels for that page only.
  const pageIds = db
    .select({ id: cases.id })
    .from(cases)
    .where(where)
    .orderBy(...order)
    .limit(pageSize)
    .offset(offsetOf(params));
  const [ids, totals] = await Promise.all([
    pageIds,
    db.select({ n: count() }).from(cases).where(where),
  ]);
  const found =
    ids.length === 0
      ? []
      : await db
          .select(summaryColumns)
          .from(cases)
          .innerJoin(institutionTypes, eq(institutionTypes.code, cases.institutionType))
          .innerJoin(regions, eq(regions.code, cases.regionCode))
          .innerJoin(teams, eq(teams.id, cases.teamId))
          .where(
            inArray(
              cases.id,
              ids.map((r) => r.id),
            ),
          );
  const byId = new Map(found.map((row) => [row.id, row]));
  const rows = ids.flatMap((r) => byId.get(r.id) ?? []);
  return { items: rows.map(present), total: totals[0]?.n ?? 0, page, pageSize };
}

/** A case as the policy sees it, with the facts most reads need next. */
export type CaseResource = PolicyResource & { type: 'case'; code: string; birthYear: number };

const caseResourceQuery = preparedPerDatabase((db) =>
  db
    .select({
      teamId: cases.teamId,
      code: cases.code,
      birthYear: cases.birthYear,
      assigned: sql<
        string[]
      >`(select coalesce(json_agg(ca.user_id), '[]'::json) from case_assignments ca where ca.case_id = cases.id)`,
      participantUsers: sql<
        string[]
      >`(select coalesce(json_agg(p.user_id), '[]'::json) from participants p where p.case_id = cases.id and p.user_id is not null)`,
    })
    .from(cases)
    .where(eq(cases.id, sql.placeholder('caseId')))
    .prepare('case_resource'),
);

/** The policy resource of a case, or NOT_FOUND: used before any case data is read. One query. */
export async function caseResource(db: Db, caseId: string): Promise<CaseResource> {
  const [row] = await caseResourceQuery(db).execute({ caseId });
  if (!row) throw new AppError('NOT_FOUND');
  return {
    type: 'case',
    teamId: row.teamId,
    assignedUserIds: row.assigned,
    participantUserIds: row.participantUsers,
    code: row.code,
    birthYear: row.birthYear,
  };
}

export async function getCase(params: {
  actor: Actor;
  db: Db;
  caseId: string;
  now: Date;
  /** The case's policy resource when the caller has it already (saves looking it up again). */
  resource?: PolicyResource;
}): Promise<CaseDetail> {
  const { db, caseId } = params;
  const [row] = await db
    .select({
      ...summaryColumns,
      programmeId: cases.programmeId,
      gender: cases.gender,
      retentionUntil: cases.retentionUntil,
      version: cases.version,
    })
    .from(cases)
    .innerJoin(institutionTypes, eq(institutionTypes.code, cases.institutionType))
    .innerJoin(regions, eq(regions.code, cases.regionCode))
    .innerJoin(teams, eq(teams.id, cases.teamId))
    .where(eq(cases.id, caseId));
  if (!row) throw new AppError('NOT_FOUND');
  const people = await db
    .select({
      id: participants.id,
      kind: participants.kind,
      label: participants.label,
      hasAuthority: participants.hasAuthority,
    })
    .from(participants)
    .where(eq(participants.caseId, caseId))
    .orderBy(asc(participants.createdAt), asc(participants.id));
  const given = await db
    .select({
      id: consents.id,
      participantId: consents.participantId,
      purpose: consents.purpose,
      givenBy: consents.givenBy,
      representativeId: consents.representativeId,
      givenOn: consents.givenOn,
      formVersion: consents.formVersion,
      withdrawnOn: consents.withdrawnOn,
    })
    .from(consents)
    .where(eq(consents.caseId, caseId))
    .orderBy(asc(consents.createdAt), asc(consents.id));
  const typedPeople = people.map((p) => ({
    ...p,
    kind: p.kind as CaseDetail['participants'][number]['kind'],
  }));
  const typedConsents = given.map((c) => ({
    ...c,
    purpose: c.purpose as ConsentRecord['purpose'],
    givenBy: c.givenBy as ConsentRecord['givenBy'],
  }));
  const missing = typedPeople.flatMap((participant) =>
    consentPurposes.map((purpose) => ({
      participantId: participant.id,
      purpose,
      missing: missingConsents({
        participant,
        purpose,
        participants: typedPeople,
        consents: typedConsents,
        birthYear: row.birthYear,
        on: params.now,
      }),
    })),
  );
  const resource = params.resource ?? (await caseResource(db, caseId));
  const assigned = await db
    .select({ userId: users.id, displayName: users.displayName, role: users.role })
    .from(caseAssignments)
    .innerJoin(users, eq(users.id, caseAssignments.userId))
    .where(eq(caseAssignments.caseId, caseId))
    .orderBy(asc(users.sortKey));
  return {
    ...present(row),
    programmeId: row.programmeId,
    gender: row.gender as CaseDetail['gender'],
    retentionUntil: row.retentionUntil,
    version: row.version,
    assignments: assigned,
    participants: typedPeople,
    consents: typedConsents,
    missingConsents: missing,
    abilities: { update: can(params.actor, 'case.update', resource) },
  };
}

/** The participant a user account is in this case (a youth or parent logged in), or null. */
export async function participantIdOf(db: Db, caseId: string, userId: string) {
  const [row] = await db
    .select({ id: participants.id })
    .from(participants)
    .where(and(eq(participants.caseId, caseId), eq(participants.userId, userId)));
  return row?.id ?? null;
}
