// The quotes chosen to carry a thread, in order. Researchers move them up and down and remove
// them; everyone sees how many are hidden and why (consent withdrawn, no longer in the thread,
// beyond their cases) — never the hidden text.
import { useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ThreadQuote, ThreadQuotes } from '../../../shared/contract/evidence';
import { Alert } from '../../ui/Alert';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { orderQuotes, quotesChanged, quotesQuery, unchooseQuote } from './api';

export function QuotesSection({
  programmeId,
  threadId,
}: {
  programmeId: string;
  threadId: string;
}) {
  const { t } = useTranslation();
  const query = useQuery(quotesQuery(programmeId, threadId));
  return (
    <section aria-labelledby="evidence-quotes" className="kl-ev__section">
      <Heading level={3} id="evidence-quotes">
        {t('evidence.quotes.title')}
      </Heading>
      <p className="nl-paragraph kl-ev__note">{t('evidence.quotes.intro')}</p>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <QuoteList programmeId={programmeId} threadId={threadId} quotes={query.data} />
      )}
    </section>
  );
}

function QuoteList({
  programmeId,
  threadId,
  quotes,
}: {
  programmeId: string;
  threadId: string;
  quotes: ThreadQuotes;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  const change = useMutation({
    mutationFn: (
      action: { kind: 'remove'; segmentId: string } | { kind: 'order'; segmentIds: string[] },
    ) =>
      action.kind === 'remove'
        ? unchooseQuote(programmeId, threadId, action.segmentId)
        : orderQuotes(programmeId, threadId, action.segmentIds),
    onSuccess: async (next, action) => {
      setAnnouncement(
        t(action.kind === 'remove' ? 'evidence.quotes.removed' : 'evidence.quotes.moved'),
      );
      await quotesChanged(queryClient, programmeId, threadId, next);
    },
  });
  const ids = quotes.items.map((q) => q.segmentId);
  const move = (index: number, by: -1 | 1) => {
    const next = [...ids];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    change.mutate({ kind: 'order', segmentIds: next });
  };
  const { hidden } = quotes;
  return (
    <>
      {(hidden.consentWithdrawn > 0 || hidden.noLongerInThread > 0 || hidden.outOfReach > 0) && (
        <Alert type="info">
          {hidden.consentWithdrawn > 0 && (
            <p className="kl-alert__text">
              {t('evidence.quotes.hiddenConsent', { count: hidden.consentWithdrawn })}
            </p>
          )}
          {hidden.noLongerInThread > 0 && (
            <p className="kl-alert__text">
              {t('evidence.quotes.hiddenGone', { count: hidden.noLongerInThread })}
            </p>
          )}
          {hidden.outOfReach > 0 && (
            <p className="kl-alert__text">
              {t('evidence.quotes.hiddenReach', { count: hidden.outOfReach })}
            </p>
          )}
        </Alert>
      )}
      {change.isError && <ErrorAlert error={change.error} />}
      <p role="status" className="kl-visually-hidden">
        {announcement}
      </p>
      {quotes.items.length === 0 ? (
        <p className="nl-paragraph kl-ev__none">
          {t(quotes.canEdit ? 'evidence.quotes.emptyEditor' : 'evidence.quotes.empty')}
        </p>
      ) : (
        <ol className="kl-ev__quotes" aria-label={t('evidence.quotes.listLabel')}>
          {quotes.items.map((quote, index) => (
            <li key={quote.segmentId} className="kl-ev__quote">
              <QuoteText quote={quote} />
              {quotes.canEdit && (
                <div className="kl-ev__quote-actions">
                  <Button
                    purpose="secondary"
                    disabled={index === 0 || change.isPending}
                    aria-label={t('evidence.quotes.upLabel', { number: index + 1 })}
                    onClick={() => move(index, -1)}
                  >
                    {t('evidence.quotes.up')}
                  </Button>
                  <Button
                    purpose="secondary"
                    disabled={index === quotes.items.length - 1 || change.isPending}
                    aria-label={t('evidence.quotes.downLabel', { number: index + 1 })}
                    onClick={() => move(index, 1)}
                  >
                    {t('evidence.quotes.down')}
                  </Button>
                  <Button
                    purpose="secondary"
                    hint="negative"
                    disabled={change.isPending}
                    aria-label={t('evidence.quotes.removeLabel', { number: index + 1 })}
                    onClick={() => change.mutate({ kind: 'remove', segmentId: quote.segmentId })}
                  >
                    {t('evidence.quotes.remove')}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function QuoteText({ quote }: { quote: ThreadQuote }) {
  const { t } = useTranslation();
  return (
    <figure className="kl-ev__figure">
      <blockquote className="kl-ev__blockquote">
        <p className="kl-ev__prewrap">“{quote.text}”</p>
      </blockquote>
      <figcaption className="kl-ev__meta">
        {t('evidence.quotes.meta', {
          caseCode: quote.caseCode,
          perspective: t(`evidence.perspective.${quote.perspective}`),
          code: quote.codeName,
        })}
      </figcaption>
    </figure>
  );
}
