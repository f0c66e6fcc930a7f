// /programmes/:id/synthese/overzicht — what a policymaker sees of a programme's synthesis: the
// active threads with their counts by kind of institution and region (small counts and the counts
// that would reveal them shown as *), timeline measures, the published recommendations per
// stakeholder group and how they hang together, and the published thematic reports. Never a
// segment, a quote or a case.
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { AppLink } from '../../ui/links';
import { evidenceIndicatorKeys } from '../../../shared/contract/evidence';
import type { GroupIndicators } from '../../../shared/contract/thematic-report';
import {
  Cell,
  HeaderCell,
  RowHeaderCell,
  Table,
  TableBody,
  TableHead,
  TableRow,
} from '../../ui/Table';
import { aggregatesQuery } from './api';
import { PublishedVersions } from './PublishedVersions';
import { countText, suppressedMarker, ThreadFigures, useNumber } from './ThreadFigures';
import './thematic-report.css';

function GroupIndicatorTable({
  caption,
  first,
  groups,
}: {
  caption: string;
  first: string;
  groups: GroupIndicators[];
}) {
  const { t } = useTranslation();
  const number = useNumber();
  if (groups.length === 0) return null;
  return (
    <Table caption={caption}>
      <TableHead>
        <HeaderCell>{first}</HeaderCell>
        {evidenceIndicatorKeys.map((key) => (
          <HeaderCell key={key}>{t(`thematicReport.indicator.${key}`)}</HeaderCell>
        ))}
      </TableHead>
      <TableBody>
        {groups.map((g) => (
          <TableRow key={g.key}>
            <RowHeaderCell>{g.label}</RowHeaderCell>
            {g.medians.map((m) => (
              <Cell key={m.key} isNumeric>
                {number(m.median)}
              </Cell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function AggregatesPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const aggregates = useQuery(aggregatesQuery(id));
  const data = aggregates.data;
  return (
    <>
      <PageHeading>
        {data
          ? t('thematicReport.aggregates.heading', { programme: data.programme.name })
          : t('thematicReport.aggregates.title')}
      </PageHeading>
      <Paragraph>
        <AppLink to="/synthese">{t('thematicReport.backToSynthesis')}</AppLink>
      </Paragraph>
      {aggregates.isPending && <LoadingState />}
      {aggregates.isError && (
        <ErrorAlert error={aggregates.error} onRetry={() => void aggregates.refetch()} />
      )}
      {data && (
        <>
          <Paragraph>
            {t('thematicReport.aggregates.intro', {
              threshold: data.threshold,
              marker: suppressedMarker,
            })}
          </Paragraph>
          <p className="kl-tr__key">
            <span className="kl-tr__key-number">{countText(data.cases)}</span>{' '}
            {t('thematicReport.aggregates.cases')}
          </p>
          {data.abilities.report && (
            <Paragraph>
              <AppLink to={`/programmes/${id}/themarapport`}>
                {t('thematicReport.aggregates.toReport')}
              </AppLink>
            </Paragraph>
          )}
          {data.threads.length === 0 ? (
            <EmptyState>{t('thematicReport.aggregates.noThreads')}</EmptyState>
          ) : (
            data.threads.map((thread) => (
              <ThreadFigures key={thread.id} thread={thread} level={2} />
            ))
          )}
          {data.threads.length > 0 && (
            <>
              <Heading level={2}>{t('thematicReport.aggregates.indicatorsHeading')}</Heading>
              <Paragraph>
                {t('thematicReport.aggregates.indicatorsIntro', {
                  threshold: data.threshold,
                  marker: suppressedMarker,
                })}
              </Paragraph>
              <GroupIndicatorTable
                caption={t('thematicReport.figures.byInstitutionType')}
                first={t('thematicReport.figures.institutionType')}
                groups={data.indicators.byInstitutionType}
              />
              <GroupIndicatorTable
                caption={t('thematicReport.figures.byRegion')}
                first={t('thematicReport.figures.region')}
                groups={data.indicators.byRegion}
              />
            </>
          )}
          <Heading level={2}>{t('thematicReport.coherence.heading')}</Heading>
          {data.links.length === 0 ? (
            <Paragraph>{t('thematicReport.coherence.none')}</Paragraph>
          ) : (
            <ul className="kl-tr__links">
              {data.links.map((l) => (
                <li key={`${l.from.number}-${l.to.number}`}>
                  {t('thematicReport.coherence.line', {
                    from: `${l.from.number}. ${l.from.title} (${l.from.group})`,
                    to: `${l.to.number}. ${l.to.title} (${l.to.group})`,
                  })}
                  {l.note && <span className="kl-tr__body">{l.note}</span>}
                </li>
              ))}
            </ul>
          )}
          <PublishedVersions programmeId={id} level={2} />
        </>
      )}
    </>
  );
}
