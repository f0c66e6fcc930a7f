// runCommand: the only way a command gets a database handle. It opens the transaction and
// hands over the actor and the clock, so a change and what belongs with it commit together.
import type { Db } from './connect';
import type { Actor } from '../policy/policy';
import { AppError } from '../http/errors';
import { entryFor, type AccessLogEntry } from '../features/audit/events';
import { insertAccessLogEntries } from '../features/audit/write';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type RequestContext = {
  db: Db;
  actor: Actor | null;
  requestId: string;
  now?: () => Date;
};

type EntryFields = Omit<
  AccessLogEntry,
  'userId' | 'organisationId' | 'role' | 'at' | 'requestId'
> & {
  /** Overrides the actor as subject, e.g. the account a failed login tried. */
  userId?: string | null;
  /** The subject's role and organisation, when the subject is not the acting session. */
  subjectRole?: string | null;
  subjectOrganisationId?: string | null;
};

export type CommandScope = {
  tx: Tx;
  actor: Actor | null;
  now: Date;
  requestId: string;
  /** Writes access-log entries in this command's transaction: they commit with the change. */
  audit: (...entries: EntryFields[]) => Promise<void>;
};

export async function runCommand<T>(
  ctx: RequestContext,
  fn: (scope: CommandScope) => Promise<T>,
): Promise<T> {
  if (!ctx || !ctx.requestId) throw new Error('runCommand needs a request context');
  const now = ctx.now ? ctx.now() : new Date();
  return ctx.db.transaction((tx) => {
    const audit = (...entries: EntryFields[]) =>
      insertAccessLogEntries(
        tx,
        entries.map(({ userId, subjectRole, subjectOrganisationId, ...fields }) => {
          const entry = entryFor(ctx.actor, fields, { requestId: ctx.requestId, at: now });
          if (userId === undefined || userId === entry.userId) return entry;
          // The subject is someone else than the acting session (e.g. the account logging in).
          return {
            ...entry,
            userId,
            organisationId: subjectOrganisationId ?? null,
            role: subjectRole ?? null,
          };
        }),
      );
    return fn({ tx, actor: ctx.actor, now, requestId: ctx.requestId, audit });
  });
}

/** Maps unique and foreign-key violations to clear client errors instead of a 500. */
export function translateDbError(
  error: unknown,
  messages: { unique?: string; foreignKey?: string; uniqueField?: string } = {},
): never {
  const code = findPgCode(error);
  if (code === '23505') {
    const message = messages.unique ?? 'Dit bestaat al.';
    throw new AppError(
      'CONFLICT',
      message,
      messages.uniqueField ? { fields: [{ path: messages.uniqueField, message }] } : undefined,
    );
  }
  if (code === '23503')
    throw new AppError(
      'INVALID_INPUT',
      messages.foreignKey ?? 'Een gekozen verwijzing bestaat niet.',
    );
  if (code === '23514')
    throw new AppError('INVALID_INPUT', 'Een waarde valt buiten de toegestane grenzen.');
  throw error;
}

function findPgCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
