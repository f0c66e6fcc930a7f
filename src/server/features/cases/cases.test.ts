import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import {
  createTestApp,
  loginAs,
  type AuthHeaders,
  type TestApp,
  type TestUser,
} from '../../testing/app';
import { testDatabaseKinds } from '../../testing/database';
import { accessLog } from '../audit/schema';
import { cases, consents } from './schema';

type Session = AuthHeaders & { user: TestUser };
const headersOf = (s: Session): AuthHeaders => ({
  cookie: s.cookie,
  'x-csrf-token': s['x-csrf-token'],
});

describe.each(testDatabaseKinds())('cases, participants and consent (%s)', (kind) => {
  let test: TestApp;
  let admin: Session;
  let researcher: Session;
  let outsider: Session;
  let policymaker: Session;
  let programmeId: string;
  let teamId: string;
  let caseId: string;
  const now = new Date('2026-06-01T09:00:00Z');

  beforeAll(async () => {
    test = await createTestApp(kind, { clock: () => now });
    admin = await loginAs(test, 'admin');
    researcher = await loginAs(test, 'researcher');
    outsider = await loginAs(test, 'researcher');
    policymaker = await loginAs(test, 'policymaker');
    const post = async (url: string, payload: object) =>
      (await test.app.inject({ method: 'POST', url, headers: headersOf(admin), payload })).json();
    programmeId = (
      await post('/api/programmes', { name: 'Casusprogramma', periodStart: '2026-01-01' })
    ).id;
    teamId = (
      await post('/api/teams', { name: 'Team Casus', programmeId, municipalityCode: '0402' })
    ).id;
    const otherTeam = (
      await post('/api/teams', { name: 'Team Anders', programmeId, municipalityCode: '0363' })
    ).id;
    await test.app.inject({
      method: 'PUT',
      url: `/api/teams/${teamId}/members`,
      headers: headersOf(admin),
      payload: { userId: researcher.user.id, roleLabel: 'action_learner' },
    });
    await test.app.inject({
      method: 'PUT',
      url: `/api/teams/${otherTeam}/members`,
      headers: headersOf(admin),
      payload: { userId: outsider.user.id, roleLabel: 'action_learner' },
    });
  });
  afterAll(() => test.close());

  const call = (method: 'GET' | 'POST', url: string, headers: AuthHeaders, payload?: object) =>
    test.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const caseBody = () => ({
    programmeId,
    teamId,
    institutionType: 'jeugdzorgplus',
    regionCode: 'JZ16',
    birthYear: 2012,
  });

  it('opens a case with a generated pseudonymous code, for a team the researcher is in', async () => {
    const first = await call('POST', '/api/cases', researcher, caseBody());
    expect(first.statusCode, first.body).toBe(201);
    caseId = first.json().id;
    const second = await call('POST', '/api/cases', researcher, caseBody());
    expect(second.statusCode, second.body).toBe(201);
    const detail = (await call('GET', `/api/cases/${second.json().id}`, researcher)).json();
    expect((await call('GET', `/api/cases/${caseId}`, researcher)).json().code).toBe('KL-2026-001');
    expect(detail.code).toBe('KL-2026-002');
    expect(detail).toMatchObject({
      status: 'included',
      institutionTypeLabel: 'Jeugdzorgplus',
      teamName: 'Team Casus',
      abilities: { update: true },
    });
  });

  it('refuses a future birth year, an unknown institution type and another team, storing nothing', async () => {
    const before = (await test.database.db.select({ n: count() }).from(cases))[0]!.n;
    let response = await call('POST', '/api/cases', researcher, { ...caseBody(), birthYear: 2031 });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.fields[0].path).toBe('birthYear');
    response = await call('POST', '/api/cases', researcher, {
      ...caseBody(),
      institutionType: 'kasteel',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.fields[0].path).toBe('institutionType');
    response = await call('POST', '/api/cases', outsider, caseBody());
    expect(response.statusCode).toBe(404);
    expect((await test.database.db.select({ n: count() }).from(cases))[0]!.n).toBe(before);
  });

  it('shows a case only to its team: others, administrators and policymakers get 404, and the refusal is logged', async () => {
    for (const session of [outsider, admin, policymaker]) {
      expect((await call('GET', `/api/cases/${caseId}`, session)).statusCode).toBe(404);
    }
    expect((await call('GET', '/api/cases', outsider)).json().total).toBe(0);
    expect((await call('GET', '/api/cases', researcher)).json().total).toBe(2);
    const denied = await test.database.db
      .select()
      .from(accessLog)
      .where(eq(accessLog.outcome, 'denied'));
    expect(denied.some((e) => e.caseId === caseId && e.userId === outsider.user.id)).toBe(true);
    const reads = await test.database.db
      .select()
      .from(accessLog)
      .where(eq(accessLog.caseId, caseId));
    expect(
      reads.some(
        (e) => e.action === 'read' && e.outcome === 'success' && e.grounds === 'team_membership',
      ),
    ).toBe(true);
  });

  it('explains which consents are missing by age, and enforces who may consent on whose behalf', async () => {
    const youth = (
      await call('POST', `/api/cases/${caseId}/participants`, researcher, {
        kind: 'youth',
        label: 'jongere',
      })
    ).json().id;
    const mother = (
      await call('POST', `/api/cases/${caseId}/participants`, researcher, {
        kind: 'parent',
        label: 'moeder',
        hasAuthority: true,
      })
    ).json().id;
    const mentor = (
      await call('POST', `/api/cases/${caseId}/participants`, researcher, {
        kind: 'network',
        label: 'mentor',
      })
    ).json().id;
    const second = await call('POST', `/api/cases/${caseId}/participants`, researcher, {
      kind: 'youth',
      label: 'nog een jongere',
    });
    expect(second.statusCode).toBe(400);
    const byMentor = await call('POST', `/api/cases/${caseId}/consents`, researcher, {
      participantId: youth,
      purpose: 'interview',
      givenBy: 'legal_representative',
      representativeId: mentor,
      givenOn: '2026-05-01',
      formVersion: 'v1',
    });
    expect(byMentor.statusCode).toBe(400);
    expect(byMentor.json().error.details.fields[0].path).toBe('representativeId');

    let detail = (await call('GET', `/api/cases/${caseId}`, researcher)).json();
    const interview = () =>
      detail.missingConsents.find(
        (m: { participantId: string; purpose: string }) =>
          m.participantId === youth && m.purpose === 'interview',
      );
    expect(
      interview()
        .missing.map((m: { label: string }) => m.label)
        .sort(),
    ).toEqual(['jongere', 'moeder']);

    await call('POST', `/api/cases/${caseId}/consents`, researcher, {
      participantId: youth,
      purpose: 'interview',
      givenBy: 'self',
      givenOn: '2026-05-01',
      formVersion: 'v1',
    });
    const parental = await call('POST', `/api/cases/${caseId}/consents`, researcher, {
      participantId: youth,
      purpose: 'interview',
      givenBy: 'legal_representative',
      representativeId: mother,
      givenOn: '2026-05-02',
      formVersion: 'v1',
    });
    expect(parental.statusCode, parental.body).toBe(201);
    detail = (await call('GET', `/api/cases/${caseId}`, researcher)).json();
    expect(interview().missing).toEqual([]);

    const early = await call(
      'POST',
      `/api/cases/${caseId}/consents/${parental.json().id}/withdraw`,
      researcher,
      { withdrawnOn: '2026-04-01' },
    );
    expect(early.statusCode).toBe(400);
    const withdrawn = await call(
      'POST',
      `/api/cases/${caseId}/consents/${parental.json().id}/withdraw`,
      researcher,
      { withdrawnOn: '2026-05-20' },
    );
    expect(withdrawn.statusCode).toBe(200);
    expect(
      (
        await call(
          'POST',
          `/api/cases/${caseId}/consents/${parental.json().id}/withdraw`,
          researcher,
          { withdrawnOn: '2026-05-21' },
        )
      ).statusCode,
    ).toBe(409);
    detail = (await call('GET', `/api/cases/${caseId}`, researcher)).json();
    expect(interview().missing.map((m: { label: string }) => m.label)).toEqual(['moeder']);
    const [row] = await test.database.db
      .select()
      .from(consents)
      .where(eq(consents.id, parental.json().id));
    expect(row?.withdrawnOn).toBe('2026-05-20');
  });

  it('refuses a participant of another case', async () => {
    const other = (await call('POST', '/api/cases', researcher, caseBody())).json().id;
    const stranger = (
      await call('POST', `/api/cases/${other}/participants`, researcher, {
        kind: 'youth',
        label: 'jongere',
      })
    ).json().id;
    const response = await call('POST', `/api/cases/${caseId}/consents`, researcher, {
      participantId: stranger,
      purpose: 'quotes',
      givenBy: 'self',
      givenOn: '2026-05-01',
      formVersion: 'v1',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.fields[0].path).toBe('participantId');
  });
});
