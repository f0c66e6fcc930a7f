// Calls and query keys of account management (administrators): the account list, one
// account, creating it with its invitation link, editing, blocking, resetting two-step login
// and making a new one-time link. There is no mail server: links are handed out on screen.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  oneTimeLinkSchema,
  userDetailSchema,
  userInputSchema,
  userListQuerySchema,
  userListSchema,
  userUpdateSchema,
  userWithLinkSchema,
} from '../../../shared/contract/auth';
import { apiRequest, withQuery } from '../../app/api';
import { listQueryParams, type ListRequest } from '../../app/list';

export type AccountSort = z.output<typeof userListQuerySchema>['sort'];
export const accountSorts = userListQuerySchema.shape.sort.unwrap().options;
export type AccountInput = z.input<typeof userInputSchema>;
export type AccountUpdate = z.input<typeof userUpdateSchema>;
export type OneTimeLink = z.output<typeof oneTimeLinkSchema>;
export type AccountWithLink = z.output<typeof userWithLinkSchema>;

/** Under ['users'], so a change here also refreshes the people pickers elsewhere. */
export const accountKeys = {
  all: ['users'] as const,
  list: (request: ListRequest<AccountSort>) => ['users', 'list', request] as const,
  search: (text: string) => ['users', 'search', text] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
};

export function accountListQuery(request: ListRequest<AccountSort>) {
  return queryOptions({
    queryKey: accountKeys.list(request),
    queryFn: ({ signal }) =>
      apiRequest(withQuery('/api/users', listQueryParams(request)), userListSchema, { signal }),
    placeholderData: keepPreviousData,
    // People change their own account too (accepting an invitation): always ask again.
    staleTime: 0,
  });
}

/** Accounts whose name or e-mail address contains the text, for a picker. */
export function searchAccounts(text: string, signal?: AbortSignal, pageSize = 20) {
  return apiRequest(
    withQuery('/api/users', { q: text || undefined, pageSize, sort: 'name' }),
    userListSchema,
    { signal },
  );
}

export function accountQuery(id: string) {
  return queryOptions({
    queryKey: accountKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(`/api/users/${id}`, userDetailSchema, { signal }),
    staleTime: 0,
  });
}

/** Makes the account and its invitation link (shown once). */
export function createAccount(body: AccountInput) {
  return apiRequest('/api/users', userWithLinkSchema, { method: 'POST', body });
}

export function updateAccount(id: string, body: AccountUpdate) {
  return apiRequest(`/api/users/${id}`, userDetailSchema, { method: 'PUT', body });
}

export function setAccountDisabled(id: string, isDisabled: boolean) {
  return apiRequest(`/api/users/${id}/disable`, userDetailSchema, {
    method: 'POST',
    body: { isDisabled },
  });
}

export function resetAccountTwoFactor(id: string) {
  return apiRequest(`/api/users/${id}/reset-2fa`, userDetailSchema, { method: 'POST' });
}

/** A new invitation link (account not used yet) or password link; older ones stop working. */
export function createAccountLink(id: string) {
  return apiRequest(`/api/users/${id}/link`, oneTimeLinkSchema, { method: 'POST' });
}
