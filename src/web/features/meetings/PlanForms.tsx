// The forms of the alternative plan (action learning): a step — what would be done differently,
// who does it (a role or organisation), by when, and how far it is — and a follow-up entry of
// a later session: on which day, what was tried, what came of it and what comes next. A
// follow-up is written afterwards, so its day is not in the future (and, the server checks,
// not before the meeting).
import { useEffect, useRef, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useTranslation } from 'react-i18next';
import {
  planStepStatuses,
  type Meeting,
  type PlanStep,
  type PlanStepStatus,
} from '../../../shared/contract/meetings';
import { fieldId, useCheckedSubmit, type FieldErrors } from '../../app/form-errors';
import { FormProblems } from '../../ui/FormProblems';
import { SelectField } from '../../ui/SelectField';
import { TextareaField } from '../../ui/TextareaField';
import { TextField } from '../../ui/TextField';
import { formatDate, todayIso } from '../../ui/format';
import {
  addFollowUp,
  addPlanStep,
  isMeetingConflict,
  updatePlanStep,
  useMeetingChange,
  type FollowUpInput,
  type PlanStepInput,
  type PlanStepUpdate,
} from './api';
import { localParts, stepStatusText } from './labels';
import { differing, VersionConflict, type Side } from '../../ui/VersionConflict';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Puts the focus in the form's first field when it opens. */
function useFocusFirstField() {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('textarea, input, select')?.focus();
  }, []);
  return ref;
}

export type PlanStepFormProps = {
  meeting: Meeting;
  step?: PlanStep;
  onSaved: (saved: Meeting, message: string) => void;
  onCancel: () => void;
};

export function PlanStepForm({ meeting, step, onSaved, onCancel }: PlanStepFormProps) {
  const { t, i18n } = useTranslation();
  const formId = `mt-step-${step?.id ?? 'new'}`;
  const formRef = useFocusFirstField();
  const [what, setWhat] = useState(step?.what ?? '');
  const [who, setWho] = useState(step?.who ?? '');
  const [due, setDue] = useState(step?.due ?? '');
  const [status, setStatus] = useState<PlanStepStatus>(step?.status ?? 'open');
  const save = useMeetingChange(
    meeting.caseId,
    meeting.id,
    (body: PlanStepInput | PlanStepUpdate) =>
      step && 'version' in body
        ? updatePlanStep(meeting.caseId, meeting.id, step.id, body)
        : addPlanStep(meeting.caseId, meeting.id, body),
    (saved) => {
      onSaved(saved, step ? t('meetings.actionPlan.saved') : t('meetings.actionPlan.added'));
      if (!step) {
        setWhat('');
        setWho('');
        setDue('');
        setStatus('open');
        formRef.current?.querySelector<HTMLElement>('textarea')?.focus();
      }
    },
  );
  const { errors, submit } = useCheckedSubmit(
    save,
    () => {
      const found: FieldErrors = {};
      if (!what.trim()) found.what = t('meetings.actionPlan.whatMissing');
      if (!who.trim()) found.who = t('meetings.actionPlan.whoMissing');
      if (due && !isoDate.test(due)) found.due = t('meetings.dateInvalid');
      return found;
    },
    () => {
      const body = { what: what.trim(), who: who.trim(), due: due || null, status };
      return step ? { ...body, version: step.version } : body;
    },
  );

  const conflict = isMeetingConflict<PlanStep, PlanStepUpdate>(save.error) ? save.error : null;
  if (conflict && step) {
    const { current, yours } = conflict;
    const dueText = (date: string | null | undefined) =>
      date ? formatDate(date, i18n.language) : '';
    const fields = differing([
      {
        key: 'what',
        label: t('meetings.actionPlan.what'),
        yours: yours.what,
        current: current.what,
      },
      { key: 'who', label: t('meetings.actionPlan.who'), yours: yours.who, current: current.who },
      {
        key: 'due',
        label: t('meetings.actionPlan.due'),
        yours: dueText(yours.due),
        current: dueText(current.due),
      },
      {
        key: 'status',
        label: t('common.status'),
        yours: stepStatusText(yours.status ?? 'open', t),
        current: stepStatusText(current.status, t),
      },
    ]);
    const merge = (picks: Record<string, Side>): PlanStepUpdate => {
      const from = (key: string) => (picks[key] === 'current' ? current : yours);
      return {
        what: from('what').what,
        who: from('who').who,
        due: from('due').due ?? null,
        status: from('status').status ?? 'open',
        version: current.version,
      };
    };
    return (
      <VersionConflict
        texts="meetings.conflict"
        headingLevel={4}
        fields={fields}
        isBusy={save.isPending}
        onSave={(picks) => save.mutate(merge(picks))}
        onKeepCurrent={() => {
          save.reset();
          onCancel();
        }}
      />
    );
  }

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="kl-form kl-mt-form kl-mt-panel">
      <fieldset className="utrecht-form-fieldset kl-mt-fieldset kl-form">
        <legend className="utrecht-form-fieldset__legend kl-mt-legend">
          {step ? t('meetings.actionPlan.editLegend') : t('meetings.actionPlan.addLegend')}
        </legend>
        <FormProblems
          formId={formId}
          errors={errors}
          order={['what', 'who', 'due', 'status']}
          submitError={save.error}
        />
        <TextareaField
          id={fieldId(formId, 'what')}
          label={t('meetings.actionPlan.what')}
          description={t('meetings.actionPlan.whatHint')}
          rows={3}
          value={what}
          onChange={setWhat}
          error={errors.what}
        />
        <div className="kl-form__row">
          <TextField
            id={fieldId(formId, 'who')}
            label={t('meetings.actionPlan.who')}
            description={t('meetings.actionPlan.whoHint')}
            autoComplete="off"
            value={who}
            onChange={setWho}
            error={errors.who}
          />
          <TextField
            id={fieldId(formId, 'due')}
            label={t('meetings.actionPlan.due')}
            type="date"
            isOptional
            value={due}
            onChange={setDue}
            error={errors.due}
          />
          <SelectField
            id={fieldId(formId, 'status')}
            label={t('common.status')}
            options={planStepStatuses.map((s) => ({ value: s, label: stepStatusText(s, t) }))}
            value={status}
            onChange={(value) => {
              const found = planStepStatuses.find((s) => s === value);
              if (found) setStatus(found);
            }}
            error={errors.status}
          />
        </div>
        <div className="kl-form__actions">
          <Button type="submit" purpose="primary" busy={save.isPending}>
            {step ? t('meetings.actionPlan.save') : t('meetings.actionPlan.add')}
          </Button>
          <Button purpose="subtle" onClick={onCancel}>
            {step ? t('common.cancel') : t('meetings.close')}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}

