// A programme with a team, a researcher in that team and an outsider in another team, and a
// case opened through the API: the starting point of every case-level test.
import type { AuthHeaders, TestApp, TestUser } from './app';
import { loginAs } from './app';

export type Session = AuthHeaders & { user: TestUser };

export const headersOf = (s: AuthHeaders): AuthHeaders => ({
  cookie: s.cookie,
  'x-csrf-token': s['x-csrf-token'],
});

export async function caseFixture(test: TestApp, options: { birthYear?: number } = {}) {
  const admin = await loginAs(test, 'admin');
  const researcher = await loginAs(test, 'researcher');
  const outsider = await loginAs(test, 'researcher');
  const call = async (
    session: AuthHeaders,
    method: 'POST' | 'PUT',
    url: string,
    payload: object,
  ) => {
    const response = await test.app.inject({ method, url, headers: headersOf(session), payload });
    if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.body}`);
    return response.json() as { id: string };
  };
  const programmeId = (
    await call(admin, 'POST', '/api/programmes', { name: 'Programma', periodStart: '2026-01-01' })
  ).id;
  const teamId = (
    await call(admin, 'POST', '/api/teams', { name: 'Team', programmeId, municipalityCode: '0402' })
  ).id;
  const otherTeamId = (
    await call(admin, 'POST', '/api/teams', {
      name: 'Ander team',
      programmeId,
      municipalityCode: '0363',
    })
  ).id;
  await call(admin, 'PUT', `/api/teams/${teamId}/members`, {
    userId: researcher.user.id,
    roleLabel: 'action_learner',
  });
  await call(admin, 'PUT', `/api/teams/${otherTeamId}/members`, {
    userId: outsider.user.id,
    roleLabel: 'action_learner',
  });
  const caseId = (
    await call(researcher, 'POST', '/api/cases', {
      programmeId,
      teamId,
      institutionType: 'jeugdzorgplus',
      regionCode: 'JZ16',
      birthYear: options.birthYear ?? 2010,
    })
  ).id;
  const addParticipant = async (payload: { kind: string; label: string; hasAuthority?: boolean }) =>
    (await call(researcher, 'POST', `/api/cases/${caseId}/participants`, payload)).id;
  return {
    admin,
    researcher,
    outsider,
    programmeId,
    teamId,
    otherTeamId,
    caseId,
    addParticipant,
    call,
  };
}
