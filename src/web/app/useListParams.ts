// A list's page, sort, search text and "show archived" kept in the URL, so the back button,
// reloads and shared links show the same list. Changing anything but the page starts at 1.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type ListParams<S extends string> = {
  page: number;
  sort: S;
  q: string;
  includeArchived: boolean;
  setPage: (page: number) => void;
  setSort: (sort: S) => void;
  setQuery: (q: string) => void;
  setIncludeArchived: (includeArchived: boolean) => void;
};

export function useListParams<S extends string>(
  sorts: readonly S[],
  defaultSort: S,
): ListParams<S> {
  const [searchParams, setSearchParams] = useSearchParams();
  const rawPage = Number(searchParams.get('page'));
  const page = Number.isInteger(rawPage) && rawPage >= 1 ? rawPage : 1;
  const rawSort = searchParams.get('sort');
  const sort = sorts.find((s) => s === rawSort) ?? defaultSort;
  const q = searchParams.get('q') ?? '';
  const includeArchived = searchParams.get('archived') === '1';

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

  return useMemo(
    () => ({
      page,
      sort,
      q,
      includeArchived,
      setPage: (p: number) => update({ page: p > 1 ? String(p) : null }, true),
      setSort: (s: S) => update({ sort: s === defaultSort ? null : s }),
      setQuery: (text: string) => update({ q: text }),
      setIncludeArchived: (value: boolean) => update({ archived: value ? '1' : null }),
    }),
    [page, sort, q, includeArchived, update, defaultSort],
  );
}
