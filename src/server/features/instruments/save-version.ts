// Commands of instruments (administrators only): start a draft from the latest published
// version, edit it (optimistic concurrency: a stale revision is a 409 with both versions),
// discard it, publish it as an immutable version, import a JSON document as a new draft, and
// create a new instrument from a document. Every change is in the access log.
import { and, eq, max } from 'drizzle-orm';
import {
  runCommand,
  translateDbError,
  type CommandScope,
  type RequestContext,
  type Tx,
} from '../../db/context';
import { AppError } from '../../http/errors';
import type {
  InstrumentContent,
  InstrumentDocument,
  InstrumentVersion,
} from '../../../shared/contract/instruments';
import { answerTypeChanges } from '../../../shared/domain/instrument-keys';
import { instrumentVersions, instruments } from './schema';
import { lockedDraft, publishedVersions, versionById } from './queries';

type Entry = Parameters<CommandScope['audit']>[0];

const entry = (
  resourceType: 'instrument' | 'instrument_version',
  resourceId: string,
  action: 'create' | 'update' | 'delete',
): Entry => ({ resourceType, resourceId, action, grounds: 'administrator', outcome: 'success' });

/** A version just written, as the API shows it. */
async function reread(tx: Tx, versionId: string): Promise<InstrumentVersion> {
  const version = await versionById(tx, versionId);
  if (!version) throw new Error('the version just written is gone');
  return version;
}