export type FollowUpFormProps = {
  meeting: Meeting;
  step: PlanStep;
  onSaved: (saved: Meeting, message: string) => void;
  onCancel: () => void;
  /** Today, as the reader's calendar has it (tests fix it). */
  today?: string;
};

export function FollowUpForm({ meeting, step, onSaved, onCancel, today }: FollowUpFormProps) {
  const { t, i18n } = useTranslation();
  const now = today ?? todayIso();
  const formId = `mt-follow-up-${step.id}`;
  const formRef = useFocusFirstField();
  const meetingDay = localParts(meeting.plannedAt).date;
  const [on, setOn] = useState(now);
  const [tried, setTried] = useState('');
  const [result, setResult] = useState('');
  const [next, setNext] = useState('');
  const save = useMeetingChange(
    meeting.caseId,
    meeting.id,
    (body: FollowUpInput) => addFollowUp(meeting.caseId, meeting.id, step.id, body),
    (saved) => onSaved(saved, t('meetings.followUp.added')),
  );
  const { errors, submit } = useCheckedSubmit(
    save,
    () => {
      const found: FieldErrors = {};
      if (!isoDate.test(on)) found.on = t('meetings.followUp.onMissing');
      else if (on > now) found.on = t('meetings.followUp.onFuture');
      if (!tried.trim()) found.tried = t('meetings.followUp.triedMissing');
      return found;
    },
    () => ({ on, tried: tried.trim(), result: result.trim(), next: next.trim() }),
  );

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="kl-form kl-mt-form kl-mt-panel">
      <fieldset className="utrecht-form-fieldset kl-mt-fieldset kl-form">
        <legend className="utrecht-form-fieldset__legend kl-mt-legend">
          {t('meetings.followUp.legend')}
        </legend>
        <FormProblems
          formId={formId}
          errors={errors}
          order={['on', 'tried', 'result', 'next']}
          submitError={save.error}
        />
        <TextField
          id={fieldId(formId, 'on')}
          label={t('meetings.followUp.on')}
          description={t('meetings.followUp.onHint', {
            meeting: formatDate(meetingDay, i18n.language),
          })}
          type="date"
          className="kl-input-date"
          min={meetingDay}
          max={now}
          value={on}
          onChange={setOn}
          error={errors.on}
        />
        <TextareaField
          id={fieldId(formId, 'tried')}
          label={t('meetings.followUp.tried')}
          rows={3}
          value={tried}
          onChange={setTried}
          error={errors.tried}
        />
        <TextareaField
          id={fieldId(formId, 'result')}
          label={t('meetings.followUp.result')}
          isOptional
          rows={2}
          value={result}
          onChange={setResult}
          error={errors.result}
        />
        <TextareaField
          id={fieldId(formId, 'next')}
          label={t('meetings.followUp.next')}
          isOptional
          rows={2}
          value={next}
          onChange={setNext}
          error={errors.next}
        />
        <div className="kl-form__actions">
          <Button type="submit" purpose="primary" busy={save.isPending}>
            {t('meetings.followUp.add')}
          </Button>
          <Button purpose="subtle" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
