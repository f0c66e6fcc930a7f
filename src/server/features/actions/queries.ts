// Reads of improvement actions and the learning network: lists sorted, filtered and paginated in
// SQL (overdue computed from the day the clock says), one action with its links and follow-ups,
// the history of changes, who may own an action, what an action may be linked to, and network
// meetings. Names of the programme, organisations, accounts and linked meetings are joined in
// the same query; a linked review meeting shows its case only to whoever may read that meeting.
import {
  and,
  asc,
  count,
  desc,
  eq,
  ilike,
  inArray,
  isNull,
  ne,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { queryRows } from '../../db/raw';
import type { Tx } from '../../db/context';
import { likePattern, offsetOf } from '../../db/paging';
import { can, caseAccessGrounds, type Actor } from '../../policy/policy';
import { users } from '../auth/schema';
import { caseResource } from '../cases/queries';
import { cases, participants } from '../cases/schema';
import { planSteps, reviewMeetings } from '../meetings/schema';
import { isLiveRecommendation, recommendations } from '../recommendations/schema';
import { isActiveThread, synthesisThreads } from '../synthesis/schema';
import {
  organisations,
  programmes,
  regions,
  teamMemberships,
  teams,
} from '../organisations/schema';
import {
  actionTransitions,
  closedActionStatuses,
  type ActionRow,
  type ActionStatus,
  type actionListQuerySchema,
  type networkMeetingListQuerySchema,
  type ActionLinkKind,
} from '../../../shared/contract/actions';
import type { z } from 'zod';
import {
  actionFollowUps,
  actionHistory,
  actionLinks,
  improvementActions,
  networkAttendees,
  networkHistory,
  networkMaterials,
  networkMeetings,
} from './schema';

type Executor = Db | Tx;

/** SQL: whether the action is overdue on this day (due date passed and not finished). */
export function overdueSql(today: string): SQL<boolean> {
  return sql<boolean>`(${improvementActions.dueOn} < ${today} and ${improvementActions.status} not in ('done','evaluated','dropped'))`;
}

export function isOverdue(row: { dueOn: string; status: string }, today: string): boolean {
  return row.dueOn < today && !closedActionStatuses.includes(row.status as ActionStatus);
}

const actionIdColumn = sql.raw('"improvement_actions"."id"');

function rowColumns(today: string) {
  return {
    id: improvementActions.id,
    programmeId: improvementActions.programmeId,
    programmeName: programmes.name,
    stakeholderGroups: programmes.stakeholderGroups,
    title: improvementActions.title,
    status: improvementActions.status,
    dueOn: improvementActions.dueOn,
    isOverdue: overdueSql(today),
    stakeholderGroup: improvementActions.stakeholderGroup,
    ownerOrganisationId: improvementActions.ownerOrganisationId,
    ownerOrganisationName: organisations.name,
    ownerUserId: improvementActions.ownerUserId,
    ownerName: users.displayName,
    followUps: sql<number>`(select count(*)::int from improvement_action_follow_ups f where f.action_id = ${actionIdColumn})`,
  };
}

type RawRow = {
  stakeholderGroups: { code: string; label: string }[];
  status: string;
  ownerName: string | null;
} & Omit<ActionRow, 'stakeholderGroupLabel' | 'status' | 'ownerName'>;

function presentRow(row: RawRow): ActionRow {
  const { stakeholderGroups, ...rest } = row;
  return {
    ...rest,
    status: row.status as ActionStatus,
    ownerName: row.ownerName ?? null,
    stakeholderGroupLabel:
      stakeholderGroups.find((g) => g.code === row.stakeholderGroup)?.label ?? row.stakeholderGroup,
  };
}

function baseRows(db: Executor, today: string) {
  return db
    .select(rowColumns(today))
    .from(improvementActions)
    .innerJoin(programmes, eq(programmes.id, improvementActions.programmeId))
    .innerJoin(organisations, eq(organisations.id, improvementActions.ownerOrganisationId))
    .leftJoin(users, eq(users.id, improvementActions.ownerUserId));
}

const sorts: Record<z.output<typeof actionListQuerySchema>['sort'], SQL[]> = {
  dueOn: [asc(improvementActions.dueOn), asc(improvementActions.id)],
  '-dueOn': [desc(improvementActions.dueOn), asc(improvementActions.id)],
  title: [asc(improvementActions.sortKey), asc(improvementActions.id)],
  '-title': [desc(improvementActions.sortKey), asc(improvementActions.id)],
  status: [
    sql`array_position(array['proposed','agreed','in_progress','done','evaluated','dropped'], ${improvementActions.status})`,
    asc(improvementActions.dueOn),
    asc(improvementActions.id),
  ],
  '-updatedAt': [desc(improvementActions.updatedAt), asc(improvementActions.id)],
};

/** Actions of a programme, or of one owner person across programmes ("my actions"). */
export async function listActions(params: {
  db: Db;
  today: string;
  programmeId?: string;
  ownerUserId?: string;
  query: z.output<typeof actionListQuerySchema>;
}) {
  const { db, today, query } = params;
  const scope: SQL[] = [];
  if (params.programmeId) scope.push(eq(improvementActions.programmeId, params.programmeId));
  if (params.ownerUserId) scope.push(eq(improvementActions.ownerUserId, params.ownerUserId));
  const filters: SQL[] = [...scope];
  if (query.status) filters.push(eq(improvementActions.status, query.status));
  if (query.ownerOrganisationId)
    filters.push(eq(improvementActions.ownerOrganisationId, query.ownerOrganisationId));
  if (query.stakeholderGroup)
    filters.push(eq(improvementActions.stakeholderGroup, query.stakeholderGroup));
  if (query.isOverdue) filters.push(overdueSql(today));
  for (const [kind, targetId] of [
    ['thread', query.threadId],
    ['recommendation', query.recommendationId],
  ] as const)
    if (targetId)
      filters.push(
        sql`exists (select 1 from improvement_action_links l where l.action_id = ${improvementActions.id}
          and l.kind = ${kind} and l.target_id = ${targetId})`,
      );
  if (query.q) {
    const pattern = likePattern(query.q);
    const match = or(
      ilike(improvementActions.title, pattern),
      ilike(improvementActions.description, pattern),
    );
    if (match) filters.push(match);
  }
  const where = and(...filters);
  const [rows, [total], [overdue]] = await Promise.all([
    baseRows(db, today)
      .where(where)
      .orderBy(...sorts[query.sort])
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    db.select({ n: count() }).from(improvementActions).where(where),
    db
      .select({ n: count() })
      .from(improvementActions)
      .where(and(...scope, overdueSql(today))),
  ]);
  return {
    items: rows.map(presentRow),
    total: total?.n ?? 0,
    overdue: overdue?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Actions linked to one network meeting (created there or linked later), by due date. */
export async function actionsOfNetworkMeeting(db: Executor, meetingId: string, today: string) {
  const rows = await baseRows(db, today)
    .innerJoin(
      actionLinks,
      and(
        eq(actionLinks.actionId, improvementActions.id),
        eq(actionLinks.kind, 'network_meeting'),
        eq(actionLinks.targetId, meetingId),
      ),
    )
    .orderBy(asc(improvementActions.dueOn), asc(improvementActions.id));
  return rows.map(presentRow);
}

/** The cases a reader was shown something of while reading an action: for the access log. */
export type CaseShown = {
  caseId: string;
  resourceType: 'review_meeting' | 'meeting_plan_step';
  grounds: 'team_membership' | 'case_assignment';
};

/** One action with its links and follow-ups, as the reader may see it. */
export async function readAction(db: Db, actor: Actor, actionId: string, today: string) {
  const [row] = await baseRows(db, today).where(eq(improvementActions.id, actionId)).limit(1);
  const [full] = await db
    .select()
    .from(improvementActions)
    .where(eq(improvementActions.id, actionId));
  if (!row || !full) return null;
  const { links, casesShown } = await linksOf(db, actor, actionId);
  const followUps = await db
    .select({
      id: actionFollowUps.id,
      on: actionFollowUps.on,
      done: actionFollowUps.done,
      effect: actionFollowUps.effect,
      nextStep: actionFollowUps.nextStep,
      author: users.displayName,
      createdAt: actionFollowUps.createdAt,
    })
    .from(actionFollowUps)
    .leftJoin(users, eq(users.id, actionFollowUps.authorId))
    .where(eq(actionFollowUps.actionId, actionId))
    .orderBy(desc(actionFollowUps.on), desc(actionFollowUps.createdAt));
  return {
    action: {
      ...presentRow(row),
      description: full.description,
      plainSummary: full.plainSummary,
      plainResult: full.plainResult,
      dropReason: full.dropReason,
      version: full.version,
      createdAt: full.createdAt.toISOString(),
      updatedAt: full.updatedAt.toISOString(),
      nextStatuses: [...actionTransitions[full.status as ActionStatus]],
      links,
      followUpEntries: followUps.map((f) => ({
        ...f,
        author: f.author ?? '',
        createdAt: f.createdAt.toISOString(),
      })),
    },
    casesShown,
  };
}

/** The cases whose review meetings the reader may read, with the grounds (for the access log). */
async function readableCases(db: Db, actor: Actor, caseIds: string[]) {
  const readable = new Map<string, CaseShown['grounds']>();
  for (const caseId of new Set(caseIds)) {
    const resource = await caseResource(db, caseId);
    const grounds = caseAccessGrounds(actor, resource);
    if (can(actor, 'meeting.read', resource) && grounds !== null && grounds !== 'self')
      readable.set(caseId, grounds);
  }
  return readable;
}

async function linksOf(db: Db, actor: Actor, actionId: string) {
  const rows = await db
    .select()
    .from(actionLinks)
    .where(eq(actionLinks.actionId, actionId))
    .orderBy(
      asc(actionLinks.createdAt),
      sql`array_position(array['review_meeting','plan_step','network_meeting','thread','recommendation'], ${actionLinks.kind})`,
      asc(actionLinks.id),
    );
  const ids = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.targetId);
  const meetingIds = ids('review_meeting');
  const stepIds = ids('plan_step');
  const networkIds = ids('network_meeting');
  // Threads and recommendations linked: "N. title", and whether they still take links (an
  // active thread, a recommendation that is not withdrawn). One query for both kinds.
  const threadIds = ids('thread');
  const recommendationIds = ids('recommendation');
  const learned =
    threadIds.length + recommendationIds.length > 0
      ? await queryRows<{ id: string; detail: string; current: boolean }>(
          db,
          sql`select id, number || '. ' || title as detail, status = 'active' as current
              from synthesis_threads where id = any(${sql.param(threadIds)}::uuid[])
            union all
            select id, number || '. ' || title, review_state <> 'withdrawn'
              from recommendations where id = any(${sql.param(recommendationIds)}::uuid[])`,
        )
      : [];
  const meetings = meetingIds.length
    ? await db
        .select({
          id: reviewMeetings.id,
          caseId: reviewMeetings.caseId,
          caseCode: cases.code,
          plannedAt: reviewMeetings.plannedAt,
          deletedAt: reviewMeetings.deletedAt,
        })
        .from(reviewMeetings)
        .innerJoin(cases, eq(cases.id, reviewMeetings.caseId))
        .where(inArray(reviewMeetings.id, meetingIds))
    : [];
  const steps = stepIds.length
    ? await db
        .select({
          id: planSteps.id,
          what: planSteps.what,
          meetingId: planSteps.meetingId,
          caseId: planSteps.caseId,
          caseCode: cases.code,
          plannedAt: reviewMeetings.plannedAt,
          deletedAt: planSteps.deletedAt,
        })
        .from(planSteps)
        .innerJoin(reviewMeetings, eq(reviewMeetings.id, planSteps.meetingId))
        .innerJoin(cases, eq(cases.id, planSteps.caseId))
        .where(inArray(planSteps.id, stepIds))
    : [];
  const network = networkIds.length
    ? await db
        .select({
          id: networkMeetings.id,
          theme: networkMeetings.theme,
          on: networkMeetings.meetsOn,
        })
        .from(networkMeetings)
        .where(inArray(networkMeetings.id, networkIds))
    : [];
  // Whether the reader may see the case behind a linked meeting: asked of the policy per case.
  const caseIds = [...new Set([...meetings, ...steps].map((m) => m.caseId))];
  const readable = await readableCases(db, actor, caseIds);
  const casesShown: CaseShown[] = [];
  const links = rows.map((link) => {
    const base = { id: link.id, kind: link.kind as 'review_meeting', targetId: link.targetId };
    if (link.kind === 'review_meeting') {
      const m = meetings.find((x) => x.id === link.targetId);
      const isShown = m !== undefined && readable.has(m.caseId);
      if (isShown)
        casesShown.push({
          caseId: m.caseId,
          resourceType: 'review_meeting',
          grounds: readable.get(m.caseId)!,
        });
      return {
        ...base,
        date: m ? m.plannedAt.toISOString() : null,
        caseId: isShown ? m.caseId : null,
        caseCode: isShown ? m.caseCode : null,
        detail: null,
        isAvailable: m !== undefined && m.deletedAt === null,
      };
    }
    if (link.kind === 'plan_step') {
      const s = steps.find((x) => x.id === link.targetId);
      const isShown = s !== undefined && readable.has(s.caseId);
      if (isShown)
        casesShown.push({
          caseId: s.caseId,
          resourceType: 'meeting_plan_step',
          grounds: readable.get(s.caseId)!,
        });
      return {
        ...base,
        kind: 'plan_step' as const,
        date: s ? s.plannedAt.toISOString() : null,
        caseId: isShown ? s.caseId : null,
        caseCode: isShown ? s.caseCode : null,
        detail: isShown ? s.what : null,
        isAvailable: s !== undefined && s.deletedAt === null,
      };
    }
    if (link.kind === 'thread' || link.kind === 'recommendation') {
      const found = learned.find((x) => x.id === link.targetId);
      return {
        ...base,
        kind: link.kind as 'thread' | 'recommendation',
        date: null,
        caseId: null,
        caseCode: null,
        detail: found?.detail ?? null,
        isAvailable: found?.current ?? false,
      };
    }
    const n = network.find((x) => x.id === link.targetId);
    return {
      ...base,
      kind: link.kind as 'network_meeting',
      date: n?.on ?? null,
      caseId: null,
      caseCode: null,
      detail: n?.theme ?? null,
      isAvailable: n !== undefined,
    };
  });
  return { links, casesShown };
}

const historyFieldsSkipped = new Set([
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'createdBy',
  'statusChangedAt',
]);

function changesOf<E extends string>(
  rows: {
    entity: string;
    entityId: string;
    change: string;
    at: Date;
    by: string | null;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }[],
) {
  return rows.map((r) => {
    const keys = [...new Set([...Object.keys(r.before ?? {}), ...Object.keys(r.after ?? {})])];
    return {
      entity: r.entity as E,
      entityId: r.entityId,
      change: r.change as 'created' | 'updated' | 'deleted',
      at: r.at.toISOString(),
      by: r.by ?? '',
      fields: keys
        .filter((k) => !historyFieldsSkipped.has(k))
        .filter(
          (k) => JSON.stringify(r.before?.[k] ?? null) !== JSON.stringify(r.after?.[k] ?? null),
        )
        .map((field) => ({
          field,
          before: r.before?.[field] ?? null,
          after: r.after?.[field] ?? null,
        })),
    };
  });
}

/** Every change of an action and its links and follow-ups, oldest first. */
export async function actionChanges(db: Db, actionId: string) {
  const rows = await db
    .select({
      entity: actionHistory.entity,
      entityId: actionHistory.entityId,
      change: actionHistory.change,
      at: actionHistory.changedAt,
      by: users.displayName,
      before: actionHistory.before,
      after: actionHistory.after,
    })
    .from(actionHistory)
    .leftJoin(users, eq(users.id, actionHistory.changedBy))
    .where(eq(actionHistory.actionId, actionId))
    .orderBy(asc(actionHistory.id));
  return changesOf<'action' | 'link' | 'follow_up'>(rows);
}

/** Every change of a network meeting, its attendees and material, oldest first. */
export async function networkChanges(db: Db, meetingId: string) {
  const rows = await db
    .select({
      entity: networkHistory.entity,
      entityId: networkHistory.entityId,
      change: networkHistory.change,
      at: networkHistory.changedAt,
      by: users.displayName,
      before: networkHistory.before,
      after: networkHistory.after,
    })
    .from(networkHistory)
    .leftJoin(users, eq(users.id, networkHistory.changedBy))
    .where(eq(networkHistory.meetingId, meetingId))
    .orderBy(asc(networkHistory.id));
  return changesOf<'meeting' | 'attendee' | 'material'>(rows);
}

/**
 * Who can own an action: active accounts (not participants or log administrators) of the chosen
 * organisation, and the members of the programme's teams.
 */
export async function ownerCandidates(db: Db, programmeId: string, organisationId?: string) {
  const inTeams = db
    .select({ userId: teamMemberships.userId })
    .from(teamMemberships)
    .innerJoin(teams, eq(teams.id, teamMemberships.teamId))
    .where(eq(teams.programmeId, programmeId));
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, organisationId: users.organisationId })
    .from(users)
    .where(
      and(
        eq(users.status, 'active'),
        ne(users.role, 'participant'),
        ne(users.role, 'log_administrator'),
        organisationId
          ? or(eq(users.organisationId, organisationId), inArray(users.id, inTeams))
          : inArray(users.id, inTeams),
      ),
    )
    .orderBy(asc(users.sortKey), asc(users.id))
    .limit(500);
  return rows;
}

