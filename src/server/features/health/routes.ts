// Liveness and readiness: answers 200 only when the database answers.
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { typed } from '../../http/context';

const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
});

export async function healthRoutes(fastify: FastifyInstance) {
  typed(fastify).get(
    '/api/health',
    { schema: { tags: ['system'], response: { 200: healthSchema } }, config: { policy: 'public' } },
    async () => {
      await fastify.database.db.execute(sql`select 1`);
      return { status: 'ok' as const, database: fastify.database.kind };
    },
  );
}
