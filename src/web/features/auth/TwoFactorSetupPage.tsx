// /two-factor — set up two-factor login. Sessions of roles that need it can do nothing else
// until it is done; afterwards the recovery codes are shown once.
import { useState } from 'react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { sessionQueryKey, useCurrentSession } from '../../app/session';
import { AppLink } from '../../ui/links';
import { PageHeading } from '../../ui/PageHeading';
import { RecoveryCodes } from './RecoveryCodes';
import { TotpEnrolForm } from './TotpEnrolForm';

export function TwoFactorSetupPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const isAfterSetup = (location.state as { afterSetup?: boolean } | null)?.afterSetup === true;
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  const onContinue = async () => {
    // The server has made this a full session: read it again before going on.
    await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    queryClient.removeQueries({ queryKey: ['totp-enrolment'] });
    void navigate('/', { replace: true, state: isAfterSetup ? { welcome: true } : null });
  };

  if (session?.hasTotp && !recoveryCodes) {
    return (
      <div className="kl-narrow">
        <PageHeading>{t('totp.title')}</PageHeading>
        <Paragraph>{t('totp.alreadyOn')}</Paragraph>
        <Paragraph>
          <AppLink to="/">{t('notFound.home')}</AppLink>
        </Paragraph>
      </div>
    );
  }

  return (
    <div className="kl-narrow">
      <PageHeading>{t('totp.title')}</PageHeading>
      {recoveryCodes ? (
        <RecoveryCodes codes={recoveryCodes} onContinue={() => void onContinue()} />
      ) : (
        <>
          {isAfterSetup && <Paragraph>{t('totp.afterSetup')}</Paragraph>}
          <Paragraph purpose="lead">{t('totp.intro')}</Paragraph>
          <TotpEnrolForm onConfirmed={setRecoveryCodes} />
        </>
      )}
    </div>
  );
}
