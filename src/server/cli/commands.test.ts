import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../testing/database';
import { repoRoot } from '../testing/server-process';
import { users } from '../features/auth/schema';
import { teamMemberships } from '../features/organisations/schema';
import { createProgramme } from '../features/organisations/save-programme';
import { createTeam } from '../features/organisations/save-team';
import { CliError, runCli } from './commands';

describe('the admin command line', () => {
  let database: TestDatabase;
  let output: string[];
  let stdin = '';
  const io = () => ({
    out: (line: string) => void output.push(line),
    readStdin: async () => stdin,
    publicUrl: 'http://localhost:3000',
  });
  const run = (...argv: string[]) => runCli(argv, database.db, io());

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
  });
  afterAll(() => database.dispose());

  it('adds a user with an invitation link, in a team', async () => {
    output = [];
    const ctx = { db: database.db, actor: null, requestId: 't' };
    const programmeId = await createProgramme(ctx, {
      name: 'P',
      periodStart: '2026-01-01',
      periodEnd: null,
      learningGoals: '',
      stakeholderGroups: [{ code: 'x_y', label: 'X' }],
      smallCellThreshold: 5,
    });
    await createTeam(ctx, {
      name: 'Team Noord',
      programmeId,
      municipalityCode: '0363',
      plannedSessions: 2,
    });
    await run(
      'user',
      'add',
      '--email',
      'Onderzoek@Voorbeeld.test',
      '--role',
      'researcher',
      '--team',
      'Team Noord',
      '--team-role',
      'consulent',
    );
    expect(output.join('\n')).toMatch(/http:\/\/localhost:3000\/link\/[A-Za-z0-9_-]{43}/);
    const [user] = await database.db
      .select()
      .from(users)
      .where(eq(users.email, 'onderzoek@voorbeeld.test'));
    expect(user).toMatchObject({ role: 'researcher', status: 'invited' });
    const memberships = await database.db
      .select()
      .from(teamMemberships)
      .where(eq(teamMemberships.userId, user!.id));
    expect(memberships[0]?.roleLabel).toBe('consulent');
  });

  it('takes a password from standard input and prints a TOTP secret', async () => {
    output = [];
    stdin = 'een lang wachtwoord van stdin\n';
    await run(
      'user',
      'add',
      '--email',
      'beheer2@voorbeeld.test',
      '--role',
      'admin',
      '--password-stdin',
      '--totp',
    );
    const [user] = await database.db
      .select()
      .from(users)
      .where(eq(users.email, 'beheer2@voorbeeld.test'));
    expect(user?.status).toBe('active');
    expect(user?.totpEnabledAt).not.toBeNull();
    expect(output.join('\n')).toMatch(/TOTP-geheim: [A-Z2-7]{16,}/);
  });

  it('refuses bad arguments with a clear message, and stores nothing', async () => {
    const before = (await database.db.select({ n: count() }).from(users))[0]!.n;
    const cases: [string[], RegExp][] = [
      [['user', 'add', '--role', 'researcher'], /--email is verplicht/],
      [['user', 'add', '--email', 'geen-adres', '--role', 'researcher'], /--email: .*e-mailadres/],
      [['user', 'add', '--email', 'a@voorbeeld.test', '--role', 'koning'], /--role/],
      [
        ['user', 'add', '--email', 'a@voorbeeld.test', '--role', 'researcher', '--kleur', 'rood'],
        /kleur/,
      ],
      [
        [
          'user',
          'add',
          '--email',
          'a@voorbeeld.test',
          '--role',
          'researcher',
          '--team',
          'Bestaat niet',
        ],
        /Geen team/,
      ],
      [
        ['user', 'add', '--email', 'onderzoek@voorbeeld.test', '--role', 'researcher'],
        /bestaat al/,
      ],
      [['user', 'vlieg'], /Onbekende opdracht: user vlieg/],
      [['user', 'disable', '--email', 'niemand@voorbeeld.test'], /geen account/],
    ];
    for (const [argv, message] of cases) {
      const error = await run(...argv).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, argv.join(' ')).toBeInstanceOf(CliError);
      expect((error as CliError).message, argv.join(' ')).toMatch(message);
      expect((error as CliError).exitCode).toBeGreaterThan(0);
    }
    stdin = 'kort';
    await expect(
      run('user', 'add', '--email', 'b@voorbeeld.test', '--role', 'admin', '--password-stdin'),
    ).rejects.toThrow(/12 tekens/);
    expect((await database.db.select({ n: count() }).from(users))[0]!.n).toBe(before);
  });

  it('disables a user and resets two-factor login', async () => {
    output = [];
    await run('user', 'reset-2fa', '--email', 'beheer2@voorbeeld.test');
    await run('user', 'disable', '--email', 'beheer2@voorbeeld.test');
    const [user] = await database.db
      .select()
      .from(users)
      .where(eq(users.email, 'beheer2@voorbeeld.test'));
    expect(user).toMatchObject({ status: 'disabled', totpEnabledAt: null });
  });

  it('verifies the access-log chain and fails with exit code 3 when it is broken', async () => {
    output = [];
    await run('audit', 'verify');
    expect(output[0]).toMatch(/intact: \d+ regels/);
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table access_log disable trigger access_log_no_update_delete`);
      await tx.execute(sql`update access_log set action = 'read' where seq = 1`);
      await tx.execute(sql`alter table access_log enable trigger access_log_no_update_delete`);
    });
    const error = (await run('audit', 'verify').catch((e: unknown) => e)) as CliError;
    expect(error.exitCode).toBe(3);
    expect(error.message).toMatch(/regel 1/);
  });
});

describe('npm run cli as a process', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kl-cli-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('exits non-zero with a message on bad arguments, and 0 on audit verify', () => {
    const env = { ...process.env, KETENLENS_DATA_DIR: dataDir };
    const bin = path.join(repoRoot, 'node_modules/.bin/tsx');
    const bad = spawnSync(bin, ['src/server/cli/main.ts', 'user', 'add', '--role', 'admin'], {
      cwd: repoRoot,
      env,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--email is verplicht/);
    const ok = spawnSync(bin, ['src/server/cli/main.ts', 'audit', 'verify'], {
      cwd: repoRoot,
      env,
      encoding: 'utf8',
    });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/Toegangslog intact/);
  }, 60_000);
});
