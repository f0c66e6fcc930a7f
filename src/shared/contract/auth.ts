// Request and response shapes of login, first-admin setup and the current session.
import { z } from 'zod';
import { listQuerySchema, listResponseSchema, nameSchema } from './common';

export const roles = [
  'admin',
  'researcher',
  'professional',
  'expert_by_experience',
  'policymaker',
  'participant',
  /** Reads and checks the access log (NEN 7513), nothing else: no case data, no accounts. */
  'log_administrator',
] as const;
export type Role = (typeof roles)[number];

export const passwordSchema = z
  .string()
  .min(12, 'Kies een wachtwoord van minstens 12 tekens')
  .max(256, 'Het wachtwoord is te lang (hoogstens 256 tekens)');

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('Vul een geldig e-mailadres in').max(254));

export const setupTokenParamsSchema = z.object({ token: z.string().min(20).max(200) });
export const setupStatusSchema = z.object({
  valid: z.literal(true),
  purpose: z.enum(['setup', 'invitation', 'reset']),
});

export const setupRequestSchema = z.object({
  token: z.string().min(20).max(200),
  email: emailSchema,
  displayName: nameSchema,
  password: passwordSchema,
});

export const loginRequestSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Vul je wachtwoord in').max(256),
});

export const currentUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const sessionStages = ['full', 'enrol_totp'] as const;
export type SessionStage = (typeof sessionStages)[number];

export const sessionSchema = z.object({
  user: currentUserSchema,
  csrfToken: z.string(),
  isDemo: z.boolean(),
  /** 'enrol_totp': the user must set up two-factor login before anything else. */
  stage: z.enum(sessionStages),
  hasTotp: z.boolean(),
  isTotpRequired: z.boolean(),
  /** The policy's actions this session may perform: the web shows controls from this, never from the role. */
  permissions: z.array(z.string()),
});
export type SessionInfo = z.infer<typeof sessionSchema>;

export const userSummarySchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  status: z.enum(['active', 'invited', 'disabled']),
});
export type UserSummary = z.infer<typeof userSummarySchema>;
export const userListQuerySchema = listQuerySchema(['name', '-name', 'email', 'role']);
export const userListSchema = listResponseSchema(userSummarySchema);

export const loginResponseSchema = z.discriminatedUnion('status', [
  sessionSchema.extend({ status: z.literal('ok') }),
  z.object({ status: z.literal('totp_required'), challengeToken: z.string() }),
]);
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const totpLoginRequestSchema = z
  .object({
    challengeToken: z.string().min(20).max(200),
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'Vul de 6 cijfers uit je authenticator-app in')
      .optional(),
    recoveryCode: z.string().trim().min(8).max(20).optional(),
  })
  .refine((v) => (v.code ? 1 : 0) + (v.recoveryCode ? 1 : 0) === 1, {
    message: 'Vul een code uit je app of een herstelcode in',
    path: ['code'],
  });

export const totpSetupSchema = z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() });
export const totpConfirmRequestSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Vul de 6 cijfers uit je authenticator-app in'),
});
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });

// Accounts managed by administrators
export const userInputSchema = z.object({
  email: emailSchema,
  displayName: nameSchema,
  role: z.enum(roles),
  organisationId: z.uuid().nullable().default(null),
});
export const userUpdateSchema = z.object({
  displayName: nameSchema,
  role: z.enum(roles),
  organisationId: z.uuid().nullable().default(null),
  version: z.number().int(),
});
export const userDetailSchema = userSummarySchema.extend({
  organisationId: z.uuid().nullable(),
  hasTotp: z.boolean(),
  version: z.number().int(),
});
export type UserDetail = z.infer<typeof userDetailSchema>;
export const oneTimeLinkSchema = z.object({
  url: z.string(),
  expiresAt: z.string(),
  purpose: z.enum(['setup', 'invitation', 'reset']),
});
export const userWithLinkSchema = z.object({ user: userDetailSchema, link: oneTimeLinkSchema });
export const disableRequestSchema = z.object({ isDisabled: z.boolean() });

export const linkStatusSchema = z.object({
  valid: z.literal(true),
  purpose: z.enum(['setup', 'invitation', 'reset']),
  displayName: z.string().nullable(),
});
export const linkPasswordRequestSchema = z.object({ password: passwordSchema });
export const linkTokenParamsSchema = z.object({ token: z.string().min(20).max(200) });

export const okSchema = z.object({ ok: z.literal(true) });
