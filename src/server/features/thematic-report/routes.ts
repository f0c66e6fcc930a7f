// HTTP routes of the policymakers' aggregates and the thematic report. A programme the actor may
// not use answers 404 before any 400 about the input (programme guard in preValidation). The
// aggregates and published versions are for everyone with synthesis.aggregates (policymakers
// too); drafts, their files and publishing are the researchers' (synthesis.report). Every view of
// the aggregates, every generated file and every publication is in the access log; a report that
// prints quotes also logs one entry per case the quotes come from, so its youth and parents see it.
import { and, desc, eq, inArray, max } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/contract/common';
import {
  aggregatesSchema,
  publishInputSchema,
  reportFormats,
  reportQuerySchema,
  reportVersionListSchema,
  reportVersionParamsSchema,
  reportVersionSchema,
  thematicReportSchema,
  type ReportVersion,
  type ThematicReport,
} from '../../../shared/contract/thematic-report';
import { runCommand } from '../../db/context';
import { contextOf, recordAccess, typed } from '../../http/context';
import { AppError } from '../../http/errors';
import { can, type Action } from '../../policy/policy';
import type { AccessLogEntry } from '../audit/events';
import { users } from '../auth/schema';
import { programmeGuard, type Reach } from '../coding/access';
import { programmes } from '../organisations/schema';
import { recommendations } from '../recommendations/schema';
import { synthesisThreads } from '../synthesis/schema';
import { buildAggregates, generateThematicReport, publishedForPrint } from './data';
import { reportFileTypes } from './render';
import { thematicReportVersions } from './schema';

type Entry = Omit<AccessLogEntry, 'userId' | 'organisationId' | 'role' | 'at' | 'requestId'>;

/** Why the actor may see it: their team, else their role (policymakers, administrators). */
function groundsOf(reach: Reach): Entry['grounds'] {
  if (reach.grounds !== 'none') return reach.grounds;
  return reach.actor.role === 'admin' ? 'administrator' : 'role';
}

/** The report's own entry, and one per case whose quotes it prints. */
function reportEntries(
  reach: Reach,
  resourceId: string,
  action: Entry['action'],
  quoteCases: readonly string[],
): Entry[] {
  const base = {
    resourceType: 'thematic_report' as const,
    resourceId,
    action,
    outcome: 'success' as const,
  };
  return [
    { ...base, caseId: null, grounds: groundsOf(reach) },
    ...quoteCases.map((caseId) => ({ ...base, caseId, grounds: 'consent' as const })),
  ];
}

function fileName(report: ThematicReport, extension: string): string {
  const slug = report.programme.name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase()
    .slice(0, 60);
  const suffix = report.version === null ? 'concept' : `versie-${report.version}`;
  return `themarapport-${slug || 'programma'}-${suffix}.${extension}`;
}

