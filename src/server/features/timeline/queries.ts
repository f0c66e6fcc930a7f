// Reads of a case's timeline: the live items in time order with their comments, the derived
// indicators, and the change history of one item.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import type { Tx } from '../../db/context';
import { preparedPerDatabase } from '../../db/prepared';
import type { CaseIndicators } from '../../../shared/domain/timeline';
import type { TimelineItem } from '../../../shared/contract/timeline';
import { users } from '../auth/schema';
import { participants } from '../cases/schema';
import { caseIndicators, timelineComments, timelineHistory, timelineItems } from './schema';

export type ItemRow = typeof timelineItems.$inferSelect;

/** The fields people edit, as stored in the history (dates as told, not their day ranges). */
export const editableFields = [
  'kind',
  'lane',
  'title',
  'description',
  'start',
  'end',
  'valence',
  'source',
  'sourceParticipantId',
  'categoryCode',
  'reference',
  'waitingDays',
  'isSignal',
  'revisesItemId',
] as const;

export function snapshotOf(row: ItemRow): Record<string, unknown> {
  return Object.fromEntries(editableFields.map((f) => [f, row[f]]));
}

export function presentItem(row: ItemRow, comments: TimelineItem['comments'] = []): TimelineItem {
  return {
    id: row.id,
    kind: row.kind as TimelineItem['kind'],
    lane: row.lane as TimelineItem['lane'],
    title: row.title,
    description: row.description,
    start: row.start,
    end: row.end ?? null,
    startRange: { earliest: row.startEarliest, latest: row.startLatest },
    endRange:
      row.endEarliest && row.endLatest
        ? { earliest: row.endEarliest, latest: row.endLatest }
        : null,
    valence: row.valence as TimelineItem['valence'],
    source: row.source as TimelineItem['source'],
    sourceParticipantId: row.sourceParticipantId,
    categoryCode: row.categoryCode,
    reference: row.reference,
    waitingDays: row.waitingDays,
    isSignal: row.isSignal,
    revisesItemId: row.revisesItemId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    comments,
  };
}

export const emptyIndicators: CaseIndicators = {
  placements: 0,
  placementChanges: 0,
  schoolChanges: 0,
  monthsWithoutSchool: 0,
  careProviders: 0,
  ageAtFirstSignal: null,
  ageAtFirstSpecialistHelp: null,
  earlySignalGap: null,
  diagnosesRevised: 0,
};

const liveItemsOf = (caseId: string) =>
  and(eq(timelineItems.caseId, caseId), isNull(timelineItems.deletedAt));

export async function liveItem(db: Db | Tx, caseId: string, itemId: string) {
  const [row] = await db
    .select()
    .from(timelineItems)
    .where(and(liveItemsOf(caseId), eq(timelineItems.id, itemId)));
  return row ?? null;
}

const caseIdParam = sql.placeholder('caseId');

// The three reads of a timeline, prepared once per database (they run on every timeline view).
const timelineQueries = preparedPerDatabase((db) => ({
  items: db
    .select()
    .from(timelineItems)
    .where(and(eq(timelineItems.caseId, caseIdParam), isNull(timelineItems.deletedAt)))
    .orderBy(
      asc(timelineItems.startEarliest),
      asc(timelineItems.startLatest),
      asc(timelineItems.createdAt),
      asc(timelineItems.id),
    )
    .prepare('timeline_items'),
  comments: db
    .select({
      id: timelineComments.id,
      itemId: timelineComments.itemId,
      perspective: timelineComments.perspective,
      participantId: timelineComments.participantId,
      participantLabel: participants.label,
      text: timelineComments.text,
      authorName: users.displayName,
      createdAt: timelineComments.createdAt,
    })
    .from(timelineComments)
    .leftJoin(participants, eq(participants.id, timelineComments.participantId))
    .leftJoin(users, eq(users.id, timelineComments.authorId))
    .where(and(eq(timelineComments.caseId, caseIdParam), isNull(timelineComments.deletedAt)))
    .orderBy(asc(timelineComments.createdAt), asc(timelineComments.id))
    .prepare('timeline_comments'),
  indicators: db
    .select()
    .from(caseIndicators)
    .where(eq(caseIndicators.caseId, caseIdParam))
    .prepare('timeline_indicators'),
}));

/** The case's live items in time order, each with its comments, and the indicators. */
export async function readTimeline(db: Db, caseId: string) {
  const queries = timelineQueries(db);
  const [rows, comments, indicators] = await Promise.all([
    queries.items.execute({ caseId }),
    queries.comments.execute({ caseId }),
    queries.indicators.execute({ caseId }),
  ]);
  const byItem = new Map<string, TimelineItem['comments']>();
  for (const c of comments) {
    const list = byItem.get(c.itemId) ?? [];
    list.push({
      ...c,
      perspective: c.perspective as TimelineItem['source'],
      authorName: c.authorName ?? '',
      createdAt: c.createdAt.toISOString(),
    });
    byItem.set(c.itemId, list);
  }
  const stored = indicators[0];
  return {
    items: rows.map((row) => presentItem(row, byItem.get(row.id) ?? [])),
    indicators: stored
      ? {
          placements: stored.placements,
          placementChanges: stored.placementChanges,
          schoolChanges: stored.schoolChanges,
          monthsWithoutSchool: stored.monthsWithoutSchool,
          careProviders: stored.careProviders,
          ageAtFirstSignal: stored.ageAtFirstSignal,
          ageAtFirstSpecialistHelp: stored.ageAtFirstSpecialistHelp,
          earlySignalGap: stored.earlySignalGap,
          diagnosesRevised: stored.diagnosesRevised,
        }
      : emptyIndicators,
  };
}

/** Every change of an item, oldest first, with the fields that changed in each. */
export async function itemHistory(db: Db, caseId: string, itemId: string) {
  const rows = await db
    .select({
      version: timelineHistory.version,
      change: timelineHistory.change,
      at: timelineHistory.changedAt,
      by: users.displayName,
      before: timelineHistory.before,
      after: timelineHistory.after,
    })
    .from(timelineHistory)
    .leftJoin(users, eq(users.id, timelineHistory.changedBy))
    .where(and(eq(timelineHistory.caseId, caseId), eq(timelineHistory.itemId, itemId)))
    .orderBy(asc(timelineHistory.version), asc(timelineHistory.changedAt));
  return rows.map((r) => ({
    version: r.version,
    change: r.change as 'created' | 'updated' | 'deleted' | 'removed',
    at: r.at.toISOString(),
    by: r.by ?? '',
    fields: changedFields(r.before, r.after),
  }));
}

export function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
) {
  return editableFields
    .filter((f) => JSON.stringify(before?.[f] ?? null) !== JSON.stringify(after?.[f] ?? null))
    .map((field) => ({ field, before: before?.[field] ?? null, after: after?.[field] ?? null }));
}

export async function itemsByIds(db: Db | Tx, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(timelineItems).where(inArray(timelineItems.id, ids));
}
