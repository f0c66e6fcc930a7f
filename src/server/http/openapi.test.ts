import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app';

describe('the OpenAPI document', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp('pglite');
  });
  afterAll(() => test.close());

  it('is served publicly and describes every API route from the zod contract', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    for (const route of test.app.routeCatalogue) {
      if (
        !route.url.startsWith('/api/') ||
        route.url === '/api/openapi.json' ||
        route.method === 'HEAD'
      )
        continue;
      expect(documented, `${route.method} ${route.url}`).toContain(`${route.method} ${route.url}`);
    }
    const teamBody = doc.paths['/api/teams'].post.requestBody.content['application/json'].schema;
    expect(teamBody.required).toEqual(
      expect.arrayContaining(['name', 'programmeId', 'municipalityCode']),
    );
    expect(teamBody.properties.municipalityCode.pattern).toBe('^\\d{4}$');
  });
});
