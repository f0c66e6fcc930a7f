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

export const sessionSchema = z.object({
  user: currentUserSchema,
  csrfToken: z.string(),
  isDemo: z.boolean(),
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

export const okSchema = z.object({ ok: z.literal(true) });
