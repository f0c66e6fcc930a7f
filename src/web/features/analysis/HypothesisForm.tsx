// The form of one hypothesis, written as it is said: "Omdat … [one or more factors] … daarom …
// [a factor, or the problem the analysis explains]", with an explanation in a few sentences.
// A factor cannot be its own effect: that is said at the effect before anything is sent, as
// are a missing cause and a missing explanation. The server's field errors (a factor deleted
// meanwhile) are shown at their fields too.
import { useEffect, useRef, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useTranslation } from 'react-i18next';
import type { Analysis, Hypothesis } from '../../../shared/contract/analysis';
import { fieldId, useCheckedSubmit, type FieldErrors } from '../../app/form-errors';
import { FormProblems } from '../../ui/FormProblems';
import { SelectField } from '../../ui/SelectField';
import { TextareaField } from '../../ui/TextareaField';
import {
  addHypothesis,
  isAnalysisConflict,
  updateHypothesis,
  useAnalysisChange,
  type ExplanatoryAnalysis,
  type HypothesisInput,
  type HypothesisUpdate,
} from './api';
import { CheckboxGroup } from './ChoiceGroup';
import { ConflictView, pick } from './ConflictView';
import { KindIcon } from './KindIcon';
import { domainTitle, hypothesisSentence, joinWords, factorPhrase, kindText } from './labels';

export type HypothesisFormProps = {
  caseId: string;
  analysis: ExplanatoryAnalysis;
  hypothesis?: Hypothesis;
  onSaved: (saved: Analysis, message: string, hypothesisId: string | null) => void;
  onCancel: () => void;
};

/** The select's value for "the problem" (a factor's value is its id). */
const problemValue = 'problem';
const order = ['causeIds', 'effectFactorId', 'explanation'];

