// "Factoren": one section per domain of the analysis's domain set, each listing its factors as
// cards. A strength and a problem differ by sign, by word and by colour. Factors are added in
// their domain, changed in place and deleted after a confirmation; a factor that hypotheses
// still use is not deleted, and the refusal lists those hypotheses in words.
import { useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useTranslation } from 'react-i18next';
import type { Analysis, Factor } from '../../../shared/contract/analysis';
import { Alert } from '../../ui/Alert';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { ErrorAlert } from '../../ui/ErrorAlert';
import {
  deleteFactor,
  isFactorInUse,
  useAnalysisChange,
  type ExplanatoryAnalysis,
  type FactorInUse,
} from './api';
import { FactorForm } from './FactorForm';
import { useFocusAfterRender } from './focus';
import { KindIcon } from './KindIcon';
import { hypothesisNumber, hypothesisSentence, kindText, perspectiveText } from './labels';

type Editing = { mode: 'new'; domainKey: string } | { mode: 'edit'; factorId: string } | null;

export type FactorBoardProps = {
  caseId: string;
  analysis: ExplanatoryAnalysis;
  canEdit: boolean;
};

export const factorElementId = (id: string) => `an-factor-${id}`;
const addButtonId = (domainKey: string) => `an-add-factor-${domainKey}`;
const editButtonId = (id: string) => `an-edit-factor-${id}`;
const domainHeadingId = (key: string) => `an-domain-${key}`;

export function FactorBoard({ caseId, analysis, canEdit }: FactorBoardProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState('');
  const focusLater = useFocusAfterRender();
  const remove = useAnalysisChange(
    caseId,
    (factor: Factor) => deleteFactor(caseId, factor.id, factor.version),
    (_saved, factor) => {
      setMessage(t('analysis.factors.deleted', { title: factor.title }));
      focusLater(domainHeadingId(factor.domainKey));
    },
  );
  const removing = remove.variables;

  const saved = (_analysis: Analysis, text: string, factorId: string | null) => {
    setEditing(null);
    setMessage(text);
    if (factorId) focusLater(factorElementId(factorId));
  };
  const cancel = (returnTo: string) => {
    setEditing(null);
    focusLater(returnTo);
  };

  return (
    <>
      <ul className="kl-an-legend-list" aria-label={t('analysis.factors.legend')}>
        {(['strength', 'problem'] as const).map((kind) => (
          <li key={kind} className={`kl-an-kind kl-an-kind--${kind}`}>
            <KindIcon kind={kind} />
            <span>
              <strong>{kindText(kind, t)}</strong>: {t(`analysis.kind.${kind}Hint`)}
            </span>
          </li>
        ))}
      </ul>
      <div role="status" className="kl-status-line">
        {message}
      </div>
      <div className="kl-an-board">
        {analysis.domainSet.domains.map((domain) => {
          const factors = analysis.factors.filter((f) => f.domainKey === domain.key);
          const strengths = factors.filter((f) => f.kind === 'strength').length;
          return (
            <section
              key={domain.key}
              className="kl-an-domain"
              aria-labelledby={domainHeadingId(domain.key)}
            >
              <Heading
                level={3}
                id={domainHeadingId(domain.key)}
                tabIndex={-1}
                className="kl-an-domain__title kl-an-focus-target"
              >
                {domain.title}
              </Heading>
              {domain.description && (
                <p className="kl-an-domain__description">{domain.description}</p>
              )}
              <p className="kl-an-domain__count">
                {t('analysis.factors.count', {
                  strengths: t('analysis.factors.strengths', { count: strengths }),
                  problems: t('analysis.factors.problems', { count: factors.length - strengths }),
                })}
              </p>
              {factors.length > 0 && (
                <ul className="kl-an-factors">
                  {factors.map((factor) =>
                    editing?.mode === 'edit' && editing.factorId === factor.id ? (
                      <li key={factor.id}>
                        <FactorForm
                          caseId={caseId}
                          analysis={analysis}
                          factor={factor}
                          onSaved={saved}
                          onCancel={() => cancel(editButtonId(factor.id))}
                        />
                      </li>
                    ) : (
                      <FactorCard
                        key={factor.id}
                        analysis={analysis}
                        factor={factor}
                        canEdit={canEdit}
                        onEdit={() => setEditing({ mode: 'edit', factorId: factor.id })}
                        onDelete={() => remove.mutate(factor)}
                        isDeleting={remove.isPending && removing?.id === factor.id}
                        deleteError={removing?.id === factor.id ? remove.error : null}
                      />
                    ),
                  )}
                </ul>
              )}
              {canEdit &&
                (editing?.mode === 'new' && editing.domainKey === domain.key ? (
                  <FactorForm
                    caseId={caseId}
                    analysis={analysis}
                    domainKey={domain.key}
                    onSaved={saved}
                    onCancel={() => cancel(addButtonId(domain.key))}
                  />
                ) : (
                  <Button
                    id={addButtonId(domain.key)}
                    purpose="secondary"
                    className="kl-an-add"
                    onClick={() => setEditing({ mode: 'new', domainKey: domain.key })}
                  >
                    <span aria-hidden="true">+ </span>
                    {t('analysis.factors.addTo')}
                    <span className="kl-visually-hidden"> {domain.title}</span>
                  </Button>
                ))}
            </section>
          );
        })}
      </div>
    </>
  );
}

