// The administrator's view of the reference lists: every entry, archived ones too, in picker
// order, with how many cases and timeline items use it (counts only, no case data).
import { and, asc, count, countDistinct, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import type { Tx } from '../../db/context';
import {
  isCategoryList,
  markersByList,
  referenceListNames,
  type ReferenceEntry,
  type ReferenceList,
  type ReferenceListName,
} from '../../../shared/contract/reference-lists';
import {
  categoryLists,
  laneCategoryList,
  type CategoryMarker,
  type TimelineLane,
} from '../../../shared/domain/timeline';
import { timelineCategories, timelineItems } from '../timeline/schema';
import { cases, institutionTypes } from './schema';

type Reader = Db | Tx;
type Usage = { caseCount: number; itemCount: number | null };

async function institutionTypeUsage(db: Reader): Promise<Map<string, Usage>> {
  const rows = await db
    .select({ code: cases.institutionType, n: count() })
    .from(cases)
    .groupBy(cases.institutionType);
  return new Map(rows.map((r) => [r.code, { caseCount: Number(r.n), itemCount: null }]));
}

/** Usage per `list:code`, from the live items of the lane the list belongs to. */
async function categoryUsage(db: Reader, lane?: TimelineLane): Promise<Map<string, Usage>> {
  const rows = await db
    .select({
      lane: timelineItems.lane,
      code: timelineItems.categoryCode,
      items: count(),
      cases: countDistinct(timelineItems.caseId),
    })
    .from(timelineItems)
    .where(
      and(
        isNull(timelineItems.deletedAt),
        isNotNull(timelineItems.categoryCode),
        lane ? eq(timelineItems.lane, lane) : undefined,
      ),
    )
    .groupBy(timelineItems.lane, timelineItems.categoryCode);
  const usage = new Map<string, Usage>();
  for (const row of rows) {
    const list = laneCategoryList[row.lane as TimelineLane];
    if (!list || !row.code) continue;
    usage.set(`${list}:${row.code}`, {
      caseCount: Number(row.cases),
      itemCount: Number(row.items),
    });
  }
  return usage;
}

type Row = { code: string; label: string; marker: string | null; archivedAt: Date | null };

function entryOf(row: Row, usage: Usage | undefined, isCategory: boolean): ReferenceEntry {
  return {
    code: row.code,
    label: row.label,
    marker: row.marker as CategoryMarker | null,
    isArchived: row.archivedAt !== null,
    caseCount: usage?.caseCount ?? 0,
    itemCount: isCategory ? (usage?.itemCount ?? 0) : null,
  };
}

/** One list as the administrator sees it. */
export async function getReferenceList(
  db: Reader,
  list: ReferenceListName,
): Promise<ReferenceList> {
  if (!isCategoryList(list)) {
    const [rows, usage] = await Promise.all([
      db
        .select({
          code: institutionTypes.code,
          label: institutionTypes.label,
          archivedAt: institutionTypes.archivedAt,
        })
        .from(institutionTypes)
        .orderBy(asc(institutionTypes.sortOrder), asc(institutionTypes.code)),
      institutionTypeUsage(db),
    ]);
    return {
      list,
      markers: [...markersByList[list]],
      entries: rows.map((r) => entryOf({ ...r, marker: null }, usage.get(r.code), false)),
    };
  }
  const [rows, usage] = await Promise.all([
    db
      .select({
        code: timelineCategories.code,
        label: timelineCategories.label,
        marker: timelineCategories.marker,
        archivedAt: timelineCategories.archivedAt,
      })
      .from(timelineCategories)
      .where(eq(timelineCategories.list, list))
      .orderBy(asc(timelineCategories.sortOrder), asc(timelineCategories.code)),
    categoryUsage(db, categoryLists[list]),
  ]);
  return {
    list,
    markers: [...markersByList[list]],
    entries: rows.map((r) => entryOf(r, usage.get(`${list}:${r.code}`), true)),
  };
}

/** Every list, in a fixed order: institution types first, then the timeline's lists. */
export async function getReferenceLists(db: Db): Promise<{ lists: ReferenceList[] }> {
  const lists: ReferenceList[] = [];
  // One after the other: a handful of small queries, and PGlite runs them one at a time anyway.
  for (const list of referenceListNames) lists.push(await getReferenceList(db, list));
  return { lists };
}
