// The one way a route reaches a case: look the case up once per request, ask the policy, and
// answer a case the actor may not reach with 404 (logged as denied) — before the body is even
// validated, so a 400 never tells that a case exists.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { recordAccess } from '../../http/context';
import { authorize, requireActor } from '../../policy/enforce';
import { caseAccessGrounds, type Action, type Actor } from '../../policy/policy';
import { caseResource, type CaseResource } from './queries';

export type CaseAccess = {
  actor: Actor;
  grounds: 'team_membership' | 'case_assignment' | 'self' | 'none';
  resource: CaseResource;
};

export function caseGuard(fastify: FastifyInstance) {
  // The case looked up for a request, reused by every check of that request.
  const resources = new WeakMap<
    FastifyRequest,
    { caseId: string; resource: CaseAccess['resource'] }
  >();

  async function resourceFor(request: FastifyRequest, caseId: string) {
    const earlier = resources.get(request);
    if (earlier?.caseId === caseId) return earlier.resource;
    const resource = await caseResource(fastify.database.db, caseId);
    resources.set(request, { caseId, resource });
    return resource;
  }

  /** Authorises the action on this case; a case the actor may not reach is a 404. */
  async function guard(
    request: FastifyRequest,
    caseId: string,
    action: Action,
  ): Promise<CaseAccess> {
    const actor = requireActor(request);
    const resource = await resourceFor(request, caseId);
    try {
      authorize(actor, action, resource);
    } catch (error) {
      await recordAccess(request, {
        caseId,
        resourceType: 'case',
        resourceId: caseId,
        action: 'read',
        grounds: 'none',
        outcome: 'denied',
      });
      throw error;
    }
    return { actor, grounds: caseAccessGrounds(actor, resource) ?? 'none', resource };
  }

  /** A preValidation hook: the 404 comes before any 400 about the request's input. */
  function guardBeforeValidation(action: Action) {
    return async (request: FastifyRequest) => {
      const caseId = (request.params as { id?: unknown }).id;
      if (typeof caseId === 'string' && z.uuid().safeParse(caseId).success)
        await guard(request, caseId, action);
    };
  }

  return { guard, guardBeforeValidation };
}
