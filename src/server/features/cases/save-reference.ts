// Commands of the reference-list administration: add an entry, change its label or marker,
// archive or restore it, and set a list's order. Codes never change. A marker change recomputes
// the indicators of every case that uses the entry, in the same transaction, so
// `case_indicators` never counts by a marker that no longer holds.
import { and, asc, eq, inArray, isNull, max } from 'drizzle-orm';
import { runCommand, translateDbError, type RequestContext, type Tx } from '../../db/context';
import { AppError } from '../../http/errors';
import {
  isCategoryList,
  markersByList,
  type ReferenceListName,
} from '../../../shared/contract/reference-lists';
import {
  categoryLists,
  type CategoryList,
  type CategoryMarker,
} from '../../../shared/domain/timeline';
import { recomputeIndicators } from '../timeline/save-item';
import { timelineCategories, timelineItems } from '../timeline/schema';
import { cases, institutionTypes } from './schema';

const fieldError = (path: string, message: string) =>
  new AppError('INVALID_INPUT', message, { fields: [{ path, message }] });

const duplicateMessage = 'Deze code bestaat al in deze lijst. Kies een andere code.';

/** A 409 the web recognises by `details.reason`, with the field it is about. */
function duplicateCode(): AppError {
  return new AppError('CONFLICT', duplicateMessage, {
    reason: 'duplicate_code',
    fields: [{ path: 'code', message: duplicateMessage }],
  });
}

function checkMarker(list: ReferenceListName, marker: CategoryMarker | null) {
  if (marker !== null && !markersByList[list].includes(marker))
    throw fieldError('marker', 'Deze markering hoort niet bij deze lijst.');
}

type Entry = { code: string; marker: string | null; archivedAt: Date | null };

/** The entry, locked until the command commits; NOT_FOUND when the list has no such code. */
async function lockedEntry(tx: Tx, list: ReferenceListName, code: string): Promise<Entry> {
  const [row]: Entry[] = isCategoryList(list)
    ? await tx
        .select({
          code: timelineCategories.code,
          marker: timelineCategories.marker,
          archivedAt: timelineCategories.archivedAt,
        })
        .from(timelineCategories)
        .where(and(eq(timelineCategories.list, list), eq(timelineCategories.code, code)))
        .for('update')
    : (
        await tx
          .select({ code: institutionTypes.code, archivedAt: institutionTypes.archivedAt })
          .from(institutionTypes)
          .where(eq(institutionTypes.code, code))
          .for('update')
      ).map((r) => ({ ...r, marker: null }));
  if (!row) throw new AppError('NOT_FOUND', 'Deze code bestaat niet in deze lijst.');
  return row;
}

export async function addReferenceEntry(
  ctx: RequestContext,
  list: ReferenceListName,
  input: { code: string; label: string; marker: CategoryMarker | null },
): Promise<void> {
  return runCommand(ctx, async ({ tx }) => {
    checkMarker(list, input.marker);
    if (isCategoryList(list)) {
      const [existing] = await tx
        .select({ code: timelineCategories.code })
        .from(timelineCategories)
        .where(and(eq(timelineCategories.list, list), eq(timelineCategories.code, input.code)));
      if (existing) throw duplicateCode();
      const [last] = await tx
        .select({ n: max(timelineCategories.sortOrder) })
        .from(timelineCategories)
        .where(eq(timelineCategories.list, list));
      await tx
        .insert(timelineCategories)
        .values({ list, ...input, sortOrder: (last?.n ?? -1) + 1 })
        .catch((e: unknown) =>
          translateDbError(e, { unique: duplicateMessage, uniqueField: 'code' }),
        );
      return;
    }
    const [existing] = await tx
      .select({ code: institutionTypes.code })
      .from(institutionTypes)
      .where(eq(institutionTypes.code, input.code));
    if (existing) throw duplicateCode();
    const [last] = await tx.select({ n: max(institutionTypes.sortOrder) }).from(institutionTypes);
    await tx
      .insert(institutionTypes)
      .values({ code: input.code, label: input.label, sortOrder: (last?.n ?? -1) + 1 })
      .catch((e: unknown) =>
        translateDbError(e, { unique: duplicateMessage, uniqueField: 'code' }),
      );
  });
}

