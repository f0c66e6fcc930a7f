// The evidence of one thread, self-contained (the thread page embeds it): in how many of the
// coded cases it was found, how strong that is in plain counts, the splits by perspective,
// institution type and region as tables (with bars that repeat the figures), the timeline
// indicators of these cases next to the others, the chosen quotes and the supporting segments.
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EvidenceGroup, ThreadEvidence as Evidence } from '../../../shared/contract/evidence';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { LoadingState } from '../../ui/LoadingState';
import {
  Cell,
  HeaderCell,
  RowHeaderCell,
  Table,
  TableBody,
  TableHead,
  TableRow,
} from '../../ui/Table';
import { evidenceQuery } from './api';
import { formatNumber, formatShare } from './format';
import { QuotesSection } from './QuotesSection';
import { SegmentsSection } from './SegmentsSection';
import './evidence.css';

export type ThreadEvidenceProps = {
  programmeId: string;
  threadId: string;
  /** The thread's linked codes: with two or more, the segments can be filtered by code. */
  codes?: { id: string; path: string }[];
};

export function ThreadEvidence({ programmeId, threadId, codes = [] }: ThreadEvidenceProps) {
  const { t } = useTranslation();
  const query = useQuery(evidenceQuery(programmeId, threadId));
  return (
    <section className="kl-ev" aria-labelledby="evidence-title">
      <Heading level={2} id="evidence-title">
        {t('evidence.title')}
      </Heading>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <EvidenceView evidence={query.data} />
      )}
      <QuotesSection programmeId={programmeId} threadId={threadId} />
      <SegmentsSection
        programmeId={programmeId}
        threadId={threadId}
        institutionTypes={query.data?.byInstitutionType ?? []}
        regions={query.data?.byRegion ?? []}
        codes={codes}
      />
    </section>
  );
}

