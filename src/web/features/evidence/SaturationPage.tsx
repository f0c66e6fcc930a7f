// /programmes/:id/synthese/verzadiging — saturation: per further case in order of review, how
// many codes appeared for the first time and how many codes there are in total (a chart and the
// same figures in a table), and per active thread at which cases it still grew. Labelled so that
// "no new codes" is not read as "understood".
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Saturation } from '../../../shared/contract/evidence';
import { Alert } from '../../ui/Alert';
import { BackLink } from '../../ui/BackLink';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDay } from '../../ui/format';
import { AppLink } from '../../ui/links';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import {
  Cell,
  HeaderCell,
  RowHeaderCell,
  Table,
  TableBody,
  TableHead,
  TableRow,
} from '../../ui/Table';
import { saturationQuery } from './api';
import { formatNumber } from './format';
import { SaturationChart } from './SaturationChart';
import './evidence.css';

export function SaturationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useQuery(saturationQuery(id));
  return (
    <div className="kl-sat">
      <BackLink to={`/programmes/${id}/synthese`}>{t('evidence.saturation.back')}</BackLink>
      <PageHeading>{t('evidence.saturation.title')}</PageHeading>
      <p className="nl-paragraph kl-ev__note">{t('evidence.saturation.intro')}</p>
      <Alert type="warning">
        <p className="kl-alert__text kl-sat__caution">{t('evidence.saturation.caution')}</p>
      </Alert>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.cases === 0 ? (
        <EmptyState>{t('evidence.saturation.empty')}</EmptyState>
      ) : (
        <SaturationView programmeId={id} saturation={query.data} />
      )}
    </div>
  );
}

