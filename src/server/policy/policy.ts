// The only place where rights are decided. Deny by default: an action that is not listed
// here, or an actor without a matching rule, is refused.
import type { Role, SessionStage } from '../../shared/contract/auth';

export type Actor = {
  userId: string;
  role: Role;
  organisationId: string | null;
  sessionIdHash: string;
  /** 'enrol_totp' limits the session to setting up two-factor login. */
  sessionStage: SessionStage;
  /** The execution teams the user is a member of: the source of team- and case-level rights. */
  teamIds: readonly string[];
};

/**
 * The record an action is about, when rights depend on it. Case-level rights come from team
 * membership and from explicit assignment to the case (the cases feature supplies both).
 */
export type PolicyResource =
  | { type: 'team'; teamId: string }
  | {
      type: 'case';
      teamId: string;
      assignedUserIds: readonly string[];
      /** Accounts of the case's own participants (a youth or parent with role participant). */
      participantUserIds: readonly string[];
      /** Whether dossier consent is complete; only asked by the dossier actions. */
      dossierConsent?: boolean;
    }
  /** Programme-level work (the codebook, cross-case views, exchange): its teams decide. */
  | {
      type: 'programme';
      programmeId: string;
      teamIds: readonly string[];
      /**
       * Accounts of participants whose own case is in this programme; filled only for the
       * plain-language summary, and only with the asking participant's own account if it is one.
       */
      ownCaseUserIds?: readonly string[];
    }
  /** An improvement action: its programme's teams decide, and its owner person may follow it up. */
  | {
      type: 'action';
      programmeId: string;
      teamIds: readonly string[];
      ownerUserId: string | null;
    }
  /**
   * A region's access-table monitoring. Filled for the asking actor only: whether they are a
   * member of one of the region's access tables, and whether their organisation is entitled to
   * the region's aggregates (its municipality lies in the region, or it has no municipality).
   */
  | {
      type: 'access_region';
      regionCode: string;
      tableMemberUserIds: readonly string[];
      reportOrganisationIds: readonly string[];
    };

/** Every action a route or command can ask about. 'public' needs no login. */
export const actions = [
  'public',
  'session.read',
  'session.end',
  'session.end_all',
  'totp.enrol',
  'reference.read',
  'user.list',
  'user.manage',
  'access_log.read',
  'organisation.read',
  'organisation.manage',
  'programme.read',
  'programme.manage',
  'team.read',
  'team.manage',
  'team.members.read',
  'case.read',
  'case.create',
  'case.update',
  'case.reference.read',
  'case.reference.manage',
  'timeline.read',
  'timeline.contribute',
  'timeline.edit',
  'instrument.read',
  'instrument.manage',
  'dossier.read',
  'dossier.write',
  'meeting.read',
  'meeting.write',
  'meeting.report',
  'analysis.read',
  'analysis.write',
  'interview.read',
  'interview.write',
  'coding.read',
  'coding.write',
  'codebook.read',
  'codebook.manage',
  'qda.exchange',
  'own_case.read',
  'own_case.consent',
  'action.read',
  'action.write',
  'action.follow_up',
  'action.summary',
  'network.read',
  'network.write',
  'monitoring.read',
  'monitoring.write',
  'monitoring.report',
  'monitoring.manage',
  'synthesis.read',
  'synthesis.write',
  'recommendation.write',
  'recommendation.review',
  'synthesis.aggregates',
  'synthesis.report',
] as const;
export type Action = (typeof actions)[number];

/**
 * Actions that hand out records about individual people (staff lists, accounts, the access
 * log; case data when it comes). A policymaker may never perform any of them: they see only
 * aggregates.
 */
export const recordLevelActions: readonly Action[] = [
  'team.members.read',
  'user.list',
  'user.manage',
  'access_log.read',
  'case.read',
  'case.create',
  'case.update',
  'timeline.read',
  'timeline.contribute',
  'timeline.edit',
  'dossier.read',
  'dossier.write',
  'meeting.read',
  'meeting.write',
  'meeting.report',
  'analysis.read',
  'analysis.write',
  'interview.read',
  'interview.write',
  'coding.read',
  'coding.write',
  'codebook.read',
  'codebook.manage',
  'qda.exchange',
  'own_case.read',
  'own_case.consent',
  'monitoring.read',
  'monitoring.write',
  'synthesis.read',
  'synthesis.write',
  'recommendation.write',
  'recommendation.review',
  'synthesis.report',
];

const staffRoles: readonly Role[] = ['admin', 'researcher', 'professional', 'expert_by_experience'];

