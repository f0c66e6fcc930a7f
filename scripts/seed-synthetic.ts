// `npm run seed:synthetic -- --cases N [--data-dir D] [--seed S] [--no-interviews | --short-transcripts]`: fills a database with
// realistic but entirely FICTIONAL cases, for load tests, benchmarks and trying the screens with
// a realistic amount of data. DATABASE_URL selects a PostgreSQL server; otherwise the embedded
// database in the data folder (KETENLENS_DATA_DIR, default ./data, or --data-dir), which must not
// be in use by a running app (the same folder lock as the app).
//
// What it writes: a fictional programme "Synthetische casussen (fictief)" (reused when it
// exists) with eight execution teams in eight youth-care regions, a fictional knowledge
// institute, one invited researcher account per team (no password: an administrator sends an
// invitation link), and then N cases: participants, consents per participant per purpose, 40–150
// timeline items per case across all lanes with their history entry, some comments, and the
// case's indicators computed with computeIndicators, as the app would store them. Unless
// --no-interviews: a codebook for the programme (8 themes with 3–6 sub-codes each, made once), and
// per case 4–6 interviews with its participants, each with a transcript of 2,000–6,000 words
// (a qda_sources row; its search vector is computed by the database), and 60–100 coded
// segments on whole words. The transcripts' Dutch tsvector is the largest part of the time.
// --short-transcripts: the same interviews and codings, but transcripts of 300–700 words, for a
// database of many coded cases in less time and space (the synthesis benchmark on PGlite: the
// thread evidence reads the kept counts, not the texts).
//
// Once per database, whatever the number of cases: with interviews, the programme's synthesis
// (scripts/seed-synthesis.ts: a theme per top-level code, six threads, twelve recommendations
// with reviews by a fictional expert by experience); and one access table per region with three
// years of registrations (scripts/seed-monitoring.ts, about 120 per region per quarter).
//
// It writes no access-log entries: it is not a user and reads nobody's data. (Creating the
// programme, teams and accounts goes through the app's own commands, which log nothing either.)
//
// Deterministic: the same seed on the same database state gives the same cases, codes, case ids
// and dates (the programme, teams and accounts get their ids from the database). Dates are laid
// out before a fixed reference day (or today, if that is earlier), so the data does not depend
// on the day it is made; only computedAt, and the months without school of a no-school period
// still going on (counted to today by definition), do.
//
// Fast: cases are generated in memory and written in bulk (COPY on PGlite, multi-row INSERTs on
// PostgreSQL), a batch of cases per transaction, and the tables are analysed at the end.
//
// Case codes follow the app's KL-<year>-<number> (at least 3 digits, as wide as needed, the year
// of the case's creation), continuing after the highest number of each year, so a case opened
// later through the app gets the next free number.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { and, eq, getTableColumns, getTableName, isNull, sql } from 'drizzle-orm';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { PgTable } from 'drizzle-orm/pg-core';
import { loadConfig } from '../src/server/config';
import { openPglite, openPostgres, type Database, type Db } from '../src/server/db/connect';
import type { RequestContext } from '../src/server/db/context';
import { acquireDataLock, DataFolderLockedError, type DataLock } from '../src/server/db/data-lock';
import { migrate } from '../src/server/db/migrate';
import { queryRows } from '../src/server/db/raw';
import { users } from '../src/server/features/auth/schema';
import { createUser } from '../src/server/features/auth/create-user';
import {
  cases,
  consents,
  institutionTypes,
  participants,
} from '../src/server/features/cases/schema';
import { syncCaseReferenceData } from '../src/server/features/cases/reference';
import {
  interviews,
  qdaCodeHistory,
  qdaCodes,
  qdaSegments,
  qdaSources,
} from '../src/server/features/coding/schema';
import {
  municipalities,
  organisations,
  programmes,
  regions,
  teams,
} from '../src/server/features/organisations/schema';
import { syncReferenceData } from '../src/server/features/organisations/reference-data';
import { createOrganisation } from '../src/server/features/organisations/save-organisation';
import { createProgramme } from '../src/server/features/organisations/save-programme';
import { addTeamMember, createTeam } from '../src/server/features/organisations/save-team';
import { editableFields } from '../src/server/features/timeline/queries';
import {
  caseIndicators,
  timelineCategories,
  timelineComments,
  timelineHistory,
  timelineItems,
} from '../src/server/features/timeline/schema';
import {
  ageRange,
  consentPurposes,
  consentRule,
  hasConsent,
  type ConsentParticipant,
  type ConsentPurpose,
  type ConsentRecord,
} from '../src/shared/domain/consent';
import { dayFromNumber, dayNumber, dayRange } from '../src/shared/domain/fuzzy-date';
import { computeIndicators } from '../src/shared/domain/indicators';
import { defaultStakeholderGroups } from '../src/shared/contract/organisations';
import { seedMonitoring } from './seed-monitoring';
import { seedSynthesis } from './seed-synthesis';
import {
  laneCategoryList,
  type CategoryMarker,
  type FuzzyDate,
  type Perspective,
  type TimelineLane,
} from '../src/shared/domain/timeline';

// ---------------------------------------------------------------------------------------------
// Arguments

export class SeedUsageError extends Error {
  readonly exitCode = 2;
}

export const usage = `Gebruik: npm run seed:synthetic -- --cases N [--data-dir D] [--seed S] [--no-interviews | --short-transcripts]

  --cases N        aantal fictieve casussen om toe te voegen (1 tot en met 1.000.000)
  --data-dir D     datamap van de ingebouwde database (standaard KETENLENS_DATA_DIR of ./data);
                   niet samen met DATABASE_URL
  --seed S         geheel getal (standaard 1): hetzelfde getal geeft dezelfde casussen
  --no-interviews  zonder interviews en coderingen (standaard krijgt elke casus 4–6 interviews
                   van 2.000–6.000 woorden en 60–100 gecodeerde fragmenten, met een codeboek;
                   dat maakt de database ruim twee keer zo groot en het vullen zo'n zes tot
                   acht keer trager)
  --short-transcripts  dezelfde interviews en coderingen, maar transcripten van 300–700 woorden
                   (sneller en kleiner, voor veel gecodeerde casussen)

DATABASE_URL kiest een PostgreSQL-server. De datamap mag niet in gebruik zijn door de app.`;

export type SeedTarget = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
export type SeedArguments =
  | {
      cases: number;
      seed: number;
      interviews: boolean;
      shortTranscripts: boolean;
      target: SeedTarget;
    }
  | { help: true };

const maxCases = 1_000_000;

/** Reads the command line; a bad argument is a SeedUsageError (exit code 2) naming it. */
export function parseSeedArgs(argv: string[], env: NodeJS.ProcessEnv): SeedArguments {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        cases: { type: 'string' },
        'data-dir': { type: 'string' },
        seed: { type: 'string' },
        'no-interviews': { type: 'boolean' },
        'short-transcripts': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new SeedUsageError(`${(error as Error).message}\n\n${usage}`);
  }
  if (values.help) return { help: true };
  const casesText = typeof values.cases === 'string' ? values.cases.trim() : '';
  if (casesText === '') throw new SeedUsageError(`--cases is verplicht.\n\n${usage}`);
  const count = /^\d+$/.test(casesText) ? Number(casesText) : Number.NaN;
  if (!Number.isSafeInteger(count) || count < 1 || count > maxCases)
    throw new SeedUsageError(
      `--cases: "${casesText}" is geen geheel getal van 1 tot en met ${maxCases.toLocaleString('nl-NL')}.`,
    );
  let seed = 1;
  if (values.seed !== undefined) {
    const seedText = String(values.seed).trim();
    seed = /^\d+$/.test(seedText) ? Number(seedText) : Number.NaN;
    if (!Number.isSafeInteger(seed))
      throw new SeedUsageError(`--seed: "${seedText}" is geen geheel getal van 0 of meer.`);
  }
  const interviews = values['no-interviews'] !== true;
  const shortTranscripts = values['short-transcripts'] === true;
  if (shortTranscripts && !interviews)
    throw new SeedUsageError(
      '--short-transcripts: zonder interviews zijn er geen transcripten. Kies één van beide.',
    );
  const dataDirText = typeof values['data-dir'] === 'string' ? values['data-dir'].trim() : null;
  if (dataDirText === '') throw new SeedUsageError('--data-dir: geef een map op.');
  if (env.DATABASE_URL) {
    if (dataDirText !== null)
      throw new SeedUsageError(
        '--data-dir: DATABASE_URL is gezet, dus de casussen gaan naar die PostgreSQL-server. Kies één van beide.',
      );
    return {
      cases: count,
      seed,
      interviews,
      shortTranscripts,
      target: { kind: 'postgres', url: env.DATABASE_URL },
    };
  }
  const dataDir = dataDirText
    ? path.resolve(dataDirText)
    : loadConfig({ ...env, DATABASE_URL: '' }).dataDir;
  return { cases: count, seed, interviews, shortTranscripts, target: { kind: 'pglite', dataDir } };
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** sfc32, seeded from a SHA-256 of a text: small, fast and good enough for test data. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(key: string) {
    const digest = createHash('sha256').update(key).digest();
    this.a = digest.readUInt32LE(0);
    this.b = digest.readUInt32LE(4);
    this.c = digest.readUInt32LE(8);
    this.d = digest.readUInt32LE(12);
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** In [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('pick from an empty list');
    return list[Math.floor(this.next() * list.length)] as T;
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    const last = entries.at(-1);
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  }

  /**
   * A version-7 UUID: the given moment (Unix ms) followed by this generator's bits. Ids that
   * grow with time keep the primary-key indexes appending instead of writing all over the tree,
   * which keeps loading fast once the tables outgrow the cache.
   */
  uuid7(ms: number): string {
    const high = Math.floor(ms / 65536) >>> 0;
    const low = ms % 65536;
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    return (
      hex8(high) +
      '-' +
      hex8(low).slice(4) +
      '-7' +
      hex8(a).slice(0, 3) +
      '-' +
      hex8(((a & 0x3fff) | 0x8000) >>> 0).slice(4) +
      '-' +
      hex8(b).slice(4) +
      hex8(c)
    );
  }
}

const hexBytes = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex8 = (n: number) =>
  (hexBytes[n >>> 24] as string) +
  (hexBytes[(n >>> 16) & 0xff] as string) +
  (hexBytes[(n >>> 8) & 0xff] as string) +
  (hexBytes[n & 0xff] as string);

// ---------------------------------------------------------------------------------------------
// Fuzzy dates from a true day

type Precision = FuzzyDate['precision'];

function fuzzyOf(day: number, precision: Precision, birthYear: number): FuzzyDate {
  const iso = dayFromNumber(day);
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  switch (precision) {
    case 'day':
      return { precision: 'day', date: iso };
    case 'month':
      return { precision: 'month', year, month };
    case 'season':
      if (month <= 2) return { precision: 'season', year: year - 1, season: 'winter' };
      if (month <= 5) return { precision: 'season', year, season: 'spring' };
      if (month <= 8) return { precision: 'season', year, season: 'summer' };
      if (month <= 11) return { precision: 'season', year, season: 'autumn' };
      return { precision: 'season', year, season: 'winter' };
    case 'year':
      return { precision: 'year', year };
    case 'age': {
      // Age A covers 1 January of B+A up to 30 December of B+A+1, so A = year − B holds the day.
      const age = year - birthYear;
      return age >= 0 && age <= 30 ? { precision: 'age', age } : { precision: 'year', year };
    }
  }
}

/** How precisely each perspective tends to remember: the dossier has days, youths have ages. */
const precisionBySource: Record<Perspective, readonly (readonly [Precision, number])[]> = {
  dossier: [
    ['day', 60],
    ['month', 30],
    ['year', 10],
  ],
  professional: [
    ['day', 30],
    ['month', 40],
    ['season', 10],
    ['year', 20],
  ],
  parent: [
    ['day', 10],
    ['month', 30],
    ['season', 20],
    ['year', 25],
    ['age', 15],
  ],
  youth: [
    ['month', 15],
    ['season', 20],
    ['year', 25],
    ['age', 40],
  ],
};

// ---------------------------------------------------------------------------------------------
// Setup: programme, institute, teams, researchers

export const syntheticProgrammeName = 'Synthetische casussen (fictief)';
const instituteName = 'Kenniscentrum Synthese (fictief)';
export const syntheticEmailDomain = 'synthetisch.ketenlens.test';
/** How the access tables of the synthetic registrations are named (scripts/seed-monitoring.ts). */
const syntheticTableMarker = '(synthetisch)';
const teamCount = 8;

type Team = { id: string; name: string; regionCode: string; researcherId: string };

type Setup = {
  programmeId: string;
  programmeReused: boolean;
  teams: Team[];
  regionCodes: string[];
  institutionTypes: string[];
  /** Marker of each (lane category list, code) that is not archived. */
  categories: Map<string, CategoryMarker | null>;
  /** The synthetic codebook, when interviews are generated. */
  codebook: SyntheticCode[] | null;
  /** The fictional knowledge institute the accounts belong to. */
  instituteId: string;
};

