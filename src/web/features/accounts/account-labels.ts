// Roles and account states as text, badges and select options, in the user's language.
import type { TFunction } from 'i18next';
import { roles, type Role, type UserSummary } from '../../../shared/contract/auth';
import type { BadgeStatus } from '../../ui/StatusBadge';
import type { SelectOption } from '../../ui/SelectField';

export type AccountStatus = UserSummary['status'];
export const accountStatuses: readonly AccountStatus[] = ['active', 'invited', 'disabled'];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function roleText(role: Role, t: TFunction): string {
  return t(`role.${role}`);
}

/** A role code from the access log: a known role's name, otherwise the code itself. */
export function roleCodeText(code: string | null, t: TFunction): string {
  if (!code) return '—';
  return isRole(code) ? roleText(code, t) : code;
}

export function roleOptions(t: TFunction): SelectOption[] {
  return roles.map((role) => ({ value: role, label: roleText(role, t) }));
}

export function statusText(status: AccountStatus, t: TFunction): string {
  return t(`accountStatus.${status}`);
}

export function statusBadge(status: AccountStatus): BadgeStatus {
  return status === 'active' ? 'success' : status === 'invited' ? 'warning' : 'inactive';
}