/** Actions whose answer depends on the record: routes check them again once the record is known. */
export const resourceScopedActions: readonly Action[] = [
  'team.members.read',
  'case.read',
  'case.create',
  'case.update',
  'timeline.read',
  'timeline.contribute',
  'timeline.edit',
  'dossier.read',
  'dossier.write',
  'meeting.read',
  'meeting.write',
  'meeting.report',
  'analysis.read',
  'analysis.write',
  'interview.read',
  'interview.write',
  'coding.read',
  'coding.write',
  'codebook.read',
  'codebook.manage',
  'qda.exchange',
  'own_case.read',
  'own_case.consent',
  'action.read',
  'action.write',
  'action.follow_up',
  'action.summary',
  'network.read',
  'network.write',
  'monitoring.read',
  'monitoring.write',
  'monitoring.report',
  'synthesis.read',
  'synthesis.write',
  'recommendation.write',
  'recommendation.review',
  'synthesis.aggregates',
  'synthesis.report',
];

/**
 * Actions that need a consent on top of a right on the case, with that right. Someone who holds
 * the right but meets a missing consent is told so (403 CONSENT_MISSING); anyone else gets the
 * usual 404.
 */
export const consentGatedActions: Partial<Record<Action, Action>> = {
  'dossier.read': 'case.read',
  'dossier.write': 'case.update',
};

/** Whether the actor reaches the record through a team or an assignment, and how (NEN 7513 grounds). */
export function caseAccessGrounds(
  actor: Actor,
  resource: PolicyResource,
): 'team_membership' | 'case_assignment' | 'self' | null {
  if (actor.role === 'participant')
    return resource.type === 'case' && resource.participantUserIds.includes(actor.userId)
      ? 'self'
      : null;
  if (resource.type === 'programme' || resource.type === 'action')
    return resource.teamIds.some((t) => actor.teamIds.includes(t)) ? 'team_membership' : null;
  // Access-table membership is not a team: it never reaches a case.
  if (resource.type === 'access_region') return null;
  if (actor.teamIds.includes(resource.teamId)) return 'team_membership';
  if (resource.type === 'case' && resource.assignedUserIds.includes(actor.userId))
    return 'case_assignment';
  return null;
}

/** A youth or parent with an account, reaching their own case. */
function isOwnCase(actor: Actor, resource: PolicyResource | undefined): boolean {
  return (
    actor.role === 'participant' &&
    (!resource || (resource.type === 'case' && resource.participantUserIds.includes(actor.userId)))
  );
}

function inProgramme(actor: Actor, resource: { teamIds: readonly string[] }): boolean {
  return resource.teamIds.some((t) => actor.teamIds.includes(t));
}

const caseRoles: readonly Role[] = ['researcher', 'professional', 'expert_by_experience'];

/**
 * A rule answers for a role when no resource is given (may this role ever do this? — checked
 * before the request is read), and for the record when one is given.
 */
type Rule = (actor: Actor, resource?: PolicyResource) => boolean;

