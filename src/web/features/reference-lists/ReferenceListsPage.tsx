// /reference-lists — the administrator's "Keuzelijsten": the institution types of inclusion and
// the timeline's category lists, one section each. Codes stay fixed; names, order, markers and
// archiving change here.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { referenceListsQuery } from './api';
import { ReferenceListSection } from './ReferenceListSection';
import './reference-lists.css';

export function ReferenceListsPage() {
  const { t } = useTranslation();
  const query = useQuery(referenceListsQuery());
  return (
    <>
      <PageHeading>{t('referenceLists.title')}</PageHeading>
      <p className="nl-paragraph kl-reference-intro">{t('referenceLists.intro')}</p>
      <p className="nl-paragraph kl-reference-intro">{t('referenceLists.archivedIntro')}</p>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        query.data.lists.map((list) => (
          <ReferenceListSection key={list.list} list={list} onStale={() => void query.refetch()} />
        ))
      )}
    </>
  );
}
