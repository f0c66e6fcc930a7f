// / — the start page: a welcome, and what to do next.
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { canManageOrganisationLayer, canReadCases } from '../../app/permissions';
import { useCurrentSession } from '../../app/session';
import { Alert } from '../../ui/Alert';
import { AppLink } from '../../ui/links';
import { PageHeading } from '../../ui/PageHeading';
import { NextSteps } from './NextSteps';

export function StartPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const location = useLocation();
  const isWelcome = (location.state as { welcome?: boolean } | null)?.welcome === true;
  const name = session?.user.displayName ?? '';
  return (
    <>
      <PageHeading>{t('start.title', { name })}</PageHeading>
      {isWelcome && <Alert type="ok">{t('start.accountReady')}</Alert>}
      <Paragraph purpose="lead">{t('start.intro')}</Paragraph>
      {canManageOrganisationLayer(session) ? (
        <NextSteps />
      ) : (
        <Paragraph>{t('start.notAdmin')}</Paragraph>
      )}
      {canReadCases(session) && (
        <Paragraph>
          <AppLink to="/cases">{t('start.toCases')}</AppLink>
        </Paragraph>
      )}
    </>
  );
}
