// The state of the cross-case page, kept in the address: the view (texts, segments per code,
// matrix, search), the page, the filters (institution type, perspective), the code whose
// segments are shown, the matrix's codes and the search text. Changing anything but the page
// starts at page 1; moving to another view keeps only the filters.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Perspective } from '../../../shared/contract/coding';
import { isPerspective } from './api';
import { idList } from './cross-case';

export const crossCaseViews = ['texts', 'segments', 'matrix', 'search'] as const;
export type CrossCaseView = (typeof crossCaseViews)[number];

export type CrossCaseParams = {
  view: CrossCaseView;
  page: number;
  type: string;
  perspective: Perspective | '';
  code: string;
  codes: string[];
  q: string;
  /** Sets parameters ('' or null removes one); the page goes back to 1 unless it is set. */
  set: (
    changes: Partial<
      Record<'type' | 'perspective' | 'code' | 'codes' | 'q' | 'page', string | null>
    >,
  ) => void;
  /** The address of another view, keeping the filters. */
  viewSearch: (view: CrossCaseView) => string;
};

const isView = (value: string | null): value is CrossCaseView =>
  (crossCaseViews as readonly (string | null)[]).includes(value);

export function useCrossCaseParams(): CrossCaseParams {
  const [searchParams, setSearchParams] = useSearchParams();
  const rawView = searchParams.get('view');
  const view: CrossCaseView = isView(rawView) ? rawView : 'texts';
  const rawPage = Number(searchParams.get('page'));
  const page = Number.isInteger(rawPage) && rawPage >= 1 ? rawPage : 1;
  const type = searchParams.get('type') ?? '';
  const rawPerspective = searchParams.get('perspective') ?? '';
  const perspective = isPerspective(rawPerspective) ? rawPerspective : '';
  const code = searchParams.get('code') ?? '';
  const codesText = searchParams.get('codes') ?? '';
  const q = searchParams.get('q') ?? '';

  const set = useCallback<CrossCaseParams['set']>(
    (changes) =>
      setSearchParams((previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === undefined || value === '') next.delete(key);
          else next.set(key, value);
        }
        if (!('page' in changes)) next.delete('page');
        if (next.get('page') === '1') next.delete('page');
        return next;
      }),
    [setSearchParams],
  );

  const viewSearch = useCallback(
    (target: CrossCaseView) => {
      const next = new URLSearchParams();
      next.set('view', target);
      if (type) next.set('type', type);
      if (perspective) next.set('perspective', perspective);
      return `?${next.toString()}`;
    },
    [type, perspective],
  );

  return useMemo(
    () => ({
      view,
      page,
      type,
      perspective,
      code,
      codes: idList(codesText),
      q,
      set,
      viewSearch,
    }),
    [view, page, type, perspective, code, codesText, q, set, viewSearch],
  );
}
