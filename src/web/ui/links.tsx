// Router links in NLDS dress: a text link and a link that looks like a button.
import type { ReactNode } from 'react';
import { Link, type To } from 'react-router';
import { cx } from './class-names';

export function AppLink({
  to,
  children,
  className,
}: {
  to: To;
  children: ReactNode;
  className?: string;
}) {
  return (
    <Link to={to} className={cx('nl-link', className)}>
      {children}
    </Link>
  );
}

export function ButtonLink({
  to,
  children,
  purpose = 'primary',
}: {
  to: To;
  children: ReactNode;
  purpose?: 'primary' | 'secondary' | 'subtle';
}) {
  return (
    <Link to={to} className={`nl-button nl-button--${purpose} kl-button-link`}>
      {children}
    </Link>
  );
}
