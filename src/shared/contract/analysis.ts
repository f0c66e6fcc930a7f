// Request and response shapes of a case's explanatory analysis (verklarende analyse): factors in
// the domains of a versioned domain set, each a strength (protective) or a problem (risk);
// hypotheses linking factors to each other and to the problem ("because … therefore …"); and the
// working theory in dated versions, with an evaluation note and whether the youth and parents
// agreed, in their own words where they did not.
import { z } from 'zod';

export const factorKinds = ['strength', 'problem'] as const;
export type FactorKind = (typeof factorKinds)[number];

export const factorPerspectives = ['youth', 'parent', 'professional', 'dossier'] as const;
export type FactorPerspective = (typeof factorPerspectives)[number];

/** Whether the youth or the parents agreed with a version of the working theory. */
export const agreementViews = ['agreed', 'partly', 'disagreed', 'not_asked'] as const;
export type AgreementView = (typeof agreementViews)[number];

const version = z.number().int().min(1);
const text = (min: number, max: number, empty: string, tooLong: string) =>
  z.string().trim().min(min, empty).max(max, tooLong);
const optionalText = (max: number, tooLong: string) => z.string().trim().max(max, tooLong);

export const analysisStartSchema = z.object({
  /** A published version of a domain set; the newest default domain set when left out. */
  domainVersionId: z.uuid().optional(),
  problemStatement: text(
    1,
    2000,
    'Beschrijf het probleem dat de analyse verklaart',
    'Hoogstens 2000 tekens',
  ),
});

export const analysisUpdateSchema = z.object({
  problemStatement: analysisStartSchema.shape.problemStatement,
  version,
});

export const factorInputSchema = z.object({
  domainKey: z.string().min(1, 'Kies een domein').max(60),
  kind: z.enum(factorKinds, 'Kies: kracht of probleem'),
  title: text(1, 200, 'Geef de factor een korte naam', 'Hoogstens 200 tekens'),
  description: optionalText(2000, 'Hoogstens 2000 tekens').default(''),
  perspective: z.enum(factorPerspectives, 'Kies vanuit wiens perspectief'),
});
export const factorUpdateSchema = factorInputSchema.extend({ version });

export const hypothesisInputSchema = z
  .object({
    /** Because of these factors … */
    causeIds: z
      .array(z.uuid())
      .min(1, 'Kies minstens één factor als oorzaak')
      .max(20, 'Hoogstens 20 factoren'),
    /** … therefore this factor, or (when null) the problem the analysis explains. */
    effectFactorId: z.uuid().nullable(),
    explanation: text(1, 2000, 'Leg het verband uit in een paar zinnen', 'Hoogstens 2000 tekens'),
  })
  .refine((h) => new Set(h.causeIds).size === h.causeIds.length, {
    message: 'Een factor staat twee keer bij de oorzaken',
    path: ['causeIds'],
  })
  .refine((h) => h.effectFactorId === null || !h.causeIds.includes(h.effectFactorId), {
    message: 'Een factor kan niet zijn eigen gevolg zijn',
    path: ['effectFactorId'],
  });
export const hypothesisUpdateSchema = z.intersection(hypothesisInputSchema, z.object({ version }));

const viewWords = (view: AgreementView, words: string) =>
  !(view === 'partly' || view === 'disagreed') || words.trim().length > 0;

export const theoryInputSchema = z
  .object({
    dated: z.iso.date('Vul een datum in als jjjj-mm-dd'),
    text: text(1, 8000, 'Schrijf de werkhypothese op', 'Hoogstens 8000 tekens'),
    evaluation: optionalText(4000, 'Hoogstens 4000 tekens').default(''),
    youthView: z.enum(agreementViews).default('not_asked'),
    youthWords: optionalText(2000, 'Hoogstens 2000 tekens').default(''),
    parentView: z.enum(agreementViews).default('not_asked'),
    parentWords: optionalText(2000, 'Hoogstens 2000 tekens').default(''),
  })
  .refine((t) => viewWords(t.youthView, t.youthWords), {
    message: 'Schrijf in de eigen woorden van de jongere op waar die het niet mee eens is',
    path: ['youthWords'],
  })
  .refine((t) => viewWords(t.parentView, t.parentWords), {
    message: 'Schrijf in de eigen woorden van de ouders op waar zij het niet mee eens zijn',
    path: ['parentWords'],
  });
export const theoryUpdateSchema = z.intersection(theoryInputSchema, z.object({ version }));

export const factorSchema = z.object({
  id: z.uuid(),
  domainKey: z.string(),
  kind: z.enum(factorKinds),
  title: z.string(),
  description: z.string(),
  perspective: z.enum(factorPerspectives),
  version: z.number().int(),
});
export type Factor = z.infer<typeof factorSchema>;

export const hypothesisSchema = z.object({
  id: z.uuid(),
  causeIds: z.array(z.uuid()),
  effectFactorId: z.uuid().nullable(),
  explanation: z.string(),
  version: z.number().int(),
});
export type Hypothesis = z.infer<typeof hypothesisSchema>;

export const theorySchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  dated: z.string(),
  text: z.string(),
  evaluation: z.string(),
  youthView: z.enum(agreementViews),
  youthWords: z.string(),
  parentView: z.enum(agreementViews),
  parentWords: z.string(),
  authorName: z.string(),
  version: z.number().int(),
});
export type Theory = z.infer<typeof theorySchema>;

export const analysisSchema = z.object({
  caseId: z.uuid(),
  caseCode: z.string(),
  /** Null until the analysis is started. */
  analysis: z
    .object({
      problemStatement: z.string(),
      version: z.number().int(),
      domainSet: z.object({
        versionId: z.uuid(),
        number: z.number().int(),
        title: z.string(),
        domains: z.array(
          z.object({ key: z.string(), title: z.string(), description: z.string().nullable() }),
        ),
      }),
      factors: z.array(factorSchema),
      hypotheses: z.array(hypothesisSchema),
      theories: z.array(theorySchema),
    })
    .nullable(),
  abilities: z.object({ edit: z.boolean() }),
});
export type Analysis = z.infer<typeof analysisSchema>;

export const analysisChildParamsSchema = z.object({ id: z.uuid(), childId: z.uuid() });
export const versionQuerySchema = z.object({ version: z.coerce.number().int().min(1) });

export const theoryCompareQuerySchema = z.object({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});

export const theoryComparisonSchema = z.object({
  from: theorySchema,
  to: theorySchema,
  /** A word-level comparison of the two texts, in order. */
  changes: z.array(z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() })),
});

export const analysisHistorySchema = z.object({
  items: z.array(
    z.object({
      entity: z.enum(['analysis', 'factor', 'hypothesis', 'theory']),
      entityId: z.uuid(),
      change: z.enum(['created', 'updated', 'deleted']),
      at: z.string(),
      by: z.string(),
      fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
    }),
  ),
});
