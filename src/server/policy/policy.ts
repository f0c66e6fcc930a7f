// The only place where rights are decided. Deny by default: an action that is not listed
// here, or an actor without a matching rule, is refused.
import type { Role } from '../../shared/contract/auth';

export type Actor = {
  userId: string;
  role: Role;
  organisationId: string | null;
  sessionIdHash: string;
};

/** Every action a route or command can ask about. 'public' needs no login. */
export const actions = [
  'public',
  'session.read',
  'session.end',
  'reference.read',
  'user.list',
  'organisation.read',
  'organisation.manage',
  'programme.read',
  'programme.manage',
  'team.read',
  'team.manage',
  'team.members.read',
] as const;
export type Action = (typeof actions)[number];

const staffRoles: readonly Role[] = ['admin', 'researcher', 'professional', 'expert_by_experience'];

const rules: Record<Exclude<Action, 'public'>, (actor: Actor) => boolean> = {
  'session.read': () => true,
  'session.end': () => true,
  'reference.read': (a) => a.role !== 'participant',
  'user.list': (a) => a.role === 'admin',
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

/** Whether the actor may perform the action. Unknown actions and missing actors are denied. */
export function can(actor: Actor | null, action: Action): boolean {
  if (action === 'public') return true;
  if (!actor) return false;
  const rule = rules[action];
  return rule ? rule(actor) : false;
}

export type Abilities = { update: boolean; archive: boolean };

/** Abilities sent with records so the web never re-implements a rule. */
export function abilitiesFor(actor: Actor | null, manageAction: Action): Abilities {
  const allowed = can(actor, manageAction);
  return { update: allowed, archive: allowed };
}
