// The segment counts the database keeps (qda_case_codes per case, qda_team_codes per team and
// institution type; triggers of migration 0010) against a recount from the segments themselves,
// after every kind of change: coding, removing and restoring, merging (segments change code),
// moving a code, making a source blind and open again, moving a case to another team and
// institution type, and deleting segments. Then the cross-case views that read those counts
// (matrix totals, the total of "all segments of a code") against a brute-force count over what
// the actor may see: cases of their team, a case assigned to them in another team, blind sources
// (their own codings only, until they compare), and the filters. Search says how it orders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../testing/app';
import { testDatabaseKinds } from '../../testing/database';
import { caseFixture } from '../../testing/fixtures';
import { queryRows } from '../../db/raw';
import type { Actor } from '../../policy/policy';
import type { Perspective } from '../../../shared/contract/coding';
import type { Reach } from './access';
import { codesOf } from './codebook';
import { codeSegments, listSources, matrix, search } from './views';

type SegmentRow = {
  id: string;
  case_id: string | null;
  code_id: string;
  source_id: string;
  coder_id: string;
  deleted: boolean;
  blind: boolean;
  kind: string | null;
  team_id: string | null;
  institution_type: string | null;
};
type CodeRow = { id: string; parent_id: string | null };

const perspectiveKeys = ['youth', 'parent', 'main_practitioner', 'other_professional', 'network'];
const countKeys = ['total', ...perspectiveKeys];

