// REFI-QDA exchange through the API: the export validates against the official schemas, its
// character positions land on the intended text (accents and emoji included), the round trip
// export → import into a new programme → export gives the same content, bad files are refused
// with the place named and nothing stored, and the real tool sample imports.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { validateXML } from 'xmllint-wasm';
import { createTestApp, loginAs, type AuthHeaders, type TestApp } from '../../testing/app';
import { testDatabaseKinds } from '../../testing/database';
import { caseFixture, headersOf, type Session } from '../../testing/fixtures';
import type { Code, ImportReport, InterviewList } from '../../../shared/contract/coding';
import { openQdpx } from '../qda/refi/read';
import { sliceCodePoints } from '../qda/refi/positions';
import type { RefiCode, RefiProject } from '../qda/refi/model';
import { qdaCodes, qdaSegments, qdaSources } from './schema';
import { cases } from '../cases/schema';

const standards = path.resolve('../shared/standards/refi-qda');
const transcript = [
  'Interviewer: Hoe was het in de gezinshuis-periode?',
  'Jongere: Eerlijk gezegd 😀 was het fijn, mijn mentor was één van de goeden.',
  'Jongere: Maar de overplaatsing naar de JJI kwam als een klap 👨‍👩‍👧.',
  'Moeder: Wij werden niet gehoord & niemand legde iets uit.',
].join('\n');

