// /acties/:id — one improvement action: what will change and for whom, owner, due date (overdue
// marked), status with the next steps it may take (a reason when it is dropped), follow-ups over
// time, what it comes from (links) and its history. Someone else's save meanwhile shows both
// versions side by side, to keep one.
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Action, ActionLinkKind, ActionStatus } from '../../../shared/contract/actions';
import { isApiError } from '../../app/api';
import { fieldId, useCheckedSubmit } from '../../app/form-errors';
import { useFlash } from '../../app/useFlash';
import { Alert } from '../../ui/Alert';
import { BackLink } from '../../ui/BackLink';
import { VersionConflict, differing } from '../../ui/VersionConflict';
import { DataList } from '../../ui/DataList';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormProblems } from '../../ui/FormProblems';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { SelectField } from '../../ui/SelectField';
import { StatusBadge } from '../../ui/StatusBadge';
import { TextareaField } from '../../ui/TextareaField';
import { TextField } from '../../ui/TextField';
import { formatDate, todayIso } from '../../ui/format';
import { AppLink } from '../../ui/links';
import { organisationOptionsQuery } from '../organisations/api';
import {
  ActionFields,
  actionFieldOrder,
  checkActionDraft,
  inputFromDraft,
  type ActionDraft,
} from './ActionFields';
import {
  fetchActionHistory,
  actionKeys,
  actionProgrammesQuery,
  actionQuery,
  addFollowUp,
  addLink,
  changeStatus,
  linkTargetsQuery,
  ownerOptionsQuery,
  removeLink,
  updateAction,
  type ActionUpdate,
  type FollowUpInput,
} from './api';
import { statusBadge, statusText } from './labels';
import { HistorySection } from './HistorySection';
import './actions.css';

export function ActionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const flash = useFlash();
  const action = useQuery(actionQuery(id));
  if (action.isPending) return <LoadingState />;
  if (action.isError)
    return (
      <>
        <BackLink to="/acties">{t('actions.backToList')}</BackLink>
        <ErrorAlert error={action.error} onRetry={() => void action.refetch()} />
      </>
    );
  return <ActionView action={action.data} flash={flash} />;
}

function ActionView({ action, flash }: { action: Action; flash: string | undefined }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [isEditing, setIsEditing] = useState(false);
  const replace = (next: Action) => {
    queryClient.setQueryData(actionKeys.detail(next.id), next);
    void queryClient.invalidateQueries({ queryKey: actionKeys.lists });
    void queryClient.invalidateQueries({ queryKey: actionKeys.history(next.id) });
  };
  return (
    <>
      <BackLink to={`/acties?programma=${action.programmeId}`}>{t('actions.backToList')}</BackLink>
      {flash && (
        <Alert type="ok">
          <p className="kl-alert__text">{flash}</p>
        </Alert>
      )}
      <PageHeading>{action.title}</PageHeading>
      <p className="kl-act-badges">
        <StatusBadge status={statusBadge[action.status]}>
          {statusText(action.status, t)}
        </StatusBadge>
        {action.isOverdue && (
          <StatusBadge status="danger">
            {t('actions.overdueSince', {
              date: formatDate(action.dueOn, i18n.language),
            })}
          </StatusBadge>
        )}
      </p>
      {isEditing ? (
        <EditActionForm action={action} onDone={() => setIsEditing(false)} onSaved={replace} />
      ) : (
        <>
          <DataList
            items={[
              { key: 'programme', label: t('actions.list.programme'), value: action.programmeName },
              {
                key: 'description',
                label: t('actions.form.description'),
                value: action.description || t('actions.none'),
              },
              { key: 'group', label: t('actions.list.group'), value: action.stakeholderGroupLabel },
              {
                key: 'owner',
                label: t('actions.list.owner'),
                value: action.ownerName
                  ? `${action.ownerOrganisationName} · ${action.ownerName}`
                  : action.ownerOrganisationName,
              },
              {
                key: 'due',
                label: t('actions.list.due'),
                value: formatDate(action.dueOn, i18n.language),
              },
              ...(action.dropReason
                ? [{ key: 'reason', label: t('actions.dropReason'), value: action.dropReason }]
                : []),
              {
                key: 'plainSummary',
                label: t('actions.form.plainSummary'),
                value: action.plainSummary || t('actions.none'),
              },
              {
                key: 'plainResult',
                label: t('actions.form.plainResult'),
                value: action.plainResult || t('actions.none'),
              },
            ]}
          />
          {action.abilities.edit && (
            <p>
              <Button purpose="secondary" onClick={() => setIsEditing(true)}>
                {t('actions.edit')}
              </Button>
            </p>
          )}
        </>
      )}
      {action.abilities.changeStatus && <StatusForm action={action} onSaved={replace} />}
      <FollowUps action={action} onSaved={replace} />
      <Links action={action} onSaved={replace} />
      <History id={action.id} />
    </>
  );
}

