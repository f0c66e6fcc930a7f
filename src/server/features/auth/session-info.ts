// Builds the session response the web reads: who is logged in, the CSRF token, and the
// two-factor state. One place, used after setup, login and by GET /api/auth/session.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import type { Role, SessionInfo, SessionStage } from '../../../shared/contract/auth';
import { AppError } from '../../http/errors';
import { users } from './schema';
import { requiresTotp } from './totp';
import { actions, can } from '../../policy/policy';

export async function sessionInfo(
  db: Db,
  params: { userId: string; csrfToken: string; stage: SessionStage; isDemo: boolean },
): Promise<SessionInfo> {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(users)
    .where(eq(users.id, params.userId));
  if (!user) throw new AppError('UNAUTHENTICATED');
  const role = user.role as Role;
  const actor = {
    userId: user.id,
    role,
    organisationId: null,
    sessionIdHash: '',
    sessionStage: params.stage,
    teamIds: [],
  };
  return {
    user: { id: user.id, email: user.email, displayName: user.displayName, role },
    csrfToken: params.csrfToken,
    isDemo: params.isDemo,
    stage: params.stage,
    hasTotp: user.totpEnabledAt !== null,
    isTotpRequired: requiresTotp(role) && !params.isDemo,
    permissions: actions.filter((action) => action !== 'public' && can(actor, action)),
  };
}