/** Everything a project says, without ids: two exports of the same content compare equal. */
async function contentOf(buffer: Buffer) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kl-qdpx-'));
  const file = path.join(dir, 'x.qdpx');
  fs.writeFileSync(file, buffer);
  const archive = await openQdpx(file);
  try {
    const project: RefiProject = archive.project;
    const paths = new Map<string, string>();
    const codes: string[] = [];
    const walk = (list: RefiCode[], prefix: string) => {
      for (const c of list) {
        const p = `${prefix}${c.name}`;
        paths.set(c.guid, p);
        codes.push(`${p} ${c.color} ${c.description ?? ''}`);
        walk(c.children, `${p}/`);
      }
    };
    walk(project.codes, '');
    const note = new Map(project.notes.map((n) => [n.guid, `${n.name}: ${n.text}`]));
    const user = new Map(project.users.map((u) => [u.guid, u.name]));
    const sourceName = new Map(project.sources.map((s) => [s.guid, s.name]));
    const sources = [];
    for (const s of project.sources) {
      sources.push({
        name: s.name,
        text: await archive.readText(s),
        notes: s.noteGuids.map((g) => note.get(g)).sort(),
        selections: s.selections
          .map((x) => ({
            start: x.start,
            end: x.end,
            user: user.get(x.creatingUser ?? ''),
            codes: x.codings.map((c) => paths.get(c.codeGuid)).sort(),
            notes: x.noteGuids.map((g) => note.get(g)).sort(),
          }))
          .sort(
            (a, b) =>
              a.start - b.start || a.end - b.end || String(a.user).localeCompare(String(b.user)),
          ),
      });
    }
    const variable = new Map(project.variables.map((v) => [v.guid, `${v.name}:${v.type}`]));
    const codeNotes: string[] = [];
    const walkNotes = (list: RefiCode[]) => {
      for (const c of list) {
        for (const g of c.noteGuids) codeNotes.push(`${paths.get(c.guid)} ${note.get(g)}`);
        walkNotes(c.children);
      }
    };
    walkNotes(project.codes);
    return {
      project,
      content: {
        users: [...user.values()].sort(),
        codes: codes.sort(),
        codeNotes: codeNotes.sort(),
        sources: sources.sort((a, b) => a.name.localeCompare(b.name)),
        cases: project.cases
          .map((c) => ({
            name: c.name,
            values: c.values
              .map((v) => `${variable.get(v.variableGuid)}=${String(v.value)}`)
              .sort(),
            sources: c.sourceGuids.map((g) => sourceName.get(g)).sort(),
          }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        projectNotes: (project.noteGuids ?? []).map((g) => note.get(g)).sort(),
      },
    };
  } finally {
    await archive.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(testDatabaseKinds())('REFI-QDA exchange (%s)', (kind) => {
  let test: TestApp;
  let fx: Awaited<ReturnType<typeof caseFixture>>;
  let expert: Session;
  let sourceId: string;
  let exported: Buffer;
  let secondProgramme: string;
  const now = new Date('2026-06-01T09:00:00Z');

  beforeAll(async () => {
    test = await createTestApp(kind, { clock: () => now });
    fx = await caseFixture(test, { birthYear: 2008 });
    expert = await loginAs(test, 'expert_by_experience');
    await fx.call(fx.admin, 'PUT', `/api/teams/${fx.teamId}/members`, {
      userId: expert.user.id,
      roleLabel: 'action_learner',
    });
    const youth = await fx.addParticipant({ kind: 'youth', label: 'jongere' });
    await fx.call(fx.researcher, 'POST', `/api/cases/${fx.caseId}/consents`, {
      participantId: youth,
      purpose: 'interview',
      givenBy: 'self',
      givenOn: '2026-05-01',
      formVersion: 'v1',
    });
    const created = (await fx.call(fx.researcher, 'POST', `/api/cases/${fx.caseId}/interviews`, {
      participantId: youth,
      heldOn: '2026-05-10',
      mode: 'in_person',
      transcript,
    })) as unknown as InterviewList;
    sourceId = created.items[0]!.sourceId;
  });
  afterAll(() => test.close());

  const call = (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    session: AuthHeaders = fx.researcher,
    payload?: object,
  ) =>
    test.app.inject({ method, url, headers: headersOf(session), ...(payload ? { payload } : {}) });
  const upload = (url: string, bytes: Uint8Array | string, type: string, session = fx.researcher) =>
    test.app.inject({
      method: 'POST',
      url,
      headers: { ...headersOf(session), 'content-type': type },
      payload: Buffer.from(bytes),
    });
  const rangeOf = (phrase: string) => {
    const utf16 = transcript.indexOf(phrase);
    const start = [...transcript.slice(0, utf16)].length;
    return { start, end: start + [...phrase].length };
  };
  const schema = (name: string) => path.join(standards, 'schema', name);
  async function validates(xml: string, xsd: string) {
    const result = await validateXML({
      xml: [{ fileName: 'file.xml', contents: xml }],
      schema: [{ fileName: xsd, contents: fs.readFileSync(schema(xsd), 'utf8') }],
    });
    expect(result.errors, JSON.stringify(result.errors.slice(0, 3))).toEqual([]);
  }

  it('exports a coded programme as a .qdpx that validates and points at the right text', async () => {
    const base = `/api/programmes/${fx.programmeId}`;
    const add = async (name: string, parentId: string | null, color: string) =>
      (
        await call('POST', `${base}/codes`, fx.researcher, {
          name,
          parentId,
          color,
          definition: `Over ${name}`,
        })
      ).json() as Code;
    const care = await add('Hulpverlening', null, '#aa3300');
    const move = await add('Overplaatsing', care.id, '#3366cc');
    const voice = await add('Niet gehoord', null, '#117733');
    const mentor = rangeOf('mijn mentor was één van de goeden');
    const klap = rangeOf('kwam als een klap 👨‍👩‍👧');
    const unheard = rangeOf('Wij werden niet gehoord & niemand legde iets uit.');
    for (const [session, range, codeIds] of [
      [fx.researcher, mentor, [care.id]],
      [fx.researcher, klap, [move.id, care.id]],
      [expert, klap, [move.id]],
      [fx.researcher, unheard, [voice.id]],
    ] as const) {
      const coded = await call('POST', `/api/sources/${sourceId}/segments`, session, {
        ...range,
        codeIds,
      });
      expect(coded.statusCode, coded.body).toBe(201);
    }
    const segment = (await call('GET', `/api/sources/${sourceId}`)).json().segments[0].id;
    for (const [targetType, targetId, body] of [
      ['segment', segment, 'Mentor als anker.'],
      ['code', voice.id, 'Let op: ook ouders.'],
      ['source', sourceId, 'Interview in de woonkamer.'],
      ['case', fx.caseId, 'Casus met veel overplaatsingen.'],
    ] as const)
      expect(
        (await call('POST', '/api/memos', fx.researcher, { targetType, targetId, body }))
          .statusCode,
      ).toBe(201);

    const response = await call('GET', `${base}/export.qdpx`);
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    exported = response.rawPayload;
    const entries = unzipSync(new Uint8Array(exported));
    expect(Object.keys(entries)).toContain('project.qde');
    const { project, content } = await contentOf(exported);
    const source = content.sources[0]!;
    expect(source.text).toBe(transcript);
    const texts = source.selections.map((s) => sliceCodePoints(source.text, s.start, s.end));
    expect(texts).toContain('kwam als een klap 👨‍👩‍👧');
    expect(texts).toContain('mijn mentor was één van de goeden');
    // One selection per coder and range; two codes on the researcher's "klap" selection.
    const klapSelections = source.selections.filter((s) => s.start === klap.start);
    expect(klapSelections.map((s) => s.codes.length).sort()).toEqual([1, 2]);
    expect(content.codes.some((c) => c.startsWith('Hulpverlening/Overplaatsing #3366cc'))).toBe(
      true,
    );
    expect(content.cases[0]!.values).toContain('Geboortejaar:Integer=2008');
    expect(content.projectNotes[0]).toMatch(/Casus met veel overplaatsingen/);
    expect(project.users.map((u) => u.name).sort()).toHaveLength(2);

    if (!fs.existsSync(schema('Project-mrt2019.xsd'))) {
      console.warn(
        `[skip] ${standards} is absent: the export was not validated against the schema.`,
      );
      return;
    }
    await validates(new TextDecoder().decode(entries['project.qde']), 'Project-mrt2019.xsd');
    const qdc = await call('GET', `${base}/codebook.qdc`);
    expect(qdc.statusCode).toBe(200);
    await validates(qdc.body, 'Codebook.xsd');
  });

  it('round-trips: import into a new programme and export again gives the same content', async () => {
    secondProgramme = (
      await fx.call(fx.admin, 'POST', '/api/programmes', {
        name: 'Tweede programma',
        periodStart: '2026-01-01',
      })
    ).id;
    const team = (
      await fx.call(fx.admin, 'POST', '/api/teams', {
        name: 'Team B',
        programmeId: secondProgramme,
        municipalityCode: '0344',
      })
    ).id;
    for (const userId of [fx.researcher.user.id, expert.user.id])
      await fx.call(fx.admin, 'PUT', `/api/teams/${team}/members`, {
        userId,
        roleLabel: 'action_learner',
      });
    const imported = await upload(
      `/api/programmes/${secondProgramme}/import`,
      exported,
      'application/zip',
    );
    expect(imported.statusCode, imported.body).toBe(201);
    const report = imported.json() as ImportReport;
    expect(report).toMatchObject({
      codes: 3,
      sources: 1,
      segments: 5,
      memos: 4,
      cases: 1,
      casesLinked: 0,
    });
    expect(report.users.map((u) => u.mappedTo)).toEqual(['user', 'user']);
    expect(report.notMapped.some((n) => n.where.startsWith('Casus "KL-'))).toBe(true);

    const again = await call('GET', `/api/programmes/${secondProgramme}/export.qdpx`);
    expect(again.statusCode).toBe(200);
    const first = await contentOf(exported);
    const second = await contentOf(again.rawPayload);
    expect(second.content).toEqual(first.content);
  });

  it('refuses bad files with the place named, storing nothing', async () => {
    const url = `/api/programmes/${secondProgramme}/import`;
    const counts = async () => ({
      codes: (await test.database.db.select({ n: count() }).from(qdaCodes))[0]!.n,
      sources: (await test.database.db.select({ n: count() }).from(qdaSources))[0]!.n,
      segments: (await test.database.db.select({ n: count() }).from(qdaSegments))[0]!.n,
    });
    const before = await counts();
    const notZip = await upload(url, 'dit is geen zip', 'application/zip');
    expect(notZip.statusCode).toBe(400);
    expect(notZip.json().error.details.reason).toBe('NOT_A_ZIP');
    const noProject = await upload(
      url,
      zipSync({ 'readme.txt': strToU8('hallo') }),
      'application/zip',
    );
    expect(noProject.json().error.details.reason).toBe('NO_PROJECT');

    // A valid project whose last selection runs past its text: the codes before it are not kept.
    const entries = unzipSync(new Uint8Array(exported));
    const qde = new TextDecoder().decode(entries['project.qde']);
    const length = [...transcript].length;
    const broken = qde.replace(/endPosition="(\d+)"/, `endPosition="${length + 5}"`);
    const bad = await upload(
      url,
      zipSync({ ...entries, 'project.qde': strToU8(broken) }),
      'application/zip',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.reason).toBe('OFFSET_OUT_OF_RANGE');
    expect(bad.json().error.details.where).toMatch(/PlainTextSelection/);

    const missing = Object.fromEntries(
      Object.entries(entries).filter(([name]) => !name.startsWith('sources/')),
    );
    const noSource = await upload(url, zipSync(missing), 'application/zip');
    expect(noSource.json().error.details.reason).toBe('MISSING_SOURCE');

    const looped = qde.replace(
      /(<Code guid=")([^"]+)("[^>]*>[\s\S]*?<Code guid=")([^"]+)/,
      (_m, a, g1, b) => `${a}${g1}${b}${g1}`,
    );
    const loop = await upload(
      url,
      zipSync({ ...entries, 'project.qde': strToU8(looped) }),
      'application/zip',
    );
    expect(loop.statusCode).toBe(400);
    expect(loop.json().error.details.reason).toBe('CODE_LOOP');
    expect(await counts()).toEqual(before);

    const wrongType = await test.app.inject({
      method: 'POST',
      url,
      headers: headersOf(fx.researcher),
      payload: { x: 1 },
    });
    expect(wrongType.statusCode).toBe(400);
  });

  it('imports a codebook (.qdc) and refuses one that is not well-formed, naming the line', async (context) => {
    const file = path.join(standards, 'samples', 'example_codebook_defect.qdc');
    const qdc = await call('GET', `/api/programmes/${fx.programmeId}/codebook.qdc`);
    const fresh = (
      await fx.call(fx.admin, 'POST', '/api/programmes', {
        name: 'Derde',
        periodStart: '2026-01-01',
      })
    ).id;
    const team = (
      await fx.call(fx.admin, 'POST', '/api/teams', {
        name: 'Team C',
        programmeId: fresh,
        municipalityCode: '0363',
      })
    ).id;
    await fx.call(fx.admin, 'PUT', `/api/teams/${team}/members`, {
      userId: fx.researcher.user.id,
      roleLabel: 'action_learner',
    });
    const ok = await upload(
      `/api/programmes/${fresh}/codebook/import`,
      qdc.body,
      'application/xml',
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().codes).toBe(3);
    const twice = await upload(
      `/api/programmes/${fresh}/codebook/import`,
      qdc.body,
      'application/xml',
    );
    expect(twice.json().codes).toBe(0);
    expect(twice.json().notMapped).toHaveLength(3);
    if (!fs.existsSync(file)) {
      console.warn(`[skip] ${file} is absent: the not-well-formed codebook was not tried.`);
      context.skip();
    }
    const defect = await upload(
      `/api/programmes/${fresh}/codebook/import`,
      fs.readFileSync(file, 'utf8'),
      'application/xml',
    );
    expect(defect.statusCode).toBe(400);
    expect(defect.json().error.details.reason).toBe('NOT_WELL_FORMED');
    expect(defect.json().error.message).toMatch(/line 132/);
  });

  it('exports chosen cases by their codes, and names the codes it cannot find', async () => {
    const base = `/api/programmes/${fx.programmeId}`;
    const [row] = await test.database.db
      .select({ code: cases.code })
      .from(cases)
      .where(eq(cases.id, fx.caseId));
    const code = row!.code;
    const chosen = await call(
      'GET',
      `${base}/export.qdpx?caseCodes=${encodeURIComponent(` ${code.toLowerCase()},\n`)}`,
    );
    expect(chosen.statusCode, chosen.body.slice(0, 200)).toBe(200);
    const { content } = await contentOf(chosen.rawPayload);
    expect(content.cases).toHaveLength(1);
    expect(content.sources).toHaveLength(1);
    const unknown = await call(
      'GET',
      `${base}/export.qdpx?caseCodes=${encodeURIComponent(`${code}, KL-1999-404`)}`,
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('INVALID_INPUT');
    expect(unknown.json().error.message).toMatch(/KL-1999-404/);
    expect(unknown.json().error.message).not.toMatch(code);
    // The outsider does not reach the case: its code is unknown to them, not a way to probe it.
    const outside = await call('GET', `${base}/export.qdpx?caseCodes=${code}`, fx.outsider);
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.message).toMatch(code);
  });

  it('lets only researchers of the programme exchange it', async () => {
    const base = `/api/programmes/${fx.programmeId}`;
    expect((await call('GET', `${base}/export.qdpx`, expert)).statusCode).toBe(404);
    const stranger = await loginAs(test, 'researcher');
    expect((await call('GET', `${base}/export.qdpx`, stranger)).statusCode).toBe(404);
    expect((await upload(`${base}/import`, exported, 'application/zip', stranger)).statusCode).toBe(
      404,
    );
    // The outsider is in the programme but not in the case's team: their export holds no case.
    const outside = await call('GET', `${base}/export.qdpx`, fx.outsider);
    expect(outside.statusCode).toBe(200);
    const { content } = await contentOf(outside.rawPayload);
    expect(content.cases).toEqual([]);
    expect(content.sources).toEqual([]);
  });

  it('imports the real export of another tool', async (context) => {
    const file = path.join(standards, 'samples', 'qc_demo_interviews.qdpx');
    if (!fs.existsSync(file)) {
      console.warn(`[skip] ${file} is absent: the real sample was not imported.`);
      context.skip();
    }
    const response = await upload(
      `/api/programmes/${secondProgramme}/import`,
      fs.readFileSync(file),
      'application/zip',
    );
    expect(response.statusCode, response.body.slice(0, 300)).toBe(201);
    const report = response.json() as ImportReport;
    expect(report.sources).toBe(2);
    expect(report.segments).toBe(205);
    const stored = await test.database.db
      .select({ n: count() })
      .from(qdaSources)
      .where(eq(qdaSources.programmeId, secondProgramme));
    expect(stored[0]!.n).toBe(3);
  });
});