/** One account as a possible owner: active, not a participant or log administrator. */
export async function ownerAccount(db: Executor, userId: string) {
  const [row] = await db
    .select({ id: users.id, organisationId: users.organisationId, role: users.role })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.status, 'active')));
  if (!row || row.role === 'participant' || row.role === 'log_administrator') return null;
  return row;
}

export async function organisationExists(db: Executor, organisationId: string) {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), isNull(organisations.archivedAt)));
  return row !== undefined;
}

/** The programme a linkable target belongs to, or null when it does not exist (any more). */
export async function programmeOfTarget(
  db: Executor,
  kind: ActionLinkKind,
  targetId: string,
): Promise<string | null> {
  // A thread that was superseded or withdrawn, and a withdrawn recommendation, take no new links.
  if (kind === 'thread') {
    const [row] = await db
      .select({ programmeId: synthesisThreads.programmeId })
      .from(synthesisThreads)
      .where(and(eq(synthesisThreads.id, targetId), isActiveThread()));
    return row?.programmeId ?? null;
  }
  if (kind === 'recommendation') {
    const [row] = await db
      .select({ programmeId: recommendations.programmeId })
      .from(recommendations)
      .where(and(eq(recommendations.id, targetId), isLiveRecommendation()));
    return row?.programmeId ?? null;
  }
  if (kind === 'review_meeting') {
    const [row] = await db
      .select({ programmeId: cases.programmeId })
      .from(reviewMeetings)
      .innerJoin(cases, eq(cases.id, reviewMeetings.caseId))
      .where(and(eq(reviewMeetings.id, targetId), isNull(reviewMeetings.deletedAt)));
    return row?.programmeId ?? null;
  }
  if (kind === 'plan_step') {
    const [row] = await db
      .select({ programmeId: cases.programmeId })
      .from(planSteps)
      .innerJoin(cases, eq(cases.id, planSteps.caseId))
      .where(and(eq(planSteps.id, targetId), isNull(planSteps.deletedAt)));
    return row?.programmeId ?? null;
  }
  const [row] = await db
    .select({ programmeId: networkMeetings.programmeId })
    .from(networkMeetings)
    .where(eq(networkMeetings.id, targetId));
  return row?.programmeId ?? null;
}