async function instrumentOrNotFound(tx: Tx, instrumentId: string) {
  // Locking the instrument orders concurrent draft starts, imports and publications.
  const [row] = await tx
    .select()
    .from(instruments)
    .where(eq(instruments.id, instrumentId))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Refuses content whose keys changed their answer type since an earlier published version. */
async function checkKeysAgainstPublished(tx: Tx, instrumentId: string, content: InstrumentContent) {
  const problems = answerTypeChanges(content, await publishedVersions(tx, instrumentId));
  if (problems.length > 0)
    throw new AppError('INVALID_INPUT', problems[0]?.message, {
      fields: problems,
      reason: 'KEY_TYPE_CHANGED',
    });
}

async function refuseSecondDraft(tx: Tx, instrumentId: string) {
  const existing = await lockedDraft(tx, instrumentId);
  if (existing)
    throw new AppError(
      'CONFLICT',
      `Er is al een concept (versie ${existing.number}). Publiceer of verwijder dat eerst.`,
      { draftNumber: existing.number },
    );
}

async function nextNumber(tx: Tx, instrumentId: string): Promise<number> {
  const [row] = await tx
    .select({ n: max(instrumentVersions.number) })
    .from(instrumentVersions)
    .where(eq(instrumentVersions.instrumentId, instrumentId));
  return (row?.n ?? 0) + 1;
}

async function insertDraft(
  scope: CommandScope,
  instrumentId: string,
  content: InstrumentContent,
): Promise<InstrumentVersion> {
  const { tx, now, actor, audit } = scope;
  const [row] = await tx
    .insert(instrumentVersions)
    .values({
      instrumentId,
      number: await nextNumber(tx, instrumentId),
      status: 'draft',
      content,
      createdBy: actor?.userId ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: instrumentVersions.id })
    .catch((e: unknown) =>
      translateDbError(e, {
        unique: 'Er is intussen al een concept gemaakt. Laad de pagina opnieuw.',
      }),
    );
  if (!row) throw new Error('insert returned no row');
  await audit(entry('instrument_version', row.id, 'create'));
  return await reread(tx, row.id);
}

/** A new draft, copied from the latest published version. */
export async function startDraft(ctx: RequestContext, instrumentId: string) {
  return runCommand(ctx, async (scope) => {
    await instrumentOrNotFound(scope.tx, instrumentId);
    await refuseSecondDraft(scope.tx, instrumentId);
    const published = await publishedVersions(scope.tx, instrumentId);
    const latest = published.at(-1);
    if (!latest)
      throw new AppError('CONFLICT', 'Er is nog geen gepubliceerde versie om van uit te gaan.');
    return insertDraft(scope, instrumentId, latest.content);
  });
}

/** Replaces the draft's content; the revision the editor started from must still be current. */
export async function updateDraft(
  ctx: RequestContext,
  instrumentId: string,
  input: { content: InstrumentContent; revision: number },
) {
  return runCommand(ctx, async ({ tx, now, audit }) => {
    await instrumentOrNotFound(tx, instrumentId);
    const draft = await lockedDraft(tx, instrumentId);
    if (!draft)
      throw new AppError(
        'CONFLICT',
        'Dit concept bestaat niet meer: het is intussen gepubliceerd of verwijderd. Laad de pagina opnieuw.',
      );
    if (draft.revision !== input.revision)
      throw new AppError(
        'CONFLICT',
        'Iemand anders heeft dit concept intussen gewijzigd. Vergelijk beide versies en kies wat blijft.',
        { current: await reread(tx, draft.id), yours: input },
      );
    await checkKeysAgainstPublished(tx, instrumentId, input.content);
    await tx
      .update(instrumentVersions)
      .set({ content: input.content, revision: draft.revision + 1, updatedAt: now })
      .where(eq(instrumentVersions.id, draft.id));
    await audit(entry('instrument_version', draft.id, 'update'));
    return await reread(tx, draft.id);
  });
}

export async function discardDraft(ctx: RequestContext, instrumentId: string, revision: number) {
  return runCommand(ctx, async ({ tx, audit }) => {
    await instrumentOrNotFound(tx, instrumentId);
    const draft = await lockedDraft(tx, instrumentId);
    if (!draft) throw new AppError('NOT_FOUND', 'Er is geen concept om te verwijderen.');
    if (draft.revision !== revision)
      throw new AppError(
        'CONFLICT',
        'Iemand anders heeft dit concept intussen gewijzigd. Bekijk de nieuwe versie voordat je het verwijdert.',
        { current: await reread(tx, draft.id) },
      );
    await tx.delete(instrumentVersions).where(eq(instrumentVersions.id, draft.id));
    await audit(entry('instrument_version', draft.id, 'delete'));
  });
}

/** Publishes the draft: from now on this version number never changes. */
export async function publishDraft(ctx: RequestContext, instrumentId: string, revision: number) {
  return runCommand(ctx, async ({ tx, now, actor, audit }) => {
    await instrumentOrNotFound(tx, instrumentId);
    const draft = await lockedDraft(tx, instrumentId);
    if (!draft) throw new AppError('CONFLICT', 'Er is geen concept om te publiceren.');
    if (draft.revision !== revision)
      throw new AppError(
        'CONFLICT',
        'Iemand anders heeft dit concept intussen gewijzigd. Bekijk de nieuwe versie voordat je publiceert.',
        { current: await reread(tx, draft.id) },
      );
    await checkKeysAgainstPublished(tx, instrumentId, draft.content);
    await tx
      .update(instrumentVersions)
      .set({
        status: 'published',
        publishedAt: now,
        publishedBy: actor?.userId ?? null,
        updatedAt: now,
      })
      .where(and(eq(instrumentVersions.id, draft.id), eq(instrumentVersions.status, 'draft')));
    await audit(entry('instrument_version', draft.id, 'update'));
    return await reread(tx, draft.id);
  });
}

/** An imported document becomes the instrument's new draft (its kind must match). */
export async function importDraft(
  ctx: RequestContext,
  instrumentId: string,
  document: InstrumentDocument,
) {
  return runCommand(ctx, async (scope) => {
    const instrument = await instrumentOrNotFound(scope.tx, instrumentId);
    if (document.kind !== instrument.kind)
      throw new AppError(
        'INVALID_INPUT',
        `Dit bestand is een instrument van een andere soort (${document.kind}).`,
        { fields: [{ path: 'kind', message: `Verwacht: ${instrument.kind}` }] },
      );
    await refuseSecondDraft(scope.tx, instrumentId);
    await checkKeysAgainstPublished(scope.tx, instrumentId, document.content);
    return insertDraft(scope, instrumentId, document.content);
  });
}

/** A new instrument from a document: its first version is a draft. */
export async function createInstrument(ctx: RequestContext, document: InstrumentDocument) {
  return runCommand(ctx, async (scope) => {
    const [row] = await scope.tx
      .insert(instruments)
      .values({ code: document.code, kind: document.kind, createdAt: scope.now })
      .returning({ id: instruments.id })
      .catch((e: unknown) =>
        translateDbError(e, {
          unique: 'Er is al een instrument met deze code.',
          uniqueField: 'code',
        }),
      );
    if (!row) throw new Error('insert returned no row');
    await scope.audit(entry('instrument', row.id, 'create'));
    return insertDraft(scope, row.id, document.content);
  });
}
