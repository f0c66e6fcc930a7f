// Enforces the policy every route declares in its config. A route without a declared
// policy is refused at start-up (see assertEveryRouteHasPolicy) and denied at run time.
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from '../http/errors';
import {
  can,
  isAction,
  isBlockedByEnrolment,
  type Action,
  type Actor,
  type PolicyResource,
} from './policy';

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyContextConfig {
    policy?: Action;
  }
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyInstance {
    /** Every route registered, with its declared policy: for tests that walk all routes. */
    routeCatalogue: RouteEntry[];
  }
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

/** Throws NOT_FOUND (never 403) when the actor may not perform the action. */
export function authorize(actor: Actor | null, action: Action, resource?: PolicyResource): void {
  if (!actor && action !== 'public') throw new AppError('UNAUTHENTICATED');
  if (isBlockedByEnrolment(actor, action)) throw new AppError('TOTP_ENROLMENT_REQUIRED');
  if (!can(actor, action, resource)) throw new AppError('NOT_FOUND');
}

export type RouteEntry = { method: string; url: string; policy: unknown };

export function registerPolicyEnforcement(app: FastifyInstance) {
  const routesWithoutPolicy: string[] = [];
  const catalogue: RouteEntry[] = [];
  app.decorate('routeCatalogue', catalogue);
  app.addHook('onRoute', (route: RouteOptions) => {
    const policy = (route.config as { policy?: unknown } | undefined)?.policy;
    for (const method of [route.method].flat()) catalogue.push({ method, url: route.url, policy });
    if (!isAction(policy)) routesWithoutPolicy.push(`${String(route.method)} ${route.url}`);
  });
  app.addHook('onReady', async () => {
    if (routesWithoutPolicy.length > 0) {
      throw new Error(`Routes without a declared policy: ${routesWithoutPolicy.join(', ')}`);
    }
  });
  // onRequest, so an anonymous caller gets 401 before its input is even parsed.
  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const policy = request.routeOptions.config?.policy;
    if (!isAction(policy)) throw new AppError('NOT_FOUND');
    authorize(request.actor, policy);
  });
}
