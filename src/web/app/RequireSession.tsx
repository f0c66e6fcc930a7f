// Guards the pages that need a logged-in user: waits for the session probe, sends anonymous
// visitors to the login page with a way back, and keeps a session that must first set up
// two-factor login on that page.
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert } from '../ui/ErrorAlert';
import { LoadingState } from '../ui/LoadingState';
import { loginPathFor } from './next-path';
import { canReadOwnCase } from './permissions';
import { mustEnrolTotp, useSession } from './session';

export const twoFactorPath = '/two-factor';

export function RequireSession() {
  const { data, isPending, error, refetch } = useSession();
  const location = useLocation();
  if (isPending) return <LoadingState />;
  if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (!data) return <Navigate to={loginPathFor(location.pathname, location.search)} replace />;
  if (mustEnrolTotp(data) && location.pathname !== twoFactorPath) {
    return <Navigate to={twoFactorPath} replace />;
  }
  // A youth or parent has one place to be: their own case.
  if (location.pathname === '/' && canReadOwnCase(data))
    return <Navigate to="/mijn-casus" replace />;
  return <Outlet />;
}
