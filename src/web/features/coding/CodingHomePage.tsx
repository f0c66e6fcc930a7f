// /coding — where coding starts: the programmes of the user's teams, each with its codebook and
// its coding work across cases. Interviews themselves are reached from their case.
import { Heading } from '@nl-design-system-candidate/heading-react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../../app/api';
import { codingProgrammesSchema } from '../../../shared/contract/coding';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { AppLink } from '../../ui/links';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import './coding.css';

export const codingProgrammesQuery = queryOptions({
  queryKey: ['coding', 'programmes'],
  queryFn: ({ signal }) => apiRequest('/api/coding/programmes', codingProgrammesSchema, { signal }),
});

export function CodingHomePage() {
  const { t } = useTranslation();
  const query = useQuery(codingProgrammesQuery);
  return (
    <div className="kl-cd-page">
      <PageHeading>{t('coding.home.title')}</PageHeading>
      <p className="nl-paragraph kl-cd-intro">{t('coding.home.intro')}</p>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState>{t('coding.home.empty')}</EmptyState>
      ) : (
        <ul className="kl-cd-home">
          {query.data.items.map((programme) => (
            <li key={programme.id} className="kl-cd-home__item">
              <Heading level={2}>{programme.name}</Heading>
              <ul className="kl-cd-home__links">
                <li>
                  <AppLink to={`/programmes/${programme.id}/codebook`}>
                    {t('coding.home.codebook')}
                  </AppLink>
                </li>
                <li>
                  <AppLink to={`/programmes/${programme.id}/coding`}>
                    {t('coding.home.crossCase')}
                  </AppLink>
                </li>
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
