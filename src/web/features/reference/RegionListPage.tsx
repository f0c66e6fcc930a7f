// /regions — the 42 youth-care regions (read only). A region's name leads to its
// municipalities.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useListParams } from '../../app/useListParams';
import { AppLink } from '../../ui/links';
import { ListView } from '../../ui/ListView';
import { PageHeading } from '../../ui/PageHeading';
import { SortableHeader } from '../../ui/SortableHeader';
import {
  Cell,
  HeaderCell,
  RowHeaderCell,
  Table,
  TableBody,
  TableHead,
  TableRow,
} from '../../ui/Table';
import { regionListQuery, regionSorts, type RegionSort } from './api';

export function RegionListPage() {
  const { t } = useTranslation();
  const params = useListParams<RegionSort>(regionSorts, 'name');
  // 50 per page: all 42 regions fit on one page.
  const query = useQuery(
    regionListQuery({ page: params.page, pageSize: 50, sort: params.sort, q: params.q }),
  );
  return (
    <>
      <PageHeading>{t('regions.title')}</PageHeading>
      <p className="nl-paragraph">{t('regions.intro')}</p>
      <ListView
        id="regions"
        query={query}
        params={params}
        searchLabel={t('regions.search')}
        emptyText={t('regions.empty')}
        noResultsText={t('list.noResults')}
        countText={(total) => t('regions.count', { count: total })}
      >
        {(items) => (
          <Table isCaptionHidden caption={t('regions.caption')}>
            <TableHead>
              <SortableHeader
                label={t('regions.columnName')}
                ascending="name"
                descending="-name"
                sort={params.sort}
                onSort={params.setSort}
              />
              <SortableHeader
                label={t('regions.columnCode')}
                ascending="code"
                descending="-code"
                sort={params.sort}
                onSort={params.setSort}
              />
              <HeaderCell className="utrecht-table__header-cell--numeric-column">
                {t('regions.columnMunicipalities')}
              </HeaderCell>
            </TableHead>
            <TableBody>
              {items.map((region) => (
                <TableRow key={region.code}>
                  <RowHeaderCell>
                    <AppLink to={`/regions/${region.code}`}>{region.name}</AppLink>
                  </RowHeaderCell>
                  <Cell>{region.code}</Cell>
                  <Cell isNumeric>{region.municipalityCount}</Cell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </ListView>
    </>
  );
}
