// Every version of a thread, newest first: what kind of change, who and when, the note, and what
// differs from the version before (title, description, codes added and removed, status). The
// whole text of each version opens on request. Every change refreshes the programme's synthesis
// queries, this list among them.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { LoadingState } from '../../ui/LoadingState';
import { threadVersionsQuery } from './api';

export function ThreadVersions({
  programmeId,
  threadId,
}: {
  programmeId: string;
  threadId: string;
}) {
  const { t, i18n } = useTranslation();
  const query = useQuery(threadVersionsQuery(programmeId, threadId));
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <ol className="kl-sy-versions" reversed>
      {query.data.items.map((v) => (
        <li key={v.version} className="kl-sy-version">
          <p className="kl-sy-version__head">
            <strong>{t('synthesis.versions.version', { version: v.version })}</strong>{' '}
            {t(`synthesis.versions.change.${v.change}`)}
          </p>
          <p className="kl-sy-meta">
            {v.changedBy
              ? t('synthesis.versions.byAt', {
                  name: v.changedBy,
                  at: formatDateTime(v.changedAt, i18n.language),
                })
              : formatDateTime(v.changedAt, i18n.language)}
          </p>
          {v.changedFields.length > 0 && (
            <ul className="kl-sy-version__changes">
              {v.changedFields.map((field) => (
                <li key={field}>
                  {field === 'codes' ? (
                    <>
                      {v.codesAdded.length > 0 &&
                        t('synthesis.versions.codesAdded', { names: v.codesAdded.join(', ') })}
                      {v.codesAdded.length > 0 && v.codesRemoved.length > 0 && '; '}
                      {v.codesRemoved.length > 0 &&
                        t('synthesis.versions.codesRemoved', { names: v.codesRemoved.join(', ') })}
                    </>
                  ) : field === 'status' ? (
                    t('synthesis.versions.statusTo', { status: t(`synthesis.status.${v.status}`) })
                  ) : (
                    t(`synthesis.versions.fieldChanged.${field}`)
                  )}
                </li>
              ))}
            </ul>
          )}
          {v.note && (
            <p className="kl-sy-version__note">
              {t('synthesis.versions.note')}: {v.note}
            </p>
          )}
          <details className="kl-sy-version__state">
            <summary>{t('synthesis.versions.show', { version: v.version })}</summary>
            <dl className="kl-sy-dl">
              <dt>{t('synthesis.thread.title')}</dt>
              <dd>{v.title}</dd>
              <dt>{t('synthesis.thread.description')}</dt>
              <dd className="kl-sy-prewrap">{v.description || '—'}</dd>
              <dt>{t('synthesis.thread.codes')}</dt>
              <dd>{v.codes.map((c) => c.name).join(', ') || '—'}</dd>
              {v.supersededBy && (
                <>
                  <dt>{t('synthesis.versions.supersededBy')}</dt>
                  <dd>
                    {t('synthesis.thread.numberedTitle', {
                      number: v.supersededBy.number,
                      title: v.supersededBy.title,
                    })}
                  </dd>
                </>
              )}
            </dl>
          </details>
        </li>
      ))}
    </ol>
  );
}
