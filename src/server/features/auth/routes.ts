// HTTP routes of the auth feature: first-admin setup, login with two-factor step, logout,
// the current session, two-factor enrolment, invitation and reset links, and account management.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { idParamsSchema } from '../../../shared/contract/common';
import {
  disableRequestSchema,
  linkPasswordRequestSchema,
  linkStatusSchema,
  linkTokenParamsSchema,
  loginRequestSchema,
  loginResponseSchema,
  okSchema,
  recoveryCodesSchema,
  sessionSchema,
  setupRequestSchema,
  setupStatusSchema,
  setupTokenParamsSchema,
  totpConfirmRequestSchema,
  totpLoginRequestSchema,
  totpSetupSchema,
  userDetailSchema,
  userInputSchema,
  userListQuerySchema,
  userListSchema,
  userUpdateSchema,
  oneTimeLinkSchema,
  userWithLinkSchema,
} from '../../../shared/contract/auth';
import { contextOf, recordAccess, typed } from '../../http/context';
import { AppError } from '../../http/errors';
import { requireActor } from '../../policy/enforce';
import { checkSetupToken, completeSetup } from './complete-setup';
import { completeTotpLogin, login, type LoginResult } from './login';
import { confirmTotpEnrolment, startTotpEnrolment } from './enrol-totp';
import {
  createResetLink,
  inviteUser,
  resetTotp,
  setUserDisabled,
  updateUser,
} from './manage-users';
import { getUser, listUsers } from './queries';
import { revokeAllSessions, revokeSession } from './sessions';
import { clearSessionCookie, setSessionCookie } from './session-hooks';
import { sessionInfo } from './session-info';
import { checkLink, setPasswordWithLink } from './use-link';

