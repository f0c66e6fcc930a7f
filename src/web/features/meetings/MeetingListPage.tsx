// /cases/:id/meetings — the review meetings (casusreview / leerbijeenkomst) of one case, oldest
// first, and for whoever may plan them the form "Casusreview plannen" (3 hours and 1 hour of
// preparation unless changed). A planned meeting opens at once.
import { useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Meeting } from '../../../shared/contract/meetings';
import { useCheckedSubmit } from '../../app/form-errors';
import { flashState } from '../../app/useFlash';
import { BackLink } from '../../ui/BackLink';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormProblems } from '../../ui/FormProblems';
import { AppLink } from '../../ui/links';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
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
import { formatMoment } from '../../ui/format';
import { caseQuery } from '../cases/api';
import { meetingKeys, meetingListQuery, planMeeting, type MeetingInput } from './api';
import { durationText, meetingBadge, statusText } from './labels';
import {
  checkMeetingDraft,
  emptyMeetingDraft,
  inputFromDraft,
  meetingFieldOrder,
  MeetingFields,
  type MeetingDraft,
} from './MeetingFields';
import './meetings.css';

export function MeetingListPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const caseDetail = useQuery({ ...caseQuery(id), retry: false });
  const list = useQuery(meetingListQuery(id));
  const code = caseDetail.data?.code;

  return (
    <>
      <BackLink to={`/cases/${id}`}>
        {code ? t('meetings.backToCaseCode', { code }) : t('meetings.backToCase')}
      </BackLink>
      <PageHeading>
        {code ? t('meetings.list.title', { code }) : t('meetings.list.titleEmpty')}
      </PageHeading>
      <Paragraph>{t('meetings.list.intro')}</Paragraph>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          {list.data.items.length === 0 ? (
            <EmptyState>
              {list.data.abilities.plan ? t('meetings.list.emptyPlan') : t('meetings.list.empty')}
            </EmptyState>
          ) : (
            <Table caption={t('meetings.list.caption', { count: list.data.items.length })}>
              <TableHead>
                <HeaderCell>{t('meetings.list.when')}</HeaderCell>
                <HeaderCell>{t('meetings.list.duration')}</HeaderCell>
                <HeaderCell>{t('common.status')}</HeaderCell>
                <HeaderCell className="kl-numeric-header">
                  {t('meetings.list.attendees')}
                </HeaderCell>
                <HeaderCell className="kl-numeric-header">
                  {t('meetings.list.contributions')}
                </HeaderCell>
                <HeaderCell className="kl-numeric-header">
                  {t('meetings.list.planSteps')}
                </HeaderCell>
              </TableHead>
              <TableBody>
                {list.data.items.map((meeting) => (
                  <TableRow key={meeting.id}>
                    <RowHeaderCell>
                      <AppLink to={`/cases/${id}/meetings/${meeting.id}`}>
                        {formatMoment(meeting.plannedAt, i18n.language)}
                      </AppLink>
                    </RowHeaderCell>
                    <Cell>{durationText(meeting.durationMinutes, t)}</Cell>
                    <Cell>
                      <StatusBadge status={meetingBadge[meeting.status]}>
                        {statusText(meeting.status, t)}
                      </StatusBadge>
                    </Cell>
                    <Cell isNumeric>{meeting.attendees}</Cell>
                    <Cell isNumeric>{meeting.contributions}</Cell>
                    <Cell isNumeric>{meeting.planSteps}</Cell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {list.data.abilities.plan && (
            <ScheduleMeetingForm
              caseId={id}
              onPlanned={(meeting) =>
                void navigate(`/cases/${id}/meetings/${meeting.id}`, {
                  state: flashState(
                    t('meetings.schedule.planned', {
                      when: formatMoment(meeting.plannedAt, i18n.language),
                    }),
                  ),
                })
              }
            />
          )}
        </>
      )}
    </>
  );
}

const formId = 'meeting-new';

function ScheduleMeetingForm({
  caseId,
  onPlanned,
}: {
  caseId: string;
  onPlanned: (meeting: Meeting) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<MeetingDraft>(emptyMeetingDraft);
  const mutation = useMutation({
    mutationFn: (body: MeetingInput) => planMeeting(caseId, body),
    onSuccess: (meeting) => {
      queryClient.setQueryData(meetingKeys.detail(caseId, meeting.id), meeting);
      void queryClient.invalidateQueries({ queryKey: meetingKeys.list(caseId) });
      onPlanned(meeting);
    },
  });
  const { errors, submit } = useCheckedSubmit(
    mutation,
    () => checkMeetingDraft(draft, t),
    () => inputFromDraft(draft),
  );

  return (
    <section className="kl-section" aria-labelledby="meeting-new-heading">
      <form noValidate onSubmit={submit} className="kl-form kl-mt-form">
        <Heading level={2} id="meeting-new-heading">
          {t('meetings.schedule.title')}
        </Heading>
        <Paragraph>{t('meetings.schedule.intro')}</Paragraph>
        <FormProblems
          formId={formId}
          errors={errors}
          order={meetingFieldOrder}
          submitError={mutation.error}
        />
        <MeetingFields
          formId={formId}
          draft={draft}
          onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
          errors={errors}
        />
        <div className="kl-form__actions">
          <Button type="submit" purpose="primary" busy={mutation.isPending}>
            {t('meetings.schedule.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
