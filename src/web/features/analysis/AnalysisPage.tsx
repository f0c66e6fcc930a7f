// /cases/:id/analysis — the explanatory analysis (verklarende analyse) of a case. Before it is
// started: the problem it explains and the domain set it uses. After: the problem statement,
// then clear sections reached from a short table of contents — the factors per domain, the
// hypotheses (a graph and the same in words), the working theory in dated versions with a
// comparison of two, and the history of every change. What may be changed follows the
// answer's abilities.
import { useState, type MouseEvent } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { BackLink } from '../../ui/BackLink';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { analysisQuery, type ExplanatoryAnalysis } from './api';
import { FactorBoard } from './FactorBoard';
import { useFocusAfterRender } from './focus';
import { HistorySection } from './HistorySection';
import { HypothesesSection } from './HypothesesSection';
import { ProblemForm, StartForm } from './StartForm';
import { TheorySection } from './TheorySection';
import './analysis.css';

const sections = [
  ['an-factors', 'analysis.factors.title'],
  ['an-hypotheses', 'analysis.hypotheses.title'],
  ['an-theory', 'analysis.theory.title'],
  ['an-history', 'analysis.history.title'],
] as const;

export function AnalysisPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useQuery(analysisQuery(id));
  const [startMessage, setStartMessage] = useState('');
  const focusLater = useFocusAfterRender();

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <>
        <BackLink to={`/cases/${id}`}>{t('analysis.backToCase')}</BackLink>
        <PageHeading>{t('analysis.titleEmpty')}</PageHeading>
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const { caseCode, analysis, abilities } = query.data;

  return (
    <div className="kl-an-page">
      <BackLink to={`/cases/${id}`}>{t('analysis.backToCaseCode', { code: caseCode })}</BackLink>
      <PageHeading>{t('analysis.title', { code: caseCode })}</PageHeading>
      <div role="status" className="kl-status-line">
        {startMessage}
      </div>
      {analysis === null ? (
        <>
          <Paragraph>{t('analysis.start.intro')}</Paragraph>
          {abilities.edit ? (
            <StartForm
              caseId={id}
              onStarted={() => {
                setStartMessage(t('analysis.start.started'));
                focusLater('an-problem-heading');
              }}
            />
          ) : (
            <p className="kl-empty">{t('analysis.start.notStarted')}</p>
          )}
        </>
      ) : (
        <StartedAnalysis caseId={id} analysis={analysis} canEdit={abilities.edit} />
      )}
    </div>
  );
}

function StartedAnalysis({
  caseId,
  analysis,
  canEdit,
}: {
  caseId: string;
  analysis: ExplanatoryAnalysis;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ProblemPanel caseId={caseId} analysis={analysis} canEdit={canEdit} />
      <nav className="kl-an-toc" aria-label={t('analysis.toc')}>
        <ul className="kl-an-toc__list">
          {sections.map(([anchor, key]) => (
            <li key={anchor}>
              <a className="nl-link" href={`#${anchor}`} onClick={(event) => jump(event, anchor)}>
                {t(key)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <section className="kl-section kl-an-section" aria-labelledby="an-factors">
        <Heading level={2} id="an-factors" tabIndex={-1} className="kl-an-focus-target">
          {t('analysis.factors.title')}
        </Heading>
        <Paragraph>{t('analysis.factors.intro')}</Paragraph>
        <FactorBoard caseId={caseId} analysis={analysis} canEdit={canEdit} />
      </section>
      <section className="kl-section kl-an-section" aria-labelledby="an-hypotheses">
        <Heading level={2} id="an-hypotheses" tabIndex={-1} className="kl-an-focus-target">
          {t('analysis.hypotheses.title')}
        </Heading>
        <HypothesesSection caseId={caseId} analysis={analysis} canEdit={canEdit} />
      </section>
      <section className="kl-section kl-an-section" aria-labelledby="an-theory">
        <Heading level={2} id="an-theory" tabIndex={-1} className="kl-an-focus-target">
          {t('analysis.theory.title')}
        </Heading>
        <TheorySection caseId={caseId} analysis={analysis} canEdit={canEdit} />
      </section>
      <section className="kl-section kl-an-section" aria-labelledby="an-history">
        <Heading level={2} id="an-history" tabIndex={-1} className="kl-an-focus-target">
          {t('analysis.history.title')}
        </Heading>
        <Paragraph>{t('analysis.history.intro')}</Paragraph>
        <HistorySection caseId={caseId} analysis={analysis} />
      </section>
    </>
  );
}

/** The problem the analysis explains, the domain set it uses, and a way to reword it. */
function ProblemPanel({
  caseId,
  analysis,
  canEdit,
}: {
  caseId: string;
  analysis: ExplanatoryAnalysis;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const [isEditing, setEditing] = useState(false);
  const [message, setMessage] = useState('');
  const focusLater = useFocusAfterRender();
  return (
    <section className="kl-an-problem" aria-labelledby="an-problem-heading">
      <Heading level={2} id="an-problem-heading" tabIndex={-1} className="kl-an-focus-target">
        {t('analysis.problem.title')}
      </Heading>
      <div role="status" className="kl-status-line">
        {message}
      </div>
      {isEditing ? (
        <ProblemForm
          caseId={caseId}
          analysis={analysis}
          onSaved={(text) => {
            setEditing(false);
            setMessage(text);
            focusLater('an-problem-heading');
          }}
          onCancel={() => {
            setEditing(false);
            focusLater('an-edit-problem');
          }}
        />
      ) : (
        <>
          <p className="kl-an-problem__text kl-an-prewrap">{analysis.problemStatement}</p>
          {canEdit && (
            <Button id="an-edit-problem" purpose="subtle" onClick={() => setEditing(true)}>
              {t('analysis.problem.edit')}
            </Button>
          )}
        </>
      )}
      <p className="kl-an-problem__set">
        {t('analysis.problem.domainSet', {
          title: analysis.domainSet.title,
          number: analysis.domainSet.number,
        })}
      </p>
    </section>
  );
}

/** An in-page link moves the focus too, so the next Tab continues in that section. */
function jump(event: MouseEvent<HTMLAnchorElement>, anchor: string) {
  const target = document.getElementById(anchor);
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'start' });
  window.history.replaceState(window.history.state, '', `#${anchor}`);
}
