// The published versions of a programme's thematic report, newest first, each downloadable as
// PDF, DOCX, CSV and XLSX (policymakers too). A quote whose consent was withdrawn after
// publication is left out of every later download.
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { reportFormats } from '../../../shared/contract/thematic-report';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { formatDateTime } from '../../ui/format';
import { versionFileUrl, versionsQuery } from './api';

export function PublishedVersions({ programmeId, level }: { programmeId: string; level: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const versions = useQuery(versionsQuery(programmeId));
  return (
    <section aria-labelledby="published-versions">
      <Heading level={level} id="published-versions">
        {t('thematicReport.versions.heading')}
      </Heading>
      {versions.isPending && <LoadingState />}
      {versions.isError && (
        <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />
      )}
      {versions.data && versions.data.items.length === 0 && (
        <Paragraph>{t('thematicReport.versions.none')}</Paragraph>
      )}
      {versions.data && versions.data.items.length > 0 && (
        <ol className="kl-tr__versions" reversed>
          {versions.data.items.map((v) => (
            <li key={v.number}>
              <p className="kl-tr__version-title">
                <strong>{t('thematicReport.versions.title', { number: v.number })}</strong>{' '}
                {t('thematicReport.versions.meta', {
                  date: formatDateTime(v.publishedAt, i18n.language),
                  language: t(`thematicReport.language.${v.lang}`),
                })}
                {v.publishedBy ? ` · ${v.publishedBy}` : ''}
              </p>
              <p>
                {t('thematicReport.versions.contents', {
                  threads: v.threads.map((x) => x.title).join(', '),
                  count: v.recommendations,
                })}
              </p>
              {v.note && <p className="kl-tr__note">{v.note}</p>}
              <ul
                className="kl-tr__downloads"
                aria-label={t('thematicReport.versions.downloads', { number: v.number })}
              >
                {reportFormats.map((format) => (
                  <li key={format}>
                    <a
                      className="nl-link"
                      href={versionFileUrl(programmeId, v.number, format)}
                      download
                    >
                      {t(`thematicReport.download.${format}`)}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
