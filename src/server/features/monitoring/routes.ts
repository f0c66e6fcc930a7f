// HTTP routes of access-table monitoring. A region's routes reach it through regionGuard (404 for
// a region the actor may not use, before the input is read); every read and write of the
// register, every import and every report is in the access log. Access tables and the lists are
// the administrators' (no register data in them).
import { and, eq, lt } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/contract/common';
import {
  accessRegionListSchema,
  accessTableInputSchema,
  accessTableListSchema,
  accessTableMemberInputSchema,
  accessTableMemberParamsSchema,
  accessTableSchema,
  accessTableUpdateSchema,
  importCheckInputSchema,
  importCheckSchema,
  importCommitInputSchema,
  importLimits,
  importParamsSchema,
  importResultSchema,
  importUploadSchema,
  monitoringEntryInputSchema,
  monitoringEntryParamsSchema,
  monitoringEntryUpdateSchema,
  monitoringListParamsSchema,
  monitoringListsSchema,
  monitoringOrderSchema,
  quarterlyReportSchema,
  regionParamsSchema,
  registrationInputSchema,
  registrationListQuerySchema,
  registrationListSchema,
  registrationParamsSchema,
  registrationSchema,
  registrationUpdateSchema,
  reportQuerySchema,
  versionQuerySchema,
  type AccessRegion,
} from '../../../shared/contract/monitoring';
import { todayIso } from '../../../shared/domain/fuzzy-date';
import { contextOf, recordAccess, typed } from '../../http/context';
import { AppError } from '../../http/errors';
import { requireActor } from '../../policy/enforce';
import { can } from '../../policy/policy';
import {
  guardRegionBeforeValidation,
  regionGuard,
  regionResource,
  type RegionReach,
} from './access';
import { checkRows, parseUpload, suggestMapping } from './import';
import {
  listAccessTables,
  listRegistrations,
  loadLists,
  readRegistration,
  regionTables,
  regionsWithTables,
} from './queries';
import { buildQuarterlyReport, thresholdOf } from './report';
import {
  renderReportCsv,
  renderReportDocx,
  renderReportPdf,
  renderReportXlsx,
  type Lang,
} from './report-render';
import {
  addListEntry,
  createAccessTable,
  createRegistration,
  importRegistrations,
  orderList,
  removeRegistration,
  setTableMember,
  updateAccessTable,
  updateListEntry,
  updateRegistration,
  type CheckedRegistration,
} from './save';
import { monitoringImports } from './schema';