function draftOf(action: Action): ActionDraft {
  return {
    title: action.title,
    description: action.description,
    plainSummary: action.plainSummary,
    plainResult: action.plainResult,
    ownerOrganisationId: action.ownerOrganisationId,
    ownerUserId: action.ownerUserId ?? '',
    dueOn: action.dueOn,
    stakeholderGroup: action.stakeholderGroup,
  };
}

const editFormId = 'action-edit';
const comparedFields = [
  'title',
  'description',
  'plainSummary',
  'plainResult',
  'dueOn',
  'stakeholderGroup',
  'ownerOrganisationId',
  'ownerUserId',
] as const;

function EditActionForm({
  action,
  onDone,
  onSaved,
}: {
  action: Action;
  onDone: () => void;
  onSaved: (action: Action) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const programmes = useQuery(actionProgrammesQuery());
  const groups = programmes.data?.items.find((p) => p.id === action.programmeId)
    ?.stakeholderGroups ?? [{ code: action.stakeholderGroup, label: action.stakeholderGroupLabel }];
  const [draft, setDraft] = useState<ActionDraft>(() => draftOf(action));
  const [version, setVersion] = useState(action.version);
  const mutation = useMutation({
    mutationFn: (body: ActionUpdate) => updateAction(action.id, body),
    onSuccess: (saved) => {
      onSaved(saved);
      onDone();
    },
  });
  const { errors, submit } = useCheckedSubmit(
    mutation,
    () => checkActionDraft(draft, t),
    () => ({ ...inputFromDraft(draft), version }),
  );
  const conflict =
    isApiError(mutation.error) && mutation.error.code === 'CONFLICT'
      ? (mutation.error.details.current as Record<string, unknown> | undefined)
      : undefined;
  const organisations = useQuery(organisationOptionsQuery());
  const owners = useQuery(ownerOptionsQuery(action.programmeId, draft.ownerOrganisationId));
  /** A field's value in words: names for organisation and person, labels for the group. */
  const shown = (key: (typeof comparedFields)[number], value: unknown): string => {
    const text = value === null || value === undefined ? '' : String(value);
    if (!text) return '';
    if (key === 'ownerOrganisationId')
      return organisations.data?.items.find((o) => o.id === text)?.name ?? text;
    if (key === 'ownerUserId')
      return (
        owners.data?.items.find((u) => u.id === text)?.displayName ??
        t('actions.history.otherReference')
      );
    if (key === 'stakeholderGroup') return groups.find((g) => g.code === text)?.label ?? text;
    if (key === 'dueOn') return formatDate(text, i18n.language);
    return text;
  };
  const mine = inputFromDraft(draft);
  const conflictFields = conflict
    ? differing(
        comparedFields.map((key) => ({
          key,
          label: t(`actions.conflict.fields.${key}`),
          yours: shown(key, mine[key]),
          current: shown(key, conflict[key]),
        })),
      )
    : [];
  return (
    <section aria-labelledby={`${editFormId}-heading`} className="kl-act-form">
      <Heading level={2} id={`${editFormId}-heading`}>
        {t('actions.editTitle')}
      </Heading>
      {conflict ? (
        <VersionConflict
          fields={conflictFields}
          texts="actions.conflict"
          isBusy={mutation.isPending}
          onSave={(picks) => {
            const merged = { ...mine };
            for (const key of comparedFields) {
              if (picks[key] !== 'current') continue;
              const value = conflict[key];
              Object.assign(merged, {
                [key]: key === 'ownerUserId' ? (value ?? null) : String(value ?? ''),
              });
            }
            const current = Number(conflict.version);
            setVersion(current);
            setDraft({
              title: merged.title,
              description: merged.description ?? '',
              plainSummary: merged.plainSummary ?? '',
              plainResult: merged.plainResult ?? '',
              ownerOrganisationId: merged.ownerOrganisationId,
              ownerUserId: merged.ownerUserId ?? '',
              dueOn: merged.dueOn,
              stakeholderGroup: merged.stakeholderGroup,
            });
            mutation.mutate({ ...merged, version: current });
          }}
          onKeepCurrent={() => {
            void queryClient.invalidateQueries({ queryKey: actionKeys.detail(action.id) });
            onDone();
          }}
        />
      ) : (
        <form id={editFormId} onSubmit={submit} noValidate>
          <FormProblems
            formId={editFormId}
            errors={errors}
            order={actionFieldOrder}
            submitError={mutation.error}
          />
          <ActionFields
            formId={editFormId}
            programmeId={action.programmeId}
            stakeholderGroups={groups}
            draft={draft}
            onChange={setDraft}
            errors={errors}
          />
          <div className="kl-act-buttons">
            <Button type="submit" purpose="primary" disabled={mutation.isPending}>
              {t('actions.form.save')}
            </Button>
            <Button type="button" purpose="secondary" onClick={onDone}>
              {t('actions.cancel')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

const statusFormId = 'action-status';

function StatusForm({ action, onSaved }: { action: Action; onSaved: (action: Action) => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ActionStatus | ''>('');
  const [reason, setReason] = useState('');
  const mutation = useMutation({
    mutationFn: (body: { status: ActionStatus; reason: string; version: number }) =>
      changeStatus(action.id, body),
    onSuccess: (saved) => {
      setStatus('');
      setReason('');
      onSaved(saved);
    },
  });
  const { errors, submit } = useCheckedSubmit(
    mutation,
    () => {
      const found: Record<string, string> = {};
      if (!status) found.status = t('actions.statusForm.chooseMissing');
      if (status === 'dropped' && !reason.trim())
        found.reason = t('actions.statusForm.reasonMissing');
      return found;
    },
    () => (status ? { status, reason: reason.trim(), version: action.version } : null),
  );
  return (
    <section aria-labelledby={`${statusFormId}-heading`} className="kl-act-section">
      <Heading level={2} id={`${statusFormId}-heading`}>
        {t('actions.statusForm.title')}
      </Heading>
      <form id={statusFormId} onSubmit={submit} noValidate>
        <FormProblems
          formId={statusFormId}
          errors={errors}
          order={['status', 'reason']}
          submitError={mutation.error}
        />
        <SelectField
          id={fieldId(statusFormId, 'status')}
          label={t('actions.statusForm.next', { status: statusText(action.status, t) })}
          value={status}
          options={action.nextStatuses.map((s) => ({ value: s, label: statusText(s, t) }))}
          placeholder={t('actions.form.choose')}
          onChange={(value) => setStatus(value as ActionStatus)}
          error={errors.status}
        />
        {status === 'dropped' && (
          <TextareaField
            id={fieldId(statusFormId, 'reason')}
            label={t('actions.statusForm.reason')}
            description={t('actions.statusForm.reasonHelp')}
            value={reason}
            onChange={setReason}
            error={errors.reason}
            rows={3}
          />
        )}
        <Button type="submit" purpose="primary" disabled={mutation.isPending}>
          {t('actions.statusForm.save')}
        </Button>
      </form>
    </section>
  );
}

const followUpFormId = 'action-follow-up';

function FollowUps({ action, onSaved }: { action: Action; onSaved: (action: Action) => void }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState({ on: todayIso(), done: '', effect: '', nextStep: '' });
  const mutation = useMutation({
    mutationFn: (body: FollowUpInput) => addFollowUp(action.id, body),
    onSuccess: (saved) => {
      setDraft({ on: todayIso(), done: '', effect: '', nextStep: '' });
      onSaved(saved);
    },
  });
  const { errors, submit } = useCheckedSubmit(
    mutation,
    () => {
      const found: Record<string, string> = {};
      if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.on)) found.on = t('actions.followUps.dateMissing');
      if (!draft.done.trim()) found.done = t('actions.followUps.doneMissing');
      return found;
    },
    () => ({ ...draft, done: draft.done.trim() }),
  );
  const id = (path: string) => fieldId(followUpFormId, path);
  return (
    <section aria-labelledby="kl-act-follow-ups" className="kl-act-section">
      <Heading level={2} id="kl-act-follow-ups">
        {t('actions.followUps.title')}
      </Heading>
      {action.followUpEntries.length === 0 ? (
        <Paragraph>{t('actions.followUps.empty')}</Paragraph>
      ) : (
        <ol className="kl-act-follow-ups">
          {action.followUpEntries.map((f) => (
            <li key={f.id} className="kl-act-follow-up">
              <p className="kl-act-follow-up__meta">
                <strong>{formatDate(f.on, i18n.language)}</strong> · {f.author}
              </p>
              <dl className="kl-act-follow-up__list">
                <dt>{t('actions.followUps.done')}</dt>
                <dd>{f.done}</dd>
                {f.effect && (
                  <>
                    <dt>{t('actions.followUps.effect')}</dt>
                    <dd>{f.effect}</dd>
                  </>
                )}
                {f.nextStep && (
                  <>
                    <dt>{t('actions.followUps.nextStep')}</dt>
                    <dd>{f.nextStep}</dd>
                  </>
                )}
              </dl>
            </li>
          ))}
        </ol>
      )}
      {action.abilities.followUp && (
        <form id={followUpFormId} onSubmit={submit} noValidate className="kl-act-form">
          <Heading level={3}>{t('actions.followUps.add')}</Heading>
          <FormProblems
            formId={followUpFormId}
            errors={errors}
            order={['on', 'done', 'effect', 'nextStep']}
            submitError={mutation.error}
          />
          <TextField
            id={id('on')}
            type="date"
            label={t('actions.followUps.on')}
            value={draft.on}
            onChange={(on) => setDraft({ ...draft, on })}
            error={errors.on}
          />
          <TextareaField
            id={id('done')}
            label={t('actions.followUps.done')}
            value={draft.done}
            onChange={(done) => setDraft({ ...draft, done })}
            error={errors.done}
            rows={3}
          />
          <TextareaField
            id={id('effect')}
            label={t('actions.followUps.effect')}
            description={t('actions.followUps.effectHelp')}
            value={draft.effect}
            onChange={(effect) => setDraft({ ...draft, effect })}
            error={errors.effect}
            isOptional
            rows={3}
          />
          <TextareaField
            id={id('nextStep')}
            label={t('actions.followUps.nextStep')}
            value={draft.nextStep}
            onChange={(nextStep) => setDraft({ ...draft, nextStep })}
            error={errors.nextStep}
            isOptional
            rows={2}
          />
          <Button type="submit" purpose="primary" disabled={mutation.isPending}>
            {t('actions.followUps.save')}
          </Button>
        </form>
      )}
    </section>
  );
}

function linkText(link: Action['links'][number], t: TFunction, lang: string) {
  const date = link.date ? formatDate(link.date.slice(0, 10), lang) : '';
  if (link.kind === 'network_meeting')
    return t('actions.links.network', { date, theme: link.detail ?? '' });
  if (link.kind === 'thread' || link.kind === 'recommendation')
    return link.detail
      ? t(`actions.links.${link.kind}`, { detail: link.detail })
      : t(`actions.links.${link.kind}Gone`);
  if (link.kind === 'plan_step')
    return link.detail
      ? t('actions.links.stepOf', { step: link.detail, code: link.caseCode, date })
      : t('actions.links.stepHidden', { date });
  return link.caseCode
    ? t('actions.links.review', { code: link.caseCode, date })
    : t('actions.links.reviewHidden', { date });
}

function Links({ action, onSaved }: { action: Action; onSaved: (action: Action) => void }) {
  const { t, i18n } = useTranslation();
  const [target, setTarget] = useState('');
  const targets = useQuery({
    ...linkTargetsQuery(action.programmeId),
    enabled: action.abilities.edit,
  });
  const add = useMutation({
    mutationFn: (value: string) => {
      const [kind, targetId] = value.split(':') as [ActionLinkKind, string];
      return addLink(action.id, { kind, targetId });
    },
    onSuccess: (saved) => {
      setTarget('');
      onSaved(saved);
    },
  });
  const remove = useMutation({
    mutationFn: (linkId: string) => removeLink(action.id, linkId),
    onSuccess: onSaved,
  });
  const options = targets.data
    ? [
        ...targets.data.threads.map((th) => ({
          value: `thread:${th.id}`,
          label: t('actions.links.thread', { detail: `${th.number}. ${th.title}` }),
        })),
        ...targets.data.recommendations.map((r) => ({
          value: `recommendation:${r.id}`,
          label: t('actions.links.recommendation', { detail: `${r.number}. ${r.title}` }),
        })),
        ...targets.data.networkMeetings.map((n) => ({
          value: `network_meeting:${n.id}`,
          label: t('actions.links.network', {
            date: formatDate(n.meetsOn, i18n.language),
            theme: n.theme,
          }),
        })),
        ...targets.data.reviewMeetings.flatMap((m) => [
          {
            value: `review_meeting:${m.id}`,
            label: t('actions.links.review', {
              code: m.caseCode,
              date: formatDate(m.plannedAt.slice(0, 10), i18n.language),
            }),
          },
          ...m.steps.map((s) => ({
            value: `plan_step:${s.id}`,
            label: `— ${t('actions.links.stepOf', {
              step: s.what,
              code: m.caseCode,
              date: formatDate(m.plannedAt.slice(0, 10), i18n.language),
            })}`,
          })),
        ]),
      ].filter((o) => !action.links.some((l) => `${l.kind}:${l.targetId}` === o.value))
    : [];
  return (
    <section aria-labelledby="kl-act-links" className="kl-act-section">
      <Heading level={2} id="kl-act-links">
        {t('actions.links.title')}
      </Heading>
      {action.links.length === 0 ? (
        <Paragraph>{t('actions.links.empty')}</Paragraph>
      ) : (
        <ul className="kl-act-links">
          {action.links.map((link) => (
            <li key={link.id}>
              {link.kind === 'network_meeting' ? (
                <AppLink to={`/lerend-netwerk/${link.targetId}`}>
                  {linkText(link, t, i18n.language)}
                </AppLink>
              ) : (link.kind === 'thread' || link.kind === 'recommendation') && link.detail ? (
                <AppLink
                  to={
                    link.kind === 'thread'
                      ? `/programmes/${action.programmeId}/synthese/draden/${link.targetId}`
                      : `/programmes/${action.programmeId}/aanbevelingen/${link.targetId}`
                  }
                >
                  {linkText(link, t, i18n.language)}
                </AppLink>
              ) : link.caseId ? (
                <AppLink
                  to={
                    link.kind === 'review_meeting'
                      ? `/cases/${link.caseId}/meetings/${link.targetId}`
                      : `/cases/${link.caseId}/meetings`
                  }
                >
                  {linkText(link, t, i18n.language)}
                </AppLink>
              ) : (
                linkText(link, t, i18n.language)
              )}
              {!link.isAvailable && (
                <span className="kl-act-muted">
                  {' '}
                  (
                  {link.detail && (link.kind === 'thread' || link.kind === 'recommendation')
                    ? t('actions.links.notCurrent')
                    : t('actions.links.gone')}
                  )
                </span>
              )}
              {action.abilities.edit && (
                <>
                  {' '}
                  <Button
                    purpose="subtle"
                    onClick={() => remove.mutate(link.id)}
                    disabled={remove.isPending}
                    aria-label={t('actions.links.removeLabel', {
                      what: linkText(link, t, i18n.language),
                    })}
                  >
                    {t('actions.links.remove')}
                  </Button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {remove.isError && <ErrorAlert error={remove.error} />}
      {action.abilities.edit && (
        <form
          className="kl-act-link-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (target) add.mutate(target);
          }}
        >
          <SelectField
            id="kl-act-link-target"
            label={t('actions.links.add')}
            description={t('actions.links.addHelp')}
            value={target}
            options={options}
            placeholder={t('actions.form.choose')}
            onChange={setTarget}
            isOptional
          />
          <Button type="submit" purpose="secondary" disabled={!target || add.isPending}>
            {t('actions.links.addButton')}
          </Button>
          {add.isError && <ErrorAlert error={add.error} />}
        </form>
      )}
    </section>
  );
}

function History({ id }: { id: string }) {
  return (
    <HistorySection
      queryKey={actionKeys.history(id)}
      load={(signal) => fetchActionHistory(id, signal)}
      prefix="actions.history"
      headingId="kl-act-history"
    />
  );
}
