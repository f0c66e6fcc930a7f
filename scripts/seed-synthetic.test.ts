import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../src/server/testing/database';
import { repoRoot } from '../src/server/testing/server-process';
import { acquireDataLock } from '../src/server/db/data-lock';
import { queryRows } from '../src/server/db/raw';
import { users } from '../src/server/features/auth/schema';
import { accessLog } from '../src/server/features/audit/schema';
import { cases, consents, participants } from '../src/server/features/cases/schema';
import { createCase } from '../src/server/features/cases/save-case';
import { programmes, teamMemberships, teams } from '../src/server/features/organisations/schema';
import {
  caseIndicators,
  timelineCategories,
  timelineComments,
  timelineHistory,
  timelineItems,
} from '../src/server/features/timeline/schema';
import {
  interviews,
  qdaCodes,
  qdaSegments,
  qdaSources,
} from '../src/server/features/coding/schema';
import { dayRange, validateDates } from '../src/shared/domain/fuzzy-date';
import { codePointLength, sliceByCodePoints } from '../src/shared/domain/text-offsets';
import { computeIndicators } from '../src/shared/domain/indicators';
import type { CategoryMarker, TimelineLane } from '../src/shared/domain/timeline';
import {
  parseSeedArgs,
  SeedUsageError,
  seedSynthetic,
  syntheticCodebook,
  syntheticEmailDomain,
  syntheticProgrammeName,
} from './seed-synthetic';

const now = new Date('2026-11-20T10:00:00Z');
const today = '2026-11-20';

describe('seed:synthetic arguments', () => {
  const usageError = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
    try {
      parseSeedArgs(argv, env);
    } catch (error) {
      expect(error).toBeInstanceOf(SeedUsageError);
      expect((error as SeedUsageError).exitCode).toBe(2);
      return (error as SeedUsageError).message;
    }
    throw new Error(`no error for ${argv.join(' ')}`);
  };

  it('names the argument that is wrong', () => {
    expect(usageError([])).toMatch(/--cases is verplicht/);
    expect(usageError(['--cases', 'tien'])).toMatch(/--cases: "tien"/);
    expect(usageError(['--cases', '0'])).toMatch(/--cases: "0"/);
    expect(usageError(['--cases', '2000000'])).toMatch(/--cases/);
    expect(usageError(['--cases', '5', '--seed', '-3'])).toMatch(/--seed/);
    expect(usageError(['--cases', '5', '--kleur', 'rood'])).toMatch(/kleur/);
    expect(usageError(['--cases', '5', 'extra'])).toMatch(/extra/);
    expect(
      usageError(['--cases', '5', '--data-dir', '/tmp/x'], { DATABASE_URL: 'postgres://x/y' }),
    ).toMatch(/--data-dir/);
  });

  it('takes the data folder, or DATABASE_URL, and a default seed', () => {
    expect(parseSeedArgs(['--cases', '20000', '--data-dir', 'd', '--seed', '7'], {})).toEqual({
      cases: 20000,
      seed: 7,
      interviews: true,
      shortTranscripts: false,
      target: { kind: 'pglite', dataDir: path.resolve('d') },
    });
    expect(parseSeedArgs(['--cases', '3'], { DATABASE_URL: 'postgres://h/db' })).toEqual({
      cases: 3,
      seed: 1,
      interviews: true,
      shortTranscripts: false,
      target: { kind: 'postgres', url: 'postgres://h/db' },
    });
    expect(parseSeedArgs(['--cases', '3', '--no-interviews'], {})).toMatchObject({
      interviews: false,
    });
    expect(usageError(['--cases', '3', '--no-interviews=ja'])).toMatch(/no-interviews/);
    expect(parseSeedArgs(['--cases', '3', '--short-transcripts'], {})).toMatchObject({
      interviews: true,
      shortTranscripts: true,
    });
    expect(usageError(['--cases', '3', '--short-transcripts', '--no-interviews'])).toMatch(
      /--short-transcripts: zonder interviews/,
    );
    expect(parseSeedArgs(['--cases', '3'], { KETENLENS_DATA_DIR: '/srv/kl' })).toMatchObject({
      target: { kind: 'pglite', dataDir: '/srv/kl' },
    });
  });
});

