// The one way the web talks to the server: JSON in and out, the CSRF header on every
// state-changing request, responses checked against the shared contract, and every failure
// turned into a typed ApiError. A 401 hands control to the session (which sends the user to
// the login page), except for calls that expect it, such as the session probe and the login.
import type { z } from 'zod';
import { errorBodySchema, type ErrorCode, type FieldError } from '../../shared/contract/common';

/** Failures only the client can observe: no answer at all, or an answer off the contract. */
export const clientErrorCodes = ['NETWORK', 'UNEXPECTED_RESPONSE'] as const;
export type ApiErrorCode = ErrorCode | (typeof clientErrorCodes)[number];

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly fields: FieldError[];
  /** Everything else the server put in `error.details` (e.g. `removes` of a refused withdrawal). */
  readonly details: Record<string, unknown>;

  constructor(
    status: number,
    code: ApiErrorCode,
    message: string,
    fields: FieldError[] = [],
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
  }

  /** Field errors keyed by their path (`name`, `stakeholderGroups.2.code`). First one wins. */
  get fieldMessages(): Record<string, string> {
    const byPath: Record<string, string> = {};
    for (const field of this.fields) byPath[field.path] ??= field.message;
    return byPath;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

const codeByStatus: Record<number, ErrorCode> = {
  400: 'INVALID_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'CSRF_FAILED',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  410: 'TOKEN_INVALID',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** Turns a failed response's status and body text into an ApiError, whatever the body holds. */
export function parseErrorResponse(status: number, bodyText: string): ApiError {
  let body: unknown = null;
  try {
    body = bodyText ? JSON.parse(bodyText) : null;
  } catch {
    // A proxy's HTML error page, for instance: fall back to the status below.
  }
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(status, code, message, details?.fields ?? [], details ?? {});
  }
  const code = codeByStatus[status] ?? (status >= 500 ? 'INTERNAL' : 'UNEXPECTED_RESPONSE');
  return new ApiError(status, code, '');
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Registered by the app shell; called when the server says the session is gone. */
export function setUnauthenticatedHandler(handler: (() => void) | null) {
  onUnauthenticated = handler;
}

export type QueryValue = string | number | boolean | null | undefined;

/** Adds the defined parameters to a path: `withQuery('/api/teams', { page: 2 })`. */
export function withQuery(path: string, params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type RequestOptions = {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
  /** A 401 is an expected answer here (session probe, login): do not redirect. */
  isAuthProbe?: boolean;
};

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', '');
  }
  if (!response.ok) {
    const apiError = parseErrorResponse(response.status, await response.text());
    if (apiError.status === 401 && !options.isAuthProbe) onUnauthenticated?.();
    throw apiError;
  }
  return response;
}

/** Sends a request and returns the body checked against the contract schema. */
export async function apiRequest<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const response = await send(path, options);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ApiError(response.status, 'UNEXPECTED_RESPONSE', '');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiError(response.status, 'UNEXPECTED_RESPONSE', '');
  return parsed.data;
}

/** For answers without a body (204). */
export async function apiRequestNoContent(path: string, options: RequestOptions): Promise<void> {
  await send(path, options);
}