export async function monitoringRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.database.db;
  const tags = ['monitoring'];

  // An import arrives as bytes; its type is decided by its content, not its name.
  fastify.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: importLimits.bytes },
    (_request, body, done) => done(null, body),
  );

  const reach = (
    request: FastifyRequest & { params: { id: string } },
    action: Parameters<typeof regionGuard>[2],
  ) => regionGuard(request, request.params.id, action);

  async function presentRegistration(request: FastifyRequest, r: RegionReach, id: string) {
    const registration = await readRegistration(db(), r.region.code, id);
    if (!registration) throw new AppError('NOT_FOUND');
    await recordAccess(request, {
      caseId: null,
      resourceType: 'access_registration',
      resourceId: id,
      action: 'read',
      grounds: r.grounds,
      outcome: 'success',
    });
    return registration;
  }

  // ---- Regions ----

  app.get(
    '/api/access-regions',
    {
      schema: { tags, response: { 200: accessRegionListSchema } },
      config: { policy: 'monitoring.report' },
    },
    async (request) => {
      const actor = requireActor(request);
      const items: AccessRegion[] = [];
      for (const region of await regionsWithTables(db())) {
        const resource = await regionResource(db(), actor, region.code);
        const abilities = {
          register: can(actor, 'monitoring.write', resource),
          report: can(actor, 'monitoring.report', resource),
        };
        if (!abilities.report && !abilities.register) continue;
        const tables = await regionTables(db(), region.code);
        items.push({
          ...region,
          tables: tables.map(({ id, name, kind, isArchived }) => ({
            id,
            name,
            kind: kind as AccessRegion['tables'][number]['kind'],
            isArchived,
          })),
          abilities,
        });
      }
      return { items, abilities: { manage: can(actor, 'monitoring.manage') } };
    },
  );

  // ---- The register ----

  app.get(
    '/api/access-regions/:id/registrations',
    {
      schema: {
        tags,
        params: regionParamsSchema,
        querystring: registrationListQuerySchema,
        response: { 200: registrationListSchema },
      },
      config: { policy: 'monitoring.read' },
      preValidation: guardRegionBeforeValidation('monitoring.read'),
    },
    async (request) => {
      const r = await reach(request, 'monitoring.read');
      const { items, total } = await listRegistrations(db(), r.region.code, request.query);
      await recordAccess(request, {
        caseId: null,
        resourceType: 'access_registration',
        resourceId: r.region.code,
        action: 'list',
        grounds: r.grounds,
        outcome: 'success',
      });
      return {
        items,
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
        abilities: { create: can(r.actor, 'monitoring.write', r.resource) },
      };
    },
  );

  app.post(
    '/api/access-regions/:id/registrations',
    {
      schema: {
        tags,
        params: regionParamsSchema,
        body: registrationInputSchema,
        response: { 201: registrationSchema },
      },
      config: { policy: 'monitoring.write' },
      preValidation: guardRegionBeforeValidation('monitoring.write'),
    },
    async (request, reply) => {
      const r = await reach(request, 'monitoring.write');
      const id = await createRegistration(
        { ...contextOf(request), reach: r },
        request.body as CheckedRegistration,
      );
      reply.status(201);
      return presentRegistration(request, r, id);
    },
  );

  app.get(
    '/api/access-regions/:id/registrations/:registrationId',
    {
      schema: { tags, params: registrationParamsSchema, response: { 200: registrationSchema } },
      config: { policy: 'monitoring.read' },
      preValidation: guardRegionBeforeValidation('monitoring.read'),
    },
    async (request) => {
      const r = await reach(request, 'monitoring.read');
      return presentRegistration(request, r, request.params.registrationId);
    },
  );

  app.put(
    '/api/access-regions/:id/registrations/:registrationId',
    {
      schema: {
        tags,
        params: registrationParamsSchema,
        body: registrationUpdateSchema,
        response: { 200: registrationSchema },
      },
      config: { policy: 'monitoring.write' },
      preValidation: guardRegionBeforeValidation('monitoring.write'),
    },
    async (request) => {
      const r = await reach(request, 'monitoring.write');
      await updateRegistration(
        { ...contextOf(request), reach: r },
        request.params.registrationId,
        request.body as CheckedRegistration & { version: number },
      );
      return presentRegistration(request, r, request.params.registrationId);
    },
  );

  app.delete(
    '/api/access-regions/:id/registrations/:registrationId',
    {
      schema: { tags, params: registrationParamsSchema, querystring: versionQuerySchema },
      config: { policy: 'monitoring.write' },
      preValidation: guardRegionBeforeValidation('monitoring.write'),
    },
    async (request, reply) => {
      const r = await reach(request, 'monitoring.write');
      await removeRegistration(
        { ...contextOf(request), reach: r },
        request.params.registrationId,
        request.query.version,
      );
      return reply.status(204).send();
    },
  );

  // ---- Import ----

  app.post(
    '/api/access-regions/:id/imports',
    {
      schema: {
        tags,
        params: regionParamsSchema,
        querystring: z.object({ fileName: z.string().max(200).default('bestand') }),
        response: { 201: importUploadSchema },
      },
      config: { policy: 'monitoring.write' },
      preValidation: guardRegionBeforeValidation('monitoring.write', 'access_import'),
    },
    async (request, reply) => {
      const r = await reach(request, 'monitoring.write');
      if (!Buffer.isBuffer(request.body))
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          'Stuur het bestand als application/octet-stream.',
        );
      const file = await parseUpload(request.body);
      const now = fastify.clock();
      const expiresAt = new Date(now.getTime() + importLimits.minutes * 60_000);
      const actor = requireActor(request);
      // Uploads nobody finished are removed as new ones arrive.
      await db().delete(monitoringImports).where(lt(monitoringImports.expiresAt, now));
      const [row] = await db()
        .insert(monitoringImports)
        .values({
          regionCode: r.region.code,
          userId: actor.userId,
          fileName: request.query.fileName,
          headers: file.headers,
          rows: file.rows,
          createdAt: now,
          expiresAt,
        })
        .returning({ id: monitoringImports.id });
      await recordAccess(request, {
        caseId: null,
        resourceType: 'access_import',
        resourceId: row!.id,
        action: 'create',
        grounds: r.grounds,
        outcome: 'success',
      });
      reply.status(201);
      return {
        importId: row!.id,
        fileName: request.query.fileName,
        headers: file.headers,
        preview: file.rows.slice(0, 5),
        rowCount: file.rows.length,
        mapping: suggestMapping(file.headers),
        expiresAt: expiresAt.toISOString(),
      };
    },
  );

  async function loadImport(request: FastifyRequest, r: RegionReach, importId: string) {
    const actor = requireActor(request);
    const [row] = await db()
      .select()
      .from(monitoringImports)
      .where(
        and(
          eq(monitoringImports.id, importId),
          eq(monitoringImports.userId, actor.userId),
          eq(monitoringImports.regionCode, r.region.code),
        ),
      );
    if (!row || row.expiresAt < fastify.clock())
      throw new AppError(
        'NOT_FOUND',
        'Deze upload bestaat niet (meer). Upload het bestand opnieuw.',
      );
    return row;
  }

  async function checkImport(
    request: FastifyRequest,
    r: RegionReach,
    importId: string,
    input: {
      mapping: z.infer<typeof importCheckInputSchema>['mapping'];
      defaultTableId: string | null;
    },
  ) {
    const upload = await loadImport(request, r, importId);
    const [lists, tables] = await Promise.all([loadLists(db()), regionTables(db(), r.region.code)]);
    if (input.defaultTableId && !tables.some((t) => t.id === input.defaultTableId))
      throw new AppError('INVALID_INPUT', 'Deze tafel hoort niet bij deze regio.', {
        fields: [{ path: 'defaultTableId', message: 'Deze tafel hoort niet bij deze regio' }],
      });
    return checkRows({ headers: upload.headers, rows: upload.rows }, input.mapping, {
      lists,
      tables,
      defaultTableId: input.defaultTableId,
      today: todayIso(fastify.clock()),
    });
  }

  app.post(
    '/api/access-regions/:id/imports/:importId/check',
    {
      schema: {
        tags,
        params: importParamsSchema,
        body: importCheckInputSchema,
        response: { 200: importCheckSchema },
      },
      config: { policy: 'monitoring.write' },
      preValidation: guardRegionBeforeValidation('monitoring.write', 'access_import'),
    },
    async (request) => {
      const r = await reach(request, 'monitoring.write');
      const result = await checkImport(request, r, request.params.importId, request.body);
      return {
        rowCount: result.rowCount,
        validRows: result.good.length,
        invalidRows: result.invalidRows,
        errors: result.errors.slice(0, 1000),
      };
    },
  );

  app.post(
    '/api/access-regions/:id/imports/:importId/commit',
    {
      schema: {
        tags,
        params: importParamsSchema,
        body: importCommitInputSchema,
        response: { 201: importResultSchema },
      },
      config: { policy: 'monitoring.write' },
      preValidation: guardRegionBeforeValidation('monitoring.write', 'access_import'),
    },
    async (request, reply) => {
      const r = await reach(request, 'monitoring.write');
      const result = await checkImport(request, r, request.params.importId, request.body);
      if (result.invalidRows > 0 && !request.body.skipInvalidRows)
        throw new AppError(
          'INVALID_INPUT',
          `${result.invalidRows} van de ${result.rowCount} rijen hebben fouten. Er is niets opgeslagen: verbeter het bestand, of kies ervoor de rijen met fouten over te slaan.`,
          { rows: result.errors.slice(0, 1000), invalidRows: result.invalidRows },
        );
      if (result.good.length === 0)
        throw new AppError('INVALID_INPUT', 'Geen enkele rij is goed. Er is niets opgeslagen.', {
          rows: result.errors.slice(0, 1000),
          invalidRows: result.invalidRows,
        });
      const imported = await importRegistrations(
        { ...contextOf(request), reach: r },
        request.params.importId,
        result.good,
      );
      reply.status(201);
      return { imported, skipped: result.invalidRows };
    },
  );

  // ---- The quarterly report ----

  async function report(
    request: FastifyRequest,
    r: RegionReach,
    query: z.infer<typeof reportQuerySchema>,
  ) {
    const tables = await regionTables(db(), r.region.code);
    const table = query.tableId ? tables.find((t) => t.id === query.tableId) : undefined;
    if (query.tableId && !table) throw new AppError('NOT_FOUND');
    return buildQuarterlyReport(
      db(),
      {
        region: r.region,
        table: table ? { id: table.id, name: table.name } : null,
        threshold: thresholdOf(tables, query.tableId),
      },
      query.quarter,
    );
  }

  app.get(
    '/api/access-regions/:id/report',
    {
      schema: {
        tags,
        params: regionParamsSchema,
        querystring: reportQuerySchema,
        response: { 200: quarterlyReportSchema },
      },
      config: { policy: 'monitoring.report' },
      preValidation: guardRegionBeforeValidation('monitoring.report', 'access_report'),
    },
    async (request) => {
      const r = await reach(request, 'monitoring.report');
      const result = await report(request, r, request.query);
      await recordAccess(request, {
        caseId: null,
        resourceType: 'access_report',
        resourceId: `${r.region.code}:${request.query.quarter}`,
        action: 'read',
        grounds: r.grounds,
        outcome: 'success',
      });
      return result;
    },
  );

  const formats = {
    pdf: { type: 'application/pdf', render: renderReportPdf },
    docx: {
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      render: renderReportDocx,
    },
    csv: {
      type: 'text/csv; charset=utf-8',
      render: async (...args: Parameters<typeof renderReportCsv>) => renderReportCsv(...args),
    },
    xlsx: {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      render: renderReportXlsx,
    },
  } as const;
  for (const [extension, format] of Object.entries(formats)) {
    app.get(
      `/api/access-regions/:id/report.${extension}`,
      {
        schema: { tags, params: regionParamsSchema, querystring: reportQuerySchema },
        config: { policy: 'monitoring.report' },
        preValidation: guardRegionBeforeValidation('monitoring.report', 'access_report'),
      },
      async (request, reply) => {
        const r = await reach(request, 'monitoring.report');
        const result = await report(request, r, request.query);
        const file = await format.render(result, request.query.lang as Lang);
        await recordAccess(request, {
          caseId: null,
          resourceType: 'access_report',
          resourceId: `${r.region.code}:${request.query.quarter}`,
          action: 'export',
          grounds: r.grounds,
          outcome: 'success',
        });
        const name = `kwartaalrapportage-${r.region.code}-${request.query.quarter}.${extension}`;
        return reply
          .header('content-type', format.type)
          .header('content-disposition', `attachment; filename="${name}"`)
          .header('cache-control', 'no-store')
          .send(file);
      },
    );
  }

  // ---- Access tables (administrators) ----

  app.get(
    '/api/access-tables',
    {
      schema: { tags, response: { 200: accessTableListSchema } },
      config: { policy: 'monitoring.manage' },
    },
    async () => ({ items: await listAccessTables(db()) }),
  );

  async function presentTable(id: string) {
    const [table] = await listAccessTables(db(), id);
    if (!table) throw new AppError('NOT_FOUND');
    return table;
  }

  app.post(
    '/api/access-tables',
    {
      schema: { tags, body: accessTableInputSchema, response: { 201: accessTableSchema } },
      config: { policy: 'monitoring.manage' },
    },
    async (request, reply) => {
      const id = await createAccessTable(contextOf(request), request.body);
      reply.status(201);
      return presentTable(id);
    },
  );

  app.put(
    '/api/access-tables/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: accessTableUpdateSchema,
        response: { 200: accessTableSchema },
      },
      config: { policy: 'monitoring.manage' },
    },
    async (request) => {
      await updateAccessTable(contextOf(request), request.params.id, request.body);
      return presentTable(request.params.id);
    },
  );

  app.put(
    '/api/access-tables/:id/members',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: accessTableMemberInputSchema,
        response: { 200: accessTableSchema },
      },
      config: { policy: 'monitoring.manage' },
    },
    async (request) => {
      await setTableMember(contextOf(request), request.params.id, request.body.userId, true);
      return presentTable(request.params.id);
    },
  );

  app.delete(
    '/api/access-tables/:id/members/:userId',
    {
      schema: { tags, params: accessTableMemberParamsSchema, response: { 200: accessTableSchema } },
      config: { policy: 'monitoring.manage' },
    },
    async (request) => {
      await setTableMember(contextOf(request), request.params.id, request.params.userId, false);
      return presentTable(request.params.id);
    },
  );

  // ---- The editable lists ----

  async function presentLists(request: FastifyRequest) {
    const lists = await loadLists(db());
    return {
      lists: (['problem_area', 'question_type'] as const).map((list) => ({
        list,
        entries: lists[list],
      })),
      abilities: { manage: can(request.actor, 'monitoring.manage') },
    };
  }

  app.get(
    '/api/monitoring-lists',
    {
      schema: { tags, response: { 200: monitoringListsSchema } },
      config: { policy: 'reference.read' },
    },
    async (request) => presentLists(request),
  );

  app.post(
    '/api/monitoring-lists/:id/entries',
    {
      schema: {
        tags,
        params: monitoringListParamsSchema,
        body: monitoringEntryInputSchema,
        response: { 201: monitoringListsSchema },
      },
      config: { policy: 'monitoring.manage' },
    },
    async (request, reply) => {
      await addListEntry(contextOf(request), request.params.id, request.body);
      reply.status(201);
      return presentLists(request);
    },
  );

  app.put(
    '/api/monitoring-lists/:id/entries/:code',
    {
      schema: {
        tags,
        params: monitoringEntryParamsSchema,
        body: monitoringEntryUpdateSchema,
        response: { 200: monitoringListsSchema },
      },
      config: { policy: 'monitoring.manage' },
    },
    async (request) => {
      await updateListEntry(
        contextOf(request),
        request.params.id,
        request.params.code,
        request.body,
      );
      return presentLists(request);
    },
  );

  app.put(
    '/api/monitoring-lists/:id/order',
    {
      schema: {
        tags,
        params: monitoringListParamsSchema,
        body: monitoringOrderSchema,
        response: { 200: monitoringListsSchema },
      },
      config: { policy: 'monitoring.manage' },
    },
    async (request) => {
      await orderList(contextOf(request), request.params.id, request.body.codes);
      return presentLists(request);
    },
  );
}
