// /setup/:token — the first administrator's page. Checks the one-time link first and
// explains plainly when it was used, expired or mistyped; otherwise shows the setup form.
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { mustEnrolTotp, startSession, type WebSession } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { AppLink } from '../../ui/links';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { checkSetupToken } from './api';
import { SetupForm } from './SetupForm';

export function SetupPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const status = useQuery({
    queryKey: ['setup-token', token],
    queryFn: () => checkSetupToken(token),
    retry: false,
    staleTime: Infinity,
  });

  const onDone = (session: WebSession) => {
    startSession(queryClient, session);
    if (mustEnrolTotp(session)) {
      void navigate('/two-factor', { replace: true, state: { afterSetup: true } });
    } else {
      void navigate('/', { replace: true, state: { welcome: true } });
    }
  };

  if (status.isPending) return <LoadingState label={t('setup.checking')} />;

  const isLinkInvalid =
    (isApiError(status.error) && status.error.status >= 400 && status.error.status < 500) ||
    (status.data && status.data.purpose !== 'setup');
  if (isLinkInvalid) {
    return (
      <div className="kl-narrow">
        <PageHeading>{t('setup.invalidTitle')}</PageHeading>
        <Paragraph>{t('setup.invalidText')}</Paragraph>
        <ul className="utrecht-unordered-list kl-bullets">
          <li className="utrecht-unordered-list__item">{t('setup.invalidReasonUsed')}</li>
          <li className="utrecht-unordered-list__item">{t('setup.invalidReasonExpired')}</li>
          <li className="utrecht-unordered-list__item">{t('setup.invalidReasonTypo')}</li>
        </ul>
        <Paragraph>{t('setup.invalidNewLink')}</Paragraph>
        <Paragraph>
          <AppLink to="/login">{t('setup.goToLogin')}</AppLink>
        </Paragraph>
      </div>
    );
  }
  if (status.error) {
    return (
      <div className="kl-narrow">
        <PageHeading>{t('setup.title')}</PageHeading>
        <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />
      </div>
    );
  }
  return (
    <div className="kl-narrow">
      <PageHeading>{t('setup.title')}</PageHeading>
      <Paragraph purpose="lead">{t('setup.intro')}</Paragraph>
      <SetupForm token={token} onDone={onDone} />
    </div>
  );
}
