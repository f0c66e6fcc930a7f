// /programmes — all programmes, searchable and sortable, with archived ones on request.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Programme } from '../../../shared/contract/organisations';
import { canManageOrganisationLayer } from '../../app/permissions';
import { useCurrentSession } from '../../app/session';
import { useFlash } from '../../app/useFlash';
import { useListParams } from '../../app/useListParams';
import { Alert } from '../../ui/Alert';
import { formatDate } from '../../ui/format';
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
import { programmeListQuery, programmeSorts, type ProgrammeSort } from './api';

export function ProgrammeListPage() {
  const { t, i18n } = useTranslation();
  const flash = useFlash();
  const canCreate = canManageOrganisationLayer(useCurrentSession());
  const params = useListParams<ProgrammeSort>(programmeSorts, 'name');
  const query = useQuery(
    programmeListQuery({
      page: params.page,
      sort: params.sort,
      q: params.q,
      includeArchived: params.includeArchived,
    }),
  );
  const newButton = canCreate ? (
    <ButtonLink to="/programmes/new">{t('programmes.new')}</ButtonLink>
  ) : null;
  const period = (p: Programme) =>
    p.periodEnd
      ? t('programmes.periodRange', {
          start: formatDate(p.periodStart, i18n.language),
          end: formatDate(p.periodEnd, i18n.language),
        })
      : t('programmes.periodFrom', { start: formatDate(p.periodStart, i18n.language) });

  return (
    <>
      <div className="kl-page-header">
        <PageHeading>{t('programmes.title')}</PageHeading>
        {newButton}
      </div>
      {flash && <Alert type="ok">{flash}</Alert>}
      <p className="nl-paragraph">{t('programmes.intro')}</p>
      <ListView
        id="programmes"
        query={query}
        params={params}
        searchLabel={t('programmes.search')}
        archivedLabel={t('list.showArchived')}
        emptyText={t('programmes.empty')}
        emptyAction={newButton}
        noResultsText={t('list.noResults')}
        countText={(total) => t('programmes.count', { count: total })}
      >
        {(items) => (
          <Table isCaptionHidden caption={t('programmes.caption')}>
            <TableHead>
              <SortableHeader
                label={t('programmes.columnName')}
                ascending="name"
                descending="-name"
                sort={params.sort}
                onSort={params.setSort}
              />
              <SortableHeader
                label={t('programmes.columnPeriod')}
                ascending="start"
                descending="-start"
                sort={params.sort}
                onSort={params.setSort}
              />
              <HeaderCell className="utrecht-table__header-cell--numeric-column">
                {t('programmes.columnTeams')}
              </HeaderCell>
              <HeaderCell>{t('programmes.columnGroups')}</HeaderCell>
              <HeaderCell>{t('common.status')}</HeaderCell>
            </TableHead>
            <TableBody>
              {items.map((programme) => (
                <TableRow key={programme.id}>
                  <RowHeaderCell>
                    <AppLink to={`/programmes/${programme.id}`}>{programme.name}</AppLink>
                  </RowHeaderCell>
                  <Cell>{period(programme)}</Cell>
                  <Cell isNumeric>{programme.teamCount}</Cell>
                  <Cell>{programme.stakeholderGroups.length}</Cell>
                  <Cell>
                    {programme.archivedAt ? (
                      <StatusBadge status="inactive">{t('common.archived')}</StatusBadge>
                    ) : (
                      <StatusBadge status="success">{t('common.active')}</StatusBadge>
                    )}
                  </Cell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </ListView>
    </>
  );
}
