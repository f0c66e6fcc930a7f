// "Citaten voor verslagen": the fragments of this case's interviews marked as a quote whose
// participant's consent for quotes stands today, so they may be used in reports now. A quote
// without that consent is not listed (the coding page says so at the fragment).
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { AppLink } from '../../ui/links';
import { quotesQuery } from './api';
import { participantText } from './labels';
import type { Perspective } from '../../../shared/contract/coding';
import { perspectives } from '../../../shared/contract/coding';

const isPerspective = (value: string): value is Perspective =>
  (perspectives as readonly string[]).includes(value);

export function QuotesSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const query = useQuery({ ...quotesQuery(caseId), retry: false });
  return (
    <section className="kl-section kl-iv-quotes" aria-labelledby="iv-quotes-heading">
      <Heading level={2} id="iv-quotes-heading">
        {t('interviews.quotes.title')}
      </Heading>
      <Paragraph>{t('interviews.quotes.intro')}</Paragraph>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <p className="nl-paragraph kl-iv-hint">{t('interviews.quotes.none')}</p>
      ) : (
        <ul className="kl-iv-quote-list">
          {query.data.items.map((quote) => (
            <li key={quote.id}>
              <blockquote className="kl-iv-quote">{quote.text}</blockquote>
              <p className="kl-iv-meta">
                {t('interviews.quotes.from', {
                  who: isPerspective(quote.perspective)
                    ? participantText(
                        {
                          participantLabel: quote.participantLabel,
                          perspective: quote.perspective,
                        },
                        t,
                      )
                    : quote.participantLabel,
                  code: quote.codeName ?? t('interviews.coding.unknownCode'),
                })}{' '}
                <AppLink to={`/sources/${quote.sourceId}`}>{t('interviews.quotes.open')}</AppLink>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
