// /accounts — everyone with an account: searchable by name or e-mail address, sortable, with
// role and status. Administrators make new accounts from here.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../../app/permissions';
import { useCurrentSession } from '../../app/session';
import { useFlash } from '../../app/useFlash';
import { useListParams } from '../../app/useListParams';
import { Alert } from '../../ui/Alert';
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
import { accountListQuery, accountSorts, type AccountSort } from './api';
import { roleText, statusBadge, statusText } from './account-labels';

export function AccountListPage() {
  const { t } = useTranslation();
  const flash = useFlash();
  const canCreate = hasPermission(useCurrentSession(), 'user.manage');
  const params = useListParams<AccountSort>(accountSorts, 'name');
  const query = useQuery(accountListQuery({ page: params.page, sort: params.sort, q: params.q }));
  const newButton = canCreate ? (
    <ButtonLink to="/accounts/new">{t('accounts.new')}</ButtonLink>
  ) : null;

  return (
    <>
      <div className="kl-page-header">
        <PageHeading>{t('accounts.title')}</PageHeading>
        {newButton}
      </div>
      {flash && <Alert type="ok">{flash}</Alert>}
      <p className="nl-paragraph">{t('accounts.intro')}</p>
      <ListView
        id="accounts"
        query={query}
        params={params}
        searchLabel={t('accounts.search')}
        emptyText={t('accounts.empty')}
        emptyAction={newButton}
        noResultsText={t('list.noResults')}
        countText={(total) => t('accounts.count', { count: total })}
      >
        {(items) => (
          <Table isCaptionHidden caption={t('accounts.caption')}>
            <TableHead>
              <SortableHeader
                label={t('accounts.columnName')}
                ascending="name"
                descending="-name"
                sort={params.sort}
                onSort={params.setSort}
              />
              <SortableHeader
                label={t('accounts.columnEmail')}
                ascending="email"
                sort={params.sort}
                onSort={params.setSort}
              />
              <SortableHeader
                label={t('accounts.columnRole')}
                ascending="role"
                sort={params.sort}
                onSort={params.setSort}
              />
              <HeaderCell>{t('common.status')}</HeaderCell>
            </TableHead>
            <TableBody>
              {items.map((account) => (
                <TableRow key={account.id}>
                  <RowHeaderCell>
                    <AppLink to={`/accounts/${account.id}`}>{account.displayName}</AppLink>
                  </RowHeaderCell>
                  <Cell>{account.email}</Cell>
                  <Cell>
                    <StatusBadge status="neutral">{roleText(account.role, t)}</StatusBadge>
                  </Cell>
                  <Cell>
                    <StatusBadge status={statusBadge(account.status)}>
                      {statusText(account.status, t)}
                    </StatusBadge>
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
