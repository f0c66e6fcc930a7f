// /programmes/:id/aanbevelingen/:recommendationId — one recommendation: its text, stakeholder
// group and the threads it rests on (a superseded or withdrawn thread stays, marked), where it
// is in the review (and the next steps a researcher may take), the review conversation with
// experts by experience, the samenhang with other recommendations, and the history of every
// change. Someone else's save meanwhile shows both versions side by side, to keep one.
import { useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type {
  Recommendation,
  RecommendationUpdate,
  ReviewState,
} from '../../../shared/contract/recommendations';
import { isApiError } from '../../app/api';
import { fieldId, useCheckedSubmit, type FieldErrors } from '../../app/form-errors';
import { useFlash } from '../../app/useFlash';
import { Alert } from '../../ui/Alert';
import { BackLink } from '../../ui/BackLink';
import { DataList } from '../../ui/DataList';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormProblems } from '../../ui/FormProblems';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { SelectField } from '../../ui/SelectField';
import { StatusBadge } from '../../ui/StatusBadge';
import { TextareaField } from '../../ui/TextareaField';
import { TextField } from '../../ui/TextField';
import { VersionConflict, differing } from '../../ui/VersionConflict';
import { formatDate, formatDateTime } from '../../ui/format';
import { AppLink } from '../../ui/links';
import {
  fetchRecommendationHistory,
  linkRecommendation,
  moveRecommendation,
  recommendationKeys,
  recommendationListQuery,
  recommendationQuery,
  unlinkRecommendation,
  updateRecommendation,
} from './api';
import {
  RecommendationFields,
  checkRecommendationDraft,
  recommendationFieldOrder,
  threadLabel,
  type RecommendationDraft,
} from './RecommendationFields';
import { ReviewSection } from './ReviewSection';
import { stateBadge, stateText } from './labels';
import './recommendations.css';

