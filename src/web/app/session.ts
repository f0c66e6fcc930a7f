// The current session (who is logged in, and their CSRF token) as TanStack Query state.
// A 401 from the session probe simply means "nobody is logged in".
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { sessionSchema } from '../../shared/contract/auth';
import { apiRequest, isApiError, setCsrfToken } from './api';

/** The session as the web reads it: exactly the contract's shape. */
export const webSessionSchema = sessionSchema;
export type WebSession = z.infer<typeof webSessionSchema>;

/** The session may only be used to set up two-factor login until that is done. */
export function mustEnrolTotp(session: WebSession | null): boolean {
  return session?.stage === 'enrol_totp';
}

export const sessionQueryKey = ['session'] as const;

export async function fetchSession(): Promise<WebSession | null> {
  try {
    const session = await apiRequest('/api/auth/session', webSessionSchema, { isAuthProbe: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: fetchSession,
    staleTime: Infinity,
    retry: false,
  });
}

/** The logged-in user's session, or null (also while it is still loading). */
export function useCurrentSession(): WebSession | null {
  return useSession().data ?? null;
}

/** After login or setup: remember the new session and its CSRF token. */
export function startSession(queryClient: QueryClient, session: WebSession) {
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData(sessionQueryKey, session);
}

/** After logout or expiry: forget everything the previous user could see. */
export function endSession(queryClient: QueryClient) {
  setCsrfToken(null);
  queryClient.clear();
  queryClient.setQueryData(sessionQueryKey, null);
}
