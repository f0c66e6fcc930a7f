import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { roles, type Role } from '../../shared/contract/auth';
import { createTestApp, createUser, login, type AuthHeaders, type TestApp } from '../testing/app';
import { queryRows } from '../db/raw';
import {
  can,
  consentGatedActions,
  resourceScopedActions,
  type Action,
  type PolicyResource,
} from './policy';

// Routes that end the caller's own session: covered by their own tests, not walked here.
const sessionEnding = new Set(['POST /api/auth/logout', 'POST /api/auth/logout-everywhere']);

describe('the authorisation matrix, generated from the route list', () => {
  let test: TestApp;
  const headers = new Map<Role, AuthHeaders>();
  const ids: Record<string, string> = {};
  const userIds = new Map<Role, string>();
  // Roles that are members of the fixture team: the others ask "without the right team".
  const inTeam: Role[] = ['researcher', 'expert_by_experience'];

  beforeAll(async () => {
    test = await createTestApp('pglite');
    for (const role of roles) {
      const user = await createUser(test, role);
      userIds.set(role, user.id);
      headers.set(role, await login(test, user));
    }
    const admin = headers.get('admin')!;
    const post = async (url: string, payload: object) => {
      const response = await test.app.inject({ method: 'POST', url, headers: admin, payload });
      if (response.statusCode !== 201) throw new Error(`${url}: ${response.body}`);
      return response.json();
    };
    ids.programmes = (
      await post('/api/programmes', { name: 'Matrix', periodStart: '2026-01-01' })
    ).id;
    ids.teams = (
      await post('/api/teams', {
        name: 'Matrixteam',
        programmeId: ids.programmes,
        municipalityCode: '0363',
      })
    ).id;
    ids.organisations = (
      await post('/api/organisations', { name: 'Matrix-organisatie', type: 'other' })
    ).id;
    const member = await createUser(test, 'professional');
    ids.users = member.id;
    for (const userId of [member.id, ...inTeam.map((r) => userIds.get(r)!)]) {
      const added = await test.app.inject({
        method: 'PUT',
        url: `/api/teams/${ids.teams}/members`,
        headers: admin,
        payload: { userId, roleLabel: 'other' },
      });
      if (added.statusCode !== 200) throw new Error(added.body);
    }
    const researcher = headers.get('researcher')!;
    const opened = await test.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: researcher,
      payload: {
        programmeId: ids.programmes,
        teamId: ids.teams,
        institutionType: 'jji',
        regionCode: 'JZ16',
        birthYear: 2010,
      },
    });
    if (opened.statusCode !== 201) throw new Error(opened.body);
    ids.cases = opened.json().id;
    const youth = await test.app.inject({
      method: 'POST',
      url: `/api/cases/${ids.cases}/participants`,
      headers: researcher,
      payload: { kind: 'youth', label: 'jongere' },
    });
    const consent = await test.app.inject({
      method: 'POST',
      url: `/api/cases/${ids.cases}/consents`,
      headers: researcher,
      payload: {
        participantId: youth.json().id,
        purpose: 'interview',
        givenBy: 'self',
        givenOn: '2026-01-02',
        formVersion: 'v1',
      },
    });
    if (consent.statusCode !== 201) throw new Error(consent.body);
    ids.consents = consent.json().id;
    ids.participants = youth.json().id;
    // The participant's view of a case: /api/my/cases/:id.
    ids.my = ids.cases!;
    const instruments = await test.app.inject({
      method: 'GET',
      url: '/api/instruments',
      headers: admin,
    });
    ids.instruments = instruments
      .json()
      .items.find((i: { kind: string }) => i.kind === 'dossier_checklist').id;
    // An improvement action and a learning-network meeting of the matrix programme.
    const network = await test.app.inject({
      method: 'POST',
      url: `/api/programmes/${ids.programmes}/network-meetings`,
      headers: admin,
      payload: { theme: 'Matrix', meetsOn: '2026-03-01' },
    });
    if (network.statusCode !== 201) throw new Error(network.body);
    ids['network-meetings'] = network.json().id;
    const action = await test.app.inject({
      method: 'POST',
      url: `/api/programmes/${ids.programmes}/actions`,
      headers: admin,
      payload: {
        title: 'Matrixactie',
        ownerOrganisationId: ids.organisations,
        dueOn: '2026-12-31',
        stakeholderGroup: 'gemeenten',
      },
    });
    if (action.statusCode !== 201) throw new Error(action.body);
    ids.actions = action.json().id;
    // Access-table monitoring: a table in the case's region (nobody of the matrix a member).
    const accessTable = await post('/api/access-tables', {
      regionCode: 'JZ16',
      name: 'Matrixtafel',
      kind: 'team_toegang',
    });
    ids['access-tables'] = accessTable.id;
    ids['access-regions'] = 'JZ16';
    ids['monitoring-lists'] = 'problem_area';
    // A thread of the matrix programme (synthesis routes under /threads/:threadId), straight in
    // the table; a quote's :segmentId is a segment that is not chosen (unchoosing is a no-op).
    const [thread] = await queryRows<{ id: string }>(
      test.database.db,
      sql`insert into synthesis_threads (programme_id, number, title)
          values (${ids.programmes}, 1, 'Matrixdraad') returning id`,
    );
    ids.threads = thread!.id;
    // A recommendation of the matrix programme on that thread (routes under :recommendationId).
    const [recommendation] = await queryRows<{ id: string }>(
      test.database.db,
      sql`insert into recommendations (programme_id, number, stakeholder_group, title)
          values (${ids.programmes}, 1, 'gemeenten', 'Matrixaanbeveling') returning id`,
    );
    ids.recommendations = recommendation!.id;
    await queryRows(
      test.database.db,
      sql`insert into recommendation_threads (recommendation_id, thread_id)
          values (${ids.recommendations}, ${ids.threads})`,
    );
    // A published thematic report (routes under /report/versions/:number), straight in the table.
    const report = {
      lang: 'nl',
      programme: { id: ids.programmes, name: 'Matrix', periodStart: '2026-01-01', periodEnd: null },
      threshold: 5,
      generatedAt: '2026-01-01T00:00:00.000Z',
      version: 1,
      cases: { value: 0, suppressed: null },
      perspectives: [],
      threads: [],
      links: [],
    };
    await queryRows(
      test.database.db,
      sql`insert into thematic_report_versions (programme_id, number, lang, content, thread_versions, recommendation_versions)
          values (${ids.programmes}, 1, 'nl', ${JSON.stringify(report)}::jsonb, '[]'::jsonb, '[]'::jsonb)`,
    );
  });
  afterAll(() => test.close());

  function concreteUrl(url: string): string {
    const collection = url.split('/')[2] ?? '';
    return url
      .replace(':id', ids[collection] ?? '00000000-0000-4000-8000-000000000000')
      .replace(':userId', ids.users!)
      .replace(':consentId', ids.consents!)
      .replace(':participantId', ids.participants!)
      .replace(':threadId', ids.threads!)
      .replace(':recommendationId', ids.recommendations!)
      .replace(':otherId', '00000000-0000-4000-8000-000000000000')
      .replace('/quotes/:segmentId', '/quotes/00000000-0000-4000-8000-000000000000')
      .replace(':number', '1')
      .replace(':token', 'x'.repeat(43));
  }

  it('answers every role on every API route as the policy says, with and without the right team', async () => {
    const routes = test.app.routeCatalogue.filter(
      (r) =>
        r.url.startsWith('/api/') &&
        r.method !== 'HEAD' &&
        !sessionEnding.has(`${r.method} ${r.url}`),
    );
    expect(routes.length).toBeGreaterThan(30);
    let checked = 0;
    for (const route of routes) {
      for (const role of roles) {
        const response = await test.app.inject({
          method: route.method as 'GET',
          url: concreteUrl(route.url),
          headers: headers.get(role)!,
          ...(route.method === 'GET' ? {} : { payload: {} }),
        });
        const label = `${role} ${route.method} ${route.url} → ${response.statusCode} ${response.body.slice(0, 120)}`;
        const actor = {
          userId: userIds.get(role)!,
          role,
          organisationId: null,
          sessionIdHash: 'x',
          sessionStage: 'full' as const,
          teamIds: inTeam.includes(role) ? [ids.teams!] : [],
        };
        const resource: PolicyResource | undefined = !resourceScopedActions.includes(
          route.policy as Action,
        )
          ? undefined
          : route.url.startsWith('/api/teams/:id')
            ? { type: 'team', teamId: ids.teams! }
            : route.url.startsWith('/api/cases/:id') || route.url.startsWith('/api/my/cases/:id')
              ? { type: 'case', teamId: ids.teams!, assignedUserIds: [], participantUserIds: [] }
              : route.url.startsWith('/api/programmes/:id/') ||
                  route.url.startsWith('/api/network-meetings/:id')
                ? { type: 'programme', programmeId: ids.programmes!, teamIds: [ids.teams!] }
                : route.url.startsWith('/api/actions/:id')
                  ? {
                      type: 'action',
                      programmeId: ids.programmes!,
                      teamIds: [ids.teams!],
                      ownerUserId: null,
                    }
                  : route.url.startsWith('/api/access-regions/:id')
                    ? {
                        type: 'access_region',
                        regionCode: 'JZ16',
                        tableMemberUserIds: [],
                        reportOrganisationIds: [],
                      }
                    : undefined;
        // The matrix case has no dossier consent: whoever holds the right beneath it is told so.
        const gate = consentGatedActions[route.policy as Action];
        if (can(actor, route.policy as Action, resource)) {
          expect([401, 403, 404], label).not.toContain(response.statusCode);
        } else if (gate && can(actor, gate, resource)) {
          expect(response.statusCode, label).toBe(403);
          expect(response.json().error.code, label).toBe('CONSENT_MISSING');
        } else {
          expect(response.statusCode, label).toBe(404);
          expect(response.json().error.code, label).toBe('NOT_FOUND');
        }
        checked += 1;
      }
    }
    expect(checked).toBe(routes.length * roles.length);
  });
});
