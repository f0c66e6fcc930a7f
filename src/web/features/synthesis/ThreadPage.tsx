// /programmes/:id/synthese/draden/:threadId — one thread (rode draad): its title, status, what it
// supersedes or what superseded it, its description and linked codes, its evidence (the evidence
// feature's panel), and every version with what changed. Researchers edit an active thread, supersede or withdraw it.
import { useEffect, useRef, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Thread } from '../../../shared/contract/synthesis';
import { useFlash } from '../../app/useFlash';
import { Alert } from '../../ui/Alert';
import { BackLink } from '../../ui/BackLink';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { AppLink } from '../../ui/links';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { boardQuery, threadQuery } from './api';
import { ThreadEvidence } from '../evidence/ThreadEvidence';
import { StatusOf } from './StatusOf';
import { ThreadActions } from './ThreadActions';
import { ThreadEditor } from './ThreadEditor';
import { ThreadVersions } from './ThreadVersions';
import './synthesis.css';

export function ThreadPage() {
  const { id = '', threadId = '' } = useParams();
  const flash = useFlash();
  const query = useQuery(threadQuery(id, threadId));
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  // Keyed by thread: another thread's page starts with its own editor state.
  return <ThreadView key={query.data.id} thread={query.data} flash={flash} />;
}

function ThreadView({ thread, flash }: { thread: Thread; flash: string | undefined }) {
  const { t } = useTranslation();
  const [isEditing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  // Back from the editor (saved or cancelled): its button takes focus again.
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (!isEditing && wasEditing.current) editButton.current?.focus();
    wasEditing.current = isEditing;
  }, [isEditing]);
  const programmeId = thread.programmeId;
  const board = useQuery({ ...boardQuery(programmeId), enabled: isEditing });
  const link = (other: { id: string }) => `/programmes/${programmeId}/synthese/draden/${other.id}`;
  const message = saved ?? flash;
  return (
    <div className="kl-sy-page">
      <BackLink to={`/programmes/${programmeId}/synthese`}>{t('synthesis.thread.back')}</BackLink>
      <PageHeading>
        {t('synthesis.thread.heading', { number: thread.number, title: thread.title })}
      </PageHeading>
      {message && (
        <Alert type="ok">
          <p className="kl-alert__text">{message}</p>
        </Alert>
      )}
      <p className="kl-sy-status">
        <StatusOf status={thread.status} />
        {thread.theme && (
          <span className="kl-sy-meta">
            {t('synthesis.thread.fromTheme', { name: thread.theme.name })}
          </span>
        )}
      </p>
      {thread.supersededBy && (
        <Alert type="info">
          <p className="kl-alert__text">
            {t('synthesis.thread.supersededNotice')}{' '}
            <AppLink to={link(thread.supersededBy)}>
              {t('synthesis.thread.numberedTitle', {
                number: thread.supersededBy.number,
                title: thread.supersededBy.title,
              })}
            </AppLink>
          </p>
        </Alert>
      )}
      {thread.status === 'withdrawn' && (
        <Alert type="warning">
          <p className="kl-alert__text">
            {t('synthesis.thread.withdrawnNotice', { reason: thread.statusReason ?? '' })}
          </p>
        </Alert>
      )}
      {thread.supersedes.length > 0 && (
        <p className="nl-paragraph">
          {t('synthesis.thread.supersedes', { count: thread.supersedes.length })}{' '}
          {thread.supersedes.map((old, index) => (
            <span key={old.id}>
              {index > 0 && ', '}
              <AppLink to={link(old)}>
                {t('synthesis.thread.numberedTitle', { number: old.number, title: old.title })}
              </AppLink>
            </span>
          ))}
        </p>
      )}

      {isEditing ? (
        board.isPending ? (
          <LoadingState />
        ) : board.isError ? (
          <ErrorAlert error={board.error} onRetry={() => void board.refetch()} />
        ) : (
          <ThreadEditor
            programmeId={programmeId}
            codes={board.data.codes}
            thread={thread}
            onDone={(result) => {
              setEditing(false);
              if (result) setSaved(t('synthesis.thread.saved', { version: result.version }));
            }}
          />
        )
      ) : (
        <section className="kl-sy-section" aria-labelledby="thread-about">
          <Heading level={2} id="thread-about">
            {t('synthesis.thread.about')}
          </Heading>
          {thread.description ? (
            <p className="nl-paragraph kl-sy-prewrap">{thread.description}</p>
          ) : (
            <p className="kl-sy-empty">{t('synthesis.thread.noDescription')}</p>
          )}
          <Heading level={3}>{t('synthesis.thread.codes')}</Heading>
          <ul className="kl-sy-chips">
            {thread.codes.map((code) => (
              <li key={code.id} className="kl-sy-chip">
                <span
                  className="kl-sy-swatch"
                  style={{ backgroundColor: code.color }}
                  aria-hidden="true"
                />
                {code.path}
                {code.archived && ` (${t('synthesis.thread.codeArchived')})`}
              </li>
            ))}
          </ul>
          <p className="kl-sy-meta">{t('synthesis.thread.codesNote')}</p>
          {thread.abilities.edit && (
            <>
              <div className="kl-form__actions">
                <Button ref={editButton} purpose="primary" onClick={() => setEditing(true)}>
                  {t('synthesis.thread.edit')}
                </Button>
              </div>
              <ThreadActions thread={thread} />
            </>
          )}
        </section>
      )}

      <ThreadEvidence
        programmeId={programmeId}
        threadId={thread.id}
        codes={thread.codes.map((c) => ({ id: c.id, path: c.path }))}
      />

      <section className="kl-sy-section" aria-labelledby="thread-versions">
        <Heading level={2} id="thread-versions">
          {t('synthesis.versions.title')}
        </Heading>
        <ThreadVersions programmeId={programmeId} threadId={thread.id} />
      </section>
    </div>
  );
}
