// Request and response shapes of the synthesis board and its threads (rode draden): the board of
// a programme (its active codes as cards, each with the number of cases of the reader's teams
// coded with it, and the themes they are grouped into), every change to themes and to where a
// code sits, threads promoted from a theme or made directly, their edits (each a new version),
// superseding and withdrawing, and the version history. Evidence per thread has its own contract
// (evidence.ts). The landing page lists the reader's programmes with what they may open there.
import { z } from 'zod';

const version = z.number().int().min(1);
const title = z
  .string()
  .trim()
  .min(1, 'Geef de rode draad een titel')
  .max(200, 'Een titel mag hoogstens 200 tekens zijn');
const themeName = z
  .string()
  .trim()
  .min(1, 'Geef het thema een naam')
  .max(120, 'Een naam mag hoogstens 120 tekens zijn');
const description = z
  .string()
  .trim()
  .max(4000, 'Een beschrijving mag hoogstens 4000 tekens zijn')
  .default('');
const note = z
  .string()
  .trim()
  .max(500, 'Een toelichting mag hoogstens 500 tekens zijn')
  .default('');
const codeIds = z
  .array(z.uuid('Kies codes uit het codeboek'))
  .max(200, 'Een rode draad kan hoogstens 200 codes hebben')
  .refine((ids) => new Set(ids).size === ids.length, 'Elke code mag maar één keer voorkomen');

// ---- landing page ------------------------------------------------------------------------

export const synthesisProgrammeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  periodStart: z.string(),
  periodEnd: z.string().nullable(),
  /** What the reader may open in this programme (the same policy as the routes behind it). */
  abilities: z.object({
    read: z.boolean(),
    write: z.boolean(),
    report: z.boolean(),
    aggregates: z.boolean(),
    review: z.boolean(),
  }),
});
export type SynthesisProgramme = z.infer<typeof synthesisProgrammeSchema>;
export const synthesisProgrammesSchema = z.object({ items: z.array(synthesisProgrammeSchema) });

// ---- the board ---------------------------------------------------------------------------

export const boardCodeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  color: z.string(),
  parentId: z.uuid().nullable(),
  /** "Bovenliggende code / code" so two codes with one name can be told apart. */
  path: z.string(),
  /** Cases of the reader's teams with a segment of this code or one beneath it. */
  caseCount: z.number().int().min(0),
  /** The theme it sits in; null when not grouped yet. */
  themeId: z.uuid().nullable(),
  sortOrder: z.number().int(),
});
export type BoardCode = z.infer<typeof boardCodeSchema>;

export const themeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  sortOrder: z.number().int(),
  archived: z.boolean(),
  version: z.number().int(),
  /** The active codes in this theme, in board order. */
  codeIds: z.array(z.uuid()),
  /** Threads promoted from this theme. */
  threads: z.array(z.object({ id: z.uuid(), number: z.number().int(), status: z.string() })),
});
export type Theme = z.infer<typeof themeSchema>;

export const boardSchema = z.object({
  programmeId: z.uuid(),
  programmeName: z.string(),
  codes: z.array(boardCodeSchema),
  themes: z.array(themeSchema),
  abilities: z.object({ write: z.boolean() }),
});
export type Board = z.infer<typeof boardSchema>;

export const themeInputSchema = z.object({ name: themeName, description });
export const themeUpdateSchema = z.object({ name: themeName, description, version });
export const themeVersionSchema = z.object({ version });
export const themeMoveSchema = z.object({
  version,
  /** The new place among the active themes, counted from 0. */
  position: z.number().int().min(0).max(1000),
});
export const themeParamsSchema = z.object({ id: z.uuid(), themeId: z.uuid() });

/**
 * Puts a code into a theme (or back to "not grouped" with null). `fromThemeId` is where the
 * screen saw the code: when someone moved it since, the answer is 409 with where it is now.
 */
export const placementSchema = z.object({
  codeId: z.uuid('Kies een code uit het codeboek'),
  themeId: z.uuid('Kies een thema').nullable(),
  fromThemeId: z.uuid().nullable(),
  /** Place within the theme, counted from 0; at the end when left out. */
  position: z.number().int().min(0).max(10000).optional(),
});

// ---- threads -----------------------------------------------------------------------------

