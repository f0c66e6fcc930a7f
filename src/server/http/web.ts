// Serves the built single-page app (dist/web): hashed assets with a long cache, every other
// non-API path gets index.html so the client router can take over.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from './errors';

export async function registerWeb(app: FastifyInstance, webRoot: string) {
  const indexFile = path.join(webRoot, 'index.html');
  if (!fs.existsSync(indexFile)) {
    app.get('/', { config: { policy: 'public' } }, async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('Ketenlens: de webapp is niet gebouwd. Voer "npm run build" uit.'),
    );
    return;
  }
  await app.register(fastifyStatic, { root: webRoot, serve: false });
  app.get('/*', { config: { policy: 'public' } }, async (request, reply) => {
    const urlPath = decodeURIComponent((request.url.split('?')[0] ?? '/').replace(/^\/+/, ''));
    if (urlPath === 'api' || urlPath.startsWith('api/'))
      throw new AppError('NOT_FOUND', 'Deze API-route bestaat niet.');
    const file = path.join(webRoot, urlPath);
    if (
      urlPath &&
      file.startsWith(webRoot + path.sep) &&
      fs.existsSync(file) &&
      fs.statSync(file).isFile()
    ) {
      const isHashed = urlPath.startsWith('assets/');
      return reply.sendFile(urlPath, { maxAge: isHashed ? '365d' : 0, immutable: isHashed });
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html', { maxAge: 0 });
  });
}
