// Builds the Fastify app without listening: main.ts starts it, tests call app.inject().
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config';
import type { Database } from './db/connect';
import { registerErrorHandlers } from './http/errors';
import { loggerOptions } from './http/logging';
import { registerWeb } from './http/web';
import { registerPolicyEnforcement } from './policy/enforce';
import { AuditWriter } from './features/audit/write';
import { registerSessionHooks } from './features/auth/session-hooks';
import { authRoutes } from './features/auth/routes';
import { healthRoutes } from './features/health/routes';
import { organisationRoutes } from './features/organisations/routes';
import { auditRoutes } from './features/audit/routes';
import { caseRoutes } from './features/cases/routes';
import { timelineRoutes } from './features/timeline/routes';
import { participantRoutes } from './features/cases/participant-routes';
import { meetingRoutes } from './features/meetings/routes';
import { analysisRoutes } from './features/analysis/routes';
import { instrumentRoutes } from './features/instruments/routes';
import { dossierRoutes } from './features/dossier/routes';
import { codingRoutes } from './features/coding/routes';
import { actionRoutes } from './features/actions/routes';
import { monitoringRoutes } from './features/monitoring/routes';
import { synthesisRoutes } from './features/synthesis/routes';
import { evidenceRoutes } from './features/synthesis/evidence-routes';
import { recommendationRoutes } from './features/recommendations/routes';
import { thematicReportRoutes } from './features/thematic-report/routes';
import { referenceListRoutes } from './features/cases/reference-routes';
import './http/context';

z.config(z.locales.nl());

export const defaultWebRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../dist/web',
);

export type BuildAppOptions = {
  config: Config;
  database: Database;
  clock?: () => Date;
  logger?: boolean;
  /** Where log lines go (stdout by default); tests read them to prove what is not logged. */
  logStream?: { write: (line: string) => void };
  webRoot?: string;
};

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    // Request ids are UUIDs: unique across restarts and app instances, so access-log entries trace.
    genReqId: () => randomUUID(),
    logger: options.logger === false ? false : loggerOptions(config.logLevel, options.logStream),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
  });
  app.decorate('config', config);
  app.decorate('database', options.database);
  app.decorate('clock', options.clock ?? (() => new Date()));
  app.decorate('auditWriter', new AuditWriter(options.database.db));

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Only JSON bodies: a text/plain body is what a cross-site form can send without preflight.
  app.removeContentTypeParser('text/plain');

  registerErrorHandlers(app);

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.publicUrl.startsWith('https://'),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Ketenlens API',
        version: '0.1.0',
        description: 'Ketenbreed leren van casussen in de jeugdzorg.',
      },
    },
    transform: jsonSchemaTransform,
  });
  // Order matters: the session is read before the route's policy is checked.
  registerSessionHooks(app);
  registerPolicyEnforcement(app);

  app.get('/api/openapi.json', { schema: { hide: true }, config: { policy: 'public' } }, async () =>
    app.swagger(),
  );
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(organisationRoutes);
  await app.register(auditRoutes);
  await app.register(caseRoutes);
  await app.register(timelineRoutes);
  await app.register(participantRoutes);
  await app.register(meetingRoutes);
  await app.register(analysisRoutes);
  await app.register(instrumentRoutes);
  await app.register(dossierRoutes);
  await app.register(referenceListRoutes);
  await app.register(codingRoutes);
  await app.register(actionRoutes);
  await app.register(monitoringRoutes);
  await app.register(synthesisRoutes);
  await app.register(evidenceRoutes);
  await app.register(recommendationRoutes);
  await app.register(thematicReportRoutes);
  await registerWeb(app, options.webRoot ?? defaultWebRoot);

  return app;
}
