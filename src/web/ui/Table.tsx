// Thin typed wrappers around the Utrecht table classes. The table sits in a scroll container
// of its own, so a wide table scrolls sideways on a phone instead of the whole page; the
// container is focusable and named by the caption, so keyboard users can scroll it too.
import { useId, type ReactNode, type ThHTMLAttributes, type TdHTMLAttributes } from 'react';
import { cx } from './class-names';

export type TableProps = {
  caption: ReactNode;
  /** For a caption that repeats the heading right above: still read out, not shown twice. */
  isCaptionHidden?: boolean;
  children: ReactNode;
};

export function Table({ caption, isCaptionHidden, children }: TableProps) {
  const captionId = useId();
  return (
    <div
      className="utrecht-table-container kl-table-scroll"
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
    >
      <table className="utrecht-table utrecht-table--html-table kl-table">
        <caption
          id={captionId}
          className={cx('utrecht-table__caption', isCaptionHidden && 'kl-visually-hidden')}
        >
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

export function TableHead({ children }: { children: ReactNode }) {
  return (
    <thead className="utrecht-table__header">
      <tr className="utrecht-table__row">{children}</tr>
    </thead>
  );
}

export function TableBody({ children }: { children: ReactNode }) {
  return <tbody className="utrecht-table__body">{children}</tbody>;
}

export function TableRow({ children }: { children: ReactNode }) {
  return <tr className="utrecht-table__row">{children}</tr>;
}

export function HeaderCell({
  children,
  className,
  ...props
}: ThHTMLAttributes<HTMLTableCellElement> & { children?: ReactNode }) {
  return (
    <th scope="col" {...props} className={cx('utrecht-table__header-cell', className)}>
      {children}
    </th>
  );
}

/** The first cell of a body row: names the row for screen readers. */
export function RowHeaderCell({ children }: { children: ReactNode }) {
  return (
    <th scope="row" className="utrecht-table__cell kl-table__row-header">
      {children}
    </th>
  );
}

export function Cell({
  children,
  isNumeric,
  className,
  ...props
}: TdHTMLAttributes<HTMLTableCellElement> & { children?: ReactNode; isNumeric?: boolean }) {
  return (
    <td
      {...props}
      className={cx(
        'utrecht-table__cell',
        isNumeric && 'utrecht-table__cell--numeric-data',
        className,
      )}
    >
      {children}
    </td>
  );
}
