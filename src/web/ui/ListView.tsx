// The common frame of every list page: search (unless the page brings its own filter form),
// optional filters and "show archived", the number of results (announced politely), loading,
// error and empty states, the table the page renders, and pagination.
import type { ReactNode } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ListResponse } from '../../shared/contract/common';
import type { ListParams } from '../app/useListParams';
import { CheckboxField } from './CheckboxField';
import { EmptyState } from './EmptyState';
import { ErrorAlert } from './ErrorAlert';
import { LoadingState } from './LoadingState';
import { Pagination } from './Pagination';
import { SearchBox } from './SearchBox';

export type ListViewProps<T, S extends string> = {
  id: string;
  query: UseQueryResult<ListResponse<T>>;
  params: ListParams<S>;
  /** Leave out for a list without a free-text search (its filters come in `filters`). */
  searchLabel?: string;
  archivedLabel?: string;
  filters?: ReactNode;
  isFiltered?: boolean;
  emptyText: string;
  emptyAction?: ReactNode;
  noResultsText: string;
  countText: (total: number) => string;
  children: (items: T[]) => ReactNode;
};

export function ListView<T, S extends string>({
  id,
  query,
  params,
  searchLabel,
  archivedLabel,
  filters,
  isFiltered,
  emptyText,
  emptyAction,
  noResultsText,
  countText,
  children,
}: ListViewProps<T, S>) {
  const { t } = useTranslation();
  const data = query.data;
  const hasFilters = Boolean(params.q) || params.includeArchived || Boolean(isFiltered);
  return (
    <div className="kl-list">
      <div className="kl-list__toolbar">
        {searchLabel !== undefined && (
          <SearchBox
            key={params.q}
            label={searchLabel}
            initialQuery={params.q}
            onSearch={params.setQuery}
          />
        )}
        {filters}
        {archivedLabel && (
          <CheckboxField
            id={`${id}-archived`}
            label={archivedLabel}
            isChecked={params.includeArchived}
            onChange={params.setIncludeArchived}
          />
        )}
      </div>
      <p className="kl-list__count" role="status">
        {data ? countText(data.total) : ''}
      </p>
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !data ? (
        <LoadingState />
      ) : data.items.length === 0 && data.total > 0 ? (
        <EmptyState
          action={
            <Button purpose="secondary" onClick={() => params.setPage(1)}>
              {t('list.firstPage')}
            </Button>
          }
        >
          {t('list.pageEmpty')}
        </EmptyState>
      ) : data.items.length === 0 ? (
        <EmptyState action={hasFilters ? undefined : emptyAction}>
          {hasFilters ? noResultsText : emptyText}
        </EmptyState>
      ) : (
        <div aria-busy={query.isPlaceholderData || undefined} className="kl-list__results">
          {children(data.items)}
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            onPage={params.setPage}
          />
        </div>
      )}
    </div>
  );
}
