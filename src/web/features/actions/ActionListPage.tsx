// /acties — improvement actions. "Alle acties" of a programme (with filters by status,
// organisation, stakeholder group and "only overdue", a search and paging, all kept in the URL)
// or "Mijn acties" (the reader is the owner person, across programmes). Overdue actions carry a
// marker in every row. Whoever may write actions in the programme adds one here.
import { useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { actionSorts, actionStatuses, type ActionRow } from '../../../shared/contract/actions';
import { useCheckedSubmit } from '../../app/form-errors';
import { useListParams } from '../../app/useListParams';
import { flashState } from '../../app/useFlash';
import { CheckboxField } from '../../ui/CheckboxField';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormProblems } from '../../ui/FormProblems';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { Pagination } from '../../ui/Pagination';
import { SearchBox } from '../../ui/SearchBox';
import { SelectField } from '../../ui/SelectField';
import { StatusBadge } from '../../ui/StatusBadge';
import {
  Cell,
  HeaderCell,
  RowHeaderCell,
  Table,
  TableBody,
  TableHead,
  TableRow,
} from '../../ui/Table';
import { formatDate } from '../../ui/format';
import { AppLink } from '../../ui/links';
import { organisationOptionsQuery } from '../organisations/api';
import {
  ActionFields,
  actionFieldOrder,
  checkActionDraft,
  emptyActionDraft,
  inputFromDraft,
  type ActionDraft,
} from './ActionFields';
import {
  actionKeys,
  actionListQuery,
  actionProgrammesQuery,
  createAction,
  type ActionInput,
  type ActionProgramme,
  linkTargetsQuery,
} from './api';
import { statusBadge, statusText } from './labels';
import { ProgrammeChoice, useProgrammeChoice } from './ProgrammeChoice';
import './actions.css';

const pageSize = 25;
const filterNames = ['view', 'status', 'org', 'group', 'overdue', 'draad', 'aanbeveling'] as const;

