// Request and response shapes of interviews and qualitative coding: interviews per participant
// with their transcript, codable sources (interview transcripts, review-meeting reflections,
// dossier evidence, imported texts), the codebook per programme, segments (a range of a source
// coded with one code by one coder), memos, blind coding with agreement, and the cross-case
// views (all segments of a code, the case × code matrix, full-text search).
//
// Offsets everywhere are Unicode code points, end-exclusive: the REFI-QDA definition (first code
// point is 0). The web converts to UTF-16 with src/shared/domain/text-offsets.ts.
import { z } from 'zod';
import { listResponseSchema } from './common';

export const interviewModes = ['in_person', 'video', 'phone', 'written'] as const;
export type InterviewMode = (typeof interviewModes)[number];

export const sourceKinds = [
  'interview',
  'meeting_reflection',
  'dossier_evidence',
  'imported',
] as const;
export type SourceKind = (typeof sourceKinds)[number];

/** The perspective a source speaks from: the participant kind of an interview. */
export const perspectives = [
  'youth',
  'parent',
  'main_practitioner',
  'other_professional',
  'network',
] as const;
export type Perspective = (typeof perspectives)[number];

const version = z.number().int().min(1);
const isoDate = z.iso.date('Vul een datum in als jjjj-mm-dd');
const colour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Kies een kleur als #rrggbb')
  .transform((c) => c.toLowerCase());

/** A transcript as typed or pasted; uploaded files go to the transcript route as bytes. */
export const transcriptTextSchema = z
  .string()
  .max(2_000_000, 'Een transcript mag hoogstens 2 miljoen tekens zijn');

export const interviewInputSchema = z.object({
  participantId: z.uuid('Kies een deelnemer'),
  heldOn: isoDate,
  interviewerId: z.uuid().nullable().default(null),
  mode: z.enum(interviewModes, 'Kies hoe het interview is gehouden'),
  transcript: transcriptTextSchema.optional(),
});
export const interviewUpdateSchema = z.object({
  heldOn: isoDate,
  interviewerId: z.uuid().nullable(),
  mode: z.enum(interviewModes, 'Kies hoe het interview is gehouden'),
  version,
});
export const interviewParamsSchema = z.object({ id: z.uuid(), interviewId: z.uuid() });

export const interviewSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  participantId: z.uuid(),
  participantLabel: z.string(),
  perspective: z.enum(perspectives),
  heldOn: z.string(),
  interviewerId: z.uuid().nullable(),
  interviewerName: z.string().nullable(),
  mode: z.enum(interviewModes),
  sourceId: z.uuid(),
  /** Length of the transcript in code points (0 when none yet). */
  length: z.number().int(),
  words: z.number().int(),
  segmentCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Interview = z.infer<typeof interviewSchema>;

export const interviewListSchema = z.object({
  items: z.array(interviewSchema),
  /** Participants who may be interviewed now (interview consent complete). */
  interviewable: z.array(z.object({ id: z.uuid(), label: z.string() })),
  abilities: z.object({ create: z.boolean() }),
});
export type InterviewList = z.infer<typeof interviewListSchema>;

// ---- codebook ------------------------------------------------------------------------------

export const codeSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  definition: z.string(),
  inclusion: z.string(),
  exclusion: z.string(),
  color: z.string(),
  sortOrder: z.number().int(),
  archived: z.boolean(),
  mergedInto: z.uuid().nullable(),
  version: z.number().int(),
});
export type Code = z.infer<typeof codeSchema>;

export const codebookSchema = z.object({
  programmeId: z.uuid(),
  codes: z.array(codeSchema),
  snapshots: z.array(
    z.object({
      id: z.uuid(),
      number: z.number().int(),
      label: z.string(),
      createdAt: z.string(),
      codeCount: z.number().int(),
    }),
  ),
  abilities: z.object({ manage: z.boolean(), exchange: z.boolean() }),
});
export type Codebook = z.infer<typeof codebookSchema>;

