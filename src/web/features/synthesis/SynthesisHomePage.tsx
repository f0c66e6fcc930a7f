// /synthese — where cross-case synthesis starts: the reader's programmes, each with the parts
// they may open (a policymaker sees only the aggregates).
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { synthesisProgrammesQuery } from './api';
import { PartLinks } from './PartLinks';
import './synthesis.css';

export function SynthesisHomePage() {
  const { t } = useTranslation();
  const query = useQuery(synthesisProgrammesQuery);
  return (
    <div className="kl-sy-page">
      <PageHeading>{t('synthesis.home.title')}</PageHeading>
      <p className="nl-paragraph kl-sy-intro">{t('synthesis.home.intro')}</p>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState>{t('synthesis.home.empty')}</EmptyState>
      ) : (
        <ul className="kl-sy-home">
          {query.data.items.map((programme) => (
            <li key={programme.id} className="kl-sy-home__item">
              <Heading level={2}>{programme.name}</Heading>
              <PartLinks
                programme={programme}
                label={t('synthesis.home.partsOf', { name: programme.name })}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
