// /lerend-netwerk/:id — one learning-network meeting: theme, date, place, status and outcomes;
// who attended (by organisation and role with a count, or a platform account); the material
// discussed (a quarterly report by region and quarter, a case summary without identifying detail
// — with a warning — or another document); the actions created there, and a form to create one
// (it links back to this meeting); the history of changes.
import { useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  materialKinds,
  networkMeetingStatuses,
  type NetworkMeeting,
  type NetworkMeetingStatus,
} from '../../../shared/contract/actions';
import { isApiError } from '../../app/api';
import { fieldId, useCheckedSubmit } from '../../app/form-errors';
import { flashState, useFlash } from '../../app/useFlash';
import { Alert } from '../../ui/Alert';
import { BackLink } from '../../ui/BackLink';
import { DataList } from '../../ui/DataList';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormProblems } from '../../ui/FormProblems';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
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
import { TextareaField } from '../../ui/TextareaField';
import { TextField } from '../../ui/TextField';
import { formatDate } from '../../ui/format';
import { AppLink } from '../../ui/links';
import { organisationOptionsQuery } from '../organisations/api';
import { regionListQuery } from '../reference/api';
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
  actionProgrammesQuery,
  addAttendee,
  addMaterial,
  createActionInMeeting,
  fetchNetworkHistory,
  networkMeetingQuery,
  ownerOptionsQuery,
  removeNetworkChild,
  updateNetworkMeeting,
  type ActionInput,
  type NetworkAttendeeInput,
  type NetworkMaterialInput,
  type NetworkMeetingUpdate,
  linkTargetsQuery,
} from './api';
import {
  materialKindText,
  networkBadge,
  networkStatusText,
  quarterText,
  statusBadge,
  statusText,
} from './labels';
import { HistorySection } from './HistorySection';
import './actions.css';

export function NetworkMeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const flash = useFlash();
  const meeting = useQuery(networkMeetingQuery(id));
  if (meeting.isPending) return <LoadingState />;
  if (meeting.isError)
    return (
      <>
        <BackLink to="/lerend-netwerk">{t('actions.network.back')}</BackLink>
        <ErrorAlert error={meeting.error} onRetry={() => void meeting.refetch()} />
      </>
    );
  return <MeetingView meeting={meeting.data} flash={flash} />;
}

