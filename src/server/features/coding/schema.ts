// Tables of interviews and qualitative coding. A source is a codable text: an interview
// transcript, a snapshot of a review-meeting reflection or of dossier evidence, or a text imported
// from another QDA tool. Sources belong to a programme and usually to a case (imported texts whose
// case could not be mapped belong to the programme only). A segment is one coder's coding of a
// range of a source with one code (offsets in code points, end-exclusive, as REFI-QDA counts).
// The codebook is per programme: a tree of codes with history and numbered snapshots.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/schema';
import { cases, participants } from '../cases/schema';
import { programmes } from '../organisations/schema';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Coders from an imported project that were not mapped to a Ketenlens user. */
export const qdaExternalCoders = pgTable(
  'qda_external_coders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('qda_external_coders_programme_idx').on(t.programmeId)],
);

export const qdaSources = pgTable(
  'qda_sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    caseId: uuid('case_id').references(() => cases.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    body: text('body').notNull().default(''),
    /** Length of body in code points. */
    length: integer('length').notNull().default(0),
    /** The interviewed participant: the perspective the source speaks from. */
    participantId: uuid('participant_id').references(() => participants.id),
    /** The reflection or dossier answer a snapshot was taken from. */
    originId: uuid('origin_id'),
    description: text('description').notNull().default(''),
    blind: boolean('blind').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('dutch'::regconfig, body)`),
  },
  (t) => [
    check(
      'qda_sources_kind_check',
      sql`${t.kind} in ('interview','meeting_reflection','dossier_evidence','imported')`,
    ),
    index('qda_sources_programme_idx').on(t.programmeId, t.caseId),
    index('qda_sources_case_idx').on(t.caseId),
    index('qda_sources_search_idx').using('gin', t.search),
    /** The few blind sources of a programme, whose segments the views count live. */
    index('qda_sources_blind_idx')
      .on(t.programmeId)
      .where(sql`${t.blind}`),
  ],
);

export const interviews = pgTable(
  'interviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    sourceId: uuid('source_id')
      .notNull()
      .unique()
      .references(() => qdaSources.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    interviewerId: uuid('interviewer_id').references(() => users.id),
    mode: text('mode').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('interviews_mode_check', sql`${t.mode} in ('in_person','video','phone','written')`),
    index('interviews_case_idx').on(t.caseId, t.heldOn),
  ],
);

export const qdaCodes = pgTable(
  'qda_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => qdaCodes.id),
    name: text('name').notNull(),
    definition: text('definition').notNull().default(''),
    inclusion: text('inclusion').notNull().default(''),
    exclusion: text('exclusion').notNull().default(''),
    color: text('color').notNull().default('#1f6feb'),
    sortOrder: integer('sort_order').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    mergedInto: uuid('merged_into').references((): AnyPgColumn => qdaCodes.id),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('qda_codes_color_check', sql`${t.color} ~ '^#[0-9a-f]{6}$'`),
    check('qda_codes_parent_check', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
    index('qda_codes_programme_idx').on(t.programmeId, t.parentId),
  ],
);

export const qdaCodeHistory = pgTable(
  'qda_code_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    codeId: uuid('code_id')
      .notNull()
      .references(() => qdaCodes.id),
    programmeId: uuid('programme_id').notNull(),
    change: text('change').notNull(),
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>(),
    changedBy: uuid('changed_by').references(() => users.id),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('qda_code_history_code_idx').on(t.codeId, t.id)],
);

export const qdaCodebookSnapshots = pgTable(
  'qda_codebook_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    number: integer('number').notNull(),
    label: text('label').notNull(),
    content: jsonb('content').$type<unknown[]>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('qda_codebook_snapshots_number_unique').on(t.programmeId, t.number)],
);

export const qdaSegments = pgTable(
  'qda_segments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => qdaSources.id),
    programmeId: uuid('programme_id').notNull(),
    caseId: uuid('case_id'),
    codeId: uuid('code_id').references(() => qdaCodes.id),
    start: integer('start_pos').notNull(),
    end: integer('end_pos').notNull(),
    coderId: uuid('coder_id').references(() => users.id),
    externalCoderId: uuid('external_coder_id').references(() => qdaExternalCoders.id),
    important: boolean('important').notNull().default(false),
    quote: boolean('quote').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Removed segments stay until the session's undo can no longer want them back. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    check('qda_segments_range_check', sql`${t.start} >= 0 and ${t.end} > ${t.start}`),
    check(
      'qda_segments_coder_check',
      sql`(${t.coderId} is null) <> (${t.externalCoderId} is null)`,
    ),
    index('qda_segments_source_idx').on(t.sourceId, t.start),
    index('qda_segments_code_idx')
      .on(t.codeId, t.caseId)
      .where(sql`${t.deletedAt} is null`),
    index('qda_segments_case_idx').on(t.caseId),
  ],
);

export const qdaMemos = pgTable(
  'qda_memos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id').notNull(),
    caseId: uuid('case_id'),
    targetType: text('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
    title: text('title').notNull().default(''),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    externalAuthorId: uuid('external_author_id').references(() => qdaExternalCoders.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    check(
      'qda_memos_target_check',
      sql`${t.targetType} in ('segment','code','source','case','project')`,
    ),
    index('qda_memos_target_idx').on(t.targetType, t.targetId),
    index('qda_memos_case_idx').on(t.caseId),
  ],
);

/** Blind coding: a coder who has chosen to compare sees everyone's codings of the source. */
export const qdaSourceReveals = pgTable(
  'qda_source_reveals',
  {
    sourceId: uuid('source_id')
      .notNull()
      .references(() => qdaSources.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    revealedAt: timestamp('revealed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sourceId, t.userId] })],
);

/** Cases of an imported project, with their attribute values, kept as the file gave them. */
export const qdaImportedCases = pgTable(
  'qda_imported_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    caseId: uuid('case_id').references(() => cases.id),
    values: jsonb('values')
      .$type<{ name: string; type: string; value: string | number | boolean }[]>()
      .notNull(),
    sourceIds: uuid('source_ids').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('qda_imported_cases_programme_idx').on(t.programmeId)],
);

/**
 * Segment counts per case and code, kept by the database itself (triggers in migration 0010):
 * `own*` counts the code's own segments, `sub*` those of the code and every code beneath it; per
 * perspective of the source (the participant kind) and in total (every source of the case,
 * dossier evidence and reflections too). Only live segments of sources that are not blind: the
 * cross-case views add blind sources' segments live, as each actor may see them. Rows exist only
 * for counts above zero, so `count(*)` over a code's rows is its number of cases.
 */
export const qdaCaseCodes = pgTable(
  'qda_case_codes',
  {
    codeId: uuid('code_id')
      .notNull()
      .references(() => qdaCodes.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    ownTotal: integer('own_total').notNull().default(0),
    ownYouth: integer('own_youth').notNull().default(0),
    ownParent: integer('own_parent').notNull().default(0),
    ownMainPractitioner: integer('own_main_practitioner').notNull().default(0),
    ownOtherProfessional: integer('own_other_professional').notNull().default(0),
    ownNetwork: integer('own_network').notNull().default(0),
    subTotal: integer('sub_total').notNull().default(0),
    subYouth: integer('sub_youth').notNull().default(0),
    subParent: integer('sub_parent').notNull().default(0),
    subMainPractitioner: integer('sub_main_practitioner').notNull().default(0),
    subOtherProfessional: integer('sub_other_professional').notNull().default(0),
    subNetwork: integer('sub_network').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.codeId, t.caseId] }),
    index('qda_case_codes_case_idx').on(t.caseId),
  ],
);

/**
 * The coded cases: one row per case with at least one counted segment (live, in a source that is
 * not blind), with their number. Kept by the database with qda_case_codes (migration 0016), so
 * "the coded cases in scope" (the evidence of threads, saturation, the thematic report) is one
 * hash join over the programme's cases instead of a probe per case. The primary key of
 * qda_case_codes also carries its `sub_*` counts (INCLUDE, migration 0016), so a thread's cases
 * are read from the index alone.
 */
export const qdaCodedCases = pgTable('qda_coded_cases', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id, { onDelete: 'cascade' }),
  segments: integer('segments').notNull(),
});

/**
 * The same counts summed per code, team and institution type, so the cross-case totals read a
 * few hundred rows instead of a row per case: `cases*` counts the cases with at least one segment
 * of the code or beneath it (from that perspective), `sub*` and `own*` sum their segments. Kept
 * by the database with qda_case_codes (migration 0010), also when a case moves to another team
 * or institution type.
 */
export const qdaTeamCodes = pgTable(
  'qda_team_codes',
  {
    codeId: uuid('code_id')
      .notNull()
      .references(() => qdaCodes.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').notNull(),
    institutionType: text('institution_type').notNull(),
    casesTotal: integer('cases_total').notNull().default(0),
    casesYouth: integer('cases_youth').notNull().default(0),
    casesParent: integer('cases_parent').notNull().default(0),
    casesMainPractitioner: integer('cases_main_practitioner').notNull().default(0),
    casesOtherProfessional: integer('cases_other_professional').notNull().default(0),
    casesNetwork: integer('cases_network').notNull().default(0),
    ownTotal: integer('own_total').notNull().default(0),
    ownYouth: integer('own_youth').notNull().default(0),
    ownParent: integer('own_parent').notNull().default(0),
    ownMainPractitioner: integer('own_main_practitioner').notNull().default(0),
    ownOtherProfessional: integer('own_other_professional').notNull().default(0),
    ownNetwork: integer('own_network').notNull().default(0),
    subTotal: integer('sub_total').notNull().default(0),
    subYouth: integer('sub_youth').notNull().default(0),
    subParent: integer('sub_parent').notNull().default(0),
    subMainPractitioner: integer('sub_main_practitioner').notNull().default(0),
    subOtherProfessional: integer('sub_other_professional').notNull().default(0),
    subNetwork: integer('sub_network').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.codeId, t.teamId, t.institutionType] })],
);