/** What the reader may link an action to: review meetings of cases they reach, network meetings. */
export async function linkTargets(db: Db, actor: Actor, programmeId: string) {
  const meetingRows = await db
    .select({
      id: reviewMeetings.id,
      caseId: reviewMeetings.caseId,
      caseCode: cases.code,
      plannedAt: reviewMeetings.plannedAt,
    })
    .from(reviewMeetings)
    .innerJoin(cases, eq(cases.id, reviewMeetings.caseId))
    .where(and(eq(cases.programmeId, programmeId), isNull(reviewMeetings.deletedAt)))
    .orderBy(desc(reviewMeetings.plannedAt), asc(reviewMeetings.id))
    .limit(200);
  const readable = await readableCases(
    db,
    actor,
    meetingRows.map((m) => m.caseId),
  );
  const shown = meetingRows.filter((m) => readable.has(m.caseId));
  const stepRows = shown.length
    ? await db
        .select({ id: planSteps.id, what: planSteps.what, meetingId: planSteps.meetingId })
        .from(planSteps)
        .where(
          and(
            inArray(
              planSteps.meetingId,
              shown.map((m) => m.id),
            ),
            isNull(planSteps.deletedAt),
          ),
        )
        .orderBy(asc(planSteps.createdAt), asc(planSteps.id))
    : [];
  const network = await db
    .select({
      id: networkMeetings.id,
      theme: networkMeetings.theme,
      meetsOn: networkMeetings.meetsOn,
    })
    .from(networkMeetings)
    .where(eq(networkMeetings.programmeId, programmeId))
    .orderBy(desc(networkMeetings.meetsOn), asc(networkMeetings.id))
    .limit(200);
  const [threadRows, recommendationRows] = await Promise.all([
    db
      .select({
        id: synthesisThreads.id,
        number: synthesisThreads.number,
        title: synthesisThreads.title,
      })
      .from(synthesisThreads)
      .where(and(eq(synthesisThreads.programmeId, programmeId), isActiveThread()))
      .orderBy(asc(synthesisThreads.number)),
    db
      .select({
        id: recommendations.id,
        number: recommendations.number,
        title: recommendations.title,
        stakeholderGroup: recommendations.stakeholderGroup,
      })
      .from(recommendations)
      .where(and(eq(recommendations.programmeId, programmeId), isLiveRecommendation()))
      .orderBy(asc(recommendations.number)),
  ]);
  return {
    groundsByCase: readable,
    threads: threadRows,
    recommendations: recommendationRows,
    reviewMeetings: shown.map((m) => ({
      id: m.id,
      caseId: m.caseId,
      caseCode: m.caseCode,
      plannedAt: m.plannedAt.toISOString(),
      steps: stepRows.filter((s) => s.meetingId === m.id).map(({ id, what }) => ({ id, what })),
    })),
    networkMeetings: network,
  };
}

