import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { and, eq } from 'drizzle-orm';
import { createTestApp, createUser, login, totpCode, type TestApp } from '../../testing/app';
import { testDatabaseKinds } from '../../testing/database';
import { accessLog } from '../audit/schema';
import { throttlePolicy } from './throttle';

describe.each(testDatabaseKinds())('two-factor login and lockout (%s)', (kind) => {
  let test: TestApp;
  let now = new Date('2026-11-24T10:00:00Z');
  const advance = (ms: number) => (now = new Date(now.getTime() + ms));

  beforeAll(async () => {
    test = await createTestApp(kind, { clock: () => now });
  });
  afterAll(() => test.close());

  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    test.app.inject({ method: 'POST', url, payload, headers });
  const passwordStep = async (user: { email: string; password: string }) => {
    const response = await post('/api/auth/login', { email: user.email, password: user.password });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as {
      status: string;
      challengeToken: string;
      stage?: string;
      csrfToken?: string;
    };
  };

  it('makes a user who must use two-factor login enrol before anything else, then gives recovery codes', async () => {
    const user = await createUser(test, 'researcher', { withTotp: false });
    const first = await passwordStep(user);
    expect(first).toMatchObject({
      status: 'ok',
      stage: 'enrol_totp',
      hasTotp: false,
      isTotpRequired: true,
    });
    const cookie = (await post('/api/auth/login', { email: user.email, password: user.password }))
      .cookies[0]!;
    const headers = { cookie: `${cookie.name}=${cookie.value}`, 'x-csrf-token': '' };
    const session = await test.app.inject({ method: 'GET', url: '/api/auth/session', headers });
    headers['x-csrf-token'] = session.json().csrfToken;

    const blocked = await test.app.inject({ method: 'GET', url: '/api/programmes', headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('TOTP_ENROLMENT_REQUIRED');

    const setup = await post('/api/auth/totp/setup', {}, headers);
    expect(setup.statusCode, setup.body).toBe(200);
    const { secret, uri, qrSvg } = setup.json();
    expect(uri).toMatch(/^otpauth:\/\/totp\/Ketenlens:.*secret=/);
    expect(qrSvg).toMatch(/^<svg/);

    const wrong = await post('/api/auth/totp/confirm', { code: '000000' }, headers);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('TOTP_INVALID');
    const confirm = await post(
      '/api/auth/totp/confirm',
      { code: await totpCode(test, secret) },
      headers,
    );
    expect(confirm.statusCode, confirm.body).toBe(200);
    const codes: string[] = confirm.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);

    expect(
      (await test.app.inject({ method: 'GET', url: '/api/programmes', headers })).statusCode,
    ).toBe(200);
    const again = await post('/api/auth/totp/setup', {}, headers);
    expect(again.statusCode).toBe(409);

    // Next login asks for the code; a recovery code works once.
    advance(30_000);
    const challenge = await passwordStep(user);
    expect(challenge.status).toBe('totp_required');
    const viaRecovery = await post('/api/auth/login/totp', {
      challengeToken: challenge.challengeToken,
      recoveryCode: codes[0],
    });
    expect(viaRecovery.statusCode, viaRecovery.body).toBe(200);
    expect(viaRecovery.json()).toMatchObject({ status: 'ok', stage: 'full', hasTotp: true });
    const reuse = await passwordStep(user);
    const reused = await post('/api/auth/login/totp', {
      challengeToken: reuse.challengeToken,
      recoveryCode: codes[0],
    });
    expect(reused.statusCode).toBe(401);
    const entries = await test.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.userId, user.id), eq(accessLog.action, 'recovery_code_used')));
    expect(entries).toHaveLength(1);
  });

  it('accepts a TOTP code once (no replay) and refuses a code for another time', async () => {
    const user = await createUser(test, 'professional');
    advance(60_000);
    const first = await passwordStep(user);
    const code = await totpCode(test, user.totpSecret!);
    expect(
      (await post('/api/auth/login/totp', { challengeToken: first.challengeToken, code }))
        .statusCode,
    ).toBe(200);
    const second = await passwordStep(user);
    const replay = await post('/api/auth/login/totp', {
      challengeToken: second.challengeToken,
      code,
    });
    expect(replay.statusCode).toBe(401);
    const stale = await generate({
      secret: user.totpSecret!,
      epoch: Math.floor(now.getTime() / 1000) - 600,
    });
    expect(
      (await post('/api/auth/login/totp', { challengeToken: second.challengeToken, code: stale }))
        .statusCode,
    ).toBe(401);
  });

  it('gives up a login challenge after five wrong codes', async () => {
    const user = await createUser(test, 'professional');
    advance(60_000);
    const challenge = await passwordStep(user);
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await post('/api/auth/login/totp', {
            challengeToken: challenge.challengeToken,
            code: '000000',
          })
        ).statusCode,
      ).toBe(401);
    }
    const right = await post('/api/auth/login/totp', {
      challengeToken: challenge.challengeToken,
      code: await totpCode(test, user.totpSecret!),
    });
    expect(right.statusCode).toBe(410);
  });

  it('locks an account after repeated wrong passwords, says how long, and lets it in after the wait', async () => {
    const user = await createUser(test, 'participant');
    const tries = throttlePolicy.account.maxFailures;
    for (let i = 0; i < tries - 1; i++) {
      const response = await post('/api/auth/login', {
        email: user.email,
        password: 'helemaal fout',
      });
      expect(response.statusCode).toBe(401);
    }
    const locking = await post('/api/auth/login', { email: user.email, password: 'helemaal fout' });
    expect(locking.statusCode).toBe(429);
    expect(locking.json().error).toMatchObject({
      code: 'LOCKED_OUT',
      details: { retryAfterSeconds: 900 },
    });
    expect(locking.json().error.message).toMatch(/15 minuten/);
    // Even the right password waits.
    const right = await post('/api/auth/login', { email: user.email, password: user.password });
    expect(right.statusCode).toBe(429);
    advance(throttlePolicy.account.lockMs + 1000);
    expect(
      (await post('/api/auth/login', { email: user.email, password: user.password })).statusCode,
    ).toBe(200);
    const failed = await test.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.userId, user.id), eq(accessLog.action, 'login_failed')));
    expect(failed.length).toBe(tries);
  });

  it('locks an address that tries many accounts', async () => {
    const { maxFailures } = throttlePolicy.address;
    let last = 0;
    for (let i = 0; i < maxFailures; i++) {
      last = (
        await post('/api/auth/login', { email: `onbekend-${i}@voorbeeld.test`, password: 'fout' })
      ).statusCode;
    }
    expect(last).toBe(429);
    const user = await createUser(test, 'participant');
    expect(
      (await post('/api/auth/login', { email: user.email, password: user.password })).statusCode,
    ).toBe(429);
    advance(throttlePolicy.address.lockMs + 1000);
    expect(
      (await post('/api/auth/login', { email: user.email, password: user.password })).statusCode,
    ).toBe(200);
  });

  it('ends every session of the user with log out everywhere', async () => {
    const user = await createUser(test, 'participant');
    const a = await login(test, user);
    const b = await login(test, user);
    expect((await post('/api/auth/logout-everywhere', {}, a)).statusCode).toBe(200);
    for (const headers of [a, b]) {
      expect(
        (await test.app.inject({ method: 'GET', url: '/api/auth/session', headers })).statusCode,
      ).toBe(401);
    }
  });
});

describe('the demo', () => {
  it('does not require two-factor login and says so in the session', async () => {
    const test = await createTestApp('pglite', { env: { KETENLENS_DEMO: '1' } });
    try {
      const user = await createUser(test, 'researcher', { withTotp: false });
      const headers = await login(test, user);
      const session = (
        await test.app.inject({ method: 'GET', url: '/api/auth/session', headers })
      ).json();
      expect(session).toMatchObject({ isDemo: true, stage: 'full', isTotpRequired: false });
    } finally {
      await test.close();
    }
  });
});
