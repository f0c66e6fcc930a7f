// Reads of instruments: the list, one instrument with its versions, one version with its
// content, and the published version a dossier review is started from or reads its answers by.
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import type { Tx } from '../../db/context';
import { can, type Actor } from '../../policy/policy';
import type {
  InstrumentDetail,
  InstrumentKind,
  InstrumentSummary,
  InstrumentVersion,
  InstrumentVersionStatus,
} from '../../../shared/contract/instruments';
import { users } from '../auth/schema';
import { instrumentVersions, instruments } from './schema';

type InstrumentRow = typeof instruments.$inferSelect;
type VersionRow = typeof instrumentVersions.$inferSelect;
type VersionWithPublisher = VersionRow & { publishedByName: string | null };

const versionColumns = {
  id: instrumentVersions.id,
  instrumentId: instrumentVersions.instrumentId,
  number: instrumentVersions.number,
  status: instrumentVersions.status,
  content: instrumentVersions.content,
  revision: instrumentVersions.revision,
  createdBy: instrumentVersions.createdBy,
  createdAt: instrumentVersions.createdAt,
  updatedAt: instrumentVersions.updatedAt,
  publishedBy: instrumentVersions.publishedBy,
  publishedAt: instrumentVersions.publishedAt,
  publishedByName: users.displayName,
};

async function versionsWhere(db: Db | Tx, where: SQL | undefined) {
  return db
    .select(versionColumns)
    .from(instrumentVersions)
    .leftJoin(users, eq(users.id, instrumentVersions.publishedBy))
    .where(where)
    .orderBy(asc(instrumentVersions.instrumentId), desc(instrumentVersions.number));
}

function summaryOf(instrument: InstrumentRow, versions: VersionRow[]): InstrumentSummary {
  // versions come newest first.
  const published = versions.find((v) => v.status === 'published');
  const draft = versions.find((v) => v.status === 'draft');
  return {
    id: instrument.id,
    code: instrument.code,
    kind: instrument.kind as InstrumentKind,
    title: (published ?? draft)?.content.title ?? instrument.code,
    latestPublishedNumber: published?.number ?? null,
    latestPublishedVersionId: published?.id ?? null,
    draftNumber: draft?.number ?? null,
  };
}

function summaryOfVersion(row: VersionWithPublisher) {
  return {
    id: row.id,
    number: row.number,
    status: row.status as InstrumentVersionStatus,
    title: row.content.title,
    revision: row.revision,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishedBy: row.publishedAt ? (row.publishedByName ?? '') : null,
  };
}

export function presentVersion(
  instrument: InstrumentRow,
  row: VersionWithPublisher,
): InstrumentVersion {
  return {
    ...summaryOfVersion(row),
    instrumentId: instrument.id,
    code: instrument.code,
    kind: instrument.kind as InstrumentKind,
    content: row.content,
  };
}

export async function listInstruments(db: Db): Promise<InstrumentSummary[]> {
  const rows = await db
    .select()
    .from(instruments)
    .orderBy(asc(instruments.kind), asc(instruments.code));
  if (rows.length === 0) return [];
  const versions = await db
    .select()
    .from(instrumentVersions)
    .where(
      inArray(
        instrumentVersions.instrumentId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(desc(instrumentVersions.number));
  return rows.map((row) =>
    summaryOf(
      row,
      versions.filter((v) => v.instrumentId === row.id),
    ),
  );
}

export async function findInstrument(db: Db | Tx, id: string): Promise<InstrumentRow | null> {
  const [row] = await db.select().from(instruments).where(eq(instruments.id, id));
  return row ?? null;
}

export async function instrumentDetail(
  db: Db,
  id: string,
  actor: Actor,
): Promise<InstrumentDetail | null> {
  const instrument = await findInstrument(db, id);
  if (!instrument) return null;
  const versions = await versionsWhere(db, eq(instrumentVersions.instrumentId, id));
  return {
    ...summaryOf(instrument, versions),
    versions: versions.map(summaryOfVersion),
    abilities: { manage: can(actor, 'instrument.manage') },
  };
}

export async function versionByNumber(
  db: Db | Tx,
  instrumentId: string,
  number: number,
): Promise<InstrumentVersion | null> {
  const instrument = await findInstrument(db, instrumentId);
  if (!instrument) return null;
  const [row] = await versionsWhere(
    db,
    and(eq(instrumentVersions.instrumentId, instrumentId), eq(instrumentVersions.number, number)),
  );
  return row ? presentVersion(instrument, row) : null;
}

/** The draft of an instrument, locked for the transaction's change. */
export async function lockedDraft(tx: Tx, instrumentId: string) {
  const [row] = await tx
    .select()
    .from(instrumentVersions)
    .where(
      and(
        eq(instrumentVersions.instrumentId, instrumentId),
        eq(instrumentVersions.status, 'draft'),
      ),
    )
    .for('update');
  return row ?? null;
}

export async function versionById(db: Db | Tx, versionId: string) {
  const [row] = await versionsWhere(db, eq(instrumentVersions.id, versionId));
  if (!row) return null;
  const instrument = await findInstrument(db, row.instrumentId);
  return instrument ? presentVersion(instrument, row) : null;
}

/** Every published version of an instrument, oldest first. */
export async function publishedVersions(db: Db | Tx, instrumentId: string) {
  return db
    .select({ number: instrumentVersions.number, content: instrumentVersions.content })
    .from(instrumentVersions)
    .where(
      and(
        eq(instrumentVersions.instrumentId, instrumentId),
        eq(instrumentVersions.status, 'published'),
      ),
    )
    .orderBy(asc(instrumentVersions.number));
}

/** The number of the newest published version of an instrument, or null. */
export async function latestPublishedNumber(
  db: Db | Tx,
  instrumentId: string,
): Promise<number | null> {
  const [row] = await db
    .select({ number: instrumentVersions.number })
    .from(instrumentVersions)
    .where(
      and(
        eq(instrumentVersions.instrumentId, instrumentId),
        eq(instrumentVersions.status, 'published'),
      ),
    )
    .orderBy(desc(instrumentVersions.number))
    .limit(1);
  return row?.number ?? null;
}

/** The version numbers of the given instrument versions, by id. */
export async function versionNumbers(
  db: Db | Tx,
  versionIds: readonly string[],
): Promise<Map<string, number>> {
  if (versionIds.length === 0) return new Map();
  const rows = await db
    .select({ id: instrumentVersions.id, number: instrumentVersions.number })
    .from(instrumentVersions)
    .where(inArray(instrumentVersions.id, [...versionIds]));
  return new Map(rows.map((r) => [r.id, r.number]));
}

/** The newest published version of the instrument with this code (e.g. 'analysis-domains'). */
export async function newestPublishedVersion(db: Db | Tx, code: string) {
  const [instrument] = await db.select().from(instruments).where(eq(instruments.code, code));
  if (!instrument) return null;
  const [row] = await versionsWhere(
    db,
    and(
      eq(instrumentVersions.instrumentId, instrument.id),
      eq(instrumentVersions.status, 'published'),
    ),
  );
  return row ? presentVersion(instrument, row) : null;
}
