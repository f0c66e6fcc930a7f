// Page navigation for a list, in the Utrecht pagination style. Shows first, last and the
// pages around the current one; the current page carries aria-current.
import { useTranslation } from 'react-i18next';
import { cx } from './class-names';

export type PaginationProps = {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
};

/** Page numbers to show, with null where a gap ("…") goes. */
export function pageWindow(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1]);
  const pages = [...wanted].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const result: (number | null)[] = [];
  pages.forEach((p, index) => {
    const previous = pages[index - 1];
    if (previous !== undefined && p - previous > 1) result.push(null);
    result.push(p);
  });
  return result;
}

export function Pagination({ page, pageSize, total, onPage }: PaginationProps) {
  const { t } = useTranslation();
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (pageCount <= 1) return null;
  return (
    <nav className="utrecht-pagination kl-pagination" aria-label={t('pagination.label')}>
      <ul className="kl-pagination__list">
        <li>
          <button
            type="button"
            className={cx(
              'utrecht-pagination__relative-link',
              'utrecht-pagination__relative-link--prev',
              page <= 1 && 'utrecht-pagination__relative-link--disabled',
            )}
            disabled={page <= 1}
            onClick={() => onPage(page - 1)}
          >
            {t('pagination.previous')}
          </button>
        </li>
        {pageWindow(page, pageCount).map((p, index) =>
          p === null ? (
            <li key={`gap-${index}`} aria-hidden="true" className="kl-pagination__gap">
              …
            </li>
          ) : (
            <li key={p}>
              <button
                type="button"
                className={cx(
                  'utrecht-pagination__page-link',
                  p === page && 'utrecht-pagination__page-link--current',
                )}
                aria-current={p === page ? 'page' : undefined}
                aria-label={t('pagination.page', { page: p })}
                onClick={() => onPage(p)}
              >
                {p}
              </button>
            </li>
          ),
        )}
        <li>
          <button
            type="button"
            className={cx(
              'utrecht-pagination__relative-link',
              'utrecht-pagination__relative-link--next',
              page >= pageCount && 'utrecht-pagination__relative-link--disabled',
            )}
            disabled={page >= pageCount}
            onClick={() => onPage(page + 1)}
          >
            {t('pagination.next')}
          </button>
        </li>
      </ul>
    </nav>
  );
}