export function ActionListPage() {
  const { t } = useTranslation();
  const programmes = useQuery(actionProgrammesQuery());
  const choice = useProgrammeChoice(programmes.data?.items, (p) => p.abilities.readActions);
  const params = useListParams(actionSorts, 'dueOn', filterNames);
  const canSeeAll = choice.programme !== null;
  const view = !canSeeAll || params.filters.view === 'mijn' ? 'mine' : 'all';

  return (
    <>
      <PageHeading>{t('actions.list.title')}</PageHeading>
      <Paragraph>{t('actions.list.intro')}</Paragraph>
      {programmes.isPending ? (
        <LoadingState />
      ) : programmes.isError ? (
        <ErrorAlert error={programmes.error} onRetry={() => void programmes.refetch()} />
      ) : (
        <>
          {canSeeAll && (
            <>
              <ProgrammeChoice choice={choice} />
              <div className="kl-act-views" role="group" aria-label={t('actions.list.views')}>
                <ul>
                  {(['all', 'mine'] as const).map((v) => (
                    <li key={v}>
                      <button
                        type="button"
                        className="kl-act-views__tab"
                        aria-pressed={view === v}
                        onClick={() => params.setFilter('view', v === 'mine' ? 'mijn' : '')}
                      >
                        {t(`actions.list.view.${v}`)}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            </>
          )}
          <ActionTable programme={view === 'all' ? choice.programme : null} params={params} />
          {view === 'all' && choice.programme?.abilities.writeActions && (
            <NewActionForm programme={choice.programme} />
          )}
        </>
      )}
    </>
  );
}

function ActionTable({
  programme,
  params,
}: {
  programme: ActionProgramme | null;
  params: ReturnType<
    typeof useListParams<(typeof actionSorts)[number], (typeof filterNames)[number]>
  >;
}) {
  const { t, i18n } = useTranslation();
  const organisations = useQuery({ ...organisationOptionsQuery(), enabled: programme !== null });
  const query = {
    page: params.page,
    pageSize,
    sort: params.sort,
    ...(params.q ? { q: params.q } : {}),
    ...(params.filters.status ? { status: params.filters.status as ActionRow['status'] } : {}),
    ...(params.filters.org ? { ownerOrganisationId: params.filters.org } : {}),
    ...(params.filters.group ? { stakeholderGroup: params.filters.group } : {}),
    ...(params.filters.overdue === '1' ? { isOverdue: 'true' as const } : {}),
    ...(programme && params.filters.draad ? { threadId: params.filters.draad } : {}),
    ...(programme && params.filters.aanbeveling
      ? { recommendationId: params.filters.aanbeveling }
      : {}),
  };
  // What actions can come from (threads, recommendations): offered to those who link actions.
  const targets = useQuery({
    ...linkTargetsQuery(programme?.id ?? ''),
    enabled: programme !== null && programme.abilities.writeActions,
  });
  const list = useQuery(actionListQuery(programme?.id ?? null, query));
  return (
    <section aria-labelledby="kl-act-list-heading" className="kl-act-list">
      <Heading level={2} id="kl-act-list-heading">
        {programme ? t('actions.list.allOf', { name: programme.name }) : t('actions.list.mine')}
      </Heading>
      <div className="kl-act-filters">
        <SearchBox
          label={t('actions.list.search')}
          initialQuery={params.q}
          onSearch={params.setQuery}
        />
        <SelectField
          id="kl-act-filter-status"
          label={t('actions.list.filterStatus')}
          value={params.filters.status}
          options={actionStatuses.map((s) => ({ value: s, label: statusText(s, t) }))}
          placeholder={t('actions.list.any')}
          onChange={(value) => params.setFilter('status', value)}
          isOptional
        />
        {programme && (
          <>
            <SelectField
              id="kl-act-filter-org"
              label={t('actions.list.filterOrganisation')}
              value={params.filters.org}
              options={(organisations.data?.items ?? []).map((o) => ({
                value: o.id,
                label: o.name,
              }))}
              placeholder={t('actions.list.any')}
              onChange={(value) => params.setFilter('org', value)}
              isOptional
            />
            <SelectField
              id="kl-act-filter-group"
              label={t('actions.list.filterGroup')}
              value={params.filters.group}
              options={programme.stakeholderGroups.map((g) => ({ value: g.code, label: g.label }))}
              placeholder={t('actions.list.any')}
              onChange={(value) => params.setFilter('group', value)}
              isOptional
            />
            {(targets.data?.threads.length ?? 0) > 0 && (
              <SelectField
                id="kl-act-filter-thread"
                label={t('actions.list.filterThread')}
                value={params.filters.draad}
                options={(targets.data?.threads ?? []).map((th) => ({
                  value: th.id,
                  label: t('actions.links.thread', { detail: `${th.number}. ${th.title}` }),
                }))}
                placeholder={t('actions.list.any')}
                onChange={(value) => params.setFilter('draad', value)}
                isOptional
              />
            )}
            {(targets.data?.recommendations.length ?? 0) > 0 && (
              <SelectField
                id="kl-act-filter-recommendation"
                label={t('actions.list.filterRecommendation')}
                value={params.filters.aanbeveling}
                options={(targets.data?.recommendations ?? []).map((r) => ({
                  value: r.id,
                  label: t('actions.links.recommendation', { detail: `${r.number}. ${r.title}` }),
                }))}
                placeholder={t('actions.list.any')}
                onChange={(value) => params.setFilter('aanbeveling', value)}
                isOptional
              />
            )}
          </>
        )}
        <SelectField
          id="kl-act-sort"
          label={t('actions.list.sort')}
          value={params.sort}
          options={actionSorts.map((s) => ({ value: s, label: t(`actions.list.sorts.${s}`) }))}
          onChange={(value) => params.setSort(value as (typeof actionSorts)[number])}
        />
        <CheckboxField
          id="kl-act-filter-overdue"
          label={t('actions.list.onlyOverdue')}
          isChecked={params.filters.overdue === '1'}
          onChange={(isChecked) => params.setFilter('overdue', isChecked ? '1' : '')}
        />
      </div>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          {list.data.overdue > 0 && (
            <p className="kl-act-overdue-note">
              <StatusBadge status="danger">{t('actions.overdue')}</StatusBadge>{' '}
              {t('actions.list.overdueCount', { count: list.data.overdue })}
            </p>
          )}
          {list.data.items.length === 0 ? (
            <EmptyState>
              {params.filters.status ||
              params.filters.org ||
              params.filters.group ||
              params.filters.overdue ||
              params.q
                ? t('actions.list.noMatch')
                : t('actions.list.empty')}
            </EmptyState>
          ) : (
            <>
              <ul
                className="kl-act-cards"
                aria-label={t('actions.list.caption', { count: list.data.total })}
              >
                {list.data.items.map((action) => (
                  <li key={action.id} className="kl-act-card">
                    <AppLink to={`/acties/${action.id}`} className="kl-act-card__title">
                      {action.title}
                    </AppLink>
                    <p className="kl-act-badges">
                      <StatusBadge status={statusBadge[action.status]}>
                        {statusText(action.status, t)}
                      </StatusBadge>
                      {action.isOverdue && (
                        <StatusBadge status="danger">{t('actions.overdue')}</StatusBadge>
                      )}
                    </p>
                    <dl className="kl-act-card__facts">
                      {!programme && (
                        <>
                          <dt>{t('actions.list.programme')}</dt>
                          <dd>{action.programmeName}</dd>
                        </>
                      )}
                      <dt>{t('actions.list.due')}</dt>
                      <dd>{formatDate(action.dueOn, i18n.language)}</dd>
                      <dt>{t('actions.list.owner')}</dt>
                      <dd>
                        {action.ownerOrganisationName}
                        {action.ownerName && (
                          <span className="kl-act-muted"> · {action.ownerName}</span>
                        )}
                      </dd>
                      <dt>{t('actions.list.group')}</dt>
                      <dd>{action.stakeholderGroupLabel}</dd>
                    </dl>
                  </li>
                ))}
              </ul>
              <div className="kl-act-wide">
                <Table
                  caption={t('actions.list.caption', { count: list.data.total })}
                  isCaptionHidden
                >
                  <TableHead>
                    <HeaderCell>{t('actions.list.what')}</HeaderCell>
                    {!programme && <HeaderCell>{t('actions.list.programme')}</HeaderCell>}
                    <HeaderCell>{t('actions.list.group')}</HeaderCell>
                    <HeaderCell>{t('actions.list.owner')}</HeaderCell>
                    <HeaderCell>{t('actions.list.due')}</HeaderCell>
                    <HeaderCell>{t('common.status')}</HeaderCell>
                  </TableHead>
                  <TableBody>
                    {list.data.items.map((action) => (
                      <TableRow key={action.id}>
                        <RowHeaderCell>
                          <AppLink to={`/acties/${action.id}`}>{action.title}</AppLink>
                        </RowHeaderCell>
                        {!programme && <Cell>{action.programmeName}</Cell>}
                        <Cell>{action.stakeholderGroupLabel}</Cell>
                        <Cell>
                          {action.ownerOrganisationName}
                          {action.ownerName && (
                            <span className="kl-act-muted kl-act-block">{action.ownerName}</span>
                          )}
                        </Cell>
                        <Cell className={action.isOverdue ? 'kl-act-overdue-cell' : undefined}>
                          {formatDate(action.dueOn, i18n.language)}
                          {action.isOverdue && (
                            <>
                              {' '}
                              <StatusBadge status="danger">{t('actions.overdue')}</StatusBadge>
                            </>
                          )}
                        </Cell>
                        <Cell>
                          <StatusBadge status={statusBadge[action.status]}>
                            {statusText(action.status, t)}
                          </StatusBadge>
                        </Cell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            </>
          )}
          <Pagination
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onPage={params.setPage}
          />
        </>
      )}
    </section>
  );
}

const formId = 'action-new';

function NewActionForm({ programme }: { programme: ActionProgramme }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [isOpen, setIsOpen] = useState(false);
  const [draft, setDraft] = useState<ActionDraft>(emptyActionDraft);
  const mutation = useMutation({
    mutationFn: (body: ActionInput) => createAction(programme.id, body),
    onSuccess: (action) => {
      queryClient.setQueryData(actionKeys.detail(action.id), action);
      void queryClient.invalidateQueries({ queryKey: actionKeys.lists });
      void navigate(`/acties/${action.id}`, {
        state: flashState(t('actions.form.created', { title: action.title })),
      });
    },
  });
  const { errors, submit } = useCheckedSubmit(
    mutation,
    () => checkActionDraft(draft, t),
    () => ({ ...inputFromDraft(draft), links: [] }),
  );
  if (!isOpen)
    return (
      <p className="kl-act-new-open">
        <Button purpose="primary" onClick={() => setIsOpen(true)}>
          {t('actions.form.new')}
        </Button>
      </p>
    );
  return (
    <section aria-labelledby={`${formId}-heading`} className="kl-act-form">
      <Heading level={2} id={`${formId}-heading`}>
        {t('actions.form.newTitle')}
      </Heading>
      <form id={formId} onSubmit={submit} noValidate>
        <FormProblems
          formId={formId}
          errors={errors}
          order={actionFieldOrder}
          submitError={mutation.error}
        />
        <ActionFields
          formId={formId}
          programmeId={programme.id}
          stakeholderGroups={programme.stakeholderGroups}
          draft={draft}
          onChange={setDraft}
          errors={errors}
        />
        <div className="kl-act-buttons">
          <Button type="submit" purpose="primary" disabled={mutation.isPending}>
            {t('actions.form.save')}
          </Button>
          <Button type="button" purpose="secondary" onClick={() => setIsOpen(false)}>
            {t('actions.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
