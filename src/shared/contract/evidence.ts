// Contract of a thread's evidence and of saturation: computed live from the coded material, never
// stored. Used by the thread's evidence panel (researchers, with segments and quotes), by the
// policymakers' aggregates and by the thematic report (both suppressed there, counts only).
import { z } from 'zod';
import { perspectives } from './coding';

/**
 * The perspectives evidence is split by: the participant kinds of interviews, and "dossier" for
 * every coded source that is not an interview with a participant (care-file material, meeting
 * reflections).
 */
export const evidencePerspectives = [...perspectives, 'dossier'] as const;
export type EvidencePerspective = (typeof evidencePerspectives)[number];

/** A count of cases with the thread next to the cases it is a share of. */
export const caseShareSchema = z.object({
  /** Cases with at least one segment of the thread's codes (or codes beneath them). */
  cases: z.number().int().min(0),
  /** Cases in scope: coded cases of the programme the reader may see, in this group. */
  of: z.number().int().min(0),
});
export type CaseShare = z.infer<typeof caseShareSchema>;

export const evidenceGroupSchema = caseShareSchema.extend({
  key: z.string(),
  label: z.string(),
});
export type EvidenceGroup = z.infer<typeof evidenceGroupSchema>;

export const evidencePerspectiveSchema = z.object({
  perspective: z.enum(evidencePerspectives),
  cases: z.number().int().min(0),
  segments: z.number().int().min(0),
});

/** Timeline indicators (case_indicators) of cases with the thread next to the other cases. */
export const evidenceIndicatorKeys = [
  'placementChanges',
  'schoolChanges',
  'monthsWithoutSchool',
  'careProviders',
  'earlySignalGap',
  'diagnosesRevised',
] as const;
export type EvidenceIndicatorKey = (typeof evidenceIndicatorKeys)[number];

export const indicatorSummarySchema = z.object({
  /** Cases with a value for this indicator. */
  n: z.number().int().min(0),
  median: z.number().nullable(),
  mean: z.number().nullable(),
});

export const evidenceIndicatorSchema = z.object({
  key: z.enum(evidenceIndicatorKeys),
  withThread: indicatorSummarySchema,
  others: indicatorSummarySchema,
});

/** How strong the evidence is, in plain counts: no score that hides what it is made of. */
export const evidenceStrengthSchema = z.object({
  cases: z.number().int().min(0),
  perspectives: z.number().int().min(0),
  institutionTypes: z.number().int().min(0),
  regions: z.number().int().min(0),
});

export const threadEvidenceSchema = z.object({
  threadId: z.uuid(),
  programmeId: z.uuid(),
  computedAt: z.string(),
  total: caseShareSchema,
  strength: evidenceStrengthSchema,
  byInstitutionType: z.array(evidenceGroupSchema),
  byRegion: z.array(evidenceGroupSchema),
  byPerspective: z.array(evidencePerspectiveSchema),
  indicators: z.array(evidenceIndicatorSchema),
  /** Segments of the thread's codes, all cases together. */
  segments: z.number().int().min(0),
});
export type ThreadEvidence = z.infer<typeof threadEvidenceSchema>;

// ---- supporting segments ---------------------------------------------------------------------

