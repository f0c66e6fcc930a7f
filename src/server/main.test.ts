import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { freePort, startServerProcess, type ServerProcess } from './testing/server-process';

// The real start path on PGlite: lock, migrate at start, setup link, restart keeps records.
describe('npm start on a data folder', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kl-start-'));
  const running: ServerProcess[] = [];
  afterAll(async () => {
    for (const server of running) await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints a setup link once, refuses a second process, and keeps every record across a restart', async () => {
    const port = await freePort();
    const first = startServerProcess({ KETENLENS_DATA_DIR: dataDir }, port);
    running.push(first);
    const [, token] = await first.waitForOutput(/\/setup\/([A-Za-z0-9_-]{43})/);

    // A second process on the same folder refuses with a clear message and does not touch it.
    const second = startServerProcess({ KETENLENS_DATA_DIR: dataDir }, await freePort());
    running.push(second);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/al in gebruik door een ander Ketenlens-proces/);

    const setup = await fetch(`${first.url}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        token,
        email: 'beheer@voorbeeld.test',
        displayName: 'Beheer',
        password: 'een lang wachtwoord',
      }),
    });
    expect(setup.status).toBe(201);
    const cookie = setup.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken, stage } = (await setup.json()) as { csrfToken: string; stage: string };
    // The first administrator sets up two-factor login before anything else.
    expect(stage).toBe('enrol_totp');
    const authed = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
    const enrolment = await fetch(`${first.url}/api/auth/totp/setup`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    const { secret } = (await enrolment.json()) as { secret: string };
    const confirm = await fetch(`${first.url}/api/auth/totp/confirm`, {
      method: 'POST',
      headers: authed,
      body: JSON.stringify({ code: await generate({ secret }) }),
    });
    expect(confirm.status).toBe(200);
    const created = await fetch(`${first.url}/api/organisations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: 'Fictieve Jeugdzorg', type: 'care_provider' }),
    });
    expect(created.status).toBe(201);
    expect(await first.stop()).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'ketenlens.lock'))).toBe(false);

    const restarted = startServerProcess({ KETENLENS_DATA_DIR: dataDir }, port);
    running.push(restarted);
    await restarted.waitForOutput(/Ketenlens draait op/);
    expect(restarted.output()).not.toMatch(/\/setup\//);
    const login = await fetch(`${restarted.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'beheer@voorbeeld.test', password: 'een lang wachtwoord' }),
    });
    expect(login.status).toBe(200);
    const { challengeToken } = (await login.json()) as { challengeToken: string };
    // The next 30-second step: the enrolment code may not be used twice.
    const totp = await fetch(`${restarted.url}/api/auth/login/totp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        challengeToken,
        code: await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }),
      }),
    });
    expect(totp.status).toBe(200);
    const list = await fetch(`${restarted.url}/api/organisations`, {
      headers: { cookie: totp.headers.get('set-cookie')!.split(';')[0]! },
    });
    expect(((await list.json()) as { items: { name: string }[] }).items.map((o) => o.name)).toEqual(
      ['Fictieve Jeugdzorg'],
    );
  }, 120_000);
});

describe.runIf(process.env.TEST_DATABASE_URL)('npm start with DATABASE_URL', () => {
  it('migrates an empty PostgreSQL database at start and serves from it', async () => {
    const pg = (await import('pg')).default;
    const serverUrl = process.env.TEST_DATABASE_URL!;
    const name = `kl_start_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kl-start-pg-'));
    const server = startServerProcess(
      { DATABASE_URL: url.toString(), KETENLENS_DATA_DIR: dataDir },
      await freePort(),
    );
    try {
      await server.waitForOutput(/\/setup\/[A-Za-z0-9_-]{43}/);
      expect(server.output()).toMatch(/PostgreSQL-server/);
      const health = await fetch(`${server.url}/api/health`);
      expect(await health.json()).toEqual({ status: 'ok', database: 'postgres' });
      const count = await admin.query(
        `select count(*)::int as n from pg_database where datname = $1`,
        [name],
      );
      expect(count.rows[0].n).toBe(1);
    } finally {
      await server.stop();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
