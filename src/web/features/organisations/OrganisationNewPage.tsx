// /organisations/new — add a partner organisation.
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Organisation } from '../../../shared/contract/organisations';
import { flashState } from '../../app/useFlash';
import { BackLink } from '../../ui/BackLink';
import { PageHeading } from '../../ui/PageHeading';
import { organisationKeys } from './api';
import { OrganisationForm } from './OrganisationForm';

export function OrganisationNewPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const onSaved = (organisation: Organisation) => {
    void queryClient.invalidateQueries({ queryKey: organisationKeys.all });
    void navigate('/organisations', {
      state: flashState(t('organisation.created', { name: organisation.name })),
    });
  };
  return (
    <div className="kl-form-page">
      <BackLink to="/organisations">{t('organisations.backToList')}</BackLink>
      <PageHeading>{t('organisation.newTitle')}</PageHeading>
      <OrganisationForm organisation={null} onSaved={onSaved} />
    </div>
  );
}
