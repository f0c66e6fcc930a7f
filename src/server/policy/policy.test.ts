import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { roles, type Role } from '../../shared/contract/auth';
import { createTestApp, type TestApp } from '../testing/app';
import { actions, can, recordLevelActions, type Action, type Actor } from './policy';
import { registerPolicyEnforcement } from './enforce';

const actorOf = (role: Role): Actor => ({
  userId: 'u',
  role,
  organisationId: null,
  sessionIdHash: 'h',
  sessionStage: 'full',
});

describe('the policy', () => {
  it('denies every non-public action to an anonymous caller', () => {
    for (const action of actions) expect(can(null, action), action).toBe(action === 'public');
  });

  it('matches the authorisation matrix for every role and action', () => {
    const allowed: Record<Role, Action[]> = {
      admin: [...actions],
      researcher: [
        'public',
        'session.read',
        'session.end',
        'session.end_all',
        'totp.enrol',
        'reference.read',
        'organisation.read',
        'programme.read',
        'team.read',
        'team.members.read',
      ],
      professional: [
        'public',
        'session.read',
        'session.end',
        'session.end_all',
        'totp.enrol',
        'reference.read',
        'organisation.read',
        'programme.read',
        'team.read',
      ],
      expert_by_experience: [
        'public',
        'session.read',
        'session.end',
        'session.end_all',
        'totp.enrol',
        'reference.read',
        'organisation.read',
        'programme.read',
        'team.read',
      ],
      policymaker: [
        'public',
        'session.read',
        'session.end',
        'session.end_all',
        'totp.enrol',
        'reference.read',
        'organisation.read',
        'programme.read',
      ],
      participant: ['public', 'session.read', 'session.end', 'session.end_all', 'totp.enrol'],
    };
    for (const role of roles) {
      for (const action of actions) {
        expect(can(actorOf(role), action), `${role} ${action}`).toBe(
          allowed[role].includes(action),
        );
      }
    }
  });

  it('limits a session that must first set up two-factor login to doing exactly that', () => {
    const enrolling: Actor = { ...actorOf('admin'), sessionStage: 'enrol_totp' };
    for (const action of actions) {
      expect(can(enrolling, action), action).toBe(
        ['public', 'session.read', 'session.end', 'totp.enrol'].includes(action),
      );
    }
  });

  it('never lets a policymaker perform an action that hands out record-level data', () => {
    for (const action of recordLevelActions)
      expect(can(actorOf('policymaker'), action), action).toBe(false);
  });

  it('denies an action it does not know', () => {
    expect(can(actorOf('admin'), 'case.delete' as Action)).toBe(false);
  });

  it('refuses to start an app with a route that declares no policy', async () => {
    const app = Fastify({ logger: false });
    registerPolicyEnforcement(app);
    app.get('/api/forgotten', async () => ({ ok: true }));
    await expect(app.ready()).rejects.toThrow(/GET \/api\/forgotten/);
  });
});

describe('every route of the app', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp('pglite');
  });
  afterAll(() => test.close());

  it('declares a known policy', () => {
    const routes = test.app.routeCatalogue;
    expect(routes.map((r) => r.url)).toContain('/api/health');
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      expect(actions as readonly unknown[], `${route.method} ${route.url}`).toContain(route.policy);
    }
  });

  it('keeps every non-public API route closed to an anonymous caller', async () => {
    for (const route of test.app.routeCatalogue) {
      if (route.policy === 'public' || !route.url.startsWith('/api/')) continue;
      const url = route.url.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');
      const response = await test.app.inject({
        method: route.method as 'GET',
        url,
        payload: route.method === 'GET' || route.method === 'HEAD' ? undefined : {},
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });
});
