// /cases/:id/meetings/:meetingId — one review meeting (casusreview / leerbijeenkomst) in clear
// sections, reached from a short table of contents: the planning, the attendees and their
// preparation, the structured reflection, the alternative plan with its follow-ups, the report
// for youth and parents (PDF and Word), and the history of every change. What may be changed
// follows the meeting's abilities.
import type { MouseEvent } from 'react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Meeting } from '../../../shared/contract/meetings';
import { useFlash } from '../../app/useFlash';
import { Alert } from '../../ui/Alert';
import { BackLink } from '../../ui/BackLink';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { StatusBadge } from '../../ui/StatusBadge';
import { ActionPlanSection } from './ActionPlanSection';
import { meetingQuery, reportPath } from './api';
import { AttendeesSection } from './AttendeesSection';
import { HistorySection } from './HistorySection';
import { meetingBadge, statusText, timeSpan } from './labels';
import { PlanningSection } from './PlanningSection';
import { ReflectionSection } from './ReflectionSection';
import './meetings.css';

const sections = [
  ['mt-planning', 'meetings.planning.title'],
  ['mt-attendees', 'meetings.attendees.title'],
  ['mt-reflection', 'meetings.reflection.title'],
  ['mt-plan', 'meetings.actionPlan.title'],
  ['mt-report', 'meetings.report.title'],
  ['mt-history', 'meetings.history.title'],
] as const;

/** "24 november 2026": the day of a moment in the reader's own time zone. */
function longDay(iso: string, language: string) {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'long',
  }).format(new Date(iso));
}

export function MeetingPage() {
  const { t, i18n } = useTranslation();
  const { id = '', meetingId = '' } = useParams();
  const flash = useFlash();
  const query = useQuery(meetingQuery(id, meetingId));

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <>
        <BackLink to={`/cases/${id}/meetings`}>{t('meetings.backToList')}</BackLink>
        <PageHeading>{t('meetings.page.titleEmpty')}</PageHeading>
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const meeting = query.data;

  return (
    <div className="kl-mt-page">
      <BackLink to={`/cases/${id}/meetings`}>
        {t('meetings.backToListCode', { code: meeting.caseCode })}
      </BackLink>
      <PageHeading>
        {t('meetings.page.title', { date: longDay(meeting.plannedAt, i18n.language) })}
      </PageHeading>
      <p className="kl-mt-subtitle">
        <span>{t('meetings.page.case', { code: meeting.caseCode })}</span>
        <span aria-hidden="true"> · </span>
        <span>{timeSpan(meeting.plannedAt, meeting.durationMinutes, i18n.language)}</span>
        <span aria-hidden="true"> · </span>
        <StatusBadge status={meetingBadge[meeting.status]}>
          {statusText(meeting.status, t)}
        </StatusBadge>
      </p>
      {flash && <Alert type="ok">{flash}</Alert>}
      <nav className="kl-mt-toc" aria-label={t('meetings.page.toc')}>
        <ul className="kl-mt-toc__list">
          {sections.map(([anchor, key]) => (
            <li key={anchor}>
              <a className="nl-link" href={`#${anchor}`} onClick={(event) => jump(event, anchor)}>
                {t(key)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <PlanningSection meeting={meeting} />
      <AttendeesSection meeting={meeting} />
      <ReflectionSection meeting={meeting} />
      <ActionPlanSection meeting={meeting} />
      <ReportSection meeting={meeting} />
      <HistorySection meeting={meeting} />
    </div>
  );
}

/** An in-page link moves the focus too, so the next Tab continues in that section. */
function jump(event: MouseEvent<HTMLAnchorElement>, anchor: string) {
  const target = document.getElementById(anchor);
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'start' });
  window.history.replaceState(window.history.state, '', `#${anchor}`);
}

function ReportSection({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  return (
    <section className="kl-section kl-mt-section" aria-labelledby="mt-report">
      <Heading level={2} id="mt-report" tabIndex={-1} className="kl-mt-focus-target">
        {t('meetings.report.title')}
      </Heading>
      <Paragraph>{t('meetings.report.intro')}</Paragraph>
      {meeting.status !== 'held' && <Paragraph>{t('meetings.report.notHeld')}</Paragraph>}
      {meeting.abilities.report ? (
        <ul className="kl-mt-downloads">
          <li>
            <a
              className="nl-button nl-button--secondary kl-button-link"
              href={reportPath(meeting.caseId, meeting.id, 'pdf')}
              download
            >
              {t('meetings.report.pdf')}
            </a>
          </li>
          <li>
            <a
              className="nl-button nl-button--secondary kl-button-link"
              href={reportPath(meeting.caseId, meeting.id, 'docx')}
              download
            >
              {t('meetings.report.docx')}
            </a>
          </li>
        </ul>
      ) : (
        <Paragraph>{t('meetings.report.notAllowed')}</Paragraph>
      )}
    </section>
  );
}