type FactorCardProps = {
  analysis: ExplanatoryAnalysis;
  factor: Factor;
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => void;
  isDeleting: boolean;
  deleteError: unknown;
};

function FactorCard({
  analysis,
  factor,
  canEdit,
  onEdit,
  onDelete,
  isDeleting,
  deleteError,
}: FactorCardProps) {
  const { t } = useTranslation();
  return (
    <li
      id={factorElementId(factor.id)}
      tabIndex={-1}
      className={`kl-an-factor kl-an-factor--${factor.kind} kl-an-focus-target`}
    >
      <p className={`kl-an-kind kl-an-kind--${factor.kind} kl-an-factor__kind`}>
        <KindIcon kind={factor.kind} />
        <span>{kindText(factor.kind, t)}</span>
      </p>
      <Heading level={4} className="kl-an-factor__title">
        {factor.title}
      </Heading>
      {factor.description && <p className="kl-an-factor__description">{factor.description}</p>}
      <p className="kl-an-factor__meta">
        {t('analysis.factors.from', { perspective: perspectiveText(factor.perspective, t) })}
      </p>
      {canEdit && (
        <div className="kl-an-factor__actions">
          <Button id={editButtonId(factor.id)} purpose="subtle" onClick={onEdit}>
            {t('analysis.edit')}
            <span className="kl-visually-hidden"> {factor.title}</span>
          </Button>
          <ConfirmAction
            label={
              <>
                {t('analysis.delete')}
                <span className="kl-visually-hidden"> {factor.title}</span>
              </>
            }
            question={t('analysis.factors.deleteQuestion', { title: factor.title })}
            consequence={t('analysis.factors.deleteConsequence')}
            confirmLabel={t('analysis.factors.deleteConfirm')}
            isBusy={isDeleting}
            onConfirm={onDelete}
          />
        </div>
      )}
      {deleteError != null &&
        (isFactorInUse(deleteError) ? (
          <InUseAlert analysis={analysis} error={deleteError} />
        ) : (
          <ErrorAlert error={deleteError} />
        ))}
    </li>
  );
}

/** Why the factor was not deleted: the hypotheses that use it, in words, with a way to each. */
function InUseAlert({ analysis, error }: { analysis: ExplanatoryAnalysis; error: FactorInUse }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert type="error">
      <p className="kl-alert__text">
        {t('analysis.factors.inUse', { count: error.hypotheses.length })}
      </p>
      <ul className="kl-bullets kl-an-in-use">
        {error.hypotheses.map((using) => {
          const hypothesis = analysis.hypotheses.find((h) => h.id === using.id);
          const number = hypothesisNumber(analysis, using.id);
          return (
            <li key={using.id}>
              {hypothesis && number !== null ? (
                <a className="nl-link" href={`#an-hypothesis-${using.id}`}>
                  {t('analysis.hypotheses.numbered', { number })}
                </a>
              ) : null}
              {hypothesis && number !== null ? ': ' : ''}
              {hypothesis
                ? hypothesisSentence(analysis, hypothesis, t, i18n.language)
                : using.explanation}
            </li>
          );
        })}
      </ul>
    </Alert>
  );
}
