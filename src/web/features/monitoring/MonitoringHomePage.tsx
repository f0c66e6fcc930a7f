// /toegangstafels — the regions whose access tables the reader may use: the register for table
// members, the quarterly report for whoever may read it, and the administrators' settings.
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { AppLink } from '../../ui/links';
import { regionsQuery } from './api';
import './monitoring.css';

export function MonitoringHomePage() {
  const { t } = useTranslation();
  const regions = useQuery(regionsQuery());
  return (
    <>
      <PageHeading>{t('monitoring.title')}</PageHeading>
      <Paragraph>{t('monitoring.intro')}</Paragraph>
      {regions.data?.abilities.manage && (
        <Paragraph>
          <AppLink to="/toegangstafels/beheer">{t('monitoring.admin.link')}</AppLink>
        </Paragraph>
      )}
      {regions.isPending && <LoadingState />}
      {regions.isError && (
        <ErrorAlert error={regions.error} onRetry={() => void regions.refetch()} />
      )}
      {regions.data && regions.data.items.length === 0 && (
        <EmptyState>{t('monitoring.noRegions')}</EmptyState>
      )}
      <ul className="kl-monitoring__regions">
        {regions.data?.items.map((region) => (
          <li key={region.code} className="kl-monitoring__region">
            <Heading level={2}>{region.name}</Heading>
            <Paragraph>
              {region.tables
                .filter((table) => !table.isArchived)
                .map((table) => `${table.name} (${t(`monitoring.kind.${table.kind}`)})`)
                .join(' · ')}
            </Paragraph>
            <ul className="kl-monitoring__links">
              {region.abilities.register && (
                <li>
                  <AppLink to={`/toegangstafels/${region.code}`}>
                    {t('monitoring.register.title')}
                  </AppLink>
                </li>
              )}
              {region.abilities.report && (
                <li>
                  <AppLink to={`/toegangstafels/${region.code}/rapportage`}>
                    {t('monitoring.report.title')}
                  </AppLink>
                </li>
              )}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}