const rules: Record<Exclude<Action, 'public'>, Rule> = {
  'session.read': () => true,
  'session.end': () => true,
  'session.end_all': () => true,
  'totp.enrol': () => true,
  'reference.read': (a) => a.role !== 'participant',
  'user.list': (a) => a.role === 'admin',
  'user.manage': (a) => a.role === 'admin',
  // The access log is read by administrators and by log administrators (a separate role, so
  // someone can check who looked at what without managing accounts or the programme).
  'access_log.read': (a) => a.role === 'admin' || a.role === 'log_administrator',
  'organisation.read': (a) => a.role !== 'participant',
  'organisation.manage': (a) => a.role === 'admin',
  'programme.read': (a) => a.role !== 'participant',
  'programme.manage': (a) => a.role === 'admin',
  'team.read': (a) => staffRoles.includes(a.role),
  'team.manage': (a) => a.role === 'admin',
  // Who is in which team is staff information, not for policymakers or participants.
  'team.members.read': (a, r) =>
    a.role === 'admin' || (caseRoles.includes(a.role) && (!r || caseAccessGrounds(a, r) !== null)),
  // Case data: only team members and explicitly assigned people, never administrators (who
  // manage the programme, not its cases) and never policymakers (aggregates only).
  'case.read': (a, r) => caseRoles.includes(a.role) && (!r || caseAccessGrounds(a, r) !== null),
  // A researcher opens cases for a team they belong to.
  'case.create': (a, r) =>
    a.role === 'researcher' &&
    (!r || ((r.type === 'team' || r.type === 'case') && a.teamIds.includes(r.teamId))),
  'case.update': (a, r) =>
    (a.role === 'researcher' || a.role === 'professional') &&
    (!r || caseAccessGrounds(a, r) !== null),
  // The editable lists (institution types, timeline categories) carry no personal data.
  'case.reference.read': () => true,
  'case.reference.manage': (a) => a.role === 'admin',
  // The timeline is read by the case's staff and by its own participants.
  'timeline.read': (a, r) => can(a, 'case.read', r) || isOwnCase(a, r),
  // Participants add events and comments from their own perspective; they do not edit others'.
  'timeline.contribute': (a, r) => can(a, 'case.update', r) || isOwnCase(a, r),
  'timeline.edit': (a, r) => can(a, 'case.update', r),
  // Instruments (checklists, domain sets) are research material without personal data; the
  // staff read them, administrators edit drafts and publish versions.
  'instrument.read': (a) => staffRoles.includes(a.role),
  'instrument.manage': (a) => a.role === 'admin',
  // Dossier data only while dossier consent is complete (the consent rules by age).
  'dossier.read': (a, r) =>
    can(a, 'case.read', r) && (!r || (r.type === 'case' && r.dossierConsent === true)),
  'dossier.write': (a, r) =>
    can(a, 'case.update', r) && (!r || (r.type === 'case' && r.dossierConsent === true)),
  // The review meeting is read by the case's staff and planned and written by those who may
  // change the case; its report is also for the youth and parents of the case.
  'meeting.read': (a, r) => can(a, 'case.read', r),
  'meeting.write': (a, r) => can(a, 'case.update', r),
  'meeting.report': (a, r) => can(a, 'case.read', r) || isOwnCase(a, r),
  // The explanatory analysis is the case team's work.
  'analysis.read': (a, r) => can(a, 'case.read', r),
  'analysis.write': (a, r) => can(a, 'case.update', r),
  // Interviews: held and recorded by those who may change the case (the interview consent is
  // checked per participant when one is added).
  'interview.read': (a, r) => can(a, 'case.read', r),
  'interview.write': (a, r) => can(a, 'case.update', r),
  // Coding: the sources of a case for its staff; sources of the programme without a case (texts
  // imported from other tools) for the staff of the programme's teams. Researchers and experts
  // by experience code.
  'coding.read': (a, r) => caseRoles.includes(a.role) && (!r || caseAccessGrounds(a, r) !== null),
  'coding.write': (a, r) =>
    (a.role === 'researcher' || a.role === 'expert_by_experience') &&
    (!r || caseAccessGrounds(a, r) !== null),
  // The codebook of a programme: read by its staff, kept by its researchers, who also exchange
  // the programme with other QDA tools (export holds only cases they reach).
  'codebook.read': (a, r) =>
    caseRoles.includes(a.role) && (!r || (r.type === 'programme' && inProgramme(a, r))),
  'codebook.manage': (a, r) =>
    a.role === 'researcher' && (!r || (r.type === 'programme' && inProgramme(a, r))),
  'qda.exchange': (a, r) =>
    a.role === 'researcher' && (!r || (r.type === 'programme' && inProgramme(a, r))),
  'own_case.read': (a, r) => isOwnCase(a, r),
  'own_case.consent': (a, r) => isOwnCase(a, r),
  // Improvement actions carry no case data: the programme's staff read them (administrators of
  // any programme), its researchers and professionals write them, and the owner person of an
  // action — often someone of a municipality or provider outside the teams, a policymaker too —
  // reads it, moves its status and writes follow-ups ("my actions").
  'action.read': (a, r) =>
    programmeStaff(a, r) || (ownerRoles.includes(a.role) && (!r || isActionOwner(a, r))),
  'action.write': (a, r) => programmeWriter(a, r),
  'action.follow_up': (a, r) =>
    programmeWriter(a, r) || (ownerRoles.includes(a.role) && (!r || isActionOwner(a, r))),
  // The plain-language summary (no names, no case data): the programme's staff, every
  // policymaker (they fund and own much of what changes), and the youth and parents whose own
  // case belongs to the programme.
  'action.summary': (a, r) =>
    programmeStaff(a, r) ||
    a.role === 'policymaker' ||
    (a.role === 'participant' &&
      (!r || (r.type === 'programme' && (r.ownCaseUserIds ?? []).includes(a.userId)))),
  // The learning network's meetings can hold a (de-identified) case summary: staff only.
  'network.read': (a, r) => programmeStaff(a, r),
  'network.write': (a, r) => programmeWriter(a, r),
  // Access-table monitoring: the register (a table reference, never a name) is read and written
  // by the members of the region's access tables; the quarterly report (suppressed aggregates)
  // also by policymakers of an entitled organisation, by researchers of any region and by
  // administrators, who set up the tables and their members but never see register rows.
  'monitoring.read': (a, r) => caseRoles.includes(a.role) && (!r || isTableMember(a, r)),
  'monitoring.write': (a, r) => caseRoles.includes(a.role) && (!r || isTableMember(a, r)),
  'monitoring.report': (a, r) =>
    a.role === 'admin' ||
    a.role === 'researcher' ||
    (caseRoles.includes(a.role) && (!r || isTableMember(a, r))) ||
    (a.role === 'policymaker' &&
      (!r ||
        (r.type === 'access_region' &&
          a.organisationId !== null &&
          r.reportOrganisationIds.includes(a.organisationId)))),
  'monitoring.manage': (a) => a.role === 'admin',
  // Cross-case synthesis. Themes, threads, their evidence (with segments and quotes of the cases
  // the reader reaches) and recommendations are read by the programme's case staff; researchers
  // build themes and threads, write recommendations and generate the thematic report; experts by
  // experience review recommendations before publication. Aggregates (counts suppressed below
  // the programme's threshold, recommendations, no segments) are also for policymakers and
  // administrators.
  'synthesis.read': (a, r) =>
    caseRoles.includes(a.role) && (!r || (r.type === 'programme' && inProgramme(a, r))),
  'synthesis.write': (a, r) =>
    a.role === 'researcher' && (!r || (r.type === 'programme' && inProgramme(a, r))),
  'recommendation.write': (a, r) =>
    a.role === 'researcher' && (!r || (r.type === 'programme' && inProgramme(a, r))),
  'recommendation.review': (a, r) =>
    a.role === 'expert_by_experience' && (!r || (r.type === 'programme' && inProgramme(a, r))),
  'synthesis.aggregates': (a, r) =>
    a.role === 'policymaker' ||
    a.role === 'admin' ||
    (caseRoles.includes(a.role) && (!r || (r.type === 'programme' && inProgramme(a, r)))),
  'synthesis.report': (a, r) =>
    a.role === 'researcher' && (!r || (r.type === 'programme' && inProgramme(a, r))),
};

