import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, loginAs, type AuthHeaders, type TestApp } from '../../testing/app';
import { testDatabaseKinds } from '../../testing/database';
import { csvCell } from './queries';

describe('csvCell', () => {
  it('quotes separators and quotes, and defuses spreadsheet formulas', () => {
    expect(csvCell('gewoon')).toBe('gewoon');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(null)).toBe('');
  });
});

describe.each(testDatabaseKinds())('the access-log views (%s)', (kind) => {
  let test: TestApp;
  let admin: AuthHeaders & { user: { id: string } };
  let researcher: AuthHeaders & { user: { id: string } };

  beforeAll(async () => {
    test = await createTestApp(kind);
    admin = await loginAs(test, 'admin');
    researcher = await loginAs(test, 'researcher');
  });
  afterAll(() => test.close());

  const get = (url: string, headers: AuthHeaders = admin) =>
    test.app.inject({ method: 'GET', url, headers });

  it('lists logins and failed logins newest first, filtered by user and period', async () => {
    await test.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'niemand@voorbeeld.test', password: 'fout' },
    });
    const all = (await get('/api/access-log?pageSize=100')).json();
    expect(all.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['login', 'login_failed']),
    );
    const seqs = all.items.map((e: { seq: number }) => e.seq);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);

    const mine = (await get(`/api/access-log?userId=${researcher.user.id}`)).json();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((e: { userId: string }) => e.userId === researcher.user.id)).toBe(true);
    expect(mine.items[0].userName).toMatch(/Test researcher/);
    const login = mine.items.find((e: { action: string }) => e.action === 'login');
    expect(login.role).toBe('researcher');

    const future = (await get('/api/access-log?from=2999-01-01T00:00:00Z')).json();
    expect(future.total).toBe(0);
    const bad = await get('/api/access-log?from=2026-12-01T00:00:00Z&to=2026-01-01T00:00:00Z');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].path).toBe('to');
  });

  it('logs reading the log itself', async () => {
    await get('/api/access-log');
    const entries = (await get(`/api/access-log?userId=${admin.user.id}&action=list`)).json();
    expect(entries.items[0]).toMatchObject({
      resourceType: 'access_log',
      action: 'list',
      grounds: 'administrator',
    });
  });

  it('exports CSV with a header, one line per entry, and the same filters', async () => {
    const response = await get(`/api/access-log.csv?userId=${researcher.user.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/csv/);
    expect(response.headers['content-disposition']).toMatch(
      /attachment; filename="toegangslog-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = response.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'seq,tijd,gebruiker_id,gebruiker,organisatie_id,rol,namens,casus_id,gegevenssoort,gegeven_id,handeling,grondslag,uitkomst,verzoek_id',
    );
    const listed = (await get(`/api/access-log?userId=${researcher.user.id}&pageSize=200`)).json();
    expect(lines.length - 1).toBe(listed.total);
    expect(lines.slice(1).every((l) => l.includes(researcher.user.id))).toBe(true);
  });

  it('reports an intact chain, and the first broken link after tampering', async () => {
    expect((await get('/api/access-log/verify')).json()).toMatchObject({ isIntact: true });
    await test.database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table access_log disable trigger access_log_no_update_delete`);
      await tx.execute(sql`update access_log set outcome = 'denied' where seq = 2`);
      await tx.execute(sql`alter table access_log enable trigger access_log_no_update_delete`);
    });
    expect((await get('/api/access-log/verify')).json()).toMatchObject({
      isIntact: false,
      firstBrokenSeq: 2,
      reason: 'content_changed',
    });
  });

  it('is not there for other roles', async () => {
    for (const url of ['/api/access-log', '/api/access-log.csv', '/api/access-log/verify']) {
      expect((await get(url, researcher)).statusCode, url).toBe(404);
    }
  });

  it('lets a log administrator read, filter, export and check the log, and nothing else', async () => {
    const logAdmin = await loginAs(test, 'log_administrator');
    const list = await get(`/api/access-log?userId=${researcher.user.id}`, logAdmin);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.length).toBeGreaterThan(0);
    expect((await get('/api/access-log.csv', logAdmin)).statusCode).toBe(200);
    const verify = await get('/api/access-log/verify', logAdmin);
    // (The chain was broken on purpose by the test before: the log administrator is told so.)
    expect(verify.statusCode).toBe(200);
    // No accounts, no cases, no team lists: those answer as if they did not exist.
    for (const url of ['/api/users', '/api/cases', '/api/teams'])
      expect((await get(url, logAdmin)).statusCode, url).toBe(404);
    // Their own reading is in the log, under their role.
    const own = (await get(`/api/access-log?userId=${logAdmin.user.id}`)).json();
    expect(
      own.items.some(
        (e: { resourceType: string; role: string }) =>
          e.resourceType === 'access_log' && e.role === 'log_administrator',
      ),
    ).toBe(true);
  });
});