export function RecommendationPage() {
  const { t } = useTranslation();
  const { id: programmeId = '', recommendationId = '' } = useParams();
  const flash = useFlash();
  const query = useQuery(recommendationQuery(programmeId, recommendationId));
  const back = (
    <BackLink to={`/programmes/${programmeId}/aanbevelingen`}>
      {t('recommendations.backToList')}
    </BackLink>
  );
  if (query.isPending) return <LoadingState />;
  if (query.isError)
    return (
      <>
        {back}
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  return (
    <>
      {back}
      <RecommendationView recommendation={query.data} flash={flash} />
    </>
  );
}

function RecommendationView({
  recommendation: r,
  flash,
}: {
  recommendation: Recommendation;
  flash: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [isEditing, setIsEditing] = useState(false);
  const replace = (next: Recommendation) => {
    queryClient.setQueryData(recommendationKeys.detail(next.id), next);
    void queryClient.invalidateQueries({ queryKey: ['recommendations', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['recommendations', 'matrix'] });
    void queryClient.invalidateQueries({ queryKey: recommendationKeys.history(next.id) });
  };
  return (
    <>
      {flash && (
        <Alert type="ok">
          <p className="kl-alert__text">{flash}</p>
        </Alert>
      )}
      <PageHeading>
        {t('recommendations.detailTitle', { number: r.number, title: r.title })}
      </PageHeading>
      <p className="kl-rec-badges">
        <StatusBadge status={stateBadge[r.reviewState]}>{stateText(r.reviewState, t)}</StatusBadge>
        <StatusBadge status="neutral">{r.stakeholderGroup.label}</StatusBadge>
      </p>
      {r.reviewState === 'withdrawn' && (
        <Alert type="info">
          <p className="kl-alert__text">
            {t('recommendations.withdrawnBecause', { reason: r.withdrawnReason ?? '' })}
          </p>
        </Alert>
      )}
      {isEditing ? (
        <EditForm recommendation={r} onDone={() => setIsEditing(false)} onSaved={replace} />
      ) : (
        <>
          <DataList
            items={[
              {
                key: 'group',
                label: t('recommendations.form.group'),
                value: r.stakeholderGroup.label,
              },
              {
                key: 'body',
                label: t('recommendations.form.body'),
                value: r.body ? (
                  <span className="kl-rec-body">{r.body}</span>
                ) : (
                  t('recommendations.none')
                ),
              },
              {
                key: 'threads',
                label: t('recommendations.form.threads'),
                value: (
                  <ul className="kl-rec-plain-list">
                    {r.threads.map((th) => (
                      <li key={th.id}>
                        <AppLink to={`/programmes/${r.programmeId}/synthese/draden/${th.id}`}>
                          {threadLabel(th, t)}
                        </AppLink>
                      </li>
                    ))}
                  </ul>
                ),
              },
              {
                key: 'version',
                label: t('recommendations.version'),
                value: t('recommendations.versionOf', {
                  version: r.version,
                  date: formatDateTime(r.updatedAt, i18n.language),
                }),
              },
              ...(r.publishedAt
                ? [
                    {
                      key: 'published',
                      label: t('recommendations.publishedOn'),
                      value: formatDate(r.publishedAt.slice(0, 10), i18n.language),
                    },
                  ]
                : []),
            ]}
          />
          {r.abilities.edit && (
            <p>
              <Button purpose="secondary" onClick={() => setIsEditing(true)}>
                {t('recommendations.edit')}
              </Button>
            </p>
          )}
        </>
      )}
      <StateSection recommendation={r} onSaved={replace} />
      <ReviewSection recommendation={r} onSaved={replace} />
      <LinksSection recommendation={r} onSaved={replace} />
      <HistorySection recommendation={r} />
    </>
  );
}

const editFormId = 'rec-edit';
const compared = ['title', 'body', 'stakeholderGroup', 'threadIds'] as const;

function EditForm({
  recommendation: r,
  onDone,
  onSaved,
}: {
  recommendation: Recommendation;
  onDone: () => void;
  onSaved: (next: Recommendation) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const programme = useQuery(recommendationListQuery(r.programmeId));
  const groups = programme.data?.programme.stakeholderGroups ?? [r.stakeholderGroup];
  const threads = programme.data?.threads ?? r.threads;
  const [draft, setDraft] = useState<RecommendationDraft>({
    title: r.title,
    body: r.body,
    stakeholderGroup: r.stakeholderGroup.code,
    threadIds: r.threads.map((th) => th.id),
  });
  const [version, setVersion] = useState(r.version);
  const mutation = useMutation({
    mutationFn: (body: RecommendationUpdate) => updateRecommendation(r.programmeId, r.id, body),
    onSuccess: (saved) => {
      onSaved(saved);
      onDone();
    },
  });
  const { errors, submit } = useCheckedSubmit(
    mutation,
    () => checkRecommendationDraft(draft, t),
    () => ({ ...draft, version }),
  );
  const conflict =
    isApiError(mutation.error) && mutation.error.code === 'CONFLICT'
      ? (mutation.error.details.current as Record<string, unknown> | undefined)
      : undefined;
  const shown = (key: (typeof compared)[number], value: unknown): string => {
    if (key === 'threadIds')
      return (Array.isArray(value) ? (value as string[]) : [])
        .map((id) => threads.find((th) => th.id === id))
        .filter((th) => th !== undefined)
        .map((th) => threadLabel(th, t))
        .join('; ');
    if (key === 'stakeholderGroup')
      return groups.find((g) => g.code === value)?.label ?? String(value ?? '');
    return String(value ?? '');
  };
  const conflictFields = conflict
    ? differing(
        compared.map((key) => ({
          key,
          label: t(`recommendations.fields.${key}`),
          yours: shown(key, key === 'threadIds' ? [...draft.threadIds].sort() : draft[key]),
          current: shown(key, conflict[key]),
        })),
      )
    : [];
  const willReturnToReview = r.reviewState === 'approved' || r.reviewState === 'published';
  return (
    <section aria-labelledby={`${editFormId}-heading`} className="kl-rec-form">
      <Heading level={2} id={`${editFormId}-heading`}>
        {t('recommendations.editTitle')}
      </Heading>
      {willReturnToReview && (
        <Alert type="warning">
          <p className="kl-alert__text">
            {r.reviewState === 'published'
              ? t('recommendations.editPublishedWarning')
              : t('recommendations.editApprovedWarning')}
          </p>
        </Alert>
      )}
      {conflict ? (
        <VersionConflict
          fields={conflictFields}
          texts="recommendations.conflict"
          isBusy={mutation.isPending}
          onSave={(picks) => {
            const merged: RecommendationDraft = { ...draft };
            for (const key of compared) {
              if (picks[key] !== 'current') continue;
              if (key === 'threadIds') merged.threadIds = (conflict.threadIds as string[]) ?? [];
              else merged[key] = String(conflict[key] ?? '');
            }
            const current = Number(conflict.version);
            setVersion(current);
            setDraft(merged);
            mutation.mutate({ ...merged, version: current });
          }}
          onKeepCurrent={() => {
            void queryClient.invalidateQueries({ queryKey: recommendationKeys.detail(r.id) });
            onDone();
          }}
        />
      ) : (
        <form id={editFormId} onSubmit={submit} noValidate>
          <FormProblems
            formId={editFormId}
            errors={errors}
            order={recommendationFieldOrder}
            submitError={mutation.error}
          />
          <RecommendationFields
            formId={editFormId}
            draft={draft}
            onChange={setDraft}
            errors={errors}
            groups={groups}
            threads={threads}
            linkedThreadIds={r.threads.map((th) => th.id)}
          />
          <div className="kl-rec-buttons">
            <Button type="submit" purpose="primary" busy={mutation.isPending}>
              {t('recommendations.form.save')}
            </Button>
            <Button type="button" purpose="secondary" onClick={onDone}>
              {t('recommendations.cancel')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

const stateFormId = 'rec-state';

function StateSection({
  recommendation: r,
  onSaved,
}: {
  recommendation: Recommendation;
  onSaved: (next: Recommendation) => void;
}) {
  const { t } = useTranslation();
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const mutation = useMutation({
    mutationFn: (body: { to: ReviewState; reason: string }) =>
      moveRecommendation(r.programmeId, r.id, { ...body, version: r.version }),
    onSuccess: (saved) => {
      setWithdrawing(false);
      setReason('');
      onSaved(saved);
    },
  });
  const { errors, submit } = useCheckedSubmit(
    mutation,
    (): FieldErrors => (reason.trim() ? {} : { reason: t('recommendations.state.reasonRequired') }),
    () => ({ to: 'withdrawn' as const, reason }),
  );
  const forward = r.nextStates.filter((s) => s !== 'withdrawn');
  return (
    <section aria-labelledby="rec-state-heading" className="kl-rec-section">
      <Heading level={2} id="rec-state-heading">
        {t('recommendations.state.title')}
      </Heading>
      <Paragraph>{t(`recommendations.state.explain.${r.reviewState}`)}</Paragraph>
      {r.abilities.move && (
        <>
          {!withdrawing && mutation.error ? <ErrorAlert error={mutation.error} /> : null}
          <div className="kl-rec-buttons">
            {forward.map((to) => (
              <Button
                key={to}
                purpose={to === 'draft' ? 'secondary' : 'primary'}
                busy={mutation.isPending}
                onClick={() => mutation.mutate({ to, reason: '' })}
              >
                {t(`recommendations.state.moveTo.${to}`)}
              </Button>
            ))}
            {r.nextStates.includes('withdrawn') && !withdrawing && (
              <Button purpose="secondary" hint="negative" onClick={() => setWithdrawing(true)}>
                {t('recommendations.state.moveTo.withdrawn')}
              </Button>
            )}
          </div>
          {withdrawing && (
            <form id={stateFormId} onSubmit={submit} noValidate className="kl-rec-form">
              <FormProblems
                formId={stateFormId}
                errors={errors}
                order={['reason']}
                submitError={mutation.error}
              />
              <TextareaField
                id={fieldId(stateFormId, 'reason')}
                label={t('recommendations.state.reason')}
                description={t('recommendations.state.reasonHint')}
                value={reason}
                onChange={setReason}
                error={errors.reason}
                rows={3}
              />
              <div className="kl-rec-buttons">
                <Button type="submit" purpose="primary" hint="negative" busy={mutation.isPending}>
                  {t('recommendations.state.confirmWithdraw')}
                </Button>
                <Button type="button" purpose="secondary" onClick={() => setWithdrawing(false)}>
                  {t('recommendations.cancel')}
                </Button>
              </div>
            </form>
          )}
        </>
      )}
    </section>
  );
}

const linkFormId = 'rec-link';

function LinksSection({
  recommendation: r,
  onSaved,
}: {
  recommendation: Recommendation;
  onSaved: (next: Recommendation) => void;
}) {
  const { t } = useTranslation();
  const programme = useQuery({
    ...recommendationListQuery(r.programmeId),
    enabled: r.abilities.link,
  });
  const [otherId, setOtherId] = useState('');
  const [note, setNote] = useState('');
  const add = useMutation({
    mutationFn: () => linkRecommendation(r.programmeId, r.id, { recommendationId: otherId, note }),
    onSuccess: (saved) => {
      setOtherId('');
      setNote('');
      onSaved(saved);
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => unlinkRecommendation(r.programmeId, r.id, id),
    onSuccess: onSaved,
  });
  const { errors, submit } = useCheckedSubmit(
    add,
    (): FieldErrors => (otherId ? {} : { recommendationId: t('recommendations.links.chooseOne') }),
    () => undefined,
  );
  const linked = new Set(r.links.map((l) => l.recommendation.id));
  const candidates = (programme.data?.items ?? []).filter(
    (i) => i.id !== r.id && !linked.has(i.id) && i.reviewState !== 'withdrawn',
  );
  return (
    <section aria-labelledby="rec-links-heading" className="kl-rec-section">
      <Heading level={2} id="rec-links-heading">
        {t('recommendations.links.title')}
      </Heading>
      {r.links.length === 0 ? (
        <Paragraph>{t('recommendations.links.none')}</Paragraph>
      ) : (
        <ul className="kl-rec-list">
          {r.links.map((l) => (
            <li key={l.recommendation.id}>
              <AppLink to={`/programmes/${r.programmeId}/aanbevelingen/${l.recommendation.id}`}>
                {t('recommendations.numbered', {
                  number: l.recommendation.number,
                  title: l.recommendation.title,
                })}
              </AppLink>{' '}
              <span className="kl-rec-muted">({stateText(l.recommendation.reviewState, t)})</span>
              {l.note && <p className="kl-rec-list__threads">{l.note}</p>}
              {r.abilities.link && (
                <Button
                  purpose="subtle"
                  busy={remove.isPending && remove.variables === l.recommendation.id}
                  onClick={() => remove.mutate(l.recommendation.id)}
                >
                  {t('recommendations.links.remove', { number: l.recommendation.number })}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {remove.error ? <ErrorAlert error={remove.error} /> : null}
      {r.abilities.link && (
        <form id={linkFormId} onSubmit={submit} noValidate className="kl-rec-form">
          <Heading level={3}>{t('recommendations.links.add')}</Heading>
          <FormProblems
            formId={linkFormId}
            errors={errors}
            order={['recommendationId', 'note']}
            submitError={add.error}
          />
          <SelectField
            id={fieldId(linkFormId, 'recommendationId')}
            label={t('recommendations.links.other')}
            placeholder={t('recommendations.form.choose')}
            value={otherId}
            options={candidates.map((c) => ({
              value: c.id,
              label: t('recommendations.numbered', { number: c.number, title: c.title }),
            }))}
            onChange={setOtherId}
            error={errors.recommendationId}
          />
          <TextField
            id={fieldId(linkFormId, 'note')}
            label={t('recommendations.links.note')}
            description={t('recommendations.links.noteHint')}
            value={note}
            onChange={setNote}
            error={errors.note}
            isOptional
          />
          <Button type="submit" purpose="secondary" busy={add.isPending}>
            {t('recommendations.links.addButton')}
          </Button>
        </form>
      )}
    </section>
  );
}

function HistorySection({ recommendation: r }: { recommendation: Recommendation }) {
  const { t, i18n } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const history = useQuery({
    queryKey: recommendationKeys.history(r.id),
    queryFn: ({ signal }) => fetchRecommendationHistory(r.programmeId, r.id, signal),
    enabled: isOpen,
  });
  const value = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('recommendations.none');
    if (field === 'reviewState') return stateText(v as ReviewState, t);
    if (field === 'verdict') return t(`recommendations.verdict.${String(v)}`);
    if (field === 'threadIds')
      return t('recommendations.history.threadCount', { count: (v as string[]).length });
    return String(v);
  };
  return (
    <section aria-labelledby="rec-history-heading" className="kl-rec-section">
      <Heading level={2} id="rec-history-heading">
        {t('recommendations.history.title')}
      </Heading>
      {!isOpen ? (
        <Button purpose="secondary" onClick={() => setIsOpen(true)}>
          {t('recommendations.history.show')}
        </Button>
      ) : history.isPending ? (
        <LoadingState />
      ) : history.isError ? (
        <ErrorAlert error={history.error} />
      ) : (
        <ol className="kl-rec-history">
          {history.data.items.map((item) => (
            <li key={item.id}>
              <strong>{formatDateTime(item.changedAt, i18n.language)}</strong> ·{' '}
              {item.changedBy ?? t('recommendations.history.someone')} ·{' '}
              {t(`recommendations.history.change.${item.change}`, {
                version: item.version,
                number: (item.after ?? item.before)?.linkedWith,
              })}
              {item.change === 'reviewed' && item.after?.verdict
                ? `: ${value('verdict', item.after.verdict)}`
                : null}
              {item.change !== 'created' && item.fields.length > 0 && (
                <ul>
                  {item.fields
                    .filter((f) => f !== 'linkedWith' && f !== 'verdict')
                    .map((f) => (
                      <li key={f}>
                        {t(`recommendations.fields.${f}`, { defaultValue: f })}:{' '}
                        <span className="kl-rec-muted">{value(f, item.before?.[f])}</span> →{' '}
                        {value(f, item.after?.[f])}
                      </li>
                    ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
