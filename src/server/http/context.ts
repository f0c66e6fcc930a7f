// Typed access to the app's dependencies from a request, and the request context for commands.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../db/connect';
import type { RequestContext } from '../db/context';
import type { Config } from '../config';
import { entryFor, type AccessLogEntry } from '../features/audit/events';
import type { AuditWriter } from '../features/audit/write';

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyInstance {
    database: Database;
    config: Config;
    clock: () => Date;
    auditWriter: AuditWriter;
  }
}

export function contextOf(request: FastifyRequest): RequestContext {
  const app = request.server;
  return { db: app.database.db, actor: request.actor, requestId: request.id, now: app.clock };
}

export type App = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

/**
 * Records access-log entries of a read before the response goes out. Entries of concurrent
 * requests are grouped into one INSERT; this resolves only once that INSERT has committed.
 */
export async function recordAccess(
  request: FastifyRequest,
  ...entries: Omit<AccessLogEntry, 'userId' | 'organisationId' | 'role' | 'at' | 'requestId'>[]
): Promise<void> {
  const meta = { requestId: request.id, at: request.server.clock() };
  await request.server.auditWriter.record(entries.map((e) => entryFor(request.actor, e, meta)));
}

/**
 * Serialiser for hot read routes whose body a presenter builds field by field, typed by the
 * contract: plain JSON.stringify, without zod checking (and stripping) the answer once more. The
 * contract still documents the route; the route's test proves the answer is exactly the contract
 * (parsing it changes nothing). Use only where that test exists.
 */
export const serializePresented = () => (data: unknown) => JSON.stringify(data);
