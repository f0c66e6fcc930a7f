// HTTP routes of a case's review meetings. Every route reaches the case through the case guard
// (404 for a case the actor may not reach), and every read and write is in the access log. A
// change answers with the whole meeting as it now is (logged as a read as well).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { idParamsSchema } from '../../../shared/contract/common';
import {
  attendeeInputSchema,
  attendeeUpdateSchema,
  contributionInputSchema,
  contributionUpdateSchema,
  followUpInputSchema,
  meetingChildParamsSchema,
  meetingHistorySchema,
  meetingInputSchema,
  meetingListSchema,
  meetingParamsSchema,
  meetingReportListSchema,
  meetingSchema,
  meetingUpdateSchema,
  planStepInputSchema,
  planStepUpdateSchema,
  versionQuerySchema,
  type Meeting,
} from '../../../shared/contract/meetings';
import { contextOf, recordAccess, typed } from '../../http/context';
import { AppError } from '../../http/errors';
import { can } from '../../policy/policy';
import { caseGuard, type CaseAccess } from '../cases/case-guard';
import { participantIdOf } from '../cases/queries';
import {
  meetingReportModel,
  renderMeetingReportDocx,
  renderMeetingReportPdf,
} from './meeting-report';
import { listMeetings, meetingChanges, readMeeting } from './queries';
import {
  addAttendee,
  addContribution,
  addFollowUp,
  addPlanStep,
  deleteContribution,
  deletePlanStep,
  planMeeting,
  removeAttendee,
  updateAttendee,
  updateContribution,
  updateMeeting,
  updatePlanStep,
} from './save-meeting';

