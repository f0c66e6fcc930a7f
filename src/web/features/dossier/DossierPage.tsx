// /cases/:id/dossier — the dossier research of a case: without complete dossier consent a plain
// message with the way to the case's consent; before the review starts, the choice of checklist
// version; then the checklist section by section with progress, answers with evidence and
// source, links to the timeline, history and the conflict view. Every read and write of it is
// in the access log (on the server).
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { BackLink } from '../../ui/BackLink';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { caseQuery } from '../cases/api';
import { dossierQuery } from './api';
import { Checklist } from './Checklist';
import { ConsentMissing } from './ConsentMissing';
import './dossier.css';
import { StartReview } from './StartReview';

export function DossierPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useQuery(dossierQuery(id));
  const isConsentMissing = isApiError(query.error) && query.error.code === 'CONSENT_MISSING';
  // Without consent the dossier does not say the case's code; the case itself does.
  const caseDetail = useQuery({ ...caseQuery(id), enabled: isConsentMissing });
  const [message, setMessage] = useState('');
  const [isJustStarted, setJustStarted] = useState(false);

  const code = query.data?.caseCode ?? caseDetail.data?.code;
  const header = (
    <>
      <BackLink to={`/cases/${id}`}>
        {code ? t('dossier.backToCaseCode', { code }) : t('dossier.backToCase')}
      </BackLink>
      <PageHeading>{code ? t('dossier.title', { code }) : t('dossier.titleEmpty')}</PageHeading>
    </>
  );

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <>
        {header}
        {isConsentMissing && isApiError(query.error) ? (
          <ConsentMissing caseId={id} error={query.error} />
        ) : (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        )}
      </>
    );
  }
  const view = query.data;
  return (
    <>
      {header}
      <p className="nl-paragraph kl-dossier-intro">{t('dossier.intro')}</p>
      <p role="status" className="kl-dossier-page-status">
        {message}
      </p>
      {view.review ? (
        <Checklist
          caseId={id}
          review={view.review}
          canWrite={view.abilities.write && view.review.status === 'active'}
          isFocusedOnStart={isJustStarted}
          onMessage={setMessage}
        />
      ) : (
        <StartReview
          view={view}
          onStarted={(_, text) => {
            setJustStarted(true);
            setMessage(text);
          }}
        />
      )}
    </>
  );
}
