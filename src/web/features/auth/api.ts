// Calls of the auth feature: first-admin setup, invitation and password links, login (with its
// two-factor step), logout (here or everywhere), two-factor enrolment, and the user list.
import type { z } from 'zod';
import {
  linkStatusSchema,
  loginRequestSchema,
  loginResponseSchema,
  okSchema,
  recoveryCodesSchema,
  setupRequestSchema,
  setupStatusSchema,
  totpLoginRequestSchema,
  totpSetupSchema,
  userListSchema,
} from '../../../shared/contract/auth';
import { apiRequest, withQuery } from '../../app/api';
import { webSessionSchema } from '../../app/session';

export type SetupRequest = z.input<typeof setupRequestSchema>;
export type LoginRequest = z.input<typeof loginRequestSchema>;
export type TotpLoginRequest = z.input<typeof totpLoginRequestSchema>;
export type LoginResponse = z.output<typeof loginResponseSchema>;

export function checkSetupToken(token: string) {
  return apiRequest(`/api/setup/${encodeURIComponent(token)}`, setupStatusSchema, {
    isAuthProbe: true,
  });
}

export function completeSetup(body: SetupRequest) {
  return apiRequest('/api/setup', webSessionSchema, { method: 'POST', body, isAuthProbe: true });
}

/** Either a session, or a challenge for the second step (a code from the app). */
export function login(body: LoginRequest) {
  return apiRequest('/api/auth/login', loginResponseSchema, {
    method: 'POST',
    body,
    isAuthProbe: true,
  });
}

export function loginWithTotp(body: TotpLoginRequest) {
  return apiRequest('/api/auth/login/totp', loginResponseSchema, {
    method: 'POST',
    body,
    isAuthProbe: true,
  });
}

/** Whether an invitation or password link still works, and whose it is. 410 when not. */
export function checkLink(token: string) {
  return apiRequest(`/api/links/${encodeURIComponent(token)}`, linkStatusSchema, {
    isAuthProbe: true,
  });
}

/** Sets the password with a link; the link stops working. No session: the user logs in next. */
export function setPasswordWithLink(token: string, password: string) {
  return apiRequest(`/api/links/${encodeURIComponent(token)}/password`, okSchema, {
    method: 'POST',
    body: { password },
    isAuthProbe: true,
  });
}

export function logout() {
  return apiRequest('/api/auth/logout', okSchema, { method: 'POST', isAuthProbe: true });
}

/** Ends every session of this user, on every device, this one included. */
export function logoutEverywhere() {
  return apiRequest('/api/auth/logout-everywhere', okSchema, {
    method: 'POST',
    isAuthProbe: true,
  });
}

/** Starts two-factor enrolment: a new secret, as text and as a QR code. */
export function startTotpEnrolment() {
  return apiRequest('/api/auth/totp/setup', totpSetupSchema, { method: 'POST' });
}

/** Confirms enrolment with a first code; answers with the recovery codes, shown once. */
export function confirmTotpEnrolment(code: string) {
  return apiRequest('/api/auth/totp/confirm', recoveryCodesSchema, {
    method: 'POST',
    body: { code },
  });
}

/** Users to choose from (admin only). The server caps a page at 200. */
export function listUsers(params: { q?: string; page?: number; pageSize?: number }) {
  return apiRequest(
    withQuery('/api/users', { sort: 'name', pageSize: 200, ...params }),
    userListSchema,
  );
}
