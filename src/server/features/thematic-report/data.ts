// What the aggregates page and the thematic report are made of, read once per request: the
// programme, its active threads, their evidence (one batch call of the evidence module, over the
// programme's coded cases — aggregates are not limited to the reader's cases, they are suppressed
// instead), the thread's recommendations per stakeholder group, how those hang together, and for
// the report the chosen quotes whose participant's quote consent stands today.
//
// generateThematicReport(db, options) is the one entry point of the report (routes and the bench
// call it): see ReportOptions below.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import type { Tx } from '../../db/context';
import { queryRows } from '../../db/raw';
import { AppError } from '../../http/errors';
import type { Actor } from '../../policy/policy';
import {
  evidenceIndicatorKeys,
  type EvidenceIndicatorKey,
  type EvidencePerspective,
  type ThreadEvidence,
} from '../../../shared/contract/evidence';
import type {
  Aggregates,
  AggregateRecommendation,
  GroupIndicators,
  AggregateThread,
  RecommendationGroup,
  RecommendationLink,
  ReportLanguage,
  ReportQuote,
  ThematicReport,
} from '../../../shared/contract/thematic-report';
import { participants } from '../cases/schema';
import { reachSql } from '../coding/access';
import { qdaSegments, qdaSources } from '../coding/schema';
import { quoteConsented } from '../coding/segments';
import { programmes } from '../organisations/schema';
import {
  recommendationLinks,
  recommendationThreads,
  recommendations,
} from '../recommendations/schema';
import { codedCasesInScope, loadThreadsEvidence } from '../synthesis/evidence';
import { isActiveThread, synthesisThreadQuotes, synthesisThreads } from '../synthesis/schema';
import { aggregateThread, type ThreadHeader } from './suppress';

/** At most this many quotes carry a thread in the report. */
export const quotesPerThread = 3;
/** A quote longer than this is shortened (at a word) with an ellipsis. */
export const quoteLength = 420;

export type Programme = {
  id: string;
  name: string;
  periodStart: string;
  periodEnd: string | null;
  threshold: number;
  stakeholderGroups: { code: string; label: string }[];
};

