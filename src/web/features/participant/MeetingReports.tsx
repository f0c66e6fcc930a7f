// "Verslag van het gesprek": the reports of the review meetings about the participant's case that
// were held, to download as PDF or Word. Shown only when there is at least one.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meetingReportsQuery, reportPath } from '../meetings/api';

function day(iso: string, language: string) {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: 'Europe/Amsterdam',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(iso));
}

export function MeetingReports({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const reports = useQuery(meetingReportsQuery(caseId));
  // Nothing to say while loading, on an error, or before any meeting was held.
  if (!reports.data || reports.data.items.length === 0) return null;
  return (
    <section className="kl-my-reports" aria-labelledby="my-reports-heading">
      <h2 id="my-reports-heading">{t('participant.reports.title')}</h2>
      <p>{t('participant.reports.intro')}</p>
      <ul className="kl-my-reports__list">
        {reports.data.items.map((report) => {
          const date = day(report.plannedAt, i18n.language);
          return (
            <li key={report.id}>
              <p className="kl-my-reports__date">{t('participant.reports.meetingOn', { date })}</p>
              <p className="kl-my-reports__links">
                {(['pdf', 'docx'] as const).map((format) => (
                  <a
                    key={format}
                    className="kl-my-reports__link"
                    href={reportPath(caseId, report.id, format)}
                    download
                  >
                    {t(`participant.reports.${format}`)}
                    <span className="kl-visually-hidden">
                      {' '}
                      {t('participant.reports.of', { date })}
                    </span>
                  </a>
                ))}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
