// REFI-QDA exchange of a programme: export as .qdpx (sources, segments as text selections with
// their codings, the code tree with colours, memos as notes, cases with their attributes, the
// coders as users) and as .qdc (the codebook alone, or a snapshot of it); import of both.
//
// Mapping:
// - Segments of one coder on the same range of a source form one PlainTextSelection; each
//   segment is a Coding of it. A memo on a segment is a NoteRef on its selection; memos on codes
//   and sources are NoteRefs there; memos on cases and the programme are project notes.
// - A Ketenlens case exports as a Case named by its pseudonymous code with its attributes
//   (institution type, region, birth year, status). On import a Case is linked to a case of the
//   programme with that code that the user reaches; any other is kept as an imported case with
//   its attributes, its texts then belong to the programme (visible to its teams).
// - Users map to a Ketenlens user with the same id (a round trip within this installation), or
//   to the one member of the programme's teams with exactly that name; others are kept as named
//   external coders.
// - Codes map by name onto a live code at the same place in the tree when there is one, else
//   they are created. Imported texts are stored exactly as given: their offsets stay valid.
// The import runs in one transaction: a file that fails anywhere leaves nothing behind.
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { runCommand, type RequestContext, type Tx } from '../../db/context';
import { AppError } from '../../http/errors';
import type { Code, ImportReport } from '../../../shared/contract/coding';
import { codePointLength } from '../../../shared/domain/text-offsets';
import type {
  RefiCase,
  RefiCode,
  RefiNote,
  RefiProject,
  RefiSelection,
  RefiSource,
  RefiUser,
  RefiVariable,
} from '../qda/refi/model';
import { checkSelections, type QdpxArchive } from '../qda/refi/read';
import { users } from '../auth/schema';
import { cases } from '../cases/schema';
import { programmes, teamMemberships } from '../organisations/schema';
import { reachSql, type Reach } from './access';
import { codesOf } from './codebook';
import {
  qdaCodes,
  qdaExternalCoders,
  qdaImportedCases,
  qdaMemos,
  qdaSegments,
  qdaSources,
} from './schema';

export const origin = 'Ketenlens 0.1';