function EvidenceView({ evidence }: { evidence: Evidence }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { total, strength } = evidence;
  return (
    <>
      <p className="nl-paragraph kl-ev__summary">
        {total.cases > 0
          ? t('evidence.summary', {
              cases: formatNumber(total.cases, language),
              of: formatNumber(total.of, language),
              share: formatShare(total.cases, total.of, language),
            })
          : t('evidence.summaryNone', { of: formatNumber(total.of, language) })}
      </p>
      <ul className="kl-ev__strength" aria-label={t('evidence.strengthLabel')}>
        {(['cases', 'perspectives', 'institutionTypes', 'regions'] as const).map((key) => (
          <li key={key} className="kl-ev__strength-item">
            {t(`evidence.strength.${key}`, { count: strength[key] })}
          </li>
        ))}
        <li className="kl-ev__strength-item kl-ev__strength-item--quiet">
          {t('evidence.segmentsTotal', { count: evidence.segments })}
        </li>
      </ul>
      <p className="nl-paragraph kl-ev__note">{t('evidence.scopeNote')}</p>
      <p className="nl-paragraph kl-ev__note">
        {t('evidence.computedAt', { when: formatDateTime(evidence.computedAt, language) })}
      </p>

      <div className="kl-ev__splits">
        <section aria-labelledby="evidence-perspective">
          <Heading level={3} id="evidence-perspective">
            {t('evidence.perspective.title')}
          </Heading>
          <Table caption={t('evidence.perspective.caption')} isCaptionHidden>
            <TableHead>
              <HeaderCell>{t('evidence.perspective.column')}</HeaderCell>
              <HeaderCell className="utrecht-table__header-cell--numeric-data">
                {t('evidence.perspective.cases')}
              </HeaderCell>
              <HeaderCell className="utrecht-table__header-cell--numeric-data">
                {t('evidence.perspective.segments')}
              </HeaderCell>
            </TableHead>
            <TableBody>
              {evidence.byPerspective.map((p) => (
                <TableRow key={p.perspective}>
                  <RowHeaderCell>{t(`evidence.perspective.${p.perspective}`)}</RowHeaderCell>
                  <Cell isNumeric>{formatNumber(p.cases, language)}</Cell>
                  <Cell isNumeric>{formatNumber(p.segments, language)}</Cell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
        <GroupTable
          id="evidence-institution-type"
          title={t('evidence.groups.institutionType')}
          caption={t('evidence.groups.institutionTypeCaption')}
          column={t('evidence.groups.institutionTypeColumn')}
          groups={evidence.byInstitutionType}
        />
        <GroupTable
          id="evidence-region"
          title={t('evidence.groups.region')}
          caption={t('evidence.groups.regionCaption')}
          column={t('evidence.groups.regionColumn')}
          groups={evidence.byRegion}
        />
      </div>

      <section aria-labelledby="evidence-indicators">
        <Heading level={3} id="evidence-indicators">
          {t('evidence.indicators.title')}
        </Heading>
        <p className="nl-paragraph kl-ev__note">{t('evidence.indicators.intro')}</p>
        <Table caption={t('evidence.indicators.caption')} isCaptionHidden>
          <TableHead>
            <HeaderCell>{t('evidence.indicators.column')}</HeaderCell>
            <HeaderCell>{t('evidence.indicators.withThread')}</HeaderCell>
            <HeaderCell>{t('evidence.indicators.others')}</HeaderCell>
          </TableHead>
          <TableBody>
            {evidence.indicators.map((indicator) => (
              <TableRow key={indicator.key}>
                <RowHeaderCell>{t(`evidence.indicators.${indicator.key}`)}</RowHeaderCell>
                <Cell>
                  <IndicatorValue summary={indicator.withThread} />
                </Cell>
                <Cell>
                  <IndicatorValue summary={indicator.others} />
                </Cell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
    </>
  );
}

function IndicatorValue({
  summary,
}: {
  summary: { n: number; median: number | null; mean: number | null };
}) {
  const { t, i18n } = useTranslation();
  if (summary.n === 0 || summary.median === null || summary.mean === null)
    return <span className="kl-ev__none">{t('evidence.indicators.none')}</span>;
  return (
    <span className="kl-ev__indicator">
      <span>
        {t('evidence.indicators.median', { value: formatNumber(summary.median, i18n.language, 1) })}
      </span>
      <span>
        {t('evidence.indicators.mean', {
          value: formatNumber(summary.mean, i18n.language, 1),
          n: formatNumber(summary.n, i18n.language),
        })}
      </span>
    </span>
  );
}

function GroupTable({
  id,
  title,
  caption,
  column,
  groups,
}: {
  id: string;
  title: string;
  caption: string;
  column: string;
  groups: EvidenceGroup[];
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <section aria-labelledby={id}>
      <Heading level={3} id={id}>
        {title}
      </Heading>
      <Table caption={caption} isCaptionHidden>
        <TableHead>
          <HeaderCell>{column}</HeaderCell>
          <HeaderCell className="utrecht-table__header-cell--numeric-data">
            {t('evidence.groups.cases')}
          </HeaderCell>
          <HeaderCell className="utrecht-table__header-cell--numeric-data">
            {t('evidence.groups.of')}
          </HeaderCell>
          <HeaderCell>{t('evidence.groups.share')}</HeaderCell>
        </TableHead>
        <TableBody>
          {groups.map((g) => {
            const share = g.of > 0 ? g.cases / g.of : 0;
            return (
              <TableRow key={g.key}>
                <RowHeaderCell>{g.label}</RowHeaderCell>
                <Cell isNumeric>{formatNumber(g.cases, language)}</Cell>
                <Cell isNumeric>{formatNumber(g.of, language)}</Cell>
                <Cell>
                  <span className="kl-ev__share">
                    <span className="kl-ev__bar" aria-hidden="true">
                      <span
                        className="kl-ev__bar-fill"
                        style={{ inlineSize: `${Math.round(share * 100)}%` }}
                      />
                    </span>
                    <span>{formatShare(g.cases, g.of, language)}</span>
                  </span>
                </Cell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </section>
  );
}
