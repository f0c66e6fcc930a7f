// Starting the analysis (the problem it explains, and which published domain set it uses), and
// changing the problem statement later (with the version it was based on; a stale one shows
// both versions to choose from).
import { useEffect, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Analysis } from '../../../shared/contract/analysis';
import { fieldId, useCheckedSubmit, type FieldErrors } from '../../app/form-errors';
import { FormProblems } from '../../ui/FormProblems';
import { SelectField } from '../../ui/SelectField';
import { TextareaField } from '../../ui/TextareaField';
import {
  domainSetsQuery,
  isAnalysisConflict,
  startAnalysis,
  updateAnalysis,
  useAnalysisChange,
  type AnalysisStart,
  type AnalysisUpdate,
  type ExplanatoryAnalysis,
} from './api';
import { ConflictView } from './ConflictView';

export function StartForm({
  caseId,
  onStarted,
}: {
  caseId: string;
  onStarted: (saved: Analysis) => void;
}) {
  const { t } = useTranslation();
  const formId = 'an-start';
  const domainSets = useQuery(domainSetsQuery());
  const [problemStatement, setProblemStatement] = useState('');
  const [chosen, setChosen] = useState('');
  const choices = domainSets.data ?? [];
  const domainVersionId = chosen || choices[0]?.versionId || '';
  const save = useAnalysisChange(
    caseId,
    (body: AnalysisStart) => startAnalysis(caseId, body),
    (saved) => onStarted(saved),
  );
  const { errors, submit } = useCheckedSubmit(
    save,
    () => {
      const found: FieldErrors = {};
      if (!problemStatement.trim()) found.problemStatement = t('analysis.start.problemMissing');
      else if (problemStatement.trim().length > 2000)
        found.problemStatement = t('analysis.tooLong', { max: 2000 });
      return found;
    },
    // Without a choice (the list could not be read) the server takes the default set.
    () => ({
      problemStatement: problemStatement.trim(),
      ...(domainVersionId ? { domainVersionId } : {}),
    }),
  );

  return (
    <form
      noValidate
      onSubmit={submit}
      className="kl-form kl-an-form kl-an-panel"
      aria-labelledby={`${formId}-legend`}
    >
      <fieldset className="utrecht-form-fieldset kl-an-fieldset kl-form">
        <legend id={`${formId}-legend`} className="utrecht-form-fieldset__legend kl-an-legend">
          {t('analysis.start.legend')}
        </legend>
        <FormProblems
          formId={formId}
          errors={errors}
          order={['problemStatement', 'domainVersionId']}
          submitError={save.error}
        />
        <TextareaField
          id={fieldId(formId, 'problemStatement')}
          label={t('analysis.problem.label')}
          description={t('analysis.problem.hint')}
          rows={4}
          value={problemStatement}
          onChange={setProblemStatement}
          error={errors.problemStatement}
        />
        {choices.length > 0 ? (
          <SelectField
            id={fieldId(formId, 'domainVersionId')}
            label={t('analysis.start.domainSet')}
            description={t('analysis.start.domainSetHint')}
            options={choices.map((c) => ({
              value: c.versionId,
              label: t('analysis.start.domainSetOption', { title: c.title, number: c.number }),
            }))}
            value={domainVersionId}
            onChange={setChosen}
            error={errors.domainVersionId}
          />
        ) : (
          <p className="kl-an-description">
            {domainSets.isPending
              ? t('analysis.start.domainSetsLoading')
              : t('analysis.start.domainSetDefault')}
          </p>
        )}
        <div className="kl-form__actions">
          <Button type="submit" purpose="primary" busy={save.isPending}>
            {t('analysis.start.submit')}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}

export function ProblemForm({
  caseId,
  analysis,
  onSaved,
  onCancel,
}: {
  caseId: string;
  analysis: ExplanatoryAnalysis;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const formId = 'an-problem';
  const [problemStatement, setProblemStatement] = useState(analysis.problemStatement);
  useEffect(() => {
    document.getElementById(fieldId(formId, 'problemStatement'))?.focus();
  }, []);
  const save = useAnalysisChange(
    caseId,
    (body: AnalysisUpdate) => updateAnalysis(caseId, body),
    () => onSaved(t('analysis.problem.saved')),
  );
  const { errors, submit } = useCheckedSubmit(
    save,
    () => {
      const found: FieldErrors = {};
      if (!problemStatement.trim()) found.problemStatement = t('analysis.start.problemMissing');
      else if (problemStatement.trim().length > 2000)
        found.problemStatement = t('analysis.tooLong', { max: 2000 });
      return found;
    },
    () => ({ problemStatement: problemStatement.trim(), version: analysis.version }),
  );

  const conflict = isAnalysisConflict<ExplanatoryAnalysis, AnalysisUpdate>(save.error)
    ? save.error
    : null;
  if (conflict) {
    return (
      <ConflictView
        headingLevel={3}
        fields={[
          {
            key: 'problemStatement',
            label: t('analysis.problem.label'),
            yours: conflict.yours.problemStatement,
            current: conflict.current.problemStatement,
          },
        ]}
        isBusy={save.isPending}
        onSave={(picks) =>
          save.mutate({
            problemStatement:
              picks.problemStatement === 'current'
                ? conflict.current.problemStatement
                : conflict.yours.problemStatement,
            version: conflict.current.version,
          })
        }
        onKeepCurrent={() => {
          save.reset();
          onCancel();
        }}
      />
    );
  }

  return (
    <form
      noValidate
      onSubmit={submit}
      className="kl-form kl-an-form kl-an-panel"
      aria-label={t('analysis.problem.editLegend')}
    >
      <FormProblems formId={formId} errors={errors} submitError={save.error} />
      <TextareaField
        id={fieldId(formId, 'problemStatement')}
        label={t('analysis.problem.label')}
        description={t('analysis.problem.hint')}
        rows={4}
        value={problemStatement}
        onChange={setProblemStatement}
        error={errors.problemStatement}
      />
      <div className="kl-form__actions">
        <Button type="submit" purpose="primary" busy={save.isPending}>
          {t('analysis.problem.save')}
        </Button>
        <Button purpose="subtle" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
