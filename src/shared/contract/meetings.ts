// Request and response shapes of a case's review meeting (casusreview / leerbijeenkomst): the
// planning, the attendees with their preparation, the structured reflection (each contribution
// tagged with who said it, by role, and optionally pinned to a timeline item), and the
// alternative plan of action learning with its follow-up entries over later sessions.
import { z } from 'zod';

/** The parts of the reflection, in the order the meeting goes through them. */
export const reflectionParts = [
  'went_well',
  'could_differ',
  'helped',
  'hindered',
  'cooperation',
  'learning_point',
] as const;
export type ReflectionPart = (typeof reflectionParts)[number];

/** Who said it, by role: never a name. */
export const speakerRoles = [
  'youth',
  'parent',
  'network',
  'professional',
  'researcher',
  'expert_by_experience',
  'guest',
] as const;
export type SpeakerRole = (typeof speakerRoles)[number];

export const meetingStatuses = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

export const planStepStatuses = ['open', 'in_progress', 'done', 'dropped'] as const;
export type PlanStepStatus = (typeof planStepStatuses)[number];

export const attendeeKinds = ['participant', 'team_member', 'guest'] as const;
export type AttendeeKind = (typeof attendeeKinds)[number];

const text = (min: number, max: number, empty: string, tooLong: string) =>
  z.string().trim().min(min, empty).max(max, tooLong);
const optionalText = (max: number, tooLong: string) => z.string().trim().max(max, tooLong);
const version = z.number().int().min(1);
const isoDate = z.iso.date('Vul een datum in als jjjj-mm-dd');

export const meetingInputSchema = z.object({
  plannedAt: z.iso.datetime({ offset: true, message: 'Vul een datum en tijd in' }),
  durationMinutes: z
    .number()
    .int()
    .min(30, 'Een bijeenkomst duurt minstens 30 minuten')
    .max(600, 'Een bijeenkomst duurt hoogstens 10 uur')
    .default(180),
  preparationMinutes: z
    .number()
    .int()
    .min(0, 'De voorbereiding is 0 minuten of meer')
    .max(480, 'De voorbereiding duurt hoogstens 8 uur')
    .default(60),
  location: optionalText(200, 'De plaats mag hoogstens 200 tekens zijn').default(''),
  notes: optionalText(4000, 'De notitie mag hoogstens 4000 tekens zijn').default(''),
});
export type MeetingInput = z.input<typeof meetingInputSchema>;

export const meetingUpdateSchema = meetingInputSchema.extend({
  status: z.enum(meetingStatuses),
  version,
});

export const attendeeInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('participant'), participantId: z.uuid() }),
  z.object({ kind: z.literal('team_member'), userId: z.uuid() }),
  z.object({
    kind: z.literal('guest'),
    /** The guest's role, e.g. "leerkracht", "wijkteam", "jeugdarts". Never a name. */
    guestRole: text(1, 100, 'Vul de rol van de gast in', 'De rol mag hoogstens 100 tekens zijn'),
    guestOrganisation: optionalText(200, 'De organisatie mag hoogstens 200 tekens zijn').default(
      '',
    ),
  }),
]);
export type AttendeeInput = z.input<typeof attendeeInputSchema>;

export const attendeeUpdateSchema = z.object({
  preparedTimeline: z.boolean(),
  preparedDossier: z.boolean(),
  attended: z.boolean().nullable(),
  version,
});

export const attendeeSchema = z.object({
  id: z.uuid(),
  kind: z.enum(attendeeKinds),
  /** How the attendee is shown: a participant's label, a team member's name, a guest's role. */
  label: z.string(),
  speakerRole: z.enum(speakerRoles),
  participantId: z.uuid().nullable(),
  userId: z.uuid().nullable(),
  guestRole: z.string().nullable(),
  guestOrganisation: z.string().nullable(),
  preparedTimeline: z.boolean(),
  preparedDossier: z.boolean(),
  attended: z.boolean().nullable(),
  version: z.number().int(),
});
export type Attendee = z.infer<typeof attendeeSchema>;

