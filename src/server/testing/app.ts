// Test app and factories: an app on a fresh test database, users of any role, and logged-in
// request headers (session cookie + CSRF token) for app.inject().
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import type { Role } from '../../shared/contract/auth';
import { users } from '../features/auth/schema';
import { hashPassword } from '../features/auth/passwords';
import { dutchSortKey } from '../../shared/domain/dutch-sort';
import { generate } from 'otplib';
import { newTotpSecret, requiresTotp } from '../features/auth/totp';
import { createTestDatabase, type TestDatabase, type TestDatabaseKind } from './database';

export type TestApp = { app: FastifyInstance; database: TestDatabase; close: () => Promise<void> };

export async function createTestApp(
  kind: TestDatabaseKind,
  options: {
    clock?: () => Date;
    env?: NodeJS.ProcessEnv;
    logStream?: { write: (line: string) => void };
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(kind);
  const config = loadConfig({ PORT: '3999', KETENLENS_DATA_DIR: '/nonexistent', ...options.env });
  const app = await buildApp({
    config,
    database,
    logger: options.logStream ? true : false,
    ...(options.logStream ? { logStream: options.logStream } : {}),
    webRoot: '/nonexistent-web-root',
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.dispose();
    },
  };
}

const testPassword = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;
let counter = 0;

export type TestUser = {
  id: string;
  email: string;
  password: string;
  role: Role;
  totpSecret: string | null;
};

/**
 * A user of the given role. Roles that must use two-factor login get it set up (so tests log
 * in the real way, password then code), unless withTotp is false.
 */
export async function createUser(
  test: TestApp,
  role: Role,
  overrides: {
    email?: string;
    displayName?: string;
    status?: 'active' | 'invited' | 'disabled';
    withTotp?: boolean;
  } = {},
): Promise<TestUser> {
  passwordHash ??= hashPassword(testPassword);
  counter += 1;
  const withTotp = overrides.withTotp ?? requiresTotp(role);
  const totpSecret = withTotp ? newTotpSecret() : null;
  const email = overrides.email ?? `${role}-${counter}-${Date.now()}@voorbeeld.test`;
  const displayName = overrides.displayName ?? `Test ${role} ${counter}`;
  const [row] = await test.database.db
    .insert(users)
    .values({
      email,
      displayName,
      role,
      passwordHash: await passwordHash,
      status: overrides.status ?? 'active',
      sortKey: dutchSortKey(displayName),
      totpSecret,
      totpEnabledAt: totpSecret ? new Date('2026-01-01T00:00:00Z') : null,
    })
    .returning({ id: users.id });
  if (!row) throw new Error('no user row');
  return { id: row.id, email, password: testPassword, role, totpSecret };
}

export type AuthHeaders = { cookie: string; 'x-csrf-token': string };

/** The TOTP code an authenticator app would show at the app's current time. */
export function totpCode(test: TestApp, secret: string): Promise<string> {
  return generate({ secret, epoch: Math.floor(test.app.clock().getTime() / 1000) });
}

/** Logs in the real way: password, then the TOTP code when the account has one. */
export async function login(
  test: TestApp,
  user: { email: string; password: string; totpSecret?: string | null },
): Promise<AuthHeaders> {
  let response = await test.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: user.email, password: user.password },
  });
  if (response.statusCode !== 200)
    throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const first = response.json() as { status: string; challengeToken?: string };
  if (first.status === 'totp_required') {
    if (!user.totpSecret)
      throw new Error('the account needs a TOTP code but the test user has no secret');
    response = await test.app.inject({
      method: 'POST',
      url: '/api/auth/login/totp',
      payload: {
        challengeToken: first.challengeToken,
        code: await totpCode(test, user.totpSecret),
      },
    });
    if (response.statusCode !== 200) {
      throw new Error(
        `TOTP step failed (a code is accepted once per 30 s step; advance the test clock): ${response.body}`,
      );
    }
  }
  const cookie = response.cookies.find((c) => c.name === 'kl_session');
  if (!cookie) throw new Error('no session cookie');
  return {
    cookie: `kl_session=${cookie.value}`,
    'x-csrf-token': (response.json() as { csrfToken: string }).csrfToken,
  };
}

export async function loginAs(
  test: TestApp,
  role: Role,
): Promise<AuthHeaders & { user: TestUser }> {
  const user = await createUser(test, role);
  return { ...(await login(test, user)), user };
}
