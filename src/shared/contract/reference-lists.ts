// The reference lists an administrator edits: the institution types chosen at inclusion and the
// four category lists of the timeline. A code is a stable identifier (records store it, reports
// count by it) and never changes; the label, the order, the marker and archiving may.
import { z } from 'zod';
import { categoryMarkers, type CategoryList, type CategoryMarker } from '../domain/timeline';

export const referenceListNames = [
  'institution_type',
  'setting_type',
  'school_type',
  'care_type',
  'justice_measure',
] as const;
export type ReferenceListName = (typeof referenceListNames)[number];

export function isCategoryList(list: ReferenceListName): list is CategoryList {
  return list !== 'institution_type';
}

/**
 * The markers an entry of each list may carry. A marker counts in the indicators of one lane
 * only (out_of_home in living, no_school in school, specialist in care), so elsewhere it would
 * mean nothing.
 */
export const markersByList: Record<ReferenceListName, readonly CategoryMarker[]> = {
  institution_type: [],
  setting_type: ['out_of_home'],
  school_type: ['no_school'],
  care_type: ['specialist'],
  justice_measure: [],
};

export const referenceCodePattern = /^[a-z][a-z0-9_]{1,39}$/;

export const referenceCodeSchema = z
  .string()
  .regex(
    referenceCodePattern,
    'Gebruik kleine letters, cijfers en _ (2 tot 40 tekens), te beginnen met een letter',
  );
export const referenceLabelSchema = z
  .string()
  .trim()
  .min(1, 'Vul een naam in')
  .max(120, 'Gebruik hoogstens 120 tekens');
const markerSchema = z.enum(categoryMarkers).nullable();

export const referenceListParamsSchema = z.object({ list: z.enum(referenceListNames) });
/** An unknown code is a 404, whatever it looks like: the pattern is only checked on adding. */
export const referenceEntryParamsSchema = referenceListParamsSchema.extend({
  code: z.string().min(1).max(40),
});

export const referenceEntryInputSchema = z.object({
  code: referenceCodeSchema,
  label: referenceLabelSchema,
  marker: markerSchema.default(null),
});
export type ReferenceEntryInput = z.input<typeof referenceEntryInputSchema>;

/** Replaces the editable fields; `marker` is always sent, so an edit never drops it by accident. */
export const referenceEntryUpdateSchema = z.object({
  label: referenceLabelSchema,
  marker: markerSchema,
});
export type ReferenceEntryUpdate = z.input<typeof referenceEntryUpdateSchema>;

export const referenceArchiveSchema = z.object({ isArchived: z.boolean() });

/** The full order of a list: every code of the list (archived ones too), each once. */
export const referenceOrderSchema = z.object({
  codes: z
    .array(z.string().min(1).max(40))
    .min(1)
    .max(500)
    .refine(
      (codes) => new Set(codes).size === codes.length,
      'Elke code mag maar één keer voorkomen',
    ),
});
export type ReferenceOrder = z.input<typeof referenceOrderSchema>;

export const referenceEntrySchema = z.object({
  code: z.string(),
  label: z.string(),
  marker: markerSchema,
  isArchived: z.boolean(),
  /** Cases that use the entry: institution type of the case, or a live timeline item. */
  caseCount: z.number().int(),
  /** Live timeline items with this category; null for institution types. */
  itemCount: z.number().int().nullable(),
});
export type ReferenceEntry = z.infer<typeof referenceEntrySchema>;

export const referenceListSchema = z.object({
  list: z.enum(referenceListNames),
  markers: z.array(z.enum(categoryMarkers)),
  /** In the order the pickers show them. */
  entries: z.array(referenceEntrySchema),
});
export type ReferenceList = z.infer<typeof referenceListSchema>;

export const referenceListsSchema = z.object({ lists: z.array(referenceListSchema) });
export type ReferenceLists = z.infer<typeof referenceListsSchema>;
