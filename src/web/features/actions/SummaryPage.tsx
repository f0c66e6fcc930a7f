// /wat-we-leerden — "what happened with what we learned": the plain-language page for youths and
// parents (of a case in the programme), experts by experience and everyone else in it. With one
// programme it opens at once; otherwise a choice. Large type, one column on a phone; the texts
// come from the server in the reader's language (B1), never with names of people. Also as PDF.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { actionProgrammesQuery, summaryPdfPath, summaryQuery } from './api';
import './actions.css';

export const summaryPath = '/wat-we-leerden';

export function SummaryChoicePage() {
  const { t } = useTranslation();
  const programmes = useQuery(actionProgrammesQuery());
  if (programmes.isPending) return <LoadingState />;
  if (programmes.isError)
    return <ErrorAlert error={programmes.error} onRetry={() => void programmes.refetch()} />;
  const items = programmes.data.items.filter((p) => p.abilities.summary);
  const only = items.length === 1 ? items[0] : undefined;
  if (only) return <Navigate to={`${summaryPath}/${only.id}`} replace />;
  return (
    <div className="kl-sum">
      <PageHeading>{t('actions.summary.title')}</PageHeading>
      {items.length === 0 ? (
        <EmptyState>{t('actions.summary.none')}</EmptyState>
      ) : (
        <ul className="kl-sum-choice">
          {items.map((p) => (
            <li key={p.id}>
              <Link to={`${summaryPath}/${p.id}`}>{p.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function SummaryPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const summary = useQuery(summaryQuery(id, lang));
  if (summary.isPending) return <LoadingState />;
  if (summary.isError)
    return <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />;
  const s = summary.data;
  const totals = [
    { key: 'agreed', value: s.totals.agreed },
    { key: 'underway', value: s.totals.underway },
    { key: 'done', value: s.totals.done },
    { key: 'dropped', value: s.totals.dropped },
  ] as const;
  return (
    <article className="kl-sum">
      <PageHeading>{s.title}</PageHeading>
      <p className="kl-sum__programme">{s.programmeName}</p>
      {s.intro.map((p) => (
        <p key={p} className="kl-sum__text">
          {p}
        </p>
      ))}
      <section aria-labelledby="kl-sum-totals">
        <h2 id="kl-sum-totals" className="kl-sum__h2">
          {t('actions.summary.inShort')}
        </h2>
        <ul className="kl-sum-totals">
          {totals.map((item) => (
            <li key={item.key} className="kl-sum-total">
              <span className="kl-sum-total__number">{item.value}</span>
              <span className="kl-sum-total__label">{t(`actions.summary.${item.key}`)}</span>
            </li>
          ))}
        </ul>
      </section>
      {s.groups.map((group) => (
        <section key={group.code} aria-labelledby={`kl-sum-${group.code}`} className="kl-sum-group">
          <h2 id={`kl-sum-${group.code}`} className="kl-sum__h2">
            {group.label}
          </h2>
          <p className="kl-sum__text">{group.sentence}</p>
          <ul className="kl-sum-actions">
            {group.actions.map((a, index) => (
              <li
                key={`${group.code}-${index}`}
                className={`kl-sum-action kl-sum-action--${a.status}`}
              >
                <p className="kl-sum-action__what">{a.summary}</p>
                <dl className="kl-sum-action__facts">
                  <dt>{t('actions.summary.who')}</dt>
                  <dd>{a.organisation}</dd>
                  <dt>{t('actions.summary.how')}</dt>
                  <dd>
                    {a.statusWords}
                    {a.dueWords && <> · {a.dueWords}</>}
                  </dd>
                  {a.result && (
                    <>
                      <dt>{t('actions.summary.result')}</dt>
                      <dd>{a.result}</dd>
                    </>
                  )}
                </dl>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p className="kl-sum__pdf">
        <a className="nl-link" href={summaryPdfPath(id, lang)} download>
          {t('actions.summary.pdf')}
        </a>
      </p>
      <p className="kl-sum__made">{t('actions.summary.made', { date: s.generatedOn })}</p>
    </article>
  );
}
