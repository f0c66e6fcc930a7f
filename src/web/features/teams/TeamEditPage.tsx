// /teams/:id/edit — change a team's name, programme, municipality or planned sessions.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Team } from '../../../shared/contract/organisations';
import { flashState } from '../../app/useFlash';
import { BackLink } from '../../ui/BackLink';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { teamKeys, teamQuery } from './api';
import { TeamForm } from './TeamForm';

export function TeamEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const query = useQuery(teamQuery(id));
  const onSaved = (team: Team) => {
    queryClient.setQueryData(teamKeys.detail(id), team);
    void queryClient.invalidateQueries({ queryKey: teamKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['programmes'] });
    void navigate(`/teams/${id}`, { state: flashState(t('team.saved', { name: team.name })) });
  };
  return (
    <div className="kl-form-page">
      <BackLink to={`/teams/${id}`}>{t('team.backToTeam')}</BackLink>
      <PageHeading>
        {query.data ? t('team.editTitle', { name: query.data.name }) : t('team.editTitleEmpty')}
      </PageHeading>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.abilities.update ? (
        <TeamForm
          key={query.data.version}
          team={query.data}
          cancelTo={`/teams/${id}`}
          onSaved={onSaved}
          onReload={() => void query.refetch()}
        />
      ) : (
        <p className="nl-paragraph">{t('common.readOnly')}</p>
      )}
    </div>
  );
}
