// The administrator's first steps, each with whether it is done yet: a programme, partner
// organisations, and teams with their members.
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../ui/links';
import { StatusBadge } from '../../ui/StatusBadge';
import { organisationListQuery } from '../organisations/api';
import { programmeListQuery } from '../programmes/api';
import { teamListQuery } from '../teams/api';

export function NextSteps() {
  const { t } = useTranslation();
  const programmes = useQuery(programmeListQuery({ page: 1, pageSize: 1, sort: 'name' }));
  const organisations = useQuery(organisationListQuery({ page: 1, pageSize: 1, sort: 'name' }));
  const teams = useQuery(teamListQuery({ page: 1, pageSize: 1, sort: 'name' }));
  const steps = [
    {
      key: 'programme',
      to: '/programmes',
      total: programmes.data?.total,
      title: t('start.stepProgramme'),
      text: t('start.stepProgrammeText'),
    },
    {
      key: 'organisations',
      to: '/organisations',
      total: organisations.data?.total,
      title: t('start.stepOrganisations'),
      text: t('start.stepOrganisationsText'),
    },
    {
      key: 'teams',
      to: '/teams',
      total: teams.data?.total,
      title: t('start.stepTeams'),
      text: t('start.stepTeamsText'),
    },
  ];
  return (
    <section className="kl-section" aria-labelledby="next-steps-heading">
      <Heading level={2} id="next-steps-heading">
        {t('start.nextTitle')}
      </Heading>
      <ol className="kl-steps">
        {steps.map((step) => (
          <li key={step.key} className="kl-steps__item">
            <Heading level={3} appearance="level-4">
              <AppLink to={step.to}>{step.title}</AppLink>
            </Heading>
            <Paragraph>{step.text}</Paragraph>
            {step.total !== undefined &&
              (step.total > 0 ? (
                <StatusBadge status="success">
                  {t('start.stepDone', { count: step.total })}
                </StatusBadge>
              ) : (
                <StatusBadge status="neutral">{t('start.stepTodo')}</StatusBadge>
              ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
