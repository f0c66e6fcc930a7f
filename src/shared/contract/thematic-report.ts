// Contract of what policymakers see of cross-case synthesis (the aggregates: threads, counts by
// institution type and region, indicators, published recommendations — never a segment, a quote
// or a case) and of the thematic report (preview, files, published versions). Every count of
// cases passes small-cell suppression with the programme's threshold: a suppressed count comes
// as `{ value: null, suppressed }`, so the value never leaves the server.
import { z } from 'zod';
import { evidenceIndicatorKeys, evidencePerspectives } from './evidence';

export const protectedCountSchema = z.object({
  value: z.number().int().nullable(),
  suppressed: z.enum(['primary', 'secondary']).nullable(),
});
export type ProtectedCount = z.infer<typeof protectedCountSchema>;

/** Cases with the thread in a group, of the cases in that group; share only where both show. */
export const aggregateGroupSchema = z.object({
  key: z.string(),
  label: z.string(),
  cases: protectedCountSchema,
  of: protectedCountSchema,
  /** Percentage 0–100 with one decimal; null where a count it is made of is suppressed. */
  share: z.number().nullable(),
});
export type AggregateGroup = z.infer<typeof aggregateGroupSchema>;

export const aggregateIndicatorSideSchema = z.object({
  /** Cases with a value; suppressed below the threshold. */
  n: protectedCountSchema,
  /** Median; null where n is suppressed (or no case has a value). */
  median: z.number().nullable(),
});

export const aggregateIndicatorSchema = z.object({
  key: z.enum(evidenceIndicatorKeys),
  withThread: aggregateIndicatorSideSchema,
  others: aggregateIndicatorSideSchema,
});
export type AggregateIndicator = z.infer<typeof aggregateIndicatorSchema>;

export const recommendationStates = ['published', 'approved'] as const;

export const aggregateRecommendationSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  title: z.string(),
  body: z.string(),
  /** 'approved' appears only in a draft report: approved by experts, not yet published. */
  state: z.enum(recommendationStates),
});
export type AggregateRecommendation = z.infer<typeof aggregateRecommendationSchema>;

export const recommendationGroupSchema = z.object({
  code: z.string(),
  label: z.string(),
  recommendations: z.array(aggregateRecommendationSchema),
});
export type RecommendationGroup = z.infer<typeof recommendationGroupSchema>;

export const aggregateThreadSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  version: z.number().int(),
  title: z.string(),
  description: z.string(),
  total: aggregateGroupSchema,
  /** How many perspectives, institution types and regions the thread was found in. */
  strength: z.object({
    perspectives: z.number().int(),
    institutionTypes: z.number().int(),
    regions: z.number().int(),
  }),
  byInstitutionType: z.array(aggregateGroupSchema),
  byRegion: z.array(aggregateGroupSchema),
  byPerspective: z.array(
    z.object({ perspective: z.enum(evidencePerspectives), cases: protectedCountSchema }),
  ),
  indicators: z.array(aggregateIndicatorSchema),
  /** The thread's recommendations, per stakeholder group of the programme (empty groups too). */
  recommendations: z.array(recommendationGroupSchema),
});
export type AggregateThread = z.infer<typeof aggregateThreadSchema>;

export const recommendationLinkSchema = z.object({
  from: z.object({ number: z.number().int(), title: z.string(), group: z.string() }),
  to: z.object({ number: z.number().int(), title: z.string(), group: z.string() }),
  note: z.string(),
});
export type RecommendationLink = z.infer<typeof recommendationLinkSchema>;

/** Medians of the timeline indicators of a group's coded cases; null below the threshold. */
export const groupIndicatorsSchema = z.object({
  key: z.string(),
  label: z.string(),
  medians: z.array(z.object({ key: z.enum(evidenceIndicatorKeys), median: z.number().nullable() })),
});
export type GroupIndicators = z.infer<typeof groupIndicatorsSchema>;

const programmeSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  periodStart: z.string(),
  periodEnd: z.string().nullable(),
});

