// Access-table monitoring (Team Toegang, Regionaal Expertteam): the tables of a region and their
// members, the register of cases discussed there (a table reference only, never a name), its
// import from CSV/XLSX, the two editable lists, and the quarterly report with suppressed cells.
import { z } from 'zod';
import { isoDateSchema, listResponseSchema, nameSchema } from './common';

export const accessTableKinds = ['team_toegang', 'regional_expert_team', 'other'] as const;
export type AccessTableKind = (typeof accessTableKinds)[number];

export const ageBands = ['0-5', '6-11', '12-15', '16-17', '18-23'] as const;
export type AgeBand = (typeof ageBands)[number];

export const informationLevels = ['yes', 'partly', 'no'] as const;
export type InformationLevel = (typeof informationLevels)[number];

export const accessOutcomes = ['fitting_help', 'no_fitting_offer', 'waiting', 'other'] as const;
export type AccessOutcome = (typeof accessOutcomes)[number];

export const monitoringListNames = ['problem_area', 'question_type'] as const;
export type MonitoringListName = (typeof monitoringListNames)[number];

/**
 * A table reference: the number the table itself uses, never a name. Letters, digits and
 * - _ / . only, at most 20 characters, with at least one digit (a name has none).
 */
export const tableReferencePattern = /^(?=.*\d)[A-Za-z0-9][A-Za-z0-9\-_/.]{0,19}$/;
export const tableReferenceMessage =
  'Gebruik een korte verwijzing van de tafel (bijv. TT-2026-014): letters, cijfers en - _ / ., hoogstens 20 tekens en minstens één cijfer. Geen namen.';
export const tableReferenceSchema = z
  .string()
  .trim()
  .regex(tableReferencePattern, tableReferenceMessage);

export const quarterPattern = /^(\d{4})-Q([1-4])$/;
export const quarterSchema = z.string().regex(quarterPattern, 'Kies een kwartaal als 2026-Q1');

const shortText = (max: number) => z.string().trim().max(max, `Gebruik hoogstens ${max} tekens`);

const registrationFieldsSchema = z.object({
  tableId: z.uuid('Kies een tafel'),
  discussedOn: isoDateSchema,
  reference: tableReferenceSchema,
  referringTeam: z.string().trim().min(1, 'Vul het verwijzende gebiedsteam in').max(120),
  ageBand: z.enum(ageBands),
  problemAreas: z
    .array(z.string().min(1).max(40))
    .min(1, 'Kies minstens één probleemgebied')
    .max(12)
    .refine((codes) => new Set(codes).size === codes.length, 'Elk probleemgebied één keer'),
  questionType: z.string().min(1, 'Kies een soort vraag').max(40),
  informationSufficient: z.enum(informationLevels),
  informationMissing: shortText(500).default(''),
  outcome: z.enum(accessOutcomes),
  missingHelp: shortText(300).default(''),
  daysWaiting: z
    .number('Vul het aantal wachtdagen in')
    .int('Gebruik een heel aantal dagen')
    .min(0, 'Het aantal wachtdagen kan niet negatief zijn')
    .max(3650, 'Hoogstens 3650 dagen'),
  hasExplanatoryAnalysis: z.boolean(),
  bottlenecks: shortText(2000).default(''),
});

/** What depends on another answer: what was missing, and which help does not exist. */
function refineRegistration(
  value: {
    informationSufficient: string;
    informationMissing: string;
    outcome: string;
    missingHelp: string;
  },
  ctx: z.RefinementCtx,
) {
  if (value.informationSufficient !== 'yes' && value.informationMissing.length === 0)
    ctx.addIssue({
      code: 'custom',
      path: ['informationMissing'],
      message: 'Vul in welke informatie ontbrak',
    });
  if (value.outcome === 'no_fitting_offer' && value.missingHelp.length === 0)
    ctx.addIssue({
      code: 'custom',
      path: ['missingHelp'],
      message: 'Vul in welke hulp er niet is',
    });
}

export const registrationInputSchema = registrationFieldsSchema.superRefine(refineRegistration);
export type RegistrationInput = z.input<typeof registrationInputSchema>;

export const registrationUpdateSchema = registrationFieldsSchema
  .extend({ version: z.number().int().min(1) })
  .superRefine(refineRegistration);
export type RegistrationUpdate = z.input<typeof registrationUpdateSchema>;

