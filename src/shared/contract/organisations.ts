// Request and response shapes of the organisation layer, shared by server and web.
import { z } from 'zod';
import { isoDateSchema, listQuerySchema, listResponseSchema, nameSchema } from './common';

export const organisationTypes = [
  'care_provider',
  'municipality',
  'school',
  'knowledge_institute',
  'other',
] as const;
export type OrganisationType = (typeof organisationTypes)[number];

export const teamRoleLabels = [
  'kwaliteitsmedewerker',
  'consulent',
  'gedragswetenschapper',
  'action_learner',
  'ervaringsdeskundige',
  'other',
] as const;
export type TeamRoleLabel = (typeof teamRoleLabels)[number];

export const stakeholderGroupSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, 'Gebruik kleine letters, cijfers en _ (2 tot 40 tekens)'),
  label: nameSchema,
});
export type StakeholderGroup = z.infer<typeof stakeholderGroupSchema>;

/** The five groups of the "Betrek mij gewoon!" infographic, plus education. */
export const defaultStakeholderGroups: StakeholderGroup[] = [
  { code: 'ervaringsdeskundigen', label: 'Ervaringsdeskundigen' },
  { code: 'professionals', label: 'Professionals' },
  { code: 'zorgaanbieders_branches', label: 'Zorgaanbieders en branches' },
  { code: 'gemeenten', label: 'Gemeenten' },
  { code: 'opleiders', label: 'Opleiders' },
  { code: 'onderwijs', label: 'Onderwijs' },
];

const abilitiesSchema = z.object({ update: z.boolean(), archive: z.boolean() });

// Regions and municipalities (reference data, read only)
export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  municipalityCount: z.number().int(),
});
export type Region = z.infer<typeof regionSchema>;
export const regionListQuerySchema = listQuerySchema(['name', '-name', 'code', '-code']);
export const regionListSchema = listResponseSchema(regionSchema);

export const municipalitySchema = z.object({
  code: z.string(),
  gmCode: z.string(),
  name: z.string(),
  province: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
});
export type Municipality = z.infer<typeof municipalitySchema>;
export const municipalityListQuerySchema = listQuerySchema([
  'name',
  '-name',
  'code',
  '-code',
]).extend({
  region: z
    .string()
    .regex(/^JZ\d{2}$/)
    .optional(),
});
export const municipalityListSchema = listResponseSchema(municipalitySchema);

// Organisations
export const organisationInputSchema = z.object({
  name: nameSchema,
  type: z.enum(organisationTypes),
  municipalityCode: z
    .string()
    .regex(/^\d{4}$/)
    .nullable()
    .default(null),
});
export const organisationUpdateSchema = organisationInputSchema.extend({
  version: z.number().int(),
});
export const organisationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(organisationTypes),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  version: z.number().int(),
  archivedAt: z.string().nullable(),
  abilities: abilitiesSchema,
});
export type Organisation = z.infer<typeof organisationSchema>;
export const organisationListQuerySchema = listQuerySchema([
  'name',
  '-name',
  'type',
  'created',
  '-created',
]).extend({
  type: z.enum(organisationTypes).optional(),
});
export const organisationListSchema = listResponseSchema(organisationSchema);

// Programmes
const programmeFields = z.object({
  name: nameSchema,
  periodStart: isoDateSchema,
  periodEnd: isoDateSchema.nullable().default(null),
  learningGoals: z.string().trim().max(10000).default(''),
  stakeholderGroups: z
    .array(stakeholderGroupSchema)
    .min(1, 'Kies minstens één stakeholdergroep')
    .max(30)
    .default(defaultStakeholderGroups),
  smallCellThreshold: z.number().int().min(1).max(100).default(5),
});
function checkProgramme<
  T extends {
    periodStart: string;
    periodEnd: string | null;
    stakeholderGroups: StakeholderGroup[];
  },
>(value: T, ctx: z.RefinementCtx) {
  if (value.periodEnd !== null && value.periodEnd < value.periodStart) {
    ctx.addIssue({
      code: 'custom',
      path: ['periodEnd'],
      message: 'De einddatum ligt vóór de begindatum',
    });
  }
  const seen = new Set<string>();
  value.stakeholderGroups.forEach((group, index) => {
    if (seen.has(group.code)) {
      ctx.addIssue({
        code: 'custom',
        path: ['stakeholderGroups', index, 'code'],
        message: 'Deze code komt twee keer voor',
      });
    }
    seen.add(group.code);
  });
}
export const programmeInputSchema = programmeFields.superRefine(checkProgramme);
export const programmeUpdateSchema = programmeFields
  .extend({ version: z.number().int() })
  .superRefine(checkProgramme);
export const programmeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  periodStart: z.string(),
  periodEnd: z.string().nullable(),
  learningGoals: z.string(),
  stakeholderGroups: z.array(stakeholderGroupSchema),
  smallCellThreshold: z.number().int(),
  teamCount: z.number().int(),
  version: z.number().int(),
  archivedAt: z.string().nullable(),
  abilities: abilitiesSchema,
});
export type Programme = z.infer<typeof programmeSchema>;
export const programmeListQuerySchema = listQuerySchema(['name', '-name', 'start', '-start']);
export const programmeListSchema = listResponseSchema(programmeSchema);

// Teams
export const teamInputSchema = z.object({
  name: nameSchema,
  programmeId: z.uuid(),
  municipalityCode: z.string().regex(/^\d{4}$/, 'Kies een gemeente'),
  plannedSessions: z.number().int().min(0).max(1000).default(0),
});
export const teamUpdateSchema = teamInputSchema.extend({ version: z.number().int() });
export const teamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  programmeId: z.uuid(),
  programmeName: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  plannedSessions: z.number().int(),
  memberCount: z.number().int(),
  version: z.number().int(),
  archivedAt: z.string().nullable(),
  abilities: abilitiesSchema,
});
export type Team = z.infer<typeof teamSchema>;
export const teamListQuerySchema = listQuerySchema([
  'name',
  '-name',
  'municipality',
  'created',
  '-created',
]).extend({
  programmeId: z.uuid().optional(),
  /** 'me': only the teams the logged-in user is a member of (e.g. to open a case in). */
  member: z.literal('me').optional(),
});
export const teamListSchema = listResponseSchema(teamSchema);

export const teamMemberInputSchema = z.object({
  userId: z.uuid(),
  roleLabel: z.enum(teamRoleLabels),
});
export const teamMemberSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  roleLabel: z.enum(teamRoleLabels),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;
export const teamMemberListSchema = z.object({ items: z.array(teamMemberSchema) });
export const teamMemberParamsSchema = z.object({ id: z.uuid(), userId: z.uuid() });
