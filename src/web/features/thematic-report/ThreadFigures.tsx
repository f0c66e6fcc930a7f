// One thread as aggregates: its big numbers, the cases by kind of institution and by region, the
// perspectives, the timeline measures next to the other cases, and its recommendations per
// stakeholder group. Every count arrives already protected: a hidden one is shown as * and its
// value was never sent. Used by the policymakers' overview and the report's preview.
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useTranslation } from 'react-i18next';
import type {
  AggregateGroup,
  AggregateThread,
  ProtectedCount,
} from '../../../shared/contract/thematic-report';
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

export const suppressedMarker = '*';

export function countText(c: ProtectedCount): string {
  return c.value === null ? suppressedMarker : String(c.value);
}

export function useNumber() {
  const { i18n } = useTranslation();
  const locale = i18n.language.startsWith('en') ? 'en-GB' : 'nl-NL';
  return (value: number | null) =>
    value === null
      ? suppressedMarker
      : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

type Level = 2 | 3;
const below = (level: Level) => (level + 1) as 3 | 4;

function GroupTable({
  caption,
  first,
  groups,
}: {
  caption: string;
  first: string;
  groups: AggregateGroup[];
}) {
  const { t } = useTranslation();
  const number = useNumber();
  return (
    <Table caption={caption}>
      <TableHead>
        <HeaderCell>{first}</HeaderCell>
        <HeaderCell>{t('thematicReport.figures.withThread')}</HeaderCell>
        <HeaderCell>{t('thematicReport.figures.ofCases')}</HeaderCell>
        <HeaderCell>{t('thematicReport.figures.share')}</HeaderCell>
      </TableHead>
      <TableBody>
        {groups.map((g) => (
          <TableRow key={g.key}>
            <RowHeaderCell>{g.label}</RowHeaderCell>
            <Cell isNumeric>{countText(g.cases)}</Cell>
            <Cell isNumeric>{countText(g.of)}</Cell>
            <Cell isNumeric>{g.share === null ? suppressedMarker : `${number(g.share)}%`}</Cell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function ThreadFigures({
  thread,
  level,
  children,
}: {
  thread: AggregateThread;
  level: Level;
  /** Shown between the figures and the recommendations (the preview's quotes). */
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const number = useNumber();
  const indicators = thread.indicators.filter(
    (i) => i.withThread.median !== null || i.others.median !== null,
  );
  const side = (s: AggregateThread['indicators'][number]['withThread']) =>
    s.median === null ? suppressedMarker : `${number(s.median)} (n = ${countText(s.n)})`;
  const groups = thread.recommendations.filter((g) => g.recommendations.length > 0);
  return (
    <section className="kl-tr__thread" aria-labelledby={`thread-${thread.id}`}>
      <Heading level={level} id={`thread-${thread.id}`}>
        {t('thematicReport.figures.threadTitle', { number: thread.number, title: thread.title })}
      </Heading>
      {thread.description && <Paragraph>{thread.description}</Paragraph>}
      <dl className="kl-tr__tiles">
        <div>
          <dt>{t('thematicReport.figures.cases')}</dt>
          <dd>{countText(thread.total.cases)}</dd>
        </div>
        <div>
          <dt>{t('thematicReport.figures.shareOfAll')}</dt>
          <dd>
            {thread.total.share === null ? suppressedMarker : `${number(thread.total.share)}%`}
          </dd>
        </div>
        <div>
          <dt>{t('thematicReport.figures.perspectives')}</dt>
          <dd>{thread.strength.perspectives}</dd>
        </div>
        <div>
          <dt>{t('thematicReport.figures.institutionTypes')}</dt>
          <dd>{thread.strength.institutionTypes}</dd>
        </div>
      </dl>
      {thread.byInstitutionType.length > 0 && (
        <GroupTable
          caption={t('thematicReport.figures.byInstitutionType')}
          first={t('thematicReport.figures.institutionType')}
          groups={thread.byInstitutionType}
        />
      )}
      {thread.byRegion.length > 0 && (
        <GroupTable
          caption={t('thematicReport.figures.byRegion')}
          first={t('thematicReport.figures.region')}
          groups={thread.byRegion}
        />
      )}
      {thread.byPerspective.length > 0 && (
        <Table caption={t('thematicReport.figures.byPerspective')}>
          <TableHead>
            <HeaderCell>{t('thematicReport.figures.perspective')}</HeaderCell>
            <HeaderCell>{t('thematicReport.figures.withThread')}</HeaderCell>
          </TableHead>
          <TableBody>
            {thread.byPerspective.map((p) => (
              <TableRow key={p.perspective}>
                <RowHeaderCell>{t(`thematicReport.perspective.${p.perspective}`)}</RowHeaderCell>
                <Cell isNumeric>{countText(p.cases)}</Cell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {indicators.length > 0 && (
        <Table caption={t('thematicReport.figures.indicators')}>
          <TableHead>
            <HeaderCell>{t('thematicReport.figures.indicator')}</HeaderCell>
            <HeaderCell>{t('thematicReport.figures.medianWith')}</HeaderCell>
            <HeaderCell>{t('thematicReport.figures.medianOthers')}</HeaderCell>
          </TableHead>
          <TableBody>
            {indicators.map((i) => (
              <TableRow key={i.key}>
                <RowHeaderCell>{t(`thematicReport.indicator.${i.key}`)}</RowHeaderCell>
                <Cell isNumeric>{side(i.withThread)}</Cell>
                <Cell isNumeric>{side(i.others)}</Cell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {children}
      <Heading level={below(level)}>{t('thematicReport.figures.recommendations')}</Heading>
      {groups.length === 0 ? (
        <Paragraph>{t('thematicReport.figures.noRecommendations')}</Paragraph>
      ) : (
        <div className="kl-tr__groups">
          {groups.map((g) => (
            <section key={g.code} className="kl-tr__group" aria-label={g.label}>
              <p className="kl-tr__group-label">{g.label}</p>
              <ul>
                {g.recommendations.map((r) => (
                  <li key={r.id}>
                    <strong>
                      {r.number}. {r.title}
                    </strong>{' '}
                    {r.state === 'approved' && (
                      <StatusBadge status="warning">
                        {t('thematicReport.figures.approvedNotPublished')}
                      </StatusBadge>
                    )}
                    {r.body && <span className="kl-tr__body">{r.body}</span>}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </section>
  );
}
