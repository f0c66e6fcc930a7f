// "Verbanden": how the factors hang together and explain the problem. The graph first, then
// the same hypotheses as a numbered list in words (the graph's text alternative, with the
// numbers of its junctions), each with its explanation and, for those who may edit, a way to
// change or delete it; then the form for a new one.
import { useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useTranslation } from 'react-i18next';
import type { Analysis, Hypothesis } from '../../../shared/contract/analysis';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { deleteHypothesis, useAnalysisChange, type ExplanatoryAnalysis } from './api';
import { useFocusAfterRender } from './focus';
import { HypothesisForm } from './HypothesisForm';
import { HypothesisGraph } from './HypothesisGraph';
import { hypothesisSentence } from './labels';

export type HypothesesSectionProps = {
  caseId: string;
  analysis: ExplanatoryAnalysis;
  canEdit: boolean;
};

type Editing = { mode: 'new' } | { mode: 'edit'; hypothesisId: string } | null;

export const hypothesisElementId = (id: string) => `an-hypothesis-${id}`;
const listId = 'an-hypotheses-in-words';
const addButtonId = 'an-add-hypothesis';
const editButtonId = (id: string) => `an-edit-hypothesis-${id}`;

export function HypothesesSection({ caseId, analysis, canEdit }: HypothesesSectionProps) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState('');
  const focusLater = useFocusAfterRender();
  const remove = useAnalysisChange(
    caseId,
    (hypothesis: Hypothesis) => deleteHypothesis(caseId, hypothesis.id, hypothesis.version),
    () => {
      setMessage(t('analysis.hypotheses.deleted'));
      focusLater('an-words-heading');
    },
  );
  const saved = (_analysis: Analysis, text: string, hypothesisId: string | null) => {
    setEditing(null);
    setMessage(text);
    if (hypothesisId) focusLater(hypothesisElementId(hypothesisId));
  };
  const hasFactors = analysis.factors.length > 0;

  return (
    <>
      <Paragraph>{t('analysis.hypotheses.intro')}</Paragraph>
      <div role="status" className="kl-status-line">
        {message}
      </div>
      {hasFactors ? (
        <HypothesisGraph analysis={analysis} textAlternativeId={listId} />
      ) : (
        <p className="kl-empty">{t('analysis.hypotheses.factorsFirst')}</p>
      )}
      <div id={listId} className="kl-an-words">
        <Heading level={3} id="an-words-heading" tabIndex={-1} className="kl-an-focus-target">
          {t('analysis.hypotheses.inWords')}
        </Heading>
        {analysis.hypotheses.length === 0 ? (
          <p className="nl-paragraph kl-an-muted">{t('analysis.hypotheses.none')}</p>
        ) : (
          <ol className="kl-an-hypotheses" aria-labelledby="an-words-heading">
            {analysis.hypotheses.map((hypothesis, index) =>
              editing?.mode === 'edit' && editing.hypothesisId === hypothesis.id ? (
                <li key={hypothesis.id} className="kl-an-hypothesis">
                  <HypothesisForm
                    caseId={caseId}
                    analysis={analysis}
                    hypothesis={hypothesis}
                    onSaved={saved}
                    onCancel={() => {
                      setEditing(null);
                      focusLater(editButtonId(hypothesis.id));
                    }}
                  />
                </li>
              ) : (
                <li
                  key={hypothesis.id}
                  id={hypothesisElementId(hypothesis.id)}
                  tabIndex={-1}
                  className="kl-an-hypothesis kl-an-focus-target"
                >
                  <p className="kl-an-hypothesis__sentence">
                    <span className="kl-an-hypothesis__number">
                      {t('analysis.hypotheses.numbered', { number: index + 1 })}
                    </span>{' '}
                    {hypothesisSentence(analysis, hypothesis, t, i18n.language)}
                  </p>
                  <p className="kl-an-hypothesis__explanation kl-an-prewrap">
                    {hypothesis.explanation}
                  </p>
                  {canEdit && (
                    <div className="kl-an-factor__actions">
                      <Button
                        id={editButtonId(hypothesis.id)}
                        purpose="subtle"
                        onClick={() => setEditing({ mode: 'edit', hypothesisId: hypothesis.id })}
                      >
                        {t('analysis.edit')}
                        <span className="kl-visually-hidden">
                          {' '}
                          {t('analysis.hypotheses.numbered', { number: index + 1 })}
                        </span>
                      </Button>
                      <ConfirmAction
                        label={
                          <>
                            {t('analysis.delete')}
                            <span className="kl-visually-hidden">
                              {' '}
                              {t('analysis.hypotheses.numbered', { number: index + 1 })}
                            </span>
                          </>
                        }
                        question={t('analysis.hypotheses.deleteQuestion', { number: index + 1 })}
                        consequence={t('analysis.hypotheses.deleteConsequence')}
                        confirmLabel={t('analysis.hypotheses.deleteConfirm')}
                        isBusy={remove.isPending && remove.variables?.id === hypothesis.id}
                        onConfirm={() => remove.mutate(hypothesis)}
                      />
                    </div>
                  )}
                  {remove.error != null && remove.variables?.id === hypothesis.id && (
                    <ErrorAlert error={remove.error} />
                  )}
                </li>
              ),
            )}
          </ol>
        )}
      </div>
      {canEdit &&
        hasFactors &&
        (editing?.mode === 'new' ? (
          <HypothesisForm
            caseId={caseId}
            analysis={analysis}
            onSaved={saved}
            onCancel={() => {
              setEditing(null);
              focusLater(addButtonId);
            }}
          />
        ) : (
          <div>
            <Button
              id={addButtonId}
              purpose="secondary"
              onClick={() => setEditing({ mode: 'new' })}
            >
              <span aria-hidden="true">+ </span>
              {t('analysis.hypotheses.addButton')}
            </Button>
          </div>
        ))}
    </>
  );
}
