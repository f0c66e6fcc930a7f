// Logger options: no personal data in application logs. URLs lose their query string and
// their tokens; cookies, CSRF tokens and any body field that could identify a person are redacted.
import type { FastifyServerOptions } from 'fastify';

export function redactUrl(url: string): string {
  const pathOnly = url.split('?')[0] ?? '';
  return pathOnly.replace(/^(\/api\/setup\/|\/setup\/|\/api\/links\/)[^/]+/, '$1[redacted]');
}

export const redactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.email',
  '*.displayName',
  '*.name',
  '*.token',
  'body',
  '*.body',
];

export function loggerOptions(
  level: string,
  stream?: { write: (line: string) => void },
): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: redactPaths, censor: '[redacted]' },
    serializers: {
      req(request: { method: string; url: string; id: string }) {
        return { method: request.method, url: redactUrl(request.url), id: request.id };
      },
    },
  };
}
