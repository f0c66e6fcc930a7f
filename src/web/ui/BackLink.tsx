// "← Back to the list" above a detail or form page.
import type { ReactNode } from 'react';
import type { To } from 'react-router';
import { AppLink } from './links';

export function BackLink({ to, children }: { to: To; children: ReactNode }) {
  return (
    <p className="kl-back">
      <AppLink to={to}>
        <span aria-hidden="true">← </span>
        {children}
      </AppLink>
    </p>
  );
}