export const threadStatuses = ['active', 'superseded', 'withdrawn'] as const;
export type ThreadStatus = (typeof threadStatuses)[number];

export const threadRefSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  title: z.string(),
  status: z.enum(threadStatuses),
});
export type ThreadRef = z.infer<typeof threadRefSchema>;

export const threadCodeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  path: z.string(),
  color: z.string(),
  archived: z.boolean(),
});

export const threadSummarySchema = threadRefSchema.extend({
  codeCount: z.number().int(),
  supersededBy: threadRefSchema.nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ThreadSummary = z.infer<typeof threadSummarySchema>;

export const threadListQuerySchema = z.object({
  /** Active threads only (default), or all of them. */
  show: z.enum(['active', 'all']).default('active'),
});
export const threadListSchema = z.object({
  items: z.array(threadSummarySchema),
  /** How many are left out by the filter. */
  hidden: z.number().int(),
  abilities: z.object({ create: z.boolean() }),
});
export type ThreadList = z.infer<typeof threadListSchema>;

export const threadSchema = threadRefSchema.extend({
  programmeId: z.uuid(),
  description: z.string(),
  statusReason: z.string().nullable(),
  theme: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  codes: z.array(threadCodeSchema),
  /** The thread that took this one's place. */
  supersededBy: threadRefSchema.nullable(),
  /** The threads this one took the place of (two or more after a merge). */
  supersedes: z.array(threadRefSchema),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({ edit: z.boolean() }),
});
export type Thread = z.infer<typeof threadSchema>;

export const threadInputSchema = z.object({
  title,
  description,
  /** Codes of the programme's codebook; with `themeId`, the theme's codes are added. */
  codeIds: codeIds.default([]),
  /** Promote this theme: its codes become the thread's codes. */
  themeId: z.uuid().nullable().default(null),
  note,
});
export const threadUpdateSchema = z.object({ title, description, codeIds, version, note });
export const threadParamsSchema = z.object({ id: z.uuid(), threadId: z.uuid() });

/**
 * Supersede a thread: by an existing active thread of the programme (`byThreadId`), or by a new
 * one (`replacement`), which may also take the place of more threads at once (`mergeWith`).
 */
export const supersedeSchema = z
  .object({
    version,
    note,
    byThreadId: z.uuid('Kies een rode draad').nullable().default(null),
    replacement: z.object({ title, description, codeIds }).nullable().default(null),
    mergeWith: z
      .array(z.object({ threadId: z.uuid('Kies een rode draad'), version }))
      .max(20)
      .default([]),
  })
  .refine((s) => (s.byThreadId === null) !== (s.replacement === null), {
    message: 'Kies een bestaande rode draad óf beschrijf een nieuwe',
    path: ['byThreadId'],
  })
  .refine((s) => s.replacement !== null || s.mergeWith.length === 0, {
    message: 'Samenvoegen kan alleen tot een nieuwe rode draad',
    path: ['mergeWith'],
  });

export const withdrawSchema = z.object({
  version,
  reason: z
    .string()
    .trim()
    .min(1, 'Schrijf op waarom deze rode draad wordt ingetrokken')
    .max(1000, 'Een reden mag hoogstens 1000 tekens zijn'),
});

export const threadChanges = [
  'created',
  'promoted',
  'updated',
  'superseded',
  'supersedes',
  'withdrawn',
] as const;
export type ThreadChange = (typeof threadChanges)[number];

export const threadVersionFields = ['title', 'description', 'codes', 'status'] as const;

export const threadVersionSchema = z.object({
  version: z.number().int(),
  change: z.enum(threadChanges),
  title: z.string(),
  description: z.string(),
  status: z.enum(threadStatuses),
  statusReason: z.string().nullable(),
  codes: z.array(z.object({ id: z.uuid(), name: z.string() })),
  supersededBy: threadRefSchema.nullable(),
  note: z.string(),
  changedBy: z.string().nullable(),
  changedAt: z.string(),
  /** What differs from the version before (empty for the first). */
  changedFields: z.array(z.enum(threadVersionFields)),
  codesAdded: z.array(z.string()),
  codesRemoved: z.array(z.string()),
});
export type ThreadVersion = z.infer<typeof threadVersionSchema>;
export const threadVersionsSchema = z.object({ items: z.array(threadVersionSchema) });
