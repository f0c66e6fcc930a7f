// /toegangstafels/:region/registraties/nieuw and /:id — registering a case discussed at an
// access table, or changing one (with a version check). A table reference only: the form says
// so, and the server refuses anything that looks like a name. Errors are summarised above the
// form and shown at each field.
import { useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  accessOutcomes,
  ageBands,
  informationLevels,
  tableReferencePattern,
  type Registration,
  type RegistrationInput,
} from '../../../shared/contract/monitoring';
import { fieldId, useCheckedSubmit, type FieldErrors } from '../../app/form-errors';
import { flashState } from '../../app/useFlash';
import { CheckboxField } from '../../ui/CheckboxField';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormProblems } from '../../ui/FormProblems';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { RadioGroup } from '../../ui/RadioGroup';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { TextareaField } from '../../ui/TextareaField';
import { AppLink } from '../../ui/links';
import {
  createRegistration,
  listsQuery,
  monitoringKeys,
  regionsQuery,
  registrationQuery,
  removeRegistration,
  updateRegistration,
} from './api';
import './monitoring.css';

type Draft = Omit<
  RegistrationInput,
  'daysWaiting' | 'hasExplanatoryAnalysis' | 'ageBand' | 'informationSufficient' | 'outcome'
> & {
  daysWaiting: string;
  hasExplanatoryAnalysis: '' | 'yes' | 'no';
  ageBand: RegistrationInput['ageBand'] | '';
  informationSufficient: RegistrationInput['informationSufficient'] | '';
  outcome: RegistrationInput['outcome'] | '';
};

const order = [
  'tableId',
  'discussedOn',
  'reference',
  'referringTeam',
  'ageBand',
  'problemAreas',
  'questionType',
  'informationSufficient',
  'informationMissing',
  'outcome',
  'missingHelp',
  'daysWaiting',
  'hasExplanatoryAnalysis',
  'bottlenecks',
];

function today(): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
    new Date(),
  );
  return parts.slice(0, 10);
}

function draftOf(r: Registration | undefined, tableId: string): Draft {
  if (!r)
    return {
      tableId,
      discussedOn: '',
      reference: '',
      referringTeam: '',
      ageBand: '',
      problemAreas: [],
      questionType: '',
      informationSufficient: '',
      informationMissing: '',
      outcome: '',
      missingHelp: '',
      daysWaiting: '',
      hasExplanatoryAnalysis: '',
      bottlenecks: '',
    };
  return {
    ...r,
    daysWaiting: String(r.daysWaiting),
    hasExplanatoryAnalysis: r.hasExplanatoryAnalysis ? 'yes' : 'no',
  };
}

export function RegistrationPage() {
  const { region = '', id } = useParams();
  const existing = useQuery({ ...registrationQuery(region, id ?? ''), enabled: Boolean(id) });
  if (id && existing.isPending) return <LoadingState />;
  if (id && existing.isError)
    return <ErrorAlert error={existing.error} onRetry={() => void existing.refetch()} />;
  return (
    <RegistrationForm
      key={existing.data?.version ?? 'new'}
      region={region}
      registration={existing.data}
    />
  );
}