export async function meetingRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.database.db;
  const { guard, guardBeforeValidation } = caseGuard(fastify);
  const tags = ['meetings'];

  /** The meeting as it is now, with its access-log entry. */
  async function present(
    request: FastifyRequest,
    access: CaseAccess,
    caseId: string,
    meetingId: string,
  ): Promise<Meeting> {
    const meeting = await readMeeting(db(), caseId, meetingId);
    if (!meeting) throw new AppError('NOT_FOUND');
    await recordAccess(request, {
      caseId,
      resourceType: 'review_meeting',
      resourceId: meetingId,
      action: 'read',
      grounds: access.grounds,
      outcome: 'success',
    });
    return {
      ...meeting,
      caseCode: access.resource.code,
      abilities: {
        edit: can(access.actor, 'meeting.write', access.resource),
        report: can(access.actor, 'meeting.report', access.resource),
      },
    };
  }

  app.get(
    '/api/cases/:id/meetings',
    {
      schema: { tags, params: idParamsSchema, response: { 200: meetingListSchema } },
      config: { policy: 'meeting.read' },
      preValidation: guardBeforeValidation('meeting.read'),
    },
    async (request) => {
      const caseId = request.params.id;
      const access = await guard(request, caseId, 'meeting.read');
      const items = await listMeetings(db(), caseId);
      await recordAccess(request, {
        caseId,
        resourceType: 'review_meeting',
        resourceId: null,
        action: 'list',
        grounds: access.grounds,
        outcome: 'success',
      });
      return { items, abilities: { plan: can(access.actor, 'meeting.write', access.resource) } };
    },
  );

  app.post(
    '/api/cases/:id/meetings',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: meetingInputSchema,
        response: { 201: meetingSchema },
      },
      config: { policy: 'meeting.write' },
      preValidation: guardBeforeValidation('meeting.write'),
    },
    async (request, reply) => {
      const caseId = request.params.id;
      const access = await guard(request, caseId, 'meeting.write');
      const meetingId = await planMeeting({ ...contextOf(request), access }, caseId, request.body);
      reply.status(201);
      return present(request, access, caseId, meetingId);
    },
  );

  app.get(
    '/api/cases/:id/meetings/:meetingId',
    {
      schema: { tags, params: meetingParamsSchema, response: { 200: meetingSchema } },
      config: { policy: 'meeting.read' },
      preValidation: guardBeforeValidation('meeting.read'),
    },
    async (request) => {
      const { id: caseId, meetingId } = request.params;
      const access = await guard(request, caseId, 'meeting.read');
      return present(request, access, caseId, meetingId);
    },
  );

  app.put(
    '/api/cases/:id/meetings/:meetingId',
    {
      schema: {
        tags,
        params: meetingParamsSchema,
        body: meetingUpdateSchema,
        response: { 200: meetingSchema },
      },
      config: { policy: 'meeting.write' },
      preValidation: guardBeforeValidation('meeting.write'),
    },
    async (request) => {
      const { id: caseId, meetingId } = request.params;
      const access = await guard(request, caseId, 'meeting.write');
      await updateMeeting({ ...contextOf(request), access }, caseId, meetingId, request.body);
      return present(request, access, caseId, meetingId);
    },
  );

  app.get(
    '/api/cases/:id/meetings/:meetingId/history',
    {
      schema: { tags, params: meetingParamsSchema, response: { 200: meetingHistorySchema } },
      config: { policy: 'meeting.read' },
      preValidation: guardBeforeValidation('meeting.read'),
    },
    async (request) => {
      const { id: caseId, meetingId } = request.params;
      const access = await guard(request, caseId, 'meeting.read');
      const items = await meetingChanges(db(), caseId, meetingId);
      if (items.length === 0) throw new AppError('NOT_FOUND');
      await recordAccess(request, {
        caseId,
        resourceType: 'review_meeting',
        resourceId: meetingId,
        action: 'read',
        grounds: access.grounds,
        outcome: 'success',
      });
      return { items };
    },
  );

  // Attendees, contributions and plan steps: add (POST), change (PUT) and remove (DELETE with
  // ?version=), each answering with the meeting as it now is.
  const children = [
    {
      path: 'attendees',
      add: addAttendee,
      update: updateAttendee,
      remove: removeAttendee,
      input: attendeeInputSchema,
      change: attendeeUpdateSchema,
    },
    {
      path: 'contributions',
      add: addContribution,
      update: updateContribution,
      remove: deleteContribution,
      input: contributionInputSchema,
      change: contributionUpdateSchema,
    },
    {
      path: 'plan',
      add: addPlanStep,
      update: updatePlanStep,
      remove: deletePlanStep,
      input: planStepInputSchema,
      change: planStepUpdateSchema,
    },
  ] as const;

  for (const child of children) {
    app.post(
      `/api/cases/:id/meetings/:meetingId/${child.path}`,
      {
        schema: {
          tags,
          params: meetingParamsSchema,
          body: child.input,
          response: { 201: meetingSchema },
        },
        config: { policy: 'meeting.write' },
        preValidation: guardBeforeValidation('meeting.write'),
      },
      async (request, reply) => {
        const { id: caseId, meetingId } = request.params;
        const access = await guard(request, caseId, 'meeting.write');
        const add = child.add as (
          ctx: Parameters<typeof addPlanStep>[0],
          caseId: string,
          meetingId: string,
          input: unknown,
        ) => Promise<unknown>;
        await add({ ...contextOf(request), access }, caseId, meetingId, request.body);
        reply.status(201);
        return present(request, access, caseId, meetingId);
      },
    );

    app.put(
      `/api/cases/:id/meetings/:meetingId/${child.path}/:childId`,
      {
        schema: {
          tags,
          params: meetingChildParamsSchema,
          body: child.change,
          response: { 200: meetingSchema },
        },
        config: { policy: 'meeting.write' },
        preValidation: guardBeforeValidation('meeting.write'),
      },
      async (request) => {
        const { id: caseId, meetingId, childId } = request.params;
        const access = await guard(request, caseId, 'meeting.write');
        const update = child.update as (
          ctx: Parameters<typeof addPlanStep>[0],
          caseId: string,
          meetingId: string,
          childId: string,
          input: unknown,
        ) => Promise<unknown>;
        await update({ ...contextOf(request), access }, caseId, meetingId, childId, request.body);
        return present(request, access, caseId, meetingId);
      },
    );

    app.delete(
      `/api/cases/:id/meetings/:meetingId/${child.path}/:childId`,
      {
        schema: {
          tags,
          params: meetingChildParamsSchema,
          querystring: versionQuerySchema,
          response: { 200: meetingSchema },
        },
        config: { policy: 'meeting.write' },
        preValidation: guardBeforeValidation('meeting.write'),
      },
      async (request) => {
        const { id: caseId, meetingId, childId } = request.params;
        const access = await guard(request, caseId, 'meeting.write');
        await child.remove(
          { ...contextOf(request), access },
          caseId,
          meetingId,
          childId,
          request.query.version,
        );
        return present(request, access, caseId, meetingId);
      },
    );
  }

  app.post(
    '/api/cases/:id/meetings/:meetingId/plan/:childId/follow-ups',
    {
      schema: {
        tags,
        params: meetingChildParamsSchema,
        body: followUpInputSchema,
        response: { 201: meetingSchema },
      },
      config: { policy: 'meeting.write' },
      preValidation: guardBeforeValidation('meeting.write'),
    },
    async (request, reply) => {
      const { id: caseId, meetingId, childId } = request.params;
      const access = await guard(request, caseId, 'meeting.write');
      await addFollowUp(
        { ...contextOf(request), access },
        caseId,
        meetingId,
        childId,
        request.body,
      );
      reply.status(201);
      return present(request, access, caseId, meetingId);
    },
  );

  // Which reports there are: meetings that were held (the youth and parents see only these).
  app.get(
    '/api/cases/:id/meeting-reports',
    {
      schema: { tags, params: idParamsSchema, response: { 200: meetingReportListSchema } },
      config: { policy: 'meeting.report' },
      preValidation: guardBeforeValidation('meeting.report'),
    },
    async (request) => {
      const caseId = request.params.id;
      const access = await guard(request, caseId, 'meeting.report');
      const items = (await listMeetings(db(), caseId))
        .filter((m) => m.status === 'held')
        .map(({ id, plannedAt, status }) => ({ id, plannedAt, status }));
      await recordAccess(request, {
        caseId,
        resourceType: 'meeting_report',
        resourceId: null,
        action: 'list',
        grounds: access.grounds,
        outcome: 'success',
      });
      return { items };
    },
  );

  // The meeting report, for the case's staff and for its own youth and parents (their own
  // contributions marked). Logged as an export.
  const formats = {
    pdf: { type: 'application/pdf', render: renderMeetingReportPdf },
    docx: {
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      render: renderMeetingReportDocx,
    },
  } as const;
  for (const [extension, format] of Object.entries(formats)) {
    app.get(
      `/api/cases/:id/meetings/:meetingId/report.${extension}`,
      {
        schema: { tags, params: meetingParamsSchema },
        config: { policy: 'meeting.report' },
        preValidation: guardBeforeValidation('meeting.report'),
      },
      async (request, reply) => {
        const { id: caseId, meetingId } = request.params;
        const access = await guard(request, caseId, 'meeting.report');
        const meeting = await readMeeting(db(), caseId, meetingId);
        if (!meeting) throw new AppError('NOT_FOUND');
        const participantId =
          access.actor.role === 'participant'
            ? await participantIdOf(db(), caseId, access.actor.userId)
            : null;
        const file = await format.render(
          meetingReportModel(
            {
              ...meeting,
              caseCode: access.resource.code,
              abilities: { edit: false, report: true },
            },
            { participantId },
          ),
        );
        await recordAccess(request, {
          caseId,
          resourceType: 'meeting_report',
          resourceId: meetingId,
          action: 'export',
          grounds: access.grounds,
          outcome: 'success',
        });
        const day = meeting.plannedAt.slice(0, 10);
        return reply
          .header('content-type', format.type)
          .header(
            'content-disposition',
            `attachment; filename="casusreview-${access.resource.code}-${day}.${extension}"`,
          )
          .header('cache-control', 'no-store')
          .send(file);
      },
    );
  }
}