/** A stable GUID for a name within a programme (variables have no row of their own). */
function nameGuid(programmeId: string, name: string): string {
  const h = createHash('sha1').update(`${programmeId}\u0000${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type CodeRow = Awaited<ReturnType<typeof codesOf>>[number];

/** The code tree as REFI codes: children in order, colours, definitions as descriptions. */
function refiCodes(
  rows: (CodeRow | Code)[],
  notesByCode = new Map<string, string[]>(),
): RefiCode[] {
  const byParent = new Map<string | null, (CodeRow | Code)[]>();
  for (const r of rows) byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), r]);
  const ids = new Set(rows.map((r) => r.id));
  const build = (parentId: string | null): RefiCode[] =>
    (byParent.get(parentId) ?? [])
      .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'nl'))
      .map((c) => ({
        guid: c.id,
        name: c.name,
        color: c.color,
        description: c.definition || null,
        isCodable: true,
        children: build(c.id),
        noteGuids: notesByCode.get(c.id) ?? [],
      }));
  // Codes whose parent is not exported hang at the top.
  const orphans = rows.filter((r) => r.parentId !== null && !ids.has(r.parentId));
  return [
    ...build(null),
    ...orphans.flatMap((o) => build(o.parentId).filter((c) => c.guid === o.id)),
  ];
}

export function codebookModel(rows: (CodeRow | Code)[]): RefiCode[] {
  return refiCodes(rows);
}

export type ExportPlan = {
  project: RefiProject;
  caseIds: string[];
  sourceIds: string[];
  text: (source: RefiSource) => Promise<string>;
};

/** Builds the project of a programme (or of chosen cases) the actor reaches. */
export async function exportPlan(
  db: Db,
  reach: Reach,
  requestedCaseIds: string[] | undefined,
  requestedCaseCodes?: string[],
): Promise<ExportPlan> {
  const programmeId = reach.programmeId;
  if (requestedCaseCodes && requestedCaseCodes.length > 0) {
    const found = await db
      .select({ id: cases.id, code: cases.code })
      .from(cases)
      .where(
        and(
          eq(cases.programmeId, programmeId),
          reachSql(reach.actor, cases.id),
          inArray(
            sql`upper(${cases.code})`,
            requestedCaseCodes.map((c) => c.toUpperCase()),
          ),
        ),
      );
    const known = new Set(found.map((c) => c.code.toUpperCase()));
    const unknown = requestedCaseCodes.filter((c) => !known.has(c.toUpperCase()));
    if (unknown.length > 0) {
      const message = `${unknown.length === 1 ? 'Deze casus vinden we' : 'Deze casussen vinden we'} niet in dit programma, of je hebt er geen toegang toe: ${unknown.slice(0, 20).join(', ')}${unknown.length > 20 ? ` en nog ${unknown.length - 20}` : ''}.`;
      throw new AppError('INVALID_INPUT', message, {
        fields: [{ path: 'caseCodes', message }],
        unknownCaseCodes: unknown,
      });
    }
    requestedCaseIds = [...new Set([...(requestedCaseIds ?? []), ...found.map((c) => c.id)])];
  }
  const [programme] = await db
    .select({ name: programmes.name })
    .from(programmes)
    .where(eq(programmes.id, programmeId));
  const caseRows = await db
    .select({
      id: cases.id,
      code: cases.code,
      institutionType: cases.institutionType,
      regionCode: cases.regionCode,
      birthYear: cases.birthYear,
      status: cases.status,
    })
    .from(cases)
    .where(
      and(
        eq(cases.programmeId, programmeId),
        reachSql(reach.actor, cases.id),
        requestedCaseIds ? inArray(cases.id, requestedCaseIds) : undefined,
      ),
    )
    .orderBy(asc(cases.code));
  if (requestedCaseIds && caseRows.length !== new Set(requestedCaseIds).size)
    throw new AppError(
      'NOT_FOUND',
      'Een gekozen casus bestaat niet of je hebt er geen toegang toe.',
    );
  const caseIds = caseRows.map((c) => c.id);
  const sourceRows = await db
    .select({
      id: qdaSources.id,
      caseId: qdaSources.caseId,
      name: qdaSources.name,
      description: qdaSources.description,
      createdBy: qdaSources.createdBy,
      createdAt: qdaSources.createdAt,
      length: qdaSources.length,
    })
    .from(qdaSources)
    .where(
      and(
        eq(qdaSources.programmeId, programmeId),
        requestedCaseIds
          ? caseIds.length > 0
            ? inArray(qdaSources.caseId, caseIds)
            : sql`false`
          : caseIds.length > 0
            ? sql`(${qdaSources.caseId} is null or ${inArray(qdaSources.caseId, caseIds)})`
            : isNull(qdaSources.caseId),
      ),
    )
    .orderBy(asc(qdaSources.createdAt), asc(qdaSources.id));
  const sourceIds = sourceRows.map((s) => s.id);
  const segments =
    sourceIds.length === 0
      ? []
      : await db
          .select({
            id: qdaSegments.id,
            sourceId: qdaSegments.sourceId,
            codeId: qdaSegments.codeId,
            start: qdaSegments.start,
            end: qdaSegments.end,
            coderId: qdaSegments.coderId,
            externalCoderId: qdaSegments.externalCoderId,
            createdAt: qdaSegments.createdAt,
          })
          .from(qdaSegments)
          .where(and(inArray(qdaSegments.sourceId, sourceIds), isNull(qdaSegments.deletedAt)))
          .orderBy(
            asc(qdaSegments.sourceId),
            asc(qdaSegments.start),
            asc(qdaSegments.end),
            asc(qdaSegments.id),
          );
  const allCodes = (await codesOf(db, programmeId)).filter((c) => c.mergedInto === null);
  const codeIds = new Set(allCodes.map((c) => c.id));
  const segmentIds = segments.map((s) => s.id);
  const memos = await db
    .select()
    .from(qdaMemos)
    .where(
      and(
        isNull(qdaMemos.deletedAt),
        sql`(
          (${qdaMemos.targetType} = 'segment' and ${segmentIds.length > 0 ? inArray(qdaMemos.targetId, segmentIds) : sql`false`})
          or (${qdaMemos.targetType} = 'source' and ${sourceIds.length > 0 ? inArray(qdaMemos.targetId, sourceIds) : sql`false`})
          or (${qdaMemos.targetType} = 'case' and ${caseIds.length > 0 ? inArray(qdaMemos.targetId, caseIds) : sql`false`})
          or (${qdaMemos.targetType} = 'code' and ${qdaMemos.programmeId} = ${programmeId})
          or (${qdaMemos.targetType} = 'project' and ${qdaMemos.programmeId} = ${programmeId}))`,
      ),
    )
    .orderBy(asc(qdaMemos.createdAt), asc(qdaMemos.id));
  const imported = await db
    .select()
    .from(qdaImportedCases)
    .where(eq(qdaImportedCases.programmeId, programmeId))
    .orderBy(asc(qdaImportedCases.createdAt), asc(qdaImportedCases.id));

  // Users: every coder and memo author that appears.
  const userIds = new Set<string>();
  const externalIds = new Set<string>();
  for (const s of segments) {
    if (s.coderId) userIds.add(s.coderId);
    if (s.externalCoderId) externalIds.add(s.externalCoderId);
  }
  for (const m of memos) {
    if (m.authorId) userIds.add(m.authorId);
    if (m.externalAuthorId) externalIds.add(m.externalAuthorId);
  }
  userIds.add(reach.actor.userId);
  const userRows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [...userIds]));
  const externalRows =
    externalIds.size === 0
      ? []
      : await db
          .select({ id: qdaExternalCoders.id, name: qdaExternalCoders.name })
          .from(qdaExternalCoders)
          .where(inArray(qdaExternalCoders.id, [...externalIds]));
  const refiUsers: RefiUser[] = [...userRows, ...externalRows]
    .map((u) => ({ guid: u.id, name: u.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.guid.localeCompare(b.guid));

  // Selections: one per (source, range, coder); a segment is a coding of it.
  const selectionOfSegment = new Map<string, RefiSelection>();
  const selectionsBySource = new Map<string, RefiSelection[]>();
  for (const s of segments) {
    const coder = s.coderId ?? s.externalCoderId;
    const list = selectionsBySource.get(s.sourceId) ?? [];
    let selection = list.find(
      (x) => x.start === s.start && x.end === s.end && x.creatingUser === coder,
    );
    if (!selection) {
      selection = {
        // Its own GUID: the segment's id is the GUID of its coding (GUIDs are unique per file).
        guid: nameGuid(s.id, 'selection'),
        name: null,
        start: s.start,
        end: s.end,
        creatingUser: coder,
        creationDateTime: s.createdAt.toISOString(),
        codings: [],
        noteGuids: [],
      };
      list.push(selection);
      selectionsBySource.set(s.sourceId, list);
    }
    if (s.codeId && codeIds.has(s.codeId))
      selection.codings.push({
        guid: s.id,
        codeGuid: s.codeId,
        creatingUser: coder,
        creationDateTime: s.createdAt.toISOString(),
      });
    selectionOfSegment.set(s.id, selection);
  }

  // Notes.
  const caseCode = new Map(caseRows.map((c) => [c.id, c.code]));
  const notes: RefiNote[] = [];
  const sourceNotes = new Map<string, string[]>();
  const codeNotes = new Map<string, string[]>();
  const projectNotes: string[] = [];
  for (const m of memos) {
    notes.push({
      guid: m.id,
      name:
        m.title ||
        (m.targetType === 'case'
          ? `Memo bij casus ${caseCode.get(m.targetId) ?? ''}`.trim()
          : 'Memo'),
      text: m.body,
      creatingUser: m.authorId ?? m.externalAuthorId,
      creationDateTime: m.createdAt.toISOString(),
    });
    if (m.targetType === 'segment') {
      const selection = selectionOfSegment.get(m.targetId);
      if (selection && !selection.noteGuids.includes(m.id)) selection.noteGuids.push(m.id);
    } else if (m.targetType === 'source')
      sourceNotes.set(m.targetId, [...(sourceNotes.get(m.targetId) ?? []), m.id]);
    else if (m.targetType === 'code' && codeIds.has(m.targetId))
      codeNotes.set(m.targetId, [...(codeNotes.get(m.targetId) ?? []), m.id]);
    else projectNotes.push(m.id);
  }

  // Cases and their attributes.
  const variables = new Map<string, RefiVariable>();
  const variable = (name: string, type: RefiVariable['type']) => {
    const guid = nameGuid(programmeId, name);
    if (!variables.has(guid)) variables.set(guid, { guid, name, type, description: null });
    return guid;
  };
  const sourcesOfCase = new Map<string, string[]>();
  for (const s of sourceRows)
    if (s.caseId) sourcesOfCase.set(s.caseId, [...(sourcesOfCase.get(s.caseId) ?? []), s.id]);
  const exportedSources = new Set(sourceIds);
  const refiCases: RefiCase[] = [
    ...caseRows.map((c) => ({
      guid: c.id,
      name: c.code,
      description: null,
      values: [
        { variableGuid: variable('Instellingstype', 'Text'), value: c.institutionType },
        { variableGuid: variable('Regio', 'Text'), value: c.regionCode },
        { variableGuid: variable('Geboortejaar', 'Integer'), value: c.birthYear },
        { variableGuid: variable('Status', 'Text'), value: c.status },
      ],
      sourceGuids: sourcesOfCase.get(c.id) ?? [],
    })),
    // Imported cases belong to the programme as a whole: exported with the whole programme.
    ...(requestedCaseIds ? [] : imported).map((c) => ({
      guid: c.id,
      name: c.name,
      description: c.description || null,
      values: c.values.map((v) => ({
        variableGuid: variable(v.name, v.type as RefiVariable['type']),
        value: v.value,
      })),
      sourceGuids: c.sourceIds.filter((id) => exportedSources.has(id)),
    })),
  ];

  const sources: RefiSource[] = sourceRows.map((s) => ({
    guid: s.id,
    name: s.name,
    description: s.description || null,
    creatingUser: s.createdBy && userIds.has(s.createdBy) ? s.createdBy : null,
    creationDateTime: s.createdAt.toISOString(),
    selections: selectionsBySource.get(s.id) ?? [],
    noteGuids: sourceNotes.get(s.id) ?? [],
    textEntry: null,
  }));
  const project: RefiProject = {
    name: programme?.name ?? 'Ketenlens',
    origin,
    creatingUser: reach.actor.userId,
    creationDateTime: new Date().toISOString(),
    users: refiUsers,
    codes: refiCodes(allCodes, codeNotes),
    variables: [...variables.values()],
    cases: refiCases,
    sources,
    notes,
    ...(projectNotes.length > 0 ? { noteGuids: projectNotes } : {}),
  };
  return {
    project,
    caseIds,
    sourceIds,
    text: async (source) => {
      const [row] = await db
        .select({ body: qdaSources.body })
        .from(qdaSources)
        .where(eq(qdaSources.id, source.guid));
      return row?.body ?? '';
    },
  };
}

// ---- import -------------------------------------------------------------------------------

type Ctx = RequestContext & { reach: Reach };

function flattenCodes(
  codes: RefiCode[],
  parent: RefiCode | null = null,
): { code: RefiCode; parent: RefiCode | null }[] {
  return codes.flatMap((c) => [{ code: c, parent }, ...flattenCodes(c.children, c)]);
}

const defaultColour = '#1f6feb';
function colourOf(colour: string | null): string {
  if (!colour) return defaultColour;
  const lower = colour.toLowerCase();
  return /^#[0-9a-f]{6}$/.test(lower) ? lower : defaultColour;
}

/** Codes of the file onto the programme's codebook; returns guid → code id. */
async function importCodes(
  tx: Tx,
  ctx: Ctx,
  now: Date,
  refiCodes: RefiCode[],
  report: ImportReport,
): Promise<Map<string, string>> {
  const programmeId = ctx.reach.programmeId;
  await tx
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.id, programmeId))
    .for('update');
  const existing = await codesOf(tx, programmeId);
  const ids = new Map<string, string>();
  let order = existing.reduce((m, c) => Math.max(m, c.sortOrder), 0);
  for (const { code, parent } of flattenCodes(refiCodes)) {
    const parentId = parent ? ids.get(parent.guid)! : null;
    const same = existing.find(
      (c) =>
        c.archivedAt === null &&
        c.parentId === parentId &&
        c.name.localeCompare(code.name, 'nl', { sensitivity: 'accent' }) === 0,
    );
    if (same) {
      ids.set(code.guid, same.id);
      report.notMapped.push({
        where: `Code "${code.name}"`,
        what: 'Bestond al in het codeboek: de fragmenten zijn aan de bestaande code gekoppeld.',
      });
      continue;
    }
    const [row] = await tx
      .insert(qdaCodes)
      .values({
        programmeId,
        parentId,
        name: code.name.slice(0, 200) || 'Naamloos',
        definition: code.description ?? '',
        color: colourOf(code.color),
        sortOrder: ++order,
        createdBy: ctx.reach.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: qdaCodes.id });
    ids.set(code.guid, row!.id);
    report.codes += 1;
  }
  return ids;
}

export async function importCodebook(ctx: Ctx, codes: RefiCode[]): Promise<ImportReport> {
  const report = emptyReport();
  return runCommand(ctx, async ({ tx, now, audit }) => {
    await importCodes(tx, ctx, now, codes, report);
    await audit({
      caseId: null,
      resourceType: 'qda_codebook',
      resourceId: ctx.reach.programmeId,
      action: 'import',
      grounds: ctx.reach.grounds,
      outcome: 'success',
    });
    return report;
  });
}

function emptyReport(): ImportReport {
  return {
    codes: 0,
    sources: 0,
    segments: 0,
    memos: 0,
    cases: 0,
    casesLinked: 0,
    users: [],
    notMapped: [],
    documentsPerSecond: 0,
  };
}

/** Users of the file: to a Ketenlens user (same id, or the one team member with that name) or an external coder. */
async function mapUsers(
  tx: Tx,
  ctx: Ctx,
  now: Date,
  people: RefiUser[],
  report: ImportReport,
): Promise<Map<string, { userId: string | null; externalId: string | null }>> {
  const programmeId = ctx.reach.programmeId;
  const ids = people.map((p) => p.guid).filter((g) => /^[0-9a-f-]{36}$/.test(g));
  const sameId =
    ids.length === 0
      ? []
      : await tx
          .select({ id: users.id, name: users.displayName, role: users.role })
          .from(users)
          .where(inArray(users.id, ids));
  const members = await tx
    .select({ id: users.id, name: users.displayName, role: users.role })
    .from(users)
    .innerJoin(teamMemberships, eq(teamMemberships.userId, users.id))
    .where(
      sql`${teamMemberships.teamId} in (select t.id from teams t where t.programme_id = ${programmeId})`,
    );
  const out = new Map<string, { userId: string | null; externalId: string | null }>();
  for (const person of people) {
    const byId = sameId.find(
      (u) => u.id === person.guid && u.role !== 'participant' && u.role !== 'policymaker',
    );
    const byName = [
      ...new Map(members.filter((m) => m.name === person.name).map((m) => [m.id, m])).values(),
    ];
    const user = byId ?? (byName.length === 1 ? byName[0] : undefined);
    if (user) {
      out.set(person.guid, { userId: user.id, externalId: null });
      report.users.push({ name: person.name, mappedTo: 'user' });
      continue;
    }
    const [external] = await tx
      .insert(qdaExternalCoders)
      .values({ programmeId, name: person.name.slice(0, 200) || 'Onbekend', createdAt: now })
      .returning({ id: qdaExternalCoders.id });
    out.set(person.guid, { userId: null, externalId: external!.id });
    report.users.push({ name: person.name, mappedTo: 'external_coder' });
  }
  return out;
}

export async function importProject(ctx: Ctx, archive: QdpxArchive): Promise<ImportReport> {
  const started = performance.now();
  const report = emptyReport();
  const { project } = archive;
  for (const w of archive.warnings) report.notMapped.push({ where: w.where, what: w.message });
  const result = await runCommand(ctx, async ({ tx, now, audit }) => {
    const programmeId = ctx.reach.programmeId;
    const people = await mapUsers(tx, ctx, now, project.users, report);
    let unknown: { userId: string | null; externalId: string | null } | undefined;
    const coderOf = async (guid: string | null) => {
      const found = guid ? people.get(guid) : undefined;
      if (found) return found;
      if (!unknown) {
        const [row] = await tx
          .insert(qdaExternalCoders)
          .values({ programmeId, name: 'Onbekende codeur', createdAt: now })
          .returning({ id: qdaExternalCoders.id });
        unknown = { userId: null, externalId: row!.id };
      }
      return unknown;
    };
    const codeIds = await importCodes(tx, ctx, now, project.codes, report);

    // Cases: linked to a case of this programme with that code that the user reaches.
    const names = project.cases.map((c) => c.name);
    const linkable =
      names.length === 0
        ? []
        : await tx
            .select({ id: cases.id, code: cases.code })
            .from(cases)
            .where(
              and(
                eq(cases.programmeId, programmeId),
                inArray(cases.code, names),
                reachSql(ctx.reach.actor, cases.id),
              ),
            );
    const caseOfSource = new Map<string, string>();
    for (const c of project.cases) {
      const match = linkable.find((l) => l.code === c.name);
      if (match) {
        report.casesLinked += 1;
        for (const s of c.sourceGuids) caseOfSource.set(s, match.id);
      }
    }

    const sourceIds = new Map<string, string>();
    const selectionSegment = new Map<string, string>();
    for (const [index, source] of project.sources.entries()) {
      const where = `Bron ${index + 1} ("${source.name}")`;
      if (source.textEntry === null && source.text === undefined) {
        report.notMapped.push({
          where,
          what: 'Deze bron heeft geen platte tekst en is overgeslagen.',
        });
        continue;
      }
      const text = await archive.readText(source);
      checkSelections(source, text);
      const caseId = caseOfSource.get(source.guid) ?? null;
      const creator = source.creatingUser ? people.get(source.creatingUser) : undefined;
      const [row] = await tx
        .insert(qdaSources)
        .values({
          programmeId,
          caseId,
          kind: 'imported',
          name: source.name.slice(0, 500) || `Bron ${index + 1}`,
          description: source.description ?? '',
          body: text,
          length: codePointLength(text),
          createdBy: creator?.userId ?? ctx.reach.actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: qdaSources.id });
      sourceIds.set(source.guid, row!.id);
      report.sources += 1;
      const values: (typeof qdaSegments.$inferInsert & { selection: string })[] = [];
      for (const selection of source.selections) {
        const codings = selection.codings.length > 0 ? selection.codings : [null];
        for (const coding of codings) {
          const coder = await coderOf(coding?.creatingUser ?? selection.creatingUser);
          const codeId = coding ? codeIds.get(coding.codeGuid) : null;
          if (coding && !codeId) {
            report.notMapped.push({
              where: `${where}, selectie ${selection.guid}`,
              what: `Codering met onbekende code ${coding.codeGuid}: overgeslagen.`,
            });
            continue;
          }
          values.push({
            selection: selection.guid,
            sourceId: row!.id,
            programmeId,
            caseId,
            codeId: codeId ?? null,
            start: selection.start,
            end: selection.end,
            coderId: coder.userId,
            externalCoderId: coder.externalId,
            createdAt: selection.creationDateTime ? new Date(selection.creationDateTime) : now,
          });
        }
      }
      const valid = values.filter((v) => v.end > v.start);
      if (valid.length < values.length)
        report.notMapped.push({
          where,
          what: `${values.length - valid.length} lege selecties (begin = einde) overgeslagen.`,
        });
      for (let i = 0; i < valid.length; i += 500) {
        const batch = valid.slice(i, i + 500);
        const inserted = await tx
          .insert(qdaSegments)
          .values(batch.map(({ selection: _s, ...v }) => v))
          .returning({ id: qdaSegments.id });
        report.segments += inserted.length;
        // RETURNING gives the rows in the order of the VALUES list.
        for (const [k, segment] of inserted.entries()) {
          const owner = batch[k]!.selection;
          if (!selectionSegment.has(owner)) selectionSegment.set(owner, segment.id);
        }
      }
    }

    // Notes become memos on what referred to them.
    const targets = new Map<string, { type: string; id: string; caseId: string | null }>();
    for (const source of project.sources) {
      const id = sourceIds.get(source.guid);
      if (!id) continue;
      const caseId = caseOfSource.get(source.guid) ?? null;
      for (const g of source.noteGuids) targets.set(g, { type: 'source', id, caseId });
      for (const selection of source.selections) {
        const segment = selectionSegment.get(selection.guid);
        if (segment)
          for (const g of selection.noteGuids)
            targets.set(g, { type: 'segment', id: segment, caseId });
      }
    }
    for (const { code } of flattenCodes(project.codes)) {
      const id = codeIds.get(code.guid);
      if (id) for (const g of code.noteGuids) targets.set(g, { type: 'code', id, caseId: null });
    }
    for (const note of project.notes) {
      const target = targets.get(note.guid) ?? { type: 'project', id: programmeId, caseId: null };
      const author = note.creatingUser ? people.get(note.creatingUser) : undefined;
      await tx.insert(qdaMemos).values({
        programmeId,
        caseId: target.caseId,
        targetType: target.type,
        targetId: target.id,
        title: note.name === 'Memo' ? '' : note.name.slice(0, 200),
        body: note.text,
        authorId: author?.userId ?? (author ? null : ctx.reach.actor.userId),
        externalAuthorId: author?.externalId ?? null,
        createdAt: note.creationDateTime ? new Date(note.creationDateTime) : now,
        updatedAt: now,
      });
      report.memos += 1;
    }

    // Cases not linked: kept with their attributes; their texts stay with the programme.
    const variableOf = new Map(project.variables.map((v) => [v.guid, v]));
    for (const c of project.cases) {
      if (linkable.some((l) => l.code === c.name)) continue;
      report.notMapped.push({
        where: `Casus "${c.name}"`,
        what: 'Geen casus met deze code in dit programma (die je mag zien): bewaard als geïmporteerde casus; de teksten staan bij het programma.',
      });
      await tx.insert(qdaImportedCases).values({
        programmeId,
        name: c.name.slice(0, 200),
        description: c.description ?? '',
        caseId: null,
        values: c.values.flatMap((v) => {
          const variable = variableOf.get(v.variableGuid);
          return variable ? [{ name: variable.name, type: variable.type, value: v.value }] : [];
        }),
        sourceIds: c.sourceGuids.flatMap((g) => {
          const id = sourceIds.get(g);
          return id ? [id] : [];
        }),
        createdAt: now,
      });
      report.cases += 1;
    }

    await audit(
      {
        caseId: null,
        resourceType: 'qda_project',
        resourceId: programmeId,
        action: 'import',
        grounds: ctx.reach.grounds,
        outcome: 'success',
      },
      ...[...new Set(caseOfSource.values())].map((caseId) => ({
        caseId,
        resourceType: 'qda_source' as const,
        resourceId: caseId,
        action: 'import' as const,
        grounds: ctx.reach.grounds,
        outcome: 'success' as const,
      })),
    );
    return report;
  });
  const seconds = (performance.now() - started) / 1000;
  result.documentsPerSecond = seconds > 0 ? Math.round((result.sources / seconds) * 10) / 10 : 0;
  return result;
}
