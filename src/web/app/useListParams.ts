// A list's page, sort, search text, "show archived" and its filters kept in the URL, so the
// back button, reloads and shared links show the same list. Changing anything but the page
// starts at 1.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type ListParams<S extends string, F extends string = never> = {
  page: number;
  sort: S;
  q: string;
  includeArchived: boolean;
  /** Each filter's value from the URL ('' when not set), by its URL parameter name. */
  filters: Record<F, string>;
  /** Whether any filter is set. */
  isFiltered: boolean;
  setPage: (page: number) => void;
  setSort: (sort: S) => void;
  setQuery: (q: string) => void;
  setIncludeArchived: (includeArchived: boolean) => void;
  setFilter: (name: F, value: string) => void;
};

export function useListParams<S extends string, F extends string = never>(
  sorts: readonly S[],
  defaultSort: S,
  filterNames: readonly F[] = [],
): ListParams<S, F> {
  const [searchParams, setSearchParams] = useSearchParams();
  const rawPage = Number(searchParams.get('page'));
  const page = Number.isInteger(rawPage) && rawPage >= 1 ? rawPage : 1;
  const rawSort = searchParams.get('sort');
  const sort = sorts.find((s) => s === rawSort) ?? defaultSort;
  const q = searchParams.get('q') ?? '';
  const includeArchived = searchParams.get('archived') === '1';
  // The filters as one string, so the memo below changes only when one of them does.
  const filterKey = new URLSearchParams(
    filterNames.map((name) => [name, searchParams.get(name) ?? '']),
  ).toString();

  const update = useCallback(
    (changes: Record<string, string | null>, keepPage = false) => {
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null || value === '') next.delete(key);
            else next.set(key, value);
          }
          if (!keepPage) next.delete('page');
          return next;
        },
        { replace: false },
      );
    },
    [setSearchParams],
  );

  return useMemo(() => {
    const filters = Object.fromEntries(new URLSearchParams(filterKey).entries()) as Record<
      F,
      string
    >;
    return {
      page,
      sort,
      q,
      includeArchived,
      filters,
      isFiltered: Object.values<string>(filters).some(Boolean),
      setPage: (p: number) => update({ page: p > 1 ? String(p) : null }, true),
      setSort: (s: S) => update({ sort: s === defaultSort ? null : s }),
      setQuery: (text: string) => update({ q: text }),
      setIncludeArchived: (value: boolean) => update({ archived: value ? '1' : null }),
      setFilter: (name: F, value: string) => update({ [name]: value }),
    };
  }, [page, sort, q, includeArchived, filterKey, update, defaultSort]);
}
