// /programmes/:id — edit a programme, or archive and restore it.
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Programme } from '../../../shared/contract/organisations';
import { hasPermission } from '../../app/permissions';
import { useCurrentSession } from '../../app/session';
import { flashState } from '../../app/useFlash';
import { ArchiveControl } from '../../ui/ArchiveControl';
import { BackLink } from '../../ui/BackLink';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { AppLink } from '../../ui/links';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { StatusBadge } from '../../ui/StatusBadge';
import { programmeKeys, programmeQuery, setProgrammeArchived } from './api';
import { ProgrammeForm } from './ProgrammeForm';

export function ProgrammeEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const query = useQuery(programmeQuery(id));
  const session = useCurrentSession();

  const onSaved = (programme: Programme) => {
    queryClient.setQueryData(programmeKeys.detail(id), programme);
    void queryClient.invalidateQueries({ queryKey: programmeKeys.all });
    void navigate('/programmes', {
      state: flashState(t('programme.saved', { name: programme.name })),
    });
  };
  const refresh = () => void queryClient.invalidateQueries({ queryKey: programmeKeys.all });

  return (
    <div className="kl-form-page">
      <BackLink to="/programmes">{t('programmes.backToList')}</BackLink>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <>
          <PageHeading>{t('programme.editTitle')}</PageHeading>
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        </>
      ) : (
        <>
          <PageHeading>{query.data.name}</PageHeading>
          {query.data.archivedAt && (
            <StatusBadge status="inactive">{t('common.archived')}</StatusBadge>
          )}
          {query.data.abilities.update ? (
            <ProgrammeForm
              key={query.data.version}
              programme={query.data}
              onSaved={onSaved}
              onReload={() => void query.refetch()}
            />
          ) : (
            <p className="nl-paragraph">{t('common.readOnly')}</p>
          )}
          {query.data.abilities.archive && (
            <ArchiveControl
              isArchived={Boolean(query.data.archivedAt)}
              onArchive={(isArchived) => setProgrammeArchived(id, isArchived)}
              onDone={refresh}
            />
          )}
          {(hasPermission(session, 'codebook.read') || hasPermission(session, 'coding.read')) && (
            <section className="kl-section" aria-labelledby="programme-coding">
              <Heading level={2} id="programme-coding">
                {t('programme.codingTitle')}
              </Heading>
              <ul className="kl-bullets">
                {hasPermission(session, 'codebook.read') && (
                  <li>
                    <AppLink to={`/programmes/${id}/codebook`}>
                      {t('programme.codebookLink')}
                    </AppLink>
                  </li>
                )}
                {hasPermission(session, 'coding.read') && (
                  <li>
                    <AppLink to={`/programmes/${id}/coding`}>
                      {t('programme.crossCaseLink')}
                    </AppLink>
                  </li>
                )}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}
