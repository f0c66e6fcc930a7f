// /cases/:id/interviews — the interviews of one case, oldest first, each as a card with its
// details, the way to code its transcript and, for whoever may change the case, editing,
// the transcript and removal; below, "Interview toevoegen" (only with a participant whose
// interview consent is complete) and, once something is coded, the quotes usable in reports. Changes are announced in a status line; after adding, the
// focus goes to the new interview, after removing to the list's heading.
import { useState } from 'react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useFlash } from '../../app/useFlash';
import { Alert } from '../../ui/Alert';
import { BackLink } from '../../ui/BackLink';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { caseQuery } from '../cases/api';
import { AddInterviewForm, type AddOutcome } from './AddInterviewForm';
import { interviewListQuery } from './api';
import { useFocusAfterRender } from './focus';
import { cardHeadingId, InterviewCard, type UploadNotice } from './InterviewCard';
import { participantText } from './labels';
import { QuotesSection } from './QuotesSection';
import './interviews.css';

export function InterviewsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const flash = useFlash();
  const caseDetail = useQuery({ ...caseQuery(id), retry: false });
  const list = useQuery(interviewListQuery(id));
  const [message, setMessage] = useState('');
  const [notices, setNotices] = useState<Record<string, UploadNotice>>({});
  const focusAfterRender = useFocusAfterRender();
  const code = caseDetail.data?.code;

  const added = ({ interview, upload }: AddOutcome) => {
    if (!interview) return;
    const who = participantText(interview, t);
    if (upload) setNotices((n) => ({ ...n, [interview.id]: upload }));
    setMessage(
      upload && 'error' in upload
        ? t('interviews.add.addedFileFailed', { who })
        : t('interviews.add.added', { who }),
    );
    focusAfterRender(cardHeadingId(interview.id));
  };

  return (
    <div className="kl-iv-page">
      <BackLink to={`/cases/${id}`}>
        {code ? t('interviews.backToCaseCode', { code }) : t('interviews.backToCase')}
      </BackLink>
      <PageHeading>
        {code ? t('interviews.list.title', { code }) : t('interviews.list.titleEmpty')}
      </PageHeading>
      <Paragraph>{t('interviews.list.intro')}</Paragraph>
      {flash && <Alert type="ok">{flash}</Alert>}
      <div role="status" className="kl-status-line">
        {message}
      </div>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <section className="kl-section" aria-labelledby="iv-list-heading">
            <Heading level={2} id="iv-list-heading" tabIndex={-1} className="kl-iv-focus-target">
              {t('interviews.list.heading', { count: list.data.items.length })}
            </Heading>
            {!list.data.abilities.create && <Paragraph>{t('interviews.list.readOnly')}</Paragraph>}
            {list.data.items.length === 0 ? (
              <EmptyState>
                {list.data.abilities.create
                  ? t('interviews.list.emptyAdd')
                  : t('interviews.list.empty')}
              </EmptyState>
            ) : (
              <ul className="kl-iv-cards">
                {list.data.items.map((interview) => (
                  <InterviewCard
                    key={interview.id}
                    caseId={id}
                    interview={interview}
                    canEdit={list.data.abilities.create}
                    notice={notices[interview.id]}
                    onMessage={setMessage}
                    onDeleted={(text) => {
                      setMessage(text);
                      focusAfterRender('iv-list-heading');
                    }}
                  />
                ))}
              </ul>
            )}
          </section>
          {list.data.abilities.create && (
            <AddInterviewForm caseId={id} list={list.data} onAdded={added} />
          )}
          {list.data.items.some((i) => i.segmentCount > 0) && <QuotesSection caseId={id} />}
        </>
      )}
    </div>
  );
}
