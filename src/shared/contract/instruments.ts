// Request and response shapes of instruments: versioned lists of items (a question, its help
// text and its answer type) grouped in sections. A dossier checklist and the domain set of the
// explanatory analysis are both instruments. The content schema is the one gate every draft,
// import and default passes through; item keys stay the same across versions, so answers given
// under different versions can be compared.
import { z } from 'zod';
import { timelineLanes } from '../domain/timeline';

export const instrumentKinds = ['dossier_checklist', 'analysis_domains'] as const;
export type InstrumentKind = (typeof instrumentKinds)[number];

export const instrumentVersionStatuses = ['draft', 'published'] as const;
export type InstrumentVersionStatus = (typeof instrumentVersionStatuses)[number];

/** Ja / deels / nee / onbekend / n.v.t. */
export const ynpuValues = ['yes', 'partly', 'no', 'unknown', 'not_applicable'] as const;
export type YnpuValue = (typeof ynpuValues)[number];

export const answerTypes = ['ynpu', 'number', 'date', 'choice', 'text'] as const;
export type AnswerTypeName = (typeof answerTypes)[number];

const keyPattern = /^[a-z][a-z0-9_]{0,59}$/;
export const itemKeySchema = z
  .string()
  .regex(
    keyPattern,
    'Een sleutel begint met een kleine letter en bevat alleen kleine letters, cijfers en _ (hoogstens 60 tekens)',
  );
export const instrumentCodeSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{1,59}$/,
    'Een code bevat alleen kleine letters, cijfers en - (2 tot 60 tekens)',
  );

const text = (max: number, empty: string, tooLong: string) =>
  z.string().trim().min(1, empty).max(max, tooLong);
const optionalText = (max: number, tooLong: string) =>
  z.string().trim().max(max, tooLong).optional();

export const choiceOptionSchema = z.object({
  code: itemKeySchema,
  label: text(200, 'Geef de keuze een tekst', 'Een keuze mag hoogstens 200 tekens zijn'),
});

export const answerTypeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ynpu') }),
  z
    .object({
      type: z.literal('number'),
      min: z.number().optional(),
      max: z.number().optional(),
      unit: optionalText(40, 'Een eenheid mag hoogstens 40 tekens zijn'),
      isInteger: z.boolean().default(false),
    })
    .refine((t) => t.min === undefined || t.max === undefined || t.min <= t.max, {
      message: 'Het minimum is groter dan het maximum',
      path: ['max'],
    }),
  z.object({ type: z.literal('date') }),
  z.object({
    type: z.literal('choice'),
    options: z
      .array(choiceOptionSchema)
      .min(2, 'Een keuzelijst heeft minstens twee keuzes')
      .max(50, 'Een keuzelijst heeft hoogstens 50 keuzes'),
    isMultiple: z.boolean().default(false),
  }),
  z.object({ type: z.literal('text') }),
]);
export type AnswerType = z.infer<typeof answerTypeSchema>;

export const instrumentItemSchema = z.object({
  key: itemKeySchema,
  question: text(500, 'Vul de vraag in', 'Een vraag mag hoogstens 500 tekens zijn'),
  help: z.string().trim().max(2000, 'De toelichting mag hoogstens 2000 tekens zijn').default(''),
  answer: answerTypeSchema,
  /** The guideline (Richtlijnen Jeugdhulp en Jeugdbescherming) the item checks against. */
  guideline: optionalText(200, 'De naam van de richtlijn mag hoogstens 200 tekens zijn'),
  /** The timeline lanes an answer typically links to ("this placement", "this diagnosis"). */
  timelineLanes: z.array(z.enum(timelineLanes)).max(timelineLanes.length).optional(),
});
export type InstrumentItem = z.infer<typeof instrumentItemSchema>;

export const instrumentSectionSchema = z.object({
  key: itemKeySchema,
  title: text(200, 'Geef het onderdeel een titel', 'Een titel mag hoogstens 200 tekens zijn'),
  description: optionalText(2000, 'De beschrijving mag hoogstens 2000 tekens zijn'),
  items: z
    .array(instrumentItemSchema)
    .min(1, 'Een onderdeel heeft minstens één vraag')
    .max(200, 'Een onderdeel heeft hoogstens 200 vragen'),
});
export type InstrumentSection = z.infer<typeof instrumentSectionSchema>;

