// What the commands of actions and network meetings share: a row as the history keeps it, the
// access-log entry of a change, and the "field X is wrong" error.
import type { CommandScope } from '../../db/context';
import { AppError } from '../../http/errors';
import type { AuditGrounds, AuditResourceType } from '../audit/events';

export type Change = 'created' | 'updated' | 'deleted';

export const invalid = (path: string, message: string) =>
  new AppError('INVALID_INPUT', message, { fields: [{ path, message }] });

/** A row for the history: bookkeeping columns dropped, instants as ISO strings. */
export function snapshot(
  row: Record<string, unknown> | null,
  dropped: readonly string[],
): Record<string, unknown> | null {
  if (!row) return null;
  return Object.fromEntries(
    Object.entries(row)
      .filter(([k]) => !dropped.includes(k))
      .map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  );
}

/** The access-log entry of a change, in the command's transaction. */
export function auditChange(
  scope: CommandScope,
  grounds: AuditGrounds,
  resourceType: AuditResourceType,
  resourceId: string,
  change: Change,
) {
  return scope.audit({
    caseId: null,
    resourceType,
    resourceId,
    action: change === 'created' ? 'create' : change === 'updated' ? 'update' : 'delete',
    grounds,
    outcome: 'success',
  });
}
