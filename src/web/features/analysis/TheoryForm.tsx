// The form of a version of the working theory: its date (not in the future), the theory in
// words, an evaluation note, and whether the youth and the parents agreed — in their own words
// where they agreed only partly or not at all. A new version starts from the text of the
// latest one. An edit on a stale version shows both versions to choose from.
import { useEffect, useRef, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useTranslation } from 'react-i18next';
import {
  agreementViews,
  type AgreementView,
  type Analysis,
  type Theory,
} from '../../../shared/contract/analysis';
import { fieldId, useCheckedSubmit, type FieldErrors } from '../../app/form-errors';
import { formatDate } from '../../ui/format';
import { FormProblems } from '../../ui/FormProblems';
import { TextareaField } from '../../ui/TextareaField';
import { TextField } from '../../ui/TextField';
import {
  addTheory,
  isAnalysisConflict,
  updateTheory,
  useAnalysisChange,
  type TheoryInput,
  type TheoryUpdate,
} from './api';
import { RadioGroup } from './ChoiceGroup';
import { ConflictView, pick } from './ConflictView';
import { agreementSign, agreementText } from './labels';

export type TheoryFormProps = {
  caseId: string;
  /** The version to change; a new version when left out. */
  theory?: Theory;
  /** The latest version, whose text a new version starts from. */
  latest?: Theory;
  /** Today as an ISO date: the default date and the latest allowed. */
  today: string;
  /** The known theory ids before saving, to find the new one. */
  knownIds: string[];
  onSaved: (saved: Analysis, message: string, theoryId: string | null) => void;
  onCancel: () => void;
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const needsWords = (view: AgreementView) => view === 'partly' || view === 'disagreed';
const order = [
  'dated',
  'text',
  'evaluation',
  'youthView',
  'youthWords',
  'parentView',
  'parentWords',
];

export function TheoryForm({
  caseId,
  theory,
  latest,
  today,
  knownIds,
  onSaved,
  onCancel,
}: TheoryFormProps) {
  const { t, i18n } = useTranslation();
  const formId = `an-theory-${theory?.id ?? 'new'}`;
  const formRef = useRef<HTMLFormElement>(null);
  const [dated, setDated] = useState(theory?.dated ?? today);
  const [text, setText] = useState(theory?.text ?? latest?.text ?? '');
  const [evaluation, setEvaluation] = useState(theory?.evaluation ?? '');
  const [youthView, setYouthView] = useState<AgreementView>(theory?.youthView ?? 'not_asked');
  const [youthWords, setYouthWords] = useState(theory?.youthWords ?? '');
  const [parentView, setParentView] = useState<AgreementView>(theory?.parentView ?? 'not_asked');
  const [parentWords, setParentWords] = useState(theory?.parentWords ?? '');

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);

  const save = useAnalysisChange(
    caseId,
    (body: TheoryInput | TheoryUpdate) =>
      theory && 'version' in body ? updateTheory(caseId, theory.id, body) : addTheory(caseId, body),
    (saved) => {
      const known = new Set(knownIds);
      const added = saved.analysis?.theories.find((v) => !known.has(v.id));
      const savedTheory = theory ?? added;
      onSaved(
        saved,
        theory
          ? t('analysis.theory.saved', { number: theory.number })
          : t('analysis.theory.added', { number: added?.number ?? '' }),
        savedTheory?.id ?? null,
      );
    },
  );
  const { errors, submit } = useCheckedSubmit(
    save,
    () => {
      const found: FieldErrors = {};
      if (!dated) found.dated = t('analysis.theory.dateMissing');
      else if (!isoDate.test(dated)) found.dated = t('analysis.theory.dateInvalid');
      else if (dated > today) found.dated = t('analysis.theory.dateFuture');
      if (!text.trim()) found.text = t('analysis.theory.textMissing');
      else if (text.trim().length > 8000) found.text = t('analysis.tooLong', { max: 8000 });
      if (evaluation.trim().length > 4000) found.evaluation = t('analysis.tooLong', { max: 4000 });
      if (needsWords(youthView) && !youthWords.trim())
        found.youthWords = t('analysis.theory.youthWordsMissing');
      if (needsWords(parentView) && !parentWords.trim())
        found.parentWords = t('analysis.theory.parentWordsMissing');
      return found;
    },
    () => {
      const body: TheoryInput = {
        dated,
        text: text.trim(),
        evaluation: evaluation.trim(),
        youthView,
        youthWords: youthWords.trim(),
        parentView,
        parentWords: parentWords.trim(),
      };
      return theory ? { ...body, version: theory.version } : body;
    },
  );

  const conflict = isAnalysisConflict<Theory, TheoryUpdate>(save.error) ? save.error : null;
  if (conflict && theory) {
    const { current, yours } = conflict;
    const viewText = (view: AgreementView | undefined) => agreementText(view ?? 'not_asked', t);
    const fields = [
      {
        key: 'dated',
        label: t('analysis.theory.dated'),
        yours: formatDate(yours.dated, i18n.language),
        current: formatDate(current.dated, i18n.language),
      },
      { key: 'text', label: t('analysis.theory.text'), yours: yours.text, current: current.text },
      {
        key: 'evaluation',
        label: t('analysis.theory.evaluation'),
        yours: yours.evaluation ?? '',
        current: current.evaluation,
      },
      {
        key: 'youth',
        label: t('analysis.theory.youth'),
        yours: `${viewText(yours.youthView)} ${yours.youthWords ?? ''}`.trim(),
        current: `${viewText(current.youthView)} ${current.youthWords}`.trim(),
      },
      {
        key: 'parent',
        label: t('analysis.theory.parents'),
        yours: `${viewText(yours.parentView)} ${yours.parentWords ?? ''}`.trim(),
        current: `${viewText(current.parentView)} ${current.parentWords}`.trim(),
      },
    ];
    return (
      <ConflictView
        headingLevel={4}
        fields={fields}
        isBusy={save.isPending}
        onSave={(picks) => {
          const from = pick<TheoryInput>(picks, yours, current);
          save.mutate({
            dated: from('dated').dated,
            text: from('text').text,
            evaluation: from('evaluation').evaluation ?? '',
            youthView: from('youth').youthView ?? 'not_asked',
            youthWords: from('youth').youthWords ?? '',
            parentView: from('parent').parentView ?? 'not_asked',
            parentWords: from('parent').parentWords ?? '',
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

  const viewChoices = agreementViews.map((view) => ({
    value: view,
    label: (
      <>
        <span aria-hidden="true" className={`kl-an-sign-text kl-an-agreement--${view}`}>
          {agreementSign[view]}
        </span>{' '}
        {agreementText(view, t)}
      </>
    ),
  }));

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
          {theory
            ? t('analysis.theory.editLegend', { number: theory.number })
            : t('analysis.theory.addLegend')}
        </legend>
        {!theory && latest && (
          <p className="kl-an-description">
            {t('analysis.theory.prefilled', { number: latest.number })}
          </p>
        )}
        <FormProblems formId={formId} errors={errors} order={order} submitError={save.error} />
        <TextField
          id={fieldId(formId, 'dated')}
          label={t('analysis.theory.dated')}
          type="date"
          max={today}
          className="kl-an-date"
          value={dated}
          onChange={setDated}
          error={errors.dated}
        />
        <TextareaField
          id={fieldId(formId, 'text')}
          label={t('analysis.theory.text')}
          description={t('analysis.theory.textHint')}
          rows={6}
          value={text}
          onChange={setText}
          error={errors.text}
        />
        <TextareaField
          id={fieldId(formId, 'evaluation')}
          label={t('analysis.theory.evaluation')}
          description={t('analysis.theory.evaluationHint')}
          isOptional
          rows={3}
          value={evaluation}
          onChange={setEvaluation}
          error={errors.evaluation}
        />
        <div className="kl-an-views">
          <div className="kl-an-view">
            <RadioGroup<AgreementView>
              id={fieldId(formId, 'youthView')}
              legend={t('analysis.theory.youthView')}
              choices={viewChoices}
              value={youthView}
              onChange={setYouthView}
              error={errors.youthView}
            />
            <TextareaField
              id={fieldId(formId, 'youthWords')}
              label={t('analysis.theory.youthWords')}
              description={t('analysis.theory.wordsHint')}
              isOptional={!needsWords(youthView)}
              rows={3}
              value={youthWords}
              onChange={setYouthWords}
              error={errors.youthWords}
            />
          </div>
          <div className="kl-an-view">
            <RadioGroup<AgreementView>
              id={fieldId(formId, 'parentView')}
              legend={t('analysis.theory.parentView')}
              choices={viewChoices}
              value={parentView}
              onChange={setParentView}
              error={errors.parentView}
            />
            <TextareaField
              id={fieldId(formId, 'parentWords')}
              label={t('analysis.theory.parentWords')}
              description={t('analysis.theory.wordsHint')}
              isOptional={!needsWords(parentView)}
              rows={3}
              value={parentWords}
              onChange={setParentWords}
              error={errors.parentWords}
            />
          </div>
        </div>
        <div className="kl-form__actions">
          <Button type="submit" purpose="primary" busy={save.isPending}>
            {theory ? t('analysis.theory.save') : t('analysis.theory.add')}
          </Button>
          <Button purpose="subtle" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
