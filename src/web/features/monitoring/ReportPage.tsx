// /toegangstafels/:region/rapportage — the quarterly report of a region (or one of its tables):
// every figure in a table, the trend and the problem areas also as charts, small counts shown
// as * (with the counts that would reveal them), and the report to download as PDF or DOCX,
// its figures as CSV or XLSX.
import { useMemo } from 'react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import {
  accessOutcomes,
  type CrossTable,
  type QuarterlyReport,
  type ReportCell,
} from '../../../shared/contract/monitoring';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { SelectField } from '../../ui/SelectField';
import {
  Cell,
  HeaderCell,
  RowHeaderCell,
  Table,
  TableBody,
  TableHead,
  TableRow,
} from '../../ui/Table';
import { AppLink } from '../../ui/links';
import { regionsQuery, reportFileUrl, reportQuery } from './api';
import { ReportChart } from './ReportChart';
import './monitoring.css';

const marker = '*';
const cellText = (c: ReportCell) => (c.suppressed ? marker : String(c.value));

/** The last complete quarter and the eleven before it, newest first. */
function quarterOptions(now = new Date()): string[] {
  let index = now.getFullYear() * 4 + Math.floor(now.getMonth() / 3) - 1;
  const out: string[] = [];
  for (let i = 0; i < 12; i += 1, index -= 1)
    out.push(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`);
  return out;
}

export function ReportPage() {
  const { t, i18n } = useTranslation();
  const { region = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const quarters = useMemo(() => quarterOptions(), []);
  const quarter = params.get('kwartaal') ?? quarters[0]!;
  const tableId = params.get('tafel') ?? '';
  const regions = useQuery(regionsQuery());
  const info = regions.data?.items.find((r) => r.code === region);
  const report = useQuery(reportQuery(region, quarter, tableId));
  const lang = i18n.language.startsWith('en') ? 'en' : 'nl';
  const set = (name: string, value: string) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (value) next.set(name, value);
      else next.delete(name);
      return next;
    });

  return (
    <>
      <PageHeading>{t('monitoring.report.heading', { region: info?.name ?? region })}</PageHeading>
      <Paragraph>
        <AppLink to="/toegangstafels">{t('monitoring.back')}</AppLink>
      </Paragraph>
      <div className="kl-monitoring__filters">
        <SelectField
          id="report-quarter"
          label={t('monitoring.report.quarter')}
          value={quarter}
          options={(quarters.includes(quarter) ? quarters : [quarter, ...quarters]).map((q) => ({
            value: q,
            label: q,
          }))}
          onChange={(v) => set('kwartaal', v)}
        />
        <SelectField
          id="report-table"
          label={t('monitoring.field.table')}
          value={tableId}
          placeholder={t('monitoring.report.allTables')}
          options={(info?.tables ?? []).map((x) => ({ value: x.id, label: x.name }))}
          onChange={(v) => set('tafel', v)}
        />
      </div>
      {report.isPending && <LoadingState />}
      {report.isError && <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && (
        <>
          <ul className="kl-monitoring__links" aria-label={t('monitoring.report.downloads')}>
            {(['pdf', 'docx', 'csv', 'xlsx'] as const).map((format) => (
              <li key={format}>
                <a
                  className="nl-link"
                  href={reportFileUrl(region, format, quarter, tableId, lang)}
                  download
                >
                  {t(`monitoring.report.download.${format}`)}
                </a>
              </li>
            ))}
          </ul>
          <ReportFigures report={report.data} />
        </>
      )}
    </>
  );
}

function ReportFigures({ report }: { report: QuarterlyReport }) {
  const { t } = useTranslation();
  const noOffer = accessOutcomes.indexOf('no_fitting_offer');
  const trendSeries = useMemo(
    () => [
      {
        name: t('monitoring.report.registrations'),
        kind: 'bar' as const,
        values: report.trend.rows.map((r) => r.total.value),
      },
      {
        name: t('monitoring.outcome.no_fitting_offer'),
        kind: 'line' as const,
        values: report.trend.rows.map((r) => r.cells[noOffer]?.value ?? null),
      },
    ],
    [report, t, noOffer],
  );
  const areaRows = useMemo(() => [...report.byProblemArea.rows].reverse(), [report]);
  const areaSeries = useMemo(
    () => [
      {
        name: t('monitoring.report.mentions'),
        kind: 'bar' as const,
        values: areaRows.map((r) => r.total.value),
      },
    ],
    [areaRows, t],
  );
  return (
    <>
      <Paragraph>{t('monitoring.report.suppression', { threshold: report.threshold })}</Paragraph>
      <p className="kl-monitoring__figure">
        <span className="kl-monitoring__key">{cellText(report.registrations)}</span>{' '}
        {t('monitoring.report.registrationsIn', { quarter: report.quarter })}
      </p>

      <Heading level={2}>{t('monitoring.report.trend')}</Heading>
      <ReportChart
        label={t('monitoring.report.trendChart')}
        categories={report.trend.rows.map((r) => r.label)}
        series={trendSeries}
      />
      <OutcomeTable
        caption={t('monitoring.report.trend')}
        first={t('monitoring.report.quarter')}
        table={report.trend}
      />

      <Heading level={2}>{t('monitoring.report.byProblemArea')}</Heading>
      <Paragraph>{t('monitoring.report.mentionsNote')}</Paragraph>
      {areaRows.length > 0 && (
        <ReportChart
          label={t('monitoring.report.areaChart')}
          categories={areaRows.map((r) => r.label)}
          series={areaSeries}
          isHorizontal
        />
      )}
      <OutcomeTable
        caption={t('monitoring.report.byProblemArea')}
        first={t('monitoring.field.problemAreas')}
        table={report.byProblemArea}
      />

      <Heading level={2}>{t('monitoring.report.byQuestionType')}</Heading>
      <OutcomeTable
        caption={t('monitoring.report.byQuestionType')}
        first={t('monitoring.field.questionType')}
        table={report.byQuestionType}
      />

      <Heading level={2}>{t('monitoring.field.informationSufficient')}</Heading>
      <SimpleTable
        caption={t('monitoring.field.informationSufficient')}
        rows={report.information.cells.map((c) => [
          t(`monitoring.level.${c.level}`),
          cellText(c.count),
        ])}
      />
      <Paragraph>
        {t('monitoring.report.insufficientShare')}:{' '}
        {report.information.insufficientShare === null
          ? t('monitoring.report.notShown')
          : `${report.information.insufficientShare}%`}
      </Paragraph>

      <Heading level={2}>{t('monitoring.report.waiting')}</Heading>
      <Paragraph>
        {report.waiting
          ? t('monitoring.report.waitingText', { ...report.waiting })
          : t('monitoring.report.notShown')}
      </Paragraph>

      <Heading level={2}>{t('monitoring.field.hasExplanatoryAnalysis')}</Heading>
      <SimpleTable
        caption={t('monitoring.field.hasExplanatoryAnalysis')}
        rows={[
          [t('monitoring.level.yes'), cellText(report.explanatoryAnalysis.present)],
          [t('monitoring.level.no'), cellText(report.explanatoryAnalysis.absent)],
        ]}
      />

      <Heading level={2}>{t('monitoring.report.missingHelp')}</Heading>
      {report.missingHelp.length === 0 ? (
        <Paragraph>{t('monitoring.report.none')}</Paragraph>
      ) : (
        <SimpleTable
          caption={t('monitoring.report.missingHelp')}
          rows={report.missingHelp.map((g) => [g.text, cellText(g.count)])}
        />
      )}

      <Heading level={2}>{t('monitoring.report.bottlenecks')}</Heading>
      {report.bottlenecks.length === 0 ? (
        <Paragraph>{t('monitoring.report.none')}</Paragraph>
      ) : (
        <SimpleTable
          caption={t('monitoring.report.bottlenecks')}
          rows={report.bottlenecks.map((g) => [g.text, cellText(g.count)])}
        />
      )}
    </>
  );
}

function OutcomeTable({
  caption,
  first,
  table,
}: {
  caption: string;
  first: string;
  table: CrossTable;
}) {
  const { t } = useTranslation();
  return (
    <Table caption={caption} isCaptionHidden>
      <TableHead>
        <HeaderCell>{first}</HeaderCell>
        {accessOutcomes.map((o) => (
          <HeaderCell key={o}>{t(`monitoring.outcome.${o}`)}</HeaderCell>
        ))}
        <HeaderCell>{t('monitoring.report.total')}</HeaderCell>
      </TableHead>
      <TableBody>
        {table.rows.map((row) => (
          <TableRow key={row.code}>
            <RowHeaderCell>{row.label}</RowHeaderCell>
            {row.cells.map((c, i) => (
              <Cell key={i} isNumeric>
                {cellText(c)}
              </Cell>
            ))}
            <Cell isNumeric>{cellText(row.total)}</Cell>
          </TableRow>
        ))}
        {table.total && (
          <TableRow>
            <RowHeaderCell>{t('monitoring.report.total')}</RowHeaderCell>
            {table.totals.map((c, i) => (
              <Cell key={i} isNumeric>
                {cellText(c)}
              </Cell>
            ))}
            <Cell isNumeric>{cellText(table.total)}</Cell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}

function SimpleTable({ caption, rows }: { caption: string; rows: string[][] }) {
  const { t } = useTranslation();
  return (
    <Table caption={caption} isCaptionHidden>
      <TableHead>
        <HeaderCell>{caption}</HeaderCell>
        <HeaderCell>{t('monitoring.report.count')}</HeaderCell>
      </TableHead>
      <TableBody>
        {rows.map(([label, value], i) => (
          <TableRow key={i}>
            <RowHeaderCell>{label}</RowHeaderCell>
            <Cell isNumeric>{value}</Cell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
