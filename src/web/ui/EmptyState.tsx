// What a list shows when it has nothing to show, with an optional next step.
import type { ReactNode } from 'react';

export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="kl-empty" role="status">
      <p className="nl-paragraph">{children}</p>
      {action}
    </div>
  );
}
