// The history of an action or a network meeting, read only when asked for ("Geschiedenis
// tonen"): each change with when and by whom, and for an edit the fields before and after in
// words (statuses translated, dates formatted, references to other records not spelled out).
import { useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { formatDateTime } from '../../ui/format';
import { historyValue } from './labels';

type Change = {
  entity: string;
  entityId: string;
  change: string;
  at: string;
  by: string;
  fields: { field: string; before: unknown; after: unknown }[];
};

export function HistorySection({
  queryKey,
  load,
  prefix,
  headingId,
}: {
  queryKey: readonly unknown[];
  load: (signal: AbortSignal) => Promise<{ items: Change[] }>;
  /** Where the words are: 'actions.history' or 'actions.network.history'. */
  prefix: string;
  headingId: string;
}) {
  const { t, i18n } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const history = useQuery({
    queryKey,
    queryFn: ({ signal }) => load(signal),
    enabled: isOpen,
  });
  return (
    <section aria-labelledby={headingId} className="kl-act-section">
      <Heading level={2} id={headingId}>
        {t('actions.history.title')}
      </Heading>
      {!isOpen ? (
        <Button purpose="secondary" onClick={() => setIsOpen(true)}>
          {t('actions.history.show')}
        </Button>
      ) : history.isPending ? (
        <LoadingState />
      ) : history.isError ? (
        <ErrorAlert error={history.error} />
      ) : (
        <ol className="kl-act-history">
          {history.data.items.map((item, index) => (
            <li key={`${item.entityId}-${index}`}>
              <strong>{formatDateTime(item.at, i18n.language)}</strong> · {item.by} ·{' '}
              {t(`${prefix}.${item.entity}.${item.change}`)}
              {item.change === 'updated' && item.fields.length > 0 && (
                <ul>
                  {item.fields.map((f) => (
                    <li key={f.field}>
                      {t(`${prefix}.fields.${f.field}`, { defaultValue: f.field })}:{' '}
                      <span className="kl-act-muted">
                        {historyValue(f.field, f.before, t, i18n.language)}
                      </span>{' '}
                      → {historyValue(f.field, f.after, t, i18n.language)}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
