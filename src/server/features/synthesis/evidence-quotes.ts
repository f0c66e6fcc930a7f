// The quotes chosen to carry a thread. A segment can be chosen when it is one of the thread's
// codes (or beneath them), sits in a case of the programme the chooser reaches, in an interview
// (a source with a participant) that is not blind, and that participant's quote consent stands.
// Consent is checked again on every read: a quote whose consent was withdrawn later is not shown,
// only counted ("1 citaat verborgen"), and never its text. Writes lock the thread row, so order
// numbers of concurrent changes never cross.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import type { CommandScope, Tx } from '../../db/context';
import { queryRows } from '../../db/raw';
import { AppError } from '../../http/errors';
import type { Actor } from '../../policy/policy';
import {
  maxQuotesPerThread,
  type EvidencePerspective,
  type ThreadQuotes,
} from '../../../shared/contract/evidence';
import { quoteConsented } from '../coding/segments';
import { caseReachOnRow, codeTree, threadCodeSet } from './evidence';
import type { ThreadRef } from './evidence-segments';
import { synthesisThreadQuotes, synthesisThreads } from './schema';

type QuoteRow = {
  segment_id: string;
  sort_order: number;
  chosen_at: string | Date;
  chosen_by: string | null;
  deleted: boolean;
  code_id: string | null;
  code_name: string | null;
  case_id: string | null;
  case_code: string | null;
  blind: boolean;
  participant_id: string | null;
  perspective: EvidencePerspective;
  source_name: string;
  source_programme: string;
  text: string;
  reached: boolean;
};

/** The chosen quotes of a thread as the actor may see them, with the hidden ones counted. */
export async function readQuotes(
  db: Db | Tx,
  actor: Actor,
  thread: ThreadRef,
  now: Date,
  canEdit: boolean,
): Promise<ThreadQuotes> {
  const [rows, tree] = await Promise.all([
    queryRows<QuoteRow>(
      db,
      sql`select q.segment_id, q.sort_order, q.chosen_at, u.display_name as chosen_by,
          s.deleted_at is not null as deleted, s.code_id, k.name as code_name, c.id as case_id,
          c.code as case_code, src.blind, src.participant_id, coalesce(p.kind, 'dossier') as perspective,
          src.name as source_name, src.programme_id as source_programme,
          substr(src.body, s.start_pos + 1, s.end_pos - s.start_pos) as text,
          (c.id is not null and ${caseReachOnRow(actor, 'c')}) as reached
        from synthesis_thread_quotes q
        join qda_segments s on s.id = q.segment_id
        join qda_sources src on src.id = s.source_id
        left join participants p on p.id = src.participant_id
        left join cases c on c.id = s.case_id and c.programme_id = ${thread.programmeId}
        left join qda_codes k on k.id = s.code_id
        left join users u on u.id = q.chosen_by
        where q.thread_id = ${thread.threadId}
        order by q.sort_order, q.chosen_at, q.segment_id`,
    ),
    codeTree(db, thread.programmeId),
  ]);
  const codes = threadCodeSet(tree, thread.linked);
  const hidden = { consentWithdrawn: 0, noLongerInThread: 0, outOfReach: 0 };
  const reached = rows.filter((r) => {
    if (!r.reached) hidden.outOfReach += 1;
    return r.reached;
  });
  const consented = await quoteConsented(
    db,
    reached.flatMap((r) => (r.case_id ? [r.case_id] : [])),
    now,
  );
  const items: ThreadQuotes['items'] = [];
  for (const r of reached) {
    if (r.deleted || r.blind || !r.code_id || !codes.has(r.code_id) || !r.case_id) {
      hidden.noLongerInThread += 1;
      continue;
    }
    if (!r.participant_id || !consented.has(r.participant_id)) {
      hidden.consentWithdrawn += 1;
      continue;
    }
    items.push({
      segmentId: r.segment_id,
      sortOrder: r.sort_order,
      text: r.text,
      caseId: r.case_id,
      caseCode: r.case_code ?? '',
      perspective: r.perspective,
      sourceName: r.source_name,
      codeName: r.code_name ?? '',
      chosenBy: r.chosen_by,
      chosenAt: new Date(r.chosen_at).toISOString(),
    });
  }
  return { items, hidden, canEdit, max: maxQuotesPerThread };
}

