// What the interface offers before there is a record to ask: the session carries the policy's
// allowed actions (`permissions`), computed by the server's one policy. Records carry their own
// `abilities` for edit and archive. The web never decides from the role itself.
import type { WebSession } from './session';

export function hasPermission(session: WebSession | null, action: string): boolean {
  return session?.permissions?.includes(action) ?? false;
}

export function canManageOrganisationLayer(session: WebSession | null): boolean {
  return hasPermission(session, 'programme.manage');
}

/** Institution types and the timeline's category lists (Keuzelijsten). */
export function canManageReferenceLists(session: WebSession | null): boolean {
  return hasPermission(session, 'case.reference.manage');
}

/** Versioned instruments (the dossier checklist, the analysis domain set): drafts, publishing. */
export function canManageInstruments(session: WebSession | null): boolean {
  return hasPermission(session, 'instrument.manage');
}

export function canManageAccounts(session: WebSession | null): boolean {
  return hasPermission(session, 'user.manage');
}

export function canReadAccessLog(session: WebSession | null): boolean {
  return hasPermission(session, 'access_log.read');
}

/** Researchers, professionals and experts by experience in a team or assigned to a case. */
export function canReadCases(session: WebSession | null): boolean {
  return hasPermission(session, 'case.read');
}

/** Researchers open cases for their own teams; the server checks the team on saving. */
export function canCreateCases(session: WebSession | null): boolean {
  return hasPermission(session, 'case.create');
}

/** A youth or parent of a case: their own case, consents and access log. */
export function canReadOwnCase(session: WebSession | null): boolean {
  return hasPermission(session, 'own_case.read');
}

/** Staff of a programme's teams: its codebook and coding across cases. */
export function canReadCoding(session: WebSession | null): boolean {
  return hasPermission(session, 'codebook.read');
}
