// /login — logs a user in (password, then the code from their app when two-factor login is
// on) and returns them to where they were (?next=).
import { useState } from 'react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { safeNextPath } from '../../app/next-path';
import { startSession, useSession, type WebSession } from '../../app/session';
import { Alert } from '../../ui/Alert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import type { LoginResponse } from './api';
import { LoginForm } from './LoginForm';
import { TotpLoginForm } from './TotpLoginForm';

/** Why the login page opened, handed over in the router state by the page before. */
export type LoginReason = 'expired' | 'loggedOut' | 'loggedOutEverywhere' | 'passwordSet';
type LoginState = { reason?: LoginReason } | null;

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const reason = (location.state as LoginState)?.reason;
  const [challengeToken, setChallengeToken] = useState<string | null>(null);

  if (session.isPending) return <LoadingState />;
  if (session.data) return <Navigate to={next} replace />;

  const onDone = (started: WebSession) => {
    startSession(queryClient, started);
    void navigate(next, { replace: true });
  };
  const onResult = (result: LoginResponse) => {
    if (result.status === 'ok') onDone(result);
    else setChallengeToken(result.challengeToken);
  };

  return (
    <div className="kl-narrow">
      <PageHeading>{t('login.title')}</PageHeading>
      {challengeToken ? (
        <TotpLoginForm
          challengeToken={challengeToken}
          onDone={onDone}
          onRestart={() => setChallengeToken(null)}
        />
      ) : (
        <>
          {reason === 'expired' && <Alert type="info">{t('login.expired')}</Alert>}
          {reason === 'loggedOut' && <Alert type="ok">{t('login.loggedOut')}</Alert>}
          {reason === 'loggedOutEverywhere' && (
            <Alert type="ok">{t('login.loggedOutEverywhere')}</Alert>
          )}
          {reason === 'passwordSet' && <Alert type="ok">{t('login.passwordSet')}</Alert>}
          <Paragraph>{t('login.intro')}</Paragraph>
          <LoginForm onResult={onResult} />
        </>
      )}
    </div>
  );
}
