// The form of one factor: the domain it belongs to, whether it is a strength (protective) or a
// problem (risk), a short name, a description, and from whose perspective it comes. Nothing is
// sent while something is missing; the server's field errors are shown at their fields. An edit
// on a stale version shows both versions to choose from.
import { useEffect, useRef, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useTranslation } from 'react-i18next';
import {
  factorKinds,
  factorPerspectives,
  type Analysis,
  type Factor,
  type FactorKind,
  type FactorPerspective,
} from '../../../shared/contract/analysis';
import { fieldId, useCheckedSubmit, type FieldErrors } from '../../app/form-errors';
import { FormProblems } from '../../ui/FormProblems';
import { SelectField } from '../../ui/SelectField';
import { TextareaField } from '../../ui/TextareaField';
import { TextField } from '../../ui/TextField';
import {
  addFactor,
  isAnalysisConflict,
  updateFactor,
  useAnalysisChange,
  type ExplanatoryAnalysis,
  type FactorInput,
  type FactorUpdate,
} from './api';
import { RadioGroup } from './ChoiceGroup';
import { ConflictView, pick } from './ConflictView';
import { KindIcon } from './KindIcon';
import { domainTitle, kindText, perspectiveText } from './labels';

export type FactorFormProps = {
  caseId: string;
  analysis: ExplanatoryAnalysis;
  /** The factor to change; a new one when left out. */
  factor?: Factor;
  /** The domain a new factor starts in. */
  domainKey?: string;
  onSaved: (saved: Analysis, message: string, factorId: string | null) => void;
  onCancel: () => void;
};

const order = ['domainKey', 'kind', 'title', 'description', 'perspective'];

export function FactorForm({
  caseId,
  analysis,
  factor,
  domainKey: initialDomain,
  onSaved,
  onCancel,
}: FactorFormProps) {
  const { t } = useTranslation();
  const formId = `an-factor-${factor?.id ?? initialDomain ?? 'new'}`;
  const formRef = useRef<HTMLFormElement>(null);
  const [domainKey, setDomainKey] = useState(factor?.domainKey ?? initialDomain ?? '');
  const [kind, setKind] = useState<FactorKind | ''>(factor?.kind ?? '');
  const [title, setTitle] = useState(factor?.title ?? '');
  const [description, setDescription] = useState(factor?.description ?? '');
  const [perspective, setPerspective] = useState<FactorPerspective | ''>(factor?.perspective ?? '');

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, []);

  const save = useAnalysisChange(
    caseId,
    (body: FactorInput | FactorUpdate) =>
      factor && 'version' in body ? updateFactor(caseId, factor.id, body) : addFactor(caseId, body),
    (saved, body) => {
      const known = new Set(analysis.factors.map((f) => f.id));
      const savedId =
        factor?.id ?? saved.analysis?.factors.find((f) => !known.has(f.id))?.id ?? null;
      onSaved(
        saved,
        t(factor ? 'analysis.factors.saved' : 'analysis.factors.added', { title: body.title }),
        savedId,
      );
    },
  );
  const { errors, submit } = useCheckedSubmit(
    save,
    () => {
      const found: FieldErrors = {};
      if (!domainKey) found.domainKey = t('analysis.factors.domainMissing');
      if (!kind) found.kind = t('analysis.factors.kindMissing');
      if (!title.trim()) found.title = t('analysis.factors.nameMissing');
      else if (title.trim().length > 200) found.title = t('analysis.tooLong', { max: 200 });
      if (description.trim().length > 2000)
        found.description = t('analysis.tooLong', { max: 2000 });
      if (!perspective) found.perspective = t('analysis.factors.perspectiveMissing');
      return found;
    },
    () => {
      if (!kind || !perspective) return null;
      const body: FactorInput = {
        domainKey,
        kind,
        title: title.trim(),
        description: description.trim(),
        perspective,
      };
      return factor ? { ...body, version: factor.version } : body;
    },
  );

  const conflict = isAnalysisConflict<Factor, FactorUpdate>(save.error) ? save.error : null;
  if (conflict && factor) {
    const { current, yours } = conflict;
    const fields = [
      {
        key: 'domainKey',
        label: t('analysis.factors.domain'),
        yours: domainTitle(analysis, yours.domainKey),
        current: domainTitle(analysis, current.domainKey),
      },
      {
        key: 'kind',
        label: t('analysis.factors.kind'),
        yours: kindText(yours.kind, t),
        current: kindText(current.kind, t),
      },
      {
        key: 'title',
        label: t('analysis.factors.name'),
        yours: yours.title,
        current: current.title,
      },
      {
        key: 'description',
        label: t('analysis.factors.description'),
        yours: yours.description ?? '',
        current: current.description,
      },
      {
        key: 'perspective',
        label: t('analysis.factors.perspective'),
        yours: perspectiveText(yours.perspective, t),
        current: perspectiveText(current.perspective, t),
      },
    ];
    return (
      <ConflictView
        headingLevel={4}
        fields={fields}
        isBusy={save.isPending}
        onSave={(picks) => {
          const from = pick<FactorInput>(picks, yours, current);
          save.mutate({
            domainKey: from('domainKey').domainKey,
            kind: from('kind').kind,
            title: from('title').title,
            description: from('description').description ?? '',
            perspective: from('perspective').perspective,
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
          {factor
            ? t('analysis.factors.editLegend', { title: factor.title })
            : t('analysis.factors.addLegend')}
        </legend>
        <FormProblems formId={formId} errors={errors} order={order} submitError={save.error} />
        <SelectField
          id={fieldId(formId, 'domainKey')}
          label={t('analysis.factors.domain')}
          placeholder={t('analysis.factors.domainPlaceholder')}
          options={analysis.domainSet.domains.map((d) => ({ value: d.key, label: d.title }))}
          value={domainKey}
          onChange={setDomainKey}
          error={errors.domainKey}
        />
        <RadioGroup<FactorKind>
          id={fieldId(formId, 'kind')}
          legend={t('analysis.factors.kind')}
          isInline
          choices={factorKinds.map((k) => ({
            value: k,
            label: (
              <span className={`kl-an-kind kl-an-kind--${k}`}>
                <KindIcon kind={k} />
                <span>
                  <strong>{kindText(k, t)}</strong>
                  <span className="kl-an-kind__hint"> — {t(`analysis.kind.${k}Hint`)}</span>
                </span>
              </span>
            ),
          }))}
          value={kind}
          onChange={setKind}
          error={errors.kind}
        />
        <TextField
          id={fieldId(formId, 'title')}
          label={t('analysis.factors.name')}
          description={t('analysis.factors.nameHint')}
          autoComplete="off"
          data-autofocus
          value={title}
          onChange={setTitle}
          error={errors.title}
        />
        <TextareaField
          id={fieldId(formId, 'description')}
          label={t('analysis.factors.description')}
          isOptional
          rows={3}
          value={description}
          onChange={setDescription}
          error={errors.description}
        />
        <RadioGroup<FactorPerspective>
          id={fieldId(formId, 'perspective')}
          legend={t('analysis.factors.perspective')}
          description={t('analysis.factors.perspectiveHint')}
          isInline
          choices={factorPerspectives.map((p) => ({ value: p, label: perspectiveText(p, t) }))}
          value={perspective}
          onChange={setPerspective}
          error={errors.perspective}
        />
        <div className="kl-form__actions">
          <Button type="submit" purpose="primary" busy={save.isPending}>
            {factor ? t('analysis.factors.save') : t('analysis.factors.add')}
          </Button>
          <Button purpose="subtle" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