export const contributionInputSchema = z.object({
  part: z.enum(reflectionParts, 'Kies een onderdeel van de reflectie'),
  text: text(1, 4000, 'Schrijf op wat er gezegd is', 'Een bijdrage mag hoogstens 4000 tekens zijn'),
  speakerRole: z.enum(speakerRoles, 'Kies wie het zei'),
  /** The attendee who said it, when known; their role must match speakerRole. */
  attendeeId: z.uuid().nullable().default(null),
  timelineItemId: z.uuid().nullable().default(null),
});
export type ContributionInput = z.input<typeof contributionInputSchema>;

export const contributionUpdateSchema = contributionInputSchema.extend({ version });

export const contributionSchema = z.object({
  id: z.uuid(),
  part: z.enum(reflectionParts),
  text: z.string(),
  speakerRole: z.enum(speakerRoles),
  attendeeId: z.uuid().nullable(),
  attendeeLabel: z.string().nullable(),
  timelineItemId: z.uuid().nullable(),
  timelineItemTitle: z.string().nullable(),
  authorName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Contribution = z.infer<typeof contributionSchema>;

export const planStepInputSchema = z.object({
  what: text(1, 2000, 'Schrijf op wat je nu anders zou doen', 'Hoogstens 2000 tekens'),
  who: text(1, 200, 'Vul in wie dit doet (een rol of organisatie)', 'Hoogstens 200 tekens'),
  due: isoDate.nullable().default(null),
  status: z.enum(planStepStatuses).default('open'),
});
export type PlanStepInput = z.input<typeof planStepInputSchema>;

export const planStepUpdateSchema = planStepInputSchema.extend({ version });

export const followUpInputSchema = z.object({
  on: isoDate,
  tried: text(1, 4000, 'Schrijf op wat er geprobeerd is', 'Hoogstens 4000 tekens'),
  result: optionalText(4000, 'Hoogstens 4000 tekens').default(''),
  next: optionalText(2000, 'Hoogstens 2000 tekens').default(''),
});
export type FollowUpInput = z.input<typeof followUpInputSchema>;

export const followUpSchema = z.object({
  id: z.uuid(),
  on: z.string(),
  tried: z.string(),
  result: z.string(),
  next: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
});

export const planStepSchema = z.object({
  id: z.uuid(),
  what: z.string(),
  who: z.string(),
  due: z.string().nullable(),
  status: z.enum(planStepStatuses),
  followUps: z.array(followUpSchema),
  version: z.number().int(),
});
export type PlanStep = z.infer<typeof planStepSchema>;

export const meetingSummarySchema = z.object({
  id: z.uuid(),
  plannedAt: z.string(),
  durationMinutes: z.number().int(),
  status: z.enum(meetingStatuses),
  attendees: z.number().int(),
  contributions: z.number().int(),
  planSteps: z.number().int(),
});

export const meetingListSchema = z.object({
  items: z.array(meetingSummarySchema),
  abilities: z.object({ plan: z.boolean() }),
});

export const meetingSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseCode: z.string(),
  plannedAt: z.string(),
  durationMinutes: z.number().int(),
  preparationMinutes: z.number().int(),
  location: z.string(),
  notes: z.string(),
  status: z.enum(meetingStatuses),
  version: z.number().int(),
  attendees: z.array(attendeeSchema),
  /** The preparation checklist: how many attendees read the timeline and the dossier. */
  preparation: z.object({
    attendees: z.number().int(),
    timelineRead: z.number().int(),
    dossierRead: z.number().int(),
  }),
  contributions: z.array(contributionSchema),
  plan: z.array(planStepSchema),
  abilities: z.object({ edit: z.boolean(), report: z.boolean() }),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const meetingParamsSchema = z.object({ id: z.uuid(), meetingId: z.uuid() });
export const meetingChildParamsSchema = meetingParamsSchema.extend({ childId: z.uuid() });
export const versionQuerySchema = z.object({ version: z.coerce.number().int().min(1) });

export const meetingHistorySchema = z.object({
  items: z.array(
    z.object({
      entity: z.enum(['meeting', 'attendee', 'contribution', 'plan_step', 'follow_up']),
      entityId: z.uuid(),
      change: z.enum(['created', 'updated', 'deleted', 'removed']),
      at: z.string(),
      by: z.string(),
      fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
    }),
  ),
});

/** The reports a reader may download: for the youth and parents of the case too. */
export const meetingReportListSchema = z.object({
  items: z.array(
    z.object({ id: z.uuid(), plannedAt: z.string(), status: z.enum(meetingStatuses) }),
  ),
});
