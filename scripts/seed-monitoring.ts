// Fictional access-table registrations for the demo and for the synthetic generator:
// deterministic by seed, varied enough that a quarterly report shows a trend (more
// registrations and more "no fitting offer" over time), small suppressed cells (rare outcomes
// and problem areas) and a list of missing help. No names anywhere: references are codes.
import type { Db } from '../src/server/db/connect';
import { regions } from '../src/server/features/organisations/schema';
import { accessRegistrations, accessTables } from '../src/server/features/monitoring/schema';
import { dutchSortKey } from '../src/shared/domain/dutch-sort';
import { ageBands } from '../src/shared/contract/monitoring';

/** A small seeded generator (mulberry32): the same seed gives the same registrations. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, weight] of weighted) {
    r -= weight;
    if (r < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

const problemAreas = [
  ['behaviour', 30],
  ['psychiatric', 25],
  ['school_absence', 14],
  ['parenting', 12],
  ['addiction', 8],
  ['domestic_violence', 6],
  ['intellectual_disability', 6],
  ['trauma', 4],
  ['other', 1],
] as const;
const questionTypes = [
  ['treatment', 40],
  ['housing', 25],
  ['system_help', 18],
  ['scaling_down', 12],
  ['other', 3],
] as const;
const missingHelp = [
  ['Gesloten plaats dicht bij huis', 9],
  ['Gezinshuis voor jongeren met gedragsproblemen', 7],
  ['Klinische behandeling voor verslaving onder 18', 5],
  ['Intensieve ambulante gezinsbehandeling', 4],
  ['Beschermd wonen 16-18 jaar', 2],
  ['Dagbesteding met onderwijs', 1],
] as const;
const bottlenecks = [
  ['Wachtlijst specialistische GGZ', 10],
  ['Geen passende plek in de regio', 8],
  ['Informatie van de verwijzer onvolledig', 6],
  ['Onduidelijk wie regie heeft', 5],
  ['Financiering tussen gemeenten niet geregeld', 3],
  ['', 14],
] as const;
const missingInformation = [
  'Diagnostiek ontbrak',
  'Geen hulpverleningsgeschiedenis',
  'Vraag van het gezin niet beschreven',
];
const teams = [
  'Gebiedsteam Noord',
  'Gebiedsteam Zuid',
  'Gebiedsteam Centrum',
  'Wijkteam Oost',
  'Jeugdteam West',
];

export type RegistrationRow = typeof accessRegistrations.$inferInsert;

/**
 * Registrations for one table between two days (inclusive). `perQuarter` is the number in the
 * first quarter; it grows by `growth` per quarter, and so does the share of "no fitting offer".
 */
