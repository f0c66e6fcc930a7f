// Shapes of the access-log views: filters, entries, the chain report.
import { z } from 'zod';
import { listResponseSchema } from './common';

export const accessLogQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
    userId: z.uuid().optional(),
    caseId: z.uuid().optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    action: z
      .string()
      .regex(/^[a-z_]{2,40}$/)
      .optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'Het begin ligt na het einde',
    path: ['to'],
  });

export const accessLogEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  organisationId: z.string().nullable(),
  role: z.string().nullable(),
  onBehalfOf: z.string().nullable(),
  caseId: z.string().nullable(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  action: z.string(),
  grounds: z.string(),
  outcome: z.string(),
  requestId: z.string(),
});
export type AccessLogEntryView = z.infer<typeof accessLogEntrySchema>;
export const accessLogListSchema = listResponseSchema(accessLogEntrySchema);

export const chainReportSchema = z.object({
  isIntact: z.boolean(),
  checked: z.number().int(),
  firstBrokenSeq: z.number().int().optional(),
  reason: z.enum(['content_changed', 'link_broken', 'entry_missing', 'head_mismatch']).optional(),
});
