// Request and response shapes of a case's timeline: items (events and periods in lanes, with
// fuzzy dates), comments from each perspective, the change history and the derived indicators.
import { z } from 'zod';
import {
  categoryLists,
  categoryMarkers,
  perspectives,
  seasons,
  timelineKinds,
  timelineLanes,
  valences,
  type FuzzyDate,
} from '../domain/timeline';

const year = z
  .number()
  .int()
  .min(1950, 'Kies een jaar na 1950')
  .max(2100, 'Dit jaar kan niet kloppen');

export const fuzzyDateSchema: z.ZodType<FuzzyDate> = z.discriminatedUnion('precision', [
  z.object({
    precision: z.literal('day'),
    date: z.iso.date('Vul een datum in als jjjj-mm-dd'),
  }),
  z.object({
    precision: z.literal('month'),
    year,
    month: z.number().int().min(1, 'Kies een maand').max(12, 'Kies een maand'),
  }),
  z.object({ precision: z.literal('season'), year, season: z.enum(seasons) }),
  z.object({ precision: z.literal('year'), year }),
  z.object({
    precision: z.literal('age'),
    age: z.number().int().min(0, 'Een leeftijd is 0 of meer').max(30, 'Kies een leeftijd tot 30'),
  }),
]);

export const dayRangeSchema = z.object({ earliest: z.string(), latest: z.string() });

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v));

export const timelineItemInputSchema = z.object({
  kind: z.enum(timelineKinds),
  lane: z.enum(timelineLanes, 'Kies een rij van de tijdlijn'),
  title: z
    .string()
    .trim()
    .min(1, 'Geef de gebeurtenis een korte titel')
    .max(200, 'De titel mag hoogstens 200 tekens zijn'),
  description: z
    .string()
    .trim()
    .max(4000, 'De toelichting mag hoogstens 4000 tekens zijn')
    .default(''),
  start: fuzzyDateSchema,
  /** Only for a period; null means it is still going on. */
  end: fuzzyDateSchema.nullable().default(null),
  valence: z.enum(valences).default('neutral'),
  source: z.enum(perspectives),
  /** Who told it, when it is a participant of the case. */
  sourceParticipantId: z.uuid().nullable().default(null),
  categoryCode: optionalText(40, 'Kies een soort uit de lijst'),
  /** The pseudonymous setting, school, provider or person ("pleeggezin B"): never a real name. */
  reference: optionalText(80, 'De omschrijving mag hoogstens 80 tekens zijn'),
  waitingDays: z.number().int().min(0).max(3650).nullable().default(null),
  isSignal: z.boolean().default(false),
  revisesItemId: z.uuid().nullable().default(null),
});
export type TimelineItemInput = z.input<typeof timelineItemInputSchema>;

export const timelineItemUpdateSchema = timelineItemInputSchema.extend({
  /** The version the editor started from: a newer version on the server is a conflict. */
  version: z.number().int().min(1),
});

export const timelineCommentSchema = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  perspective: z.enum(perspectives),
  participantId: z.uuid().nullable(),
  participantLabel: z.string().nullable(),
  text: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
});
export const timelineCommentInputSchema = z.object({
  perspective: z.enum(perspectives),
  participantId: z.uuid().nullable().default(null),
  text: z
    .string()
    .trim()
    .min(1, 'Schrijf een reactie')
    .max(2000, 'Een reactie mag hoogstens 2000 tekens zijn'),
});

export const timelineItemSchema = z.object({
  id: z.uuid(),
  kind: z.enum(timelineKinds),
  lane: z.enum(timelineLanes),
  title: z.string(),
  description: z.string(),
  start: fuzzyDateSchema,
  end: fuzzyDateSchema.nullable(),
  startRange: dayRangeSchema,
  endRange: dayRangeSchema.nullable(),
  valence: z.enum(valences),
  source: z.enum(perspectives),
  sourceParticipantId: z.uuid().nullable(),
  categoryCode: z.string().nullable(),
  reference: z.string().nullable(),
  waitingDays: z.number().int().nullable(),
  isSignal: z.boolean(),
  revisesItemId: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  comments: z.array(timelineCommentSchema),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export const caseIndicatorsSchema = z.object({
  placements: z.number().int(),
  placementChanges: z.number().int(),
  schoolChanges: z.number().int(),
  monthsWithoutSchool: z.number(),
  careProviders: z.number().int(),
  ageAtFirstSignal: z.number().nullable(),
  ageAtFirstSpecialistHelp: z.number().nullable(),
  earlySignalGap: z.number().nullable(),
  diagnosesRevised: z.number().int(),
});

export const timelineSchema = z.object({
  caseId: z.uuid(),
  caseCode: z.string(),
  birthYear: z.number().int(),
  /** In time order (earliest possible start, then latest possible start, then creation). */
  items: z.array(timelineItemSchema),
  indicators: caseIndicatorsSchema,
  abilities: z.object({ contribute: z.boolean(), edit: z.boolean() }),
});
export type Timeline = z.infer<typeof timelineSchema>;

export const timelineItemParamsSchema = z.object({ id: z.uuid(), itemId: z.uuid() });
export const versionQuerySchema = z.object({ version: z.coerce.number().int().min(1) });

export const timelineChangeSchema = z.object({
  version: z.number().int(),
  change: z.enum(['created', 'updated', 'deleted', 'removed']),
  at: z.string(),
  by: z.string(),
  fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export const timelineHistorySchema = z.object({
  itemId: z.uuid(),
  changes: z.array(timelineChangeSchema),
});

/** The body of a 409 on a stale edit: what the server has now, and what was sent. */
export type TimelineConflictDetails = {
  current: TimelineItem;
  yours: z.infer<typeof timelineItemUpdateSchema>;
};

export const timelineCategorySchema = z.object({
  list: z.enum(Object.keys(categoryLists) as [keyof typeof categoryLists]),
  code: z.string(),
  label: z.string(),
  marker: z.enum(categoryMarkers).nullable(),
  /** Archived: still the label of records that use it, but no longer offered for a choice. */
  isArchived: z.boolean().optional(),
});
export const caseReferenceSchema = z.object({
  institutionTypes: z.array(
    z.object({ code: z.string(), label: z.string(), isArchived: z.boolean().optional() }),
  ),
  timelineCategories: z.array(timelineCategorySchema),
});
export type CaseReference = z.infer<typeof caseReferenceSchema>;
