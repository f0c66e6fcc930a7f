// Contract of improvement actions and the learning network (closing the loop): actions per
// programme with their links to what they came from, follow-ups and history; learning-network
// meetings with attendees, material and the actions created there; and the plain-language
// summary "what happened with what we learned" for participants and experts by experience.
import { z } from 'zod';
import { isoDateSchema, listResponseSchema } from './common';

export const actionStatuses = [
  'proposed',
  'agreed',
  'in_progress',
  'done',
  'evaluated',
  'dropped',
] as const;
export type ActionStatus = (typeof actionStatuses)[number];

/** Where each status may go next. Dropping is possible from every state that is not final. */
export const actionTransitions: Record<ActionStatus, readonly ActionStatus[]> = {
  proposed: ['agreed', 'dropped'],
  agreed: ['in_progress', 'dropped'],
  in_progress: ['done', 'dropped'],
  done: ['evaluated', 'dropped'],
  evaluated: [],
  dropped: [],
};

/** Statuses in which an action is finished: it can no longer be overdue. */
export const closedActionStatuses: readonly ActionStatus[] = ['done', 'evaluated', 'dropped'];

/** What an action can come from: meetings of cases, network meetings, threads, recommendations. */
export const actionLinkKinds = [
  'review_meeting',
  'plan_step',
  'network_meeting',
  'thread',
  'recommendation',
] as const;
export type ActionLinkKind = (typeof actionLinkKinds)[number];
export const availableLinkKinds: readonly ActionLinkKind[] = actionLinkKinds;

const titleSchema = z.string().trim().min(1, 'Vul in wat er verandert').max(200);
const longText = (max: number) => z.string().trim().max(max);

export const actionLinkInputSchema = z.object({
  kind: z.enum(actionLinkKinds),
  targetId: z.uuid(),
});

const actionFieldsSchema = z.object({
  title: titleSchema,
  description: longText(4000).default(''),
  plainSummary: longText(600).default(''),
  plainResult: longText(600).default(''),
  ownerOrganisationId: z.uuid(),
  ownerUserId: z.uuid().nullable().default(null),
  dueOn: isoDateSchema,
  stakeholderGroup: z.string().trim().min(1, 'Kies een doelgroep').max(60),
});

export const actionInputSchema = actionFieldsSchema.extend({
  links: z.array(actionLinkInputSchema).max(20).default([]),
});
export const actionUpdateSchema = actionFieldsSchema.extend({ version: z.number().int().min(1) });

export const actionStatusInputSchema = z.object({
  status: z.enum(actionStatuses),
  reason: longText(1000).default(''),
  version: z.number().int().min(1),
});

export const actionFollowUpInputSchema = z.object({
  on: isoDateSchema,
  done: z.string().trim().min(1, 'Schrijf op wat er is gedaan').max(4000),
  effect: longText(4000).default(''),
  nextStep: longText(2000).default(''),
});

export const actionLinkSchema = z.object({
  id: z.uuid(),
  kind: z.enum(actionLinkKinds),
  targetId: z.uuid(),
  /** The date of the meeting the target is or belongs to. */
  date: z.string().nullable(),
  /** The case and its code, only when the reader may open that case's meeting. */
  caseId: z.uuid().nullable(),
  caseCode: z.string().nullable(),
  /** A plan step's text (only with the case) or a network meeting's theme. */
  detail: z.string().nullable(),
  /** False when the target was removed since (a deleted plan step, a removed meeting). */
  isAvailable: z.boolean(),
});

export const actionFollowUpSchema = z.object({
  id: z.uuid(),
  on: z.string(),
  done: z.string(),
  effect: z.string(),
  nextStep: z.string(),
  author: z.string(),
  createdAt: z.string(),
});

export const actionAbilitiesSchema = z.object({
  edit: z.boolean(),
  changeStatus: z.boolean(),
  followUp: z.boolean(),
});

export const actionSummaryRowSchema = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  programmeName: z.string(),
  title: z.string(),
  status: z.enum(actionStatuses),
  dueOn: z.string(),
  isOverdue: z.boolean(),
  stakeholderGroup: z.string(),
  stakeholderGroupLabel: z.string(),
  ownerOrganisationId: z.uuid(),
  ownerOrganisationName: z.string(),
  ownerUserId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  followUps: z.number().int(),
});
export type ActionRow = z.infer<typeof actionSummaryRowSchema>;

