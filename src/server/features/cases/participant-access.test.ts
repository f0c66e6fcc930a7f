import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, login, type AuthHeaders, type TestApp } from '../../testing/app';
import { testDatabaseKinds } from '../../testing/database';
import { caseFixture, headersOf } from '../../testing/fixtures';
import { accessLog } from '../audit/schema';
import { users } from '../auth/schema';
import { participants } from './schema';

describe.each(testDatabaseKinds())('participants in their own case (%s)', (kind) => {
  let test: TestApp;
  let fx: Awaited<ReturnType<typeof caseFixture>>;
  let youthId: string;
  let motherId: string;
  let mentorId: string;
  let mother: AuthHeaders;
  const now = new Date('2026-06-01T09:00:00Z');
  const password = 'een lang wachtwoord 42';

  beforeAll(async () => {
    test = await createTestApp(kind, { clock: () => now });
    // Born 2016: the youth is 9 or 10, so the parents with authority consent on their behalf.
    fx = await caseFixture(test, { birthYear: 2016 });
    youthId = await fx.addParticipant({ kind: 'youth', label: 'jongere' });
    motherId = await fx.addParticipant({ kind: 'parent', label: 'moeder', hasAuthority: true });
    mentorId = await fx.addParticipant({ kind: 'network', label: 'mentor' });
  });
  afterAll(() => test.close());

  const call = (
    method: 'GET' | 'POST',
    url: string,
    session: AuthHeaders | null,
    payload?: object,
  ) =>
    test.app.inject({
      method,
      url,
      ...(session ? { headers: headersOf(session) } : {}),
      ...(payload ? { payload } : {}),
    });
  const invite = (participantId: string, email: string) =>
    call(
      'POST',
      `/api/cases/${fx.caseId}/participants/${participantId}/invitation`,
      fx.researcher,
      {
        email,
      },
    );

  it('invites a parent with a one-time link and a QR code, and the parent logs in', async () => {
    const response = await invite(motherId, 'moeder@example.org');
    expect(response.statusCode, response.body).toBe(201);
    const invitation = response.json();
    expect(invitation.purpose).toBe('invitation');
    expect(invitation.url).toMatch(/\/link\/[A-Za-z0-9_-]{20,}$/);
    expect(invitation.qrSvg).toMatch(/^<svg/);
    const [account] = await test.database.db
      .select({ role: users.role, displayName: users.displayName })
      .from(users)
      .where(eq(users.id, invitation.userId));
    expect(account).toEqual({ role: 'participant', displayName: 'moeder' });
    const token = invitation.url.split('/link/')[1];
    const set = await call('POST', `/api/links/${token}/password`, null, { password });
    expect(set.statusCode, set.body).toBe(200);
    expect(
      (await call('POST', `/api/links/${token}/password`, null, { password })).statusCode,
    ).toBe(410);
    mother = await login(test, { email: 'moeder@example.org', password });
    const mine = await call('GET', '/api/my/cases', mother);
    expect(mine.json()).toEqual([
      expect.objectContaining({ caseId: fx.caseId, participantId: motherId, kind: 'parent' }),
    ]);
  });

  it('refuses to invite a network member or to reuse an address, changing nothing', async () => {
    expect((await invite(mentorId, 'mentor@example.org')).statusCode).toBe(400);
    const taken = await invite(youthId, 'moeder@example.org');
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.details.fields[0].path).toBe('email');
    const [youth] = await test.database.db
      .select({ userId: participants.userId })
      .from(participants)
      .where(eq(participants.id, youthId));
    expect(youth!.userId).toBeNull();
    expect((await invite(youthId, 'not-an-address')).statusCode).toBe(400);
  });

  it('lets a parent with authority give and withdraw consent for themselves and for the child', async () => {
    const before = (await call('GET', `/api/my/cases/${fx.caseId}`, mother)).json();
    expect(before.consents).toHaveLength(10);
    expect(before.stillNeeded.join(' ')).toMatch(/moeder \(met gezag\) moet namens de jongere/);
    const forChild = await call('POST', `/api/my/cases/${fx.caseId}/consents`, mother, {
      purpose: 'interview',
      forParticipantId: youthId,
    });
    expect(forChild.statusCode, forChild.body).toBe(201);
    // The access log says the mother acted on behalf of the youth (by participant id).
    const [given] = await test.database.db
      .select({ onBehalfOf: accessLog.onBehalfOf, role: accessLog.role })
      .from(accessLog)
      .where(eq(accessLog.resourceId, forChild.json().id));
    expect(given).toEqual({ onBehalfOf: `participant:${youthId}`, role: 'participant' });
    const own = await call('POST', `/api/my/cases/${fx.caseId}/consents`, mother, {
      purpose: 'meeting',
    });
    expect(own.statusCode, own.body).toBe(201);
    const after = (await call('GET', `/api/my/cases/${fx.caseId}`, mother)).json();
    const interviewForChild = after.consents.find(
      (c: { purpose: string; onBehalf: boolean }) => c.purpose === 'interview' && c.onBehalf,
    );
    expect(interviewForChild).toMatchObject({
      givenOn: '2026-06-01',
      withdrawnOn: null,
      forLabel: 'jongere',
    });
    const foreign = await call('POST', `/api/my/cases/${fx.caseId}/consents`, mother, {
      purpose: 'interview',
      forParticipantId: mentorId,
    });
    expect(foreign.statusCode).toBe(400);

    const preview = await call(
      'GET',
      `/api/my/cases/${fx.caseId}/consents/${forChild.json().id}/withdrawal-preview`,
      mother,
    );
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().removes).toEqual([]);
    const withdrawn = await call(
      'POST',
      `/api/my/cases/${fx.caseId}/consents/${forChild.json().id}/withdraw`,
      mother,
      {},
    );
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const [entry] = await test.database.db
      .select({
        grounds: accessLog.grounds,
        role: accessLog.role,
        onBehalfOf: accessLog.onBehalfOf,
      })
      .from(accessLog)
      .where(and(eq(accessLog.resourceId, forChild.json().id), eq(accessLog.action, 'update')));
    expect(entry).toEqual({
      grounds: 'self',
      role: 'participant',
      onBehalfOf: `participant:${youthId}`,
    });
  });

  it("never reaches another case or a consent that is not the participant's own", async () => {
    const staffConsent = await call('POST', `/api/cases/${fx.caseId}/consents`, fx.researcher, {
      participantId: mentorId,
      purpose: 'interview',
      givenBy: 'self',
      givenOn: '2026-05-01',
      formVersion: 'v1',
    });
    const url = `/api/my/cases/${fx.caseId}/consents/${staffConsent.json().id}/withdraw`;
    expect((await call('POST', url, mother, {})).statusCode).toBe(404);
    const other = await call('POST', '/api/cases', fx.researcher, {
      programmeId: fx.programmeId,
      teamId: fx.teamId,
      institutionType: 'jji',
      regionCode: 'JZ16',
      birthYear: 2009,
    });
    expect((await call('GET', `/api/my/cases/${other.json().id}`, mother)).statusCode).toBe(404);
    expect((await call('GET', `/api/cases/${fx.caseId}`, mother)).statusCode).toBe(404);
    // Staff use the staff routes, not a participant's.
    expect((await call('GET', `/api/my/cases/${fx.caseId}`, fx.researcher)).statusCode).toBe(404);
  });

  it('shows the participant who looked at their case, with names and roles', async () => {
    await call('GET', `/api/cases/${fx.caseId}/timeline`, fx.researcher);
    const log = await call('GET', `/api/my/cases/${fx.caseId}/access-log`, mother);
    expect(log.statusCode, log.body).toBe(200);
    const body = log.json();
    expect(body.items[0]).toMatchObject({
      role: 'researcher',
      action: 'read',
      resourceType: 'timeline',
    });
    expect(body.items[0].who).toMatch(/researcher/i);
    expect(body.total).toBeGreaterThan(3);
  });
});