const codeText = (max: number) => z.string().trim().max(max, `Hoogstens ${max} tekens`);
export const codeInputSchema = z.object({
  name: z.string().trim().min(1, 'Vul een naam in').max(200, 'Hoogstens 200 tekens'),
  parentId: z.uuid().nullable().default(null),
  definition: codeText(4000).default(''),
  inclusion: codeText(4000).default(''),
  exclusion: codeText(4000).default(''),
  color: colour.default('#1f6feb'),
});
export const codeUpdateSchema = codeInputSchema.extend({
  sortOrder: z.number().int().min(0).max(100000).optional(),
  version,
});
export const codeParamsSchema = z.object({ id: z.uuid(), codeId: z.uuid() });
export const codeMergeSchema = z.object({ intoCodeId: z.uuid(), version });
export const codeSplitSchema = z.object({
  name: z.string().trim().min(1, 'Vul een naam in').max(200),
  segmentIds: z
    .array(z.uuid())
    .min(1, 'Kies de fragmenten die naar de nieuwe code gaan')
    .max(10000),
  version,
});
export const codeArchiveSchema = z.object({ version });
export const snapshotInputSchema = z.object({
  label: z.string().trim().min(1, 'Geef de versie een naam').max(200),
});
export const snapshotSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  label: z.string(),
  createdAt: z.string(),
  codes: z.array(codeSchema),
});