/** What an instrument version holds. Keys are unique: sections among sections, items overall. */
export const instrumentContentSchema = z
  .object({
    title: text(200, 'Geef het instrument een titel', 'Een titel mag hoogstens 200 tekens zijn'),
    description: optionalText(4000, 'De beschrijving mag hoogstens 4000 tekens zijn'),
    sections: z
      .array(instrumentSectionSchema)
      .min(1, 'Een instrument heeft minstens één onderdeel')
      .max(50, 'Een instrument heeft hoogstens 50 onderdelen'),
  })
  .superRefine((content, ctx) => {
    const sectionKeys = new Set<string>();
    const itemKeys = new Set<string>();
    content.sections.forEach((section, s) => {
      if (sectionKeys.has(section.key))
        ctx.addIssue({
          code: 'custom',
          message: `De sleutel ${section.key} komt bij meer dan één onderdeel voor`,
          path: ['sections', s, 'key'],
        });
      sectionKeys.add(section.key);
      section.items.forEach((item, i) => {
        if (itemKeys.has(item.key))
          ctx.addIssue({
            code: 'custom',
            message: `De sleutel ${item.key} komt bij meer dan één vraag voor`,
            path: ['sections', s, 'items', i, 'key'],
          });
        itemKeys.add(item.key);
        if (item.answer.type === 'choice') {
          const codes = new Set<string>();
          item.answer.options.forEach((option, o) => {
            if (codes.has(option.code))
              ctx.addIssue({
                code: 'custom',
                message: `De keuze ${option.code} komt twee keer voor`,
                path: ['sections', s, 'items', i, 'answer', 'options', o, 'code'],
              });
            codes.add(option.code);
          });
        }
      });
    });
  });
export type InstrumentContent = z.infer<typeof instrumentContentSchema>;
export type InstrumentContentInput = z.input<typeof instrumentContentSchema>;

/** The JSON an instrument version is exported as, and imported from. */
export const instrumentDocumentSchema = z.object({
  format: z.literal('ketenlens-instrument', 'Dit is geen Ketenlens-instrument'),
  formatVersion: z.literal(1, 'Deze versie van het bestandsformaat wordt niet ondersteund'),
  code: instrumentCodeSchema,
  kind: z.enum(instrumentKinds, 'Kies dossier_checklist of analysis_domains'),
  /** The version number it was exported from (informative; an import becomes a new draft). */
  number: z.number().int().min(1).optional(),
  content: instrumentContentSchema,
});
export type InstrumentDocument = z.infer<typeof instrumentDocumentSchema>;

export const instrumentSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  kind: z.enum(instrumentKinds),
  /** The title of the latest published version (or of the draft when nothing is published). */
  title: z.string(),
  latestPublishedNumber: z.number().int().nullable(),
  latestPublishedVersionId: z.uuid().nullable(),
  draftNumber: z.number().int().nullable(),
});
export type InstrumentSummary = z.infer<typeof instrumentSummarySchema>;
export const instrumentListSchema = z.object({ items: z.array(instrumentSummarySchema) });

export const instrumentVersionSummarySchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: z.enum(instrumentVersionStatuses),
  title: z.string(),
  /** The optimistic-concurrency counter of a draft: an edit names the revision it started from. */
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
});

export const instrumentDetailSchema = instrumentSummarySchema.extend({
  versions: z.array(instrumentVersionSummarySchema),
  abilities: z.object({ manage: z.boolean() }),
});
export type InstrumentDetail = z.infer<typeof instrumentDetailSchema>;

export const instrumentVersionSchema = instrumentVersionSummarySchema.extend({
  instrumentId: z.uuid(),
  code: z.string(),
  kind: z.enum(instrumentKinds),
  content: instrumentContentSchema,
});
export type InstrumentVersion = z.infer<typeof instrumentVersionSchema>;

export const instrumentVersionParamsSchema = z.object({
  id: z.uuid(),
  number: z.coerce.number().int().min(1).max(100000),
});

export const draftUpdateSchema = z.object({
  content: instrumentContentSchema,
  /** The revision the editor started from: a newer one on the server is a conflict. */
  revision: z.number().int().min(1),
});
export type DraftUpdate = z.input<typeof draftUpdateSchema>;

export const publishInputSchema = z.object({ revision: z.number().int().min(1) });
export const revisionQuerySchema = z.object({ revision: z.coerce.number().int().min(1) });

/** The body of a 409 on a stale draft edit: the draft on the server now, and what was sent. */
export type DraftConflictDetails = {
  current: InstrumentVersion;
  yours: z.infer<typeof draftUpdateSchema>;
};
