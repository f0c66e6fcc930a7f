// A column header that sorts the list: a button inside the th, with aria-sort on the column
// that is sorted. A column has an ascending sort value and, where the server offers one, a
// descending one ("name" / "-name"); pressing the sorted column flips between the two.
import { useTranslation } from 'react-i18next';
import { HeaderCell } from './Table';

export type SortableHeaderProps<S extends string> = {
  label: string;
  ascending: S;
  descending?: S | undefined;
  sort: S;
  onSort: (sort: S) => void;
};

export function SortableHeader<S extends string>({
  label,
  ascending,
  descending,
  sort,
  onSort,
}: SortableHeaderProps<S>) {
  const { t } = useTranslation();
  const direction = sort === ascending ? 'ascending' : sort === descending ? 'descending' : null;
  const next = direction === 'ascending' && descending ? descending : ascending;
  const hint = next === descending ? t('table.sortDescendingHint') : t('table.sortAscendingHint');
  return (
    <HeaderCell aria-sort={direction ?? undefined} className="kl-sortable">
      <button type="button" className="kl-sort-button" onClick={() => onSort(next)}>
        {label}
        <span className="kl-visually-hidden">, {hint}</span>
        <span className="kl-sort-icon" aria-hidden="true">
          {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
        </span>
      </button>
    </HeaderCell>
  );
}