function SaturationView({
  programmeId,
  saturation,
}: {
  programmeId: string;
  saturation: Saturation;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const one = saturation.bucket === 1;
  const codeName = new Map(saturation.codes.map((c) => [c.id, c.name]));
  const pointLabel = (p: Saturation['points'][number]) =>
    one ? (p.caseCode ?? String(p.from)) : `${p.from}–${p.to}`;
  const position = (p: Saturation['points'][number]) =>
    one
      ? formatNumber(p.from, language)
      : `${formatNumber(p.from, language)}–${formatNumber(p.to, language)}`;
  return (
    <>
      <p className="nl-paragraph kl-ev__summary">
        {t('evidence.saturation.summaryCases', { count: saturation.cases })},{' '}
        {t('evidence.saturation.summaryCodes', { count: saturation.codes.length })}.
      </p>
      <p className="nl-paragraph kl-ev__note">{t('evidence.saturation.orderNote')}</p>
      {!one && (
        <p className="nl-paragraph kl-ev__note">
          {t('evidence.saturation.bucketNote', { bucket: saturation.bucket })}
        </p>
      )}

      <section aria-labelledby="saturation-chart">
        <Heading level={2} id="saturation-chart">
          {t('evidence.saturation.chartTitle')}
        </Heading>
        <SaturationChart
          label={t('evidence.saturation.chartLabel')}
          categories={saturation.points.map((p) => position(p))}
          newCodes={saturation.points.map((p) => p.newCodes)}
          cumulative={saturation.points.map((p) => p.cumulativeCodes)}
          newName={t('evidence.saturation.newCodes')}
          cumulativeName={t('evidence.saturation.cumulative')}
        />
      </section>

      <section aria-labelledby="saturation-threads">
        <Heading level={2} id="saturation-threads">
          {t('evidence.saturation.threadsTitle')}
        </Heading>
        <p className="nl-paragraph kl-ev__note">{t('evidence.saturation.threadsIntro')}</p>
        {saturation.threads.length === 0 ? (
          <EmptyState>{t('evidence.saturation.threadsEmpty')}</EmptyState>
        ) : (
          <Table caption={t('evidence.saturation.threadsCaption')} isCaptionHidden>
            <TableHead>
              <HeaderCell>{t('evidence.saturation.thread')}</HeaderCell>
              <HeaderCell className="utrecht-table__header-cell--numeric-data">
                {t('evidence.saturation.threadCases')}
              </HeaderCell>
              <HeaderCell>{t('evidence.saturation.lastGrowth')}</HeaderCell>
              <HeaderCell>{t('evidence.saturation.grewAt')}</HeaderCell>
            </TableHead>
            <TableBody>
              {saturation.threads.map((thread) => (
                <TableRow key={thread.threadId}>
                  <RowHeaderCell>
                    <AppLink to={`/programmes/${programmeId}/synthese/draden/${thread.threadId}`}>
                      {t('evidence.saturation.threadLink', {
                        number: thread.number,
                        title: thread.title,
                      })}
                    </AppLink>
                  </RowHeaderCell>
                  <Cell isNumeric>{formatNumber(thread.cases, language)}</Cell>
                  <Cell>
                    {thread.lastGrowth === null
                      ? t('evidence.saturation.neverGrew')
                      : t('evidence.saturation.lastGrowthValue', {
                          position: formatNumber(thread.lastGrowth, language),
                          total: formatNumber(saturation.cases, language),
                        })}
                  </Cell>
                  <Cell>
                    <GrowthList saturation={saturation} thread={thread} />
                  </Cell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section aria-labelledby="saturation-table">
        <Heading level={2} id="saturation-table">
          {t('evidence.saturation.tableTitle')}
        </Heading>
        <Table caption={t('evidence.saturation.tableCaption')} isCaptionHidden>
          <TableHead>
            <HeaderCell>{t('evidence.saturation.position')}</HeaderCell>
            <HeaderCell>
              {one ? t('evidence.saturation.case') : t('evidence.saturation.cases')}
            </HeaderCell>
            <HeaderCell>{t('evidence.saturation.date')}</HeaderCell>
            {one && <HeaderCell>{t('evidence.saturation.basis')}</HeaderCell>}
            <HeaderCell className="utrecht-table__header-cell--numeric-data">
              {t('evidence.saturation.newCodes')}
            </HeaderCell>
            <HeaderCell className="utrecht-table__header-cell--numeric-data">
              {t('evidence.saturation.cumulative')}
            </HeaderCell>
            <HeaderCell>{t('evidence.saturation.which')}</HeaderCell>
          </TableHead>
          <TableBody>
            {saturation.points.map((p) => (
              <TableRow key={p.from}>
                <RowHeaderCell>{position(p)}</RowHeaderCell>
                <Cell className="kl-sat__nowrap">{pointLabel(p)}</Cell>
                <Cell className="kl-sat__nowrap">{formatDay(p.orderedOn, language)}</Cell>
                {one && (
                  <Cell>
                    {p.orderedBy === 'review_meeting'
                      ? t('evidence.saturation.byMeeting')
                      : t('evidence.saturation.byCoding')}
                  </Cell>
                )}
                <Cell isNumeric>{formatNumber(p.newCodes, language)}</Cell>
                <Cell isNumeric>{formatNumber(p.cumulativeCodes, language)}</Cell>
                <Cell className="kl-sat__codes">
                  {p.newCodeIds.length === 0
                    ? t('evidence.saturation.none')
                    : p.newCodeIds.map((id) => codeName.get(id) ?? '?').join(', ')}
                </Cell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
    </>
  );
}

function GrowthList({
  saturation,
  thread,
}: {
  saturation: Saturation;
  thread: Saturation['threads'][number];
}) {
  const { t } = useTranslation();
  if (thread.growth.length === 0) return <>{t('evidence.saturation.neverGrew')}</>;
  return (
    <ul className="kl-sat__growth">
      {thread.growth.map((g) => {
        const point = saturation.points[g.point];
        if (!point) return null;
        const one = point.from === point.to;
        const parts = [
          one
            ? t('evidence.saturation.growthAt', { position: point.from })
            : t('evidence.saturation.growthAtRange', { from: point.from, to: point.to }),
          ': ',
          t('evidence.saturation.growthSegments', { count: g.segments }),
          g.newCodes > 0 ? `, ${t('evidence.saturation.growthCodes', { count: g.newCodes })}` : '',
        ];
        return <li key={g.point}>{parts.join('')}</li>;
      })}
    </ul>
  );
}