async function prepareSetup(db: Db, now: Date, withInterviews: boolean): Promise<Setup> {
  const ctx: RequestContext = { db, actor: null, requestId: 'seed-synthetic', now: () => now };
  const allRegions = await db.select({ code: regions.code }).from(regions).orderBy(regions.code);
  if (allRegions.length < teamCount)
    throw new Error(
      'De regio-referentielijst ontbreekt of is onvolledig; start de app één keer of migreer eerst.',
    );
  const regionCodes = allRegions.map((r) => r.code);

  const [existingProgramme] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(and(eq(programmes.name, syntheticProgrammeName), isNull(programmes.archivedAt)));
  const programmeId =
    existingProgramme?.id ??
    (await createProgramme(ctx, {
      name: syntheticProgrammeName,
      periodStart: '2023-01-01',
      periodEnd: null,
      learningGoals:
        'Synthetische, volledig verzonnen casussen om de werking en snelheid van Ketenlens met veel gegevens te beproeven. Geen echte personen.',
      stakeholderGroups: defaultStakeholderGroups,
      smallCellThreshold: 5,
    }));

  const [existingInstitute] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, instituteName));
  const instituteId =
    existingInstitute?.id ??
    (await createOrganisation(ctx, {
      name: instituteName,
      type: 'knowledge_institute',
      municipalityCode: null,
    }));

  const teamsOut: Team[] = [];
  for (let k = 0; k < teamCount; k++) {
    const regionCode = regionCodes[Math.floor((k * regionCodes.length) / teamCount)] as string;
    const [municipality] = await db
      .select({ code: municipalities.code, name: municipalities.name })
      .from(municipalities)
      .where(eq(municipalities.regionCode, regionCode))
      .orderBy(municipalities.sortKey, municipalities.code)
      .limit(1);
    if (!municipality) throw new Error(`Regio ${regionCode} heeft geen gemeenten.`);
    const name = `Uitvoeringsteam ${municipality.name} (synthetisch, fictief)`;
    const [existingTeam] = await db
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.programmeId, programmeId), eq(teams.name, name)));
    const teamId =
      existingTeam?.id ??
      (await createTeam(ctx, {
        name,
        programmeId,
        municipalityCode: municipality.code,
        plannedSessions: 6,
      }));
    const email = `onderzoeker-${k + 1}@${syntheticEmailDomain}`;
    const [existingUser] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, email));
    const researcherId =
      existingUser?.id ??
      (await createUser(ctx, {
        email,
        displayName: `Onderzoeker ${municipality.name} (synthetisch, fictief)`,
        role: 'researcher',
        password: null,
        organisationId: instituteId,
      }));
    await addTeamMember(ctx, teamId, { userId: researcherId, roleLabel: 'action_learner' });
    teamsOut.push({ id: teamId, name, regionCode, researcherId });
  }

  const types = await db
    .select({ code: institutionTypes.code })
    .from(institutionTypes)
    .where(isNull(institutionTypes.archivedAt));
  const categoryRows = await db
    .select({
      list: timelineCategories.list,
      code: timelineCategories.code,
      marker: timelineCategories.marker,
    })
    .from(timelineCategories)
    .where(isNull(timelineCategories.archivedAt));
  const codebook = withInterviews
    ? await prepareCodebook(db, programmeId, (teamsOut[0] as Team).researcherId, now)
    : null;
  return {
    programmeId,
    programmeReused: existingProgramme !== undefined,
    teams: teamsOut,
    codebook,
    instituteId,
    regionCodes,
    institutionTypes: types.map((t) => t.code).sort(),
    categories: new Map(
      categoryRows.map((c) => [`${c.list}:${c.code}`, c.marker as CategoryMarker | null]),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// One case, generated in memory

type CaseRow = typeof cases.$inferInsert;
type ParticipantRow = typeof participants.$inferInsert & { id: string };
type ConsentRow = typeof consents.$inferInsert;
type ItemRow = typeof timelineItems.$inferInsert & { id: string };
type CommentRow = typeof timelineComments.$inferInsert;
type HistoryRow = typeof timelineHistory.$inferInsert;
type IndicatorRow = typeof caseIndicators.$inferInsert;

export type GeneratedCase = {
  caseRow: CaseRow;
  participants: ParticipantRow[];
  consents: ConsentRow[];
  items: ItemRow[];
  comments: CommentRow[];
  history: HistoryRow[];
  indicators: IndicatorRow;
  /** Interview transcripts (qda_sources), their interviews and codings: empty when off. */
  sources: SourceRow[];
  interviews: InterviewRow[];
  segments: SegmentRow[];
  /** Words in the transcripts: in all, and per transcript. */
  words: number;
  transcriptWords: number[];
};

const statuses = [
  'included',
  'consent',
  'timeline',
  'dossier',
  'interviews',
  'review_meeting',
  'analysed',
  'closed',
] as const;

const msPerDay = 86_400_000;
const letters = 'ABCDEFGHJKLMNPRSTUVWZ';

type LaneCounts = Record<TimelineLane, number>;

/** 40–150 items, spread over the lanes with a minimum in each structural lane. */
function laneCounts(rng: Rng, total: number, withJustice: boolean): LaneCounts {
  const shares: [TimelineLane, number, number][] = [
    ['living', 0.07, 3],
    ['school', 0.1, 3],
    ['care', 0.24, 5],
    ['diagnosis', 0.05, 1],
    ['justice', withJustice ? 0.05 : 0, withJustice ? 1 : 0],
    ['family', 0.27, 3],
    ['people', 0.12, 2],
  ];
  const counts = Object.fromEntries(
    shares.map(([lane, share, min]) => [
      lane,
      Math.max(min, Math.round(total * share * (0.75 + rng.next() * 0.5))),
    ]),
  ) as LaneCounts;
  let sum = Object.values(counts).reduce((a, b) => a + b, 0);
  // Settle the difference in the lanes that have most room: family, care, people.
  const flexible: TimelineLane[] = ['family', 'care', 'people'];
  for (let i = 0; sum !== total; i++) {
    const lane = flexible[i % flexible.length] as TimelineLane;
    if (sum < total) {
      counts[lane] += 1;
      sum += 1;
    } else if (counts[lane] > 3) {
      counts[lane] -= 1;
      sum -= 1;
    }
  }
  return counts;
}

/** count sorted days in [from + 1, to] (or just after from when the span is empty). */
function boundaries(rng: Rng, count: number, from: number, to: number): number[] {
  const last = Math.max(to, from + 1);
  return Array.from({ length: Math.max(0, count) }, () => rng.int(from + 1, last)).sort(
    (a, b) => a - b,
  );
}

type ItemSpec = {
  lane: TimelineLane;
  kind: 'event' | 'period';
  title: string;
  description?: string;
  start: number;
  /** A true end day; null for an event or a period still going on. */
  end: number | null;
  categoryCode?: string | null;
  reference?: string | null;
  valence?: 'positive' | 'neutral' | 'negative';
  /** The perspectives this kind of fact usually comes from. */
  sources?: readonly (readonly [Perspective, number])[];
  waitingDays?: number | null;
  isSignal?: boolean;
  revisesItemId?: string | null;
};

const defaultSources: readonly (readonly [Perspective, number])[] = [
  ['youth', 25],
  ['parent', 25],
  ['professional', 25],
  ['dossier', 25],
];

const commentTexts: Record<Perspective, readonly string[]> = {
  youth: [
    'Zo herinner ik het me niet: ik vond het daar juist fijn.',
    'Niemand heeft mij toen gevraagd wat ik wilde.',
    'Dit was eerder, volgens mij was ik toen nog jonger.',
    'Hier ging het voor mij echt mis.',
  ],
  parent: [
    'Wij hebben dit veel eerder gemeld, maar er werd niets mee gedaan.',
    'Volgens ons duurde dit langer dan hier staat.',
    'Dit was voor het hele gezin een zware tijd.',
    'Hier hadden we meer steun nodig gehad.',
  ],
  professional: [
    'In de overdracht ontbrak deze informatie.',
    'De wachttijd was hier de belangrijkste belemmering.',
    'De samenwerking tussen school en hulpverlening liep hier goed.',
    'Er was toen geen passend aanbod in de regio.',
  ],
  dossier: [
    'Het dossier noemt een andere datum.',
    'In het dossier staat dit als crisisplaatsing beschreven.',
    'Volgens het dossier is de aanmelding twee keer afgewezen.',
  ],
};

type CaseContext = {
  seed: number;
  index: number;
  code: string;
  team: Team;
  programmeId: string;
  regionCode: string;
  /** Institution types to choose from, with their weights. */
  institutionTypes: readonly (readonly [string, number])[];
  createdAt: Date;
  /** The reference day, or today if that is earlier: nothing is dated after it. */
  anchorDay: number;
  today: string;
  /** When the run happens: the indicators' computedAt. */
  now: Date;
  /** The latest moment any record is dated: the end of the reference day, or now if earlier. */
  latest: Date;
  categories: Setup['categories'];
  status: (typeof statuses)[number];
  /** Codebook and researchers for interviews and codings; null: no interviews. */
  interviews?: InterviewSettings | null;
};

export function generateCase(ctx: CaseContext): GeneratedCase {
  const rng = new Rng(`ketenlens-synthetic|${ctx.seed}|case|${ctx.index}`);
  // Ids come from the code (unique in the database), so a second run with the same seed adds
  // new rows instead of colliding with the first run's.
  const idRng = new Rng(`ketenlens-synthetic|${ctx.seed}|ids|${ctx.code}`);
  const ids = { uuid: () => idRng.uuid7(ctx.createdAt.getTime()) };
  const caseId = ids.uuid();
  const birthYear = rng.int(2004, 2014);
  const birthDay = dayNumber(`${birthYear}-01-01`) + rng.int(0, 364);
  const createdDay = Math.floor(ctx.createdAt.getTime() / msPerDay);
  const stopDay = Math.min(createdDay, ctx.anchorDay);
  const dayAtAge = (age: number) => birthDay + Math.round(age * 365.25);
  const ageOnDay = (day: number) => (day - birthDay) / 365.25;
  // Nobody under 12 is in a youth detention centre (the age of criminal responsibility).
  const ageAtInclusion = ctx.createdAt.getUTCFullYear() - birthYear;
  const typeOptions = ctx.institutionTypes.filter(
    ([code]) => code !== 'jji' || ageAtInclusion >= 13,
  );
  const institutionType = rng.weighted(typeOptions.length > 0 ? typeOptions : ctx.institutionTypes);
  const gender = rng.weighted([
    ['female', 45],
    ['male', 50],
    ['other', 2],
    [null, 3],
  ] as const);
  const caseRow: CaseRow = {
    id: caseId,
    code: ctx.code,
    programmeId: ctx.programmeId,
    teamId: ctx.team.id,
    institutionType,
    regionCode: ctx.regionCode,
    birthYear,
    gender,
    status: ctx.status,
    createdAt: ctx.createdAt,
    updatedAt: ctx.createdAt,
  };

  // Participants: the youth, one or two parents (at least one with authority), the main
  // practitioner, sometimes a school mentor and another professional.
  const at = (dayOffset: number) =>
    new Date(Math.min(ctx.createdAt.getTime() + dayOffset * msPerDay, ctx.latest.getTime()));
  const people: ParticipantRow[] = [];
  const addPerson = (
    kind: ConsentParticipant['kind'],
    label: string,
    hasAuthority = false,
  ): ParticipantRow => {
    const row: ParticipantRow = {
      id: ids.uuid(),
      caseId,
      kind,
      label,
      hasAuthority,
      createdAt: at(people.length / 24),
    };
    people.push(row);
    return row;
  };
  const youth = addPerson('youth', 'jongere');
  const parentShape = rng.weighted([
    ['mother', 35],
    ['father', 8],
    ['both', 45],
    ['guardian', 12],
  ] as const);
  const parents: ParticipantRow[] = [];
  if (parentShape === 'mother' || parentShape === 'both')
    parents.push(addPerson('parent', 'moeder', true));
  if (parentShape === 'father' || parentShape === 'both')
    parents.push(addPerson('parent', 'vader', parentShape === 'father' || rng.chance(0.55)));
  if (parentShape === 'guardian') {
    parents.push(addPerson('parent', 'voogd (gecertificeerde instelling)', true));
    if (rng.chance(0.5)) parents.push(addPerson('parent', 'moeder', false));
  }
  addPerson(
    'main_practitioner',
    rng.pick(['hoofdbehandelaar', 'jeugdbeschermer', 'gedragswetenschapper', 'casusregisseur']),
  );
  if (rng.chance(0.55)) addPerson('network', rng.pick(['mentor school', 'mentor', 'coach school']));
  if (rng.chance(0.3))
    addPerson('other_professional', rng.pick(['ambulant hulpverlener', 'wijkteammedewerker']));

  // Consents: complete for most cases, a few missing, some withdrawn later.
  const consentProfile = rng.weighted([
    ['complete', 72],
    ['missing', 18],
    ['withdrawn', 10],
  ] as const);
  const rule = consentRule(ageRange(birthYear, ctx.latest));
  const consentRows: ConsentRow[] = [];
  const consentDay = Math.min(createdDay + rng.int(3, 45), ctx.anchorDay);
  const formVersion = rng.pick(['fictief-2023-v1', 'fictief-2024-v2', 'fictief-2025-v3']);
  for (const person of people) {
    for (const purpose of consentPurposes) {
      const givenOn = dayFromNumber(Math.min(consentDay + rng.int(0, 14), ctx.anchorDay));
      const base = { caseId, participantId: person.id, purpose, formVersion };
      if (person.kind !== 'youth' || rule.needsYouth)
        consentRows.push({
          ...base,
          id: ids.uuid(),
          givenBy: 'self',
          representativeId: null,
          givenOn,
        });
      if (person.kind === 'youth' && rule.needsParents)
        for (const parent of parents.filter((p) => p.hasAuthority))
          consentRows.push({
            ...base,
            id: ids.uuid(),
            givenBy: 'legal_representative',
            representativeId: parent.id,
            givenOn,
          });
    }
  }
  let keptConsents = consentRows;
  if (consentProfile === 'missing') {
    // Recording is most often declined; otherwise a parent or professional has not signed yet.
    const drop = new Set<number>();
    const wanted = rng.int(1, 4);
    for (let i = 0; i < wanted * 3 && drop.size < wanted; i++) {
      const index = rng.int(0, consentRows.length - 1);
      const row = consentRows[index] as ConsentRow;
      if (row.purpose === 'recording' || rng.chance(0.4)) drop.add(index);
    }
    keptConsents = consentRows.filter((_, i) => !drop.has(i));
  } else if (consentProfile === 'withdrawn') {
    const withdrawals = rng.int(1, 2);
    for (let i = 0; i < withdrawals; i++) {
      const row = rng.pick(consentRows);
      const given = dayNumber(row.givenOn);
      if (given < ctx.anchorDay)
        row.withdrawnOn = dayFromNumber(Math.min(given + rng.int(10, 400), ctx.anchorDay));
    }
  }
  keptConsents.forEach((row, i) => {
    row.createdAt = at(1 + i / 1000);
  });
  const consentView: ConsentRecord[] = keptConsents.map((c) => ({
    participantId: c.participantId,
    purpose: c.purpose as ConsentPurpose,
    givenBy: c.givenBy as ConsentRecord['givenBy'],
    representativeId: c.representativeId ?? null,
    withdrawnOn: c.withdrawnOn ?? null,
  }));
  const peopleView: ConsentParticipant[] = people.map((p) => ({
    id: p.id,
    kind: p.kind as ConsentParticipant['kind'],
    label: p.label,
    hasAuthority: p.hasAuthority ?? false,
  }));
  // Dossier data on the timeline only while the dossier consent is complete (as the app checks).
  const dossierAllowed = hasConsent({
    participant: peopleView[0] as ConsentParticipant,
    purpose: 'dossier',
    participants: peopleView,
    consents: consentView,
    birthYear,
    on: ctx.latest,
  });

  // The timeline.
  const items: ItemRow[] = [];
  const itemsCreatedAt = at(rng.int(14, 120));
  const mainParent = parents.find((p) => p.hasAuthority) ?? parents[0];
  const practitioner = people.find((p) => p.kind === 'main_practitioner');
  const hasCategory = (lane: TimelineLane, code: string) => {
    const list = laneCategoryList[lane];
    return list !== undefined && ctx.categories.has(`${list}:${code}`);
  };
  const add = (spec: ItemSpec): ItemRow => {
    let source = rng.weighted(spec.sources ?? defaultSources);
    if (source === 'dossier' && !dossierAllowed) source = 'professional';
    const precisions = precisionBySource[source];
    const start = fuzzyOf(spec.start, rng.weighted(precisions), birthYear);
    const end = spec.end === null ? null : fuzzyOf(spec.end, rng.weighted(precisions), birthYear);
    const startRange = dayRange(start, birthYear);
    const endRange = end ? dayRange(end, birthYear) : null;
    const teller =
      source === 'youth'
        ? youth
        : source === 'parent'
          ? mainParent
          : source === 'professional'
            ? practitioner
            : undefined;
    // Recorded a minute apart in the timeline sessions after inclusion.
    const recordedAt = new Date(
      Math.min(itemsCreatedAt.getTime() + items.length * 60_000, ctx.latest.getTime()),
    );
    let categoryCode = spec.categoryCode ?? null;
    if (categoryCode && !hasCategory(spec.lane, categoryCode))
      categoryCode = hasCategory(spec.lane, 'other') ? 'other' : null;
    const row: ItemRow = {
      id: ids.uuid(),
      caseId,
      kind: spec.kind,
      lane: spec.lane,
      title: spec.title,
      description: spec.description ?? '',
      start,
      startEarliest: startRange.earliest,
      startLatest: startRange.latest,
      end,
      endEarliest: endRange?.earliest ?? null,
      endLatest: endRange?.latest ?? null,
      valence: spec.valence ?? 'neutral',
      source,
      sourceParticipantId: teller && rng.chance(0.6) ? teller.id : null,
      categoryCode,
      reference: spec.reference ?? null,
      waitingDays: spec.waitingDays ?? null,
      isSignal: spec.isSignal ?? false,
      revisesItemId: spec.revisesItemId ?? null,
      version: 1,
      createdBy: ctx.team.researcherId,
      createdAt: recordedAt,
      updatedAt: recordedAt,
    };
    items.push(row);
    return row;
  };
  /** A day between two ages, clamped to the timeline's span. */
  const dayBetween = (fromAge: number, toAge: number) => {
    const from = Math.max(birthDay, Math.min(dayAtAge(fromAge), stopDay));
    const to = Math.max(from, Math.min(dayAtAge(toAge), stopDay));
    return from + Math.floor(rng.next() * (to - from + 1));
  };
  const ageAtStop = ageOnDay(stopDay);
  const total = rng.int(40, 150);
  const withJustice =
    institutionType === 'jji' || institutionType === 'jeugdzorgplus' || rng.chance(0.5);
  const counts = laneCounts(rng, total, withJustice);
  const letterFor = new Map<string, number>();
  const pseudonym = (kind: string) => {
    const n = letterFor.get(kind) ?? rng.int(0, 5);
    letterFor.set(kind, n + 1);
    return `${kind} ${letters[n % letters.length] as string}`;
  };

  // Living situation: a chain of periods from birth, the last one often still going on.
  {
    const n = counts.living;
    const cuts = boundaries(rng, n - 1, dayAtAge(Math.min(2, ageAtStop / 3)), stopDay - 30);
    const finalSetting: Record<string, string> = {
      jji: 'jji',
      jeugdzorgplus: 'jeugdzorgplus',
      klinische_jeugd_ggz: 'clinic',
      obc_lvb: 'open_group',
    };
    const homeLabel = rng.pick(['Thuis bij moeder', 'Thuis bij beide ouders', 'Thuis bij vader']);
    let setting = 'parental_home';
    const visited: { code: string; reference: string }[] = [];
    for (let i = 0; i < n; i++) {
      const from = i === 0 ? birthDay : (cuts[i - 1] as number);
      const to = i === n - 1 ? null : (cuts[i] as number);
      const age = ageOnDay(from);
      if (i > 0) {
        const outOfHome = setting !== 'parental_home' && setting !== 'independent';
        const options: [string, number][] = [
          ['kinship_foster_care', age < 14 ? 14 : 4],
          ['foster_family', age < 14 ? 22 : 6],
          ['gezinshuis', 14],
          ['open_group', age >= 8 ? 16 : 2],
          ['clinic', age >= 10 ? 6 : 0],
          ['jeugdzorgplus', age >= 12 ? 12 : 0],
          ['jji', age >= 12 ? 5 : 0],
          ['parental_home', outOfHome ? 14 : 0],
          ['independent', age >= 17 ? 10 : 0],
          ['other', 3],
        ];
        setting =
          i === n - 1 && finalSetting[institutionType] && age >= 12
            ? (finalSetting[institutionType] as string)
            : rng.weighted(options.filter(([code, w]) => w > 0 && code !== setting));
      }
      const again = visited.filter((v) => v.code === setting);
      const reference =
        setting === 'parental_home'
          ? homeLabel.toLowerCase()
          : again.length > 0 && rng.chance(0.15)
            ? (rng.pick(again).reference as string)
            : setting === 'kinship_foster_care'
              ? `netwerkpleeggezin ${rng.pick(['oma', 'tante', 'oom', 'buren'])}`
              : pseudonym(
                  {
                    foster_family: 'pleeggezin',
                    gezinshuis: 'gezinshuis',
                    open_group: 'open groep',
                    clinic: 'kliniek',
                    jeugdzorgplus: 'jeugdzorgplus-locatie',
                    jji: 'JJI',
                    independent: 'kamertraining',
                    other: 'logeeradres',
                  }[setting] ?? 'adres',
                );
      visited.push({ code: setting, reference });
      const title =
        setting === 'parental_home'
          ? homeLabel
          : reference.charAt(0).toUpperCase() + reference.slice(1);
      add({
        lane: 'living',
        kind: 'period',
        title,
        description:
          i > 0 && rng.chance(0.2)
            ? rng.pick([
                'Plaatsing na een crisismelding.',
                'Overplaatsing omdat de plek niet meer passend was.',
                'Plaatsing in afwachting van een passende plek.',
              ])
            : '',
        start: from,
        end: to ?? (rng.chance(0.2) ? stopDay : null),
        categoryCode: setting,
        reference,
        valence:
          setting === 'parental_home'
            ? rng.pick(['neutral', 'negative', 'positive'])
            : rng.weighted([
                ['negative', 40],
                ['neutral', 35],
                ['positive', 25],
              ] as const),
        sources: [
          ['youth', 30],
          ['parent', 25],
          ['professional', 20],
          ['dossier', 25],
        ],
      });
    }
  }

  // School: periods from age 4, with special education and periods without school in between.
  {
    const events = Math.min(counts.school - 3, Math.floor(counts.school * 0.3));
    const n = counts.school - events;
    const schoolStart = Math.min(dayAtAge(4) + rng.int(0, 200), stopDay - n - 1);
    const cuts = boundaries(rng, n - 1, schoolStart + 60, stopDay - 20);
    const schoolEnds = ageAtStop >= 18 && rng.chance(0.5);
    let previous = '';
    for (let i = 0; i < n; i++) {
      const from = i === 0 ? schoolStart : (cuts[i - 1] as number);
      const to = i === n - 1 ? (schoolEnds ? stopDay : null) : (cuts[i] as number);
      const age = ageOnDay(from);
      const type =
        i === 0
          ? 'regular'
          : rng.weighted(
              (
                [
                  ['regular', 30],
                  ['special', 30],
                  ['none', previous === 'none' ? 0 : 12],
                  ['other', 8],
                ] as [string, number][]
              ).filter(([, w]) => w > 0),
            );
      previous = type;
      const reference =
        type === 'none'
          ? null
          : type === 'regular'
            ? pseudonym(age < 12 ? 'basisschool' : rng.pick(['vmbo-school', 'havo-school', 'mbo']))
            : type === 'special'
              ? pseudonym(age < 12 ? 'SBO-school' : rng.pick(['VSO-school', 'cluster 4-school']))
              : rng.pick(['onderwijs op de leefgroep', 'zorgboerderij', 'dagbesteding']);
      add({
        lane: 'school',
        kind: 'period',
        title:
          type === 'none'
            ? rng.pick(['Thuiszitter', 'Geen school', 'Thuis zonder onderwijs'])
            : (reference as string).charAt(0).toUpperCase() + (reference as string).slice(1),
        start: from,
        end: to,
        categoryCode: type,
        reference,
        valence: type === 'none' ? 'negative' : rng.pick(['neutral', 'positive', 'negative']),
        sources: [
          ['youth', 25],
          ['parent', 30],
          ['professional', 20],
          ['dossier', 25],
        ],
      });
    }
    for (let i = 0; i < events; i++) {
      const signal = i === 0 && rng.chance(0.5);
      add({
        lane: 'school',
        kind: 'event',
        title: signal
          ? 'Leerkracht maakt zich zorgen over gedrag'
          : rng.pick([
              'Schorsing',
              'Overgang naar het voortgezet onderwijs',
              'Gesprek over passend onderwijs',
              'Diploma behaald',
              'Verwijdering van school',
              'Toelaatbaarheidsverklaring speciaal onderwijs',
            ]),
        start: signal ? dayBetween(4, 8) : dayBetween(5, 20),
        end: null,
        isSignal: signal,
        valence: signal ? 'negative' : rng.pick(['negative', 'neutral', 'positive']),
      });
    }
  }

  // Help and care: periods with providers and waiting days, and events such as an intake.
  {
    const providerTypes: [string, string, number, number][] = [
      // care type, provider pseudonym, from age, weight
      ['ambulant', 'wijkteam', 2, 25],
      ['parenting_support', 'opvoedpoli', 1, 18],
      ['jeugd_ggz', 'GGZ-instelling', 4, 22],
      ['day_treatment', 'dagbehandeling', 3, 10],
      ['residential', 'residentiële instelling', 8, 10],
      ['crisis', 'crisisdienst', 6, 8],
      ['other', 'zorgaanbieder', 0, 7],
    ];
    const providers = new Map<string, string[]>();
    let remaining = counts.care;
    while (remaining > 0) {
      const startAge = Math.max(0.5, Math.pow(rng.next(), 0.8) * ageAtStop);
      const [careType, kind] = rng.weighted(
        providerTypes.filter(([, , fromAge]) => startAge >= fromAge).map((t) => [t, t[3]] as const),
      );
      const known = providers.get(careType) ?? [];
      const provider = known.length > 0 && rng.chance(0.6) ? rng.pick(known) : pseudonym(kind);
      providers.set(careType, [...known, provider]);
      const startDay = Math.min(dayAtAge(startAge), stopDay);
      const waiting = rng.chance(0.55) ? Math.round(Math.pow(rng.next(), 2) * 300) : null;
      if (remaining >= 2 && waiting !== null && waiting > 14 && rng.chance(0.6)) {
        add({
          lane: 'care',
          kind: 'event',
          title: `Aanmelding bij ${provider}`,
          start: Math.max(birthDay, startDay - waiting),
          end: null,
          reference: provider,
          categoryCode: careType,
          isSignal: startAge < 8 && rng.chance(0.25),
          valence: 'neutral',
          sources: [
            ['parent', 30],
            ['professional', 35],
            ['dossier', 35],
          ],
        });
        remaining -= 1;
      }
      if (rng.chance(0.75)) {
        const length = rng.int(30, 900);
        const endDay = startDay + length;
        add({
          lane: 'care',
          kind: 'period',
          title: `${
            {
              ambulant: 'Ambulante hulp',
              parenting_support: 'Opvoedondersteuning',
              jeugd_ggz: 'Behandeling jeugd-GGZ',
              day_treatment: 'Dagbehandeling',
              residential: 'Residentiële behandeling',
              crisis: 'Crisisopvang',
              other: 'Hulp',
            }[careType] ?? 'Hulp'
          } bij ${provider}`,
          start: startDay,
          end: endDay <= stopDay ? endDay : rng.chance(0.5) ? null : stopDay,
          categoryCode: careType,
          reference: provider,
          waitingDays: waiting,
          valence: rng.weighted([
            ['negative', 35],
            ['neutral', 35],
            ['positive', 30],
          ] as const),
        });
      } else {
        add({
          lane: 'care',
          kind: 'event',
          title: rng.pick([
            `Intake bij ${provider}`,
            `Crisisinterventie door ${provider}`,
            `Verwijzing naar ${provider}`,
            `Hulp afgesloten door ${provider}`,
            `Afgewezen door ${provider}: geen passend aanbod`,
          ]),
          start: startDay,
          end: null,
          categoryCode: careType,
          reference: provider,
          valence: rng.pick(['negative', 'neutral']),
        });
      }
      remaining -= 1;
    }
  }

  // Diagnoses, some of which revise an earlier one.
  {
    const names = [
      'ADHD',
      'autismespectrumstoornis',
      'hechtingsproblematiek',
      'oppositioneel-opstandige gedragsstoornis',
      'PTSS',
      'licht verstandelijke beperking',
      'depressieve stoornis',
      'angststoornis',
      'ontwikkelingsachterstand taal',
    ];
    const days = boundaries(rng, counts.diagnosis, dayAtAge(3), stopDay);
    const earlier: { id: string; name: string }[] = [];
    for (const day of days) {
      const name = rng.pick(names);
      const revises = earlier.length > 0 && rng.chance(0.35) ? rng.pick(earlier) : null;
      const row = add({
        lane: 'diagnosis',
        kind: 'event',
        title:
          revises && revises.name !== name
            ? `Diagnose ${name} (in plaats van ${revises.name})`
            : revises
              ? `Diagnose ${name} opnieuw gesteld na heronderzoek`
              : `Diagnose ${name}`,
        start: day,
        end: null,
        revisesItemId: revises?.id ?? null,
        valence: 'neutral',
        sources: [
          ['professional', 40],
          ['dossier', 45],
          ['parent', 15],
        ],
      });
      earlier.push({ id: row.id, name });
    }
  }

  // Justice and protection measures.
  {
    for (let i = 0; i < counts.justice; i++) {
      const startAge =
        i === 0 ? 3 + rng.next() * Math.max(1, ageAtStop - 4) : rng.next() * ageAtStop;
      const measure = rng.weighted(
        (
          [
            ['ots', startAge < 17 ? 40 : 0],
            ['voogdij', startAge < 16 ? 12 : 0],
            ['jeugdreclassering', startAge >= 12 ? 20 : 0],
            ['machtiging_gesloten', startAge >= 10 ? 15 : 0],
            ['jji', startAge >= 12 && institutionType === 'jji' ? 20 : 0],
            ['other', 4],
          ] as [string, number][]
        ).filter(([, w]) => w > 0),
      );
      const startDay = Math.min(dayAtAge(startAge), stopDay);
      const endDay = startDay + rng.int(90, 1100);
      add({
        lane: 'justice',
        kind: 'period',
        title:
          {
            ots: 'Ondertoezichtstelling',
            voogdij: 'Voogdij bij de gecertificeerde instelling',
            jeugdreclassering: 'Jeugdreclassering',
            machtiging_gesloten: 'Machtiging gesloten jeugdhulp',
            jji: 'Plaatsing in een JJI',
            other: 'Maatregel',
          }[measure] ?? 'Maatregel',
        start: startDay,
        end: endDay <= stopDay ? endDay : rng.chance(0.5) ? null : stopDay,
        categoryCode: measure,
        reference: pseudonym('gecertificeerde instelling'),
        valence: rng.pick(['negative', 'neutral']),
        sources: [
          ['professional', 35],
          ['dossier', 45],
          ['parent', 10],
          ['youth', 10],
        ],
      });
    }
  }

  // Family and life events; the earliest worries are marked as signals.
  {
    const events: [string, 'positive' | 'neutral' | 'negative', boolean, number, number][] = [
      // title, valence, signal, from age, to age
      ['Zorgen op het consultatiebureau', 'negative', true, 1, 4],
      ['Melding bij Veilig Thuis', 'negative', true, 2, 14],
      ['Huisarts maakt zich zorgen', 'negative', true, 3, 12],
      ['Scheiding van de ouders', 'negative', false, 0, 16],
      ['Geboorte van een broertje', 'positive', false, 0, 12],
      ['Geboorte van een zusje', 'positive', false, 0, 12],
      ['Verhuizing naar een andere gemeente', 'neutral', false, 0, 18],
      ['Overlijden van opa', 'negative', false, 2, 20],
      ['Overlijden van oma', 'negative', false, 2, 20],
      ['Huiselijk geweld', 'negative', false, 0, 18],
      ['Moeder opgenomen in een kliniek', 'negative', false, 0, 18],
      ['Vader gedetineerd', 'negative', false, 0, 18],
      ['Nieuwe partner van moeder', 'neutral', false, 1, 18],
      ['Schulden in het gezin', 'negative', false, 0, 18],
      ['Vakantie met het gezin', 'positive', false, 2, 16],
      ['Contact met vader hersteld', 'positive', false, 6, 20],
      ['Weggelopen van huis', 'negative', false, 11, 20],
      ['Eerste contact met de politie', 'negative', false, 11, 20],
      ['Verjaardag gevierd op de groep', 'positive', false, 8, 20],
    ];
    let signals = 0;
    for (let i = 0; i < counts.family; i++) {
      const [title, valence, signal, fromAge, toAge] =
        i === 0 && rng.chance(0.85)
          ? (events[rng.int(0, 2)] as (typeof events)[number])
          : rng.pick(events);
      const start = dayBetween(fromAge, toAge);
      const isPeriod = !signal && rng.chance(0.12) && title !== 'Geboorte van een broertje';
      add({
        lane: 'family',
        kind: isPeriod ? 'period' : 'event',
        title: isPeriod ? `${title} (periode)` : title,
        start,
        end: isPeriod ? Math.min(start + rng.int(30, 700), stopDay) : null,
        isSignal: signal && signals++ < 3,
        valence,
        sources: [
          ['youth', 30],
          ['parent', 40],
          ['professional', 15],
          ['dossier', 15],
        ],
      });
    }
  }

  // Important people: mostly the ones who helped.
  {
    const who: [string, string, number][] = [
      ['Mentor op school', 'mentor', 10],
      ['Oma als steunfiguur', 'oma', 0],
      ['Voetbaltrainer', 'trainer', 6],
      ['Vaste pedagogisch medewerker', 'pedagogisch medewerker', 8],
      ['Buurvrouw als vertrouwenspersoon', 'buurvrouw', 4],
      ['Jeugdbeschermer', 'jeugdbeschermer', 3],
      ['Beste vriend', 'vriend', 6],
      ['Ervaringsdeskundige coach', 'coach', 13],
    ];
    for (let i = 0; i < counts.people; i++) {
      const [title, kind, fromAge] = rng.pick(who);
      const start = dayBetween(fromAge, ageAtStop);
      const isPeriod = rng.chance(0.6);
      const changes = title === 'Jeugdbeschermer' && rng.chance(0.5);
      add({
        lane: 'people',
        kind: isPeriod ? 'period' : 'event',
        title: changes ? 'Wisseling van jeugdbeschermer' : title,
        start,
        end: isPeriod
          ? rng.chance(0.5)
            ? Math.min(start + rng.int(60, 1500), stopDay)
            : null
          : null,
        reference: kind === 'oma' ? 'oma' : pseudonym(kind),
        valence: changes
          ? 'negative'
          : rng.weighted([
              ['positive', 75],
              ['neutral', 25],
            ] as const),
        sources: [
          ['youth', 55],
          ['parent', 25],
          ['professional', 20],
        ],
      });
    }
  }

  // Comments where perspectives differ, on a few items.
  const comments: CommentRow[] = [];
  for (const item of items) {
    if (!rng.chance(0.05)) continue;
    const replies = rng.int(1, 2);
    for (let r = 0; r < replies; r++) {
      const perspective = rng.pick(
        (['youth', 'parent', 'professional', 'dossier'] as const).filter(
          (p) => p !== item.source && (p !== 'dossier' || dossierAllowed),
        ),
      );
      const participant =
        perspective === 'youth' ? youth : perspective === 'parent' ? mainParent : undefined;
      comments.push({
        id: ids.uuid(),
        itemId: item.id,
        caseId,
        perspective,
        participantId: participant?.id ?? null,
        text: rng.pick(commentTexts[perspective]),
        authorId: ctx.team.researcherId,
        createdAt: new Date(
          Math.min(
            (item.createdAt as Date).getTime() + rng.int(1, 30) * msPerDay,
            ctx.latest.getTime(),
          ),
        ),
      });
    }
  }

  const history: HistoryRow[] = items.map((item) => ({
    id: ids.uuid(),
    itemId: item.id,
    caseId,
    version: 1,
    change: 'created',
    changedBy: item.createdBy ?? null,
    changedAt: item.createdAt,
    before: null,
    after: Object.fromEntries(
      editableFields.map((f) => [f, (item as Record<string, unknown>)[f] ?? null]),
    ),
  }));

  const values = computeIndicators(
    items.map((item) => {
      const list = laneCategoryList[item.lane as TimelineLane];
      return {
        id: item.id,
        lane: item.lane as TimelineLane,
        kind: item.kind as 'event' | 'period',
        start: { earliest: item.startEarliest, latest: item.startLatest },
        end:
          item.endEarliest && item.endLatest
            ? { earliest: item.endEarliest, latest: item.endLatest }
            : null,
        categoryMarker:
          list && item.categoryCode
            ? (ctx.categories.get(`${list}:${item.categoryCode}`) ?? null)
            : null,
        categoryCode: item.categoryCode ?? null,
        reference: item.reference ?? null,
        isSignal: item.isSignal ?? false,
        revisesItemId: item.revisesItemId ?? null,
      };
    }),
    birthYear,
    ctx.today,
  );

  // Interviews with the participants whose interview consent is complete (others if none is).
  const generated = ctx.interviews
    ? generateInterviews(ctx, ctx.interviews, {
        caseId,
        people,
        interviewable: new Set(
          peopleView
            .filter((participant) =>
              hasConsent({
                participant,
                purpose: 'interview',
                participants: peopleView,
                consents: consentView,
                birthYear,
                on: ctx.latest,
              }),
            )
            .map((p) => p.id),
        ),
        createdDay,
      })
    : { sources: [], interviews: [], segments: [], words: 0, transcriptWords: [] };

  return {
    caseRow,
    participants: people,
    consents: keptConsents,
    items,
    comments,
    history,
    indicators: { caseId, ...values, computedAt: ctx.now },
    ...generated,
  };
}

// ---------------------------------------------------------------------------------------------
// Interviews and codings
//
// Per case 4–6 interviews with its participants (those with a complete interview consent first),
// each a transcript of 2,000–6,000 words, and 60–100 coded segments spread over them. The text is
// put together fast from pools of whole sentences that are built once per seed from templates of
// real Dutch words; the words the benchmarks search for ("gesprekken", "wachtlijst", "mentor",
// "overplaatsing" and the rare "paardentherapie") occur only in topic sentences that a minority
// of the transcripts get. Offsets of segments are code points (some sentences end in an emoji).

/** A theme of the synthetic codebook with its sub-codes: name, definition. */
type CodeSpec = { name: string; definition: string; children: [string, string][] };

/** The synthetic codebook: top-level themes with their sub-codes (names are unique per parent). */
export const syntheticCodebook: readonly CodeSpec[] = [
  {
    name: 'Hulpverlening',
    definition: 'Ervaringen met jeugdhulp en de hulpverleners zelf.',
    children: [
      ['Wachttijd', 'Wachten op hulp, een intake of een plek, en wat dat deed.'],
      [
        'Wisseling van hulpverleners',
        'Steeds nieuwe begeleiders, behandelaars of jeugdbeschermers.',
      ],
      ['Passend aanbod ontbreekt', 'Er is geen hulp die past, of de hulp is afgewezen.'],
      ['Crisis', 'Crisisopvang, crisisinterventie of een acute plaatsing.'],
      [
        'Samenwerking in de keten',
        'Hoe organisaties samenwerkten, informatie deelden of langs elkaar heen werkten.',
      ],
    ],
  },
  {
    name: 'School',
    definition: 'Onderwijs, schoolgang en de rol van school.',
    children: [
      ['Thuiszitten', 'Periodes zonder school of met veel verzuim.'],
      ['Passend onderwijs', 'Speciaal onderwijs, toelaatbaarheid, een passende plek.'],
      ['Schorsing en verwijdering', 'Geschorst of van school gestuurd.'],
      ['Steun van school', 'Leerkrachten of school die hielpen.'],
    ],
  },
  {
    name: 'Netwerk',
    definition: 'Mensen rond de jongere buiten de formele hulp.',
    children: [
      ['Mentor', 'Een mentor of coach die steun gaf of juist niet.'],
      ['Familie', 'Grootouders, ooms, tantes en andere familie.'],
      ['Vrienden', 'Vrienden en leeftijdsgenoten.'],
      ['Steunfiguur', 'Iemand bij wie de jongere terecht kon.'],
    ],
  },
  {
    name: 'Gezin',
    definition: 'De thuissituatie en het gezin.',
    children: [
      ['Ruzie thuis', 'Conflicten, spanningen of geweld in huis.'],
      ['Scheiding', 'Scheiding van de ouders en wat die meebracht.'],
      ['Zorgen om ouders', 'Ziekte, verslaving of overbelasting van een ouder.'],
      ['Broers en zussen', 'De rol van broers en zussen.'],
      ['Financiële zorgen', 'Schulden, armoede en geldzorgen.'],
    ],
  },
  {
    name: 'Wonen en plaatsing',
    definition: 'Waar de jongere woonde en de plaatsingen.',
    children: [
      ['Overplaatsing', 'Van de ene plek naar de andere, en hoe dat ging.'],
      ['Pleegzorg', 'Ervaringen in een pleeggezin of netwerkpleeggezin.'],
      ['Gesloten plaatsing', 'Jeugdzorgplus of een justitiële jeugdinrichting.'],
      ['Terug naar huis', 'Terugkeer naar de ouders of zelfstandig wonen.'],
    ],
  },
  {
    name: 'Participatie',
    definition: 'Gehoord worden en meebeslissen.',
    children: [
      ['Gehoord worden', 'Of er naar de jongere of ouders werd geluisterd.'],
      ['Meebeslissen', 'Invloed op besluiten over de hulp.'],
      ['Informatie over besluiten', 'Uitleg over wat er werd besloten en waarom.'],
    ],
  },
  {
    name: 'Welzijn',
    definition: 'Hoe het met de jongere ging.',
    children: [
      ['Angst en somberheid', 'Angst, somberheid, slecht slapen.'],
      ['Zelfbeeld', 'Hoe de jongere over zichzelf dacht.'],
      ['Middelengebruik', 'Blowen, drinken of ander gebruik.'],
      ['Veerkracht', 'Wat hielp om door te gaan, lichtpuntjes.'],
      ['Vertrouwen', 'Vertrouwen in hulpverleners of het verlies daarvan.'],
      ['Toekomst', 'Wensen en plannen voor later.'],
    ],
  },
  {
    name: 'Justitie en bescherming',
    definition: 'Kinderbeschermingsmaatregelen en justitie.',
    children: [
      ['Ondertoezichtstelling', 'Een OTS of voogdij en de gecertificeerde instelling.'],
      ['Jeugdreclassering', 'Jeugdreclassering en taakstraffen.'],
      ['Contact met politie', 'Aanrakingen met de politie.'],
    ],
  },
];

/** One colour per theme (lower-case #rrggbb); sub-codes get a lighter shade of it. */
const themeColours = [
  '#1f6feb',
  '#2da44e',
  '#bf8700',
  '#cf222e',
  '#8250df',
  '#0a7ea4',
  '#d1242f',
  '#57606a',
];

function lighter(colour: string, share: number): string {
  const channel = (i: number) => {
    const value = parseInt(colour.slice(1 + 2 * i, 3 + 2 * i), 16);
    return Math.round(value + (255 - value) * share)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

/** The codebook's codes, each with the weight by which segments get it (a few codes dominate). */
export type SyntheticCode = { id: string; path: string; weight: number };

/** Creates the codes of the synthetic codebook that the programme does not have yet. */
async function prepareCodebook(
  db: Db,
  programmeId: string,
  createdBy: string,
  now: Date,
): Promise<SyntheticCode[]> {
  const existing = await db
    .select({ id: qdaCodes.id, parentId: qdaCodes.parentId, name: qdaCodes.name })
    .from(qdaCodes)
    .where(and(eq(qdaCodes.programmeId, programmeId), isNull(qdaCodes.archivedAt)));
  const find = (parentId: string | null, name: string) =>
    existing.find((c) => c.parentId === parentId && c.name === name)?.id;
  let order = 0;
  const create = async (
    parentId: string | null,
    name: string,
    definition: string,
    color: string,
  ) => {
    order += 1;
    const found = find(parentId, name);
    if (found) return found;
    const [row] = await db
      .insert(qdaCodes)
      .values({
        programmeId,
        parentId,
        name,
        definition,
        inclusion: '',
        exclusion: '',
        color,
        sortOrder: order,
        createdBy,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error(`Code ${name} is niet aangemaakt.`);
    const { programmeId: _p, createdAt: _c, createdBy: _b, ...rest } = row;
    await db.insert(qdaCodeHistory).values({
      codeId: row.id,
      programmeId,
      change: 'created',
      before: null,
      after: Object.fromEntries(
        Object.entries(rest).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
      ),
      changedBy: createdBy,
      changedAt: now,
    });
    return row.id;
  };
  const out: SyntheticCode[] = [];
  for (const [t, theme] of syntheticCodebook.entries()) {
    const colour = themeColours[t % themeColours.length] as string;
    const themeId = await create(null, theme.name, theme.definition, colour);
    // The theme itself is coded now and then; its sub-codes far more, the first ones most.
    out.push({ id: themeId, path: theme.name, weight: 0.4 });
    for (const [k, [name, definition]] of theme.children.entries()) {
      const id = await create(themeId, name, definition, lighter(colour, 0.15 + 0.12 * k));
      out.push({ id, path: `${theme.name} > ${name}`, weight: 0 });
    }
  }
  // Zipf-like weights over the sub-codes in a fixed, mixed order: rank r gets 1 / r^1.1.
  const subCodes = out.filter((c) => c.weight === 0);
  const mixed = subCodes
    .map((c, i) => ({ c, key: (i * 7919) % subCodes.length }))
    .sort((a, b) => a.key - b.key);
  mixed.forEach(({ c }, rank) => {
    c.weight = 10 / Math.pow(rank + 1, 1.1);
  });
  return out;
}

// Transcript text ----------------------------------------------------------------------------

type Voice = 'youth' | 'parent' | 'professional';

/** A sentence of a pool: its text, its length in code points, and its words' [start, end) offsets. */
type PoolSentence = { text: string; length: number; words: Int32Array };

type Pools = {
  answers: Record<Voice, PoolSentence[]>;
  questions: Record<Voice, PoolSentence[]>;
  topics: Record<Topic, PoolSentence[]>;
};

const topics = ['gesprekken', 'wachtlijst', 'mentor', 'overplaatsing', 'paardentherapie'] as const;
type Topic = (typeof topics)[number];

/** How many transcripts get a topic: a minority each; "paardentherapie" is rare. */
export const topicShare: Record<Topic, number> = {
  gesprekken: 0.3,
  wachtlijst: 0.2,
  mentor: 0.18,
  overplaatsing: 0.12,
  paardentherapie: 0.003,
};

const topicSentences: Record<Topic, readonly string[]> = {
  gesprekken: [
    'We hadden eindeloos veel gesprekken, maar er veranderde niks.',
    'Die gesprekken met de psycholoog hielpen wel een beetje.',
    'Na al die gesprekken was het vertrouwen weg.',
    'In de gesprekken ging het vooral over school en over thuis.',
    'Pas in het derde gesprek durfde ik te vertellen wat er echt gebeurde.',
    'De gesprekken werden steeds weer verzet.',
    'Het gesprek met de jeugdbeschermer voelde als een verhoor.',
  ],
  wachtlijst: [
    'We stonden maanden op een wachtlijst.',
    'De wachtlijst voor de GGZ was meer dan een half jaar.',
    'Tijdens de wachtlijst kregen we alleen overbruggingszorg.',
    'Niemand kon zeggen hoe lang de wachtlijst nog was.',
    'Door de wachtlijst ging het thuis nog verder mis.',
    'Ze zetten ons op de wachtlijst en daarna hoorden we niks meer.',
  ],
  mentor: [
    'De mentor op school was de enige die echt luisterde.',
    'De mentor belde elke week even om te vragen hoe het ging.',
    'Met de mentor is toen een nieuw rooster gemaakt.',
    'Toen de mentor wegging, viel alles weer stil.',
    'De mentor zag als eerste dat het niet goed ging.',
  ],
  overplaatsing: [
    'Na de overplaatsing moest alles weer helemaal opnieuw beginnen.',
    'Die overplaatsing kwam als een verrassing.',
    'Er werd gepraat over een overplaatsing naar een andere groep.',
    'Over de overplaatsing is nooit echt met de jongere overlegd.',
    'Na weer een overplaatsing was er geen plek meer die als thuis voelde.',
  ],
  paardentherapie: [
    'Bij de paardentherapie was er voor het eerst echt rust.',
    'De paardentherapie was het enige waar we naar uitkeken.',
  ],
};

const openers = [
  '',
  '',
  '',
  '',
  '',
  'Ja, ',
  'Nou, ',
  'Kijk, ',
  'Weet je, ',
  'Eh, ',
  'Tja, ',
  'Nee, ',
  'Oké, ',
  'Goh, ',
  'Eerlijk gezegd, ',
  'Ja, nee, ',
];

const moments = [
  'In die periode',
  'Toen',
  'Daarna',
  'Op een gegeven moment',
  'Na de zomervakantie',
  'In het begin',
  'Vorig jaar',
  'Later',
  'Die eerste weken',
  'Thuis',
  'Op de groep',
  'In groep acht',
  'Na de kerstvakantie',
  'Tijdens de behandeling',
  'Achteraf gezien',
  'In de brugklas',
  'Rond zijn twaalfde',
  'Die winter',
  'Elke avond',
  'In het weekend',
  'Na de zitting',
  'Vanaf dat moment',
  'Meestal',
  'Soms',
  'Uiteindelijk',
  'Een jaar later',
  'Halverwege het schooljaar',
  'Na de verhuizing',
];

const clauses: Record<Voice, readonly string[]> = {
  youth: [
    'voelde ik me niet gehoord',
    'ging het eigenlijk best goed',
    'had ik niemand om mee te praten',
    'werd alles anders',
    'was er veel ruzie thuis',
    'kreeg ik eindelijk hulp',
    'sliep ik heel slecht',
    'ging ik bijna niet meer naar school',
    'hadden we steeds nieuwe begeleiders',
    'wist niemand wat er met mij aan de hand was',
    'moest ik weer opnieuw mijn verhaal vertellen',
    'kwam de politie een paar keer langs',
    'ben ik gaan voetballen',
    'was mijn moeder heel moe',
    'kreeg ik een nieuwe begeleider',
    'werd er over mij beslist zonder mij',
    'zat ik veel op mijn kamer',
    'heb ik veel gehuild',
    'voelde het een beetje als thuis',
    'liep het helemaal uit de hand',
    'durfde ik niks te zeggen',
    'was ik vaak boos',
    'mocht ik één keer per week naar huis',
    'was ik best wel geïrriteerd',
    'zat ik vaak in het café om de hoek',
    'had ik geen privéruimte',
    'kon ik niet meer slapen',
    'stond ik er alleen voor',
    'deed ik alsof alles goed ging',
    'had ik het gevoel dat niemand me begreep',
    'werd ik steeds stiller',
    'moest ik verhuizen naar een andere stad',
    'kreeg ik medicijnen',
    'zag ik mijn vader bijna nooit',
    'was oma er altijd voor mij',
    'heb ik mijn diploma gehaald',
    'begon ik te blowen',
    'ging ik elke dag naar de dagbesteding',
    'kwam er eindelijk rust',
    'had ik allerlei ideeën over later',
    'was ik eigenlijk gewoon bang',
  ],
  parent: [
    'hebben we overal aan de bel getrokken',
    'ging het met onze zoon steeds slechter',
    'was onze dochter niet meer te bereiken',
    'voelde ik me als moeder machteloos',
    'kregen we geen enkele informatie',
    'moesten we alles zelf uitzoeken',
    'werd er thuis veel geschreeuwd',
    'hadden we financiële zorgen',
    'heb ik mijn baan opgezegd',
    'kwam het wijkteam eindelijk langs',
    'werden we van het kastje naar de muur gestuurd',
    'ging hij niet meer naar school',
    'sliep ze nauwelijks',
    'waren wij als ouders volledig overbelast',
    'voelde het alsof wij het probleem waren',
    'hebben we een klacht ingediend',
    'kreeg ik een coördinator toegewezen',
    'had de crèche al zorgen geuit',
    'zagen we hem opbloeien',
    'hebben we samen een plan gemaakt',
    'was er eindelijk iemand die luisterde',
    'werden de afspraken steeds verzet',
    'durfde ik niet meer te bellen',
    'waren de broertjes en zusjes ook de dupe',
    'was ik zelf ook geëmotioneerd',
    'hebben we de regie helemaal kwijtgeraakt',
    'kreeg ik de schuld van alles',
  ],
  professional: [
    'hebben we een multidisciplinair overleg georganiseerd',
    'was de indicatie al verlopen',
    'ontbrak het aan passend aanbod in de regio',
    'lag er geen goed beeld van de thuissituatie',
    'zijn we gestart met systeemtherapie',
    'bleek de problematiek complexer dan gedacht',
    'hebben we de casus opgeschaald',
    'was de veiligheid in het gezin in het geding',
    'kwam de rapportage pas veel later binnen',
    'werkten de betrokken partijen langs elkaar heen',
    'hebben we de cliënt en het gezin samen uitgenodigd',
    'ging het contact met de ouders beter',
    'was er onvoldoende capaciteit bij de aanbieder',
    'zagen we duidelijke vooruitgang',
    'is het dossier overgedragen aan een collega',
    'hebben we een veiligheidsplan opgesteld',
    'stond de financiering ter discussie',
    'liep de samenwerking met het onderwijs goed',
    'hebben we het perspectiefplan bijgesteld',
    'was de jongere nauwelijks gemotiveerd',
    'hebben we de coördinatie van zorg overgenomen',
    'kwam er een zorgmelding binnen',
  ],
};

const tails: Record<Voice, readonly string[]> = {
  youth: [
    '',
    '',
    '',
    '',
    ' en dat vond ik heel moeilijk',
    ' maar dat zag niemand',
    ', denk ik',
    ' eigenlijk',
    ', snap je',
    ' en dat is nooit meer goed gekomen',
    ', dat weet ik nog goed',
    ' en daar heb ik nu nog last van',
    ' en toen ging het beter',
    ', achteraf gezien',
    ' en dat ging best wel snel',
    ' maar niemand deed er iets mee',
    ', zo voelde dat tenminste',
    ', ook al wilde ik dat niet',
    ' en dat was een enorme opluchting',
  ],
  parent: [
    '',
    '',
    '',
    '',
    ' en dat was heel zwaar',
    ' maar niemand nam ons serieus',
    ', denk ik',
    ' eigenlijk',
    ' en dat is nooit meer goed gekomen',
    ', dat weet ik nog goed',
    ' en daar hebben we nu nog last van',
    ' en toen ging het beter',
    ', achteraf gezien',
    ' maar niemand deed er iets mee',
    ' en dat was een enorme opluchting',
    ', helaas',
  ],
  professional: [
    '',
    '',
    '',
    '',
    ', voor zover ik weet',
    ' en dat hebben we ook zo vastgelegd',
    ', helaas',
    ' in overleg met de ouders',
    ', wat achteraf niet verstandig was',
    ' en dat werkte goed',
    ', maar dat kostte veel tijd',
    ', zoals vaker in deze regio',
  ],
};

const persons: Record<Voice, readonly string[]> = {
  youth: [
    'Mijn moeder',
    'Mijn vader',
    'De juf',
    'Mijn begeleider',
    'De jeugdbeschermer',
    'De huisarts',
    'Mijn oma',
    'De gedragswetenschapper',
    'Iemand van het wijkteam',
    'De rechter',
    'Mijn beste vriend',
    'De psychiater',
    'Mijn zus',
    'De groepsleiding',
    'Mijn voetbaltrainer',
  ],
  parent: [
    'De school',
    'De huisarts',
    'Het wijkteam',
    'De jeugdbeschermer',
    'Mijn man',
    'Mijn ex',
    'De behandelaar',
    'De gemeente',
    'Zijn juf',
    'De gedragswetenschapper',
    'Onze buurvrouw',
  ],
  professional: [
    'De gemeente',
    'De gecertificeerde instelling',
    'Mijn collega',
    'De moeder',
    'De vader',
    'De jongere',
    'De school',
    'De rechter',
    'De zorgaanbieder',
    'Het wijkteam',
  ],
};

const sayings = [
  'zei',
  'vond',
  'dacht',
  'vertelde',
  'beloofde',
  'zei steeds',
  'zegt nog steeds',
  'schreef',
  'liet weten',
  'gaf aan',
];

const subClauses = [
  'het wel goed zou komen',
  'we ons niet zo moesten aanstellen',
  'er geen plek was',
  'een andere school beter zou zijn',
  'het aan de thuissituatie lag',
  'we gewoon moesten afwachten',
  'ze het dossier niet hadden gelezen',
  'het rapport nog niet klaar was',
  'er eerst een diagnose moest komen',
  'de hulp te duur was',
  'niemand verantwoordelijk was',
  'er meer nodig was dan ambulante hulp',
  'het tijd was voor iets anders',
  'er te weinig personeel was',
  'alles in één keer zou veranderen',
  'de zorg moest worden afgeschaald',
  'er een nieuwe indicatie nodig was',
  'het financieel niet rond te krijgen was',
];

const feelings = [
  'fijn',
  'moeilijk',
  'vervelend',
  'raar',
  'belangrijk',
  'oneerlijk',
  'prettig',
  'zwaar',
  'spannend',
  'logisch',
  'verwarrend',
  'pijnlijk',
];
const degrees = ['heel', 'best', 'echt', 'nogal', 'vooral', 'enorm', 'gewoon', 'ontzettend'];

const fillers = [
  'Ja.',
  'Nee, echt niet.',
  'Dat klopt.',
  'Precies.',
  'Dat weet ik niet meer precies.',
  '(lacht)',
  '(stilte)',
  'Hmm, lastig.',
  'Ja, zeker.',
  'Dat was het wel, denk ik.',
];

const emoji = ['😅', '🙂', '😢', '👍', '🤷', '😂'];

const questionTexts: Record<Voice, readonly string[]> = {
  youth: [
    'Kun je daar iets meer over vertellen?',
    'Hoe was dat voor jou?',
    'Wat had je toen nodig gehad?',
    'Wie hielp je in die tijd?',
    'Hoe ging het op school?',
    'Wat gebeurde er daarna?',
    'Hoe oud was je toen ongeveer?',
    'Wat vonden je ouders daarvan?',
    'Hoe kijk je daar nu op terug?',
    'Wat zou je de hulpverleners willen meegeven?',
    'Wanneer merkte je dat het minder goed ging?',
    'Was er iemand bij wie je terecht kon?',
    'Hoe voelde dat?',
    'Wat bedoel je precies?',
    'En toen?',
    'Werd er naar je geluisterd?',
    'Wat had er anders gemoeten, denk je?',
    'Hoe is het nu met je?',
  ],
  parent: [
    'Kunt u daar iets meer over vertellen?',
    'Hoe was dat voor u als ouder?',
    'Wat had u toen nodig gehad?',
    'Wie hielp u in die tijd?',
    'Hoe ging het op school?',
    'Wat gebeurde er daarna?',
    'Hoe oud was uw kind toen ongeveer?',
    'Hoe kijkt u daar nu op terug?',
    'Wat zou u de hulpverleners willen meegeven?',
    'Wanneer merkte u dat het minder goed ging?',
    'Werd er naar u geluisterd?',
    'Wat had er anders gemoeten, denkt u?',
    'En hoe ging het toen verder?',
  ],
  professional: [
    'Kun je de situatie bij aanmelding schetsen?',
    'Wat waren de belangrijkste knelpunten?',
    'Hoe verliep de samenwerking met andere partijen?',
    'Wat had je anders willen doen?',
    'Welke signalen waren er eerder al?',
    'Hoe werd de jongere betrokken bij de besluiten?',
    'Wat was er nodig geweest om dit te voorkomen?',
    'Hoe ging de overdracht?',
    'Wat heeft uiteindelijk geholpen?',
    'Kun je daar een voorbeeld van geven?',
  ],
};

/** Length in code points (a surrogate pair is one). */
function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n -= 1;
        i += 1;
      }
    }
  }
  return n;
}

function poolSentence(text: string): PoolSentence {
  const offsets: number[] = [];
  let cp = 0;
  let inWord = false;
  for (const char of text) {
    const space = char === ' ' || char === '\n';
    if (!space && !inWord) offsets.push(cp);
    if (space && inWord) offsets.push(cp);
    inWord = !space;
    cp += 1;
  }
  if (inWord) offsets.push(cp);
  return { text, length: cp, words: Int32Array.from(offsets) };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function buildSentence(rng: Rng, voice: Voice): string {
  const shape = rng.weighted([
    ['moment', 50],
    ['said', 18],
    ['felt', 14],
    ['it', 8],
    ['filler', 10],
  ] as const);
  const opener = rng.pick(openers);
  const start = (s: string) => (opener ? opener + s.charAt(0).toLowerCase() + s.slice(1) : s);
  let text: string;
  switch (shape) {
    case 'moment':
      text = `${start(rng.pick(moments))} ${rng.pick(clauses[voice])}${rng.pick(tails[voice])}.`;
      break;
    case 'said':
      text = `${start(rng.pick(persons[voice]))} ${rng.pick(sayings)} dat ${rng.pick(subClauses)}.`;
      break;
    case 'felt':
      text = `${start('Ik')} vond het ${rng.pick(degrees)} ${rng.pick(feelings)} dat ${rng.pick(subClauses)}.`;
      break;
    case 'it':
      text = `${start('Het')} ${rng.pick(['was', 'is', 'bleef', 'werd'])} ${rng.pick(degrees)} ${rng.pick(feelings)}${rng.pick(tails[voice])}.`;
      break;
    case 'filler':
      text = rng.pick(fillers);
      break;
  }
  text = capitalise(text);
  const emojiShare = voice === 'youth' ? 0.012 : voice === 'parent' ? 0.003 : 0;
  if (rng.chance(emojiShare)) text += ` ${rng.pick(emoji)}`;
  return text;
}

const poolCache = new Map<number, Pools>();

/** The sentence pools of a seed, built once (a few thousand sentences per voice). */
function poolsFor(seed: number): Pools {
  const cached = poolCache.get(seed);
  if (cached) return cached;
  const rng = new Rng(`ketenlens-synthetic|${seed}|sentences`);
  const voices: Voice[] = ['youth', 'parent', 'professional'];
  const pools: Pools = {
    answers: Object.fromEntries(
      voices.map((voice) => [
        voice,
        Array.from({ length: 3000 }, () => poolSentence(buildSentence(rng, voice))),
      ]),
    ) as Pools['answers'],
    questions: Object.fromEntries(
      voices.map((voice) => [voice, questionTexts[voice].map(poolSentence)]),
    ) as Pools['questions'],
    topics: Object.fromEntries(
      topics.map((topic) => [topic, topicSentences[topic].map(poolSentence)]),
    ) as Pools['topics'],
  };
  poolCache.set(seed, pools);
  return pools;
}

/** Where an answer sentence sits in a transcript: code-point offset and its turn. */
type Placed = { at: number; sentence: PoolSentence; turn: number };

/**
 * A transcript of minWords–maxWords whitespace-separated words: an opening by the interviewer,
 * then questions and answers. Returns the text, its length in code points, its word count and
 * the answer sentences with their offsets (for the codings).
 */
export function generateTranscript(
  rng: Rng,
  seed: number,
  options: {
    voice: Voice;
    speaker: string;
    heading: string;
    topics: readonly Topic[];
    minWords?: number;
    maxWords?: number;
  },
): { body: string; length: number; words: number; placed: Placed[] } {
  const pools = poolsFor(seed);
  const minWords = options.minWords ?? 2000;
  const maxWords = options.maxWords ?? 6000;
  const target = rng.int(minWords, maxWords - 150);
  const answers = pools.answers[options.voice];
  const questions = pools.questions[options.voice];
  const parts: string[] = [];
  const placed: Placed[] = [];
  let length = 0;
  let words = 0;
  const put = (text: string, cp: number, w: number) => {
    parts.push(text);
    length += cp;
    words += w;
  };
  const heading = poolSentence(options.heading);
  put(heading.text, heading.length, heading.words.length / 2);
  // Topic sentences go in at spread-out places of the answers.
  const planned: PoolSentence[] = [];
  for (const topic of options.topics) {
    const count = rng.int(1, topic === 'paardentherapie' ? 2 : 5);
    for (let i = 0; i < count; i++) planned.push(rng.pick(pools.topics[topic]));
  }
  const expectedSentences = Math.max(20, Math.floor(target / 11));
  const plannedAt = new Map<number, PoolSentence[]>();
  for (const sentence of planned) {
    const at = rng.int(3, expectedSentences - 5);
    plannedAt.set(at, [...(plannedAt.get(at) ?? []), sentence]);
  }
  const asker = 'Interviewer: ';
  const answerer = `${options.speaker}: `;
  const askerLength = codePoints(asker);
  const answererLength = codePoints(answerer);
  const answererWords = poolSentence(answerer).words.length / 2;
  let sentenceIndex = 0;
  let turn = 0;
  const opening = poolSentence(
    options.voice === 'parent'
      ? 'Fijn dat u mee wilt doen. Alles wat u vertelt, wordt anoniem verwerkt. Kunt u eerst iets over uw gezin vertellen?'
      : options.voice === 'youth'
        ? 'Fijn dat je mee wilt doen. Alles wat je vertelt, wordt anoniem verwerkt. Kun je eerst iets over jezelf vertellen?'
        : 'Dank voor je tijd. We kijken samen terug op de casus. Kun je eerst je eigen rol beschrijven?',
  );
  let question = opening;
  while (words < target) {
    put(`\n\n${asker}`, 2 + askerLength, 1);
    put(question.text, question.length, question.words.length / 2);
    turn += 1;
    put(`\n\n${answerer}`, 2 + answererLength, answererWords);
    const sentences = rng.chance(0.15) ? 1 : rng.int(2, 9);
    for (let s = 0; s < sentences; s++) {
      const queue = plannedAt.get(sentenceIndex);
      const sentence = queue?.shift() ?? rng.pick(answers);
      if (queue && queue.length === 0) plannedAt.delete(sentenceIndex);
      if (!queue) sentenceIndex += 1;
      if (s > 0) put(' ', 1, 0);
      placed.push({ at: length, sentence, turn });
      put(sentence.text, sentence.length, sentence.words.length / 2);
      if (words >= maxWords - 60) break;
    }
    turn += 1;
    question = rng.pick(questions);
  }
  // Planned topic sentences not placed yet (a short transcript) close the last answer.
  for (const queue of plannedAt.values())
    for (const sentence of queue) {
      if (words + sentence.words.length / 2 > maxWords) break;
      put(' ', 1, 0);
      placed.push({ at: length, sentence, turn });
      put(sentence.text, sentence.length, sentence.words.length / 2);
    }
  return { body: parts.join(''), length, words, placed };
}

// Interviews and segments of one case ----------------------------------------------------------

type SourceRow = typeof qdaSources.$inferInsert & { id: string };
type InterviewRow = typeof interviews.$inferInsert;
type SegmentRow = typeof qdaSegments.$inferInsert;

export type InterviewSettings = {
  codes: readonly SyntheticCode[];
  /** The synthetic researchers: interviewers and coders. */
  researchers: readonly string[];
  /** Words per transcript (default 2,000–6,000). */
  transcriptWords?: { min: number; max: number };
};

/** Words per transcript with --short-transcripts. */
export const shortTranscriptWords = { min: 300, max: 700 };

const modes = [
  ['in_person', 60],
  ['video', 25],
  ['phone', 10],
  ['written', 5],
] as const;
const modeWords: Record<(typeof modes)[number][0], string> = {
  in_person: 'face-to-face',
  video: 'video',
  phone: 'telefoon',
  written: 'schriftelijk',
};

function voiceOf(kind: string): Voice {
  return kind === 'youth' ? 'youth' : kind === 'parent' ? 'parent' : 'professional';
}

function speakerOf(person: { kind: string; label: string }): string {
  if (person.kind === 'youth') return 'Jongere';
  const label = person.label.replace(/ \(.*\)$/, '');
  return capitalise(label);
}

function generateInterviews(
  ctx: CaseContext,
  settings: InterviewSettings,
  input: {
    caseId: string;
    people: ParticipantRow[];
    interviewable: Set<string>;
    createdDay: number;
  },
): Pick<GeneratedCase, 'sources' | 'interviews' | 'segments' | 'words' | 'transcriptWords'> {
  const rng = new Rng(`ketenlens-synthetic|${ctx.seed}|interviews|${ctx.index}`);
  const idRng = new Rng(`ketenlens-synthetic|${ctx.seed}|interview-ids|${ctx.code}`);
  const latestMs = ctx.latest.getTime();
  const count = rng.int(4, 6);
  // Those with a complete interview consent first; the youth and parents most, then the others.
  const eligible = input.people.filter((p) => input.interviewable.has(p.id));
  const candidates = eligible.length > 0 ? eligible : input.people;
  const weightOf = (kind: string) =>
    kind === 'youth' ? 5 : kind === 'parent' ? 3 : kind === 'main_practitioner' ? 2 : 1;
  const chosen: ParticipantRow[] = [];
  for (const person of candidates) if (chosen.length < count) chosen.push(person);
  while (chosen.length < count)
    chosen.push(rng.weighted(candidates.map((p) => [p, weightOf(p.kind)] as const)));
  const firstDay = input.createdDay + rng.int(20, 90);
  const days = chosen
    .map(() => Math.min(firstDay + rng.int(0, 240), ctx.anchorDay))
    .sort((a, b) => a - b);
  const sources: SourceRow[] = [];
  const interviewRows: InterviewRow[] = [];
  const transcripts: { source: SourceRow; placed: Placed[]; words: number }[] = [];
  let words = 0;
  chosen.forEach((person, i) => {
    const heldOn = dayFromNumber(Math.max(input.createdDay, days[i] as number));
    const mode = rng.weighted(modes);
    const interviewer = rng.chance(0.75) ? ctx.team.researcherId : rng.pick(settings.researchers);
    const createdAt = new Date(
      Math.min(
        dayNumber(heldOn) * msPerDay + rng.int(1, 14) * msPerDay + rng.int(8, 17) * 3_600_000,
        latestMs,
      ),
    );
    const label = person.kind === 'youth' ? 'jongere' : person.label;
    const name = `Interview ${label}, ${heldOn} (${modeWords[mode]})`;
    const voice = voiceOf(person.kind);
    const chosenTopics = topics.filter(
      (topic) =>
        rng.chance(topicShare[topic]) ||
        (topic === 'mentor' && person.kind === 'network' && person.label.includes('mentor')),
    );
    const transcript = generateTranscript(rng, ctx.seed, {
      voice,
      speaker: speakerOf(person),
      heading: `Transcript: ${name}. Casus ${ctx.code}. Fictief, synthetisch gegenereerd.`,
      topics: chosenTopics,
      minWords: settings.transcriptWords?.min,
      maxWords: settings.transcriptWords?.max,
    });
    const source: SourceRow = {
      id: idRng.uuid7(createdAt.getTime()),
      programmeId: ctx.programmeId,
      caseId: input.caseId,
      kind: 'interview',
      name,
      body: transcript.body,
      length: transcript.length,
      participantId: person.id,
      description: '',
      blind: false,
      createdBy: interviewer,
      createdAt,
      updatedAt: createdAt,
    };
    sources.push(source);
    interviewRows.push({
      id: idRng.uuid7(createdAt.getTime()),
      caseId: input.caseId,
      participantId: person.id,
      sourceId: source.id,
      heldOn,
      interviewerId: interviewer,
      mode,
      version: 1,
      createdBy: interviewer,
      createdAt,
      updatedAt: createdAt,
    });
    transcripts.push({ source, placed: transcript.placed, words: transcript.words });
    words += transcript.words;
  });

  // Codings: 60–100 per case over its transcripts (longer ones get more), each a run of 5–60
  // whole words within one answer.
  const segments: SegmentRow[] = [];
  const wanted = rng.int(60, 100);
  const byLength = transcripts.map((t) => [t, t.words] as const);
  const codeWeights = settings.codes.map((c) => [c.id, c.weight] as const);
  for (let attempt = 0; segments.length < wanted && attempt < wanted * 10; attempt++) {
    const t = rng.weighted(byLength);
    const first = rng.int(0, t.placed.length - 1);
    const startSentence = t.placed[first] as Placed;
    const wordsInFirst = startSentence.sentence.words.length / 2;
    const startWord = rng.int(0, wordsInFirst - 1);
    const size = rng.int(5, 60);
    const start = startSentence.at + (startSentence.sentence.words[2 * startWord] as number);
    let taken = 0;
    let end = start;
    for (let k = first; k < t.placed.length && taken < size; k++) {
      const p = t.placed[k] as Placed;
      if (p.turn !== startSentence.turn) break;
      const n = p.sentence.words.length / 2;
      for (let w = k === first ? startWord : 0; w < n && taken < size; w++) {
        end = p.at + (p.sentence.words[2 * w + 1] as number);
        taken += 1;
      }
    }
    if (taken < 5) continue;
    const sourceMs = (t.source.createdAt as Date).getTime();
    const createdAt = new Date(
      Math.max(
        sourceMs,
        Math.min(sourceMs + rng.int(1, 90) * msPerDay + rng.int(0, 600) * 60_000, latestMs),
      ),
    );
    segments.push({
      id: idRng.uuid7(createdAt.getTime()),
      sourceId: t.source.id,
      programmeId: ctx.programmeId,
      caseId: input.caseId,
      codeId: rng.weighted(codeWeights),
      start,
      end,
      coderId: rng.chance(0.7) ? ctx.team.researcherId : rng.pick(settings.researchers),
      externalCoderId: null,
      important: rng.chance(0.1),
      quote: rng.chance(0.03),
      createdAt,
    });
  }
  return {
    sources,
    interviews: interviewRows,
    segments,
    words,
    transcriptWords: transcripts.map((t) => t.words),
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

/** The last day of generated data: a fixed day, so the data does not depend on the run's date. */
export const referenceDay = '2026-11-01';
const caseSpanDays = 3 * 365;

export type SeedProgress = {
  done: number;
  total: number;
  items: number;
  interviews: number;
  segments: number;
  elapsedMs: number;
};

export type SeedSummary = {
  programmeId: string;
  programmeName: string;
  programmeReused: boolean;
  teams: { id: string; name: string; regionCode: string }[];
  researcherEmails: string[];
  cases: number;
  participants: number;
  consents: number;
  items: number;
  minItemsPerCase: number;
  maxItemsPerCase: number;
  comments: number;
  history: number;
  /** Interviews (each with its transcript), the words in them, and the coded segments. */
  interviews: number;
  words: number;
  minWordsPerInterview: number;
  maxWordsPerInterview: number;
  segments: number;
  codes: number;
  firstCode: string;
  lastCode: string;
  /** Made once per database: the programme's synthesis, and the access tables' registrations. */
  synthesis: { themes: number; threads: number; recommendations: number };
  monitoring: { tables: number; registrations: number };
  /** Writing the cases (the rate the seed reports). */
  elapsedMs: number;
  /** Writing the synthesis and the registrations, after the cases. */
  extrasMs: number;
};

/**
 * The driver underneath drizzle, for the bulk writes: PGlite loads rows fastest with COPY from a
 * blob, node-postgres (without a COPY stream) with one INSERT per chunk that takes all its rows as
 * one jsonb parameter. Both run inside one transaction per batch of cases.
 */
type Writer = {
  query: (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
  insert: (table: PgTable, rows: readonly object[]) => Promise<void>;
};

type TableShape = { name: string; columns: [key: string, name: string, type: string][] };

/** The columns any row sets (a column no row sets keeps its default; a missing value is null). */
function shapeOf(table: PgTable, rows: readonly object[]): TableShape {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) keys.add(key);
  return {
    name: getTableName(table),
    columns: Object.entries(getTableColumns(table))
      .filter(([key]) => keys.has(key))
      .map(([key, column]) => [key, column.name, column.getSQLType()]),
  };
}

const rowsPerStatement = 5000;
/** Transcripts are large: a statement also ends once its data reaches this many characters. */
const charsPerStatement = 16 * 2 ** 20;

/** Splits encoded rows into statements of at most rowsPerStatement rows and charsPerStatement. */
function* chunks(encoded: Iterable<string>): Generator<string[]> {
  let chunk: string[] = [];
  let size = 0;
  for (const text of encoded) {
    if (
      chunk.length > 0 &&
      (chunk.length >= rowsPerStatement || size + text.length > charsPerStatement)
    ) {
      yield chunk;
      chunk = [];
      size = 0;
    }
    chunk.push(text);
    size += text.length;
  }
  if (chunk.length > 0) yield chunk;
}

function csvValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return `"${value.replaceAll('"', '""')}"`;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return `"${JSON.stringify(value).replaceAll('"', '""')}"`;
  return String(value);
}

function pgliteWriter(tx: {
  query: (
    text: string,
    params?: unknown[],
    options?: { blob?: Blob },
  ) => Promise<{ rows: unknown[] }>;
}): Writer {
  return {
    query: async (text, params) =>
      (await tx.query(text, params)) as { rows: Record<string, unknown>[] },
    insert: async (table, rows) => {
      if (rows.length === 0) return;
      const shape = shapeOf(table, rows);
      const names = shape.columns.map(([, name]) => `"${name}"`).join(', ');
      const lines = rows.map((row) => {
        const record = row as Record<string, unknown>;
        return shape.columns.map(([key]) => csvValue(record[key])).join(',');
      });
      for (const chunk of chunks(lines))
        await tx.query(`copy "${shape.name}" (${names}) from '/dev/blob' with (format csv)`, [], {
          blob: new Blob([chunk.join('\n')]),
        });
    },
  };
}

function postgresWriter(client: pg.PoolClient): Writer {
  return {
    query: async (text, params) => client.query(text, params),
    insert: async (table, rows) => {
      if (rows.length === 0) return;
      const shape = shapeOf(table, rows);
      const names = shape.columns.map(([, name]) => `"${name}"`).join(', ');
      const types = shape.columns.map(([, name, type]) => `"${name}" ${type}`).join(', ');
      const encoded = rows.map((row) => {
        const record = row as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const [key, name] of shape.columns) out[name] = record[key] ?? null;
        return JSON.stringify(out);
      });
      for (const chunk of chunks(encoded))
        await client.query(
          `insert into "${shape.name}" (${names}) select ${names} from jsonb_to_recordset($1::jsonb) as x(${types})`,
          [`[${chunk.join(',')}]`],
        );
    },
  };
}

/** Runs fn in one transaction on the database's own driver. */
async function inTransaction(
  database: Pick<Database, 'db' | 'kind'>,
  fn: (writer: Writer) => Promise<void>,
) {
  if (database.kind === 'pglite') {
    const client = (database.db as unknown as { $client: PGlite }).$client;
    await client.transaction(async (tx) =>
      fn(process.env.SEED_JSON ? postgresWriter(tx as never) : await pgliteWriter(tx)),
    );
    return;
  }
  const pool = (database.db as unknown as { $client: pg.Pool }).$client;
  const client = await pool.connect();
  try {
    await client.query('begin');
    await fn(postgresWriter(client));
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The highest case number per year, as createCase counts it. */
async function highestNumbers(writer: Writer): Promise<Map<number, number>> {
  const { rows } = await writer.query(
    `select split_part(code, '-', 2) as year, max(split_part(code, '-', 3)::int) as n
     from cases where code ~ '^KL-[0-9]{4}-[0-9]+$' group by 1`,
  );
  return new Map(rows.map((r) => [Number(r.year), Number(r.n)]));
}

export async function seedSynthetic(
  database: Pick<Database, 'db' | 'kind'>,
  options: {
    cases: number;
    seed: number;
    now?: Date;
    /** Cases per transaction. */
    batchSize?: number;
    /** Interviews with transcripts and codings per case (default true). */
    interviews?: boolean;
    /** Transcripts of 300–700 words instead of 2,000–6,000 (default false). */
    shortTranscripts?: boolean;
    /**
     * Access-table registrations for every region, made once per database: about this many per
     * region per quarter over three years (default 120); 0 for none.
     */
    registrationsPerQuarter?: number;
    onProgress?: (progress: SeedProgress) => void;
  },
): Promise<SeedSummary> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const today = now.toISOString().slice(0, 10);
  const anchorDay = Math.min(dayNumber(referenceDay), dayNumber(today));
  const anchorMs = Math.min((anchorDay + 1) * msPerDay - 1, now.getTime());
  const withInterviews = options.interviews ?? true;
  const setup = await prepareSetup(database.db, now, withInterviews);
  const interviewSettings: InterviewSettings | null = setup.codebook
    ? {
        codes: setup.codebook,
        researchers: setup.teams.map((t) => t.researcherId),
        ...(options.shortTranscripts ? { transcriptWords: shortTranscriptWords } : {}),
      }
    : null;
  const batchSize = options.batchSize ?? 100;
  const plan = new Rng(`ketenlens-synthetic|${options.seed}|plan`);
  const summary: SeedSummary = {
    programmeId: setup.programmeId,
    programmeName: syntheticProgrammeName,
    programmeReused: setup.programmeReused,
    teams: setup.teams.map(({ id, name, regionCode }) => ({ id, name, regionCode })),
    researcherEmails: setup.teams.map((_, k) => `onderzoeker-${k + 1}@${syntheticEmailDomain}`),
    cases: 0,
    participants: 0,
    consents: 0,
    items: 0,
    minItemsPerCase: Number.POSITIVE_INFINITY,
    maxItemsPerCase: 0,
    comments: 0,
    history: 0,
    interviews: 0,
    words: 0,
    minWordsPerInterview: Number.POSITIVE_INFINITY,
    maxWordsPerInterview: 0,
    segments: 0,
    codes: setup.codebook?.length ?? 0,
    firstCode: '',
    lastCode: '',
    synthesis: { themes: 0, threads: 0, recommendations: 0 },
    monitoring: { tables: 0, registrations: 0 },
    elapsedMs: 0,
    extrasMs: 0,
  };
  const typeWeights: Record<string, number> = {
    jeugdzorgplus: 30,
    jji: 18,
    obc_lvb: 20,
    klinische_jeugd_ggz: 22,
    other: 10,
  };
  const typeChoices = setup.institutionTypes.map((code) => [code, typeWeights[code] ?? 5] as const);
  if (typeChoices.length === 0)
    throw new Error('Er zijn geen soorten instelling om uit te kiezen.');

  for (let first = 0; first < options.cases; first += batchSize) {
    const last = Math.min(first + batchSize, options.cases);
    await inTransaction(database, async (writer) => {
      // Numbers continue after the highest of each year. The table lock keeps a running app from
      // taking a number meanwhile (its INSERT waits for this transaction; its unique code then
      // settles it, as when two people open a case at once).
      await writer.query('lock table cases in exclusive mode');
      const highest = await highestNumbers(writer);
      const batch: GeneratedCase[] = [];
      for (let i = first; i < last; i++) {
        // Spread over the three years up to the reference day, in order, so numbers follow time.
        const slot = caseSpanDays * msPerDay;
        const createdMs = Math.round(
          anchorMs - slot + ((i + 0.1 + plan.next() * 0.8) / options.cases) * slot,
        );
        const createdAt = new Date(Math.min(createdMs, anchorMs));
        const year = createdAt.getUTCFullYear();
        const number = (highest.get(year) ?? 0) + 1;
        highest.set(year, number);
        const code = `KL-${year}-${String(number).padStart(3, '0')}`;
        const team = setup.teams[plan.int(0, setup.teams.length - 1)] as Team;
        const regionCode = plan.chance(0.7) ? team.regionCode : plan.pick(setup.regionCodes);
        const ageOfCase = (anchorMs - createdAt.getTime()) / (caseSpanDays * msPerDay);
        const statusIndex = Math.max(
          0,
          Math.min(statuses.length - 1, Math.round(ageOfCase * 7 + (plan.next() - 0.5) * 3)),
        );
        batch.push(
          generateCase({
            seed: options.seed,
            index: i,
            code,
            team,
            programmeId: setup.programmeId,
            regionCode,
            institutionTypes: typeChoices,
            createdAt,
            anchorDay,
            today,
            now,
            latest: new Date(anchorMs),
            categories: setup.categories,
            status: statuses[statusIndex] as (typeof statuses)[number],
            interviews: interviewSettings,
          }),
        );
      }
      const all = <K extends keyof GeneratedCase>(key: K) =>
        batch.flatMap((c) => c[key] as unknown as Record<string, unknown>[]);
      await writer.insert(
        cases,
        batch.map((c) => c.caseRow),
      );
      await writer.insert(participants, all('participants'));
      await writer.insert(consents, all('consents'));
      await writer.insert(timelineItems, all('items'));
      await writer.insert(timelineHistory, all('history'));
      await writer.insert(timelineComments, all('comments'));
      await writer.insert(
        caseIndicators,
        batch.map((c) => c.indicators),
      );
      // qda_sources.search is generated by the database: the rows never carry it.
      await writer.insert(qdaSources, all('sources'));
      await writer.insert(interviews, all('interviews'));
      await writer.insert(qdaSegments, all('segments'));
      for (const c of batch) {
        summary.cases += 1;
        summary.participants += c.participants.length;
        summary.consents += c.consents.length;
        summary.items += c.items.length;
        summary.minItemsPerCase = Math.min(summary.minItemsPerCase, c.items.length);
        summary.maxItemsPerCase = Math.max(summary.maxItemsPerCase, c.items.length);
        summary.comments += c.comments.length;
        summary.history += c.history.length;
        summary.interviews += c.interviews.length;
        summary.words += c.words;
        summary.segments += c.segments.length;
        for (const words of c.transcriptWords) {
          summary.minWordsPerInterview = Math.min(summary.minWordsPerInterview, words);
          summary.maxWordsPerInterview = Math.max(summary.maxWordsPerInterview, words);
        }
        summary.firstCode ||= c.caseRow.code;
        summary.lastCode = c.caseRow.code;
      }
    });
    options.onProgress?.({
      done: last,
      total: options.cases,
      items: summary.items,
      interviews: summary.interviews,
      segments: summary.segments,
      elapsedMs: performance.now() - started,
    });
  }
  // Planner statistics for the loaded tables: PGlite has no autovacuum to gather them, and on a
  // server it would take a while before the plans fit the new size.
  await database.db.execute(
    sql`analyze cases, participants, consents, timeline_items, timeline_history, timeline_comments, case_indicators, qda_codes, qda_sources, interviews, qda_segments`,
  );
  if (summary.interviews === 0) {
    summary.minWordsPerInterview = 0;
  }
  summary.elapsedMs = performance.now() - started;
  // Made once per database, whatever the number of cases added: the synthesis of the programme
  // (with interviews: it is built on the codebook) and three years of access-table registrations
  // for every region.
  if (setup.codebook)
    summary.synthesis = await seedSynthesis(database.db, {
      programmeId: setup.programmeId,
      codes: setup.codebook,
      createdBy: (setup.teams[0] as Team).researcherId,
      emailDomain: syntheticEmailDomain,
      organisationId: setup.instituteId,
      now,
    });
  const [synthetic] = await queryRows<{ n: number | string }>(
    database.db,
    sql`select count(*) as n from access_tables where name like ${`%${syntheticTableMarker}`}`,
  );
  const perQuarter = options.registrationsPerQuarter ?? 120;
  if (perQuarter > 0 && Number(synthetic?.n ?? 0) === 0) {
    summary.monitoring = await seedMonitoring(database.db, {
      seed: options.seed,
      years: 3,
      until: today,
      perQuarter,
    });
    await database.db.execute(sql`analyze access_tables, access_registrations`);
  }
  summary.extrasMs = performance.now() - started - summary.elapsedMs;
  return summary;
}

// ---------------------------------------------------------------------------------------------
// The command

const nl = (n: number) => n.toLocaleString('nl-NL');
const seconds = (ms: number) =>
  `${(ms / 1000).toLocaleString('nl-NL', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} s`;
const megabytes = (bytes: number) =>
  `${(bytes / 2 ** 20).toLocaleString('nl-NL', { maximumFractionDigits: 0 })} MiB`;

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(full);
    else if (entry.isFile()) total += fs.statSync(full).size;
  }
  return total;
}

async function main(): Promise<number> {
  let parsed: SeedArguments;
  try {
    parsed = parseSeedArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof SeedUsageError) {
      console.error(error.message);
      return error.exitCode;
    }
    throw error;
  }
  if ('help' in parsed) {
    console.log(usage);
    return 0;
  }
  const { target } = parsed;
  let lock: DataLock | undefined;
  let database: Database | undefined;
  try {
    if (target.kind === 'pglite') {
      lock = acquireDataLock(target.dataDir);
      database = await openPglite({ dataDir: path.join(target.dataDir, 'pglite') });
    } else {
      database = await openPostgres(target.url, { max: 2 });
    }
    const where =
      target.kind === 'pglite'
        ? `ingebouwde database in ${target.dataDir}`
        : 'PostgreSQL-server (DATABASE_URL)';
    console.error(`Synthetische casussen: ${nl(parsed.cases)} toevoegen aan de ${where}…`);
    await migrate(database);
    await syncReferenceData(database.db);
    await syncCaseReferenceData(database.db);
    let lastPrint = 0;
    const summary = await seedSynthetic(database, {
      cases: parsed.cases,
      seed: parsed.seed,
      interviews: parsed.interviews,
      shortTranscripts: parsed.shortTranscripts,
      onProgress: (p) => {
        if (p.done < p.total && p.elapsedMs - lastPrint < 2000) return;
        lastPrint = p.elapsedMs;
        const rate = p.done / Math.max(p.elapsedMs / 1000, 0.001);
        console.error(
          `  ${nl(p.done)} / ${nl(p.total)} casussen (${Math.floor((100 * p.done) / p.total)}%), ` +
            `${nl(p.items)} tijdlijnitems, ` +
            (parsed.interviews
              ? `${nl(p.interviews)} interviews, ${nl(p.segments)} fragmenten, `
              : '') +
            `${seconds(p.elapsedMs)}, ${nl(Math.round(rate))} casussen/s`,
        );
      },
    });
    const [size] = await queryRows<{ bytes: string | number }>(
      database.db,
      sql`select pg_database_size(current_database()) as bytes`,
    );
    await database.close();
    database = undefined;
    const dbBytes = Number(size?.bytes ?? 0);
    const lines = [
      `${nl(summary.cases)} fictieve casussen toegevoegd in ${seconds(summary.elapsedMs)} (seed ${parsed.seed}).`,
      `  programma      ${summary.programmeName}${summary.programmeReused ? ' (bestond al)' : ''}`,
      `  teams          ${summary.teams.length}, in de regio's ${summary.teams.map((t) => t.regionCode).join(', ')}`,
      `  onderzoekers   ${summary.researcherEmails[0]} … ${summary.researcherEmails.at(-1)} (uitgenodigd, zonder wachtwoord)`,
      `  casuscodes     ${summary.firstCode} … ${summary.lastCode}`,
      `  deelnemers     ${nl(summary.participants)}`,
      `  toestemmingen  ${nl(summary.consents)}`,
      `  tijdlijnitems  ${nl(summary.items)} (${summary.minItemsPerCase}–${summary.maxItemsPerCase} per casus), met ${nl(summary.history)} historieregels`,
      `  reacties       ${nl(summary.comments)}`,
      parsed.interviews
        ? `  interviews     ${nl(summary.interviews)} met transcript, ${nl(summary.words)} woorden (${nl(summary.minWordsPerInterview)}–${nl(summary.maxWordsPerInterview)} per interview)\n` +
          `  coderingen     ${nl(summary.segments)} fragmenten met ${summary.codes} codes uit het codeboek`
        : '  interviews     geen (--no-interviews)',
      summary.synthesis.threads > 0
        ? `  synthese       ${summary.synthesis.themes} thema's, ${summary.synthesis.threads} rode draden, ${summary.synthesis.recommendations} aanbevelingen`
        : '  synthese       al aanwezig of zonder interviews: niets toegevoegd',
      summary.monitoring.registrations > 0
        ? `  toegangstafels ${summary.monitoring.tables} (één per regio), ${nl(summary.monitoring.registrations)} registraties over drie jaar (synthese en registraties in ${seconds(summary.extrasMs)})`
        : '  toegangstafels al aanwezig: geen registraties toegevoegd',
      `  database       ${megabytes(dbBytes)} (pg_database_size)` +
        (target.kind === 'pglite'
          ? `; datamap ${megabytes(folderBytes(path.join(target.dataDir, 'pglite')))} op schijf`
          : ''),
      'Het toegangslog is niet aangevuld: er is niemands gegevens ingezien.',
    ];
    console.log(lines.join('\n'));
    return 0;
  } catch (error) {
    if (error instanceof DataFolderLockedError) {
      console.error(
        `${error.message}\nStop de app eerst: synthetische casussen worden alleen toegevoegd aan een datamap die niet in gebruik is.`,
      );
      return 1;
    }
    console.error('Fout:', error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await database?.close();
    lock?.release();
  }
}

const isMain = process.argv[1]?.endsWith('scripts/seed-synthetic.ts') ?? false;
if (isMain) process.exitCode = await main();
