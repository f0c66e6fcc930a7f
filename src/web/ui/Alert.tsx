// A message box in the Utrecht alert style. Errors are announced at once (role=alert);
// everything else politely (role=status).
import type { ReactNode } from 'react';

export type AlertType = 'info' | 'ok' | 'warning' | 'error';

export function Alert({ type, children }: { type: AlertType; children: ReactNode }) {
  return (
    <div
      className={`utrecht-alert utrecht-alert--${type} kl-alert`}
      role={type === 'error' ? 'alert' : 'status'}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}
