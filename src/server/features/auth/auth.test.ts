import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, createUser, login, type TestApp } from '../../testing/app';
import { testDatabaseKinds } from '../../testing/database';
import { createSetupLinkIfNeeded, setupLinkLifetimeMs } from './setup-link';
import { sessions, users } from './schema';
import { idleTimeoutMs } from './sessions';

describe.each(testDatabaseKinds())('first-admin setup, login and sessions (%s)', (kind) => {
  let test: TestApp;
  let now = new Date('2026-11-24T09:00:00Z');

  beforeAll(async () => {
    test = await createTestApp(kind, { clock: () => now });
  });
  afterAll(() => test.close());

  const setupBody = (token: string) => ({
    token,
    email: 'Beheerder@Voorbeeld.test',
    displayName: 'Eerste Beheerder',
    password: 'een lang en sterk wachtwoord',
  });

  it('answers nothing but public routes without a login', async () => {
    for (const url of [
      '/api/programmes',
      '/api/teams',
      '/api/organisations',
      '/api/regions',
      '/api/users',
      '/api/auth/session',
    ]) {
      const response = await test.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(401);
      expect(response.json().error.code).toBe('UNAUTHENTICATED');
    }
    expect((await test.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('rejects an unknown, expired or reused setup token and accepts a valid one exactly once', async () => {
    const stale = await createSetupLinkIfNeeded(
      test.database.db,
      new Date(now.getTime() - setupLinkLifetimeMs - 1000),
    );
    expect(stale).toEqual(expect.any(String));
    // Expired
    let response = await test.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: setupBody(stale!),
    });
    expect(response.statusCode).toBe(410);
    expect(response.json().error.code).toBe('TOKEN_INVALID');
    // Unknown
    response = await test.app.inject({ method: 'GET', url: `/api/setup/${'x'.repeat(43)}` });
    expect(response.statusCode).toBe(410);

    const token = await createSetupLinkIfNeeded(test.database.db, now);
    expect((await test.app.inject({ method: 'GET', url: `/api/setup/${token}` })).json()).toEqual({
      valid: true,
      purpose: 'setup',
    });
    // A weak password is refused and the token stays usable.
    response = await test.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...setupBody(token!), password: 'kort' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.fields[0].path).toBe('password');

    response = await test.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: setupBody(token!),
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().user).toMatchObject({
      email: 'beheerder@voorbeeld.test',
      role: 'admin',
    });
    const cookie = response.cookies.find((c) => c.name === 'kl_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();

    response = await test.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...setupBody(token!), email: 'tweede@voorbeeld.test' },
    });
    expect(response.statusCode).toBe(410);
    const admins = await test.database.db.select().from(users).where(eq(users.role, 'admin'));
    expect(admins).toHaveLength(1);
    expect(admins[0]?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('prints no new setup link once an administrator exists', async () => {
    expect(await createSetupLinkIfNeeded(test.database.db, now)).toBeNull();
  });

  it('logs in with the right password only, with the same message for unknown accounts', async () => {
    const wrong = await test.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'beheerder@voorbeeld.test', password: 'niet het wachtwoord' },
    });
    const unknown = await test.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'niemand@voorbeeld.test', password: 'niet het wachtwoord' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    const headers = await login(test, {
      email: 'BEHEERDER@voorbeeld.test',
      password: 'een lang en sterk wachtwoord',
    });
    const session = await test.app.inject({ method: 'GET', url: '/api/auth/session', headers });
    expect(session.statusCode).toBe(200);
    expect(session.json().user.displayName).toBe('Eerste Beheerder');
  });

  it('refuses disabled accounts', async () => {
    const user = await createUser(test, 'researcher', { status: 'disabled' });
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password },
    });
    expect(response.statusCode).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token, or from another origin', async () => {
    const user = await createUser(test, 'admin');
    const headers = await login(test, user);
    const body = { name: 'Zorgaanbieder Fictief', type: 'care_provider' };
    let response = await test.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { cookie: headers.cookie },
      payload: body,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF_FAILED');
    response = await test.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { cookie: headers.cookie, 'x-csrf-token': 'wrong' },
      payload: body,
    });
    expect(response.statusCode).toBe(403);
    response = await test.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { ...headers, origin: 'https://evil.example' },
      payload: body,
    });
    expect(response.statusCode).toBe(403);
    response = await test.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers,
      payload: body,
    });
    expect(response.statusCode).toBe(201);
  });

  it('ends the session at logout and after idle time, and gives a new session id at each login', async () => {
    const user = await createUser(test, 'researcher');
    const first = await login(test, user);
    // A TOTP code is accepted once per 30-second step: the second login comes a step later.
    now = new Date(now.getTime() + 30_000);
    const second = await login(test, user);
    expect(second.cookie).not.toBe(first.cookie);

    const logout = await test.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: first,
    });
    expect(logout.statusCode).toBe(200);
    expect(
      (await test.app.inject({ method: 'GET', url: '/api/auth/session', headers: first }))
        .statusCode,
    ).toBe(401);
    expect(
      (await test.app.inject({ method: 'GET', url: '/api/auth/session', headers: second }))
        .statusCode,
    ).toBe(200);

    now = new Date(now.getTime() + idleTimeoutMs + 60_000);
    expect(
      (await test.app.inject({ method: 'GET', url: '/api/auth/session', headers: second }))
        .statusCode,
    ).toBe(401);
  });

  it('marks the session cookie Secure when the request came over HTTPS through a trusted proxy', async () => {
    const proxied = await createTestApp(kind, { env: { TRUST_PROXY: 'true' } });
    try {
      const user = await createUser(proxied, 'participant');
      const response = await proxied.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: user.email, password: user.password },
      });
      expect(response.cookies.find((c) => c.name === 'kl_session')?.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it('stores only a hash of the session token', async () => {
    const user = await createUser(test, 'researcher');
    const headers = await login(test, user);
    const token = headers.cookie.split('=')[1]!;
    const rows = await test.database.db.select({ idHash: sessions.idHash }).from(sessions);
    expect(rows.some((r) => r.idHash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.idHash))).toBe(true);
  });
});