/** Filters and cursor of a thread's supporting segments. */
export const threadSegmentsQuerySchema = z.object({
  perspective: z.enum(evidencePerspectives).optional(),
  institutionType: z.string().max(50).optional(),
  regionCode: z.string().max(20).optional(),
  /** One of the thread's codes (or a code beneath them): that code with everything beneath it. */
  codeId: z.uuid().optional(),
  /** Where the previous page ended (opaque, from `nextCursor`). */
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ThreadSegmentsQuery = z.infer<typeof threadSegmentsQuerySchema>;

export const threadSegmentSchema = z.object({
  id: z.uuid(),
  sourceId: z.uuid(),
  sourceName: z.string(),
  caseId: z.uuid(),
  caseCode: z.string(),
  institutionType: z.string(),
  regionCode: z.string(),
  perspective: z.enum(evidencePerspectives),
  codeId: z.uuid(),
  codeName: z.string(),
  codeColor: z.string(),
  /** Some text before the segment (starts with "…" when cut), the segment, some text after. */
  before: z.string(),
  text: z.string(),
  after: z.string(),
  /** Already a chosen quote of this thread. */
  chosen: z.boolean(),
  /** May be chosen as quote: an interview whose participant's quote consent stands today. */
  quoteUsable: z.boolean(),
});
export type ThreadSegment = z.infer<typeof threadSegmentSchema>;

export const threadSegmentsSchema = z.object({
  items: z.array(threadSegmentSchema),
  /** Segments matching the filters in the cases the reader reaches (blind sources not counted). */
  total: z.number().int().min(0),
  nextCursor: z.string().nullable(),
});
export type ThreadSegments = z.infer<typeof threadSegmentsSchema>;

// ---- quotes ----------------------------------------------------------------------------------

/** At most this many quotes carry one thread. */
export const maxQuotesPerThread = 12;

export const threadQuoteSchema = z.object({
  segmentId: z.uuid(),
  sortOrder: z.number().int(),
  text: z.string(),
  caseId: z.uuid(),
  caseCode: z.string(),
  perspective: z.enum(evidencePerspectives),
  sourceName: z.string(),
  codeName: z.string(),
  chosenBy: z.string().nullable(),
  chosenAt: z.string(),
});
export type ThreadQuote = z.infer<typeof threadQuoteSchema>;

export const threadQuotesSchema = z.object({
  items: z.array(threadQuoteSchema),
  /** Chosen quotes not shown, by why: never their text. */
  hidden: z.object({
    /** The participant's quote consent was withdrawn (or is no longer complete). */
    consentWithdrawn: z.number().int().min(0),
    /** The segment was removed, its source is blind again, or its code no longer belongs to the thread. */
    noLongerInThread: z.number().int().min(0),
    /** From cases the reader does not reach. */
    outOfReach: z.number().int().min(0),
  }),
  /** The reader may choose, order and remove quotes (a researcher, on an active thread). */
  canEdit: z.boolean(),
  max: z.number().int(),
});
export type ThreadQuotes = z.infer<typeof threadQuotesSchema>;

export const chooseQuoteSchema = z.object({ segmentId: z.uuid() });
export const orderQuotesSchema = z.object({
  segmentIds: z.array(z.uuid()).min(1).max(maxQuotesPerThread),
});

// ---- saturation ------------------------------------------------------------------------------

export const saturationQuerySchema = z.object({
  /** Cases per point: 1 shows every case; default picks so that there are at most 200 points. */
  bucket: z.coerce.number().int().min(1).max(10000).optional(),
});

export const saturationPointSchema = z.object({
  /** Position in the order of review: cases `from` to `to` (1-based, inclusive). */
  from: z.number().int().min(1),
  to: z.number().int().min(1),
  /** The case, when the point is one case. */
  caseId: z.uuid().nullable(),
  caseCode: z.string().nullable(),
  /** The date that put the (last) case here, and what it is. */
  orderedOn: z.string(),
  orderedBy: z.enum(['review_meeting', 'first_coding']),
  /** Codes used here for the first time, and after this point in total. */
  newCodes: z.number().int().min(0),
  newCodeIds: z.array(z.uuid()),
  cumulativeCodes: z.number().int().min(0),
});
export type SaturationPoint = z.infer<typeof saturationPointSchema>;

export const saturationThreadSchema = z.object({
  threadId: z.uuid(),
  number: z.number().int(),
  title: z.string(),
  /** Per point where the thread grew: its segments there and its codes used there first. */
  growth: z.array(
    z.object({
      point: z.number().int().min(0),
      segments: z.number().int().min(0),
      cases: z.number().int().min(0),
      newCodes: z.number().int().min(0),
    }),
  ),
  cases: z.number().int().min(0),
  /** Position (1-based) of the last case that added segments, null when none did. */
  lastGrowth: z.number().int().nullable(),
});
export type SaturationThread = z.infer<typeof saturationThreadSchema>;

export const saturationSchema = z.object({
  programmeId: z.uuid(),
  computedAt: z.string(),
  /** Coded cases in scope (at least one counted segment), in order of review. */
  cases: z.number().int().min(0),
  bucket: z.number().int().min(1),
  points: z.array(saturationPointSchema),
  codes: z.array(z.object({ id: z.uuid(), name: z.string(), color: z.string() })),
  threads: z.array(saturationThreadSchema),
});
export type Saturation = z.infer<typeof saturationSchema>;
