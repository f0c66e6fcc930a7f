import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import {
  createTestApp,
  createUser,
  login,
  loginAs,
  type AuthHeaders,
  type TestApp,
  type TestUser,
} from '../../testing/app';
import { testDatabaseKinds } from '../../testing/database';
import { accessLog } from '../audit/schema';
import { users } from './schema';

describe.each(testDatabaseKinds())('accounts managed by administrators (%s)', (kind) => {
  let test: TestApp;
  let admin: AuthHeaders & { user: TestUser };
  let now = new Date('2026-11-24T11:00:00Z');

  beforeAll(async () => {
    test = await createTestApp(kind, { clock: () => now });
    admin = await loginAs(test, 'admin');
  });
  afterAll(() => test.close());

  const call = (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: object,
    headers: Partial<AuthHeaders> = admin,
  ) => test.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const tokenOf = (url: string) => url.split('/link/')[1]!;

  it('invites a user with a one-time link that sets the password once', async () => {
    const invited = await call('POST', '/api/users', {
      email: 'Nieuw@Voorbeeld.test',
      displayName: 'Nina Nieuw',
      role: 'participant',
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const { user, link } = invited.json();
    expect(user).toMatchObject({
      email: 'nieuw@voorbeeld.test',
      status: 'invited',
      hasTotp: false,
    });
    expect(link.url).toMatch(/^http:\/\/localhost:3999\/link\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(link.url);

    expect((await call('GET', `/api/links/${token}`, undefined, {})).json()).toEqual({
      valid: true,
      purpose: 'invitation',
      displayName: 'Nina Nieuw',
    });
    const weak = await call('POST', `/api/links/${token}/password`, { password: 'kort' }, {});
    expect(weak.statusCode).toBe(400);
    const set = await call(
      'POST',
      `/api/links/${token}/password`,
      { password: 'mijn eigen lange wachtwoord' },
      {},
    );
    expect(set.statusCode, set.body).toBe(200);
    expect(
      (
        await call(
          'POST',
          `/api/links/${token}/password`,
          { password: 'nog een lang wachtwoord' },
          {},
        )
      ).statusCode,
    ).toBe(410);
    await login(test, { email: 'nieuw@voorbeeld.test', password: 'mijn eigen lange wachtwoord' });
  });

  it('refuses a duplicate email and names the field problem clearly', async () => {
    const again = await call('POST', '/api/users', {
      email: 'nieuw@voorbeeld.test',
      displayName: 'Dubbel',
      role: 'participant',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/bestaat al/);
    expect(again.json().error.details.fields[0].path).toBe('email');
  });

  it('expires an invitation link', async () => {
    const { link } = (
      await call('POST', '/api/users', {
        email: 'laat@voorbeeld.test',
        displayName: 'Laat',
        role: 'researcher',
      })
    ).json();
    now = new Date(now.getTime() + 8 * 24 * 60 * 60 * 1000);
    expect((await call('GET', `/api/links/${tokenOf(link.url)}`, undefined, {})).statusCode).toBe(
      410,
    );
    // Eight days later the administrator's own session has ended too.
    admin = { ...(await login(test, admin.user)), user: admin.user };
  });

  it('resets a password with a new link, ending the old sessions', async () => {
    const user = await createUser(test, 'participant');
    const session = await login(test, user);
    const link = await call('POST', `/api/users/${user.id}/link`);
    expect(link.statusCode).toBe(201);
    expect(link.json().purpose).toBe('reset');
    await call(
      'POST',
      `/api/links/${tokenOf(link.json().url)}/password`,
      { password: 'een heel nieuw wachtwoord' },
      {},
    );
    expect((await call('GET', '/api/auth/session', undefined, session)).statusCode).toBe(401);
    await login(test, { email: user.email, password: 'een heel nieuw wachtwoord' });
  });

  it('changes a role, logs it and ends the sessions that had the old rights', async () => {
    const user = await createUser(test, 'researcher');
    const session = await login(test, user);
    const detail = (await call('GET', `/api/users/${user.id}`)).json();
    const changed = await call('PUT', `/api/users/${user.id}`, {
      displayName: detail.displayName,
      role: 'policymaker',
      version: detail.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().role).toBe('policymaker');
    expect((await call('GET', '/api/auth/session', undefined, session)).statusCode).toBe(401);
    const logged = await test.database.db
      .select()
      .from(accessLog)
      .where(eq(accessLog.resourceId, user.id));
    expect(logged.map((e) => e.action)).toEqual(expect.arrayContaining(['update', 'role_changed']));
    const stale = await call('PUT', `/api/users/${user.id}`, {
      displayName: 'x',
      role: 'researcher',
      version: detail.version,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('disables an account: its sessions end and it cannot log in', async () => {
    const user = await createUser(test, 'participant');
    const session = await login(test, user);
    expect(
      (await call('POST', `/api/users/${user.id}/disable`, { isDisabled: true })).json().status,
    ).toBe('disabled');
    expect((await call('GET', '/api/auth/session', undefined, session)).statusCode).toBe(401);
    const attempt = await test.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password },
    });
    expect(attempt.statusCode).toBe(401);
    expect(
      (await call('POST', `/api/users/${user.id}/disable`, { isDisabled: false })).json().status,
    ).toBe('active');
  });

  it('resets two-factor login so the user enrols again', async () => {
    const user = await createUser(test, 'professional');
    const reset = await call('POST', `/api/users/${user.id}/reset-2fa`);
    expect(reset.json().hasTotp).toBe(false);
    const next = await test.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password },
    });
    expect(next.json()).toMatchObject({ status: 'ok', stage: 'enrol_totp' });
  });

  it('does not let an administrator remove their own admin role or block themselves', async () => {
    const me = (await call('GET', `/api/users/${admin.user.id}`)).json();
    const demote = await call('PUT', `/api/users/${admin.user.id}`, {
      displayName: me.displayName,
      role: 'researcher',
      version: me.version,
    });
    expect(demote.statusCode).toBe(400);
    expect(
      (await call('POST', `/api/users/${admin.user.id}/disable`, { isDisabled: true })).statusCode,
    ).toBe(400);
    const [row] = await test.database.db
      .select({ role: users.role, status: users.status })
      .from(users)
      .where(eq(users.id, admin.user.id));
    expect(row).toEqual({ role: 'admin', status: 'active' });
  });

  it('answers other roles with 404 on every account route, and stores nothing', async () => {
    const researcher = await loginAs(test, 'researcher');
    const before = (await test.database.db.select({ n: count() }).from(users))[0]!.n;
    expect(
      (
        await call(
          'POST',
          '/api/users',
          { email: 'x@voorbeeld.test', displayName: 'X', role: 'admin' },
          researcher,
        )
      ).statusCode,
    ).toBe(404);
    expect(
      (await call('GET', `/api/users/${admin.user.id}`, undefined, researcher)).statusCode,
    ).toBe(404);
    expect(
      (await call('POST', `/api/users/${admin.user.id}/reset-2fa`, {}, researcher)).statusCode,
    ).toBe(404);
    expect((await test.database.db.select({ n: count() }).from(users))[0]!.n).toBe(before);
  });
});
