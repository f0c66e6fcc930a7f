// /mijn-casus — a youth's or parent's own case: with one case straight to it, else a choice.
// /mijn-casus/:id — the case in three parts, chosen with links at the top (kept in the URL as
// ?deel=, so the back button works): the timeline (with the reports of the meetings about the
// case above it, once there are any), consent, and who looked at the data.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { AccessLog } from './AccessLog';
import { ConsentList } from './ConsentList';
import { myCaseQuery, myCasesQuery } from './api';
import { MeetingReports } from './MeetingReports';
import { MyTimeline } from './MyTimeline';
import './participant.css';

export const myCasePath = '/mijn-casus';

export function MyCasesPage() {
  const { t } = useTranslation();
  const cases = useQuery(myCasesQuery());
  if (cases.isPending) return <LoadingState />;
  if (cases.error) return <ErrorAlert error={cases.error} onRetry={() => void cases.refetch()} />;
  const only = cases.data.length === 1 ? cases.data[0] : undefined;
  if (only) return <Navigate to={`${myCasePath}/${only.caseId}`} replace />;
  return (
    <div className="kl-my">
      <PageHeading>{t('participant.title')}</PageHeading>
      {cases.data.length === 0 ? (
        <EmptyState>{t('participant.noCase')}</EmptyState>
      ) : (
        <>
          <h2>{t('participant.chooseCase')}</h2>
          <ul className="kl-my-cases">
            {cases.data.map((c) => (
              <li key={c.caseId}>
                <Link to={`${myCasePath}/${c.caseId}`}>
                  {t('participant.caseAs', { code: c.code, label: c.label })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

const parts = ['tijdlijn', 'toestemming', 'wie-keek'] as const;
type Part = (typeof parts)[number];
const partKey: Record<Part, 'timeline' | 'consent' | 'access'> = {
  tijdlijn: 'timeline',
  toestemming: 'consent',
  'wie-keek': 'access',
};

export function MyCasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [searchParams] = useSearchParams();
  const asked = searchParams.get('deel');
  const part: Part = (parts as readonly string[]).includes(asked ?? '')
    ? (asked as Part)
    : 'tijdlijn';
  const myCase = useQuery(myCaseQuery(id));
  const headings = {
    timeline: t('participant.timeline.title'),
    consent: t('participant.consent.title'),
    access: t('participant.access.title'),
  };
  return (
    <div className="kl-my">
      <nav className="kl-my-nav" aria-label={t('participant.navLabel')}>
        <ul className="kl-my-nav__list">
          {parts.map((p) => (
            <li key={p}>
              <Link
                to={`?deel=${p}`}
                className={`kl-my-nav__link${p === part ? ' kl-my-nav__link--current' : ''}`}
                aria-current={p === part ? 'page' : undefined}
              >
                {t(`participant.nav.${partKey[p]}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <PageHeading>{headings[partKey[part]]}</PageHeading>
      {myCase.isPending ? (
        <LoadingState />
      ) : myCase.error ? (
        <ErrorAlert error={myCase.error} onRetry={() => void myCase.refetch()} />
      ) : part === 'tijdlijn' ? (
        <>
          <MeetingReports caseId={id} />
          <MyTimeline
            caseId={id}
            participantId={myCase.data.participantId}
            isParent={myCase.data.kind === 'parent'}
          />
        </>
      ) : part === 'toestemming' ? (
        <ConsentList myCase={myCase.data} />
      ) : (
        <AccessLog caseId={id} />
      )}
    </div>
  );
}
