// Request and response shapes of dossier research: a review of a case's care file against a
// published checklist version, answers per item with evidence, source document and date, links
// to timeline items, history and progress per section. A review is always read together with
// the content of its own instrument version, so its answers stay readable when newer versions
// of the checklist exist.
import { z } from 'zod';
import { isoDateSchema } from './common';
import { instrumentContentSchema, itemKeySchema } from './instruments';
import { timelineLanes } from '../domain/timeline';

/** A value typed by the item's answer type (checked against the item on the server). */
export const answerValueSchema = z.union([
  z.string().max(4000),
  z.number(),
  z.array(z.string().max(60)).max(50),
  z.null(),
]);

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v));

export const dossierReviewStartSchema = z.object({
  /** A published version of a dossier checklist. */
  instrumentVersionId: z.uuid(),
});

/** Moves the review to a newer published version of its checklist; answers keep theirs. */
export const dossierReviewMoveSchema = z.object({ instrumentVersionId: z.uuid() });

export const dossierAnswerInputSchema = z.object({
  value: answerValueSchema,
  /** A quote from the file, or a summary of what it says. */
  evidence: z
    .string()
    .trim()
    .max(4000, 'De onderbouwing mag hoogstens 4000 tekens zijn')
    .default(''),
  /** The name of the source document ("Verslag keukentafelgesprek"), never a client's name. */
  sourceDocument: optionalText(200, 'De naam van het document mag hoogstens 200 tekens zijn'),
  sourceDate: isoDateSchema.nullable().default(null),
  /** Timeline items of the same case this answer is about ("deze plaatsing"). */
  timelineItemIds: z
    .array(z.uuid())
    .max(20, 'Koppel hoogstens 20 onderdelen van de tijdlijn')
    .default([])
    .refine((ids) => new Set(ids).size === ids.length, 'Koppel elk onderdeel één keer'),
  /** The answer's version the researcher started from; 0 when there was no answer yet. */
  version: z.number().int().min(0),
});
export type DossierAnswerInput = z.input<typeof dossierAnswerInputSchema>;

export const dossierAnswerParamsSchema = z.object({ id: z.uuid(), itemKey: itemKeySchema });
export const answerVersionQuerySchema = z.object({ version: z.coerce.number().int().min(1) });

export const timelineLinkSchema = z.object({
  timelineItemId: z.uuid(),
  title: z.string(),
  lane: z.enum(timelineLanes),
  /** The linked item was deleted from the timeline later; the link is kept as it was given. */
  isDeleted: z.boolean(),
});

export const dossierAnswerSchema = z.object({
  id: z.uuid(),
  itemKey: z.string(),
  /** The number of the instrument version the answer was given under. */
  instrumentVersionNumber: z.number().int(),
  value: answerValueSchema,
  isUnknown: z.boolean(),
  evidence: z.string(),
  sourceDocument: z.string().nullable(),
  sourceDate: z.string().nullable(),
  researcher: z.object({ id: z.uuid().nullable(), name: z.string() }),
  timelineLinks: z.array(timelineLinkSchema),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DossierAnswer = z.infer<typeof dossierAnswerSchema>;

const progressCounts = {
  answered: z.number().int(),
  total: z.number().int(),
  unknown: z.number().int(),
};
export const dossierProgressSchema = z.object({
  ...progressCounts,
  sections: z.array(z.object({ key: z.string(), title: z.string(), ...progressCounts })),
});

export const dossierReviewSchema = z.object({
  id: z.uuid(),
  status: z.enum(['active', 'closed']),
  startedAt: z.string(),
  startedBy: z.string(),
  instrument: z.object({
    id: z.uuid(),
    code: z.string(),
    versionId: z.uuid(),
    number: z.number().int(),
    publishedAt: z.string().nullable(),
    /** The newest published version of the checklist, when it is newer than this review's. */
    newerNumber: z.number().int().nullable(),
    content: instrumentContentSchema,
  }),
  /**
   * Earlier versions that answers were given under (after the review moved to a newer version):
   * an answer is read with the question of its own version.
   */
  earlierVersions: z.array(
    z.object({ number: z.number().int(), content: instrumentContentSchema }),
  ),
  answers: z.array(dossierAnswerSchema),
  progress: dossierProgressSchema,
});
export type DossierReview = z.infer<typeof dossierReviewSchema>;

export const dossierViewSchema = z.object({
  caseId: z.uuid(),
  caseCode: z.string(),
  /** null until a researcher starts the review by choosing a checklist version. */
  review: dossierReviewSchema.nullable(),
  abilities: z.object({ write: z.boolean() }),
});
export type DossierView = z.infer<typeof dossierViewSchema>;

export const dossierAnswerChangeSchema = z.object({
  version: z.number().int(),
  change: z.enum(['created', 'updated', 'deleted']),
  at: z.string(),
  by: z.string(),
  fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export const dossierAnswerHistorySchema = z.object({
  itemKey: z.string(),
  changes: z.array(dossierAnswerChangeSchema),
});

/** Why an answer was refused (details.reason of a 400), for the web to react on. */
export const dossierRefusalReasons = [
  'UNKNOWN_ITEM',
  'INVALID_VALUE',
  'INVALID_TIMELINE_LINK',
  'NO_ACTIVE_REVIEW',
  'NOT_A_NEWER_VERSION',
] as const;
export type DossierRefusalReason = (typeof dossierRefusalReasons)[number];

/** The body of a 409 on a stale answer: the answer on the server now (or null), and what was sent. */
export type DossierAnswerConflictDetails = {
  current: DossierAnswer | null;
  yours: z.infer<typeof dossierAnswerInputSchema>;
};
