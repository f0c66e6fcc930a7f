// The one way a route reaches a case: look the case up once per request, ask the policy, and
// answer a case the actor may not reach with 404 (logged as denied) — before the body is even
// validated, so a 400 never tells that a case exists. Actions gated by dossier consent get the
// case's consent state in their resource; someone with a right on the case who meets a missing
// consent is answered 403 CONSENT_MISSING (also logged as denied).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { recordAccess } from '../../http/context';
import { AppError } from '../../http/errors';
import { authorize, requireActor } from '../../policy/enforce';
import {
  can,
  caseAccessGrounds,
  consentGatedActions,
  type Action,
  type Actor,
} from '../../policy/policy';
import { consentState, dossierConsentComplete } from './consent-state';
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

  async function resourceFor(request: FastifyRequest, caseId: string, action: Action) {
    const earlier = resources.get(request);
    let resource =
      earlier?.caseId === caseId
        ? earlier.resource
        : await caseResource(fastify.database.db, caseId);
    if (consentGatedActions[action] && resource.dossierConsent === undefined) {
      const state = await consentState(fastify.database.db, caseId);
      resource = {
        ...resource,
        dossierConsent: dossierConsentComplete(state, resource.birthYear, fastify.clock()),
      };
    }
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
    const resource = await resourceFor(request, caseId, action);
    try {
      authorize(actor, action, resource);
    } catch (error) {
      const gate = consentGatedActions[action];
      const isConsentMissing = gate !== undefined && can(actor, gate, resource);
      await recordAccess(request, {
        caseId,
        resourceType: 'case',
        resourceId: caseId,
        action: 'read',
        grounds: isConsentMissing ? (caseAccessGrounds(actor, resource) ?? 'none') : 'none',
        outcome: 'denied',
      });
      if (isConsentMissing)
        throw new AppError(
          'CONSENT_MISSING',
          'Het dossier kan pas worden ingezien en gebruikt als de toestemming voor dossierinzage compleet is.',
        );
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
