// /instruments — the instruments (the dossier checklist, the analysis domain set, and any an
// administrator imported): kind, title, the latest published version and a draft in progress.
// An administrator can import a JSON file as a new instrument here.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { canManageInstruments } from '../../app/permissions';
import { useCurrentSession } from '../../app/session';
import { flashState, useFlash } from '../../app/useFlash';
import { Alert } from '../../ui/Alert';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { AppLink } from '../../ui/links';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { StatusBadge } from '../../ui/StatusBadge';
import {
  Cell,
  HeaderCell,
  RowHeaderCell,
  Table,
  TableBody,
  TableHead,
  TableRow,
} from '../../ui/Table';
import { createInstrument, instrumentListQuery, storeVersion } from './api';
import { ImportForm } from './ImportForm';
import './instruments.css';

export function InstrumentListPage() {
  const { t } = useTranslation();
  const flash = useFlash();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canManage = canManageInstruments(useCurrentSession());
  const query = useQuery(instrumentListQuery());

  return (
    <>
      <PageHeading>{t('instruments.title')}</PageHeading>
      {flash && <Alert type="ok">{flash}</Alert>}
      <p className="nl-paragraph kl-in-intro">{t('instruments.intro')}</p>
      <p className="nl-paragraph kl-in-intro">{t('instruments.versionsExplained')}</p>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState>{t('instruments.empty')}</EmptyState>
      ) : (
        <Table isCaptionHidden caption={t('instruments.caption')}>
          <TableHead>
            <HeaderCell>{t('instruments.column.title')}</HeaderCell>
            <HeaderCell>{t('instruments.column.kind')}</HeaderCell>
            <HeaderCell>{t('instruments.column.published')}</HeaderCell>
            <HeaderCell>{t('instruments.column.draft')}</HeaderCell>
          </TableHead>
          <TableBody>
            {query.data.items.map((instrument) => (
              <TableRow key={instrument.id}>
                <RowHeaderCell>
                  <AppLink to={`/instruments/${instrument.id}`}>{instrument.title}</AppLink>
                </RowHeaderCell>
                <Cell>{t(`instruments.kind.${instrument.kind}`)}</Cell>
                <Cell>
                  {instrument.latestPublishedNumber === null
                    ? t('instruments.notPublished')
                    : t('instruments.versionNumber', { number: instrument.latestPublishedNumber })}
                </Cell>
                <Cell>
                  {instrument.draftNumber === null ? (
                    <>
                      <span aria-hidden="true">—</span>
                      <span className="kl-visually-hidden">{t('instruments.noDraft')}</span>
                    </>
                  ) : (
                    <StatusBadge status="warning">
                      {t('instruments.draftInProgress', { number: instrument.draftNumber })}
                    </StatusBadge>
                  )}
                </Cell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canManage && (
        <section className="kl-section">
          <ImportForm
            heading={t('instruments.import.newTitle')}
            description={<p className="nl-paragraph">{t('instruments.import.newIntro')}</p>}
            submitLabel={t('instruments.import.newSubmit')}
            onImport={createInstrument}
            onImported={async (version) => {
              await storeVersion(queryClient, version);
              void navigate(`/instruments/${version.instrumentId}/draft`, {
                state: flashState(t('instruments.import.created', { title: version.title })),
              });
            }}
          />
        </section>
      )}
    </>
  );
}
