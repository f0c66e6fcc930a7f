// Two-factor login with TOTP (RFC 6238, as authenticator apps use it) and one-time recovery codes.
import { randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Role } from '../../../shared/contract/auth';
import { hashToken } from './tokens';

/** Roles that see other people's case data must use two-factor login; participants may. */
export function requiresTotp(role: Role): boolean {
  return role !== 'participant';
}

export function newTotpSecret(): string {
  return generateSecret();
}

export async function totpEnrolment(secret: string, accountLabel: string) {
  const uri = generateURI({ issuer: 'Ketenlens', label: accountLabel, secret });
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, uri, qrSvg };
}

/**
 * Checks a 6-digit code, allowing one step of clock drift either way, and never accepting a
 * time step at or before the last one used (no replay). Returns the step to remember.
 */
export async function checkTotp(
  secret: string,
  code: string,
  now: Date,
  lastTimeStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(lastTimeStep !== null ? { afterTimeStep: lastTimeStep } : {}),
  });
  return result.valid && 'timeStep' in result && typeof result.timeStep === 'number'
    ? result.timeStep
    : null;
}

const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten recovery codes like "k7m2p-x9qrt" (about 49 bits each); only their hashes are stored. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5, 10)}`;
  });
}

export function hashRecoveryCode(code: string): string {
  return hashToken(code.trim().toLowerCase().replace(/\s+/g, ''));
}
