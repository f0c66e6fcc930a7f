// "Wie keek naar jouw gegevens": the access log of the participant's case as plain sentences,
// newest first, a page at a time.
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { Pagination } from '../../ui/Pagination';
import { myAccessLogQuery } from './api';
import { accessSentence } from './words';

export function AccessLog({ caseId, now }: { caseId: string; now?: Date }) {
  const { t, i18n } = useTranslation();
  const session = useCurrentSession();
  const [page, setPage] = useState(1);
  const log = useQuery({ ...myAccessLogQuery(caseId, page), placeholderData: keepPreviousData });
  if (log.isPending) return <LoadingState />;
  if (log.error) return <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />;
  const selfName = session?.user.displayName ?? null;
  return (
    <div className="kl-my-access">
      <p>{t('participant.access.intro')}</p>
      {log.data.items.length === 0 ? (
        <p className="kl-empty">{t('participant.access.empty')}</p>
      ) : (
        <ul className="kl-my-access__list">
          {log.data.items.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              {accessSentence(entry, t, i18n.language, { selfName, ...(now ? { now } : {}) })}
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={log.data.page}
        pageSize={log.data.pageSize}
        total={log.data.total}
        onPage={setPage}
      />
    </div>
  );
}
