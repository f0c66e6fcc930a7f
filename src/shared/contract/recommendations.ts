// Contract of recommendations: each belongs to one stakeholder group of its programme, rests on
// one or more threads (rode draden) of that programme, may hang together with other
// recommendations (samenhang), and is reviewed by experts by experience before it is published.
// Views: the list per stakeholder group, the matrix threads × stakeholder groups, the samenhang
// graph (nodes and undirected links), the detail page with its review conversation and history.
import { z } from 'zod';

export const reviewStates = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'published',
  'withdrawn',
] as const;
export type ReviewState = (typeof reviewStates)[number];

/**
 * Where a researcher may move a recommendation. Approving and requesting changes are the
 * verdicts of experts by experience (reviews), not moves; publishing needs an approval of the
 * current version, which the state `approved` guarantees: every edit after approval sends the
 * recommendation back to review.
 */
export const researcherMoves: Record<ReviewState, readonly ReviewState[]> = {
  draft: ['in_review', 'withdrawn'],
  in_review: ['draft', 'withdrawn'],
  changes_requested: ['in_review', 'withdrawn'],
  approved: ['published', 'withdrawn'],
  published: ['withdrawn'],
  withdrawn: [],
};

export const reviewVerdicts = ['approve', 'request_changes', 'comment'] as const;
export type ReviewVerdict = (typeof reviewVerdicts)[number];

/** States in which experts by experience give a verdict (approve or request changes). */
export const verdictStates: readonly ReviewState[] = ['in_review', 'approved'];

export const threadStatuses = ['active', 'superseded', 'withdrawn'] as const;
export type ThreadStatus = (typeof threadStatuses)[number];

const version = z.number().int().min(1);
const title = z
  .string()
  .trim()
  .min(1, 'Geef de aanbeveling een titel')
  .max(200, 'Een titel mag hoogstens 200 tekens zijn');
const body = z
  .string()
  .trim()
  .max(4000, 'Een toelichting mag hoogstens 4000 tekens zijn')
  .default('');
const note = z
  .string()
  .trim()
  .max(500, 'Een toelichting mag hoogstens 500 tekens zijn')
  .default('');
const threadIds = z
  .array(z.uuid('Kies rode draden uit de lijst'))
  .min(1, 'Kies minstens één rode draad waar de aanbeveling op rust')
  .max(30, 'Een aanbeveling kan op hoogstens 30 rode draden rusten')
  .refine((ids) => new Set(ids).size === ids.length, 'Elke rode draad mag maar één keer voorkomen');
const stakeholderGroup = z.string().trim().min(1, 'Kies een stakeholdergroep').max(60);

export const recommendationParamsSchema = z.object({
  id: z.uuid(),
  recommendationId: z.uuid(),
});
export const recommendationLinkParamsSchema = recommendationParamsSchema.extend({
  otherId: z.uuid(),
});

// ---- input -------------------------------------------------------------------------------

export const recommendationInputSchema = z.object({
  title,
  body,
  stakeholderGroup,
  threadIds,
  /** Samenhang made at once: other recommendations of the same programme. */
  links: z
    .array(z.object({ recommendationId: z.uuid(), note }))
    .max(30)
    .default([]),
});
export type RecommendationInput = z.input<typeof recommendationInputSchema>;

export const recommendationUpdateSchema = z.object({
  title,
  body,
  stakeholderGroup,
  threadIds,
  version,
});
export type RecommendationUpdate = z.input<typeof recommendationUpdateSchema>;

export const recommendationMoveSchema = z.object({
  to: z.enum(reviewStates),
  /** Required when withdrawing. */
  reason: z.string().trim().max(1000, 'Een reden mag hoogstens 1000 tekens zijn').default(''),
  version,
});
export type RecommendationMove = z.input<typeof recommendationMoveSchema>;

export const reviewInputSchema = z.object({
  verdict: z.enum(reviewVerdicts),
  comment: z.string().trim().max(2000, 'Een reactie mag hoogstens 2000 tekens zijn').default(''),
  /** The version the reviewer read: a verdict on an older version is refused (409). */
  version,
});
export type ReviewInput = z.input<typeof reviewInputSchema>;

export const commentInputSchema = z.object({
  comment: z
    .string()
    .trim()
    .min(1, 'Schrijf een reactie')
    .max(2000, 'Een reactie mag hoogstens 2000 tekens zijn'),
});
export type CommentInput = z.input<typeof commentInputSchema>;

export const linkInputSchema = z.object({ recommendationId: z.uuid(), note });
export type LinkInput = z.input<typeof linkInputSchema>;

