// Routes of the access-log views for administrators: list with filters, CSV export, chain check.
// Reading the log is itself logged.
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import {
  accessLogListSchema,
  accessLogQuerySchema,
  chainReportSchema,
} from '../../../shared/contract/audit';
import { recordAccess, typed } from '../../http/context';
import { accessLogCsv, listAccessLog } from './queries';
import { verifyAccessLogChain } from './verify';

export async function auditRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.database.db;

  app.get(
    '/api/access-log',
    {
      schema: {
        tags: ['access log'],
        querystring: accessLogQuerySchema,
        response: { 200: accessLogListSchema },
      },
      config: { policy: 'access_log.read' },
    },
    async (request) => {
      await recordAccess(request, {
        resourceType: 'access_log',
        action: 'list',
        grounds: 'administrator',
        outcome: 'success',
        caseId: request.query.caseId ?? null,
      });
      return listAccessLog({ db: db(), ...request.query });
    },
  );

  app.get(
    '/api/access-log.csv',
    {
      schema: { tags: ['access log'], querystring: accessLogQuerySchema },
      config: { policy: 'access_log.read' },
    },
    async (request, reply) => {
      await recordAccess(request, {
        resourceType: 'access_log',
        action: 'export',
        grounds: 'administrator',
        outcome: 'success',
        caseId: request.query.caseId ?? null,
      });
      const stamp = fastify.clock().toISOString().slice(0, 10);
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="toegangslog-${stamp}.csv"`);
      // A byte-order mark so spreadsheet programs read the UTF-8 correctly.
      return reply.send(
        Readable.from(
          (async function* () {
            yield '\ufeff';
            yield* accessLogCsv(db(), request.query);
          })(),
        ),
      );
    },
  );

  app.get(
    '/api/access-log/verify',
    {
      schema: { tags: ['access log'], response: { 200: chainReportSchema } },
      config: { policy: 'access_log.read' },
    },
    async (request) => {
      const report = await verifyAccessLogChain(db());
      await recordAccess(request, {
        resourceType: 'access_log',
        action: 'verify',
        grounds: 'administrator',
        outcome: report.isIntact ? 'success' : 'failure',
      });
      return report;
    },
  );
}
