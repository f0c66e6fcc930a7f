// /cases/new — open a case for one of your teams; afterwards the case page opens, where the
// participants and their consent are recorded.
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { flashState } from '../../app/useFlash';
import { BackLink } from '../../ui/BackLink';
import { PageHeading } from '../../ui/PageHeading';
import { caseKeys } from './api';
import { CaseForm } from './CaseForm';

export function CaseNewPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const onCreated = (id: string) => {
    void queryClient.invalidateQueries({ queryKey: caseKeys.all });
    void navigate(`/cases/${id}`, { state: flashState(t('case.created')) });
  };
  return (
    <div className="kl-form-page">
      <BackLink to="/cases">{t('cases.backToList')}</BackLink>
      <PageHeading>{t('case.newTitle')}</PageHeading>
      <Paragraph>{t('case.newIntro')}</Paragraph>
      <CaseForm onCreated={onCreated} />
    </div>
  );
}
