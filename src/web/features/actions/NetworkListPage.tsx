// /lerend-netwerk — the learning network's meetings of a programme (typically one a quarter),
// newest first, with how many attended, how much material and how many actions came from each;
// whoever may plan them adds one here and lands on its page.
import { useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { fieldId, useCheckedSubmit } from '../../app/form-errors';
import { flashState } from '../../app/useFlash';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormProblems } from '../../ui/FormProblems';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { Pagination } from '../../ui/Pagination';
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
import { TextField } from '../../ui/TextField';
import { formatDate } from '../../ui/format';
import { AppLink } from '../../ui/links';
import {
  actionKeys,
  actionProgrammesQuery,
  networkListQuery,
  planNetworkMeeting,
  type ActionProgramme,
  type NetworkMeetingInput,
} from './api';
import { networkBadge, networkStatusText } from './labels';
import { ProgrammeChoice, useProgrammeChoice } from './ProgrammeChoice';
import './actions.css';

export function NetworkListPage() {
  const { t, i18n } = useTranslation();
  const programmes = useQuery(actionProgrammesQuery());
  const choice = useProgrammeChoice(programmes.data?.items, (p) => p.abilities.readNetwork);
  const [searchParams, setSearchParams] = useSearchParams();
  const page = Math.max(1, Number(searchParams.get('page')) || 1);
  const list = useQuery({
    ...networkListQuery(choice.programme?.id ?? '', page),
    enabled: choice.programme !== null,
  });
  return (
    <>
      <PageHeading>{t('actions.network.title')}</PageHeading>
      <Paragraph>{t('actions.network.intro')}</Paragraph>
      {programmes.isPending ? (
        <LoadingState />
      ) : programmes.isError ? (
        <ErrorAlert error={programmes.error} onRetry={() => void programmes.refetch()} />
      ) : !choice.programme ? (
        <EmptyState>{t('actions.network.noProgramme')}</EmptyState>
      ) : (
        <>
          <ProgrammeChoice choice={choice} />
          {list.isPending ? (
            <LoadingState />
          ) : list.isError ? (
            <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
          ) : list.data.items.length === 0 ? (
            <EmptyState>{t('actions.network.empty')}</EmptyState>
          ) : (
            <>
              <Table caption={t('actions.network.caption', { name: choice.programme.name })}>
                <TableHead>
                  <HeaderCell>{t('actions.network.when')}</HeaderCell>
                  <HeaderCell>{t('actions.network.theme')}</HeaderCell>
                  <HeaderCell>{t('common.status')}</HeaderCell>
                  <HeaderCell className="kl-numeric-header">
                    {t('actions.network.attendees')}
                  </HeaderCell>
                  <HeaderCell className="kl-numeric-header">
                    {t('actions.network.materials')}
                  </HeaderCell>
                  <HeaderCell className="kl-numeric-header">
                    {t('actions.network.actions')}
                  </HeaderCell>
                </TableHead>
                <TableBody>
                  {list.data.items.map((m) => (
                    <TableRow key={m.id}>
                      <RowHeaderCell>
                        <AppLink to={`/lerend-netwerk/${m.id}`}>
                          {formatDate(m.meetsOn, i18n.language)}
                        </AppLink>
                      </RowHeaderCell>
                      <Cell>{m.theme}</Cell>
                      <Cell>
                        <StatusBadge status={networkBadge[m.status]}>
                          {networkStatusText(m.status, t)}
                        </StatusBadge>
                      </Cell>
                      <Cell isNumeric>{m.attendees}</Cell>
                      <Cell isNumeric>{m.materials}</Cell>
                      <Cell isNumeric>{m.actions}</Cell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <Pagination
                page={list.data.page}
                pageSize={list.data.pageSize}
                total={list.data.total}
                onPage={(next) =>
                  setSearchParams((previous) => {
                    const params = new URLSearchParams(previous);
                    params.set('page', String(next));
                    return params;
                  })
                }
              />
            </>
          )}
          {choice.programme.abilities.writeNetwork && <PlanForm programme={choice.programme} />}
        </>
      )}
    </>
  );
}

const formId = 'network-new';

function PlanForm({ programme }: { programme: ActionProgramme }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({ theme: '', meetsOn: '', location: '' });
  const mutation = useMutation({
    mutationFn: (body: NetworkMeetingInput) => planNetworkMeeting(programme.id, body),
    onSuccess: (meeting) => {
      queryClient.setQueryData(actionKeys.network(meeting.id), meeting);
      void queryClient.invalidateQueries({ queryKey: ['network', 'list'] });
      void navigate(`/lerend-netwerk/${meeting.id}`, {
        state: flashState(
          t('actions.network.planned', { date: formatDate(meeting.meetsOn, i18n.language) }),
        ),
      });
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
    () => ({ ...draft, theme: draft.theme.trim(), location: draft.location.trim() }),
  );
  return (
    <section aria-labelledby={`${formId}-heading`} className="kl-act-form">
      <Heading level={2} id={`${formId}-heading`}>
        {t('actions.network.plan')}
      </Heading>
      <form id={formId} onSubmit={submit} noValidate>
        <FormProblems
          formId={formId}
          errors={errors}
          order={['theme', 'meetsOn', 'location']}
          submitError={mutation.error}
        />
        <TextField
          id={fieldId(formId, 'theme')}
          label={t('actions.network.theme')}
          value={draft.theme}
          onChange={(theme) => setDraft({ ...draft, theme })}
          error={errors.theme}
        />
        <TextField
          id={fieldId(formId, 'meetsOn')}
          type="date"
          label={t('actions.network.when')}
          value={draft.meetsOn}
          onChange={(meetsOn) => setDraft({ ...draft, meetsOn })}
          error={errors.meetsOn}
        />
        <TextField
          id={fieldId(formId, 'location')}
          label={t('actions.network.location')}
          value={draft.location}
          onChange={(location) => setDraft({ ...draft, location })}
          error={errors.location}
          isOptional
        />
        <Button type="submit" purpose="primary" disabled={mutation.isPending}>
          {t('actions.network.planButton')}
        </Button>
      </form>
    </section>
  );
}