export const codeHistorySchema = z.object({
  items: z.array(
    z.object({
      change: z.string(),
      changedAt: z.string(),
      changedBy: z.string().nullable(),
      before: z.record(z.string(), z.unknown()).nullable(),
      after: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
});

// ---- sources and segments --------------------------------------------------------------------

export const segmentSchema = z.object({
  id: z.uuid(),
  codeId: z.uuid().nullable(),
  start: z.number().int(),
  end: z.number().int(),
  coderId: z.uuid().nullable(),
  coderName: z.string(),
  important: z.boolean(),
  quote: z.boolean(),
  /** A quote is usable in reports only while its participant's quote consent stands. */
  quoteUsable: z.boolean(),
  createdAt: z.string(),
});
export type Segment = z.infer<typeof segmentSchema>;

export const memoTargets = ['segment', 'code', 'source', 'case'] as const;
export type MemoTarget = (typeof memoTargets)[number];

export const memoSchema = z.object({
  id: z.uuid(),
  targetType: z.enum(memoTargets),
  targetId: z.uuid(),
  title: z.string(),
  body: z.string(),
  authorName: z.string(),
  mine: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Memo = z.infer<typeof memoSchema>;

export const sourceDetailSchema = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  caseId: z.uuid().nullable(),
  caseCode: z.string().nullable(),
  kind: z.enum(sourceKinds),
  name: z.string(),
  perspective: z.enum(perspectives).nullable(),
  text: z.string(),
  length: z.number().int(),
  blind: z.boolean(),
  /** In blind mode: whether this user has chosen to compare (then they see everyone's codings). */
  revealed: z.boolean(),
  /** Coders of this source; in blind mode before comparing, only the user. */
  coders: z.array(
    z.object({ id: z.uuid().nullable(), name: z.string(), segmentCount: z.number().int() }),
  ),
  /** Segments of other coders hidden by blind mode. */
  hiddenSegments: z.number().int(),
  segments: z.array(segmentSchema),
  memos: z.array(memoSchema),
  abilities: z.object({ code: z.boolean(), quote: z.boolean(), setBlind: z.boolean() }),
});
export type SourceDetail = z.infer<typeof sourceDetailSchema>;

export const sourceParamsSchema = z.object({ sourceId: z.uuid() });
export const segmentParamsSchema = z.object({ segmentId: z.uuid() });

export const segmentInputSchema = z
  .object({
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    codeIds: z.array(z.uuid()).min(1, 'Kies minstens één code').max(50),
    important: z.boolean().default(false),
    quote: z.boolean().default(false),
  })
  .refine((s) => s.end > s.start, {
    path: ['end'],
    message: 'Het einde van het fragment ligt na het begin',
  });
export const segmentUpdateSchema = z.object({
  important: z.boolean().optional(),
  quote: z.boolean().optional(),
});
export const segmentsCreatedSchema = z.object({ segments: z.array(segmentSchema) });
export const blindInputSchema = z.object({ blind: z.boolean() });

export const agreementQuerySchema = z.object({
  coderA: z.uuid(),
  coderB: z.uuid(),
});
const agreementFigures = z.object({
  n: z.number().int(),
  bothCoded: z.number().int(),
  onlyA: z.number().int(),
  onlyB: z.number().int(),
  neither: z.number().int(),
  percentAgreement: z.number(),
  kappa: z.number().nullable(),
});
export const agreementSchema = z.object({
  sourceId: z.uuid(),
  /** What a unit is: every code point of the text. */
  unit: z.literal('character'),
  coderA: z.object({ id: z.uuid(), name: z.string() }),
  coderB: z.object({ id: z.uuid(), name: z.string() }),
  perCode: z.array(
    agreementFigures.extend({
      codeId: z.uuid(),
      codeName: z.string(),
      segmentsA: z.number().int(),
      segmentsB: z.number().int(),
    }),
  ),
  pooled: agreementFigures,
});
export type Agreement = z.infer<typeof agreementSchema>;

export const memoInputSchema = z.object({
  targetType: z.enum(memoTargets),
  targetId: z.uuid(),
  title: z.string().trim().max(200).default(''),
  body: z.string().trim().min(1, 'Schrijf iets in de memo').max(20000, 'Hoogstens 20.000 tekens'),
});
export const memoUpdateSchema = z.object({
  title: z.string().trim().max(200),
  body: z.string().trim().min(1, 'Schrijf iets in de memo').max(20000, 'Hoogstens 20.000 tekens'),
  version,
});
export const memoParamsSchema = z.object({ memoId: z.uuid() });
export const memoListQuerySchema = z.object({
  targetType: z.enum(memoTargets),
  targetId: z.uuid(),
});
export const memoListSchema = z.object({ items: z.array(memoSchema) });

// ---- cross-case views ------------------------------------------------------------------------

const filters = {
  institutionType: z.string().max(50).optional(),
  perspective: z.enum(perspectives).optional(),
};
export const codeSegmentsQuerySchema = z.object({
  ...filters,
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const codeSegmentItemSchema = z.object({
  id: z.uuid(),
  sourceId: z.uuid(),
  sourceName: z.string(),
  caseId: z.uuid().nullable(),
  caseCode: z.string().nullable(),
  institutionType: z.string().nullable(),
  perspective: z.enum(perspectives).nullable(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  coderName: z.string(),
  important: z.boolean(),
  quote: z.boolean(),
  quoteUsable: z.boolean(),
});
export const codeSegmentsSchema = listResponseSchema(codeSegmentItemSchema).extend({
  code: codeSchema,
});
export type CodeSegments = z.infer<typeof codeSegmentsSchema>;

export const matrixQuerySchema = z.object({
  ...filters,
  /** Columns: these codes (default: the top-level codes, each counting its sub-codes). */
  codeIds: z
    .string()
    .max(2000)
    .optional()
    .transform((s) => (s ? s.split(',').filter(Boolean) : undefined))
    .pipe(z.array(z.uuid()).max(50).optional()),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const matrixSchema = z.object({
  codes: z.array(z.object({ id: z.uuid(), name: z.string(), color: z.string() })),
  rows: z.array(
    z.object({
      caseId: z.uuid().nullable(),
      caseCode: z.string(),
      institutionType: z.string().nullable(),
      /** Per column: segments, and coverage = coded code points ÷ code points of the case's sources. */
      cells: z.array(z.object({ count: z.number().int(), coverage: z.number() })),
    }),
  ),
  totals: z.array(z.object({ count: z.number().int(), cases: z.number().int() })),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type Matrix = z.infer<typeof matrixSchema>;

export const searchQuerySchema = z.object({
  q: z.string().trim().min(2, 'Zoek op minstens twee tekens').max(200),
  ...filters,
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const searchHitSchema = z.object({
  sourceId: z.uuid(),
  sourceName: z.string(),
  kind: z.enum(sourceKinds),
  caseId: z.uuid().nullable(),
  caseCode: z.string().nullable(),
  perspective: z.enum(perspectives).nullable(),
  /** Relevance (ts_rank); null when the results come in case order. */
  rank: z.number().nullable(),
  /** The snippet in parts; `match` parts are the words found (to highlight). */
  snippet: z.array(z.object({ text: z.string(), match: z.boolean() })),
});
export const searchResultSchema = listResponseSchema(searchHitSchema).extend({
  /** By relevance when few texts match; in case order when many do (ranking them all is slow). */
  order: z.enum(['relevance', 'case']),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const programmeSourcesQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  caseId: z.uuid().optional(),
});
export const sourceSummarySchema = z.object({
  id: z.uuid(),
  kind: z.enum(sourceKinds),
  name: z.string(),
  caseId: z.uuid().nullable(),
  caseCode: z.string().nullable(),
  perspective: z.enum(perspectives).nullable(),
  length: z.number().int(),
  segmentCount: z.number().int(),
  blind: z.boolean(),
});
export const sourceListSchema = listResponseSchema(sourceSummarySchema);

export const codableSourceInputSchema = z.object({
  kind: z.enum(['meeting_reflection', 'dossier_evidence'], 'Kies reflectie of dossier'),
  originId: z.uuid(),
});
/** Reflections and dossier evidence a case offers to code, with the snapshots taken so far. */
export const codableOriginsSchema = z.object({
  items: z.array(
    z.object({
      kind: z.enum(['meeting_reflection', 'dossier_evidence']),
      originId: z.uuid(),
      label: z.string(),
      sources: z.array(z.object({ id: z.uuid(), name: z.string() })),
    }),
  ),
  abilities: z.object({ take: z.boolean() }),
});
export type CodableOrigins = z.infer<typeof codableOriginsSchema>;

// ---- REFI-QDA exchange -----------------------------------------------------------------------

export const exportQuerySchema = z.object({
  /** Only these cases (comma-separated ids); default every case of the programme the user reaches. */
  caseIds: z
    .string()
    .max(40000)
    .optional()
    .transform((s) => (s ? s.split(',').filter(Boolean) : undefined))
    .pipe(z.array(z.uuid()).max(1000).optional()),
  /**
   * Only the cases with these codes (as people know them: KL-2026-001), separated by commas,
   * spaces or new lines; an unknown code is refused by name.
   */
  caseCodes: z
    .string()
    .max(20000)
    .optional()
    .transform((s) => (s ? [...new Set(s.split(/[\s,;]+/).filter(Boolean))] : undefined))
    .pipe(
      z
        .array(z.string().max(40, 'Een casuscode is hoogstens 40 tekens lang'))
        .max(1000, 'Kies hoogstens 1.000 casussen')
        .optional(),
    ),
  snapshotId: z.uuid().optional(),
});

export const importReportSchema = z.object({
  codes: z.number().int(),
  sources: z.number().int(),
  segments: z.number().int(),
  memos: z.number().int(),
  cases: z.number().int(),
  casesLinked: z.number().int(),
  users: z.array(z.object({ name: z.string(), mappedTo: z.enum(['user', 'external_coder']) })),
  /** Everything that could not be mapped, in words, with where it was in the file. */
  notMapped: z.array(z.object({ where: z.string(), what: z.string() })),
  documentsPerSecond: z.number(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** The programmes whose coding the user works on: those of their teams. */
export const codingProgrammesSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      periodStart: z.string(),
      periodEnd: z.string().nullable(),
    }),
  ),
});
export type CodingProgrammes = z.infer<typeof codingProgrammesSchema>;
