// Test helpers for web components: the providers the app gives them, and a fetch stub that
// answers per URL and records what was asked.
import type { ReactElement, ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { vi } from 'vitest';
import { startSession, type WebSession } from '../app/session';
import '../i18n';

// How long findBy… and waitFor wait for the screen to get there. The library's 1 s is too short
// when the machine is busy (the browser and database tests run alongside): a slow render then
// failed a test that was right. This is a limit on waiting, not a timed assertion.
configure({ asyncUtilTimeout: 5_000 });

export type RenderOptions = {
  route?: string;
  path?: string;
  /** More pages to navigate to, e.g. the login page after a redirect. */
  routes?: { path: string; element: ReactNode }[];
  /** A logged-in session (with its CSRF token), so permission-dependent controls show. */
  session?: WebSession;
};

/** A full session of an administrator with the given permissions. */
export function testSession(
  permissions: string[],
  userId = '00000000-0000-4000-8000-00000000ad01',
) {
  return {
    user: { id: userId, email: 'bea@example.org', displayName: 'Bea Beheer', role: 'admin' },
    csrfToken: 'csrf',
    isDemo: false,
    stage: 'full',
    hasTotp: true,
    isTotpRequired: true,
    permissions,
  } satisfies WebSession;
}

export function renderWithProviders(ui: ReactElement, options: RenderOptions = {}) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 0 }, mutations: { retry: false } },
  });
  if (options.session) startSession(queryClient, options.session);
  const result = render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[options.route ?? '/']}>
        <Routes>
          <Route path={options.path ?? '*'} element={ui} />
          {options.routes?.map((route) => (
            <Route key={route.path} path={route.path} element={route.element} />
          ))}
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { ...result, queryClient };
}

/** The text of the elements an input names in aria-describedby (its hint and its error). */
export function descriptionOf(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

export type FetchCall = {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
};
type Answer = { status?: number; body?: unknown };

/** Replaces global fetch; `answer` decides the response for each call. */
export function stubFetch(answer: (call: FetchCall) => Answer) {
  const calls: FetchCall[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const call: FetchCall = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: { ...(init?.headers as Record<string, string> | undefined) },
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const { status = 200, body } = answer(call);
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchStub);
  return { calls, fetchStub };
}
