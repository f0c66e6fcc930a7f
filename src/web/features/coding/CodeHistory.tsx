// "Geschiedenis" of a code: every change, newest first — who did what and when, and for a change
// or a move which fields went from what to what (parents by their place in the tree). Read only
// when opened.
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../shared/contract/coding';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { LoadingState } from '../../ui/LoadingState';
import { codeHistoryQuery, type CodeChange } from './api';
import { pathOf } from './code-tree';
import { changeText, historyFields } from './labels';

export type CodeHistoryProps = {
  programmeId: string;
  code: Code;
  codes: readonly Code[];
};

function codeName(codes: readonly Code[], id: unknown, t: TFunction): string {
  if (typeof id !== 'string' || !id) return t('coding.history.topLevel');
  const path = pathOf(codes, id);
  return path.length ? path.join(' › ') : t('coding.history.unknownCode');
}

function valueText(
  field: (typeof historyFields)[number],
  value: unknown,
  codes: readonly Code[],
  t: TFunction,
): string {
  if (field === 'parentId') return codeName(codes, value, t);
  if (value === null || value === undefined || value === '') return t('coding.history.empty');
  return String(value);
}

/** The fields whose values differ between before and after, in the order of the form. */
export function changedFields(change: CodeChange) {
  if (!change.before || !change.after) return [];
  const { before, after } = change;
  return historyFields.filter(
    (field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null),
  );
}

export function CodeHistory({ programmeId, code, codes }: CodeHistoryProps) {
  const { t, i18n } = useTranslation();
  const history = useQuery(codeHistoryQuery(programmeId, code.id));
  if (history.isPending) return <LoadingState />;
  if (history.isError)
    return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.items.length === 0)
    return <p className="nl-paragraph">{t('coding.history.none')}</p>;
  return (
    <ol className="kl-cd-history" aria-label={t('coding.history.listLabel', { name: code.name })}>
      {history.data.items.map((change, index) => {
        const fields = changedFields(change);
        const mergedInto = change.change === 'merged' ? change.after?.mergedInto : undefined;
        const splitInto = change.change === 'split' ? change.after?.splitInto : undefined;
        return (
          <li key={`${change.changedAt}-${index}`} className="kl-cd-history__item">
            <p className="kl-cd-history__line">
              <span className="kl-cd-history__when">
                {formatDateTime(change.changedAt, i18n.language)}
              </span>{' '}
              {t('coding.history.sentence', {
                who: change.changedBy ?? t('coding.history.someone'),
                what: changeText(change.change, t),
              })}
            </p>
            {mergedInto !== undefined && (
              <p className="kl-cd-history__detail">
                {t('coding.history.mergedInto', { name: codeName(codes, mergedInto, t) })}
              </p>
            )}
            {splitInto !== undefined && (
              <p className="kl-cd-history__detail">
                {t('coding.history.splitInto', { name: codeName(codes, splitInto, t) })}
              </p>
            )}
            {(change.change === 'updated' || change.change === 'moved') && fields.length > 0 && (
              <ul className="kl-cd-history__fields">
                {fields.map((field) => (
                  <li key={field}>
                    {t('coding.history.fieldChange', {
                      field: t(`coding.history.field.${field}`),
                      before: valueText(field, change.before?.[field], codes, t),
                      after: valueText(field, change.after?.[field], codes, t),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