describe.each(testDatabaseKinds())('kept coding counts (%s)', (kind) => {
  let test: TestApp;
  let fx: Awaited<ReturnType<typeof caseFixture>>;
  const now = new Date('2026-06-01T09:00:00Z');
  const ids = {
    cases: [] as string[],
    participants: {} as Record<string, { youth: string; parent: string }>,
    sources: [] as { id: string; caseId: string | null }[],
    codes: {} as Record<string, string>,
    otherCoder: '',
  };

  const db = () => test.database.db;
  const exec = (query: ReturnType<typeof sql>) => db().execute(query);

  beforeAll(async () => {
    test = await createTestApp(kind, { clock: () => now });
    fx = await caseFixture(test, { birthYear: 2008 });
    ids.otherCoder = fx.outsider.user.id;
    // Cases: two in the researcher's team (two institution types), one in the other team that is
    // assigned to the researcher, one in the other team that is not.
    const more = [
      { teamId: fx.teamId, institutionType: 'obc_lvb', session: fx.researcher },
      { teamId: fx.otherTeamId, institutionType: 'jeugdzorgplus', session: fx.outsider },
      { teamId: fx.otherTeamId, institutionType: 'obc_lvb', session: fx.outsider },
    ];
    ids.cases.push(fx.caseId);
    for (const c of more)
      ids.cases.push(
        (
          await fx.call(c.session, 'POST', '/api/cases', {
            programmeId: fx.programmeId,
            teamId: c.teamId,
            institutionType: c.institutionType,
            regionCode: 'JZ16',
            birthYear: 2009,
          })
        ).id,
      );
    await exec(
      sql`insert into case_assignments (case_id, user_id) values (${ids.cases[2]}, ${fx.researcher.user.id})`,
    );
    for (const caseId of ids.cases) {
      const session =
        caseId === ids.cases[2] || caseId === ids.cases[3] ? fx.outsider : fx.researcher;
      const add = async (kind: string, label: string) =>
        (await fx.call(session, 'POST', `/api/cases/${caseId}/participants`, { kind, label })).id;
      ids.participants[caseId] = {
        youth: await add('youth', 'jongere'),
        parent: await add('parent', 'moeder'),
      };
    }
    // Codebook: two themes, "Zorg" with two sub-codes, one of which has a sub-code itself.
    const code = async (name: string, parentId: string | null) => {
      const [row] = await queryRows<{ id: string }>(
        db(),
        sql`insert into qda_codes (programme_id, parent_id, name) values (${fx.programmeId}, ${parentId}, ${name}) returning id`,
      );
      ids.codes[name] = row!.id;
    };
    await code('Zorg', null);
    await code('School', null);
    await code('Wachten', ids.codes.Zorg!);
    await code('Overplaatsing', ids.codes.Zorg!);
    await code('Plek', ids.codes.Overplaatsing!);
    // Sources: per case a youth and a parent interview; one text without a case.
    const body = 'Het gesprek over de wachtlijst duurde lang. Daarna kwam de overplaatsing.';
    const source = async (caseId: string | null, participantId: string | null, name: string) => {
      const [row] = await queryRows<{ id: string }>(
        db(),
        sql`insert into qda_sources (programme_id, case_id, participant_id, kind, name, body, length)
            values (${fx.programmeId}, ${caseId}, ${participantId}, ${caseId ? 'interview' : 'imported'}, ${name}, ${body}, ${[...body].length})
            returning id`,
      );
      ids.sources.push({ id: row!.id, caseId });
    };
    for (const caseId of ids.cases) {
      await source(caseId, ids.participants[caseId]!.youth, 'Interview jongere');
      await source(caseId, ids.participants[caseId]!.parent, 'Interview moeder');
    }
    await source(null, null, 'Losse tekst');
  });
  afterAll(() => test.close());

  /** Adds segments in one statement: [source index, code name, coder] each. */
  const addSegments = async (rows: [number, string, 'researcher' | 'other'][]) => {
    const values = rows.map(([s, code, coder], i) => {
      const src = ids.sources[s]!;
      const coderId = coder === 'researcher' ? fx.researcher.user.id : ids.otherCoder;
      return sql`(${src.id}::uuid, ${fx.programmeId}::uuid, ${src.caseId}::uuid, ${ids.codes[code]!}::uuid, ${i}, ${i + 5}, ${coderId}::uuid)`;
    });
    await exec(
      sql`insert into qda_segments (source_id, programme_id, case_id, code_id, start_pos, end_pos, coder_id)
          values ${sql.join(values, sql`, `)}`,
    );
  };

  const segments = () =>
    queryRows<SegmentRow>(
      db(),
      sql`select s.id, s.case_id, s.code_id, s.source_id, s.coder_id, s.deleted_at is not null as deleted,
            src.blind, p.kind, c.team_id, c.institution_type
          from qda_segments s join qda_sources src on src.id = s.source_id
          left join participants p on p.id = src.participant_id
          left join cases c on c.id = s.case_id
          where s.programme_id = ${fx.programmeId}`,
    );
  const codeRows = () =>
    queryRows<CodeRow>(
      db(),
      sql`select id, parent_id from qda_codes where programme_id = ${fx.programmeId}`,
    );

  const ancestorsOf = (codes: CodeRow[], id: string) => {
    const parent = new Map(codes.map((c) => [c.id, c.parent_id]));
    const out = [id];
    for (let at = parent.get(id); at; at = parent.get(at)) out.push(at);
    return out;
  };

  /** What the kept tables should hold, recounted from the segments. */
  const recount = async () => {
    const [rows, codes] = await Promise.all([segments(), codeRows()]);
    const cases = new Map<string, Record<string, number>>();
    const teams = new Map<string, Record<string, number>>();
    const coded = new Map<string, number>();
    for (const s of rows) {
      if (s.deleted || s.blind || !s.case_id) continue;
      if (s.code_id) coded.set(s.case_id, (coded.get(s.case_id) ?? 0) + 1);
      for (const code of ancestorsOf(codes, s.code_id)) {
        const key = `${code}|${s.case_id}`;
        const row = cases.get(key) ?? {};
        for (const p of countKeys)
          if (p === 'total' || p === s.kind) {
            row[`sub_${p}`] = (row[`sub_${p}`] ?? 0) + 1;
            if (code === s.code_id) row[`own_${p}`] = (row[`own_${p}`] ?? 0) + 1;
          }
        cases.set(key, row);
      }
    }
    const caseTeam = new Map(
      rows.filter((r) => r.case_id).map((r) => [r.case_id!, `${r.team_id}|${r.institution_type}`]),
    );
    for (const [key, row] of cases) {
      const [code, caseId] = key.split('|');
      const teamKey = `${code}|${caseTeam.get(caseId!)}`;
      const team = teams.get(teamKey) ?? {};
      for (const [k, v] of Object.entries(row)) team[k] = (team[k] ?? 0) + v;
      for (const p of countKeys)
        if ((row[`sub_${p}`] ?? 0) > 0) team[`cases_${p}`] = (team[`cases_${p}`] ?? 0) + 1;
      teams.set(teamKey, team);
    }
    return { cases, teams, coded };
  };

  const nonZero = (row: Record<string, unknown>, skip: string[]) =>
    Object.fromEntries(
      Object.entries(row)
        .filter(([k, v]) => !skip.includes(k) && Number(v) !== 0)
        .map(([k, v]) => [k, Number(v)]),
    );

  const expectKeptCountsRight = async () => {
    const expected = await recount();
    const keptCases = await queryRows<Record<string, unknown>>(
      db(),
      sql`select a.* from qda_case_codes a join qda_codes c on c.id = a.code_id where c.programme_id = ${fx.programmeId}`,
    );
    const keptTeams = await queryRows<Record<string, unknown>>(
      db(),
      sql`select t.* from qda_team_codes t join qda_codes c on c.id = t.code_id where c.programme_id = ${fx.programmeId}`,
    );
    expect(
      new Map(
        keptCases.map((r) => [`${r.code_id}|${r.case_id}`, nonZero(r, ['code_id', 'case_id'])]),
      ),
    ).toEqual(expected.cases);
    expect(
      new Map(
        keptTeams
          .map(
            (r) =>
              [
                `${r.code_id}|${r.team_id}|${r.institution_type}`,
                nonZero(r, ['code_id', 'team_id', 'institution_type']),
              ] as const,
          )
          .filter(([, v]) => Object.keys(v).length > 0),
      ),
    ).toEqual(expected.teams);
    const keptCoded = await queryRows<{ case_id: string; segments: number }>(
      db(),
      sql`select x.case_id, x.segments from qda_coded_cases x join cases c on c.id = x.case_id
          where c.programme_id = ${fx.programmeId}`,
    );
    expect(new Map(keptCoded.map((r) => [r.case_id, Number(r.segments)]))).toEqual(expected.coded);
  };

  it('keeps the counts right through coding, removal, merge, moves, blind mode and case moves', async () => {
    await addSegments([
      [0, 'Wachten', 'researcher'],
      [0, 'Wachten', 'researcher'],
      [1, 'Plek', 'researcher'],
      [2, 'School', 'researcher'],
      [3, 'Overplaatsing', 'researcher'],
      [4, 'Wachten', 'other'],
      [5, 'Zorg', 'other'],
      [6, 'Plek', 'other'],
      [8, 'Wachten', 'researcher'],
    ]);
    await expectKeptCountsRight();
    const kept = await queryRows<{ n: number }>(
      db(),
      sql`select sub_total as n from qda_case_codes where code_id = ${ids.codes.Zorg!} and case_id = ${fx.caseId}`,
    );
    expect(kept[0]?.n).toBe(3); // two "Wachten" and one "Plek" beneath "Zorg"

    await exec(sql`update qda_segments set deleted_at = now() where code_id = ${ids.codes.Plek!}`);
    await expectKeptCountsRight();
    await exec(sql`update qda_segments set deleted_at = null where code_id = ${ids.codes.Plek!}`);
    await expectKeptCountsRight();

    // A merge moves segments to another code.
    await exec(
      sql`update qda_segments set code_id = ${ids.codes.School!} where code_id = ${ids.codes.Overplaatsing!}`,
    );
    await expectKeptCountsRight();
    // "Overplaatsing" (with "Plek" beneath it) moves from "Zorg" to "School", and back.
    await exec(
      sql`update qda_codes set parent_id = ${ids.codes.School!} where id = ${ids.codes.Overplaatsing!}`,
    );
    await expectKeptCountsRight();
    await exec(
      sql`update qda_codes set parent_id = ${ids.codes.Zorg!} where id = ${ids.codes.Overplaatsing!}`,
    );
    await expectKeptCountsRight();

    await exec(sql`update qda_sources set blind = true where id = ${ids.sources[0]!.id}`);
    await expectKeptCountsRight();

    // The case moves to the other team and another institution type, and back.
    await exec(
      sql`update cases set team_id = ${fx.otherTeamId}, institution_type = 'jji' where id = ${ids.cases[1]!}`,
    );
    await expectKeptCountsRight();
    await exec(
      sql`update cases set team_id = ${fx.teamId}, institution_type = 'obc_lvb' where id = ${ids.cases[1]!}`,
    );
    await expectKeptCountsRight();

    await exec(sql`delete from qda_segments where source_id = ${ids.sources[5]!.id}`);
    await expectKeptCountsRight();
  });

  const reachOf = (actor: Actor): Reach => ({
    actor,
    grounds: 'team_membership',
    resource: {
      type: 'programme',
      programmeId: fx.programmeId,
      teamIds: [fx.teamId, fx.otherTeamId],
    },
    programmeId: fx.programmeId,
    caseId: null,
    caseCode: null,
  });
  const researcher = (): Actor => ({
    userId: fx.researcher.user.id,
    role: 'researcher',
    organisationId: null,
    sessionIdHash: 'test',
    sessionStage: 'full' as Actor['sessionStage'],
    teamIds: [fx.teamId],
  });

  /** Brute force: segments the researcher sees, per the rules of the views. */
  const visibleTo = async (
    actor: Actor,
    filters: { institutionType?: string; perspective?: Perspective },
  ) => {
    const revealed = new Set(
      (
        await queryRows<{ source_id: string }>(
          db(),
          sql`select source_id from qda_source_reveals where user_id = ${actor.userId}`,
        )
      ).map((r) => r.source_id),
    );
    const assigned = new Set(
      (
        await queryRows<{ case_id: string }>(
          db(),
          sql`select case_id from case_assignments where user_id = ${actor.userId}`,
        )
      ).map((r) => r.case_id),
    );
    return (await segments()).filter(
      (s) =>
        !s.deleted &&
        (s.case_id === null || actor.teamIds.includes(s.team_id!) || assigned.has(s.case_id)) &&
        (!s.blind || s.coder_id === actor.userId || revealed.has(s.source_id)) &&
        (!filters.institutionType || s.institution_type === filters.institutionType) &&
        (!filters.perspective || s.kind === filters.perspective),
    );
  };

  it('answers the matrix totals and the segment totals as a recount of what the actor sees', async () => {
    // A blind source with the other coder's segment the researcher may not see yet, and the
    // researcher's own segment there.
    await exec(sql`update qda_sources set blind = true where id = ${ids.sources[2]!.id}`);
    await addSegments([
      [2, 'Wachten', 'other'],
      [2, 'Plek', 'researcher'],
    ]);
    const codes = await codeRows();
    const all = new Map((await codesOf(db(), fx.programmeId)).map((c) => [c.id, c]));
    const heads = [ids.codes.Zorg!, ids.codes.School!, ids.codes.Overplaatsing!];
    for (const filters of [
      {},
      { perspective: 'youth' as const },
      { institutionType: 'obc_lvb' },
      { institutionType: 'jeugdzorgplus', perspective: 'parent' as const },
    ]) {
      for (const reveal of [false, true]) {
        if (reveal)
          await exec(
            sql`insert into qda_source_reveals (source_id, user_id) values (${ids.sources[2]!.id}, ${fx.researcher.user.id}) on conflict do nothing`,
          );
        const seen = (await visibleTo(researcher(), filters)).filter((s) => s.case_id !== null);
        const answer = await matrix(db(), reachOf(researcher()), {
          ...filters,
          codeIds: heads,
          page: 1,
          pageSize: 50,
        });
        const expected = heads.map((head) => {
          const inColumn = seen.filter((s) => ancestorsOf(codes, s.code_id).includes(head));
          return { count: inColumn.length, cases: new Set(inColumn.map((s) => s.case_id)).size };
        });
        expect(answer.totals, JSON.stringify({ filters, reveal })).toEqual(expected);
        for (const name of ['Wachten', 'Plek', 'School']) {
          const code = all.get(ids.codes[name]!)!;
          const page = await codeSegments(
            db(),
            reachOf(researcher()),
            { ...code, parentId: code.parentId, archived: false } as never,
            { ...filters, page: 1, pageSize: 50 },
            now,
          );
          const own = (await visibleTo(researcher(), filters)).filter((s) => s.code_id === code.id);
          expect(page.total, `${name} ${JSON.stringify({ filters, reveal })}`).toBe(own.length);
          expect(page.items.map((i) => i.id).sort()).toEqual(own.map((s) => s.id).sort());
        }
      }
      await exec(sql`delete from qda_source_reveals where source_id = ${ids.sources[2]!.id}`);
    }
  });

  it('ranks search results when few texts match, and lists them in case order when many do', async () => {
    const reach = reachOf(researcher());
    const ranked = await search(db(), reach, { q: 'wachtlijst', page: 1, pageSize: 20 });
    expect(ranked.order).toBe('relevance');
    expect(ranked.items.every((i) => typeof i.rank === 'number')).toBe(true);
    expect(ranked.items[0]?.snippet.some((p) => p.match && p.text === 'wachtlijst')).toBe(true);
    const listed = await search(
      db(),
      reach,
      { q: 'wachtlijst', page: 1, pageSize: 20 },
      { rankLimit: 2 },
    );
    expect(listed.order).toBe('case');
    expect(listed.total).toBe(ranked.total);
    expect(listed.items.every((i) => i.rank === null)).toBe(true);
    const codesInOrder = listed.items.map((i) => i.caseCode ?? '~');
    expect(codesInOrder).toEqual([...codesInOrder].sort());
    expect(listed.items.at(-1)?.caseId).toBeNull(); // the text without a case comes last
    expect(listed.items[0]?.snippet.some((p) => p.match)).toBe(true);
    // Both ways of reading a page in case order (from the cases in code order, or from the
    // index's matches) give the same pages, with filters and past the first page too.
    for (const filters of [{}, { institutionType: 'obc_lvb' }, { perspective: 'youth' as const }]) {
      const pages = async (casesFirst: boolean) => {
        const out = [];
        for (const page of [1, 2, 3]) {
          const result = await search(
            db(),
            reach,
            { q: 'wachtlijst', page, pageSize: 2, ...filters },
            { rankLimit: 0, casesFirst },
          );
          expect(result.order).toBe('case');
          out.push({ total: result.total, ids: result.items.map((i) => i.sourceId) });
        }
        return out;
      };
      const fromCases = await pages(true);
      expect(await pages(false), JSON.stringify(filters)).toEqual(fromCases);
      const ranked = await search(db(), reach, {
        q: 'wachtlijst',
        page: 1,
        pageSize: 50,
        ...filters,
      });
      expect(fromCases[0]?.total).toBe(ranked.total);
      const listedIds = fromCases.flatMap((p) => p.ids);
      expect(listedIds.length).toBe(Math.min(6, ranked.total));
      expect(new Set(listedIds).size).toBe(listedIds.length);
      for (const id of listedIds) expect(ranked.items.map((i) => i.sourceId)).toContain(id);
    }
  });

  it('lists the texts the actor sees in case order, texts without a case last, page by page', async () => {
    const reach = reachOf(researcher());
    const first = await listSources(db(), reach, { page: 1, pageSize: 4 });
    const second = await listSources(db(), reach, { page: 2, pageSize: 4 });
    const seenCases = new Set([fx.caseId, ids.cases[1], ids.cases[2]]);
    const expected = ids.sources.filter((s) => s.caseId === null || seenCases.has(s.caseId));
    expect(first.total).toBe(expected.length);
    const listed = [...first.items, ...second.items];
    expect(listed.map((i) => i.id).sort()).toEqual(expected.map((s) => s.id).sort());
    const order = listed.map((i) => `${i.caseCode ?? '~'}|${i.name}`);
    expect(order).toEqual([...order].sort());
    expect(listed.at(-1)?.caseId).toBeNull();
    const live = await queryRows<{ source_id: string; n: number }>(
      db(),
      sql`select source_id, count(*)::int as n from qda_segments where deleted_at is null group by source_id`,
    );
    const liveCount = new Map(live.map((r) => [r.source_id, r.n]));
    for (const item of listed) expect(item.segmentCount).toBe(liveCount.get(item.id) ?? 0);
    const oneCase = await listSources(db(), reach, {
      page: 1,
      pageSize: 10,
      caseId: ids.cases[2]!,
    });
    expect(oneCase.items.map((i) => i.caseId)).toEqual([ids.cases[2], ids.cases[2]]);
    expect(oneCase.total).toBe(2);
  });
});
