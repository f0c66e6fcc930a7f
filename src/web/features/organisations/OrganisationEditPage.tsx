// /organisations/:id — edit a partner organisation, or archive and restore it.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Organisation } from '../../../shared/contract/organisations';
import { flashState } from '../../app/useFlash';
import { ArchiveControl } from '../../ui/ArchiveControl';
import { BackLink } from '../../ui/BackLink';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { StatusBadge } from '../../ui/StatusBadge';
import { organisationKeys, organisationQuery, setOrganisationArchived } from './api';
import { OrganisationForm } from './OrganisationForm';

export function OrganisationEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const query = useQuery(organisationQuery(id));
  const onSaved = (organisation: Organisation) => {
    queryClient.setQueryData(organisationKeys.detail(id), organisation);
    void queryClient.invalidateQueries({ queryKey: organisationKeys.all });
    void navigate('/organisations', {
      state: flashState(t('organisation.saved', { name: organisation.name })),
    });
  };
  return (
    <div className="kl-form-page">
      <BackLink to="/organisations">{t('organisations.backToList')}</BackLink>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <>
          <PageHeading>{t('organisation.editTitle')}</PageHeading>
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        </>
      ) : (
        <>
          <PageHeading>{query.data.name}</PageHeading>
          {query.data.archivedAt && (
            <StatusBadge status="inactive">{t('common.archived')}</StatusBadge>
          )}
          {query.data.abilities.update ? (
            <OrganisationForm
              key={query.data.version}
              organisation={query.data}
              onSaved={onSaved}
              onReload={() => void query.refetch()}
            />
          ) : (
            <p className="nl-paragraph">{t('common.readOnly')}</p>
          )}
          {query.data.abilities.archive && (
            <ArchiveControl
              isArchived={Boolean(query.data.archivedAt)}
              onArchive={(isArchived) => setOrganisationArchived(id, isArchived)}
              onDone={() => void queryClient.invalidateQueries({ queryKey: organisationKeys.all })}
            />
          )}
        </>
      )}
    </div>
  );
}
