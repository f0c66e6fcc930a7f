// /access-log — the access log for administrators (NEN 7513): who did what to which record,
// on what grounds and with what outcome, newest first. Filter by person, case, action and
// period (kept in the address), download the same selection as CSV, and check that the hash
// chain is intact.
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AccessLogEntryView } from '../../../shared/contract/audit';
import { hasPermission } from '../../app/permissions';
import { useCurrentSession } from '../../app/session';
import { useListParams } from '../../app/useListParams';
import { formatDateTime } from '../../ui/format';
import { ListView } from '../../ui/ListView';
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
import { roleCodeText } from '../accounts/account-labels';
import { accessLogCsvUrl, accessLogQuery } from './api';
import { AccessLogFilters } from './AccessLogFilters';
import { isFiltered, readFilter, writeFilter } from './access-log-filter';
import { ChainCheck } from './ChainCheck';
import { codeText, outcomeBadge } from './codes';

/** The log has one order, newest first; the list frame still wants a sort value. */
const logOrder = ['newest'] as const;

export function AccessLogPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useListParams(logOrder, 'newest');
  const filter = readFilter(searchParams);
  const query = useQuery(accessLogQuery(filter, params.page));
  const filterKey = JSON.stringify(filter);

  return (
    <>
      <PageHeading>{t('accessLog.title')}</PageHeading>
      <Paragraph purpose="lead">{t('accessLog.intro')}</Paragraph>
      <ChainCheck />
      <AccessLogFilters
        key={filterKey}
        applied={filter}
        canPickPerson={hasPermission(session, 'user.list')}
        onApply={(next) => setSearchParams((previous) => writeFilter(previous, next))}
      />
      <p className="kl-download">
        <a className="nl-link" href={accessLogCsvUrl(filter)} download>
          {isFiltered(filter) ? t('accessLog.downloadFiltered') : t('accessLog.download')}
        </a>
      </p>
      <ListView
        id="access-log"
        query={query}
        params={params}
        isFiltered={isFiltered(filter)}
        emptyText={t('accessLog.empty')}
        noResultsText={t('accessLog.noResults')}
        countText={(total) => t('accessLog.count', { count: total })}
      >
        {(items) => <AccessLogTable items={items} />}
      </ListView>
    </>
  );
}

/** A long id (a UUID) shortened to its first 8 characters; the full one in the tooltip and CSV. */
function IdText({ id }: { id: string }) {
  const isLong = id.length > 12;
  return (
    <code className="kl-id" title={isLong ? id : undefined}>
      {isLong ? `${id.slice(0, 8)}…` : id}
    </code>
  );
}

export function AccessLogTable({ items }: { items: AccessLogEntryView[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table isCaptionHidden caption={t('accessLog.caption')}>
      <TableHead>
        <HeaderCell>{t('accessLog.columnTime')}</HeaderCell>
        <HeaderCell>{t('accessLog.columnPerson')}</HeaderCell>
        <HeaderCell>{t('accessLog.columnRole')}</HeaderCell>
        <HeaderCell>{t('accessLog.columnAction')}</HeaderCell>
        <HeaderCell>{t('accessLog.columnResource')}</HeaderCell>
        <HeaderCell>{t('accessLog.columnGrounds')}</HeaderCell>
        <HeaderCell>{t('accessLog.columnOutcome')}</HeaderCell>
        <HeaderCell>{t('accessLog.columnRequest')}</HeaderCell>
        <HeaderCell className="kl-numeric-header">{t('accessLog.columnSeq')}</HeaderCell>
      </TableHead>
      <TableBody>
        {items.map((entry) => (
          <TableRow key={entry.seq}>
            <RowHeaderCell>
              <time dateTime={entry.at} className="kl-nowrap">
                {formatDateTime(entry.at, i18n.language)}
              </time>
            </RowHeaderCell>
            <Cell>
              {entry.userName ??
                (entry.userId ? <IdText id={entry.userId} /> : t('accessLog.nobody'))}
            </Cell>
            <Cell>{roleCodeText(entry.role, t)}</Cell>
            <Cell>{codeText('auditAction', entry.action, t)}</Cell>
            <Cell>
              {codeText('auditResource', entry.resourceType, t)}
              {entry.resourceId && (
                <>
                  <br />
                  <IdText id={entry.resourceId} />
                </>
              )}
              {entry.caseId && entry.caseId !== entry.resourceId && (
                <>
                  <br />
                  {t('accessLog.case')} <IdText id={entry.caseId} />
                </>
              )}
            </Cell>
            <Cell>{codeText('auditGrounds', entry.grounds, t)}</Cell>
            <Cell>
              <StatusBadge status={outcomeBadge(entry.outcome)}>
                {codeText('auditOutcome', entry.outcome, t)}
              </StatusBadge>
            </Cell>
            <Cell>
              <IdText id={entry.requestId} />
            </Cell>
            <Cell isNumeric>{entry.seq}</Cell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
