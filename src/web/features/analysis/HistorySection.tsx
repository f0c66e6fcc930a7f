// "Geschiedenis": every change of the analysis, its factors, hypotheses and theory versions,
// newest first — who did what and when, and for a change which fields went from what to what.
// Read only when opened (each read is in the access log).
import { useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { agreementViews, factorKinds, factorPerspectives } from '../../../shared/contract/analysis';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate, formatDateTime } from '../../ui/format';
import { LoadingState } from '../../ui/LoadingState';
import { analysisHistoryQuery, type AnalysisChange, type ExplanatoryAnalysis } from './api';
import { agreementText, domainTitle, joinWords, kindText, perspectiveText } from './labels';

/** The fields the history names, in the words of the forms. */
export const historyFields = [
  'problemStatement',
  'domainKey',
  'kind',
  'title',
  'description',
  'perspective',
  'causeIds',
  'effectFactorId',
  'explanation',
  'dated',
  'text',
  'evaluation',
  'youthView',
  'youthWords',
  'parentView',
  'parentWords',
] as const;

const includes = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

const shorten = (text: string, max = 160) =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;

function valueText(
  field: string,
  value: unknown,
  analysis: ExplanatoryAnalysis,
  t: TFunction,
  language: string,
): string {
  const factorTitle = (id: unknown) =>
    analysis.factors.find((f) => f.id === id)?.title ?? t('analysis.hypotheses.removedFactor');
  if (field === 'effectFactorId')
    return value === null ? t('analysis.hypotheses.theProblem') : `‘${factorTitle(value)}’`;
  if (value === null || value === undefined || value === '') return t('analysis.history.empty');
  if (field === 'causeIds' && Array.isArray(value))
    return joinWords(
      value.map((id) => `‘${factorTitle(id)}’`),
      language,
    );
  if (field === 'domainKey' && typeof value === 'string') return domainTitle(analysis, value);
  if (field === 'kind' && includes(factorKinds, value)) return kindText(value, t);
  if (field === 'perspective' && includes(factorPerspectives, value))
    return perspectiveText(value, t);
  if ((field === 'youthView' || field === 'parentView') && includes(agreementViews, value))
    return agreementText(value, t);
  if (field === 'dated' && typeof value === 'string') return formatDate(value, language);
  if (typeof value === 'string') return `‘${shorten(value)}’`;
  return String(value);
}

/** What a change was about: the factor's name, the theory's number, … */
function subjectOf(change: AnalysisChange, analysis: ExplanatoryAnalysis, t: TFunction) {
  const values = new Map(
    change.fields.map((f) => [f.field, change.change === 'deleted' ? f.before : f.after]),
  );
  const text = (key: string) => {
    const value = values.get(key);
    return typeof value === 'string' && value ? shorten(value, 80) : null;
  };
  switch (change.entity) {
    case 'factor':
      return text('title') ?? analysis.factors.find((f) => f.id === change.entityId)?.title ?? null;
    case 'theory': {
      const number =
        values.get('number') ?? analysis.theories.find((v) => v.id === change.entityId)?.number;
      return typeof number === 'number' ? t('analysis.theory.versionShort', { number }) : null;
    }
    case 'hypothesis': {
      const index = analysis.hypotheses.findIndex((h) => h.id === change.entityId);
      return index === -1 ? null : t('analysis.hypotheses.numbered', { number: index + 1 });
    }
    default:
      return null;
  }
}

export function HistorySection({
  caseId,
  analysis,
}: {
  caseId: string;
  analysis: ExplanatoryAnalysis;
}) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  return (
    <>
      <Button purpose="secondary" aria-expanded={isOpen} onClick={() => setOpen(!isOpen)}>
        {isOpen ? t('analysis.history.hide') : t('analysis.history.show')}
      </Button>
      {isOpen && <HistoryList caseId={caseId} analysis={analysis} />}
    </>
  );
}

function HistoryList({ caseId, analysis }: { caseId: string; analysis: ExplanatoryAnalysis }) {
  const { t, i18n } = useTranslation();
  const query = useQuery(analysisHistoryQuery(caseId));
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const items = [...query.data.items].reverse();
  if (items.length === 0) return <p className="nl-paragraph">{t('analysis.history.none')}</p>;
  return (
    <ol className="kl-an-history" aria-label={t('analysis.history.title')}>
      {items.map((change, index) => {
        const subject = subjectOf(change, analysis, t);
        const shown = change.fields.filter((f) => includes(historyFields, f.field));
        return (
          <li key={`${change.entityId}-${change.at}-${index}`} className="kl-an-history__item">
            <p className="kl-an-history__what">
              <strong>
                {t(`analysis.history.${change.entity}_${change.change}`)}
                {subject ? `: ${subject}` : ''}
              </strong>
            </p>
            <p className="kl-an-history__who">
              {t('analysis.history.byAt', {
                by: change.by || t('analysis.unknownPerson'),
                at: formatDateTime(change.at, i18n.language),
              })}
            </p>
            {change.change === 'updated' && shown.length > 0 && (
              <ul className="kl-an-history__fields">
                {shown.map((f) => (
                  <li key={f.field}>
                    {t('analysis.history.fieldChange', {
                      field: t(`analysis.history.field.${f.field}`),
                      before: valueText(f.field, f.before, analysis, t, i18n.language),
                      after: valueText(f.field, f.after, analysis, t, i18n.language),
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
