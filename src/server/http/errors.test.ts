import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type AuthHeaders, type TestApp } from '../testing/app';
import { testDatabaseKinds } from '../testing/database';

describe.each(testDatabaseKinds())('the API error shape (%s)', (kind) => {
  let test: TestApp;
  let admin: AuthHeaders;

  beforeAll(async () => {
    test = await createTestApp(kind, { env: { BODY_LIMIT_BYTES: '2048' } });
    admin = await loginAs(test, 'admin');
  });
  afterAll(() => test.close());

  it('answers unknown API routes with a JSON 404', async () => {
    const response = await test.app.inject({
      method: 'GET',
      url: '/api/does-not-exist',
      headers: admin,
    });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });

  it('answers an unknown method on a known path with a JSON 404', async () => {
    const response = await test.app.inject({
      method: 'PATCH',
      url: '/api/programmes',
      headers: admin,
      payload: {},
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });

  it('answers malformed JSON with 400 MALFORMED_JSON, not 500', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { ...admin, 'content-type': 'application/json' },
      payload: '{"name": "Half',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('MALFORMED_JSON');
  });

  it('answers a wrong content type with 400 and a clear code', async () => {
    for (const contentType of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/xml',
    ]) {
      const response = await test.app.inject({
        method: 'POST',
        url: '/api/organisations',
        headers: { ...admin, 'content-type': contentType },
        payload: 'name=Test',
      });
      expect(response.statusCode, contentType).toBe(400);
      expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('answers a body over the size limit with 413', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: admin,
      payload: { name: 'x'.repeat(5000), type: 'other' },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('names each invalid field', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/programmes',
      headers: admin,
      payload: { name: '', periodStart: 'gisteren', smallCellThreshold: 0 },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe('INVALID_INPUT');
    const paths = body.error.details.fields.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual(['name', 'periodStart', 'smallCellThreshold']);
    for (const field of body.error.details.fields)
      expect(field.message).toEqual(expect.any(String));
  });

  it('names an invalid query parameter', async () => {
    const response = await test.app.inject({
      method: 'GET',
      url: '/api/programmes?pageSize=100000&sort=colour',
      headers: admin,
    });
    expect(response.statusCode).toBe(400);
    const paths = response
      .json()
      .error.details.fields.map((f: { path: string }) => f.path)
      .sort();
    expect(paths).toEqual(['pageSize', 'sort']);
  });

  it('answers a malformed id with 400 naming the parameter', async () => {
    const response = await test.app.inject({
      method: 'GET',
      url: '/api/programmes/not-a-uuid',
      headers: admin,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.fields[0].path).toBe('id');
  });
});
