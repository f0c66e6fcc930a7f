// The list of what is wrong in a form, shown above it after a failed submit. Each item links
// to its field; the summary takes focus so keyboard and screen-reader users land on it.
import { useEffect, useId, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

export type SummaryItem = { fieldId: string; message: string };

export function ErrorSummary({ items }: { items: SummaryItem[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const signature = items.map((item) => `${item.fieldId}:${item.message}`).join('|');
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (items.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="utrecht-alert utrecht-alert--error kl-alert kl-error-summary"
      role="alert"
      aria-labelledby={titleId}
    >
      <div className="utrecht-alert__content">
        <p id={titleId} className="kl-error-summary__title">
          {t('form.errorSummaryTitle')}
        </p>
        <ul className="kl-error-summary__list">
          {items.map((item) => (
            <li key={item.fieldId}>
              <a
                className="nl-link"
                href={`#${item.fieldId}`}
                onClick={(event) => focusField(event, item.fieldId)}
              >
                {item.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
  const field = document.getElementById(fieldId);
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.scrollIntoView({ block: 'center' });
}