function RegistrationForm({
  region,
  registration,
}: {
  region: string;
  registration: Registration | undefined;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const regions = useQuery(regionsQuery());
  const lists = useQuery(listsQuery());
  const info = regions.data?.items.find((r) => r.code === region);
  const liveTables = (info?.tables ?? []).filter(
    (table) => !table.isArchived || table.id === registration?.tableId,
  );
  const [draft, setDraft] = useState<Draft>(() => draftOf(registration, ''));
  const tableId = draft.tableId || (liveTables.length === 1 ? liveTables[0]!.id : '');
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const entries = (list: 'problem_area' | 'question_type') =>
    (lists.data?.lists.find((l) => l.list === list)?.entries ?? []).filter(
      (e) =>
        !e.isArchived ||
        (list === 'problem_area'
          ? registration?.problemAreas.includes(e.code)
          : registration?.questionType === e.code),
    );
  const formId = 'registration';

  const mutation = useMutation({
    mutationFn: (body: RegistrationInput) =>
      registration
        ? updateRegistration(region, registration.id, { ...body, version: registration.version })
        : createRegistration(region, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: monitoringKeys.registers });
      void navigate(`/toegangstafels/${region}`, {
        state: flashState(registration ? t('monitoring.form.saved') : t('monitoring.form.created')),
      });
    },
  });
  const removal = useMutation({
    mutationFn: () => removeRegistration(region, registration!.id, registration!.version),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: monitoringKeys.registers });
      void navigate(`/toegangstafels/${region}`, {
        state: flashState(t('monitoring.form.removed')),
      });
    },
  });

  const check = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (!tableId) errors.tableId = t('monitoring.error.table');
    if (!draft.discussedOn) errors.discussedOn = t('monitoring.error.date');
    else if (draft.discussedOn > today()) errors.discussedOn = t('monitoring.error.future');
    if (!tableReferencePattern.test(draft.reference.trim()))
      errors.reference = t('monitoring.error.reference');
    if (!draft.referringTeam.trim()) errors.referringTeam = t('monitoring.error.referringTeam');
    if (!draft.ageBand) errors.ageBand = t('monitoring.error.choose');
    if (draft.problemAreas.length === 0) errors.problemAreas = t('monitoring.error.problemAreas');
    if (!draft.questionType) errors.questionType = t('monitoring.error.choose');
    if (!draft.informationSufficient) errors.informationSufficient = t('monitoring.error.choose');
    else if (draft.informationSufficient !== 'yes' && !draft.informationMissing?.trim())
      errors.informationMissing = t('monitoring.error.informationMissing');
    if (!draft.outcome) errors.outcome = t('monitoring.error.choose');
    else if (draft.outcome === 'no_fitting_offer' && !draft.missingHelp?.trim())
      errors.missingHelp = t('monitoring.error.missingHelp');
    if (!/^\d+$/.test(draft.daysWaiting.trim())) errors.daysWaiting = t('monitoring.error.days');
    if (!draft.hasExplanatoryAnalysis) errors.hasExplanatoryAnalysis = t('monitoring.error.choose');
    return errors;
  };
  const { errors, submit } = useCheckedSubmit(mutation, check, () => ({
    tableId,
    discussedOn: draft.discussedOn,
    reference: draft.reference.trim(),
    referringTeam: draft.referringTeam.trim(),
    ageBand: draft.ageBand as RegistrationInput['ageBand'],
    problemAreas: draft.problemAreas,
    questionType: draft.questionType,
    informationSufficient:
      draft.informationSufficient as RegistrationInput['informationSufficient'],
    informationMissing:
      draft.informationSufficient === 'yes' ? '' : (draft.informationMissing ?? ''),
    outcome: draft.outcome as RegistrationInput['outcome'],
    missingHelp: draft.outcome === 'no_fitting_offer' ? (draft.missingHelp ?? '') : '',
    daysWaiting: Number(draft.daysWaiting.trim()),
    hasExplanatoryAnalysis: draft.hasExplanatoryAnalysis === 'yes',
    bottlenecks: draft.bottlenecks ?? '',
  }));
  const id = (path: string) => fieldId(formId, path);

  return (
    <>
      <PageHeading>
        {registration
          ? t('monitoring.form.editTitle', { reference: registration.reference })
          : t('monitoring.form.newTitle')}
      </PageHeading>
      <Paragraph>
        <AppLink to={`/toegangstafels/${region}`}>{t('monitoring.register.back')}</AppLink>
      </Paragraph>
      <Paragraph>{t('monitoring.form.noNames')}</Paragraph>
      <FormProblems
        formId={formId}
        errors={errors}
        order={order}
        submitError={mutation.error}
        onReload={() => window.location.reload()}
      />
      <form id={formId} noValidate onSubmit={submit}>
        <SelectField
          id={id('tableId')}
          label={t('monitoring.field.table')}
          value={tableId}
          placeholder={t('monitoring.form.chooseTable')}
          options={liveTables.map((table) => ({ value: table.id, label: table.name }))}
          onChange={(v) => set('tableId', v)}
          error={errors.tableId}
        />
        <TextField
          id={id('discussedOn')}
          type="date"
          max={today()}
          label={t('monitoring.field.discussedOn')}
          value={draft.discussedOn}
          onChange={(v) => set('discussedOn', v)}
          error={errors.discussedOn}
        />
        <TextField
          id={id('reference')}
          label={t('monitoring.field.reference')}
          description={t('monitoring.form.referenceHelp')}
          value={draft.reference}
          maxLength={20}
          autoComplete="off"
          onChange={(v) => set('reference', v)}
          error={errors.reference}
        />
        <TextField
          id={id('referringTeam')}
          label={t('monitoring.field.referringTeam')}
          value={draft.referringTeam}
          onChange={(v) => set('referringTeam', v)}
          error={errors.referringTeam}
        />
        <RadioGroup
          id={id('ageBand')}
          legend={t('monitoring.field.ageBand')}
          value={draft.ageBand}
          isInline
          choices={ageBands.map((band) => ({
            value: band,
            label: t('monitoring.form.years', { band }),
          }))}
          onChange={(v) => set('ageBand', v)}
          error={errors.ageBand}
        />
        <fieldset
          className="kl-monitoring__checks"
          id={id('problemAreas')}
          aria-describedby={errors.problemAreas ? `${id('problemAreas')}-error` : undefined}
        >
          <legend>{t('monitoring.field.problemAreas')}</legend>
          {errors.problemAreas && (
            <p className="utrecht-form-field-error-message" id={`${id('problemAreas')}-error`}>
              {errors.problemAreas}
            </p>
          )}
          {entries('problem_area').map((entry) => (
            <CheckboxField
              key={entry.code}
              id={`${id('problemAreas')}-${entry.code}`}
              label={entry.label}
              isChecked={draft.problemAreas.includes(entry.code)}
              onChange={(isChecked) =>
                set(
                  'problemAreas',
                  isChecked
                    ? [...draft.problemAreas, entry.code]
                    : draft.problemAreas.filter((c) => c !== entry.code),
                )
              }
            />
          ))}
        </fieldset>
        <SelectField
          id={id('questionType')}
          label={t('monitoring.field.questionType')}
          value={draft.questionType}
          placeholder={t('monitoring.form.choose')}
          options={entries('question_type').map((e) => ({ value: e.code, label: e.label }))}
          onChange={(v) => set('questionType', v)}
          error={errors.questionType}
        />
        <RadioGroup
          id={id('informationSufficient')}
          legend={t('monitoring.field.informationSufficient')}
          value={draft.informationSufficient}
          isInline
          choices={informationLevels.map((level) => ({
            value: level,
            label: t(`monitoring.level.${level}`),
          }))}
          onChange={(v) => set('informationSufficient', v)}
          error={errors.informationSufficient}
        />
        {draft.informationSufficient && draft.informationSufficient !== 'yes' && (
          <TextareaField
            id={id('informationMissing')}
            label={t('monitoring.field.informationMissing')}
            value={draft.informationMissing ?? ''}
            onChange={(v) => set('informationMissing', v)}
            error={errors.informationMissing}
          />
        )}
        <RadioGroup
          id={id('outcome')}
          legend={t('monitoring.field.outcome')}
          value={draft.outcome}
          choices={accessOutcomes.map((o) => ({ value: o, label: t(`monitoring.outcome.${o}`) }))}
          onChange={(v) => set('outcome', v)}
          error={errors.outcome}
        />
        {draft.outcome === 'no_fitting_offer' && (
          <TextField
            id={id('missingHelp')}
            label={t('monitoring.field.missingHelp')}
            value={draft.missingHelp ?? ''}
            onChange={(v) => set('missingHelp', v)}
            error={errors.missingHelp}
          />
        )}
        <TextField
          id={id('daysWaiting')}
          type="number"
          min={0}
          inputMode="numeric"
          label={t('monitoring.field.daysWaiting')}
          value={draft.daysWaiting}
          onChange={(v) => set('daysWaiting', v)}
          error={errors.daysWaiting}
        />
        <RadioGroup
          id={id('hasExplanatoryAnalysis')}
          legend={t('monitoring.field.hasExplanatoryAnalysis')}
          value={draft.hasExplanatoryAnalysis}
          isInline
          choices={[
            { value: 'yes', label: t('monitoring.level.yes') },
            { value: 'no', label: t('monitoring.level.no') },
          ]}
          onChange={(v) => set('hasExplanatoryAnalysis', v)}
          error={errors.hasExplanatoryAnalysis}
        />
        <TextareaField
          id={id('bottlenecks')}
          label={t('monitoring.field.bottlenecks')}
          description={t('monitoring.form.bottlenecksHelp')}
          isOptional
          value={draft.bottlenecks ?? ''}
          onChange={(v) => set('bottlenecks', v)}
          error={errors.bottlenecks}
        />
        <div className="kl-monitoring__actions">
          <Button type="submit" purpose="primary" disabled={mutation.isPending}>
            {registration ? t('monitoring.form.save') : t('monitoring.form.create')}
          </Button>
        </div>
      </form>
      {registration && (
        <ConfirmAction
          label={t('monitoring.form.remove')}
          question={t('monitoring.form.removeQuestion', { reference: registration.reference })}
          consequence={t('monitoring.form.removeConsequence')}
          confirmLabel={t('monitoring.form.removeConfirm')}
          onConfirm={() => removal.mutate()}
        />
      )}
      {removal.isError && <ErrorAlert error={removal.error} />}
    </>
  );
}