export async function thematicReportRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.database.db;
  const tags = ['thematic-report'];

  /** preValidation: an unknown or forbidden programme is a 404 before any 400 about the input. */
  const programmeFirst = (action: Action) => async (request: FastifyRequest) => {
    const { id } = request.params as { id?: string };
    if (z.uuid().safeParse(id).success) await programmeGuard(request, id!, action);
  };

  // ---- Aggregates ----

  app.get(
    '/api/programmes/:id/synthesis/aggregates',
    {
      schema: { tags, params: idParamsSchema, response: { 200: aggregatesSchema } },
      config: { policy: 'synthesis.aggregates' },
      preValidation: programmeFirst('synthesis.aggregates'),
    },
    async (request) => {
      const reach = await programmeGuard(request, request.params.id, 'synthesis.aggregates');
      const aggregates = await buildAggregates(db(), reach.programmeId, fastify.clock());
      await recordAccess(request, {
        caseId: null,
        resourceType: 'synthesis_aggregates',
        resourceId: reach.programmeId,
        action: 'read',
        grounds: groundsOf(reach),
        outcome: 'success',
      });
      return {
        ...aggregates,
        abilities: { report: can(reach.actor, 'synthesis.report', reach.resource) },
      };
    },
  );

  // ---- Draft report: preview and files ----

  async function draft(
    request: FastifyRequest,
    reach: Reach,
    query: z.infer<typeof reportQuerySchema>,
  ) {
    return generateThematicReport(db(), {
      programmeId: reach.programmeId,
      threadIds: query.threads,
      lang: query.lang,
      actor: reach.actor,
      now: request.server.clock(),
      draft: true,
    });
  }

  app.get(
    '/api/programmes/:id/synthesis/report',
    {
      schema: {
        tags,
        params: idParamsSchema,
        querystring: reportQuerySchema,
        response: { 200: thematicReportSchema },
      },
      config: { policy: 'synthesis.report' },
      preValidation: programmeFirst('synthesis.report'),
    },
    async (request) => {
      const reach = await programmeGuard(request, request.params.id, 'synthesis.report');
      const generated = await draft(request, reach, request.query);
      await recordAccess(
        request,
        ...reportEntries(reach, reach.programmeId, 'read', generated.quoteCases),
      );
      return generated.report;
    },
  );

  for (const extension of reportFormats) {
    const format = reportFileTypes[extension];
    app.get(
      `/api/programmes/:id/synthesis/report.${extension}`,
      {
        schema: { tags, params: idParamsSchema, querystring: reportQuerySchema },
        config: { policy: 'synthesis.report' },
        preValidation: programmeFirst('synthesis.report'),
      },
      async (request, reply) => {
        const reach = await programmeGuard(request, request.params.id, 'synthesis.report');
        const generated = await draft(request, reach, request.query);
        const file = await format.render(generated.report);
        await recordAccess(
          request,
          ...reportEntries(reach, reach.programmeId, 'export', generated.quoteCases),
        );
        return reply
          .header('content-type', format.type)
          .header(
            'content-disposition',
            `attachment; filename="${fileName(generated.report, extension)}"`,
          )
          .header('cache-control', 'no-store')
          .send(file);
      },
    );
  }

  // ---- Published versions ----

  function presentVersion(
    row: typeof thematicReportVersions.$inferSelect,
    publisher: string | null,
  ): ReportVersion {
    return {
      number: row.number,
      lang: row.lang as ReportVersion['lang'],
      note: row.note,
      publishedAt: row.publishedAt.toISOString(),
      publishedBy: publisher,
      threads: row.content.threads.map((t) => ({
        number: t.number,
        title: t.title,
        version: t.version,
      })),
      recommendations: row.recommendationVersions.length,
    };
  }

  app.get(
    '/api/programmes/:id/synthesis/report/versions',
    {
      schema: { tags, params: idParamsSchema, response: { 200: reportVersionListSchema } },
      config: { policy: 'synthesis.aggregates' },
      preValidation: programmeFirst('synthesis.aggregates'),
    },
    async (request) => {
      const reach = await programmeGuard(request, request.params.id, 'synthesis.aggregates');
      const rows = await db()
        .select({ version: thematicReportVersions, publisher: users.displayName })
        .from(thematicReportVersions)
        .leftJoin(users, eq(users.id, thematicReportVersions.publishedBy))
        .where(eq(thematicReportVersions.programmeId, reach.programmeId))
        .orderBy(desc(thematicReportVersions.number));
      // Who published is shown to the programme's own staff, not to every reader of aggregates.
      const showNames = can(reach.actor, 'synthesis.read', reach.resource);
      await recordAccess(request, {
        caseId: null,
        resourceType: 'thematic_report',
        resourceId: reach.programmeId,
        action: 'list',
        grounds: groundsOf(reach),
        outcome: 'success',
      });
      return {
        items: rows.map((r) => presentVersion(r.version, showNames ? r.publisher : null)),
        abilities: { publish: can(reach.actor, 'synthesis.report', reach.resource) },
      };
    },
  );

  app.post(
    '/api/programmes/:id/synthesis/report/versions',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: publishInputSchema,
        response: { 201: reportVersionSchema },
      },
      config: { policy: 'synthesis.report' },
      preValidation: programmeFirst('synthesis.report'),
    },
    async (request, reply) => {
      const reach = await programmeGuard(request, request.params.id, 'synthesis.report');
      const now = fastify.clock();
      // Built before the transaction (it reads much); the transaction then checks that no thread
      // or recommendation in it changed meanwhile, so what is stored is what was built.
      const generated = await generateThematicReport(db(), {
        programmeId: reach.programmeId,
        threadIds: request.body.threadIds,
        lang: request.body.lang,
        actor: reach.actor,
        now,
        draft: false,
      });
      const row = await runPublish(request, reach, generated, request.body.note);
      reply.status(201);
      const [me] = await db()
        .select({ name: users.displayName })
        .from(users)
        .where(eq(users.id, reach.actor.userId));
      return presentVersion(row, me?.name ?? null);
    },
  );

  async function runPublish(
    request: FastifyRequest,
    reach: Reach,
    generated: Awaited<ReturnType<typeof generateThematicReport>>,
    note: string,
  ) {
    return runCommand(contextOf(request), async ({ tx, audit }) => {
      await tx
        .select({ id: programmes.id })
        .from(programmes)
        .where(eq(programmes.id, reach.programmeId))
        .for('update');
      const threadIds = generated.threadVersions.map((t) => t.threadId);
      const threadsNow = await tx
        .select({
          id: synthesisThreads.id,
          version: synthesisThreads.version,
          status: synthesisThreads.status,
        })
        .from(synthesisThreads)
        .where(inArray(synthesisThreads.id, threadIds));
      const recIds = generated.recommendationVersions.map((r) => r.recommendationId);
      const recsNow = recIds.length
        ? await tx
            .select({
              id: recommendations.id,
              version: recommendations.version,
              state: recommendations.reviewState,
            })
            .from(recommendations)
            .where(inArray(recommendations.id, recIds))
        : [];
      const stale =
        generated.threadVersions.some((t) => {
          const now = threadsNow.find((x) => x.id === t.threadId);
          return !now || now.version !== t.version || now.status !== 'active';
        }) ||
        generated.recommendationVersions.some((r) => {
          const now = recsNow.find((x) => x.id === r.recommendationId);
          return !now || now.version !== r.version || now.state !== 'published';
        });
      if (stale)
        throw new AppError(
          'CONFLICT',
          'Een rode draad of aanbeveling in dit rapport is intussen gewijzigd. Bekijk het voorbeeld opnieuw en publiceer dan.',
        );
      const [last] = await tx
        .select({ n: max(thematicReportVersions.number) })
        .from(thematicReportVersions)
        .where(eq(thematicReportVersions.programmeId, reach.programmeId));
      const number = (last?.n ?? 0) + 1;
      const content: ThematicReport = { ...generated.report, version: number };
      const [row] = await tx
        .insert(thematicReportVersions)
        .values({
          programmeId: reach.programmeId,
          number,
          lang: content.lang,
          note,
          content,
          threadVersions: generated.threadVersions,
          recommendationVersions: generated.recommendationVersions,
          publishedBy: reach.actor.userId,
          publishedAt: new Date(content.generatedAt),
        })
        .returning();
      await audit(
        ...reportEntries(reach, `${reach.programmeId}:${number}`, 'create', generated.quoteCases),
      );
      return row!;
    });
  }

  for (const extension of reportFormats) {
    const format = reportFileTypes[extension];
    app.get(
      `/api/programmes/:id/synthesis/report/versions/:number.${extension}`,
      {
        schema: { tags, params: reportVersionParamsSchema },
        config: { policy: 'synthesis.aggregates' },
        preValidation: programmeFirst('synthesis.aggregates'),
      },
      async (request, reply) => {
        const reach = await programmeGuard(request, request.params.id, 'synthesis.aggregates');
        const [row] = await db()
          .select()
          .from(thematicReportVersions)
          .where(
            and(
              eq(thematicReportVersions.programmeId, reach.programmeId),
              eq(thematicReportVersions.number, request.params.number),
            ),
          );
        if (!row) throw new AppError('NOT_FOUND');
        const { report, quoteCases } = await publishedForPrint(db(), row.content, fastify.clock());
        const file = await format.render(report);
        await recordAccess(
          request,
          ...reportEntries(reach, `${reach.programmeId}:${row.number}`, 'export', quoteCases),
        );
        return reply
          .header('content-type', format.type)
          .header('content-disposition', `attachment; filename="${fileName(report, extension)}"`)
          .header('cache-control', 'no-store')
          .send(file);
      },
    );
  }
}