export const actionSchema = actionSummaryRowSchema.extend({
  description: z.string(),
  plainSummary: z.string(),
  plainResult: z.string(),
  dropReason: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  nextStatuses: z.array(z.enum(actionStatuses)),
  links: z.array(actionLinkSchema),
  followUpEntries: z.array(actionFollowUpSchema),
  abilities: actionAbilitiesSchema,
});
export type Action = z.infer<typeof actionSchema>;

export const actionSorts = ['dueOn', '-dueOn', 'title', '-title', 'status', '-updatedAt'] as const;

export const actionListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  sort: z.enum(actionSorts).default('dueOn'),
  q: z.string().trim().max(200).optional(),
  status: z.enum(actionStatuses).optional(),
  ownerOrganisationId: z.uuid().optional(),
  stakeholderGroup: z.string().trim().max(60).optional(),
  /** Actions that come from this thread, or from this recommendation. */
  threadId: z.uuid().optional(),
  recommendationId: z.uuid().optional(),
  isOverdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  isMine: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const actionListSchema = listResponseSchema(actionSummaryRowSchema).extend({
  overdue: z.number().int(),
  abilities: z.object({ create: z.boolean() }),
});

export const actionHistorySchema = z.object({
  items: z.array(
    z.object({
      entity: z.enum(['action', 'link', 'follow_up']),
      entityId: z.uuid(),
      change: z.enum(['created', 'updated', 'deleted']),
      at: z.string(),
      by: z.string(),
      fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
    }),
  ),
});

/** Who can be chosen as owner person: active accounts of the organisation and the programme. */
export const actionOwnerListSchema = z.object({
  items: z.array(
    z.object({ id: z.uuid(), displayName: z.string(), organisationId: z.uuid().nullable() }),
  ),
});

/** What an action can be linked to in this programme, as far as the reader reaches. */
export const linkTargetListSchema = z.object({
  reviewMeetings: z.array(
    z.object({
      id: z.uuid(),
      caseId: z.uuid(),
      caseCode: z.string(),
      plannedAt: z.string(),
      steps: z.array(z.object({ id: z.uuid(), what: z.string() })),
    }),
  ),
  networkMeetings: z.array(z.object({ id: z.uuid(), theme: z.string(), meetsOn: z.string() })),
  /** Active threads, and recommendations that are not withdrawn. */
  threads: z.array(z.object({ id: z.uuid(), number: z.number().int(), title: z.string() })),
  recommendations: z.array(
    z.object({
      id: z.uuid(),
      number: z.number().int(),
      title: z.string(),
      stakeholderGroup: z.string(),
    }),
  ),
});

export const programmeWithAbilitiesSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  stakeholderGroups: z.array(z.object({ code: z.string(), label: z.string() })),
  abilities: z.object({
    readActions: z.boolean(),
    writeActions: z.boolean(),
    readNetwork: z.boolean(),
    writeNetwork: z.boolean(),
    summary: z.boolean(),
  }),
});
export const actionProgrammeListSchema = z.object({
  items: z.array(programmeWithAbilitiesSchema),
});

// --- The learning network -------------------------------------------------------------------

export const networkMeetingStatuses = ['planned', 'held', 'cancelled'] as const;
export type NetworkMeetingStatus = (typeof networkMeetingStatuses)[number];
export const materialKinds = ['quarterly_report', 'thread', 'case_summary', 'document'] as const;
export type MaterialKind = (typeof materialKinds)[number];

export const networkMeetingInputSchema = z.object({
  theme: z.string().trim().min(1, 'Vul het thema in').max(200),
  meetsOn: isoDateSchema,
  location: longText(200).default(''),
});
export const networkMeetingUpdateSchema = networkMeetingInputSchema.extend({
  status: z.enum(networkMeetingStatuses),
  outcomes: longText(8000).default(''),
  version: z.number().int().min(1),
});

export const networkAttendeeInputSchema = z.union([
  z.object({
    kind: z.literal('group'),
    organisationId: z.uuid(),
    roleLabel: z.string().trim().min(1, 'Vul de rol in').max(120),
    count: z.number().int().min(1).max(500).default(1),
  }),
  z.object({ kind: z.literal('user'), userId: z.uuid() }),
]);