// --- Network meetings ---------------------------------------------------------------------------

const networkIdColumn = sql.raw('"network_meetings"."id"');

export async function listNetworkMeetings(
  db: Db,
  programmeId: string,
  query: z.output<typeof networkMeetingListQuerySchema>,
) {
  const where = and(
    eq(networkMeetings.programmeId, programmeId),
    query.status ? eq(networkMeetings.status, query.status) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: networkMeetings.id,
        theme: networkMeetings.theme,
        meetsOn: networkMeetings.meetsOn,
        status: networkMeetings.status,
        attendees: sql<number>`(select coalesce(sum(a.count), 0)::int from network_meeting_attendees a where a.meeting_id = ${networkIdColumn})`,
        materials: sql<number>`(select count(*)::int from network_meeting_materials m where m.meeting_id = ${networkIdColumn})`,
        actions: sql<number>`(select count(*)::int from improvement_action_links l where l.kind = 'network_meeting' and l.target_id = ${networkIdColumn})`,
      })
      .from(networkMeetings)
      .where(where)
      .orderBy(desc(networkMeetings.meetsOn), asc(networkMeetings.id))
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    db.select({ n: count() }).from(networkMeetings).where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...r, status: r.status as 'planned' | 'held' | 'cancelled' })),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function readNetworkMeeting(db: Db, meetingId: string, today: string) {
  const [meeting] = await db
    .select({
      id: networkMeetings.id,
      programmeId: networkMeetings.programmeId,
      programmeName: programmes.name,
      theme: networkMeetings.theme,
      meetsOn: networkMeetings.meetsOn,
      location: networkMeetings.location,
      status: networkMeetings.status,
      outcomes: networkMeetings.outcomes,
      version: networkMeetings.version,
    })
    .from(networkMeetings)
    .innerJoin(programmes, eq(programmes.id, networkMeetings.programmeId))
    .where(eq(networkMeetings.id, meetingId));
  if (!meeting) return null;
  const [attendees, materials, actions] = await Promise.all([
    db
      .select({
        id: networkAttendees.id,
        kind: networkAttendees.kind,
        organisationId: networkAttendees.organisationId,
        organisationName: organisations.name,
        roleLabel: networkAttendees.roleLabel,
        count: networkAttendees.count,
        userId: networkAttendees.userId,
        userName: users.displayName,
      })
      .from(networkAttendees)
      .leftJoin(organisations, eq(organisations.id, networkAttendees.organisationId))
      .leftJoin(users, eq(users.id, networkAttendees.userId))
      .where(eq(networkAttendees.meetingId, meetingId))
      .orderBy(
        asc(networkAttendees.kind),
        asc(networkAttendees.createdAt),
        asc(networkAttendees.id),
      ),
    db
      .select({
        id: networkMaterials.id,
        kind: networkMaterials.kind,
        regionCode: networkMaterials.regionCode,
        regionName: regions.name,
        year: networkMaterials.year,
        quarter: networkMaterials.quarter,
        title: networkMaterials.title,
        body: networkMaterials.body,
      })
      .from(networkMaterials)
      .leftJoin(regions, eq(regions.code, networkMaterials.regionCode))
      .where(eq(networkMaterials.meetingId, meetingId))
      .orderBy(
        sql`array_position(array['quarterly_report','thread','case_summary','document'], ${networkMaterials.kind})`,
        asc(networkMaterials.createdAt),
        asc(networkMaterials.id),
      ),
    actionsOfNetworkMeeting(db, meetingId, today),
  ]);
  return {
    ...meeting,
    status: meeting.status as 'planned' | 'held' | 'cancelled',
    attendees: attendees.map((a) => ({ ...a, kind: a.kind as 'group' | 'user' })),
    materials: materials.map((m) => ({
      ...m,
      kind: m.kind as 'quarterly_report' | 'thread' | 'case_summary' | 'document',
    })),
    actions,
  };
}

