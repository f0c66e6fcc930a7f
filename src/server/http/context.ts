// Typed access to the app's dependencies from a request, and the request context for commands.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../db/connect';
import type { RequestContext } from '../db/context';
import type { Config } from '../config';

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyInstance {
    database: Database;
    config: Config;
    clock: () => Date;
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
