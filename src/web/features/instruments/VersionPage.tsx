// /instruments/:id/versions/:number — one version, read-only: its status, when and by whom it
// was published, what that means for answers, a JSON download, and its whole content.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Alert } from '../../ui/Alert';
import { BackLink } from '../../ui/BackLink';
import { DataList } from '../../ui/DataList';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { AppLink } from '../../ui/links';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { StatusBadge } from '../../ui/StatusBadge';
import { exportUrl, instrumentDetailQuery, instrumentVersionQuery } from './api';
import { publisherText } from './labels';
import { VersionView } from './VersionView';
import './instruments.css';

export function VersionPage() {
  const { t, i18n } = useTranslation();
  const { id = '', number: numberParam = '' } = useParams();
  const number = Number(numberParam);
  const isValidNumber = Number.isInteger(number) && number >= 1;
  const query = useQuery({ ...instrumentVersionQuery(id, number), enabled: isValidNumber });
  const detail = useQuery(instrumentDetailQuery(id));
  const canManage = detail.data?.abilities.manage ?? false;
  const back = (
    <BackLink to={`/instruments/${id}`}>
      {detail.data
        ? t('instruments.backTo', { title: detail.data.title })
        : t('instruments.backToInstrument')}
    </BackLink>
  );

  if (!isValidNumber || query.isError)
    return (
      <>
        {back}
        <PageHeading>{t('instruments.view.title')}</PageHeading>
        {isValidNumber ? (
          <ErrorAlert error={query.error} />
        ) : (
          <Alert type="error">
            <p className="kl-alert__text">{t('errors.NOT_FOUND')}</p>
          </Alert>
        )}
      </>
    );
  if (query.isPending)
    return (
      <>
        {back}
        <LoadingState />
      </>
    );

  const version = query.data;
  const isPublished = version.status === 'published';
  return (
    <>
      {back}
      <PageHeading>
        {t('instruments.view.heading', { title: version.content.title, number: version.number })}
      </PageHeading>
      <p>
        {isPublished ? (
          <StatusBadge status="success">{t('instruments.status.published')}</StatusBadge>
        ) : (
          <StatusBadge status="warning">{t('instruments.status.draft')}</StatusBadge>
        )}
      </p>
      <DataList
        items={[
          {
            key: 'kind',
            label: t('instruments.column.kind'),
            value: t(`instruments.kind.${version.kind}`),
          },
          isPublished && version.publishedAt
            ? {
                key: 'published',
                label: t('instruments.versions.published'),
                value: t('instruments.versions.publishedWhenBy', {
                  when: formatDateTime(version.publishedAt, i18n.language),
                  who: publisherText(version, t),
                }),
              }
            : {
                key: 'changed',
                label: t('instruments.view.changed'),
                value: formatDateTime(version.updatedAt, i18n.language),
              },
        ]}
      />
      <Alert type="info">
        <p className="kl-alert__text">
          {isPublished ? t('instruments.view.publishedNote') : t('instruments.view.draftNote')}
        </p>
      </Alert>
      <p className="kl-in-version-actions">
        <a className="nl-link" href={exportUrl(id, version.number)} download>
          {t('instruments.view.export')}
        </a>
        {!isPublished && canManage && (
          <AppLink to={`/instruments/${id}/draft`}>{t('instruments.draft.edit')}</AppLink>
        )}
      </p>
      <VersionView content={version.content} />
    </>
  );
}