/**
 * Recomputes the indicators of every case with a live item in this category. The cases are
 * locked in id order (as the timeline's own commands lock a case before recomputing), so an
 * edit of one of them waits for this change or is seen by it.
 */
async function recomputeUsers(tx: Tx, list: CategoryList, code: string, now: Date) {
  const using = tx
    .selectDistinct({ caseId: timelineItems.caseId })
    .from(timelineItems)
    .where(
      and(
        eq(timelineItems.lane, categoryLists[list]),
        eq(timelineItems.categoryCode, code),
        isNull(timelineItems.deletedAt),
      ),
    );
  const affected = await tx
    .select({ id: cases.id, birthYear: cases.birthYear })
    .from(cases)
    .where(inArray(cases.id, using))
    .orderBy(asc(cases.id))
    .for('update');
  for (const kase of affected) await recomputeIndicators(tx, kase.id, kase.birthYear, now);
  return affected.length;
}

export async function updateReferenceEntry(
  ctx: RequestContext,
  list: ReferenceListName,
  code: string,
  input: { label: string; marker: CategoryMarker | null },
): Promise<void> {
  return runCommand(ctx, async ({ tx, now }) => {
    // The entry first: a timeline edit takes the same row (FOR SHARE) before its case.
    const current = await lockedEntry(tx, list, code);
    checkMarker(list, input.marker);
    if (!isCategoryList(list)) {
      await tx
        .update(institutionTypes)
        .set({ label: input.label })
        .where(eq(institutionTypes.code, code));
      return;
    }
    await tx
      .update(timelineCategories)
      .set({ label: input.label, marker: input.marker })
      .where(and(eq(timelineCategories.list, list), eq(timelineCategories.code, code)));
    if (current.marker !== input.marker) await recomputeUsers(tx, list, code, now);
  });
}

export async function setReferenceEntryArchived(
  ctx: RequestContext,
  list: ReferenceListName,
  code: string,
  isArchived: boolean,
): Promise<void> {
  return runCommand(ctx, async ({ tx, now }) => {
    const current = await lockedEntry(tx, list, code);
    // Archiving twice keeps the first moment.
    const archivedAt = isArchived ? (current.archivedAt ?? now) : null;
    if (isCategoryList(list)) {
      await tx
        .update(timelineCategories)
        .set({ archivedAt })
        .where(and(eq(timelineCategories.list, list), eq(timelineCategories.code, code)));
    } else {
      await tx.update(institutionTypes).set({ archivedAt }).where(eq(institutionTypes.code, code));
    }
  });
}

/** Sets the order of a list. `codes` must name every entry of the list exactly once. */
export async function setReferenceOrder(
  ctx: RequestContext,
  list: ReferenceListName,
  codes: string[],
): Promise<void> {
  return runCommand(ctx, async ({ tx }) => {
    const existing = isCategoryList(list)
      ? await tx
          .select({ code: timelineCategories.code })
          .from(timelineCategories)
          .where(eq(timelineCategories.list, list))
          .for('update')
      : await tx.select({ code: institutionTypes.code }).from(institutionTypes).for('update');
    const known = new Set(existing.map((r) => r.code));
    if (codes.length !== known.size || codes.some((code) => !known.has(code)))
      throw new AppError(
        'CONFLICT',
        'De lijst is intussen gewijzigd: de volgorde noemt niet precies alle codes van de lijst. Laad de pagina opnieuw.',
        { reason: 'order_mismatch' },
      );
    for (const [index, code] of codes.entries()) {
      if (isCategoryList(list)) {
        await tx
          .update(timelineCategories)
          .set({ sortOrder: index })
          .where(and(eq(timelineCategories.list, list), eq(timelineCategories.code, code)));
      } else {
        await tx
          .update(institutionTypes)
          .set({ sortOrder: index })
          .where(eq(institutionTypes.code, code));
      }
    }
  });
}
