// Who changed an answer, when, and what: loaded only when opened (each read is in the access
// log), newest change first, values in words.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InstrumentItem } from '../../../shared/contract/instruments';
import type { AnswerValue } from '../../../shared/domain/dossier-answers';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate, formatDateTime } from '../../ui/format';
import { LoadingState } from '../../ui/LoadingState';
import { answerHistoryQuery } from './api';
import { answerFieldOrder, type AnswerField } from './answer-form';
import { fieldLabel, valueText } from './labels';

export type AnswerHistoryProps = {
  caseId: string;
  item: InstrumentItem;
  timelineTitles: Map<string, string>;
};

const isEmpty = (value: unknown) =>
  value === null || value === '' || (Array.isArray(value) && value.length === 0);

const isAnswerField = (field: string): field is AnswerField =>
  (answerFieldOrder as readonly string[]).includes(field);

export function AnswerHistory({ caseId, item, timelineTitles }: AnswerHistoryProps) {
  const { t, i18n } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const query = useQuery({ ...answerHistoryQuery(caseId, item.key), enabled: isOpen });

  const text = (field: AnswerField, value: unknown): string => {
    const empty = t('dossier.conflict.empty');
    if (field === 'value') return valueText(item.answer, value as AnswerValue, t, i18n.language);
    if (field === 'timelineItemIds') {
      const ids = Array.isArray(value) ? (value as string[]) : [];
      return ids.length === 0
        ? empty
        : ids.map((id) => timelineTitles.get(id) ?? t('dossier.links.unknownItem')).join(', ');
    }
    if (typeof value !== 'string' || value === '') return empty;
    return field === 'sourceDate' ? formatDate(value, i18n.language) : value;
  };

  return (
    <details className="kl-dossier-history" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="kl-dossier-history__summary">{t('dossier.history.title')}</summary>
      {isOpen && query.isPending && <LoadingState />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <ol className="kl-dossier-history__list" reversed>
          {[...query.data.changes].reverse().map((change) => (
            <li key={`${change.version}-${change.change}`}>
              <p className="kl-dossier-history__who">
                {t(`dossier.history.change_${change.change}`, {
                  by: change.by || t('dossier.history.someone'),
                  at: formatDateTime(change.at, i18n.language),
                  version: change.version,
                })}
              </p>
              {change.change !== 'deleted' && change.fields.length > 0 && (
                <ul className="kl-dossier-history__fields">
                  {change.fields
                    .filter((f) => isAnswerField(f.field))
                    // A new answer lists what it says, not the fields left empty.
                    .filter(
                      (f) =>
                        change.change !== 'created' || f.field === 'value' || !isEmpty(f.after),
                    )
                    .map((f) => {
                      const field = f.field as AnswerField;
                      return (
                        <li key={field}>
                          {change.change === 'created'
                            ? t('dossier.history.fieldSet', {
                                field: fieldLabel(field, t),
                                after: text(field, f.after),
                              })
                            : t('dossier.history.fieldChange', {
                                field: fieldLabel(field, t),
                                before: text(field, f.before),
                                after: text(field, f.after),
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
