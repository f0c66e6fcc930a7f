// /link/:token — the page behind an invitation or password link. Youths and parents open it
// too, often on a phone: short sentences, one task. It checks the link first and explains
// plainly when it no longer works; otherwise the person chooses a password and logs in next.
import { useState } from 'react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { AppLink } from '../../ui/links';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { checkLink } from './api';
import { LinkPasswordForm } from './LinkPasswordForm';

export function LinkPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [isUsedUp, setUsedUp] = useState(false);
  const status = useQuery({
    queryKey: ['link', token],
    queryFn: () => checkLink(token),
    retry: false,
    staleTime: Infinity,
  });

  if (status.isPending) return <LoadingState label={t('link.checking')} />;

  const isLinkInvalid =
    isUsedUp ||
    (isApiError(status.error) && status.error.status >= 400 && status.error.status < 500) ||
    (status.data && status.data.purpose === 'setup');
  if (isLinkInvalid) return <LinkInvalid />;
  if (status.isError) {
    return (
      <div className="kl-narrow">
        <PageHeading>{t('link.resetTitle')}</PageHeading>
        <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />
      </div>
    );
  }

  const isInvitation = status.data.purpose === 'invitation';
  const name = status.data.displayName;
  return (
    <div className="kl-narrow">
      <PageHeading>{isInvitation ? t('link.invitationTitle') : t('link.resetTitle')}</PageHeading>
      {name && <Paragraph purpose="lead">{t('link.hello', { name })}</Paragraph>}
      <Paragraph>{isInvitation ? t('link.invitationIntro') : t('link.resetIntro')}</Paragraph>
      <LinkPasswordForm
        token={token}
        submitLabel={t('link.submit')}
        onDone={() => void navigate('/login', { replace: true, state: { reason: 'passwordSet' } })}
        onLinkInvalid={() => setUsedUp(true)}
      />
    </div>
  );
}

function LinkInvalid() {
  const { t } = useTranslation();
  return (
    <div className="kl-narrow">
      <PageHeading>{t('link.invalidTitle')}</PageHeading>
      <Paragraph>{t('link.invalidText')}</Paragraph>
      <ul className="utrecht-unordered-list kl-bullets">
        <li className="utrecht-unordered-list__item">{t('link.invalidReasonUsed')}</li>
        <li className="utrecht-unordered-list__item">{t('link.invalidReasonExpired')}</li>
        <li className="utrecht-unordered-list__item">{t('link.invalidReasonTypo')}</li>
      </ul>
      <Paragraph>{t('link.invalidNewLink')}</Paragraph>
      <Paragraph>
        <AppLink to="/login">{t('link.goToLogin')}</AppLink>
      </Paragraph>
    </div>
  );
}
