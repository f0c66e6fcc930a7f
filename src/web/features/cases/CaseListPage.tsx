// /cases — the cases the user reaches through their teams or an assignment: searchable by
// code, filterable by team, institution type, region and status, sortable and paginated.
// Researchers open new cases from here.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { canCreateCases } from '../../app/permissions';
import { useCurrentSession } from '../../app/session';
import { useFlash } from '../../app/useFlash';
import { useListParams } from '../../app/useListParams';
import { Alert } from '../../ui/Alert';
import { formatDay } from '../../ui/format';
import { AppLink, ButtonLink } from '../../ui/links';
import { ListView } from '../../ui/ListView';
import { PageHeading } from '../../ui/PageHeading';
import { SortableHeader } from '../../ui/SortableHeader';
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
import { caseListQuery, caseSorts, type CaseSort } from './api';
import { isCaseStatus, statusBadge, statusText } from './case-labels';
import { CaseListFilters, caseFilterNames } from './CaseListFilters';

export function CaseListPage() {
  const { t, i18n } = useTranslation();
  const flash = useFlash();
  const canCreate = canCreateCases(useCurrentSession());
  const params = useListParams<CaseSort, (typeof caseFilterNames)[number]>(
    caseSorts,
    '-created',
    caseFilterNames,
  );
  const { team, type, region, status } = params.filters;
  const query = useQuery(
    caseListQuery({
      page: params.page,
      sort: params.sort,
      q: params.q,
      ...(team ? { teamId: team } : {}),
      ...(type ? { institutionType: type } : {}),
      ...(region ? { regionCode: region } : {}),
      ...(isCaseStatus(status) ? { status } : {}),
    }),
  );
  const newButton = canCreate ? <ButtonLink to="/cases/new">{t('cases.new')}</ButtonLink> : null;

  return (
    <>
      <div className="kl-page-header">
        <PageHeading>{t('cases.title')}</PageHeading>
        {newButton}
      </div>
      {flash && <Alert type="ok">{flash}</Alert>}
      <p className="nl-paragraph">{t('cases.intro')}</p>
      <ListView
        id="cases"
        query={query}
        params={params}
        searchLabel={t('cases.search')}
        filters={<CaseListFilters values={params.filters} onChange={params.setFilter} />}
        isFiltered={params.isFiltered}
        emptyText={canCreate ? t('cases.empty') : t('cases.emptyNotCreator')}
        emptyAction={newButton}
        noResultsText={t('list.noResults')}
        countText={(total) => t('cases.count', { count: total })}
      >
        {(items) => (
          <Table isCaptionHidden caption={t('cases.caption')}>
            <TableHead>
              <SortableHeader
                label={t('cases.columnCode')}
                ascending="code"
                descending="-code"
                sort={params.sort}
                onSort={params.setSort}
              />
              <HeaderCell>{t('common.status')}</HeaderCell>
              <HeaderCell>{t('cases.columnType')}</HeaderCell>
              <HeaderCell>{t('cases.columnRegion')}</HeaderCell>
              <HeaderCell>{t('cases.columnTeam')}</HeaderCell>
              <HeaderCell className="utrecht-table__header-cell--numeric-column">
                {t('cases.columnBirthYear')}
              </HeaderCell>
              <SortableHeader
                label={t('cases.columnCreated')}
                ascending="created"
                descending="-created"
                sort={params.sort}
                onSort={params.setSort}
              />
            </TableHead>
            <TableBody>
              {items.map((item) => (
                <TableRow key={item.id}>
                  <RowHeaderCell>
                    <AppLink to={`/cases/${item.id}`} className="kl-nowrap">
                      {item.code}
                    </AppLink>
                  </RowHeaderCell>
                  <Cell>
                    <StatusBadge status={statusBadge(item.status)}>
                      {statusText(item.status, t)}
                    </StatusBadge>
                  </Cell>
                  <Cell>{item.institutionTypeLabel}</Cell>
                  <Cell>{item.regionName}</Cell>
                  <Cell>{item.teamName}</Cell>
                  <Cell isNumeric>{item.birthYear}</Cell>
                  <Cell className="kl-nowrap">{formatDay(item.createdAt, i18n.language)}</Cell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </ListView>
    </>
  );
}
