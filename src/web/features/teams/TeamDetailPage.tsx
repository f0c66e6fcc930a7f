// /teams/:id — one uitvoeringsteam: its facts, its members, and archive/restore.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useFlash } from '../../app/useFlash';
import { Alert } from '../../ui/Alert';
import { ArchiveControl } from '../../ui/ArchiveControl';
import { BackLink } from '../../ui/BackLink';
import { DataList } from '../../ui/DataList';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { AppLink, ButtonLink } from '../../ui/links';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { StatusBadge } from '../../ui/StatusBadge';
import { setTeamArchived, teamKeys, teamQuery } from './api';
import { TeamMembers } from './TeamMembers';

export function TeamDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const flash = useFlash();
  const queryClient = useQueryClient();
  const query = useQuery(teamQuery(id));

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <>
        <BackLink to="/teams">{t('teams.backToList')}</BackLink>
        <PageHeading>{t('team.title')}</PageHeading>
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const team = query.data;
  return (
    <>
      <BackLink to="/teams">{t('teams.backToList')}</BackLink>
      <div className="kl-page-header">
        <PageHeading>{team.name}</PageHeading>
        {team.abilities.update && (
          <ButtonLink to={`/teams/${team.id}/edit`} purpose="secondary">
            {t('team.edit')}
          </ButtonLink>
        )}
      </div>
      {flash && <Alert type="ok">{flash}</Alert>}
      {team.archivedAt && <StatusBadge status="inactive">{t('common.archived')}</StatusBadge>}
      <DataList
        items={[
          {
            key: 'programme',
            label: t('team.programme'),
            value: <AppLink to={`/programmes/${team.programmeId}`}>{team.programmeName}</AppLink>,
          },
          { key: 'municipality', label: t('team.municipality'), value: team.municipalityName },
          { key: 'sessions', label: t('team.plannedSessions'), value: team.plannedSessions },
          { key: 'members', label: t('team.memberCount'), value: team.memberCount },
        ]}
      />
      <TeamMembers team={team} />
      {team.abilities.archive && (
        <ArchiveControl
          isArchived={Boolean(team.archivedAt)}
          onArchive={(isArchived) => setTeamArchived(team.id, isArchived)}
          onDone={() => void queryClient.invalidateQueries({ queryKey: teamKeys.all })}
        />
      )}
    </>
  );
}
