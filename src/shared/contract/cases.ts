// Request and response shapes of cases, participants and consent.
import { z } from 'zod';
import { consentPurposes } from '../domain/consent';
import { isoDateSchema, listQuerySchema, listResponseSchema } from './common';

export const caseStatuses = [
  'included',
  'consent',
  'timeline',
  'dossier',
  'interviews',
  'review_meeting',
  'analysed',
  'closed',
] as const;
export const participantKinds = [
  'youth',
  'parent',
  'main_practitioner',
  'other_professional',
  'network',
] as const;
export const defaultInstitutionTypes = [
  { code: 'jji', label: 'Justitiële jeugdinrichting (JJI)' },
  { code: 'jeugdzorgplus', label: 'Jeugdzorgplus' },
  { code: 'obc_lvb', label: 'Orthopedagogisch behandelcentrum (OBC/LVB)' },
  { code: 'klinische_jeugd_ggz', label: 'Klinische jeugd-GGZ' },
  { code: 'other', label: 'Anders' },
] as const;

/** A birth year that is not in the future and not absurdly long ago. */
export function birthYearSchema(now = new Date()) {
  const thisYear = now.getUTCFullYear();
  return z
    .number()
    .int()
    .min(thisYear - 30, `Een geboortejaar vóór ${thisYear - 30} past niet bij jeugdhulp`)
    .max(thisYear, 'Het geboortejaar ligt in de toekomst');
}

export const caseInputSchema = z.object({
  programmeId: z.uuid(),
  teamId: z.uuid(),
  institutionType: z.string().regex(/^[a-z0-9_]{2,40}$/, 'Kies een soort instelling'),
  regionCode: z.string().regex(/^JZ\d{2}$/, 'Kies een jeugdregio'),
  birthYear: birthYearSchema(),
  gender: z.enum(['female', 'male', 'other']).nullable().default(null),
});

export const caseSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  status: z.enum(caseStatuses),
  institutionType: z.string(),
  institutionTypeLabel: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  teamId: z.uuid(),
  teamName: z.string(),
  birthYear: z.number().int(),
  createdAt: z.string(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;
export const caseListQuerySchema = listQuerySchema(['-created', 'created', 'code', '-code']).extend(
  {
    teamId: z.uuid().optional(),
    institutionType: z.string().optional(),
    regionCode: z.string().optional(),
    status: z.enum(caseStatuses).optional(),
  },
);
export const caseListSchema = listResponseSchema(caseSummarySchema);

export const participantInputSchema = z
  .object({
    kind: z.enum(participantKinds),
    label: z.string().trim().min(1, 'Geef een omschrijving, zoals "moeder" of "mentor"').max(60),
    hasAuthority: z.boolean().default(false),
  })
  .refine((p) => !p.hasAuthority || p.kind === 'parent', {
    message: 'Alleen een ouder of voogd kan gezag hebben',
    path: ['hasAuthority'],
  });
export const participantSchema = z.object({
  id: z.uuid(),
  kind: z.enum(participantKinds),
  label: z.string(),
  hasAuthority: z.boolean(),
});

export const consentInputSchema = z
  .object({
    participantId: z.uuid(),
    purpose: z.enum(consentPurposes),
    givenBy: z.enum(['self', 'legal_representative']),
    representativeId: z.uuid().nullable().default(null),
    givenOn: isoDateSchema,
    formVersion: z.string().trim().min(1, 'Vul de versie van het toestemmingsformulier in').max(40),
  })
  .refine((c) => (c.givenBy === 'self') === (c.representativeId === null), {
    message: 'Kies wie namens de deelnemer toestemming gaf',
    path: ['representativeId'],
  });
export const withdrawInputSchema = z.object({
  withdrawnOn: isoDateSchema,
  /** Required when withdrawal removes data: the user has seen the preview and agrees. */
  confirmRemoval: z.boolean().default(false),
});
export const removalSchema = z.object({
  resourceType: z.string(),
  id: z.uuid(),
  description: z.string(),
});
export const withdrawalPreviewSchema = z.object({
  removes: z.array(removalSchema),
  explanation: z.string(),
});
export const withdrawalResultSchema = z.object({ id: z.uuid(), removed: z.array(removalSchema) });
export const consentSchema = z.object({
  id: z.uuid(),
  participantId: z.uuid(),
  purpose: z.enum(consentPurposes),
  givenBy: z.enum(['self', 'legal_representative']),
  representativeId: z.uuid().nullable(),
  givenOn: z.string(),
  formVersion: z.string(),
  withdrawnOn: z.string().nullable(),
});
export const missingConsentSchema = z.object({
  participantId: z.uuid(),
  purpose: z.enum(consentPurposes),
  missing: z.array(
    z.object({ participantId: z.uuid().nullable(), label: z.string(), reason: z.string() }),
  ),
});

export const caseDetailSchema = caseSummarySchema.extend({
  programmeId: z.uuid(),
  gender: z.enum(['female', 'male', 'other']).nullable(),
  retentionUntil: z.string().nullable(),
  version: z.number().int(),
  assignments: z.array(z.object({ userId: z.uuid(), displayName: z.string(), role: z.string() })),
  participants: z.array(participantSchema),
  consents: z.array(consentSchema),
  missingConsents: z.array(missingConsentSchema),
  abilities: z.object({ update: z.boolean() }),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

/** Changing a case's progress and retention; version guards against overwriting a colleague. */
export const caseUpdateSchema = z.object({
  status: z.enum(caseStatuses),
  retentionUntil: isoDateSchema.nullable().default(null),
  gender: z.enum(['female', 'male', 'other']).nullable().default(null),
  version: z.number().int().min(1),
});
export const assignmentParamsSchema = z.object({ id: z.uuid(), userId: z.uuid() });
export const consentParamsSchema = z.object({ id: z.uuid(), consentId: z.uuid() });
