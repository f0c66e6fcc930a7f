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