export const aggregatesSchema = z.object({
  programme: programmeSummarySchema,
  threshold: z.number().int(),
  computedAt: z.string(),
  /** Coded cases of the programme (the denominator of every share). */
  cases: protectedCountSchema,
  threads: z.array(aggregateThreadSchema),
  /** The programme's indicators by kind of institution and by region (all coded cases). */
  indicators: z.object({
    byInstitutionType: z.array(groupIndicatorsSchema),
    byRegion: z.array(groupIndicatorsSchema),
  }),
  /** Samenhang between the recommendations shown. */
  links: z.array(recommendationLinkSchema),
  abilities: z.object({ report: z.boolean() }),
});
export type Aggregates = z.infer<typeof aggregatesSchema>;

// ---- The thematic report ----

export const reportLanguages = ['nl', 'en'] as const;
export type ReportLanguage = (typeof reportLanguages)[number];

/** Perspective of a quote's speaker: never a name or a label, only whose voice it is. */
export const reportQuoteSchema = z.object({
  segmentId: z.uuid(),
  text: z.string(),
  perspective: z.enum(evidencePerspectives),
});
export type ReportQuote = z.infer<typeof reportQuoteSchema>;

export const reportThreadSchema = aggregateThreadSchema.extend({
  quotes: z.array(reportQuoteSchema),
  /** Chosen quotes left out because their quote consent is gone (or their text was removed). */
  quotesLeftOut: z.number().int(),
});
export type ReportThread = z.infer<typeof reportThreadSchema>;

export const thematicReportSchema = z.object({
  lang: z.enum(reportLanguages),
  programme: programmeSummarySchema,
  threshold: z.number().int(),
  generatedAt: z.string(),
  /** Null for a draft; the number of the published version otherwise. */
  version: z.number().int().nullable(),
  cases: protectedCountSchema,
  /** Perspectives heard across the report's threads. */
  perspectives: z.array(z.enum(evidencePerspectives)),
  threads: z.array(reportThreadSchema),
  links: z.array(recommendationLinkSchema),
});
export type ThematicReport = z.infer<typeof thematicReportSchema>;

/** Which threads (comma-separated ids; absent = every active thread) and the language. */
export const reportQuerySchema = z.object({
  threads: z
    .string()
    .max(4000)
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      const ids = v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (ids.length === 0) {
        ctx.addIssue({ code: 'custom', message: 'Kies minstens één rode draad' });
        return z.NEVER;
      }
      if (!ids.every((id) => z.uuid().safeParse(id).success)) {
        ctx.addIssue({ code: 'custom', message: 'Een gekozen rode draad bestaat niet' });
        return z.NEVER;
      }
      return [...new Set(ids)];
    }),
  lang: z.enum(reportLanguages).default('nl'),
});
export type ReportQuery = z.input<typeof reportQuerySchema>;

export const publishInputSchema = z.object({
  threadIds: z.array(z.uuid()).min(1, 'Kies minstens één rode draad').max(100),
  lang: z.enum(reportLanguages).default('nl'),
  note: z.string().trim().max(1000).default(''),
});
export type PublishInput = z.input<typeof publishInputSchema>;

export const reportVersionSchema = z.object({
  number: z.number().int(),
  lang: z.enum(reportLanguages),
  note: z.string(),
  publishedAt: z.string(),
  /** Role-free: who published is shown by display name to the programme's own staff only. */
  publishedBy: z.string().nullable(),
  threads: z.array(z.object({ number: z.number().int(), title: z.string(), version: z.number() })),
  recommendations: z.number().int(),
});
export type ReportVersion = z.infer<typeof reportVersionSchema>;

export const reportVersionListSchema = z.object({
  items: z.array(reportVersionSchema),
  abilities: z.object({ publish: z.boolean() }),
});
export type ReportVersionList = z.infer<typeof reportVersionListSchema>;

export const reportVersionParamsSchema = z.object({
  id: z.uuid(),
  number: z.coerce.number().int().min(1).max(100000),
});

export const reportFormats = ['pdf', 'docx', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof reportFormats)[number];
