// /cases/:id — one case: its code and facts, a way to its timeline (and the timeline as PDF), its
// dossier research, interviews, review meetings and explanatory analysis, its progress and
// retention, the colleagues assigned to it, its participants (with their own access for the youth
// and parents) and the consent per participant per purpose. The forms show only when the case may
// be changed.
import { useEffect, useState } from 'react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import type { CaseDetail } from '../../../shared/contract/cases';
import { useFlash } from '../../app/useFlash';
import { Alert } from '../../ui/Alert';
import { BackLink } from '../../ui/BackLink';
import { DataList } from '../../ui/DataList';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ButtonLink } from '../../ui/links';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { formatDate } from '../../ui/format';
import { StatusBadge } from '../../ui/StatusBadge';
import { AddParticipantForm } from './AddParticipantForm';
import { caseKeys, caseQuery, timelinePdfPath } from './api';
import { CaseAssignments } from './CaseAssignments';
import { CaseProgress } from './CaseProgress';
import './cases.css';
import { InviteParticipant } from './InviteParticipant';
import { genderText, participantName, statusBadge, statusText } from './case-labels';
import { ConsentGrid } from './ConsentGrid';
import { ParticipantTable } from './ParticipantTable';
import { RecordConsentForm } from './RecordConsentForm';

export function CaseDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const flash = useFlash();
  const query = useQuery(caseQuery(id));
  // Arriving at a section (/cases/:id#consent-heading, from the dossier page): continue there,
  // after the shell has focused the page heading.
  const { hash } = useLocation();
  const isLoaded = query.isSuccess;
  useEffect(() => {
    if (!isLoaded || !hash) return;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        const target = document.getElementById(decodeURIComponent(hash.slice(1)));
        target?.focus();
        target?.scrollIntoView?.({ block: 'start' });
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [isLoaded, hash]);

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <>
        <BackLink to="/cases">{t('cases.backToList')}</BackLink>
        <PageHeading>{t('case.titleEmpty')}</PageHeading>
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const detail = query.data;
  return (
    <>
      <BackLink to="/cases">{t('cases.backToList')}</BackLink>
      <div className="kl-page-header">
        <PageHeading>{t('case.title', { code: detail.code })}</PageHeading>
        <div className="kl-case-actions">
          {/* The timeline screen (/cases/:id/timeline) is built separately; this is its way in. */}
          <ButtonLink to={`/cases/${detail.id}/timeline`} purpose="secondary">
            {t('case.timeline')}
          </ButtonLink>
          <ButtonLink to={`/cases/${detail.id}/dossier`} purpose="secondary">
            {t('dossier.caseLink')}
          </ButtonLink>
          <ButtonLink to={`/cases/${detail.id}/interviews`} purpose="secondary">
            {t('case.interviews')}
          </ButtonLink>
          <ButtonLink to={`/cases/${detail.id}/meetings`} purpose="secondary">
            {t('meetings.caseLink')}
          </ButtonLink>
          <ButtonLink to={`/cases/${detail.id}/analysis`} purpose="secondary">
            {t('analysis.caseLink')}
          </ButtonLink>
          <a
            href={timelinePdfPath(detail.id)}
            download
            className="nl-button nl-button--subtle kl-button-link"
          >
            {t('case.timelinePdf')}
          </a>
        </div>
      </div>
      {flash && <Alert type="ok">{flash}</Alert>}
      <DataList
        items={[
          {
            key: 'status',
            label: t('common.status'),
            value: (
              <StatusBadge status={statusBadge(detail.status)}>
                {statusText(detail.status, t)}
              </StatusBadge>
            ),
          },
          { key: 'type', label: t('case.institutionType'), value: detail.institutionTypeLabel },
          { key: 'region', label: t('case.region'), value: detail.regionName },
          { key: 'team', label: t('case.team'), value: detail.teamName },
          { key: 'birthYear', label: t('case.birthYear'), value: detail.birthYear },
          ...(detail.gender
            ? [{ key: 'gender', label: t('case.gender'), value: genderText(detail.gender, t) }]
            : []),
          {
            key: 'retention',
            label: t('case.retentionUntil'),
            value: detail.retentionUntil
              ? formatDate(detail.retentionUntil, i18n.language)
              : t('case.retentionNone'),
          },
        ]}
      />
      <CaseSections detail={detail} />
    </>
  );
}

