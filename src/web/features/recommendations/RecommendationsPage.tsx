// /programmes/:id/aanbevelingen — the recommendations of a programme in three views: a list per
// stakeholder group (filters: review state, thread), the matrix threads × stakeholder groups,
// and the samenhang graph with the same content as a list in words. Researchers write a new
// recommendation here; experts by experience see first what waits for their review. The view and
// filters live in the address, so a view can be shared and the back button returns to it.
import { lazy, Suspense, useCallback, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import {
  reviewStates,
  type RecommendationList,
  type RecommendationSummary,
  type ReviewState,
} from '../../../shared/contract/recommendations';
import { useCheckedSubmit } from '../../app/form-errors';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormProblems } from '../../ui/FormProblems';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { SelectField } from '../../ui/SelectField';
import { StatusBadge } from '../../ui/StatusBadge';
import { BackLink } from '../../ui/BackLink';
import { AppLink } from '../../ui/links';
import {
  createRecommendation,
  recommendationKeys,
  recommendationListQuery,
  recommendationMatrixQuery,
  type ListFilters,
} from './api';
import {
  RecommendationFields,
  checkRecommendationDraft,
  recommendationFieldOrder,
  threadLabel,
  type RecommendationDraft,
} from './RecommendationFields';
import { RecommendationMatrix } from './RecommendationMatrix';
import { SamenhangList } from './SamenhangList';
import { stateBadge, stateText } from './labels';
import './recommendations.css';

const SamenhangGraph = lazy(async () => ({
  default: (await import('./SamenhangGraph')).SamenhangGraph,
}));

const views = ['lijst', 'matrix', 'samenhang'] as const;
type View = (typeof views)[number];

