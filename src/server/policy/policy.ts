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
];

const staffRoles: readonly Role[] = ['admin', 'researcher', 'professional', 'expert_by_experience'];

const rules: Record<Exclude<Action, 'public'>, (actor: Actor) => boolean> = {
  'session.read': () => true,
  'session.end': () => true,
  'session.end_all': () => true,
  'totp.enrol': () => true,
  'reference.read': (a) => a.role !== 'participant',
  'user.list': (a) => a.role === 'admin',
  'user.manage': (a) => a.role === 'admin',
  'access_log.read': (a) => a.role === 'admin',
  'organisation.read': (a) => a.role !== 'participant',
  'organisation.manage': (a) => a.role === 'admin',
  'programme.read': (a) => a.role !== 'participant',
  'programme.manage': (a) => a.role === 'admin',
  'team.read': (a) => staffRoles.includes(a.role),
  'team.manage': (a) => a.role === 'admin',
  // Who is in which team is staff information, not for policymakers or participants.
  'team.members.read': (a) => a.role === 'admin' || a.role === 'researcher',
};

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && (actions as readonly string[]).includes(value);
}

/** What a session that must first set up two-factor login may still do. */
const enrolmentActions: readonly Action[] = ['public', 'session.read', 'session.end', 'totp.enrol'];

export function isBlockedByEnrolment(actor: Actor | null, action: Action): boolean {
  return actor?.sessionStage === 'enrol_totp' && !enrolmentActions.includes(action);
}

/** Whether the actor may perform the action. Unknown actions and missing actors are denied. */
export function can(actor: Actor | null, action: Action): boolean {
  if (action === 'public') return true;
  if (!actor) return false;
  if (isBlockedByEnrolment(actor, action)) return false;
  const rule = rules[action];
  return rule ? rule(actor) : false;
}

export type Abilities = { update: boolean; archive: boolean };

/** Abilities sent with records so the web never re-implements a rule. */
export function abilitiesFor(actor: Actor | null, manageAction: Action): Abilities {
  const allowed = can(actor, manageAction);
  return { update: allowed, archive: allowed };
}
