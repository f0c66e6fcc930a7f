// Shapes shared by every feature's contract: the error body, pagination and list envelopes.
import { z } from 'zod';

export const errorCodes = [
  'INVALID_INPUT',
  'MALFORMED_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'CSRF_FAILED',
  'TOTP_ENROLMENT_REQUIRED',
  'TOTP_INVALID',
  'LOCKED_OUT',
  'NOT_FOUND',
  'CONFLICT',
  'CONSENT_MISSING',
  'TOKEN_INVALID',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const fieldErrorSchema = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    details: z
      .object({ fields: z.array(fieldErrorSchema).optional() })
      .passthrough()
      .optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const uuidSchema = z.uuid();
export const idParamsSchema = z.object({ id: z.uuid() });

/** Query parameters of every list: page numbers start at 1. */
export function listQuerySchema<const S extends readonly [string, ...string[]]>(sorts: S) {
  return z.object({
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(25),
    sort: z.enum(sorts).default(sorts[0]),
    q: z.string().trim().max(200).optional(),
    includeArchived: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => v === 'true'),
  });
}

export function listResponseSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export type ListResponse<T> = { items: T[]; total: number; page: number; pageSize: number };

export const nameSchema = z.string().trim().min(1, 'Vul een naam in').max(200);
export const isoDateSchema = z.iso.date();
