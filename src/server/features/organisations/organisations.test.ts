import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { createTestApp, loginAs, type AuthHeaders, type TestApp } from '../../testing/app';
import { testDatabaseKinds } from '../../testing/database';
import { defaultStakeholderGroups } from '../../../shared/contract/organisations';
import { teams } from './schema';

const standardsDir = path.resolve(__dirname, '../../../../../shared/standards/nl-regions');

describe.each(testDatabaseKinds())('the organisation layer (%s)', (kind) => {
  let test: TestApp;
  let admin: AuthHeaders;
  let researcher: AuthHeaders;

  beforeAll(async () => {
    test = await createTestApp(kind);
    admin = await loginAs(test, 'admin');
    researcher = await loginAs(test, 'researcher');
  });
  afterAll(() => test.close());

  const get = (url: string, headers: AuthHeaders = admin) =>
    test.app.inject({ method: 'GET', url, headers });
  const send = (
    method: 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
    headers: AuthHeaders = admin,
  ) => test.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  async function createProgramme(name: string, extra: object = {}) {
    const response = await send('POST', '/api/programmes', {
      name,
      periodStart: '2026-01-01',
      ...extra,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  describe('regions and municipalities', () => {
    it('holds the 42 youth-care regions and the 342 municipalities of 2026', async () => {
      expect((await get('/api/regions?pageSize=1')).json().total).toBe(42);
      const regions = (await get('/api/regions?pageSize=50')).json().items;
      const gooi = regions.find((r: { name: string }) => r.name === 'Gooi en Vechtstreek');
      expect(gooi.municipalityCount).toBe(5);
      expect(
        regions.reduce(
          (sum: number, r: { municipalityCount: number }) => sum + r.municipalityCount,
          0,
        ),
      ).toBe(342);
      expect((await get('/api/municipalities?pageSize=1')).json().total).toBe(342);
    });

    it("sorts municipalities the Dutch way ('s-Hertogenbosch under H, IJsselstein under I)", async () => {
      const names: string[] = [];
      for (let page = 1; page <= 2; page++) {
        const body = (await get(`/api/municipalities?pageSize=200&page=${page}`)).json();
        names.push(...body.items.map((m: { name: string }) => m.name));
      }
      expect(names).toHaveLength(342);
      const at = (name: string) => names.indexOf(name);
      expect(names.slice(at("'s-Hertogenbosch") - 1, at("'s-Hertogenbosch") + 2)).toEqual([
        'Hengelo (O.)',
        "'s-Hertogenbosch",
        'Het Hogeland',
      ]);
      expect(names.slice(at("'s-Gravenhage") - 1, at("'s-Gravenhage") + 2)).toEqual([
        'Gouda',
        "'s-Gravenhage",
        'Groningen',
      ]);
      expect(names.slice(at('IJsselstein') - 1, at('IJsselstein') + 2)).toEqual([
        'Hulst',
        'IJsselstein',
        'Kaag en Braassem',
      ]);
      expect(names[0]).toBe('Aa en Hunze');
      const reversed = (await get('/api/municipalities?pageSize=1&sort=-name')).json();
      expect(reversed.items[0].name).toBe('Zwolle');
    });

    it('filters municipalities by region and searches by name', async () => {
      const body = (await get('/api/municipalities?region=JZ13&pageSize=50')).json();
      expect(body.items.map((m: { name: string }) => m.name)).toContain('Amsterdam');
      expect(body.items.every((m: { regionCode: string }) => m.regionCode === 'JZ13')).toBe(true);
      const search = (await get('/api/municipalities?q=bosch')).json();
      expect(search.items.map((m: { name: string }) => m.name)).toContain("'s-Hertogenbosch");
    });

    it('matches the CBS-derived reference files, municipality by municipality', async (context) => {
      const file = path.join(standardsDir, 'gemeenten_2026_jeugdregio.csv');
      if (!fs.existsSync(file)) {
        console.warn(
          `[skip] ${file} is absent: the reference data was not compared with its source.`,
        );
        context.skip();
      }
      const rows: Record<string, string>[] = parse(fs.readFileSync(file, 'utf8'), {
        columns: true,
      });
      const served = new Map<string, { name: string; regionCode: string }>();
      for (let page = 1; page <= 2; page++) {
        for (const m of (await get(`/api/municipalities?pageSize=200&page=${page}`)).json().items)
          served.set(m.code, m);
      }
      for (const row of rows) {
        expect(served.get(row.gemeentecode!), row.gemeentenaam).toMatchObject({
          name: row.gemeentenaam,
          regionCode: row.jeugdregio_code,
        });
      }
    });
  });

  describe('programmes', () => {
    it('creates a programme with the default stakeholder groups and small-cell threshold', async () => {
      const programme = await createProgramme('Actieleren Gooi en Vechtstreek 2026');
      expect(programme.stakeholderGroups).toEqual(defaultStakeholderGroups);
      expect(programme.smallCellThreshold).toBe(5);
      expect(programme.abilities).toEqual({ update: true, archive: true });
      const asResearcher = (await get(`/api/programmes/${programme.id}`, researcher)).json();
      expect(asResearcher.abilities).toEqual({ update: false, archive: false });
    });

    it('refuses an end before the start and duplicate stakeholder codes, naming the fields', async () => {
      const response = await send('POST', '/api/programmes', {
        name: 'Fout',
        periodStart: '2026-06-01',
        periodEnd: '2026-01-01',
        stakeholderGroups: [
          { code: 'gemeenten', label: 'Gemeenten' },
          { code: 'gemeenten', label: 'Nog eens' },
        ],
      });
      expect(response.statusCode).toBe(400);
      const paths = response
        .json()
        .error.details.fields.map((f: { path: string }) => f.path)
        .sort();
      expect(paths).toEqual(['periodEnd', 'stakeholderGroups.1.code']);
    });

    it('edits with optimistic concurrency: a stale version gets 409 and changes nothing', async () => {
      const programme = await createProgramme('Programma Versies');
      const edit = { ...programme, name: 'Programma Versies (nieuw)', smallCellThreshold: 10 };
      delete edit.id;
      delete edit.teamCount;
      delete edit.abilities;
      delete edit.archivedAt;
      const first = await send('PUT', `/api/programmes/${programme.id}`, edit);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({
        name: 'Programma Versies (nieuw)',
        smallCellThreshold: 10,
        version: 2,
      });
      const stale = await send('PUT', `/api/programmes/${programme.id}`, {
        ...edit,
        name: 'Overschreven',
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('CONFLICT');
      expect((await get(`/api/programmes/${programme.id}`)).json().name).toBe(
        'Programma Versies (nieuw)',
      );
    });

    it('lets only administrators create or edit, and answers others with 404', async () => {
      const response = await send(
        'POST',
        '/api/programmes',
        { name: 'Niet toegestaan', periodStart: '2026-01-01' },
        researcher,
      );
      expect(response.statusCode).toBe(404);
      const list = (await get('/api/programmes?q=Niet%20toegestaan')).json();
      expect(list.total).toBe(0);
    });

    it('archives and restores, hiding archived programmes unless asked', async () => {
      const programme = await createProgramme('Programma Archief');
      const archived = await send('POST', `/api/programmes/${programme.id}/archive`, {
        isArchived: true,
      });
      expect(archived.json().archivedAt).toEqual(expect.any(String));
      expect((await get('/api/programmes?q=Archief')).json().total).toBe(0);
      expect((await get('/api/programmes?q=Archief&includeArchived=true')).json().total).toBe(1);
      const restored = await send('POST', `/api/programmes/${programme.id}/archive`, {
        isArchived: false,
      });
      expect(restored.json().archivedAt).toBeNull();
    });

    it('answers a programme that does not exist with 404', async () => {
      const response = await get('/api/programmes/00000000-0000-4000-8000-000000000000');
      expect(response.statusCode).toBe(404);
    });
  });

  describe('teams and memberships', () => {
    let programmeId: string;
    beforeAll(async () => {
      programmeId = (await createProgramme('Programma Teams')).id;
    });

    it('creates a team in a municipality and lists it with its programme', async () => {
      const response = await send('POST', '/api/teams', {
        name: 'Uitvoeringsteam Hilversum',
        programmeId,
        municipalityCode: '0402',
        plannedSessions: 6,
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({
        municipalityName: 'Hilversum',
        programmeName: 'Programma Teams',
        plannedSessions: 6,
        memberCount: 0,
      });
      const list = (await get(`/api/teams?programmeId=${programmeId}`)).json();
      expect(list.items.map((t: { name: string }) => t.name)).toEqual([
        'Uitvoeringsteam Hilversum',
      ]);
    });

    it('refuses an unknown municipality or programme and stores nothing', async () => {
      const before = (await test.database.db.select({ n: count() }).from(teams))[0]!.n;
      let response = await send('POST', '/api/teams', {
        name: 'Spookteam',
        programmeId,
        municipalityCode: '9999',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('INVALID_INPUT');
      response = await send('POST', '/api/teams', {
        name: 'Spookteam',
        programmeId: '00000000-0000-4000-8000-000000000000',
        municipalityCode: '0402',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details.fields[0].path).toBe('programmeId');
      const after = (await test.database.db.select({ n: count() }).from(teams))[0]!.n;
      expect(after).toBe(before);
    });

    it('paginates and sorts teams in the database', async () => {
      for (const name of ['Team Ürk', 'Team Amersfoort', "Team 's-Hertogenbosch", 'Team Zwolle']) {
        await send('POST', '/api/teams', { name, programmeId, municipalityCode: '0363' });
      }
      const first = (
        await get(`/api/teams?programmeId=${programmeId}&pageSize=2&sort=name`)
      ).json();
      const second = (
        await get(`/api/teams?programmeId=${programmeId}&pageSize=2&page=2&sort=name`)
      ).json();
      const third = (
        await get(`/api/teams?programmeId=${programmeId}&pageSize=2&page=3&sort=name`)
      ).json();
      expect(first.total).toBe(5);
      expect(
        [...first.items, ...second.items, ...third.items].map((t: { name: string }) => t.name),
      ).toEqual([
        'Team Amersfoort',
        "Team 's-Hertogenbosch",
        'Team Ürk',
        'Team Zwolle',
        'Uitvoeringsteam Hilversum',
      ]);
    });

    it('adds members with a role label, changes the label, removes them', async () => {
      const team = (await get(`/api/teams?programmeId=${programmeId}&q=Hilversum`)).json().items[0];
      const member = await loginAs(test, 'professional');
      let response = await send('PUT', `/api/teams/${team.id}/members`, {
        userId: member.user.id,
        roleLabel: 'consulent',
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().items).toEqual([
        expect.objectContaining({ userId: member.user.id, roleLabel: 'consulent' }),
      ]);
      response = await send('PUT', `/api/teams/${team.id}/members`, {
        userId: member.user.id,
        roleLabel: 'gedragswetenschapper',
      });
      expect(response.json().items[0].roleLabel).toBe('gedragswetenschapper');
      expect((await get(`/api/teams/${team.id}`)).json().memberCount).toBe(1);
      // Members see their own team's members; a researcher outside the team does not.
      expect((await get(`/api/teams/${team.id}/members`, member)).statusCode).toBe(200);
      expect((await get(`/api/teams/${team.id}/members`, researcher)).statusCode).toBe(404);
      response = await send('DELETE', `/api/teams/${team.id}/members/${member.user.id}`);
      expect(response.statusCode).toBe(204);
      response = await send('DELETE', `/api/teams/${team.id}/members/${member.user.id}`);
      expect(response.statusCode).toBe(404);
    });

    it('refuses participants and policymakers as team members', async () => {
      const team = (await get(`/api/teams?programmeId=${programmeId}&q=Hilversum`)).json().items[0];
      for (const role of ['participant', 'policymaker'] as const) {
        const user = await loginAs(test, role);
        const response = await send('PUT', `/api/teams/${team.id}/members`, {
          userId: user.user.id,
          roleLabel: 'other',
        });
        expect(response.statusCode, role).toBe(400);
      }
      expect((await get(`/api/teams/${team.id}/members`)).json().items).toEqual([]);
    });

    it('refuses a new team in an archived programme', async () => {
      const archived = await createProgramme('Programma Oud');
      await send('POST', `/api/programmes/${archived.id}/archive`, { isArchived: true });
      const response = await send('POST', '/api/teams', {
        name: 'Te laat',
        programmeId: archived.id,
        municipalityCode: '0363',
      });
      expect(response.statusCode).toBe(400);
    });
  });

  describe('organisations', () => {
    it('creates, edits and filters organisations by type', async () => {
      const created = await send('POST', '/api/organisations', {
        name: 'Jeugdzorg Fictief Oost',
        type: 'care_provider',
        municipalityCode: '0363',
      });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ municipalityName: 'Amsterdam', version: 1 });
      await send('POST', '/api/organisations', { name: 'Fictief College', type: 'school' });
      const schools = (await get('/api/organisations?type=school')).json();
      expect(schools.items.map((o: { name: string }) => o.name)).toEqual(['Fictief College']);
      const edited = await send('PUT', `/api/organisations/${created.json().id}`, {
        name: 'Jeugdzorg Fictief West',
        type: 'care_provider',
        municipalityCode: null,
        version: 1,
      });
      expect(edited.json()).toMatchObject({
        name: 'Jeugdzorg Fictief West',
        municipalityCode: null,
        version: 2,
      });
    });

    it('refuses an unknown organisation type and an unknown municipality', async () => {
      let response = await send('POST', '/api/organisations', { name: 'X', type: 'bank' });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details.fields[0].path).toBe('type');
      response = await send('POST', '/api/organisations', {
        name: 'X',
        type: 'other',
        municipalityCode: '9999',
      });
      expect(response.statusCode).toBe(400);
    });
  });
});