/** Everything the seed wrote, without the ids the database gave the programme, teams and users. */
async function contents(db: TestDatabase['db']) {
  const teamNames = new Map(
    (await db.select({ id: teams.id, name: teams.name }).from(teams)).map((t) => [t.id, t.name]),
  );
  const emails = new Map(
    (await db.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.id, u.email]),
  );
  const caseRows = await db.select().from(cases).orderBy(asc(cases.code));
  const items = await db.select().from(timelineItems).orderBy(asc(timelineItems.id));
  return {
    cases: caseRows.map(({ programmeId: _p, teamId, ...rest }) => ({
      ...rest,
      team: teamNames.get(teamId),
    })),
    participants: await db.select().from(participants).orderBy(asc(participants.id)),
    consents: await db.select().from(consents).orderBy(asc(consents.id)),
    items: items.map(({ createdBy, ...rest }) => ({ ...rest, createdBy: emails.get(createdBy!) })),
    comments: (await db.select().from(timelineComments).orderBy(asc(timelineComments.id))).map(
      ({ authorId, ...rest }) => ({ ...rest, author: emails.get(authorId!) }),
    ),
    history: (await db.select().from(timelineHistory).orderBy(asc(timelineHistory.id))).map(
      ({ changedBy, ...rest }) => ({ ...rest, changedBy: emails.get(changedBy!) }),
    ),
    indicators: await db.select().from(caseIndicators).orderBy(asc(caseIndicators.caseId)),
  };
}