/** Actions of a programme from `agreed` on, with what the summary page needs. */
export async function summaryActions(db: Db, programmeId: string) {
  return db
    .select({
      stakeholderGroup: improvementActions.stakeholderGroup,
      status: improvementActions.status,
      title: improvementActions.title,
      plainSummary: improvementActions.plainSummary,
      plainResult: improvementActions.plainResult,
      dueOn: improvementActions.dueOn,
      organisation: organisations.name,
    })
    .from(improvementActions)
    .innerJoin(organisations, eq(organisations.id, improvementActions.ownerOrganisationId))
    .where(
      and(
        eq(improvementActions.programmeId, programmeId),
        ne(improvementActions.status, 'proposed'),
      ),
    )
    .orderBy(asc(improvementActions.dueOn), asc(improvementActions.id));
}

/** Programmes with their teams, for the start page of actions (filtered by the policy). */
export async function allProgrammes(db: Db) {
  const rows = await db
    .select({
      id: programmes.id,
      name: programmes.name,
      stakeholderGroups: programmes.stakeholderGroups,
      teamId: teams.id,
    })
    .from(programmes)
    .leftJoin(teams, eq(teams.programmeId, programmes.id))
    .where(isNull(programmes.archivedAt))
    .orderBy(asc(programmes.sortKey), asc(programmes.id));
  const byId = new Map<
    string,
    {
      id: string;
      name: string;
      stakeholderGroups: { code: string; label: string }[];
      teamIds: string[];
    }
  >();
  for (const r of rows) {
    const found = byId.get(r.id) ?? {
      id: r.id,
      name: r.name,
      stakeholderGroups: r.stakeholderGroups,
      teamIds: [],
    };
    if (r.teamId) found.teamIds.push(r.teamId);
    byId.set(r.id, found);
  }
  return [...byId.values()];
}

/** Programmes in which this account is a participant of a case (their own case). */
export async function programmesOfOwnCases(db: Db, userId: string) {
  const rows = await db
    .selectDistinct({ programmeId: cases.programmeId })
    .from(participants)
    .innerJoin(cases, eq(cases.id, participants.caseId))
    .where(eq(participants.userId, userId));
  return new Set(rows.map((r) => r.programmeId));
}

/** Programmes in which this account owns an action. */
export async function programmesOwned(db: Db, userId: string) {
  const rows = await db
    .selectDistinct({ programmeId: improvementActions.programmeId })
    .from(improvementActions)
    .where(eq(improvementActions.ownerUserId, userId));
  return new Set(rows.map((r) => r.programmeId));
}
