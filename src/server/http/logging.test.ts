import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, login, type TestApp } from '../testing/app';
import { createSetupLinkIfNeeded } from '../features/auth/setup-link';
import { redactUrl } from './logging';

describe('application logs', () => {
  let test: TestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    test = await createTestApp('pglite', {
      env: { LOG_LEVEL: 'info' },
      logStream: { write: (line) => void lines.push(line) },
    });
  });
  afterAll(() => test.close());

  it('strips query strings and tokens from logged URLs', () => {
    expect(redactUrl('/api/municipalities?q=Jansen')).toBe('/api/municipalities');
    expect(redactUrl('/api/setup/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG')).toBe(
      '/api/setup/[redacted]',
    );
  });

  it('never contains passwords, email addresses, names, tokens or cookies from requests', async () => {
    const token = (await createSetupLinkIfNeeded(test.database.db, new Date()))!;
    await test.app.inject({ method: 'GET', url: `/api/setup/${token}` });
    await test.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: {
        token,
        email: 'geheim.adres@voorbeeld.test',
        displayName: 'Sanne Geheimnaam',
        password: 'geheim wachtwoord 123',
      },
    });
    const user = await createUser(test, 'researcher', { email: 'tweede.adres@voorbeeld.test' });
    const headers = await login(test, user);
    const cookie = headers.cookie.split('=')[1]!;
    await test.app.inject({
      method: 'GET',
      url: '/api/municipalities?q=Zoekterm-Jansen',
      headers: { cookie: `kl_session=${cookie}` },
    });
    // A failing request logs its error without the input that caused it.
    await test.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'derde.adres@voorbeeld.test', password: 'fout wachtwoord' },
    });

    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(5);
    for (const secret of [
      token,
      'geheim.adres',
      'Sanne Geheimnaam',
      'geheim wachtwoord',
      'tweede.adres',
      'derde.adres',
      user.password,
      cookie,
      'Zoekterm-Jansen',
    ]) {
      expect(log, secret).not.toContain(secret);
    }
  });
});
