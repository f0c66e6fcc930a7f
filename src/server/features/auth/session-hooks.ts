// Reads the session cookie on every request and checks CSRF on every state-changing one.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../http/errors';
import { absoluteLifetimeMs, loadSession, sessionCookieName } from './sessions';

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyRequest {
    csrfToken: string | null;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

export function setSessionCookie(app: FastifyInstance, reply: FastifyReply, token: string) {
  reply.setCookie(sessionCookieName, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    // Secure over HTTPS: PUBLIC_URL says so, or the request came over TLS (behind a proxy,
    // request.protocol follows X-Forwarded-Proto only when TRUST_PROXY is set).
    secure: app.config.publicUrl.startsWith('https://') || reply.request.protocol === 'https',
    maxAge: Math.floor(absoluteLifetimeMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(sessionCookieName, { path: '/' });
}

export function registerSessionHooks(app: FastifyInstance) {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[sessionCookieName];
    if (token) {
      const session = await loadSession(app.database.db, token, app.clock());
      if (session) {
        request.actor = session.actor;
        request.csrfToken = session.csrfToken;
      }
    }
    if (safeMethods.has(request.method)) return;
    // A browser always sends Origin on cross-site writes; it must be our own.
    const origin = request.headers.origin;
    if (
      origin &&
      origin !== app.config.publicUrl &&
      origin !== `${request.protocol}://${request.host}`
    ) {
      throw new AppError('CSRF_FAILED');
    }
    if (request.actor) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !request.csrfToken || !sameToken(sent, request.csrfToken)) {
        throw new AppError('CSRF_FAILED');
      }
    }
  });
}