export const registrationSchema = registrationFieldsSchema.extend({
  id: z.uuid(),
  regionCode: z.string(),
  tableName: z.string(),
  informationMissing: z.string(),
  missingHelp: z.string(),
  bottlenecks: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Registration = z.infer<typeof registrationSchema>;

export const regionParamsSchema = z.object({ id: z.string().min(1).max(20) });
export const registrationParamsSchema = regionParamsSchema.extend({
  registrationId: z.uuid(),
});
export const versionQuerySchema = z.object({ version: z.coerce.number().int().min(1) });

export const registrationListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  tableId: z.uuid().optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  outcome: z.enum(accessOutcomes).optional(),
  problemArea: z.string().min(1).max(40).optional(),
  questionType: z.string().min(1).max(40).optional(),
});
export type RegistrationListQuery = z.input<typeof registrationListQuerySchema>;

export const registrationListSchema = listResponseSchema(registrationSchema).extend({
  abilities: z.object({ create: z.boolean() }),
});
export type RegistrationList = z.infer<typeof registrationListSchema>;

// ---- Access tables (administrators) ----

export const accessTableMemberSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
});

export const accessTableSchema = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  kind: z.enum(accessTableKinds),
  smallCellThreshold: z.number().int(),
  isArchived: z.boolean(),
  version: z.number().int(),
  members: z.array(accessTableMemberSchema),
});
export type AccessTable = z.infer<typeof accessTableSchema>;

export const accessTableListSchema = z.object({ items: z.array(accessTableSchema) });

export const accessTableInputSchema = z.object({
  regionCode: z.string().min(1, 'Kies een regio').max(20),
  name: nameSchema,
  kind: z.enum(accessTableKinds),
  smallCellThreshold: z
    .number()
    .int()
    .min(2, 'Kies een drempel van minstens 2')
    .max(100, 'Kies een drempel van hoogstens 100')
    .default(5),
});
export type AccessTableInput = z.input<typeof accessTableInputSchema>;

export const accessTableUpdateSchema = accessTableInputSchema
  .omit({ regionCode: true })
  .extend({ isArchived: z.boolean(), version: z.number().int().min(1) });
export type AccessTableUpdate = z.input<typeof accessTableUpdateSchema>;

export const accessTableMemberInputSchema = z.object({ userId: z.uuid('Kies een gebruiker') });
export const accessTableMemberParamsSchema = z.object({ id: z.uuid(), userId: z.uuid() });

// ---- Regions as a member or reader sees them ----

export const accessRegionSchema = z.object({
  code: z.string(),
  name: z.string(),
  tables: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      kind: z.enum(accessTableKinds),
      isArchived: z.boolean(),
    }),
  ),
  abilities: z.object({ register: z.boolean(), report: z.boolean() }),
});
export type AccessRegion = z.infer<typeof accessRegionSchema>;
export const accessRegionListSchema = z.object({
  items: z.array(accessRegionSchema),
  abilities: z.object({ manage: z.boolean() }),
});
export type AccessRegionList = z.infer<typeof accessRegionListSchema>;

// ---- The editable lists ----

export const monitoringEntrySchema = z.object({
  code: z.string(),
  label: z.string(),
  isArchived: z.boolean(),
});
export type MonitoringEntry = z.infer<typeof monitoringEntrySchema>;
export const monitoringListsSchema = z.object({
  lists: z.array(
    z.object({ list: z.enum(monitoringListNames), entries: z.array(monitoringEntrySchema) }),
  ),
  abilities: z.object({ manage: z.boolean() }),
});
export type MonitoringLists = z.infer<typeof monitoringListsSchema>;
export const monitoringListParamsSchema = z.object({ id: z.enum(monitoringListNames) });
export const monitoringEntryParamsSchema = monitoringListParamsSchema.extend({
  code: z.string().min(1).max(40),
});
export const monitoringEntryInputSchema = z.object({
  code: z
    .string()
    .regex(
      /^[a-z][a-z0-9_]{1,39}$/,
      'Gebruik kleine letters, cijfers en _ (2 tot 40 tekens), te beginnen met een letter',
    ),
  label: z.string().trim().min(1, 'Vul een naam in').max(120),
});
export const monitoringEntryUpdateSchema = z.object({
  label: z.string().trim().min(1, 'Vul een naam in').max(120),
  isArchived: z.boolean(),
});
export const monitoringOrderSchema = z.object({
  codes: z
    .array(z.string().min(1).max(40))
    .min(1)
    .max(200)
    .refine((c) => new Set(c).size === c.length, 'Elke code mag maar één keer voorkomen'),
});

// ---- Import ----