export function RecommendationsPage() {
  const { t } = useTranslation();
  const { id: programmeId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const view: View = views.find((v) => v === params.get('weergave')) ?? 'lijst';
  const stateParam = params.get('fase');
  const filters: ListFilters = {
    ...(reviewStates.find((s) => s === stateParam) ? { state: stateParam as ReviewState } : {}),
    ...(params.get('draad') ? { threadId: params.get('draad')! } : {}),
  };
  // The whole programme (for the groups, threads, matrix and graph), and the filtered list.
  const all = useQuery(recommendationListQuery(programmeId));
  const filtered = useQuery({
    ...recommendationListQuery(programmeId, filters),
    enabled: view === 'lijst' && Object.keys(filters).length > 0,
  });
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: key !== 'weergave' });
  };

  if (all.isPending) return <LoadingState />;
  if (all.isError)
    return (
      <>
        <BackLink to="/synthese">{t('recommendations.backToSynthesis')}</BackLink>
        <ErrorAlert error={all.error} onRetry={() => void all.refetch()} />
      </>
    );
  const data = all.data;
  const listed = Object.keys(filters).length > 0 ? filtered.data : data;
  return (
    <>
      <BackLink to="/synthese">{t('recommendations.backToSynthesis')}</BackLink>
      <PageHeading>{t('recommendations.title', { programme: data.programme.name })}</PageHeading>
      <Paragraph>{t('recommendations.intro')}</Paragraph>
      {data.abilities.review && <ToReview programmeId={programmeId} data={data} />}
      {data.abilities.write && <NewRecommendation programmeId={programmeId} data={data} />}
      <nav className="kl-rec-views" aria-label={t('recommendations.views.label')}>
        <ul>
          {views.map((v) => (
            <li key={v}>
              <button
                type="button"
                className="kl-rec-views__tab"
                aria-pressed={view === v}
                onClick={() => setParam('weergave', v === 'lijst' ? '' : v)}
              >
                {t(`recommendations.views.${v}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {view === 'lijst' && (
        <section aria-labelledby="rec-list-heading">
          <Heading level={2} id="rec-list-heading">
            {t('recommendations.views.lijst')}
          </Heading>
          <div className="kl-rec-filters">
            <SelectField
              id="rec-filter-state"
              label={t('recommendations.filters.state')}
              value={filters.state ?? ''}
              placeholder={t('recommendations.filters.all')}
              options={reviewStates.map((s) => ({ value: s, label: stateText(s, t) }))}
              onChange={(value) => setParam('fase', value)}
              isOptional
            />
            <SelectField
              id="rec-filter-thread"
              label={t('recommendations.filters.thread')}
              value={filters.threadId ?? ''}
              placeholder={t('recommendations.filters.all')}
              options={data.threads.map((th) => ({
                value: th.id,
                label: t('recommendations.threadName', { number: th.number, title: th.title }),
              }))}
              onChange={(value) => setParam('draad', value)}
              isOptional
            />
          </div>
          {!listed ? (
            filtered.isError ? (
              <ErrorAlert error={filtered.error} onRetry={() => void filtered.refetch()} />
            ) : (
              <LoadingState />
            )
          ) : (
            <GroupedList programmeId={programmeId} data={data} items={listed.items} />
          )}
        </section>
      )}
      {view === 'matrix' && <MatrixView programmeId={programmeId} />}
      {view === 'samenhang' && <SamenhangView programmeId={programmeId} data={data} />}
    </>
  );
}

function ItemLine({ programmeId, item }: { programmeId: string; item: RecommendationSummary }) {
  const { t } = useTranslation();
  return (
    <>
      <AppLink to={`/programmes/${programmeId}/aanbevelingen/${item.id}`}>
        {t('recommendations.numbered', { number: item.number, title: item.title })}
      </AppLink>{' '}
      <StatusBadge status={stateBadge[item.reviewState]}>
        {stateText(item.reviewState, t)}
      </StatusBadge>
    </>
  );
}

function GroupedList({
  programmeId,
  data,
  items,
}: {
  programmeId: string;
  data: RecommendationList;
  items: RecommendationSummary[];
}) {
  const { t } = useTranslation();
  if (items.length === 0)
    return (
      <EmptyState>
        {data.items.length === 0
          ? t('recommendations.list.empty')
          : t('recommendations.list.noneMatch')}
      </EmptyState>
    );
  const threadsById = new Map(data.threads.map((th) => [th.id, th]));
  const groups = data.programme.stakeholderGroups;
  const known = new Set(groups.map((g) => g.code));
  const others = items.filter((i) => !known.has(i.stakeholderGroup));
  return (
    <>
      {[
        ...groups,
        ...(others.length ? [{ code: '', label: t('recommendations.list.otherGroup') }] : []),
      ].map((group) => {
        const inGroup = group.code
          ? items.filter((i) => i.stakeholderGroup === group.code)
          : others;
        const headingId = `rec-group-${group.code || 'other'}`;
        return (
          <section key={group.code} aria-labelledby={headingId} className="kl-rec-group">
            <Heading level={3} id={headingId}>
              {group.label} <span className="kl-rec-muted">({inGroup.length})</span>
            </Heading>
            {inGroup.length === 0 ? (
              <p className="kl-rec-muted">{t('recommendations.list.noneInGroup')}</p>
            ) : (
              <ul className="kl-rec-list">
                {inGroup.map((item) => (
                  <li key={item.id}>
                    <ItemLine programmeId={programmeId} item={item} />
                    <p className="kl-rec-list__threads">
                      {t('recommendations.list.restsOn')}{' '}
                      {item.threadIds
                        .map((tid) => threadsById.get(tid))
                        .filter((th) => th !== undefined)
                        .map((th) => threadLabel(th, t))
                        .join('; ')}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}

function MatrixView({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const matrix = useQuery(recommendationMatrixQuery(programmeId));
  return (
    <section aria-labelledby="rec-matrix-heading">
      <Heading level={2} id="rec-matrix-heading">
        {t('recommendations.views.matrix')}
      </Heading>
      {matrix.isPending ? (
        <LoadingState />
      ) : matrix.isError ? (
        <ErrorAlert error={matrix.error} onRetry={() => void matrix.refetch()} />
      ) : (
        <RecommendationMatrix programmeId={programmeId} matrix={matrix.data} />
      )}
    </section>
  );
}

function SamenhangView({ programmeId, data }: { programmeId: string; data: RecommendationList }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useCallback(
    (id: string) => void navigate(`/programmes/${programmeId}/aanbevelingen/${id}`),
    [navigate, programmeId],
  );
  const shown = data.items.filter((i) => i.reviewState !== 'withdrawn');
  return (
    <section aria-labelledby="rec-samenhang-heading">
      <Heading level={2} id="rec-samenhang-heading">
        {t('recommendations.views.samenhang')}
      </Heading>
      <Paragraph>{t('recommendations.samenhang.intro')}</Paragraph>
      {shown.length === 0 ? (
        <EmptyState>{t('recommendations.list.empty')}</EmptyState>
      ) : (
        <>
          <Suspense fallback={<LoadingState />}>
            <SamenhangGraph
              label={t('recommendations.samenhang.graphLabel', {
                count: shown.length,
                links: data.links.length,
              })}
              items={data.items}
              links={data.links}
              groups={data.programme.stakeholderGroups}
              onOpen={open}
            />
          </Suspense>
          <Heading level={3} id="rec-samenhang-words">
            {t('recommendations.samenhang.inWords')}
          </Heading>
          <SamenhangList
            programmeId={programmeId}
            items={data.items}
            links={data.links}
            groups={data.programme.stakeholderGroups}
            headingId="rec-samenhang-words"
          />
        </>
      )}
    </section>
  );
}

function ToReview({ programmeId, data }: { programmeId: string; data: RecommendationList }) {
  const { t } = useTranslation();
  const waiting = data.items.filter((i) => i.awaitsMyReview);
  return (
    <section aria-labelledby="rec-to-review" className="kl-rec-to-review">
      <Heading level={2} id="rec-to-review">
        {t('recommendations.toReview.title')}
      </Heading>
      {waiting.length === 0 ? (
        <Paragraph>{t('recommendations.toReview.none')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('recommendations.toReview.intro', { count: waiting.length })}</Paragraph>
          <ul className="kl-rec-list">
            {waiting.map((item) => (
              <li key={item.id}>
                <ItemLine programmeId={programmeId} item={item} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

const newFormId = 'rec-new';
const emptyDraft: RecommendationDraft = {
  title: '',
  body: '',
  stakeholderGroup: '',
  threadIds: [],
};

function NewRecommendation({
  programmeId,
  data,
}: {
  programmeId: string;
  data: RecommendationList;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [isOpen, setIsOpen] = useState(false);
  const [draft, setDraft] = useState<RecommendationDraft>(emptyDraft);
  const mutation = useMutation({
    mutationFn: (body: RecommendationDraft) =>
      createRecommendation(programmeId, { ...body, links: [] }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: recommendationKeys.all });
      queryClient.setQueryData(recommendationKeys.detail(created.id), created);
      void navigate(`/programmes/${programmeId}/aanbevelingen/${created.id}`, {
        state: { flash: t('recommendations.created', { number: created.number }) },
      });
    },
  });
  const { errors, submit } = useCheckedSubmit(
    mutation,
    () => checkRecommendationDraft(draft, t),
    () => draft,
  );
  if (!isOpen)
    return (
      <p>
        <Button purpose="primary" onClick={() => setIsOpen(true)} aria-expanded={false}>
          {t('recommendations.new')}
        </Button>
      </p>
    );
  return (
    <section aria-labelledby={`${newFormId}-heading`} className="kl-rec-form">
      <Heading level={2} id={`${newFormId}-heading`}>
        {t('recommendations.new')}
      </Heading>
      <form id={newFormId} onSubmit={submit} noValidate>
        <FormProblems
          formId={newFormId}
          errors={errors}
          order={recommendationFieldOrder}
          submitError={mutation.error}
        />
        <RecommendationFields
          formId={newFormId}
          draft={draft}
          onChange={setDraft}
          errors={errors}
          groups={data.programme.stakeholderGroups}
          threads={data.threads}
        />
        <div className="kl-rec-buttons">
          <Button type="submit" purpose="primary" busy={mutation.isPending}>
            {t('recommendations.form.create')}
          </Button>
          <Button
            type="button"
            purpose="secondary"
            onClick={() => {
              setIsOpen(false);
              setDraft(emptyDraft);
              mutation.reset();
            }}
          >
            {t('recommendations.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