export async function authRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.database.db;
  const isDemo = () => fastify.config.isDemo;
  const linkUrl = (token: string) => `${fastify.config.publicUrl}/link/${token}`;

  async function answerLogin(result: LoginResult, reply: FastifyReply) {
    if (result.status === 'totp_required') return result;
    setSessionCookie(fastify, reply, result.token);
    const info = await sessionInfo(db(), {
      userId: result.userId,
      csrfToken: result.csrfToken,
      stage: result.stage,
      isDemo: isDemo(),
    });
    return { status: 'ok' as const, ...info };
  }

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
      const result = await completeSetup({ ...contextOf(request), isDemo: isDemo() }, request.body);
      setSessionCookie(fastify, reply, result.token);
      reply.status(201);
      return sessionInfo(db(), {
        userId: result.userId,
        csrfToken: result.csrfToken,
        stage: result.stage,
        isDemo: isDemo(),
      });
    },
  );

  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], body: loginRequestSchema, response: { 200: loginResponseSchema } },
      config: { policy: 'public' },
    },
    async (request, reply) => {
      const result = await login(
        { ...contextOf(request), clientAddress: request.ip, isDemo: isDemo() },
        request.body,
      );
      return answerLogin(result, reply);
    },
  );

  app.post(
    '/api/auth/login/totp',
    {
      schema: {
        tags: ['auth'],
        body: totpLoginRequestSchema,
        response: { 200: loginResponseSchema },
      },
      config: { policy: 'public' },
    },
    async (request, reply) => {
      const result = await completeTotpLogin(
        { ...contextOf(request), clientAddress: request.ip, isDemo: isDemo() },
        request.body,
      );
      return answerLogin(result, reply);
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], response: { 200: okSchema } }, config: { policy: 'session.end' } },
    async (request, reply) => {
      const actor = requireActor(request);
      await revokeSession(db(), actor.sessionIdHash, fastify.clock());
      await recordAccess(request, {
        resourceType: 'session',
        action: 'logout',
        grounds: 'self',
        outcome: 'success',
      });
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/logout-everywhere',
    {
      schema: { tags: ['auth'], response: { 200: okSchema } },
      config: { policy: 'session.end_all' },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await revokeAllSessions(db(), actor.userId, fastify.clock());
      await recordAccess(request, {
        resourceType: 'session',
        action: 'logout_everywhere',
        grounds: 'self',
        outcome: 'success',
      });
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
      return sessionInfo(db(), {
        userId: actor.userId,
        csrfToken: request.csrfToken ?? '',
        stage: actor.sessionStage,
        isDemo: isDemo(),
      });
    },
  );

  app.post(
    '/api/auth/totp/setup',
    {
      schema: { tags: ['auth'], response: { 200: totpSetupSchema } },
      config: { policy: 'totp.enrol' },
    },
    async (request) => startTotpEnrolment({ ...contextOf(request), actor: requireActor(request) }),
  );

  app.post(
    '/api/auth/totp/confirm',
    {
      schema: {
        tags: ['auth'],
        body: totpConfirmRequestSchema,
        response: { 200: recoveryCodesSchema },
      },
      config: { policy: 'totp.enrol' },
    },
    async (request) =>
      confirmTotpEnrolment(
        { ...contextOf(request), actor: requireActor(request) },
        request.body.code,
      ),
  );

  // Invitation and reset links
  app.get(
    '/api/links/:token',
    {
      schema: {
        tags: ['auth'],
        params: linkTokenParamsSchema,
        response: { 200: linkStatusSchema },
      },
      config: { policy: 'public' },
    },
    async (request) => {
      const status = await checkLink(contextOf(request), request.params.token);
      if (status.purpose === 'setup') throw new AppError('TOKEN_INVALID');
      return status;
    },
  );
  app.post(
    '/api/links/:token/password',
    {
      schema: {
        tags: ['auth'],
        params: linkTokenParamsSchema,
        body: linkPasswordRequestSchema,
        response: { 200: okSchema },
      },
      config: { policy: 'public' },
    },
    async (request) => {
      await setPasswordWithLink(contextOf(request), request.params.token, request.body.password);
      return { ok: true as const };
    },
  );

  // Accounts (administrators)
  app.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        querystring: userListQuerySchema,
        response: { 200: userListSchema },
      },
      config: { policy: 'user.list' },
    },
    async (request) => {
      const list = await listUsers({ actor: requireActor(request), db: db(), ...request.query });
      await recordAccess(request, {
        resourceType: 'user',
        action: 'list',
        grounds: 'administrator',
        outcome: 'success',
      });
      return list;
    },
  );
  app.get(
    '/api/users/:id',
    {
      schema: { tags: ['users'], params: idParamsSchema, response: { 200: userDetailSchema } },
      config: { policy: 'user.manage' },
    },
    async (request) => {
      const user = await getUser({ db: db(), id: request.params.id });
      await recordAccess(request, {
        resourceType: 'user',
        resourceId: user.id,
        action: 'read',
        grounds: 'administrator',
        outcome: 'success',
      });
      return user;
    },
  );
  app.post(
    '/api/users',
    {
      schema: { tags: ['users'], body: userInputSchema, response: { 201: userWithLinkSchema } },
      config: { policy: 'user.manage' },
    },
    async (request, reply) => {
      const { userId, link } = await inviteUser(contextOf(request), request.body);
      reply.status(201);
      return {
        user: await getUser({ db: db(), id: userId }),
        link: {
          url: linkUrl(link.token),
          expiresAt: link.expiresAt.toISOString(),
          purpose: link.purpose,
        },
      };
    },
  );
  app.put(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        params: idParamsSchema,
        body: userUpdateSchema,
        response: { 200: userDetailSchema },
      },
      config: { policy: 'user.manage' },
    },
    async (request) => {
      await updateUser(contextOf(request), request.params.id, request.body);
      return getUser({ db: db(), id: request.params.id });
    },
  );
  app.post(
    '/api/users/:id/disable',
    {
      schema: {
        tags: ['users'],
        params: idParamsSchema,
        body: disableRequestSchema,
        response: { 200: userDetailSchema },
      },
      config: { policy: 'user.manage' },
    },
    async (request) => {
      await setUserDisabled(contextOf(request), request.params.id, request.body.isDisabled);
      return getUser({ db: db(), id: request.params.id });
    },
  );
  app.post(
    '/api/users/:id/reset-2fa',
    {
      schema: { tags: ['users'], params: idParamsSchema, response: { 200: userDetailSchema } },
      config: { policy: 'user.manage' },
    },
    async (request) => {
      await resetTotp(contextOf(request), request.params.id);
      return getUser({ db: db(), id: request.params.id });
    },
  );
  app.post(
    '/api/users/:id/link',
    {
      schema: { tags: ['users'], params: idParamsSchema, response: { 201: oneTimeLinkSchema } },
      config: { policy: 'user.manage' },
    },
    async (request, reply) => {
      const link = await createResetLink(contextOf(request), request.params.id);
      reply.status(201);
      return {
        url: linkUrl(link.token),
        expiresAt: link.expiresAt.toISOString(),
        purpose: link.purpose,
      };
    },
  );
}
