// /teams/new — make an uitvoeringsteam; afterwards its page opens so members can be added.
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Team } from '../../../shared/contract/organisations';
import { flashState } from '../../app/useFlash';
import { BackLink } from '../../ui/BackLink';
import { PageHeading } from '../../ui/PageHeading';
import { teamKeys } from './api';
import { TeamForm } from './TeamForm';

export function TeamNewPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const onSaved = (team: Team) => {
    queryClient.setQueryData(teamKeys.detail(team.id), team);
    void queryClient.invalidateQueries({ queryKey: teamKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['programmes'] });
    void navigate(`/teams/${team.id}`, {
      state: flashState(t('team.created', { name: team.name })),
    });
  };
  return (
    <div className="kl-form-page">
      <BackLink to="/teams">{t('teams.backToList')}</BackLink>
      <PageHeading>{t('team.newTitle')}</PageHeading>
      <Paragraph>{t('team.newIntro')}</Paragraph>
      <TeamForm
        team={null}
        initialProgrammeId={searchParams.get('programme') ?? ''}
        cancelTo="/teams"
        onSaved={onSaved}
      />
    </div>
  );
}
