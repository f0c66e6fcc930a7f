// The API client: error bodies become typed ApiErrors with field errors, the CSRF header goes
// with every write, a 401 hands over to the session, and answers off the contract are caught.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { stubFetch } from '../testing/render';
import {
  ApiError,
  apiRequest,
  parseErrorResponse,
  setCsrfToken,
  setUnauthenticatedHandler,
  withQuery,
} from './api';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setUnauthenticatedHandler(null);
});

describe('parseErrorResponse', () => {
  it('reads code, message and field errors from the error body', () => {
    const error = parseErrorResponse(
      400,
      JSON.stringify({
        error: {
          code: 'INVALID_INPUT',
          message: 'Niet alle velden zijn goed ingevuld.',
          details: {
            fields: [
              { path: 'name', message: 'Vul een naam in' },
              { path: 'stakeholderGroups.2.code', message: 'Deze code komt twee keer voor' },
              { path: 'name', message: 'a second message for the same field' },
            ],
          },
        },
      }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toBe('Niet alle velden zijn goed ingevuld.');
    expect(error.fieldMessages).toEqual({
      name: 'Vul een naam in',
      'stakeholderGroups.2.code': 'Deze code komt twee keer voor',
    });
  });

  it('reads a conflict without field errors', () => {
    const error = parseErrorResponse(
      409,
      JSON.stringify({
        error: { code: 'CONFLICT', message: 'Iemand anders heeft dit gewijzigd.' },
      }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.fields).toEqual([]);
    expect(error.details).toEqual({});
  });

  it('keeps the other details, such as what a refused withdrawal would remove', () => {
    const removes = [
      { resourceType: 'timeline_item', id: 'x', description: 'Tijdlijn: verhuizing' },
    ];
    const error = parseErrorResponse(
      409,
      JSON.stringify({
        error: { code: 'CONFLICT', message: 'Er wordt meer verwijderd.', details: { removes } },
      }),
    );
    expect(error.details.removes).toEqual(removes);
    expect(error.fields).toEqual([]);
  });

  it('falls back on the status when the body is not our error shape', () => {
    expect(parseErrorResponse(502, '<html>Bad gateway</html>').code).toBe('INTERNAL');
    expect(parseErrorResponse(404, '').code).toBe('NOT_FOUND');
    expect(parseErrorResponse(409, '{"unexpected":true}').code).toBe('CONFLICT');
    expect(parseErrorResponse(418, '').code).toBe('UNEXPECTED_RESPONSE');
  });
});

describe('apiRequest', () => {
  const okSchema = z.object({ ok: z.literal(true) });

  it('sends JSON with the CSRF header on writes, not on reads', async () => {
    const { calls } = stubFetch(() => ({ body: { ok: true } }));
    setCsrfToken('csrf-123');
    await apiRequest('/api/things', okSchema, { method: 'POST', body: { name: 'x' } });
    await apiRequest('/api/things', okSchema);
    expect(calls[0]).toMatchObject({
      method: 'POST',
      body: { name: 'x' },
      headers: { 'content-type': 'application/json', 'x-csrf-token': 'csrf-123' },
    });
    expect(calls[1]?.headers['x-csrf-token']).toBeUndefined();
  });

  it('throws an ApiError with the server field errors', async () => {
    stubFetch(() => ({
      status: 400,
      body: {
        error: {
          code: 'INVALID_INPUT',
          message: 'Niet alle velden zijn goed ingevuld.',
          details: { fields: [{ path: 'email', message: 'Vul een geldig e-mailadres in' }] },
        },
      },
    }));
    const error = await apiRequest('/api/setup', okSchema, { method: 'POST', body: {} }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fieldMessages.email).toBe('Vul een geldig e-mailadres in');
  });

  it('hands a 401 to the session handler, except for auth probes', async () => {
    stubFetch(() => ({ status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'x' } } }));
    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    await expect(apiRequest('/api/teams', okSchema)).rejects.toMatchObject({ status: 401 });
    expect(handler).toHaveBeenCalledTimes(1);
    await expect(
      apiRequest('/api/auth/session', okSchema, { isAuthProbe: true }),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('reports an answer off the contract and a network failure with their own codes', async () => {
    stubFetch(() => ({ body: { ok: 'yes' } }));
    await expect(apiRequest('/api/x', okSchema)).rejects.toMatchObject({
      code: 'UNEXPECTED_RESPONSE',
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(apiRequest('/api/x', okSchema)).rejects.toMatchObject({
      code: 'NETWORK',
      status: 0,
    });
  });
});

describe('withQuery', () => {
  it('adds only the parameters that have a value', () => {
    expect(
      withQuery('/api/teams', { page: 2, q: '', sort: '-name', includeArchived: undefined }),
    ).toBe('/api/teams?page=2&sort=-name');
    expect(withQuery('/api/teams', {})).toBe('/api/teams');
  });
});