/** The fields a column of an imported file can map to. */
export const importFields = [
  'tableName',
  'discussedOn',
  'reference',
  'referringTeam',
  'ageBand',
  'problemAreas',
  'questionType',
  'informationSufficient',
  'informationMissing',
  'outcome',
  'missingHelp',
  'daysWaiting',
  'hasExplanatoryAnalysis',
  'bottlenecks',
] as const;
export type ImportField = (typeof importFields)[number];
export const requiredImportFields: readonly ImportField[] = [
  'discussedOn',
  'reference',
  'referringTeam',
  'ageBand',
  'problemAreas',
  'questionType',
  'informationSufficient',
  'outcome',
  'daysWaiting',
  'hasExplanatoryAnalysis',
];

export const importLimits = { bytes: 2 * 1024 * 1024, rows: 5000, minutes: 30 } as const;

/** Which column (0-based) holds each field; null when the file has none. */
export const importMappingSchema = z.partialRecord(
  z.enum(importFields),
  z.number().int().min(0).max(200).nullable(),
);
export type ImportMapping = z.infer<typeof importMappingSchema>;

export const importParamsSchema = regionParamsSchema.extend({ importId: z.uuid() });

export const importUploadSchema = z.object({
  importId: z.uuid(),
  fileName: z.string(),
  headers: z.array(z.string()),
  preview: z.array(z.array(z.string())),
  rowCount: z.number().int(),
  mapping: importMappingSchema,
  expiresAt: z.string(),
});
export type ImportUpload = z.infer<typeof importUploadSchema>;

export const importRowErrorSchema = z.object({
  /** The row number as a spreadsheet shows it (the header is row 1). */
  row: z.number().int(),
  /** The column header as in the file, or the field when the file has no such column. */
  column: z.string(),
  field: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const importCheckInputSchema = z.object({
  mapping: importMappingSchema,
  /** When the table column is missing, every row goes to this table. */
  defaultTableId: z.uuid().nullable().default(null),
});
export const importCommitInputSchema = importCheckInputSchema.extend({
  skipInvalidRows: z.boolean().default(false),
});
export type ImportCommitInput = z.input<typeof importCommitInputSchema>;

export const importCheckSchema = z.object({
  rowCount: z.number().int(),
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  errors: z.array(importRowErrorSchema),
});
export type ImportCheck = z.infer<typeof importCheckSchema>;

export const importResultSchema = z.object({
  imported: z.number().int(),
  skipped: z.number().int(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

// ---- The quarterly report ----

export const reportQuerySchema = z.object({
  quarter: quarterSchema,
  tableId: z.uuid().optional(),
  lang: z.enum(['nl', 'en']).default('nl'),
});
export type ReportQuery = z.input<typeof reportQuerySchema>;

export const reportCellSchema = z.object({
  value: z.number().int().nullable(),
  suppressed: z.enum(['primary', 'secondary']).nullable(),
});
export type ReportCell = z.infer<typeof reportCellSchema>;

const crossTableSchema = z.object({
  rows: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      cells: z.array(reportCellSchema),
      total: reportCellSchema,
    }),
  ),
  /** Per column; empty where the table has no column totals (the trend over quarters). */
  totals: z.array(reportCellSchema),
  total: reportCellSchema.nullable(),
});
export type CrossTable = z.infer<typeof crossTableSchema>;

const textCountSchema = z.object({ text: z.string(), count: reportCellSchema });

export const quarterlyReportSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  tableName: z.string().nullable(),
  quarter: z.string(),
  from: z.string(),
  to: z.string(),
  threshold: z.number().int(),
  registrations: reportCellSchema,
  /** This quarter and the seven before it, oldest first, by outcome. */
  trend: crossTableSchema,
  byProblemArea: crossTableSchema,
  byQuestionType: crossTableSchema,
  information: z.object({
    cells: z.array(z.object({ level: z.enum(informationLevels), count: reportCellSchema })),
    /** Share (0–100, one decimal) of registrations with partly or no sufficient information. */
    insufficientShare: z.number().nullable(),
  }),
  waiting: z
    .object({
      count: z.number().int(),
      median: z.number(),
      q1: z.number(),
      q3: z.number(),
      min: z.number(),
      max: z.number(),
    })
    .nullable(),
  explanatoryAnalysis: z.object({ present: reportCellSchema, absent: reportCellSchema }),
  bottlenecks: z.array(textCountSchema),
  missingHelp: z.array(textCountSchema),
});
export type QuarterlyReport = z.infer<typeof quarterlyReportSchema>;