export function generateRegistrations(options: {
  random: () => number;
  tableId: string;
  regionCode: string;
  from: string;
  to: string;
  perQuarter: number;
  growth?: number;
  prefix: string;
}): RegistrationRow[] {
  const { random } = options;
  const rows: RegistrationRow[] = [];
  const start = Date.parse(`${options.from}T00:00:00Z`);
  const end = Date.parse(`${options.to}T00:00:00Z`);
  const days = Math.max(1, Math.round((end - start) / 86_400_000) + 1);
  const quarters = Math.max(1, days / 91);
  let counter = 0;
  for (let q = 0; q < Math.ceil(quarters); q += 1) {
    const count = Math.round(
      options.perQuarter * (1 + (options.growth ?? 0.08) * q) * (0.85 + random() * 0.3),
    );
    const noOfferWeight = 12 + q * 2.5;
    for (let i = 0; i < count; i += 1) {
      const day = Math.floor((q + random()) * 91);
      // The last quarter is cut off at `to`: its rows beyond that day are not made.
      if (day >= days) continue;
      const discussedOn = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
      const outcome = pick(random, [
        ['fitting_help', 60],
        ['no_fitting_offer', noOfferWeight],
        ['waiting', 18],
        ['other', 3],
      ] as const);
      const areas = new Set<string>([pick(random, problemAreas)]);
      if (random() < 0.45) areas.add(pick(random, problemAreas));
      const information = pick(random, [
        ['yes', 62],
        ['partly', 26],
        ['no', 12],
      ] as const);
      const bottleneckText = [
        pick(random, bottlenecks),
        random() < 0.3 ? pick(random, bottlenecks) : '',
      ]
        .filter((b) => b)
        .filter((b, index, all) => all.indexOf(b) === index)
        .join('; ');
      counter += 1;
      rows.push({
        tableId: options.tableId,
        regionCode: options.regionCode,
        discussedOn,
        reference: `${options.prefix}-${discussedOn.slice(0, 4)}-${String(counter).padStart(4, '0')}`,
        referringTeam: teams[Math.floor(random() * teams.length)]!,
        ageBand: ageBands[Math.min(ageBands.length - 1, Math.floor(random() * random() * 6) + 1)]!,
        problemAreas: [...areas],
        questionType: pick(random, questionTypes),
        informationSufficient: information,
        informationMissing:
          information === 'yes'
            ? ''
            : missingInformation[Math.floor(random() * missingInformation.length)]!,
        outcome,
        missingHelp: outcome === 'no_fitting_offer' ? pick(random, missingHelp) : '',
        daysWaiting: Math.round(
          outcome === 'waiting' ? 30 + random() * 120 : random() * random() * 90,
        ),
        hasExplanatoryAnalysis: random() < 0.35 + q * 0.03,
        bottlenecks: bottleneckText,
      });
    }
  }
  return rows.filter((r) => r.discussedOn <= options.to);
}

async function insertRows(db: Db, rows: RegistrationRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db.insert(accessRegistrations).values(rows.slice(i, i + 500));
}

/**
 * For the synthetic generator: one Team Toegang per region (threshold 5) with `years` of
 * registrations up to `until`, about `perQuarter` per quarter for a region (scaled a little by
 * region so they differ). Needs the regions loaded and the monitoring migrations applied;
 * deterministic by `seed`. Returns how many registrations it added.
 */
export async function seedMonitoring(
  db: Db,
  options: { seed: number; years: number; until: string; perQuarter?: number },
): Promise<{ tables: number; registrations: number }> {
  const random = seededRandom(options.seed);
  const allRegions = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .orderBy(regions.code);
  const untilYear = Number(options.until.slice(0, 4));
  const from = `${untilYear - options.years}${options.until.slice(4)}`;
  let registrations = 0;
  for (const [index, region] of allRegions.entries()) {
    const name = `Team Toegang ${region.name} (synthetisch)`;
    const [table] = await db
      .insert(accessTables)
      .values({ regionCode: region.code, name, kind: 'team_toegang', sortKey: dutchSortKey(name) })
      .returning({ id: accessTables.id });
    const rows = generateRegistrations({
      random,
      tableId: table!.id,
      regionCode: region.code,
      from,
      to: options.until,
      perQuarter: Math.round((options.perQuarter ?? 120) * (0.5 + ((index * 37) % 100) / 100)),
      prefix: `S${index + 1}`,
    });
    await insertRows(db, rows);
    registrations += rows.length;
  }
  return { tables: allRegions.length, registrations };
}

/** The demo region's tables exist already; this adds their two years of registrations. */
export async function seedDemoRegistrations(
  db: Db,
  tables: { id: string; regionCode: string; perQuarter: number; prefix: string }[],
  today: string,
): Promise<number> {
  const random = seededRandom(2026);
  const from = `${Number(today.slice(0, 4)) - 2}${today.slice(4)}`;
  let total = 0;
  for (const table of tables) {
    const rows = generateRegistrations({
      random,
      tableId: table.id,
      regionCode: table.regionCode,
      from,
      to: today,
      perQuarter: table.perQuarter,
      prefix: table.prefix,
    });
    await insertRows(db, rows);
    total += rows.length;
  }
  return total;
}