export function HypothesisForm({
  caseId,
  analysis,
  hypothesis,
  onSaved,
  onCancel,
}: HypothesisFormProps) {
  const { t, i18n } = useTranslation();
  const formId = `an-hypothesis-form-${hypothesis?.id ?? 'new'}`;
  const formRef = useRef<HTMLFormElement>(null);
  const [causeIds, setCauseIds] = useState<string[]>(hypothesis?.causeIds ?? []);
  const [effect, setEffect] = useState(hypothesis?.effectFactorId ?? problemValue);
  const [explanation, setExplanation] = useState(hypothesis?.explanation ?? '');
  const effectFactorId = effect === problemValue ? null : effect;

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);

  const save = useAnalysisChange(
    caseId,
    (body: HypothesisInput | HypothesisUpdate) =>
      hypothesis && 'version' in body
        ? updateHypothesis(caseId, hypothesis.id, body)
        : addHypothesis(caseId, body),
    (saved) => {
      const known = new Set(analysis.hypotheses.map((h) => h.id));
      const savedId =
        hypothesis?.id ?? saved.analysis?.hypotheses.find((h) => !known.has(h.id))?.id ?? null;
      const number = (saved.analysis?.hypotheses.findIndex((h) => h.id === savedId) ?? -1) + 1;
      onSaved(
        saved,
        t(hypothesis ? 'analysis.hypotheses.saved' : 'analysis.hypotheses.added', { number }),
        savedId,
      );
    },
  );
  const { errors, submit } = useCheckedSubmit(
    save,
    () => {
      const found: FieldErrors = {};
      if (causeIds.length === 0) found.causeIds = t('analysis.hypotheses.causesMissing');
      if (effectFactorId !== null && causeIds.includes(effectFactorId))
        found.effectFactorId = t('analysis.hypotheses.ownEffect');
      if (!explanation.trim()) found.explanation = t('analysis.hypotheses.explanationMissing');
      else if (explanation.trim().length > 2000)
        found.explanation = t('analysis.tooLong', { max: 2000 });
      return found;
    },
    () => {
      const body: HypothesisInput = { causeIds, effectFactorId, explanation: explanation.trim() };
      return hypothesis ? { ...body, version: hypothesis.version } : body;
    },
  );

  const conflict = isAnalysisConflict<Hypothesis, HypothesisUpdate>(save.error) ? save.error : null;
  if (conflict && hypothesis) {
    const { current, yours } = conflict;
    const causesText = (ids: string[]) =>
      joinWords(
        ids.map((id) => factorPhrase(analysis, id, t)),
        i18n.language,
      );
    const fields = [
      {
        key: 'causeIds',
        label: t('analysis.hypotheses.because'),
        yours: causesText(yours.causeIds),
        current: causesText(current.causeIds),
      },
      {
        key: 'effectFactorId',
        label: t('analysis.hypotheses.therefore'),
        yours: factorPhrase(analysis, yours.effectFactorId, t),
        current: factorPhrase(analysis, current.effectFactorId, t),
      },
      {
        key: 'explanation',
        label: t('analysis.hypotheses.explanation'),
        yours: yours.explanation,
        current: current.explanation,
      },
    ];
    return (
      <ConflictView
        headingLevel={4}
        fields={fields}
        isBusy={save.isPending}
        onSave={(picks) => {
          const from = pick<HypothesisInput>(picks, yours, current);
          save.mutate({
            causeIds: from('causeIds').causeIds,
            effectFactorId: from('effectFactorId').effectFactorId,
            explanation: from('explanation').explanation,
            version: current.version,
          });
        }}
        onKeepCurrent={() => {
          save.reset();
          onCancel();
        }}
      />
    );
  }

  const factorLabel = (id: string) => {
    const factor = analysis.factors.find((f) => f.id === id);
    return factor ? `${factor.title} (${kindText(factor.kind, t).toLowerCase()})` : id;
  };

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={submit}
      className="kl-form kl-an-form kl-an-panel"
      aria-labelledby={`${formId}-legend`}
    >
      <fieldset className="utrecht-form-fieldset kl-an-fieldset kl-form">
        <legend id={`${formId}-legend`} className="utrecht-form-fieldset__legend kl-an-legend">
          {hypothesis ? t('analysis.hypotheses.editLegend') : t('analysis.hypotheses.addLegend')}
        </legend>
        <FormProblems formId={formId} errors={errors} order={order} submitError={save.error} />
        <CheckboxGroup
          id={fieldId(formId, 'causeIds')}
          legend={t('analysis.hypotheses.because')}
          description={t('analysis.hypotheses.becauseHint')}
          choices={analysis.factors.map((factor) => ({
            value: factor.id,
            group: domainTitle(analysis, factor.domainKey),
            label: (
              <span className={`kl-an-kind kl-an-kind--${factor.kind}`}>
                <KindIcon kind={factor.kind} />
                <span>
                  {factor.title}{' '}
                  <span className="kl-an-kind__hint">
                    ({kindText(factor.kind, t).toLowerCase()}
                    <span className="kl-visually-hidden">
                      , {domainTitle(analysis, factor.domainKey)}
                    </span>
                    )
                  </span>
                </span>
              </span>
            ),
          }))}
          values={causeIds}
          onChange={setCauseIds}
          error={errors.causeIds}
        />
        <SelectField
          id={fieldId(formId, 'effectFactorId')}
          label={t('analysis.hypotheses.therefore')}
          description={t('analysis.hypotheses.thereforeHint')}
          options={[
            { value: problemValue, label: t('analysis.hypotheses.theProblemOption') },
            ...analysis.domainSet.domains.flatMap((domain) =>
              analysis.factors
                .filter((f) => f.domainKey === domain.key)
                .map((f) => ({ value: f.id, label: `${domain.title}: ${factorLabel(f.id)}` })),
            ),
          ]}
          value={effect}
          onChange={setEffect}
          error={errors.effectFactorId}
        />
        <TextareaField
          id={fieldId(formId, 'explanation')}
          label={t('analysis.hypotheses.explanation')}
          description={t('analysis.hypotheses.explanationHint')}
          rows={3}
          value={explanation}
          onChange={setExplanation}
          error={errors.explanation}
        />
        {causeIds.length > 0 && (
          <p className="kl-an-preview">
            <span className="kl-an-preview__label">{t('analysis.hypotheses.preview')}</span>{' '}
            {hypothesisSentence(analysis, { causeIds, effectFactorId }, t, i18n.language)}
          </p>
        )}
        <div className="kl-form__actions">
          <Button type="submit" purpose="primary" busy={save.isPending}>
            {hypothesis ? t('analysis.hypotheses.save') : t('analysis.hypotheses.add')}
          </Button>
          <Button purpose="subtle" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