describe.each(testDatabaseKinds())('seed:synthetic (%s)', (kind) => {
  let database: TestDatabase;
  let logBefore: number;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    logBefore = (await database.db.select({ n: count() }).from(accessLog))[0]!.n;
    await seedSynthetic(database, {
      cases: 5,
      seed: 42,
      now,
      batchSize: 2,
      registrationsPerQuarter: 0,
    });
  });
  afterAll(() => database.dispose());

  it('makes a fictional programme with teams in different regions and a researcher in each', async () => {
    const db = database.db;
    const [programme] = await db
      .select()
      .from(programmes)
      .where(eq(programmes.name, syntheticProgrammeName));
    expect(programme).toBeDefined();
    const teamRows = await db
      .select({ id: teams.id, name: teams.name, municipality: teams.municipalityCode })
      .from(teams)
      .where(eq(teams.programmeId, programme!.id));
    expect(teamRows.length).toBeGreaterThanOrEqual(4);
    for (const team of teamRows) expect(team.name).toMatch(/fictief/);
    const [regionsOfTeams] = await queryRows<{ n: number }>(
      db,
      sql`select count(distinct m.region_code)::int as n from teams t join municipalities m on m.code = t.municipality_code where t.programme_id = ${programme!.id}`,
    );
    expect(Number(regionsOfTeams!.n)).toBe(teamRows.length);
    const researchers = await db
      .select({ teamId: teamMemberships.teamId, role: users.role, email: users.email })
      .from(teamMemberships)
      .innerJoin(users, eq(users.id, teamMemberships.userId));
    for (const team of teamRows) {
      const members = researchers.filter((r) => r.teamId === team.id);
      expect(members.some((m) => m.role === 'researcher')).toBe(true);
      for (const m of members) expect(m.email.endsWith(`@${syntheticEmailDomain}`)).toBe(true);
    }
  });

  it('writes the asked number of cases with unique KL codes and realistic participants', async () => {
    const db = database.db;
    const rows = await db.select().from(cases);
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((r) => r.code)).size).toBe(5);
    for (const row of rows) {
      expect(row.code).toMatch(/^KL-\d{4}-\d{3,}$/);
      expect(row.code.slice(3, 7)).toBe(String(row.createdAt.getUTCFullYear()));
      expect(row.birthYear).toBeGreaterThanOrEqual(2004);
      expect(row.birthYear).toBeLessThanOrEqual(2014);
      expect(row.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
      const people = await db.select().from(participants).where(eq(participants.caseId, row.id));
      expect(people.filter((p) => p.kind === 'youth')).toHaveLength(1);
      const parents = people.filter((p) => p.kind === 'parent');
      expect(parents.length).toBeGreaterThanOrEqual(1);
      expect(parents.length).toBeLessThanOrEqual(2);
      expect(parents.some((p) => p.hasAuthority)).toBe(true);
      expect(people.filter((p) => p.kind === 'main_practitioner')).toHaveLength(1);
      const given = await db.select().from(consents).where(eq(consents.caseId, row.id));
      expect(given.length).toBeGreaterThan(0);
      for (const c of given) {
        expect(c.givenOn <= today).toBe(true);
        if (c.withdrawnOn) expect(c.withdrawnOn >= c.givenOn).toBe(true);
      }
    }
  });

  it('gives every case 40–150 items with valid dates, a history entry each, and some comments', async () => {
    const db = database.db;
    const caseRows = await db.select().from(cases);
    let comments = 0;
    for (const row of caseRows) {
      const items = await db
        .select()
        .from(timelineItems)
        .where(and(eq(timelineItems.caseId, row.id), isNull(timelineItems.deletedAt)));
      expect(items.length).toBeGreaterThanOrEqual(40);
      expect(items.length).toBeLessThanOrEqual(150);
      expect(new Set(items.map((i) => i.lane)).size).toBeGreaterThanOrEqual(6);
      for (const item of items) {
        expect(validateDates(item.start, item.end, row.birthYear, today), item.title).toEqual([]);
        expect({ earliest: item.startEarliest, latest: item.startLatest }).toEqual(
          dayRange(item.start, row.birthYear),
        );
        if (item.kind === 'event') expect(item.end).toBeNull();
        if (item.end)
          expect({ earliest: item.endEarliest, latest: item.endLatest }).toEqual(
            dayRange(item.end, row.birthYear),
          );
        if (item.revisesItemId) {
          expect(item.lane).toBe('diagnosis');
          expect(items.find((i) => i.id === item.revisesItemId)?.lane).toBe('diagnosis');
        }
      }
      const history = await db
        .select({ itemId: timelineHistory.itemId, change: timelineHistory.change })
        .from(timelineHistory)
        .where(eq(timelineHistory.caseId, row.id));
      expect(history.map((h) => h.itemId).sort()).toEqual(items.map((i) => i.id).sort());
      expect(new Set(history.map((h) => h.change))).toEqual(new Set(['created']));
      comments += (
        await db
          .select({ n: count() })
          .from(timelineComments)
          .where(eq(timelineComments.caseId, row.id))
      )[0]!.n;
    }
    expect(comments).toBeGreaterThan(0);
  });

  it('stores the indicators that computeIndicators gives for the stored items', async () => {
    const db = database.db;
    const categories = await db.select().from(timelineCategories);
    const lists: Partial<Record<string, string>> = {
      living: 'setting_type',
      school: 'school_type',
      care: 'care_type',
      justice: 'justice_measure',
    };
    const marker = (lane: string, code: string | null) =>
      (categories.find((c) => c.list === lists[lane] && c.code === code)?.marker ??
        null) as CategoryMarker | null;
    for (const row of await db.select().from(cases)) {
      const items = await db.select().from(timelineItems).where(eq(timelineItems.caseId, row.id));
      const expected = computeIndicators(
        items.map((i) => ({
          id: i.id,
          lane: i.lane as TimelineLane,
          kind: i.kind as 'event' | 'period',
          start: { earliest: i.startEarliest, latest: i.startLatest },
          end:
            i.endEarliest && i.endLatest ? { earliest: i.endEarliest, latest: i.endLatest } : null,
          categoryMarker: marker(i.lane, i.categoryCode),
          categoryCode: i.categoryCode,
          reference: i.reference,
          isSignal: i.isSignal,
          revisesItemId: i.revisesItemId,
        })),
        row.birthYear,
        today,
      );
      const [stored] = await db
        .select()
        .from(caseIndicators)
        .where(eq(caseIndicators.caseId, row.id));
      const { caseId: _c, computedAt: _t, ...values } = stored!;
      expect(values).toEqual(expected);
    }
  });

  it('writes nothing to the access log', async () => {
    const after = (await database.db.select({ n: count() }).from(accessLog))[0]!.n;
    expect(after).toBe(logBefore);
  });

  it('gives the same data for the same seed, and other data for another seed', async () => {
    const again = await createTestDatabase(kind);
    const other = await createTestDatabase(kind);
    try {
      await seedSynthetic(again, {
        cases: 5,
        seed: 42,
        now,
        batchSize: 3,
        registrationsPerQuarter: 0,
      });
      await seedSynthetic(other, { cases: 5, seed: 43, now, registrationsPerQuarter: 0 });
      const first = await contents(database.db);
      expect(await contents(again.db)).toEqual(first);
      const different = await contents(other.db);
      expect(different.items.map((i) => i.title)).not.toEqual(first.items.map((i) => i.title));
    } finally {
      await again.dispose();
      await other.dispose();
    }
    // Each seed now also writes 4–6 transcripts of thousands of words per case.
  }, 120_000);

  it(
    'adds to an existing programme, and a case opened later gets the next number',
    {
      timeout: 60_000,
    },
    async () => {
      const db = database.db;
      const codesBefore = (await db.select({ n: count() }).from(qdaCodes))[0]!.n;
      await seedSynthetic(database, { cases: 2, seed: 42, now, registrationsPerQuarter: 0 });
      expect((await db.select({ n: count() }).from(programmes))[0]!.n).toBe(1);
      // The codebook of the reused programme is reused too.
      expect((await db.select({ n: count() }).from(qdaCodes))[0]!.n).toBe(codesBefore);
      expect(codesBefore).toBe(
        syntheticCodebook.reduce((n, theme) => n + 1 + theme.children.length, 0),
      );
      const codes = (await db.select({ code: cases.code }).from(cases)).map((r) => r.code);
      expect(codes).toHaveLength(7);
      expect(new Set(codes).size).toBe(7);
      const [team] = await db.select({ id: teams.id, programmeId: teams.programmeId }).from(teams);
      const [researcher] = await db
        .select({ id: users.id })
        .from(users)
        .innerJoin(teamMemberships, eq(teamMemberships.userId, users.id))
        .where(eq(teamMemberships.teamId, team!.id));
      const id = await createCase(
        {
          db,
          requestId: 'test',
          now: () => now,
          actor: {
            userId: researcher!.id,
            role: 'researcher',
            organisationId: null,
            sessionIdHash: 'test',
            sessionStage: 'full',
            teamIds: [team!.id],
          },
        },
        {
          programmeId: team!.programmeId,
          teamId: team!.id,
          institutionType: 'jeugdzorgplus',
          regionCode: 'JZ16',
          birthYear: 2010,
          gender: null,
        },
      );
      const [opened] = await db.select({ code: cases.code }).from(cases).where(eq(cases.id, id));
      const numbersOf2026 = codes
        .filter((c) => c.startsWith('KL-2026-'))
        .map((c) => Number(c.slice('KL-2026-'.length)));
      expect(opened!.code).toBe(
        `KL-2026-${String(Math.max(0, ...numbersOf2026) + 1).padStart(3, '0')}`,
      );
    },
  );
});