/** Locks the thread for a change of its quotes; only an active thread takes new quotes. */
async function lockThread(tx: Tx, thread: ThreadRef): Promise<{ status: string }> {
  const [row] = await tx
    .select({ status: synthesisThreads.status })
    .from(synthesisThreads)
    .where(
      and(
        eq(synthesisThreads.id, thread.threadId),
        eq(synthesisThreads.programmeId, thread.programmeId),
      ),
    )
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

const notUsable = (message: string, reason: string) =>
  new AppError('INVALID_INPUT', message, {
    reason,
    fields: [{ path: 'segmentId', message }],
  });

/** Chooses a segment as a quote of the thread; returns the case it belongs to. */
export async function chooseQuote(
  scope: CommandScope,
  actor: Actor,
  thread: ThreadRef,
  segmentId: string,
): Promise<{ caseId: string }> {
  const { tx, now } = scope;
  const { status } = await lockThread(tx, thread);
  if (status !== 'active')
    throw new AppError(
      'CONFLICT',
      'Deze rode draad is vervangen of ingetrokken. Kies citaten bij de rode draad die nu geldt.',
      { reason: 'thread_not_active' },
    );
  const [segment] = await queryRows<{
    case_id: string | null;
    code_id: string | null;
    deleted: boolean;
    blind: boolean;
    participant_id: string | null;
    reached: boolean;
  }>(
    tx,
    sql`select c.id as case_id, s.code_id, s.deleted_at is not null as deleted, src.blind,
        src.participant_id, ${caseReachOnRow(actor, 'c')} as reached
      from qda_segments s
      join qda_sources src on src.id = s.source_id and src.programme_id = ${thread.programmeId}
      join cases c on c.id = s.case_id and c.programme_id = ${thread.programmeId}
      where s.id = ${segmentId} and s.programme_id = ${thread.programmeId}`,
  );
  // A segment of another programme, or of a case beyond reach, is one that does not exist here.
  if (!segment?.case_id || !segment.reached || segment.deleted)
    throw notUsable(
      'Dit gecodeerde fragment bestaat niet in dit programma, of je hebt er geen toegang toe.',
      'segment_not_found',
    );
  if (segment.blind)
    throw notUsable(
      'Dit fragment staat in een tekst die nog blind wordt gecodeerd. Kies het als citaat nadat de codeurs hebben vergeleken.',
      'segment_blind',
    );
  const codes = threadCodeSet(await codeTree(tx, thread.programmeId), thread.linked);
  if (!segment.code_id || !codes.has(segment.code_id))
    throw notUsable(
      'Dit fragment hoort niet bij deze rode draad: de code valt niet onder de codes van de draad.',
      'segment_not_in_thread',
    );
  if (!segment.participant_id)
    throw notUsable(
      'Alleen tekst uit een interview kan een citaat zijn. Dit fragment komt uit het dossier of een verslag.',
      'quote_needs_participant',
    );
  const consented = await quoteConsented(tx, [segment.case_id], now);
  if (!consented.has(segment.participant_id))
    throw new AppError(
      'CONSENT_MISSING',
      'Dit fragment kan geen citaat worden: de deelnemer heeft (nog) geen toestemming gegeven om geciteerd te worden, of heeft die ingetrokken.',
      {
        reason: 'quote_consent_missing',
        fields: [{ path: 'segmentId', message: 'Geen toestemming voor citaten' }],
      },
    );
  const existing = await tx
    .select({
      segmentId: synthesisThreadQuotes.segmentId,
      sortOrder: synthesisThreadQuotes.sortOrder,
    })
    .from(synthesisThreadQuotes)
    .where(eq(synthesisThreadQuotes.threadId, thread.threadId));
  if (existing.some((q) => q.segmentId === segmentId))
    throw new AppError('CONFLICT', 'Dit fragment is al gekozen als citaat bij deze rode draad.', {
      reason: 'already_chosen',
    });
  if (existing.length >= maxQuotesPerThread)
    throw notUsable(
      `Een rode draad heeft hoogstens ${maxQuotesPerThread} citaten. Haal er eerst een weg.`,
      'too_many_quotes',
    );
  await tx.insert(synthesisThreadQuotes).values({
    threadId: thread.threadId,
    segmentId,
    sortOrder: existing.reduce((max, q) => Math.max(max, q.sortOrder + 1), 0),
    chosenBy: actor.userId,
    chosenAt: now,
  });
  return { caseId: segment.case_id };
}

/**
 * Removes a chosen quote (the segment itself stays). Removing one that is not chosen changes
 * nothing (the answer is the same list), so a repeated click is harmless. Returns its case.
 */
export async function unchooseQuote(
  scope: CommandScope,
  thread: ThreadRef,
  segmentId: string,
): Promise<{ removed: boolean; caseId: string | null }> {
  const { tx } = scope;
  await lockThread(tx, thread);
  const removed = await tx
    .delete(synthesisThreadQuotes)
    .where(
      and(
        eq(synthesisThreadQuotes.threadId, thread.threadId),
        eq(synthesisThreadQuotes.segmentId, segmentId),
      ),
    )
    .returning({ segmentId: synthesisThreadQuotes.segmentId });
  if (removed.length === 0) return { removed: false, caseId: null };
  const [row] = await queryRows<{ case_id: string | null }>(
    tx,
    sql`select case_id from qda_segments where id = ${segmentId}`,
  );
  return { removed: true, caseId: row?.case_id ?? null };
}

/**
 * Puts the given quotes first, in the given order; chosen quotes not named (hidden from this
 * reader, say) keep their order after them. Every named one must be a chosen quote, once.
 */
export async function orderQuotes(
  scope: CommandScope,
  thread: ThreadRef,
  segmentIds: string[],
): Promise<void> {
  const { tx } = scope;
  await lockThread(tx, thread);
  if (new Set(segmentIds).size !== segmentIds.length)
    throw new AppError('INVALID_INPUT', 'Elk citaat mag maar één keer in de volgorde staan.', {
      fields: [{ path: 'segmentIds', message: 'Een citaat staat er twee keer in' }],
    });
  const existing = await tx
    .select({ segmentId: synthesisThreadQuotes.segmentId })
    .from(synthesisThreadQuotes)
    .where(eq(synthesisThreadQuotes.threadId, thread.threadId))
    .orderBy(synthesisThreadQuotes.sortOrder, synthesisThreadQuotes.chosenAt);
  const chosen = new Set(existing.map((q) => q.segmentId));
  const unknown = segmentIds.filter((id) => !chosen.has(id));
  if (unknown.length > 0)
    throw new AppError(
      'INVALID_INPUT',
      'Niet elk citaat in de volgorde is (nog) gekozen bij deze rode draad. Laad de pagina opnieuw.',
      { fields: [{ path: 'segmentIds', message: 'Onbekend citaat' }] },
    );
  const named = new Set(segmentIds);
  const order = [...segmentIds, ...existing.map((q) => q.segmentId).filter((id) => !named.has(id))];
  for (const [index, segmentId] of order.entries())
    await tx
      .update(synthesisThreadQuotes)
      .set({ sortOrder: index })
      .where(
        and(
          eq(synthesisThreadQuotes.threadId, thread.threadId),
          eq(synthesisThreadQuotes.segmentId, segmentId),
        ),
      );
}