export const recommendationListQuerySchema = z.object({
  state: z.enum(reviewStates).optional(),
  threadId: z.uuid().optional(),
  group: z.string().max(60).optional(),
  /** Only what the reader (an expert by experience) still has to review. */
  toReview: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

// ---- output ------------------------------------------------------------------------------

export const stakeholderGroupRefSchema = z.object({ code: z.string(), label: z.string() });

export const threadRefSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  title: z.string(),
  status: z.enum(threadStatuses),
});
export type ThreadRef = z.infer<typeof threadRefSchema>;

export const recommendationSummarySchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  title: z.string(),
  stakeholderGroup: z.string(),
  reviewState: z.enum(reviewStates),
  threadIds: z.array(z.uuid()),
  version: z.number().int(),
  updatedAt: z.string(),
  /** For an expert by experience: this version waits for their verdict. */
  awaitsMyReview: z.boolean(),
});
export type RecommendationSummary = z.infer<typeof recommendationSummarySchema>;

export const samenhangLinkSchema = z.object({ fromId: z.uuid(), toId: z.uuid(), note: z.string() });
export type SamenhangLink = z.infer<typeof samenhangLinkSchema>;

const programmeAbilitiesSchema = z.object({ write: z.boolean(), review: z.boolean() });

export const recommendationListSchema = z.object({
  programme: z.object({
    id: z.uuid(),
    name: z.string(),
    stakeholderGroups: z.array(stakeholderGroupRefSchema),
  }),
  /** Every thread of the programme (active first), for filters and forms. */
  threads: z.array(threadRefSchema),
  /** The recommendations matching the filters, in number order. */
  items: z.array(recommendationSummarySchema),
  /** Every samenhang link between recommendations of the programme that are not withdrawn. */
  links: z.array(samenhangLinkSchema),
  abilities: programmeAbilitiesSchema,
});
export type RecommendationList = z.infer<typeof recommendationListSchema>;

export const matrixCellItemSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  title: z.string(),
  reviewState: z.enum(reviewStates),
});
export type MatrixCellItem = z.infer<typeof matrixCellItemSchema>;

export const recommendationMatrixSchema = z.object({
  groups: z.array(stakeholderGroupRefSchema),
  /**
   * One row per thread: the active ones, and superseded or withdrawn ones that still carry a
   * recommendation. `cells` has one entry per group, in the order of `groups`.
   */
  rows: z.array(
    z.object({
      thread: threadRefSchema,
      cells: z.array(z.array(matrixCellItemSchema)),
    }),
  ),
  /** Recommendations (not withdrawn) counted once per group, for the column footers. */
  totals: z.array(z.number().int()),
});
export type RecommendationMatrix = z.infer<typeof recommendationMatrixSchema>;

export const reviewSchema = z.object({
  id: z.uuid(),
  verdict: z.enum(reviewVerdicts),
  comment: z.string(),
  recommendationVersion: z.number().int(),
  reviewer: z.object({ id: z.uuid(), name: z.string(), role: z.string() }),
  createdAt: z.string(),
});
export type Review = z.infer<typeof reviewSchema>;

export const recommendationSchema = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  number: z.number().int(),
  title: z.string(),
  body: z.string(),
  stakeholderGroup: stakeholderGroupRefSchema,
  reviewState: z.enum(reviewStates),
  withdrawnReason: z.string().nullable(),
  publishedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  threads: z.array(threadRefSchema),
  links: z.array(
    z.object({
      recommendation: matrixCellItemSchema.extend({ stakeholderGroup: z.string() }),
      note: z.string(),
    }),
  ),
  /** The review conversation, oldest first. */
  reviews: z.array(reviewSchema),
  /** Where a researcher may move it now. */
  nextStates: z.array(z.enum(reviewStates)),
  abilities: z.object({
    edit: z.boolean(),
    move: z.boolean(),
    link: z.boolean(),
    /** Take part in the review as an expert by experience (a verdict or a comment). */
    review: z.boolean(),
    /** Approve or request changes now (in review, or approved and not yet published). */
    verdict: z.boolean(),
    /** Reply in the review conversation as a researcher. */
    reply: z.boolean(),
  }),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

export const recommendationChanges = [
  'created',
  'updated',
  'state_changed',
  'reviewed',
  'link_added',
  'link_removed',
] as const;
export type RecommendationChange = (typeof recommendationChanges)[number];

export const recommendationHistorySchema = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      version: z.number().int(),
      change: z.enum(recommendationChanges),
      /** Names of the fields that differ between before and after. */
      fields: z.array(z.string()),
      before: z.record(z.string(), z.unknown()).nullable(),
      after: z.record(z.string(), z.unknown()).nullable(),
      changedBy: z.string().nullable(),
      changedAt: z.string(),
    }),
  ),
});
export type RecommendationHistory = z.infer<typeof recommendationHistorySchema>;
