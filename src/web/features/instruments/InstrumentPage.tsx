// /instruments/:id — one instrument: what versions mean (published ones never change, answers
// keep their version), the draft in progress or a button to start one, every version with its
// status and who published it when (each readable and downloadable as JSON), and the import of
// a JSON file as a new draft.
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { InstrumentDetail } from '../../../shared/contract/instruments';
import { isApiError } from '../../app/api';
import { flashState, useFlash } from '../../app/useFlash';
import { Alert } from '../../ui/Alert';
import { BackLink } from '../../ui/BackLink';
import { DataList } from '../../ui/DataList';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { AppLink, ButtonLink } from '../../ui/links';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { StatusBadge } from '../../ui/StatusBadge';
import {
  exportUrl,
  importDraft,
  instrumentDetailQuery,
  instrumentKeys,
  startDraft,
  storeVersion,
} from './api';
import { ImportForm } from './ImportForm';
import { publisherText } from './labels';
import './instruments.css';

export function InstrumentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const flash = useFlash();
  const query = useQuery(instrumentDetailQuery(id));

  return (
    <>
      <BackLink to="/instruments">{t('instruments.backToList')}</BackLink>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <>
          <PageHeading>{t('instruments.title')}</PageHeading>
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        </>
      ) : (
        <>
          <PageHeading>{query.data.title}</PageHeading>
          {flash && <Alert type="ok">{flash}</Alert>}
          <InstrumentDetails instrument={query.data} />
        </>
      )}
    </>
  );
}

