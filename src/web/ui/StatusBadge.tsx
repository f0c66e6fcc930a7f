// A small label for a record's state, e.g. "Gearchiveerd" or "Geblokkeerd".
import type { ReactNode } from 'react';

export type BadgeStatus = 'neutral' | 'inactive' | 'success' | 'warning' | 'danger';

export function StatusBadge({ status, children }: { status: BadgeStatus; children: ReactNode }) {
  return <span className={`utrecht-status-badge utrecht-status-badge--${status}`}>{children}</span>;
}
