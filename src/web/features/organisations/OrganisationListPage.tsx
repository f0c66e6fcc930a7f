// /organisations — partner organisations, searchable, sortable and filterable by type.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { canManageOrganisationLayer } from '../../app/permissions';
import { useCurrentSession } from '../../app/session';
import { useFlash } from '../../app/useFlash';
import { useListParams } from '../../app/useListParams';
import { Alert } from '../../ui/Alert';
import { AppLink, ButtonLink } from '../../ui/links';
import { ListView } from '../../ui/ListView';
import { PageHeading } from '../../ui/PageHeading';
import { SelectField } from '../../ui/SelectField';
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
import { organisationListQuery, organisationSorts, type OrganisationSort } from './api';
import {
  isOrganisationType,
  organisationTypeOptions,
  organisationTypeText,
} from './organisation-types';

export function OrganisationListPage() {
  const { t } = useTranslation();
  const flash = useFlash();
  const canCreate = canManageOrganisationLayer(useCurrentSession());
  const params = useListParams<OrganisationSort>(organisationSorts, 'name');
  const [searchParams, setSearchParams] = useSearchParams();
  const rawType = searchParams.get('type') ?? '';
  const type = isOrganisationType(rawType) ? rawType : undefined;
  const setType = (value: string) =>
    setSearchParams((previous) => {
      const next = new URLSearchParams(previous);
      if (value) next.set('type', value);
      else next.delete('type');
      next.delete('page');
      return next;
    });
  const query = useQuery(
    organisationListQuery({
      page: params.page,
      sort: params.sort,
      q: params.q,
      includeArchived: params.includeArchived,
      ...(type ? { type } : {}),
    }),
  );
  const newButton = canCreate ? (
    <ButtonLink to="/organisations/new">{t('organisations.new')}</ButtonLink>
  ) : null;

  return (
    <>
      <div className="kl-page-header">
        <PageHeading>{t('organisations.title')}</PageHeading>
        {newButton}
      </div>
      {flash && <Alert type="ok">{flash}</Alert>}
      <p className="nl-paragraph">{t('organisations.intro')}</p>
      <ListView
        id="organisations"
        query={query}
        params={params}
        searchLabel={t('organisations.search')}
        archivedLabel={t('list.showArchived')}
        filters={
          <SelectField
            id="organisations-type-filter"
            label={t('organisations.filterType')}
            isOptional
            placeholder={t('organisations.filterAll')}
            options={organisationTypeOptions(t)}
            value={type ?? ''}
            onChange={setType}
          />
        }
        isFiltered={Boolean(type)}
        emptyText={t('organisations.empty')}
        emptyAction={newButton}
        noResultsText={t('list.noResults')}
        countText={(total) => t('organisations.count', { count: total })}
      >
        {(items) => (
          <Table isCaptionHidden caption={t('organisations.caption')}>
            <TableHead>
              <SortableHeader
                label={t('organisations.columnName')}
                ascending="name"
                descending="-name"
                sort={params.sort}
                onSort={params.setSort}
              />
              <SortableHeader
                label={t('organisations.columnType')}
                ascending="type"
                sort={params.sort}
                onSort={params.setSort}
              />
              <HeaderCell>{t('organisations.columnMunicipality')}</HeaderCell>
              <HeaderCell>{t('common.status')}</HeaderCell>
            </TableHead>
            <TableBody>
              {items.map((organisation) => (
                <TableRow key={organisation.id}>
                  <RowHeaderCell>
                    <AppLink to={`/organisations/${organisation.id}`}>{organisation.name}</AppLink>
                  </RowHeaderCell>
                  <Cell>{organisationTypeText(organisation.type, t)}</Cell>
                  <Cell>{organisation.municipalityName ?? '—'}</Cell>
                  <Cell>
                    {organisation.archivedAt ? (
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