export async function loadProgramme(db: Db | Tx, programmeId: string): Promise<Programme> {
  const [row] = await db
    .select({
      id: programmes.id,
      name: programmes.name,
      periodStart: programmes.periodStart,
      periodEnd: programmes.periodEnd,
      threshold: programmes.smallCellThreshold,
      stakeholderGroups: programmes.stakeholderGroups,
    })
    .from(programmes)
    .where(eq(programmes.id, programmeId));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export type ThreadRow = ThreadHeader;

/**
 * The active threads of the programme in board order, or the chosen ones (in board order too).
 * A chosen id that is unknown, of another programme or no longer active is refused by name.
 */
export async function selectThreads(
  db: Db | Tx,
  programmeId: string,
  chosen?: readonly string[],
): Promise<ThreadRow[]> {
  const columns = {
    id: synthesisThreads.id,
    number: synthesisThreads.number,
    version: synthesisThreads.version,
    title: synthesisThreads.title,
    description: synthesisThreads.description,
    programmeId: synthesisThreads.programmeId,
    status: synthesisThreads.status,
  };
  if (chosen && chosen.length === 0)
    throw invalidThreads('Kies minstens één rode draad voor het rapport.');
  const rows = await db
    .select(columns)
    .from(synthesisThreads)
    .where(
      chosen
        ? inArray(synthesisThreads.id, [...chosen])
        : and(eq(synthesisThreads.programmeId, programmeId), isActiveThread()),
    )
    .orderBy(asc(synthesisThreads.sortOrder), asc(synthesisThreads.number));
  if (chosen) {
    const problems: string[] = [];
    for (const id of chosen) {
      const row = rows.find((r) => r.id === id);
      if (!row || row.programmeId !== programmeId)
        problems.push(`Rode draad ${id} hoort niet bij dit programma.`);
      else if (row.status !== 'active')
        problems.push(
          `Rode draad ${row.number} (${row.title}) is niet meer actief en kan niet in het rapport.`,
        );
    }
    if (problems.length) throw invalidThreads(problems.join(' '), problems);
  }
  return rows.map(({ id, number, version, title, description }) => ({
    id,
    number,
    version,
    title,
    description,
  }));
}

function invalidThreads(message: string, messages: string[] = [message]): AppError {
  return new AppError('INVALID_INPUT', message, {
    fields: messages.map((m) => ({ path: 'threads', message: m })),
  });
}

export type RecommendationVersion = { recommendationId: string; number: number; version: number };

/**
 * The recommendations of the threads, per thread and stakeholder group (the programme's groups in
 * its order, a group no longer on the list after them under its code), and their samenhang.
 * Published ones always; approved ones too when `includeApproved` (a draft report), marked.
 */
export async function threadRecommendations(
  db: Db | Tx,
  programme: Programme,
  threadIds: readonly string[],
  includeApproved: boolean,
): Promise<{
  byThread: Map<string, RecommendationGroup[]>;
  links: RecommendationLink[];
  versions: RecommendationVersion[];
}> {
  const states = includeApproved ? ['published', 'approved'] : ['published'];
  const rows = threadIds.length
    ? await db
        .select({
          id: recommendations.id,
          number: recommendations.number,
          version: recommendations.version,
          title: recommendations.title,
          body: recommendations.body,
          state: recommendations.reviewState,
          group: recommendations.stakeholderGroup,
          threadId: recommendationThreads.threadId,
        })
        .from(recommendations)
        .innerJoin(
          recommendationThreads,
          eq(recommendationThreads.recommendationId, recommendations.id),
        )
        .where(
          and(
            eq(recommendations.programmeId, programme.id),
            inArray(recommendationThreads.threadId, [...threadIds]),
            inArray(recommendations.reviewState, states),
          ),
        )
        .orderBy(asc(recommendations.sortOrder), asc(recommendations.number))
    : [];
  const groupLabel = new Map(programme.stakeholderGroups.map((g) => [g.code, g.label]));
  const extraGroups = [...new Set(rows.map((r) => r.group))].filter((g) => !groupLabel.has(g));
  const groups = [
    ...programme.stakeholderGroups,
    ...extraGroups.map((code) => ({ code, label: code })),
  ];
  const byThread = new Map<string, RecommendationGroup[]>();
  for (const threadId of threadIds) {
    const mine = rows.filter((r) => r.threadId === threadId);
    byThread.set(
      threadId,
      groups.map((g) => ({
        code: g.code,
        label: g.label,
        recommendations: mine
          .filter((r) => r.group === g.code)
          .map((r): AggregateRecommendation => ({
            id: r.id,
            number: r.number,
            title: r.title,
            body: r.body,
            state: r.state as AggregateRecommendation['state'],
          })),
      })),
    );
  }
  const unique = new Map(rows.map((r) => [r.id, r]));
  const ids = [...unique.keys()];
  const linkRows = ids.length
    ? await db
        .select({
          fromId: recommendationLinks.fromId,
          toId: recommendationLinks.toId,
          note: recommendationLinks.note,
        })
        .from(recommendationLinks)
        .where(
          and(inArray(recommendationLinks.fromId, ids), inArray(recommendationLinks.toId, ids)),
        )
    : [];
  const end = (id: string) => {
    const r = unique.get(id)!;
    return { number: r.number, title: r.title, group: groupLabel.get(r.group) ?? r.group };
  };
  const links = linkRows
    .map((l) => ({ from: end(l.fromId), to: end(l.toId), note: l.note }))
    .sort((a, b) => a.from.number - b.from.number || a.to.number - b.to.number);
  return {
    byThread,
    links,
    versions: [...unique.values()]
      .map((r) => ({ recommendationId: r.id, number: r.number, version: r.version }))
      .sort((a, b) => a.number - b.number),
  };
}

type QuoteCandidate = {
  threadId: string;
  segmentId: string;
  caseId: string | null;
  participantId: string | null;
  perspective: string | null;
  text: string;
  deleted: boolean;
};

async function quoteRows(db: Db | Tx, where: ReturnType<typeof and>): Promise<QuoteCandidate[]> {
  return db
    .select({
      threadId: synthesisThreadQuotes.threadId,
      segmentId: synthesisThreadQuotes.segmentId,
      caseId: qdaSegments.caseId,
      participantId: qdaSources.participantId,
      perspective: participants.kind,
      text: sql<string>`substr(${qdaSources.body}, ${qdaSegments.start} + 1, ${qdaSegments.end} - ${qdaSegments.start})`,
      deleted: sql<boolean>`${qdaSegments.deletedAt} is not null`,
    })
    .from(synthesisThreadQuotes)
    .innerJoin(qdaSegments, eq(qdaSegments.id, synthesisThreadQuotes.segmentId))
    .innerJoin(qdaSources, eq(qdaSources.id, qdaSegments.sourceId))
    .leftJoin(participants, eq(participants.id, qdaSources.participantId))
    .where(where)
    .orderBy(asc(synthesisThreadQuotes.sortOrder), asc(synthesisThreadQuotes.chosenAt));
}

export function shortenQuote(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if ([...clean].length <= quoteLength) return clean;
  const cut = [...clean].slice(0, quoteLength).join('');
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${atWord.length > quoteLength / 2 ? atWord : cut}…`;
}

export type UsableQuote = ReportQuote & { caseId: string | null };

/** Whether a candidate may be printed now: its consent stands and its text is still there. */
async function usable(db: Db | Tx, candidates: QuoteCandidate[], now: Date) {
  const consented = await quoteConsented(
    db,
    candidates.flatMap((c) => (c.caseId ? [c.caseId] : [])),
    now,
  );
  return (c: QuoteCandidate) =>
    !c.deleted && c.participantId !== null && consented.has(c.participantId) && c.text.length > 0;
}

/**
 * The chosen quotes of each thread that may be printed now, at most quotesPerThread, from the
 * cases the actor reaches (every case when no actor: the bench), and how many chosen ones were
 * left out because their consent is gone or their segment was removed.
 */
export async function threadQuotes(
  db: Db | Tx,
  threadIds: readonly string[],
  actor: Actor | null,
  now: Date,
): Promise<Map<string, { quotes: UsableQuote[]; leftOut: number }>> {
  const out = new Map<string, { quotes: UsableQuote[]; leftOut: number }>();
  for (const id of threadIds) out.set(id, { quotes: [], leftOut: 0 });
  if (threadIds.length === 0) return out;
  const candidates = await quoteRows(
    db,
    and(
      inArray(synthesisThreadQuotes.threadId, [...threadIds]),
      actor ? reachSql(actor, qdaSegments.caseId) : undefined,
    ),
  );
  const ok = await usable(db, candidates, now);
  for (const c of candidates) {
    const entry = out.get(c.threadId)!;
    if (!ok(c)) entry.leftOut += 1;
    else if (entry.quotes.length < quotesPerThread)
      entry.quotes.push({
        segmentId: c.segmentId,
        caseId: c.caseId,
        text: shortenQuote(c.text),
        perspective: (c.perspective ?? 'dossier') as EvidencePerspective,
      });
  }
  return out;
}

/** Of a published report's quotes, the ones whose consent still stands, with their cases. */
export async function stillUsableQuotes(
  db: Db | Tx,
  segmentIds: readonly string[],
  now: Date,
): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  if (segmentIds.length === 0) return out;
  const candidates = await quoteRows(db, and(inArray(qdaSegments.id, [...segmentIds])));
  const ok = await usable(db, candidates, now);
  for (const c of candidates) if (ok(c)) out.set(c.segmentId, c.caseId);
  return out;
}

/** The evidence of the threads, in the programme's scope (every coded case of it). */
async function evidenceOf(
  db: Db,
  programmeId: string,
  threadIds: readonly string[],
): Promise<Map<string, ThreadEvidence>> {
  if (threadIds.length === 0) return new Map();
  return loadThreadsEvidence(db, { programmeId, actor: null }, [...threadIds]);
}

function aggregateThreads(
  programme: Programme,
  threads: ThreadRow[],
  evidence: Map<string, ThreadEvidence>,
  recommendationsByThread: Map<string, RecommendationGroup[]>,
): AggregateThread[] {
  return threads.map((t) => {
    const e = evidence.get(t.id);
    if (!e) throw new Error(`no evidence for thread ${t.id}`);
    return aggregateThread(t, e, recommendationsByThread.get(t.id) ?? [], programme.threshold);
  });
}

/** The programme's coded cases, protected like any count (a programme of 3 cases shows none). */
function programmeCases(threads: AggregateThread[], evidence: ThreadEvidence[], threshold: number) {
  const first = threads[0];
  if (first) return first.total.of;
  const of = evidence[0]?.total.of ?? 0;
  return of > 0 && of < threshold
    ? { value: null, suppressed: 'primary' as const }
    : { value: of, suppressed: null };
}

const indicatorColumns: Record<EvidenceIndicatorKey, string> = {
  placementChanges: 'placement_changes',
  schoolChanges: 'school_changes',
  monthsWithoutSchool: 'months_without_school',
  careProviders: 'care_providers',
  earlySignalGap: 'early_signal_gap',
  diagnosesRevised: 'diagnoses_revised',
};

/**
 * Medians of the timeline indicators of the programme's coded cases, by kind of institution and by
 * region, in one grouping-sets query. A median over fewer than threshold cases with a value is not
 * shown; no count is published here (the group sizes are in the threads' protected tables).
 */
export async function indicatorsByGroup(
  db: Db,
  programmeId: string,
  threshold: number,
  labels: { types: Map<string, string>; regions: Map<string, string> },
): Promise<Aggregates['indicators']> {
  const columns = evidenceIndicatorKeys
    .map((k) => {
      const c = `ci.${indicatorColumns[k]}`;
      return `count(${c})::int as "n_${k}", percentile_cont(0.5) within group (order by ${c})::float8 as "md_${k}"`;
    })
    .join(', ');
  const rows = await queryRows<Record<string, string | number | null>>(
    db,
    sql`select c.institution_type as "type", c.region_code as "region",
          grouping(c.institution_type)::int as "byRegion", ${sql.raw(columns)}
        from cases c join case_indicators ci on ci.case_id = c.id
        where ${codedCasesInScope({ programmeId, actor: null }, 'c')}
        group by grouping sets ((c.institution_type), (c.region_code))`,
  );
  const present = (row: Record<string, string | number | null>, key: string, label: string) => ({
    key,
    label,
    medians: evidenceIndicatorKeys.map((k) => {
      const n = Number(row[`n_${k}`] ?? 0);
      const median = row[`md_${k}`];
      return {
        key: k,
        median: n >= threshold && median !== null ? Math.round(Number(median) * 10) / 10 : null,
      };
    }),
  });
  const sorted = (list: GroupIndicators[]) =>
    list.sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  return {
    byInstitutionType: sorted(
      rows
        .filter((r) => Number(r.byRegion) === 0)
        .map((r) => {
          const key = String(r.type);
          return present(r, key, labels.types.get(key) ?? key);
        }),
    ),
    byRegion: sorted(
      rows
        .filter((r) => Number(r.byRegion) === 1)
        .map((r) => {
          const key = String(r.region);
          return present(r, key, labels.regions.get(key) ?? key);
        }),
    ),
  };
}

/** What a policymaker sees of the programme's synthesis. */
export async function buildAggregates(
  db: Db,
  programmeId: string,
  now: Date,
): Promise<Omit<Aggregates, 'abilities'>> {
  const programme = await loadProgramme(db, programmeId);
  const threads = await selectThreads(db, programmeId);
  const ids = threads.map((t) => t.id);
  const [evidence, recs] = await Promise.all([
    evidenceOf(db, programmeId, ids),
    threadRecommendations(db, programme, ids, false),
  ]);
  const aggregated = aggregateThreads(programme, threads, evidence, recs.byThread);
  // Group labels as the evidence gives them (every group with coded cases is in each thread's).
  const labels = { types: new Map<string, string>(), regions: new Map<string, string>() };
  for (const e of evidence.values()) {
    for (const g of e.byInstitutionType) labels.types.set(g.key, g.label);
    for (const g of e.byRegion) labels.regions.set(g.key, g.label);
  }
  return {
    programme: summary(programme),
    threshold: programme.threshold,
    computedAt: now.toISOString(),
    cases: programmeCases(aggregated, [...evidence.values()], programme.threshold),
    threads: aggregated,
    indicators: await indicatorsByGroup(db, programmeId, programme.threshold, labels),
    links: recs.links,
  };
}

function summary(p: Programme) {
  return { id: p.id, name: p.name, periodStart: p.periodStart, periodEnd: p.periodEnd };
}

export type ReportOptions = {
  programmeId: string;
  /** The chosen threads; every active thread of the programme when absent. */
  threadIds?: readonly string[];
  lang?: ReportLanguage;
  /** Quotes only from the cases this actor reaches; every case when null (the bench). */
  actor?: Actor | null;
  now?: Date;
  /** A draft shows approved recommendations too (marked); a version to publish only published. */
  draft?: boolean;
};

export type GeneratedReport = {
  report: ThematicReport;
  /** The cases whose quotes the report prints (for the access log). */
  quoteCases: string[];
  threadVersions: { threadId: string; number: number; version: number }[];
  recommendationVersions: RecommendationVersion[];
};

/**
 * The thematic report as data (rendered to PDF/DOCX/CSV/XLSX by render.ts): one evidence batch
 * for all threads, one query each for recommendations, samenhang and quotes — no per-case work.
 */
export async function generateThematicReport(
  db: Db,
  options: ReportOptions,
): Promise<GeneratedReport> {
  const now = options.now ?? new Date();
  const draft = options.draft ?? true;
  const programme = await loadProgramme(db, options.programmeId);
  const threads = await selectThreads(db, programme.id, options.threadIds);
  if (threads.length === 0)
    throw invalidThreads('Dit programma heeft nog geen actieve rode draden om te rapporteren.');
  const ids = threads.map((t) => t.id);
  const [evidence, recs, quotes] = await Promise.all([
    evidenceOf(db, programme.id, ids),
    threadRecommendations(db, programme, ids, draft),
    threadQuotes(db, ids, options.actor ?? null, now),
  ]);
  const aggregated = aggregateThreads(programme, threads, evidence, recs.byThread);
  const quoteCases = new Set<string>();
  const reportThreads = aggregated.map((t) => {
    const q = quotes.get(t.id)!;
    for (const quote of q.quotes) if (quote.caseId) quoteCases.add(quote.caseId);
    return {
      ...t,
      quotes: q.quotes.map(({ segmentId, text, perspective }) => ({
        segmentId,
        text,
        perspective,
      })),
      quotesLeftOut: q.leftOut,
    };
  });
  const heard = new Set<EvidencePerspective>();
  for (const t of aggregated) for (const p of t.byPerspective) heard.add(p.perspective);
  return {
    report: {
      lang: options.lang ?? 'nl',
      programme: summary(programme),
      threshold: programme.threshold,
      generatedAt: now.toISOString(),
      version: null,
      cases: programmeCases(aggregated, [...evidence.values()], programme.threshold),
      perspectives: [...heard],
      threads: reportThreads,
      links: recs.links,
    },
    quoteCases: [...quoteCases],
    threadVersions: threads.map((t) => ({ threadId: t.id, number: t.number, version: t.version })),
    recommendationVersions: recs.versions,
  };
}

/** A published report as it may be printed today: quotes whose consent is gone are taken out. */
export async function publishedForPrint(
  db: Db,
  content: ThematicReport,
  now: Date,
): Promise<{ report: ThematicReport; quoteCases: string[] }> {
  const segmentIds = content.threads.flatMap((t) => t.quotes.map((q) => q.segmentId));
  const usableNow = await stillUsableQuotes(db, segmentIds, now);
  const quoteCases = new Set<string>();
  const threads = content.threads.map((t) => {
    const kept = t.quotes.filter((q) => usableNow.has(q.segmentId));
    for (const q of kept) {
      const caseId = usableNow.get(q.segmentId);
      if (caseId) quoteCases.add(caseId);
    }
    return { ...t, quotes: kept, quotesLeftOut: t.quotesLeftOut + t.quotes.length - kept.length };
  });
  return { report: { ...content, threads }, quoteCases: [...quoteCases] };
}