function refreshCase(queryClient: QueryClient, caseId: string) {
  void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
  void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
}

/** Progress, assignments, participants and consent, each section announcing its own changes. */
function CaseSections({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [progressMessage, setProgressMessage] = useState('');
  const [participantMessage, setParticipantMessage] = useState('');
  const [consentMessage, setConsentMessage] = useState('');
  const canUpdate = detail.abilities.update;
  const invitable = detail.participants.filter((p) => p.kind === 'youth' || p.kind === 'parent');

  const refresh = () => refreshCase(queryClient, detail.id);

  return (
    <>
      {canUpdate && (
        <section className="kl-section" aria-labelledby="progress-heading">
          {/* A new version (saved, or loaded after a conflict) starts the form afresh. */}
          <CaseProgress
            key={detail.version}
            detail={detail}
            onSaved={(message) => {
              setProgressMessage(message);
              refresh();
            }}
            onReload={refresh}
          />
          <div role="status" className="kl-status-line">
            {progressMessage}
          </div>
        </section>
      )}
      <CaseAssignments detail={detail} onChanged={refresh} />
      <section className="kl-section" aria-labelledby="participants-heading">
        <Heading level={2} id="participants-heading">
          {t('participants.title')}
        </Heading>
        <div role="status" className="kl-status-line">
          {participantMessage}
        </div>
        {detail.participants.length === 0 ? (
          <EmptyState>{t('participants.empty')}</EmptyState>
        ) : (
          <ParticipantTable participants={detail.participants} />
        )}
        {canUpdate && invitable.length > 0 && (
          <section className="kl-invites" aria-labelledby="invite-heading">
            <Heading level={3} id="invite-heading">
              {t('invite.title')}
            </Heading>
            <Paragraph>{t('invite.intro')}</Paragraph>
            <ul className="kl-invites__list">
              {invitable.map((participant) => (
                <InviteParticipant
                  key={participant.id}
                  caseId={detail.id}
                  participant={participant}
                />
              ))}
            </ul>
          </section>
        )}
        {canUpdate && (
          <AddParticipantForm
            caseId={detail.id}
            onAdded={(message) => {
              setParticipantMessage(message);
              refresh();
            }}
          />
        )}
      </section>
      <section className="kl-section" aria-labelledby="consent-heading">
        <Heading level={2} id="consent-heading" tabIndex={-1}>
          {t('consent.title')}
        </Heading>
        <Paragraph>{t('consent.intro')}</Paragraph>
        <div role="status" className="kl-status-line">
          {consentMessage}
        </div>
        {detail.participants.length === 0 ? (
          <EmptyState>{t('consent.noParticipants')}</EmptyState>
        ) : (
          detail.participants.map((participant) => (
            <section
              key={participant.id}
              className="kl-consent-participant"
              aria-labelledby={`consent-participant-${participant.id}`}
            >
              <Heading level={3} id={`consent-participant-${participant.id}`}>
                {participantName(participant, t)}
              </Heading>
              <ConsentGrid
                detail={detail}
                participant={participant}
                onWithdrawn={(message, headingId) => {
                  setConsentMessage(message);
                  refresh();
                  // The button that was pressed is gone: continue at the purpose's heading.
                  document.getElementById(headingId)?.focus();
                }}
              />
            </section>
          ))
        )}
        {canUpdate && detail.participants.length > 0 && (
          <RecordConsentForm
            detail={detail}
            onRecorded={(message) => {
              setConsentMessage(message);
              refresh();
            }}
          />
        )}
      </section>
    </>
  );
}
