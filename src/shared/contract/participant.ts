// Shapes of the participant side: a researcher invites a youth or parent to their case (a
// one-time link and a QR code handed over in person), and a participant sees their own case,
// their consents and who looked at their data, in plain words.
import { z } from 'zod';
import { consentPurposes } from '../domain/consent';
import { emailSchema } from './auth';
import { removalSchema } from './cases';

export const participantInvitationInputSchema = z.object({
  /** The address the youth or parent logs in with; stored only on their account. */
  email: emailSchema,
});
export const participantInvitationSchema = z.object({
  userId: z.uuid(),
  url: z.string(),
  qrSvg: z.string(),
  expiresAt: z.string(),
  /** 'invitation' for a new account; 'reset' when the participant already had one. */
  purpose: z.enum(['invitation', 'reset']),
});
export const participantParamsSchema = z.object({ id: z.uuid(), participantId: z.uuid() });

export const myCaseSummarySchema = z.object({
  caseId: z.uuid(),
  code: z.string(),
  participantId: z.uuid(),
  label: z.string(),
  kind: z.enum(['youth', 'parent', 'main_practitioner', 'other_professional', 'network']),
});

export const myConsentSchema = z.object({
  purpose: z.enum(consentPurposes),
  /** The consent as it stands for this purpose (null: none given yet). */
  consentId: z.uuid().nullable(),
  givenOn: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  /** Whose consent it is: the participant's own, or the youth's, given by this parent. */
  forParticipantId: z.uuid(),
  forLabel: z.string(),
  onBehalf: z.boolean(),
});

export const myCaseSchema = myCaseSummarySchema.extend({
  consents: z.array(myConsentSchema),
  /** Plain-language reasons why a consent is still needed, for this participant's part. */
  stillNeeded: z.array(z.string()),
});
export type MyCase = z.infer<typeof myCaseSchema>;

export const myConsentInputSchema = z.object({
  purpose: z.enum(consentPurposes),
  /** A parent with authority may consent on behalf of the youth; default: for themselves. */
  forParticipantId: z.uuid().nullable().default(null),
});
export const myWithdrawInputSchema = z.object({ confirmRemoval: z.boolean().default(false) });
export const myWithdrawResultSchema = z.object({ removed: z.array(removalSchema) });

export const myAccessEntrySchema = z.object({
  at: z.string(),
  who: z.string(),
  role: z.string().nullable(),
  action: z.string(),
  resourceType: z.string(),
  outcome: z.string(),
});
export const myAccessLogSchema = z.object({
  items: z.array(myAccessEntrySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export const myAccessLogQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
