// The synthesis board and its threads through the API: who may read and change them (case staff
// read, researchers of the programme write, policymakers and administrators only see the landing
// list), themes made, renamed, reordered and archived, codes moved onto, between and off themes,
// a theme promoted to a thread, edits as versions with what changed, superseding (a merge) and
// withdrawing; every bad input answers 4xx with a code and a Dutch message and stores nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { createTestApp, loginAs, type AuthHeaders, type TestApp } from '../../testing/app';
import { testDatabaseKinds } from '../../testing/database';
import { caseFixture, headersOf, type Session } from '../../testing/fixtures';
import { accessLog } from '../audit/schema';
import {
  boardSchema,
  synthesisProgrammesSchema,
  threadListSchema,
  threadSchema,
  threadVersionsSchema,
  type Board,
  type Thread,
} from '../../../shared/contract/synthesis';
import {
  synthesisThemeCodes,
  synthesisThemes,
  synthesisThreads,
  synthesisThreadVersions,
} from './schema';

describe.each(testDatabaseKinds())('the synthesis board and threads (%s)', (kind) => {
  let test: TestApp;
  let fx: Awaited<ReturnType<typeof caseFixture>>;
  let professional: Session;
  let policymaker: Session;
  let otherResearcher: Session;
  let otherProgrammeId: string;
  let foreignCodeId: string;
  const codes: Record<string, string> = {};
  const now = new Date('2026-06-01T09:00:00Z');

  const call = (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    session: AuthHeaders = fx.researcher,
    payload?: object,
  ) =>
    test.app.inject({ method, url, headers: headersOf(session), ...(payload ? { payload } : {}) });
  const base = () => `/api/programmes/${fx.programmeId}/synthesis`;
  const board = async (session: AuthHeaders = fx.researcher): Promise<Board> => {
    const response = await call('GET', `${base()}/themes`, session);
    expect(response.statusCode, response.body).toBe(200);
    return boardSchema.parse(response.json());
  };
  const thread = async (id: string): Promise<Thread> => {
    const response = await call('GET', `${base()}/threads/${id}`);
    expect(response.statusCode, response.body).toBe(200);
    return threadSchema.parse(response.json());
  };
  const rows = async (table: typeof synthesisThreads | typeof synthesisThemes) =>
    (await test.database.db.select({ n: count() }).from(table))[0]!.n;
  const versionRows = async () =>
    (await test.database.db.select({ n: count() }).from(synthesisThreadVersions))[0]!.n;
  const expectError = (
    response: { statusCode: number; json: () => unknown },
    status: number,
    code: string,
  ) => {
    expect(response.statusCode).toBe(status);
    const body = response.json() as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(5);
    return body.error as { code: string; message: string; details?: Record<string, unknown> };
  };
  const themeByName = (b: Board, name: string) => b.themes.find((t) => t.name === name)!;

  beforeAll(async () => {
    test = await createTestApp(kind, { clock: () => now });
    fx = await caseFixture(test);
    professional = await loginAs(test, 'professional');
    await fx.call(fx.admin, 'PUT', `/api/teams/${fx.teamId}/members`, {
      userId: professional.user.id,
      roleLabel: 'other',
    });
    policymaker = await loginAs(test, 'policymaker');
    // Another programme with its own team, researcher and code.
    otherResearcher = await loginAs(test, 'researcher');
    otherProgrammeId = (
      await fx.call(fx.admin, 'POST', '/api/programmes', {
        name: 'Ander programma',
        periodStart: '2026-01-01',
      })
    ).id;
    const otherTeam = (
      await fx.call(fx.admin, 'POST', '/api/teams', {
        name: 'Team elders',
        programmeId: otherProgrammeId,
        municipalityCode: '0344',
      })
    ).id;
    await fx.call(fx.admin, 'PUT', `/api/teams/${otherTeam}/members`, {
      userId: otherResearcher.user.id,
      roleLabel: 'action_learner',
    });
    foreignCodeId = (
      await fx.call(otherResearcher, 'POST', `/api/programmes/${otherProgrammeId}/codes`, {
        name: 'Elders',
      })
    ).id;
    for (const name of ['Wachtlijst', 'Overplaatsing', 'Schooluitval', 'Niet gehoord', 'Oud']) {
      codes[name] = (
        await fx.call(fx.researcher, 'POST', `/api/programmes/${fx.programmeId}/codes`, { name })
      ).id;
    }
    const archived = await call(
      'POST',
      `/api/programmes/${fx.programmeId}/codes/${codes.Oud}/archive`,
      fx.researcher,
      {
        version: 1,
      },
    );
    expect(archived.statusCode, archived.body).toBe(200);
    // Crafted kept counts: two cases of the researcher's team, three of the other team.
    await test.database.db.execute(sql`
      insert into qda_team_codes (code_id, team_id, institution_type, cases_total, sub_total, own_total)
      values (${codes.Wachtlijst}, ${fx.teamId}, 'jji', 2, 4, 4),
             (${codes.Wachtlijst}, ${fx.otherTeamId}, 'jji', 3, 3, 3)`);
  });
  afterAll(() => test.close());

  it('lists the programmes with what each reader may open there', async () => {
    const mine = synthesisProgrammesSchema.parse(
      (await call('GET', '/api/synthesis/programmes')).json(),
    );
    expect(mine.items.map((p) => p.id)).toEqual([fx.programmeId]);
    expect(mine.items[0]!.abilities).toEqual({
      read: true,
      write: true,
      report: true,
      aggregates: true,
      review: false,
    });
    const theirs = synthesisProgrammesSchema.parse(
      (await call('GET', '/api/synthesis/programmes', professional)).json(),
    );
    expect(theirs.items[0]!.abilities).toMatchObject({ read: true, write: false, report: false });
    const policy = synthesisProgrammesSchema.parse(
      (await call('GET', '/api/synthesis/programmes', policymaker)).json(),
    );
    expect(policy.items.map((p) => p.id).sort()).toEqual([fx.programmeId, otherProgrammeId].sort());
    for (const p of policy.items)
      expect(p.abilities).toEqual({
        read: false,
        write: false,
        report: false,
        aggregates: true,
        review: false,
      });
  });

  it('shows the board with the active codes, not grouped, and case counts of the reader’s teams', async () => {
    const b = await board();
    expect(b.programmeName).toBe('Programma');
    expect(b.abilities.write).toBe(true);
    expect(b.themes).toEqual([]);
    expect(b.codes.map((c) => c.name).sort()).toEqual(
      ['Niet gehoord', 'Overplaatsing', 'Schooluitval', 'Wachtlijst'].sort(),
    );
    expect(b.codes.every((c) => c.themeId === null)).toBe(true);
    // Only the researcher's own team counts: 2, not 5.
    expect(b.codes.find((c) => c.id === codes.Wachtlijst)!.caseCount).toBe(2);
    expect(b.codes.find((c) => c.id === codes.Schooluitval)!.caseCount).toBe(0);
    // Read by staff of the programme; not by a policymaker, an administrator or someone elsewhere.
    expect((await board(professional)).abilities.write).toBe(false);
    for (const session of [policymaker, fx.admin, otherResearcher])
      expectError(await call('GET', `${base()}/themes`, session), 404, 'NOT_FOUND');
    const logged = await test.database.db
      .select({ n: count() })
      .from(accessLog)
      .where(
        and(
          eq(accessLog.resourceType, 'synthesis_theme'),
          eq(accessLog.resourceId, fx.programmeId),
          eq(accessLog.action, 'list'),
        ),
      );
    expect(logged[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it('makes, renames and reorders themes; refuses an empty or doubled name and a stale version', async () => {
    for (const name of ['Hulp komt te laat', 'Steeds opnieuw beginnen', 'Onderwijs'])
      expect((await call('POST', `${base()}/themes`, fx.researcher, { name })).statusCode).toBe(
        201,
      );
    expectError(
      await call('POST', `${base()}/themes`, fx.researcher, { name: '  ' }),
      400,
      'INVALID_INPUT',
    );
    const doubled = expectError(
      await call('POST', `${base()}/themes`, fx.researcher, { name: 'onderwijs' }),
      400,
      'INVALID_INPUT',
    );
    expect(doubled.message).toMatch(/al een thema/);
    expect(await rows(synthesisThemes)).toBe(3);
    // A professional reads but does not change; a policymaker is not told the programme exists,
    // not even about bad input.
    expectError(
      await call('POST', `${base()}/themes`, professional, { name: 'X' }),
      404,
      'NOT_FOUND',
    );
    expectError(await call('POST', `${base()}/themes`, policymaker, {}), 404, 'NOT_FOUND');

    let b = await board();
    const school = themeByName(b, 'Onderwijs');
    const renamed = await call('PUT', `${base()}/themes/${school.id}`, fx.researcher, {
      name: 'Onderwijs en school',
      description: 'Uitval, thuiszitten, geen passende plek',
      version: school.version,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const conflict = expectError(
      await call('PUT', `${base()}/themes/${school.id}`, fx.researcher, {
        name: 'Oude naam',
        version: school.version,
      }),
      409,
      'CONFLICT',
    );
    expect(conflict.details?.current).toMatchObject({ name: 'Onderwijs en school', version: 2 });
    b = await board();
    expect(themeByName(b, 'Onderwijs en school').description).toBe(
      'Uitval, thuiszitten, geen passende plek',
    );
    const moved = await call('POST', `${base()}/themes/${school.id}/move`, fx.researcher, {
      version: 2,
      position: 0,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(boardSchema.parse(moved.json()).themes.map((t) => t.name)).toEqual([
      'Onderwijs en school',
      'Hulp komt te laat',
      'Steeds opnieuw beginnen',
    ]);
    expectError(
      await call('PUT', `${base()}/themes/00000000-0000-4000-8000-000000000000`, fx.researcher, {
        name: 'X',
        version: 1,
      }),
      404,
      'NOT_FOUND',
    );
  });

  it('moves codes onto a theme, between themes and back; refuses foreign codes, unknown themes and stale moves', async () => {
    const b = await board();
    const late = themeByName(b, 'Hulp komt te laat');
    const again = themeByName(b, 'Steeds opnieuw beginnen');
    const place = (payload: object) =>
      call('POST', `${base()}/themes/placements`, fx.researcher, payload);
    expect(
      (await place({ codeId: codes.Wachtlijst, themeId: late.id, fromThemeId: null })).statusCode,
    ).toBe(200);
    expect(
      (await place({ codeId: codes['Niet gehoord'], themeId: late.id, fromThemeId: null }))
        .statusCode,
    ).toBe(200);
    // Before the first code: the order inside the theme follows.
    const placed = await place({
      codeId: codes.Overplaatsing,
      themeId: late.id,
      fromThemeId: null,
      position: 0,
    });
    expect(themeByName(boardSchema.parse(placed.json()), 'Hulp komt te laat').codeIds).toEqual([
      codes.Overplaatsing,
      codes.Wachtlijst,
      codes['Niet gehoord'],
    ]);
    // Between themes, then back to "not grouped".
    expect(
      (await place({ codeId: codes.Overplaatsing, themeId: again.id, fromThemeId: late.id }))
        .statusCode,
    ).toBe(200);
    const back = await place({
      codeId: codes['Niet gehoord'],
      themeId: null,
      fromThemeId: late.id,
    });
    const after = boardSchema.parse(back.json());
    expect(after.codes.find((c) => c.id === codes['Niet gehoord'])!.themeId).toBeNull();
    expect(themeByName(after, 'Steeds opnieuw beginnen').codeIds).toEqual([codes.Overplaatsing]);

    const before = await test.database.db.select().from(synthesisThemeCodes);
    const foreign = expectError(
      await place({ codeId: foreignCodeId, themeId: late.id, fromThemeId: null }),
      400,
      'INVALID_INPUT',
    );
    expect(foreign.message).toMatch(/codeboek van dit programma/);
    expectError(
      await place({ codeId: codes.Oud, themeId: late.id, fromThemeId: null }),
      400,
      'INVALID_INPUT',
    );
    const unknownTheme = expectError(
      await place({
        codeId: codes.Schooluitval,
        themeId: '00000000-0000-4000-8000-000000000000',
        fromThemeId: null,
      }),
      400,
      'INVALID_INPUT',
    );
    expect(unknownTheme.message).toMatch(/thema/);
    // The screen still thought Wachtlijst was not grouped: someone moved it since.
    const staleMove = expectError(
      await place({ codeId: codes.Wachtlijst, themeId: again.id, fromThemeId: null }),
      409,
      'CONFLICT',
    );
    expect(staleMove.message).toMatch(/Hulp komt te laat/);
    expect(await test.database.db.select().from(synthesisThemeCodes)).toEqual(before);
  });

  it('archives a theme: its codes go back to "not grouped"; restores it empty', async () => {
    const empty = await call('POST', `${base()}/themes`, fx.researcher, { name: 'Tijdelijk' });
    const theme = themeByName(boardSchema.parse(empty.json()), 'Tijdelijk');
    await call('POST', `${base()}/themes/placements`, fx.researcher, {
      codeId: codes.Schooluitval,
      themeId: theme.id,
      fromThemeId: null,
    });
    const archived = await call('POST', `${base()}/themes/${theme.id}/archive`, fx.researcher, {
      version: theme.version,
    });
    expect(archived.statusCode, archived.body).toBe(200);
    const b = boardSchema.parse(archived.json());
    expect(themeByName(b, 'Tijdelijk').archived).toBe(true);
    expect(b.codes.find((c) => c.id === codes.Schooluitval)!.themeId).toBeNull();
    expectError(
      await call('POST', `${base()}/themes/placements`, fx.researcher, {
        codeId: codes.Schooluitval,
        themeId: theme.id,
        fromThemeId: null,
      }),
      400,
      'INVALID_INPUT',
    );
    expectError(
      await call('POST', `${base()}/themes/${theme.id}/archive`, fx.researcher, { version: 1 }),
      409,
      'CONFLICT',
    );
    const restored = await call('POST', `${base()}/themes/${theme.id}/restore`, fx.researcher, {
      version: theme.version + 1,
    });
    expect(restored.statusCode, restored.body).toBe(200);
    const r = themeByName(boardSchema.parse(restored.json()), 'Tijdelijk');
    expect(r.archived).toBe(false);
    expect(r.codeIds).toEqual([]);
  });

  let first: Thread;
  let second: Thread;

  it('promotes a theme to thread 1 with the theme’s codes, and makes thread 2 directly', async () => {
    const late = themeByName(await board(), 'Hulp komt te laat');
    const promoted = await call('POST', `${base()}/threads`, fx.researcher, {
      title: 'Hulp komt pas als het escaleert',
      description: 'Jongeren wachten lang op passende hulp.',
      themeId: late.id,
      note: 'Uit het themabord',
    });
    expect(promoted.statusCode, promoted.body).toBe(201);
    first = threadSchema.parse(promoted.json());
    expect(first).toMatchObject({ number: 1, status: 'active', version: 1 });
    expect(first.theme).toEqual({ id: late.id, name: 'Hulp komt te laat' });
    expect(first.codes.map((c) => c.id)).toEqual([codes.Wachtlijst]);
    expect(first.abilities.edit).toBe(true);
    expect(themeByName(await board(), 'Hulp komt te laat').threads).toEqual([
      { id: first.id, number: 1, status: 'active' },
    ]);

    const direct = await call('POST', `${base()}/threads`, fx.researcher, {
      title: 'Steeds opnieuw beginnen',
      codeIds: [codes.Overplaatsing],
    });
    expect(direct.statusCode, direct.body).toBe(201);
    second = threadSchema.parse(direct.json());
    expect(second.number).toBe(2);

    const read = await call('GET', `${base()}/threads/${first.id}`, professional);
    expect(threadSchema.parse(read.json()).abilities.edit).toBe(false);
    expectError(await call('GET', `${base()}/threads/${first.id}`, policymaker), 404, 'NOT_FOUND');
    expectError(
      await call(
        'GET',
        `/api/programmes/${otherProgrammeId}/synthesis/threads/${first.id}`,
        otherResearcher,
      ),
      404,
      'NOT_FOUND',
    );
  });

  it('refuses a thread with an empty title, without codes, with a foreign or archived code, or from an empty theme — and stores nothing', async () => {
    const threads = await rows(synthesisThreads);
    const versions = await versionRows();
    const post = (payload: object) => call('POST', `${base()}/threads`, fx.researcher, payload);
    const empty = expectError(
      await post({ title: ' ', codeIds: [codes.Wachtlijst] }),
      400,
      'INVALID_INPUT',
    );
    expect(empty.message.length).toBeGreaterThan(5);
    expectError(await post({ title: 'Zonder codes' }), 400, 'INVALID_INPUT');
    const foreign = expectError(
      await post({ title: 'Vreemd', codeIds: [codes.Wachtlijst, foreignCodeId] }),
      400,
      'INVALID_INPUT',
    );
    expect((foreign.details?.fields as { path: string }[])[0]!.path).toBe('codeIds.1');
    expectError(await post({ title: 'Gearchiveerd', codeIds: [codes.Oud] }), 400, 'INVALID_INPUT');
    const emptyTheme = themeByName(await board(), 'Tijdelijk');
    const fromEmpty = expectError(
      await post({ title: 'Leeg', themeId: emptyTheme.id }),
      400,
      'INVALID_INPUT',
    );
    expect(fromEmpty.message).toMatch(/nog geen codes/);
    expectError(
      await post({ title: 'Onbekend', themeId: '00000000-0000-4000-8000-000000000000' }),
      400,
      'INVALID_INPUT',
    );
    expect(await rows(synthesisThreads)).toBe(threads);
    expect(await versionRows()).toBe(versions);
  });

  it('edits a thread as a new version and shows what changed; a stale edit is a 409 that changes nothing', async () => {
    const edited = await call('PUT', `${base()}/threads/${first.id}`, fx.researcher, {
      title: 'Hulp komt pas als het escaleert',
      description:
        'Jongeren en ouders wachten maanden op passende hulp; pas na een crisis volgt een plek.',
      codeIds: [codes.Wachtlijst, codes['Niet gehoord']],
      version: 1,
      note: 'Niet gehoord worden hoort erbij',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(threadSchema.parse(edited.json()).version).toBe(2);
    const versions = threadVersionsSchema.parse(
      (await call('GET', `${base()}/threads/${first.id}/versions`)).json(),
    ).items;
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[0]).toMatchObject({
      change: 'updated',
      changedFields: ['description', 'codes'],
      codesAdded: ['Niet gehoord'],
      codesRemoved: [],
      note: 'Niet gehoord worden hoort erbij',
    });
    expect(versions[0]!.changedBy).toBeTruthy();
    expect(versions[1]).toMatchObject({
      change: 'promoted',
      changedFields: [],
      note: 'Uit het themabord',
    });

    const before = await versionRows();
    const stale = expectError(
      await call('PUT', `${base()}/threads/${first.id}`, fx.researcher, {
        title: 'Andere titel',
        codeIds: [codes.Wachtlijst],
        version: 1,
      }),
      409,
      'CONFLICT',
    );
    expect(stale.details?.current).toMatchObject({ version: 2 });
    expect(stale.details?.yours).toMatchObject({ title: 'Andere titel' });
    expectError(
      await call('PUT', `${base()}/threads/${first.id}`, fx.researcher, {
        title: 'Vreemd',
        codeIds: [foreignCodeId],
        version: 2,
      }),
      400,
      'INVALID_INPUT',
    );
    expect(await versionRows()).toBe(before);
    expect((await thread(first.id)).title).toBe('Hulp komt pas als het escaleert');
  });

  let merged: Thread;

  it('supersedes two threads by a new one (a merge): both stay readable and point to it', async () => {
    const foreignThread = (
      await call('POST', `/api/programmes/${otherProgrammeId}/synthesis/threads`, otherResearcher, {
        title: 'Elders',
        codeIds: [foreignCodeId],
      })
    ).json() as Thread;
    const before = await rows(synthesisThreads);
    const supersede = (payload: object) =>
      call('POST', `${base()}/threads/${first.id}/supersede`, fx.researcher, payload);
    const foreign = expectError(
      await supersede({ version: 2, byThreadId: foreignThread.id }),
      400,
      'INVALID_INPUT',
    );
    expect(foreign.message).toMatch(/hoort niet bij dit programma/);
    expectError(await supersede({ version: 2, byThreadId: first.id }), 400, 'INVALID_INPUT');
    expectError(await supersede({ version: 2 }), 400, 'INVALID_INPUT');
    expectError(await supersede({ version: 1, byThreadId: second.id }), 409, 'CONFLICT');
    // A merge where the second thread's version is stale stores nothing, not even the new thread.
    expectError(
      await supersede({
        version: 2,
        replacement: { title: 'Nieuw', codeIds: [codes.Wachtlijst] },
        mergeWith: [{ threadId: second.id, version: 9 }],
      }),
      409,
      'CONFLICT',
    );
    expect(await rows(synthesisThreads)).toBe(before);

    const done = await supersede({
      version: 2,
      note: 'Samengevoegd na de leerbijeenkomst',
      replacement: {
        title: 'Zonder passende plek: wachten, overplaatsen en opnieuw beginnen',
        description: 'Wachten en overplaatsingen versterken elkaar.',
        codeIds: [codes.Wachtlijst, codes.Overplaatsing, codes['Niet gehoord']],
      },
      mergeWith: [{ threadId: second.id, version: 1 }],
    });
    expect(done.statusCode, done.body).toBe(200);
    merged = threadSchema.parse(done.json());
    expect(merged.number).toBe(3);
    expect(merged.supersedes.map((t) => t.number)).toEqual([1, 2]);
    const old = await thread(first.id);
    expect(old).toMatchObject({ status: 'superseded', version: 3 });
    expect(old.supersededBy).toMatchObject({ id: merged.id, number: 3 });
    expect(old.abilities.edit).toBe(false);
    expect((await thread(second.id)).supersededBy?.id).toBe(merged.id);
    const versions = threadVersionsSchema.parse(
      (await call('GET', `${base()}/threads/${first.id}/versions`)).json(),
    ).items;
    expect(versions[0]).toMatchObject({ change: 'superseded', changedFields: ['status'] });
    expect(versions[0]!.supersededBy?.number).toBe(3);
    // A superseded thread is not edited, superseded or withdrawn again.
    expectError(
      await call('PUT', `${base()}/threads/${first.id}`, fx.researcher, {
        title: 'Toch',
        codeIds: [codes.Wachtlijst],
        version: 3,
      }),
      409,
      'CONFLICT',
    );
    expectError(
      await call('POST', `${base()}/threads/${first.id}/withdraw`, fx.researcher, {
        version: 3,
        reason: 'x',
      }),
      409,
      'CONFLICT',
    );
  });

  it('withdraws a thread only with a reason; the list shows active threads first and the rest on request', async () => {
    const made = threadSchema.parse(
      (
        await call('POST', `${base()}/threads`, fx.researcher, {
          title: 'Te vroeg',
          codeIds: [codes.Schooluitval],
        })
      ).json(),
    );
    const before = await versionRows();
    const noReason = expectError(
      await call('POST', `${base()}/threads/${made.id}/withdraw`, fx.researcher, {
        version: 1,
        reason: '   ',
      }),
      400,
      'INVALID_INPUT',
    );
    expect(noReason.message.length).toBeGreaterThan(5);
    expect(await versionRows()).toBe(before);
    const withdrawn = await call('POST', `${base()}/threads/${made.id}/withdraw`, fx.researcher, {
      version: 1,
      reason: 'Berust op één casus; eerst meer casussen bespreken.',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(threadSchema.parse(withdrawn.json())).toMatchObject({
      status: 'withdrawn',
      statusReason: 'Berust op één casus; eerst meer casussen bespreken.',
    });

    const active = threadListSchema.parse((await call('GET', `${base()}/threads`)).json());
    expect(active.items.map((t) => t.number)).toEqual([3]);
    expect(active.hidden).toBe(3);
    expect(active.abilities.create).toBe(true);
    const all = threadListSchema.parse(
      (await call('GET', `${base()}/threads?show=all`, professional)).json(),
    );
    expect(all.items.map((t) => [t.number, t.status])).toEqual([
      [3, 'active'],
      [1, 'superseded'],
      [2, 'superseded'],
      [4, 'withdrawn'],
    ]);
    expect(all.items[1]!.supersededBy?.number).toBe(3);
    expect(all.abilities.create).toBe(false);
  });

  it('logs every thread read and write', async () => {
    const entries = await test.database.db
      .select({ action: accessLog.action })
      .from(accessLog)
      .where(
        and(eq(accessLog.resourceType, 'synthesis_thread'), eq(accessLog.resourceId, merged.id)),
      );
    const actions = entries.map((e) => e.action);
    expect(actions).toContain('create');
    expect(actions).toContain('read');
  });
});
