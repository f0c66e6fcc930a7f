import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createUser,
  loginAs,
  type AuthHeaders,
  type TestApp,
} from '../../testing/app';
import { testDatabaseKinds } from '../../testing/database';
import { caseFixture, headersOf } from '../../testing/fixtures';

describe.each(testDatabaseKinds())('case progress, retention and assignments (%s)', (kind) => {
  let test: TestApp;
  let fx: Awaited<ReturnType<typeof caseFixture>>;
  const now = new Date('2026-06-01T09:00:00Z');

  beforeAll(async () => {
    test = await createTestApp(kind, { clock: () => now });
    fx = await caseFixture(test);
  });
  afterAll(() => test.close());

  const call = (method: 'GET' | 'PUT' | 'DELETE', url: string, s: AuthHeaders, payload?: object) =>
    test.app.inject({ method, url, headers: headersOf(s), ...(payload ? { payload } : {}) });
  const detail = async () => (await call('GET', `/api/cases/${fx.caseId}`, fx.researcher)).json();

  it("lists only the user's own teams when asked for member=me", async () => {
    const mine = await call('GET', '/api/teams?member=me', fx.researcher);
    expect(mine.json().items.map((t: { id: string }) => t.id)).toEqual([fx.teamId]);
    const all = await call('GET', '/api/teams', fx.researcher);
    expect(all.json().total).toBeGreaterThanOrEqual(2);
    const admin = await call('GET', '/api/teams?member=me', fx.admin);
    expect(admin.json()).toMatchObject({ items: [], total: 0 });
    expect((await call('GET', '/api/teams?member=you', fx.researcher)).statusCode).toBe(400);
  });

  it('moves a case through its steps, guarded by its version', async () => {
    const { version } = await detail();
    const url = `/api/cases/${fx.caseId}`;
    const moved = await call('PUT', url, fx.researcher, { status: 'timeline', version });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await detail()).toMatchObject({ status: 'timeline', version: version + 1 });
    const stale = await call('PUT', url, fx.researcher, { status: 'dossier', version });
    expect(stale.statusCode).toBe(409);
    expect((await detail()).status).toBe('timeline');
  });

  it('closes a case only with a retention date in the future', async () => {
    const url = `/api/cases/${fx.caseId}`;
    const { version } = await detail();
    const without = await call('PUT', url, fx.researcher, { status: 'closed', version });
    expect(without.statusCode).toBe(400);
    expect(without.json().error.details.fields[0].path).toBe('retentionUntil');
    const past = await call('PUT', url, fx.researcher, {
      status: 'closed',
      retentionUntil: '2020-01-01',
      version,
    });
    expect(past.statusCode).toBe(400);
    const closed = await call('PUT', url, fx.researcher, {
      status: 'closed',
      retentionUntil: '2041-06-01',
      version,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await detail()).toMatchObject({ status: 'closed', retentionUntil: '2041-06-01' });
  });

  it('gives an assigned colleague from another team access, and takes it away again', async () => {
    const url = `/api/cases/${fx.caseId}`;
    expect((await call('GET', url, fx.outsider)).statusCode).toBe(404);
    const assign = `/api/cases/${fx.caseId}/assignments/${fx.outsider.user.id}`;
    expect((await call('PUT', assign, fx.researcher)).statusCode).toBe(204);
    expect((await call('GET', url, fx.outsider)).statusCode).toBe(200);
    expect((await detail()).assignments).toEqual([
      expect.objectContaining({ userId: fx.outsider.user.id, role: 'researcher' }),
    ]);
    expect((await call('DELETE', assign, fx.researcher)).statusCode).toBe(204);
    expect((await call('GET', url, fx.outsider)).statusCode).toBe(404);
    expect((await call('DELETE', assign, fx.researcher)).statusCode).toBe(404);
    const policymaker = await createUser(test, 'policymaker');
    const refused = await call(
      'PUT',
      `/api/cases/${fx.caseId}/assignments/${policymaker.id}`,
      fx.researcher,
    );
    expect(refused.statusCode).toBe(400);
    expect((await detail()).assignments).toEqual([]);
    const expert = await loginAs(test, 'expert_by_experience');
    expect((await call('PUT', assign, expert)).statusCode).toBe(404);
  });
});