export const networkMaterialInputSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('quarterly_report'),
    regionCode: z.string().trim().min(1).max(10),
    year: z.number().int().min(2000).max(2100),
    quarter: z.number().int().min(1).max(4),
  }),
  z.object({ kind: z.literal('thread'), targetId: z.uuid() }),
  z.object({
    kind: z.literal('case_summary'),
    title: z.string().trim().min(1, 'Geef de samenvatting een titel').max(200),
    body: z.string().trim().min(1, 'Schrijf de samenvatting').max(8000),
  }),
  z.object({
    kind: z.literal('document'),
    title: z.string().trim().min(1, 'Geef het stuk een titel').max(200),
    body: longText(8000).default(''),
  }),
]);

export const networkAttendeeSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['group', 'user']),
  organisationId: z.uuid().nullable(),
  organisationName: z.string().nullable(),
  roleLabel: z.string(),
  count: z.number().int(),
  userId: z.uuid().nullable(),
  userName: z.string().nullable(),
});

export const networkMaterialSchema = z.object({
  id: z.uuid(),
  kind: z.enum(materialKinds),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  year: z.number().int().nullable(),
  quarter: z.number().int().nullable(),
  title: z.string(),
  body: z.string(),
});

export const networkMeetingRowSchema = z.object({
  id: z.uuid(),
  theme: z.string(),
  meetsOn: z.string(),
  status: z.enum(networkMeetingStatuses),
  attendees: z.number().int(),
  materials: z.number().int(),
  actions: z.number().int(),
});

export const networkMeetingSchema = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  programmeName: z.string(),
  theme: z.string(),
  meetsOn: z.string(),
  location: z.string(),
  status: z.enum(networkMeetingStatuses),
  outcomes: z.string(),
  version: z.number().int(),
  attendees: z.array(networkAttendeeSchema),
  materials: z.array(networkMaterialSchema),
  actions: z.array(actionSummaryRowSchema),
  abilities: z.object({ edit: z.boolean(), createAction: z.boolean() }),
});
export type NetworkMeeting = z.infer<typeof networkMeetingSchema>;

export const networkMeetingListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  status: z.enum(networkMeetingStatuses).optional(),
});
export const networkMeetingListSchema = listResponseSchema(networkMeetingRowSchema).extend({
  abilities: z.object({ plan: z.boolean() }),
});

export const networkHistorySchema = z.object({
  items: z.array(
    z.object({
      entity: z.enum(['meeting', 'attendee', 'material']),
      entityId: z.uuid(),
      change: z.enum(['created', 'updated', 'deleted']),
      at: z.string(),
      by: z.string(),
      fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
    }),
  ),
});

export const childParamsSchema = z.object({ id: z.uuid(), childId: z.uuid() });

// --- The summary "what happened with what we learned" ------------------------------------------

export const summaryLanguageSchema = z.object({ lang: z.enum(['nl', 'en']).default('nl') });

export const actionSummarySchema = z.object({
  programmeName: z.string(),
  language: z.enum(['nl', 'en']),
  title: z.string(),
  intro: z.array(z.string()),
  totals: z.object({
    agreed: z.number().int(),
    underway: z.number().int(),
    done: z.number().int(),
    dropped: z.number().int(),
  }),
  groups: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      counts: z.object({
        agreed: z.number().int(),
        underway: z.number().int(),
        done: z.number().int(),
        dropped: z.number().int(),
      }),
      sentence: z.string(),
      actions: z.array(
        z.object({
          summary: z.string(),
          organisation: z.string(),
          status: z.enum(actionStatuses),
          statusWords: z.string(),
          dueWords: z.string(),
          result: z.string(),
        }),
      ),
    }),
  ),
  generatedOn: z.string(),
});
export type ActionSummary = z.infer<typeof actionSummarySchema>;

export type ActionListResponse = z.infer<typeof actionListSchema>;
export type NetworkMeetingList = z.infer<typeof networkMeetingListSchema>;
export type ActionLinkInput = z.infer<typeof actionLinkInputSchema>;
export type ActionListQuery = z.input<typeof actionListQuerySchema>;