describe.each(testDatabaseKinds())('seed:synthetic interviews and codings (%s)', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedSynthetic(database, {
      cases: 20,
      seed: 7,
      now,
      batchSize: 8,
      registrationsPerQuarter: 0,
    });
  });
  afterAll(() => database.dispose());

  const wordsOf = (text: string) => text.trim().split(/\s+/).length;

  it('makes a codebook of themes with sub-codes, colours and definitions', async () => {
    const codes = await database.db.select().from(qdaCodes);
    const themes = codes.filter((c) => c.parentId === null);
    expect(themes).toHaveLength(syntheticCodebook.length);
    expect(themes.length).toBeGreaterThanOrEqual(8);
    for (const theme of themes) {
      const children = codes.filter((c) => c.parentId === theme.id);
      expect(children.length).toBeGreaterThanOrEqual(3);
      expect(children.length).toBeLessThanOrEqual(6);
    }
    for (const code of codes) {
      expect(code.color).toMatch(/^#[0-9a-f]{6}$/);
      expect(code.definition.length).toBeGreaterThan(10);
    }
    expect(codes.map((c) => c.name)).toEqual(
      expect.arrayContaining(['Wachttijd', 'Thuiszitten', 'Mentor']),
    );
  });

  it('gives every case 4–6 interviews of 2,000–6,000 words with its own participants', async () => {
    const db = database.db;
    const caseRows = await db.select().from(cases);
    expect(caseRows).toHaveLength(20);
    let total = 0;
    for (const row of caseRows) {
      const rows = await db
        .select({ interview: interviews, source: qdaSources, participantCase: participants.caseId })
        .from(interviews)
        .innerJoin(qdaSources, eq(qdaSources.id, interviews.sourceId))
        .innerJoin(participants, eq(participants.id, interviews.participantId))
        .where(eq(interviews.caseId, row.id));
      expect(rows.length).toBeGreaterThanOrEqual(4);
      expect(rows.length).toBeLessThanOrEqual(6);
      total += rows.length;
      for (const { interview, source, participantCase } of rows) {
        expect(participantCase).toBe(row.id);
        expect(source.caseId).toBe(row.id);
        expect(source.programmeId).toBe(row.programmeId);
        expect(source.kind).toBe('interview');
        expect(source.participantId).toBe(interview.participantId);
        expect(source.name).toMatch(
          /^Interview .+, \d{4}-\d{2}-\d{2} \((face-to-face|video|telefoon|schriftelijk)\)$/,
        );
        expect(source.name).toContain(interview.heldOn);
        expect(source.length).toBe(codePointLength(source.body));
        expect(source.body).toBe(source.body.normalize('NFC').trimEnd());
        const words = wordsOf(source.body);
        expect(words).toBeGreaterThanOrEqual(2000);
        expect(words).toBeLessThanOrEqual(6000);
        expect(interview.heldOn >= row.createdAt.toISOString().slice(0, 10)).toBe(true);
        expect(interview.heldOn <= today).toBe(true);
        expect(interview.interviewerId).not.toBeNull();
        expect(source.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
      }
    }
    expect(total / 20).toBeGreaterThan(4);
    expect(total / 20).toBeLessThan(6);
  });

  it('writes Dutch transcripts with accents and now and then an emoji', async () => {
    const bodies = (await database.db.select({ body: qdaSources.body }).from(qdaSources)).map(
      (r) => r.body,
    );
    const all = bodies.join('\n');
    expect(all).toMatch(/Interviewer: /);
    expect(all).toMatch(/Jongere: /);
    expect(all).toMatch(/[éëï]/);
    expect(bodies.some((b) => /\p{Extended_Pictographic}/u.test(b))).toBe(true);
  });

  it('codes 60–100 segments per case on whole words, with code-point offsets', async () => {
    const db = database.db;
    const perCase = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from qda_segments group by case_id`,
    );
    expect(perCase).toHaveLength(20);
    for (const { n } of perCase) {
      expect(n).toBeGreaterThanOrEqual(60);
      expect(n).toBeLessThanOrEqual(100);
    }
    const rows = await queryRows<{
      start_pos: number;
      end_pos: number;
      length: number;
      body: string;
      text: string;
      before: string;
      after: string;
      in_case: boolean;
      after_source: boolean;
    }>(
      db,
      sql`select s.start_pos, s.end_pos, src.length, src.body,
            substr(src.body, s.start_pos + 1, s.end_pos - s.start_pos) as text,
            case when s.start_pos = 0 then ' ' else substr(src.body, s.start_pos, 1) end as before,
            case when s.end_pos = src.length then ' ' else substr(src.body, s.end_pos + 1, 1) end as after,
            s.case_id = src.case_id and s.programme_id = src.programme_id as in_case,
            s.created_at >= src.created_at as after_source
          from qda_segments s join qda_sources src on src.id = s.source_id`,
    );
    for (const row of rows) {
      expect(row.end_pos).toBeLessThanOrEqual(row.length);
      expect(row.start_pos).toBeGreaterThanOrEqual(0);
      expect(row.text).toMatch(/^\S[\s\S]*\S$/u);
      expect(row.before).toMatch(/^\s$/);
      expect(row.after).toMatch(/^\s$/);
      const words = wordsOf(row.text);
      expect(words).toBeGreaterThanOrEqual(5);
      expect(words).toBeLessThanOrEqual(60);
      // SQL counts characters as code points, as the offsets do.
      expect(sliceByCodePoints(row.body, row.start_pos, row.end_pos)).toBe(row.text);
      expect(row.in_case).toBe(true);
      expect(row.after_source).toBe(true);
    }
    const segments = await db.select().from(qdaSegments);
    const important = segments.filter((s) => s.important).length;
    expect(important / segments.length).toBeGreaterThan(0.04);
    expect(important / segments.length).toBeLessThan(0.2);
    expect(segments.some((s) => s.quote)).toBe(true);
    for (const s of segments) {
      expect(s.coderId).not.toBeNull();
      expect(s.codeId).not.toBeNull();
    }
    // A skewed use of the codebook: the most used code far more than the least used.
    const use = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from qda_segments group by code_id order by 1 desc`,
    );
    expect(use[0]!.n).toBeGreaterThan(5 * use.at(-1)!.n);
  });

  it('finds planted Dutch stems in a minority of the transcripts with the tsvector search', async () => {
    const hits = async (q: string) => {
      const [row] = await queryRows<{ n: number; total: number }>(
        database.db,
        sql`select count(*) filter (where search @@ websearch_to_tsquery('dutch', ${q}))::int as n,
              count(*)::int as total from qda_sources`,
      );
      return row!;
    };
    for (const q of ['wachtlijsten', 'gesprek', 'mentor', 'overplaatsingen']) {
      const { n, total } = await hits(q);
      expect(n, q).toBeGreaterThan(0);
      expect(n, q).toBeLessThan(total / 2);
    }
    expect((await hits('jeugdzorgbestuurder')).n).toBe(0);
  });

  it('writes the same transcripts for the same seed, and others for another seed', async () => {
    const firstHash = async (db: TestDatabase['db']) => {
      const [row] = await queryRows<{ hash: string }>(
        db,
        sql`select md5(s.body) as hash from qda_sources s join cases c on c.id = s.case_id
            order by c.code, s.created_at, s.id limit 1`,
      );
      return row!.hash;
    };
    const again = await createTestDatabase(kind);
    const other = await createTestDatabase(kind);
    const without = await createTestDatabase(kind);
    try {
      await seedSynthetic(again, {
        cases: 20,
        seed: 7,
        now,
        batchSize: 20,
        registrationsPerQuarter: 0,
      });
      await seedSynthetic(other, { cases: 2, seed: 8, now, registrationsPerQuarter: 0 });
      await seedSynthetic(without, {
        cases: 20,
        seed: 7,
        now,
        interviews: false,
        registrationsPerQuarter: 0,
      });
      expect(await firstHash(again.db)).toBe(await firstHash(database.db));
      expect(await firstHash(other.db)).not.toBe(await firstHash(database.db));
      // --no-interviews: the same cases, without interviews, codings or codebook.
      for (const table of [qdaSources, interviews, qdaSegments, qdaCodes])
        expect((await without.db.select({ n: count() }).from(table))[0]!.n).toBe(0);
      const codes = async (db: TestDatabase['db']) =>
        await db.select({ code: cases.code, id: cases.id }).from(cases).orderBy(asc(cases.code));
      expect(await codes(without.db)).toEqual(await codes(again.db));
    } finally {
      await again.dispose();
      await other.dispose();
      await without.dispose();
    }
  }, 240_000);

  it('writes transcripts of 300–700 words with --short-transcripts, coded as much', async () => {
    const short = await createTestDatabase(kind);
    try {
      await seedSynthetic(short, {
        cases: 4,
        seed: 7,
        now,
        shortTranscripts: true,
        registrationsPerQuarter: 0,
      });
      const sources = await short.db.select({ body: qdaSources.body }).from(qdaSources);
      expect(sources.length).toBeGreaterThanOrEqual(16);
      for (const { body } of sources) {
        expect(wordsOf(body)).toBeGreaterThanOrEqual(300);
        expect(wordsOf(body)).toBeLessThanOrEqual(700);
      }
      const perCase = await queryRows<{ n: number }>(
        short.db,
        sql`select count(*)::int as n from qda_segments group by case_id`,
      );
      expect(perCase).toHaveLength(4);
      for (const { n } of perCase) {
        expect(n).toBeGreaterThanOrEqual(60);
        expect(n).toBeLessThanOrEqual(100);
      }
    } finally {
      await short.dispose();
    }
  }, 120_000);

  it('makes the synthesis and the access-table registrations once per database', async () => {
    const fresh = await createTestDatabase(kind);
    try {
      const first = await seedSynthetic(fresh, {
        cases: 3,
        seed: 9,
        now,
        registrationsPerQuarter: 2,
      });
      expect(first.synthesis).toEqual({
        themes: syntheticCodebook.length,
        threads: 6,
        recommendations: 12,
      });
      const threads = await queryRows<{ n: number; codes: number }>(
        fresh.db,
        sql`select t.number as n, (select count(*)::int from synthesis_thread_codes c where c.thread_id = t.id) as codes
            from synthesis_threads t order by t.number`,
      );
      expect(threads.map((t) => t.n)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(threads.every((t) => t.codes > 0)).toBe(true);
      // Every recommendation rests on a thread of its own programme, in one of its stakeholder groups.
      const [wrong] = await queryRows<{ n: number }>(
        fresh.db,
        sql`select count(*)::int as n from recommendations r
            where not exists (select 1 from recommendation_threads rt
              join synthesis_threads t on t.id = rt.thread_id and t.programme_id = r.programme_id
              where rt.recommendation_id = r.id)`,
      );
      expect(wrong!.n).toBe(0);
      const [strangers] = await queryRows<{ n: number }>(
        fresh.db,
        sql`select count(*)::int as n from recommendations r join programmes p on p.id = r.programme_id
            where not exists (select 1 from jsonb_array_elements(p.stakeholder_groups) g
              where g->>'code' = r.stakeholder_group)`,
      );
      expect(strangers!.n).toBe(0);
      const regionsWithout = await queryRows<{ code: string }>(
        fresh.db,
        sql`select r.code from regions r where not exists (
              select 1 from access_registrations a where a.region_code = r.code)`,
      );
      expect(regionsWithout).toEqual([]);
      expect(first.monitoring.tables).toBeGreaterThan(0);
      const [future] = await queryRows<{ n: number }>(
        fresh.db,
        sql`select count(*)::int as n from access_registrations where discussed_on > ${now.toISOString().slice(0, 10)}::date`,
      );
      expect(future!.n).toBe(0);
      const again = await seedSynthetic(fresh, {
        cases: 2,
        seed: 9,
        now,
        registrationsPerQuarter: 2,
      });
      expect(again.synthesis.threads).toBe(0);
      expect(again.monitoring.registrations).toBe(0);
      const [registrations] = await queryRows<{ n: number }>(
        fresh.db,
        sql`select count(*)::int as n from access_registrations`,
      );
      expect(registrations!.n).toBe(first.monitoring.registrations);
    } finally {
      await fresh.dispose();
    }
  }, 240_000);
});

describe('npm run seed:synthetic as a process', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kl-seed-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const bin = path.join(repoRoot, 'node_modules/.bin/tsx');
  const run = (...argv: string[]) =>
    spawnSync(bin, ['scripts/seed-synthetic.ts', ...argv], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: '' },
      encoding: 'utf8',
    });

  it('exits with 2 and names the argument on bad arguments', () => {
    const bad = run('--cases', 'veel', '--data-dir', dataDir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--cases: "veel"/);
  }, 60_000);

  it('refuses a data folder that another process holds, and leaves it alone', () => {
    const lock = acquireDataLock(dataDir);
    try {
      const refused = run('--cases', '1', '--data-dir', dataDir);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/in gebruik/);
      expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(false);
    } finally {
      lock.release();
    }
  }, 60_000);
});
