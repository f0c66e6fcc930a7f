// HTTP routes of the auth feature: first-admin setup, login, logout, the current session.
import type { FastifyInstance } from 'fastify';
import {
  loginRequestSchema,
  okSchema,
  sessionSchema,
  setupRequestSchema,
  setupStatusSchema,
  setupTokenParamsSchema,
  userListQuerySchema,
  userListSchema,
  type Role,
} from '../../../shared/contract/auth';
import { contextOf, typed } from '../../http/context';
import { AppError } from '../../http/errors';
import { requireActor } from '../../policy/enforce';
import { checkSetupToken, completeSetup } from './complete-setup';
import { login } from './login';
import { listUsers } from './queries';
import { revokeSession } from './sessions';
import { clearSessionCookie, setSessionCookie } from './session-hooks';
import { eq } from 'drizzle-orm';
import { users } from './schema';

export async function authRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);

  app.get(
    '/api/setup/:token',
    {
      schema: {
        tags: ['auth'],
        params: setupTokenParamsSchema,
        response: { 200: setupStatusSchema },
      },
      config: { policy: 'public' },
    },
    async (request) => checkSetupToken(contextOf(request), request.params.token),
  );

  app.post(
    '/api/setup',
    {
      schema: { tags: ['auth'], body: setupRequestSchema, response: { 201: sessionSchema } },
      config: { policy: 'public' },
    },
    async (request, reply) => {
      const result = await completeSetup(contextOf(request), request.body);
      setSessionCookie(fastify, reply, result.token);
      reply.status(201);
      return {
        user: {
          id: result.userId,
          email: request.body.email,
          displayName: request.body.displayName,
          role: 'admin' as Role,
        },
        csrfToken: result.csrfToken,
        isDemo: fastify.config.isDemo,
      };
    },
  );

  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], body: loginRequestSchema, response: { 200: sessionSchema } },
      config: { policy: 'public' },
    },
    async (request, reply) => {
      const result = await login(contextOf(request), request.body);
      setSessionCookie(fastify, reply, result.token);
      const [user] = await fastify.database.db
        .select({
          id: users.id,
          email: users.email,
          displayName: users.displayName,
          role: users.role,
        })
        .from(users)
        .where(eq(users.id, result.userId));
      if (!user) throw new AppError('UNAUTHENTICATED');
      return {
        user: { ...user, role: user.role as Role },
        csrfToken: result.csrfToken,
        isDemo: fastify.config.isDemo,
      };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], response: { 200: okSchema } }, config: { policy: 'session.end' } },
    async (request, reply) => {
      const actor = requireActor(request);
      await revokeSession(fastify.database.db, actor.sessionIdHash, fastify.clock());
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/session',
    {
      schema: { tags: ['auth'], response: { 200: sessionSchema } },
      config: { policy: 'session.read' },
    },
    async (request) => {
      const actor = requireActor(request);
      const [user] = await fastify.database.db
        .select({
          id: users.id,
          email: users.email,
          displayName: users.displayName,
          role: users.role,
        })
        .from(users)
        .where(eq(users.id, actor.userId));
      if (!user) throw new AppError('UNAUTHENTICATED');
      return {
        user: { ...user, role: user.role as Role },
        csrfToken: request.csrfToken ?? '',
        isDemo: fastify.config.isDemo,
      };
    },
  );

  app.get(
    '/api/users',
    {
      schema: {
        tags: ['auth'],
        querystring: userListQuerySchema,
        response: { 200: userListSchema },
      },
      config: { policy: 'user.list' },
    },
    async (request) =>
      listUsers({ actor: requireActor(request), db: fastify.database.db, ...request.query }),
  );
}