function InstrumentDetails({ instrument }: { instrument: InstrumentDetail }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canManage = instrument.abilities.manage;
  const editorPath = `/instruments/${instrument.id}/draft`;
  const start = useMutation({
    mutationFn: () => startDraft(instrument.id),
    onSuccess: async (version) => {
      await storeVersion(queryClient, version);
      void navigate(editorPath, {
        state: flashState(t('instruments.draftStarted', { number: version.number })),
      });
    },
    onError: (error) => {
      // A draft was started elsewhere meanwhile: show it.
      if (isApiError(error) && error.code === 'CONFLICT')
        void queryClient.invalidateQueries({ queryKey: instrumentKeys.detail(instrument.id) });
    },
  });

  return (
    <>
      <DataList
        items={[
          {
            key: 'kind',
            label: t('instruments.column.kind'),
            value: t(`instruments.kind.${instrument.kind}`),
          },
          {
            key: 'code',
            label: t('instruments.code'),
            value: <code className="kl-in-code">{instrument.code}</code>,
          },
          {
            key: 'published',
            label: t('instruments.column.published'),
            value:
              instrument.latestPublishedNumber === null
                ? t('instruments.notPublished')
                : t('instruments.versionNumber', { number: instrument.latestPublishedNumber }),
          },
          {
            key: 'draft',
            label: t('instruments.column.draft'),
            value:
              instrument.draftNumber === null
                ? t('instruments.noDraft')
                : t('instruments.draftInProgress', { number: instrument.draftNumber }),
          },
        ]}
      />

      <section className="kl-section" aria-labelledby="instrument-how">
        <Heading level={2} id="instrument-how">
          {t('instruments.how.title')}
        </Heading>
        <ul className="kl-bullets kl-in-intro">
          <li>{t('instruments.how.published')}</li>
          <li>{t('instruments.how.answers')}</li>
          <li>{t('instruments.how.draft')}</li>
          <li>{t('instruments.how.keys')}</li>
        </ul>
      </section>

      {canManage && (
        <section className="kl-section" aria-labelledby="instrument-draft">
          <Heading level={2} id="instrument-draft">
            {t('instruments.draft.title')}
          </Heading>
          {instrument.draftNumber !== null ? (
            <>
              <p className="nl-paragraph">
                {t('instruments.draft.inProgress', { number: instrument.draftNumber })}
              </p>
              <ButtonLink to={editorPath}>{t('instruments.draft.edit')}</ButtonLink>
            </>
          ) : instrument.latestPublishedNumber !== null ? (
            <>
              <p className="nl-paragraph">
                {t('instruments.draft.startIntro', { number: instrument.latestPublishedNumber })}
              </p>
              {start.error ? <ErrorAlert error={start.error} /> : null}
              <Button
                purpose="primary"
                busy={start.isPending}
                onClick={() => {
                  if (!start.isPending) start.mutate();
                }}
              >
                {t('instruments.draft.start')}
              </Button>
            </>
          ) : null}
        </section>
      )}

      <section className="kl-section" aria-labelledby="instrument-versions">
        <Heading level={2} id="instrument-versions">
          {t('instruments.versions.title')}
        </Heading>
        {/* Explicit roles: on a phone the rows are laid out as cards (display: block), which
            would otherwise cost the table its semantics in some browsers. */}
        <div
          className="utrecht-table-container kl-table-scroll"
          role="region"
          aria-labelledby="instrument-versions-caption"
          tabIndex={0}
        >
          <table
            role="table"
            className="utrecht-table utrecht-table--html-table kl-table kl-in-cards"
          >
            <caption
              id="instrument-versions-caption"
              className="utrecht-table__caption kl-visually-hidden"
            >
              {t('instruments.versions.caption', { title: instrument.title })}
            </caption>
            <thead role="rowgroup" className="utrecht-table__header">
              <tr role="row" className="utrecht-table__row">
                {[
                  t('instruments.versions.number'),
                  t('common.status'),
                  t('instruments.versions.published'),
                  t('instruments.versions.actions'),
                ].map((label) => (
                  <th
                    key={label}
                    role="columnheader"
                    scope="col"
                    className="utrecht-table__header-cell"
                  >
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody role="rowgroup" className="utrecht-table__body">
              {instrument.versions.map((version) => {
                const name = t('instruments.versionNumber', { number: version.number });
                return (
                  <tr key={version.id} role="row" className="utrecht-table__row">
                    <th
                      role="rowheader"
                      scope="row"
                      className="utrecht-table__cell kl-table__row-header"
                    >
                      {name}
                      <span className="kl-in-version-title">{version.title}</span>
                    </th>
                    <td role="cell" className="utrecht-table__cell" data-label={t('common.status')}>
                      {version.status === 'published' ? (
                        <StatusBadge status="success">
                          {t('instruments.status.published')}
                        </StatusBadge>
                      ) : (
                        <StatusBadge status="warning">{t('instruments.status.draft')}</StatusBadge>
                      )}
                    </td>
                    <td
                      role="cell"
                      className="utrecht-table__cell"
                      data-label={t('instruments.versions.published')}
                    >
                      {version.publishedAt
                        ? t('instruments.versions.publishedWhenBy', {
                            when: formatDateTime(version.publishedAt, i18n.language),
                            who: publisherText(version, t),
                          })
                        : t('instruments.versions.changedWhen', {
                            when: formatDateTime(version.updatedAt, i18n.language),
                          })}
                    </td>
                    <td role="cell" className="utrecht-table__cell">
                      <div className="kl-in-version-actions">
                        <AppLink to={`/instruments/${instrument.id}/versions/${version.number}`}>
                          {t('instruments.versions.view')}
                          <span className="kl-visually-hidden"> {name}</span>
                        </AppLink>
                        <a
                          className="nl-link"
                          href={exportUrl(instrument.id, version.number)}
                          download
                        >
                          {t('instruments.versions.export')}
                          <span className="kl-visually-hidden"> {name}</span>
                        </a>
                        {version.status === 'draft' && canManage && (
                          <AppLink to={editorPath}>
                            {t('instruments.draft.edit')}
                            <span className="kl-visually-hidden"> {name}</span>
                          </AppLink>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      {canManage && (
        <section className="kl-section">
          {instrument.draftNumber !== null ? (
            <>
              <Heading level={2}>{t('instruments.import.title')}</Heading>
              <p className="nl-paragraph kl-in-intro">
                {t('instruments.import.draftExists', { number: instrument.draftNumber })}
              </p>
            </>
          ) : (
            <ImportForm
              heading={t('instruments.import.title')}
              description={
                <>
                  <p className="nl-paragraph">{t('instruments.import.intro')}</p>
                  {instrument.kind === 'analysis_domains' && (
                    <p className="nl-paragraph">{t('instruments.import.licensedFactors')}</p>
                  )}
                </>
              }
              submitLabel={t('instruments.import.submit')}
              onImport={(document) => importDraft(instrument.id, document)}
              onImported={async (version) => {
                await storeVersion(queryClient, version);
                void navigate(editorPath, {
                  state: flashState(t('instruments.import.imported', { number: version.number })),
                });
              }}
            />
          )}
        </section>
      )}
    </>
  );
}
