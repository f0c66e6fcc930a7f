// "Alternatief plan" (action learning): the steps of what would now be done differently — what,
// who, by when, how far — and per step the follow-up entries written in later sessions (what
// was tried, what came of it, what is next), so a plan can be followed over time.
import { useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useTranslation } from 'react-i18next';
import type { Meeting, PlanStep } from '../../../shared/contract/meetings';
import { isApiError } from '../../app/api';
import { Alert } from '../../ui/Alert';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { DataList } from '../../ui/DataList';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { StatusBadge, type BadgeStatus } from '../../ui/StatusBadge';
import { formatDate } from '../../ui/format';
import { removeChild, useMeetingChange } from './api';
import { useFocusAfterRender } from './focus';
import { stepStatusText } from './labels';
import { FollowUpForm, PlanStepForm } from './PlanForms';

const stepBadge: Record<PlanStep['status'], BadgeStatus> = {
  open: 'neutral',
  in_progress: 'warning',
  done: 'success',
  dropped: 'inactive',
};

export function ActionPlanSection({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const [isAdding, setAdding] = useState(false);
  const [message, setMessage] = useState('');
  const focusLater = useFocusAfterRender();
  const canEdit = meeting.abilities.edit;

  return (
    <section className="kl-section kl-mt-section" aria-labelledby="mt-plan">
      <Heading level={2} id="mt-plan" tabIndex={-1} className="kl-mt-focus-target">
        {t('meetings.actionPlan.title')}
      </Heading>
      <Paragraph>{t('meetings.actionPlan.intro')}</Paragraph>
      {meeting.plan.length === 0 ? (
        <EmptyState>{t('meetings.actionPlan.empty')}</EmptyState>
      ) : (
        <ol className="kl-mt-steps">
          {meeting.plan.map((step, index) => (
            <StepCard
              key={step.id}
              meeting={meeting}
              step={step}
              number={index + 1}
              onMessage={setMessage}
              onDeleted={(text) => {
                setMessage(text);
                // The step with the pressed button is gone: continue at the section's heading.
                focusLater('mt-plan');
              }}
            />
          ))}
        </ol>
      )}
      <div role="status" className="kl-status-line">
        {message}
      </div>
      {canEdit &&
        (isAdding ? (
          <PlanStepForm
            meeting={meeting}
            onSaved={(_saved, text) => setMessage(text)}
            onCancel={() => {
              setAdding(false);
              focusLater('mt-plan-add');
            }}
          />
        ) : (
          <Button
            id="mt-plan-add"
            purpose="secondary"
            aria-expanded={false}
            onClick={() => {
              setMessage('');
              setAdding(true);
            }}
          >
            {t('meetings.actionPlan.addStep')}
          </Button>
        ))}
    </section>
  );
}

function StepCard({
  meeting,
  step,
  number,
  onMessage,
  onDeleted,
}: {
  meeting: Meeting;
  step: PlanStep;
  number: number;
  onMessage: (message: string) => void;
  onDeleted: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<'view' | 'edit' | 'follow-up'>('view');
  const focusLater = useFocusAfterRender();
  const headingId = `mt-step-${step.id}`;
  const editId = `mt-step-${step.id}-edit`;
  const followUpId = `mt-step-${step.id}-follow-up`;
  const name = t('meetings.actionPlan.stepNumber', { number });
  const remove = useMeetingChange(
    meeting.caseId,
    meeting.id,
    () => removeChild(meeting.caseId, meeting.id, 'plan', step.id, step.version),
    () => onDeleted(t('meetings.actionPlan.deleted', { name })),
  );
  const isStale = isApiError(remove.error) && remove.error.code === 'CONFLICT';

  return (
    <li className="kl-mt-card kl-mt-step">
      <div className="kl-mt-card__head">
        <Heading
          level={3}
          id={headingId}
          tabIndex={-1}
          className="kl-mt-card__title kl-mt-focus-target"
        >
          {name}
        </Heading>
        <StatusBadge status={stepBadge[step.status]}>{stepStatusText(step.status, t)}</StatusBadge>
      </div>
      {mode === 'edit' ? (
        <PlanStepForm
          meeting={meeting}
          step={step}
          onSaved={(_saved, text) => {
            setMode('view');
            onMessage(text);
            focusLater(editId);
          }}
          onCancel={() => {
            setMode('view');
            focusLater(editId);
          }}
        />
      ) : (
        <DataList
          items={[
            {
              key: 'what',
              label: t('meetings.actionPlan.what'),
              value: <span className="kl-mt-prewrap">{step.what}</span>,
            },
            { key: 'who', label: t('meetings.actionPlan.who'), value: step.who },
            {
              key: 'due',
              label: t('meetings.actionPlan.due'),
              value: step.due
                ? formatDate(step.due, i18n.language)
                : t('meetings.actionPlan.noDue'),
            },
          ]}
        />
      )}
      <section className="kl-mt-follow-ups" aria-labelledby={`${headingId}-follow-ups`}>
        <Heading level={4} id={`${headingId}-follow-ups`}>
          {t('meetings.followUp.title', { count: step.followUps.length })}
        </Heading>
        {step.followUps.length === 0 ? (
          <p className="kl-mt-none">{t('meetings.followUp.none')}</p>
        ) : (
          <ol className="kl-mt-follow-up-list">
            {step.followUps.map((entry) => (
              <li key={entry.id} className="kl-mt-follow-up">
                <p className="kl-mt-follow-up__date">
                  {formatDate(entry.on, i18n.language)}
                  <span className="kl-mt-meta">
                    {' '}
                    · {t('meetings.reflection.writtenBy', { name: entry.authorName })}
                  </span>
                </p>
                <p>
                  <span className="kl-mt-label">{t('meetings.followUp.shown.tried')}</span>{' '}
                  <span className="kl-mt-prewrap">{entry.tried}</span>
                </p>
                {entry.result && (
                  <p>
                    <span className="kl-mt-label">{t('meetings.followUp.shown.result')}</span>{' '}
                    <span className="kl-mt-prewrap">{entry.result}</span>
                  </p>
                )}
                {entry.next && (
                  <p>
                    <span className="kl-mt-label">{t('meetings.followUp.shown.next')}</span>{' '}
                    <span className="kl-mt-prewrap">{entry.next}</span>
                  </p>
                )}
              </li>
            ))}
          </ol>
        )}
        {mode === 'follow-up' && (
          <FollowUpForm
            meeting={meeting}
            step={step}
            onSaved={(_saved, text) => {
              setMode('view');
              onMessage(text);
              focusLater(followUpId);
            }}
            onCancel={() => {
              setMode('view');
              focusLater(followUpId);
            }}
          />
        )}
      </section>
      {isStale ? (
        <Alert type="warning">
          <p className="kl-alert__text">{t('meetings.changedMeanwhile')}</p>
        </Alert>
      ) : remove.error ? (
        <ErrorAlert error={remove.error} />
      ) : null}
      {meeting.abilities.edit && mode === 'view' && (
        <div className="kl-mt-actions">
          <Button
            id={followUpId}
            purpose="secondary"
            aria-expanded={false}
            onClick={() => setMode('follow-up')}
          >
            {t('meetings.followUp.open')}
            <span className="kl-visually-hidden">: {name}</span>
          </Button>
          <Button id={editId} purpose="subtle" onClick={() => setMode('edit')}>
            {t('meetings.edit')}
            <span className="kl-visually-hidden">: {name}</span>
          </Button>
          <ConfirmAction
            label={
              <>
                {t('meetings.delete')}
                <span className="kl-visually-hidden">: {name}</span>
              </>
            }
            question={t('meetings.actionPlan.deleteQuestion', { name })}
            consequence={<p>{t('meetings.actionPlan.deleteConsequence')}</p>}
            confirmLabel={t('meetings.actionPlan.deleteConfirm')}
            isBusy={remove.isPending}
            onConfirm={() => remove.mutate(undefined)}
          />
        </div>
      )}
    </li>
  );
}