function MeetingView({ meeting, flash }: { meeting: NetworkMeeting; flash: string | undefined }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [isEditing, setIsEditing] = useState(false);
  const replace = (next: NetworkMeeting) => {
    queryClient.setQueryData(actionKeys.network(next.id), next);
    void queryClient.invalidateQueries({ queryKey: ['network', 'list'] });
    void queryClient.invalidateQueries({ queryKey: actionKeys.networkHistory(next.id) });
  };
  const remove = useMutation({
    mutationFn: ({ path, childId }: { path: 'attendees' | 'materials'; childId: string }) =>
      removeNetworkChild(meeting.id, path, childId),
    onSuccess: replace,
  });
  return (
    <>
      <BackLink to={`/lerend-netwerk?programma=${meeting.programmeId}`}>
        {t('actions.network.back')}
      </BackLink>
      {flash && (
        <Alert type="ok">
          <p className="kl-alert__text">{flash}</p>
        </Alert>
      )}
      <PageHeading>{meeting.theme}</PageHeading>
      <p className="kl-act-badges">
        <StatusBadge status={networkBadge[meeting.status]}>
          {networkStatusText(meeting.status, t)}
        </StatusBadge>
      </p>
      {isEditing ? (
        <EditMeetingForm meeting={meeting} onDone={() => setIsEditing(false)} onSaved={replace} />
      ) : (
        <>
          <DataList
            items={[
              {
                key: 'programme',
                label: t('actions.list.programme'),
                value: meeting.programmeName,
              },
              {
                key: 'when',
                label: t('actions.network.when'),
                value: formatDate(meeting.meetsOn, i18n.language),
              },
              {
                key: 'location',
                label: t('actions.network.location'),
                value: meeting.location || t('actions.none'),
              },
              {
                key: 'outcomes',
                label: t('actions.network.outcomes'),
                value: meeting.outcomes ? (
                  <span className="kl-act-pre">{meeting.outcomes}</span>
                ) : (
                  t('actions.network.noOutcomes')
                ),
              },
            ]}
          />
          {meeting.abilities.edit && (
            <p>
              <Button purpose="secondary" onClick={() => setIsEditing(true)}>
                {t('actions.network.edit')}
              </Button>
            </p>
          )}
        </>
      )}

      <section aria-labelledby="kl-net-attendees" className="kl-act-section">
        <Heading level={2} id="kl-net-attendees">
          {t('actions.network.attendeesTitle')}
        </Heading>
        {meeting.attendees.length === 0 ? (
          <Paragraph>{t('actions.network.noAttendees')}</Paragraph>
        ) : (
          <Table caption={t('actions.network.attendeesTitle')} isCaptionHidden>
            <TableHead>
              <HeaderCell>{t('actions.network.organisation')}</HeaderCell>
              <HeaderCell>{t('actions.network.roleOrPerson')}</HeaderCell>
              <HeaderCell className="kl-numeric-header">{t('actions.network.count')}</HeaderCell>
              {meeting.abilities.edit && (
                <HeaderCell>
                  <span className="kl-visually-hidden">{t('actions.network.remove')}</span>
                </HeaderCell>
              )}
            </TableHead>
            <TableBody>
              {meeting.attendees.map((a) => (
                <TableRow key={a.id}>
                  <RowHeaderCell>{a.organisationName ?? t('actions.none')}</RowHeaderCell>
                  <Cell>{a.kind === 'user' ? a.userName : a.roleLabel}</Cell>
                  <Cell isNumeric>{a.count}</Cell>
                  {meeting.abilities.edit && (
                    <Cell>
                      <Button
                        purpose="subtle"
                        disabled={remove.isPending}
                        onClick={() => remove.mutate({ path: 'attendees', childId: a.id })}
                        aria-label={t('actions.network.removeAttendee', {
                          who: a.kind === 'user' ? a.userName : a.roleLabel,
                        })}
                      >
                        {t('actions.network.remove')}
                      </Button>
                    </Cell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {meeting.abilities.edit && <AttendeeForm meeting={meeting} onSaved={replace} />}
      </section>

      <section aria-labelledby="kl-net-materials" className="kl-act-section">
        <Heading level={2} id="kl-net-materials">
          {t('actions.network.materialsTitle')}
        </Heading>
        {meeting.materials.length === 0 ? (
          <Paragraph>{t('actions.network.noMaterials')}</Paragraph>
        ) : (
          <ul className="kl-act-materials">
            {meeting.materials.map((m) => (
              <li key={m.id} className="kl-act-material">
                <p className="kl-act-material__kind">{materialKindText(m.kind, t)}</p>
                {m.kind === 'quarterly_report' ? (
                  <p>
                    <strong>
                      {m.regionName ?? m.regionCode} · {quarterText(m.year, m.quarter, t)}
                    </strong>
                  </p>
                ) : (
                  <>
                    <p>
                      <strong>{m.title}</strong>
                    </p>
                    {m.body && <p className="kl-act-pre">{m.body}</p>}
                  </>
                )}
                {meeting.abilities.edit && (
                  <Button
                    purpose="subtle"
                    disabled={remove.isPending}
                    onClick={() => remove.mutate({ path: 'materials', childId: m.id })}
                    aria-label={t('actions.network.removeMaterial', {
                      what: m.title || materialKindText(m.kind, t),
                    })}
                  >
                    {t('actions.network.remove')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
        {remove.isError && <ErrorAlert error={remove.error} />}
        {meeting.abilities.edit && <MaterialForm meeting={meeting} onSaved={replace} />}
      </section>

      <section aria-labelledby="kl-net-actions" className="kl-act-section">
        <Heading level={2} id="kl-net-actions">
          {t('actions.network.actionsTitle')}
        </Heading>
        {meeting.actions.length === 0 ? (
          <EmptyState>{t('actions.network.noActions')}</EmptyState>
        ) : (
          <Table caption={t('actions.network.actionsTitle')} isCaptionHidden>
            <TableHead>
              <HeaderCell>{t('actions.list.what')}</HeaderCell>
              <HeaderCell>{t('actions.list.owner')}</HeaderCell>
              <HeaderCell>{t('actions.list.due')}</HeaderCell>
              <HeaderCell>{t('common.status')}</HeaderCell>
            </TableHead>
            <TableBody>
              {meeting.actions.map((a) => (
                <TableRow key={a.id}>
                  <RowHeaderCell>
                    <AppLink to={`/acties/${a.id}`}>{a.title}</AppLink>
                  </RowHeaderCell>
                  <Cell>{a.ownerOrganisationName}</Cell>
                  <Cell>
                    {formatDate(a.dueOn, i18n.language)}
                    {a.isOverdue && (
                      <>
                        {' '}
                        <StatusBadge status="danger">{t('actions.overdue')}</StatusBadge>
                      </>
                    )}
                  </Cell>
                  <Cell>
                    <StatusBadge status={statusBadge[a.status]}>
                      {statusText(a.status, t)}
                    </StatusBadge>
                  </Cell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {meeting.abilities.createAction && <NewActionHere meeting={meeting} />}
      </section>
      <NetworkHistory id={meeting.id} />
    </>
  );
}

const editFormId = 'network-edit';

function EditMeetingForm({
  meeting,
  onDone,
  onSaved,
}: {
  meeting: NetworkMeeting;
  onDone: () => void;
  onSaved: (meeting: NetworkMeeting) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({
    theme: meeting.theme,
    meetsOn: meeting.meetsOn,
    location: meeting.location,
    status: meeting.status,
    outcomes: meeting.outcomes,
  });
  const mutation = useMutation({
    mutationFn: (body: NetworkMeetingUpdate) => updateNetworkMeeting(meeting.id, body),
    onSuccess: (saved) => {
      onSaved(saved);
      onDone();
    },
  });
  const { errors, submit } = useCheckedSubmit(
    mutation,
    () => {
      const found: Record<string, string> = {};
      if (!draft.theme.trim()) found.theme = t('actions.network.themeMissing');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.meetsOn))
        found.meetsOn = t('actions.network.dateMissing');
      return found;
    },
    () => ({ ...draft, version: meeting.version }),
  );
  const isConflict = isApiError(mutation.error) && mutation.error.code === 'CONFLICT';
  const id = (path: string) => fieldId(editFormId, path);
  return (
    <section aria-labelledby={`${editFormId}-heading`} className="kl-act-form">
      <Heading level={2} id={`${editFormId}-heading`}>
        {t('actions.network.edit')}
      </Heading>
      {isConflict && (
        <Alert type="warning">
          <p className="kl-alert__text">{t('actions.network.conflict')}</p>
          <Button
            purpose="secondary"
            onClick={() => {
              void queryClient.invalidateQueries({ queryKey: actionKeys.network(meeting.id) });
              onDone();
            }}
          >
            {t('actions.network.reload')}
          </Button>
        </Alert>
      )}
      <form id={editFormId} onSubmit={submit} noValidate>
        <FormProblems
          formId={editFormId}
          errors={errors}
          order={['theme', 'meetsOn', 'location', 'status', 'outcomes']}
          submitError={isConflict ? null : mutation.error}
        />
        <TextField
          id={id('theme')}
          label={t('actions.network.theme')}
          value={draft.theme}
          onChange={(theme) => setDraft({ ...draft, theme })}
          error={errors.theme}
        />
        <TextField
          id={id('meetsOn')}
          type="date"
          label={t('actions.network.when')}
          value={draft.meetsOn}
          onChange={(meetsOn) => setDraft({ ...draft, meetsOn })}
          error={errors.meetsOn}
        />
        <TextField
          id={id('location')}
          label={t('actions.network.location')}
          value={draft.location}
          onChange={(location) => setDraft({ ...draft, location })}
          error={errors.location}
          isOptional
        />
        <SelectField
          id={id('status')}
          label={t('common.status')}
          value={draft.status}
          options={networkMeetingStatuses.map((s) => ({
            value: s,
            label: networkStatusText(s, t),
          }))}
          onChange={(status) => setDraft({ ...draft, status: status as NetworkMeetingStatus })}
        />
        <TextareaField
          id={id('outcomes')}
          label={t('actions.network.outcomes')}
          description={t('actions.network.outcomesHelp')}
          value={draft.outcomes}
          onChange={(outcomes) => setDraft({ ...draft, outcomes })}
          error={errors.outcomes}
          isOptional
          rows={5}
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
    </section>
  );
}

const attendeeFormId = 'network-attendee';

function AttendeeForm({
  meeting,
  onSaved,
}: {
  meeting: NetworkMeeting;
  onSaved: (meeting: NetworkMeeting) => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'group' | 'user'>('group');
  const [draft, setDraft] = useState({ organisationId: '', roleLabel: '', count: '1', userId: '' });
  const organisations = useQuery(organisationOptionsQuery());
  const accounts = useQuery({
    ...ownerOptionsQuery(meeting.programmeId, ''),
    enabled: kind === 'user',
  });
  const mutation = useMutation({
    mutationFn: (body: NetworkAttendeeInput) => addAttendee(meeting.id, body),
    onSuccess: (saved) => {
      setDraft({ organisationId: '', roleLabel: '', count: '1', userId: '' });
      onSaved(saved);
    },
  });
  const { errors, submit } = useCheckedSubmit(
    mutation,
    () => {
      const found: Record<string, string> = {};
      if (kind === 'group') {
        if (!draft.organisationId) found.organisationId = t('actions.form.organisationMissing');
        if (!draft.roleLabel.trim()) found.roleLabel = t('actions.network.roleMissing');
        const n = Number(draft.count);
        if (!Number.isInteger(n) || n < 1 || n > 500)
          found.count = t('actions.network.countInvalid');
      } else if (!draft.userId) found.userId = t('actions.network.userMissing');
      return found;
    },
    (): NetworkAttendeeInput =>
      kind === 'group'
        ? {
            kind,
            organisationId: draft.organisationId,
            roleLabel: draft.roleLabel.trim(),
            count: Number(draft.count),
          }
        : { kind, userId: draft.userId },
  );
  const id = (path: string) => fieldId(attendeeFormId, path);
  return (
    <form id={attendeeFormId} onSubmit={submit} noValidate className="kl-act-form">
      <Heading level={3}>{t('actions.network.addAttendee')}</Heading>
      <FormProblems
        formId={attendeeFormId}
        errors={errors}
        order={['organisationId', 'roleLabel', 'count', 'userId']}
        submitError={mutation.error}
      />
      <SelectField
        id={id('kind')}
        label={t('actions.network.attendeeKind')}
        value={kind}
        options={[
          { value: 'group', label: t('actions.network.kindGroup') },
          { value: 'user', label: t('actions.network.kindUser') },
        ]}
        onChange={(value) => setKind(value as 'group' | 'user')}
      />
      {kind === 'group' ? (
        <>
          <SelectField
            id={id('organisationId')}
            label={t('actions.network.organisation')}
            value={draft.organisationId}
            options={(organisations.data?.items ?? [])
              .filter((o) => !o.archivedAt)
              .map((o) => ({ value: o.id, label: o.name }))}
            placeholder={t('actions.form.choose')}
            onChange={(organisationId) => setDraft({ ...draft, organisationId })}
            error={errors.organisationId}
          />
          <TextField
            id={id('roleLabel')}
            label={t('actions.network.role')}
            description={t('actions.network.roleHelp')}
            value={draft.roleLabel}
            onChange={(roleLabel) => setDraft({ ...draft, roleLabel })}
            error={errors.roleLabel}
          />
          <TextField
            id={id('count')}
            type="number"
            min={1}
            max={500}
            inputMode="numeric"
            label={t('actions.network.count')}
            value={draft.count}
            onChange={(count) => setDraft({ ...draft, count })}
            error={errors.count}
          />
        </>
      ) : (
        <SelectField
          id={id('userId')}
          label={t('actions.network.account')}
          value={draft.userId}
          options={(accounts.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
          placeholder={t('actions.form.choose')}
          onChange={(userId) => setDraft({ ...draft, userId })}
          error={errors.userId}
        />
      )}
      <Button type="submit" purpose="secondary" disabled={mutation.isPending}>
        {t('actions.network.addAttendeeButton')}
      </Button>
    </form>
  );
}

const materialFormId = 'network-material';
type MaterialDraftKind = (typeof materialKinds)[number];

function MaterialForm({
  meeting,
  onSaved,
}: {
  meeting: NetworkMeeting;
  onSaved: (meeting: NetworkMeeting) => void;
}) {
  const { t } = useTranslation();
  const lastQuarter = previousQuarter(new Date());
  const [kind, setKind] = useState<MaterialDraftKind>('quarterly_report');
  const [draft, setDraft] = useState({
    regionCode: '',
    year: String(lastQuarter.year),
    quarter: String(lastQuarter.quarter),
    title: '',
    body: '',
    threadId: '',
  });
  const threads = useQuery({
    ...linkTargetsQuery(meeting.programmeId),
    enabled: kind === 'thread',
  });
  const regions = useQuery({
    ...regionListQuery({ page: 1, pageSize: 200, sort: 'name' }),
    enabled: kind === 'quarterly_report',
  });
  const mutation = useMutation({
    mutationFn: (body: NetworkMaterialInput) => addMaterial(meeting.id, body),
    onSuccess: (saved) => {
      setDraft({ ...draft, title: '', body: '' });
      onSaved(saved);
    },
  });
  const { errors, submit } = useCheckedSubmit(
    mutation,
    () => {
      const found: Record<string, string> = {};
      if (kind === 'thread') {
        if (!draft.threadId) found.targetId = t('actions.network.threadMissing');
      } else if (kind === 'quarterly_report') {
        if (!draft.regionCode) found.regionCode = t('actions.network.regionMissing');
        if (!/^\d{4}$/.test(draft.year)) found.year = t('actions.network.yearInvalid');
      } else {
        if (!draft.title.trim()) found.title = t('actions.network.titleMissing');
        if (kind === 'case_summary' && !draft.body.trim())
          found.body = t('actions.network.bodyMissing');
      }
      return found;
    },
    (): NetworkMaterialInput =>
      kind === 'thread'
        ? { kind, targetId: draft.threadId }
        : kind === 'quarterly_report'
          ? {
              kind,
              regionCode: draft.regionCode,
              year: Number(draft.year),
              quarter: Number(draft.quarter),
            }
          : { kind, title: draft.title.trim(), body: draft.body.trim() },
  );
  const id = (path: string) => fieldId(materialFormId, path);
  return (
    <form id={materialFormId} onSubmit={submit} noValidate className="kl-act-form">
      <Heading level={3}>{t('actions.network.addMaterial')}</Heading>
      <FormProblems
        formId={materialFormId}
        errors={errors}
        order={['kind', 'targetId', 'regionCode', 'year', 'quarter', 'title', 'body']}
        submitError={mutation.error}
      />
      <SelectField
        id={id('kind')}
        label={t('actions.network.materialKindLabel')}
        value={kind}
        options={materialKinds.map((k) => ({
          value: k,
          label: materialKindText(k, t),
        }))}
        onChange={(value) => setKind(value as MaterialDraftKind)}
      />
      {kind === 'thread' ? (
        <SelectField
          id={id('targetId')}
          label={t('actions.network.thread')}
          description={t('actions.network.threadHelp')}
          value={draft.threadId}
          options={(threads.data?.threads ?? []).map((th) => ({
            value: th.id,
            label: `${th.number}. ${th.title}`,
          }))}
          placeholder={t('actions.form.choose')}
          onChange={(threadId) => setDraft({ ...draft, threadId })}
          error={errors.targetId}
        />
      ) : kind === 'quarterly_report' ? (
        <>
          <SelectField
            id={id('regionCode')}
            label={t('actions.network.region')}
            value={draft.regionCode}
            options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
            placeholder={t('actions.form.choose')}
            onChange={(regionCode) => setDraft({ ...draft, regionCode })}
            error={errors.regionCode}
          />
          <TextField
            id={id('year')}
            inputMode="numeric"
            label={t('actions.network.year')}
            value={draft.year}
            onChange={(year) => setDraft({ ...draft, year })}
            error={errors.year}
          />
          <SelectField
            id={id('quarter')}
            label={t('actions.network.quarter')}
            value={draft.quarter}
            options={['1', '2', '3', '4'].map((q) => ({ value: q, label: `Q${q}` }))}
            onChange={(quarter) => setDraft({ ...draft, quarter })}
          />
        </>
      ) : (
        <>
          {kind === 'case_summary' && (
            <Alert type="warning">
              <p className="kl-alert__text">{t('actions.network.caseSummaryWarning')}</p>
            </Alert>
          )}
          <TextField
            id={id('title')}
            label={t('actions.network.materialTitle')}
            value={draft.title}
            onChange={(title) => setDraft({ ...draft, title })}
            error={errors.title}
          />
          <TextareaField
            id={id('body')}
            label={
              kind === 'case_summary'
                ? t('actions.network.summaryBody')
                : t('actions.network.notes')
            }
            value={draft.body}
            onChange={(body) => setDraft({ ...draft, body })}
            error={errors.body}
            isOptional={kind === 'document'}
            rows={5}
          />
        </>
      )}
      <Button type="submit" purpose="secondary" disabled={mutation.isPending}>
        {t('actions.network.addMaterialButton')}
      </Button>
    </form>
  );
}

/** The last quarter that has ended: the one a quarterly report is usually about. */
function previousQuarter(now: Date): { year: number; quarter: number } {
  const quarter = Math.floor(now.getMonth() / 3);
  return quarter === 0
    ? { year: now.getFullYear() - 1, quarter: 4 }
    : { year: now.getFullYear(), quarter };
}

const newActionFormId = 'network-action';

function NewActionHere({ meeting }: { meeting: NetworkMeeting }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const programmes = useQuery(actionProgrammesQuery());
  const groups =
    programmes.data?.items.find((p) => p.id === meeting.programmeId)?.stakeholderGroups ?? [];
  const [isOpen, setIsOpen] = useState(false);
  const [draft, setDraft] = useState<ActionDraft>(emptyActionDraft);
  const mutation = useMutation({
    mutationFn: (body: ActionInput) => createActionInMeeting(meeting.id, body),
    onSuccess: (action) => {
      queryClient.setQueryData(actionKeys.detail(action.id), action);
      void queryClient.invalidateQueries({ queryKey: actionKeys.network(meeting.id) });
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
      <p>
        <Button purpose="primary" onClick={() => setIsOpen(true)}>
          {t('actions.network.newAction')}
        </Button>
      </p>
    );
  return (
    <form id={newActionFormId} onSubmit={submit} noValidate className="kl-act-form">
      <Heading level={3}>{t('actions.network.newActionTitle')}</Heading>
      <FormProblems
        formId={newActionFormId}
        errors={errors}
        order={actionFieldOrder}
        submitError={mutation.error}
      />
      <ActionFields
        formId={newActionFormId}
        programmeId={meeting.programmeId}
        stakeholderGroups={groups}
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
  );
}

function NetworkHistory({ id }: { id: string }) {
  return (
    <HistorySection
      queryKey={actionKeys.networkHistory(id)}
      load={(signal) => fetchNetworkHistory(id, signal)}
      prefix="actions.network.history"
      headingId="kl-net-history"
    />
  );
}
