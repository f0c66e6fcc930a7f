// An "up" or "down" button of a row. Where a row cannot move that way (the first cannot go up),
// an invisible stand-in keeps the button's place, so every row's buttons stay in the same
// spot; the stand-in is neither focusable nor read out.
import type { ReactNode } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useTranslation } from 'react-i18next';
import { cx } from '../../ui/class-names';

export type ReorderButtonProps = {
  id: string;
  direction: -1 | 1;
  isAvailable: boolean;
  /** Visually hidden words naming the row, e.g. " vraag 1.2: …". */
  context: ReactNode;
  onClick: () => void;
  className?: string;
};

export function ReorderButton({
  id,
  direction,
  isAvailable,
  context,
  onClick,
  className,
}: ReorderButtonProps) {
  const { t } = useTranslation();
  const arrow = direction === -1 ? '↑ ' : '↓ ';
  const label = direction === -1 ? t('instruments.editor.up') : t('instruments.editor.down');
  if (!isAvailable)
    return (
      <Button
        purpose="subtle"
        className={cx('kl-in-gone', className)}
        aria-hidden="true"
        tabIndex={-1}
        disabled
      >
        {arrow}
        {label}
      </Button>
    );
  return (
    <Button id={id} purpose="subtle" className={className} onClick={onClick}>
      <span aria-hidden="true">{arrow}</span>
      {label}
      {context}
    </Button>
  );
}