function isTableMember(a: Actor, r: PolicyResource): boolean {
  return r.type === 'access_region' && r.tableMemberUserIds.includes(a.userId);
}

/** Administrators, and researchers, professionals and experts by experience in its teams. */
function programmeStaff(a: Actor, r: PolicyResource | undefined): boolean {
  if (a.role === 'admin') return !r || r.type === 'programme' || r.type === 'action';
  return (
    caseRoles.includes(a.role) &&
    (!r || ((r.type === 'programme' || r.type === 'action') && inProgramme(a, r)))
  );
}

/** Administrators, and researchers and professionals in its teams. */
function programmeWriter(a: Actor, r: PolicyResource | undefined): boolean {
  if (a.role === 'admin') return !r || r.type === 'programme' || r.type === 'action';
  return (
    (a.role === 'researcher' || a.role === 'professional') &&
    (!r || ((r.type === 'programme' || r.type === 'action') && inProgramme(a, r)))
  );
}

/** Who can own an action: anyone with a working account, not a participant or log administrator. */
const ownerRoles: readonly Role[] = [...staffRoles, 'policymaker'];

function isActionOwner(a: Actor, r: PolicyResource): boolean {
  return r.type === 'action' && r.ownerUserId !== null && r.ownerUserId === a.userId;
}

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && (actions as readonly string[]).includes(value);
}

/** What a session that must first set up two-factor login may still do. */
const enrolmentActions: readonly Action[] = ['public', 'session.read', 'session.end', 'totp.enrol'];

export function isBlockedByEnrolment(actor: Actor | null, action: Action): boolean {
  return actor?.sessionStage === 'enrol_totp' && !enrolmentActions.includes(action);
}

/** Whether the actor may perform the action. Unknown actions and missing actors are denied. */
export function can(actor: Actor | null, action: Action, resource?: PolicyResource): boolean {
  if (action === 'public') return true;
  if (!actor) return false;
  if (isBlockedByEnrolment(actor, action)) return false;
  const rule = rules[action];
  return rule ? rule(actor, resource) : false;
}

export type Abilities = { update: boolean; archive: boolean };

/** Abilities sent with records so the web never re-implements a rule. */
export function abilitiesFor(actor: Actor | null, manageAction: Action): Abilities {
  const allowed = can(actor, manageAction);
  return { update: allowed, archive: allowed };
}
