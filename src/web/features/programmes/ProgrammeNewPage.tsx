// /programmes/new — start a new programme.
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Programme } from '../../../shared/contract/organisations';
import { flashState } from '../../app/useFlash';
import { BackLink } from '../../ui/BackLink';
import { PageHeading } from '../../ui/PageHeading';
import { programmeKeys } from './api';
import { ProgrammeForm } from './ProgrammeForm';

export function ProgrammeNewPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const onSaved = (programme: Programme) => {
    void queryClient.invalidateQueries({ queryKey: programmeKeys.all });
    void navigate('/programmes', {
      state: flashState(t('programme.created', { name: programme.name })),
    });
  };
  return (
    <div className="kl-form-page">
      <BackLink to="/programmes">{t('programmes.backToList')}</BackLink>
      <PageHeading>{t('programme.newTitle')}</PageHeading>
      <Paragraph>{t('programme.newIntro')}</Paragraph>
      <ProgrammeForm programme={null} onSaved={onSaved} />
    </div>
  );
}
