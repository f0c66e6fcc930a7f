// Who changed an item, when, and what: loaded only when someone opens it (each read of the
// history is in the access log), newest change first.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TimelineItem } from '../../../shared/contract/timeline';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { LoadingState } from '../../ui/LoadingState';
import { editableFields, historyQuery, type EditableField } from './api';
import { fieldLabel, valueText, type ValueContext } from './field-values';

export type ItemHistoryProps = {
  caseId: string;
  item: TimelineItem;
  context: Omit<ValueContext, 't' | 'language'>;
};

const isEditableField = (field: string): field is EditableField =>
  (editableFields as readonly string[]).includes(field);

export function ItemHistory({ caseId, item, context }: ItemHistoryProps) {
  const { t, i18n } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const query = useQuery({
    ...historyQuery(caseId, item.id),
    enabled: isOpen,
  });
  const full: ValueContext = { ...context, t, language: i18n.language };

  return (
    <details
      className="kl-tl-editor__section kl-tl-history"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="kl-tl-history__summary">{t('timeline.history.title')}</summary>
      {isOpen && query.isPending && <LoadingState />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <ol className="kl-tl-history__list" reversed>
          {[...query.data.changes].reverse().map((change) => (
            <li key={`${change.version}-${change.change}`} className="kl-tl-history__change">
              <p className="kl-tl-history__who">
                {t(`timeline.history.change_${change.change}`, {
                  by: change.by || t('timeline.history.someone'),
                  at: formatDateTime(change.at, i18n.language),
                  version: change.version,
                })}
              </p>
              {change.change === 'updated' && change.fields.length > 0 && (
                <ul className="kl-tl-history__fields">
                  {change.fields
                    .filter((f) => isEditableField(f.field))
                    .map((f) => {
                      const field = f.field as EditableField;
                      return (
                        <li key={field}>
                          {t('timeline.history.fieldChange', {
                            field: fieldLabel(field, t),
                            before: valueText(field, f.before, full, item.lane),
                            after: valueText(field, f.after, full, item.lane),
                          })}
                        </li>
                      );
                    })}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
