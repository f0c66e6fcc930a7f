// The supporting segments of a thread, case by case, with filters (perspective, kind of
// institution, region, and code when the thread has more than one) and "load more". Each shows its text in context, its case, perspective
// and code; a researcher chooses one as a quote when its participant consented to quoting.
import { useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  evidencePerspectives,
  type EvidenceGroup,
  type EvidencePerspective,
  type ThreadSegment,
} from '../../../shared/contract/evidence';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { SelectField } from '../../ui/SelectField';
import { StatusBadge } from '../../ui/StatusBadge';
import { chooseQuote, quotesChanged, quotesQuery, segmentsQuery, type SegmentFilters } from './api';
import { formatNumber } from './format';

export function SegmentsSection({
  programmeId,
  threadId,
  institutionTypes,
  regions,
  codes = [],
}: {
  programmeId: string;
  threadId: string;
  institutionTypes: EvidenceGroup[];
  regions: EvidenceGroup[];
  codes?: { id: string; path: string }[];
}) {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<SegmentFilters>({
    perspective: '',
    institutionType: '',
    regionCode: '',
    codeId: '',
  });
  const query = useInfiniteQuery(segmentsQuery(programmeId, threadId, filters));
  const quotes = useQuery(quotesQuery(programmeId, threadId));
  const canChoose = quotes.data?.canEdit ?? false;
  const isFull = (quotes.data?.items.length ?? 0) >= (quotes.data?.max ?? Infinity);
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  const choose = useMutation({
    mutationFn: (segmentId: string) => chooseQuote(programmeId, threadId, segmentId),
    onSuccess: async (next) => {
      setAnnouncement(t('evidence.quotes.chosen'));
      await quotesChanged(queryClient, programmeId, threadId, next);
    },
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  const all = t('evidence.segments.all');
  return (
    <section aria-labelledby="evidence-segments" className="kl-ev__section">
      <Heading level={3} id="evidence-segments">
        {t('evidence.segments.title')}
      </Heading>
      <p className="nl-paragraph kl-ev__note">{t('evidence.segments.intro')}</p>
      <fieldset className="kl-ev__filters">
        <legend className="kl-visually-hidden">{t('evidence.segments.filters')}</legend>
        <SelectField
          id="evidence-filter-perspective"
          label={t('evidence.segments.perspective')}
          value={filters.perspective}
          placeholder={all}
          options={evidencePerspectives.map((p) => ({
            value: p,
            label: t(`evidence.perspective.${p}`),
          }))}
          onChange={(value) =>
            setFilters({ ...filters, perspective: value as EvidencePerspective | '' })
          }
        />
        <SelectField
          id="evidence-filter-type"
          label={t('evidence.segments.institutionType')}
          value={filters.institutionType}
          placeholder={all}
          options={institutionTypes.map((g) => ({ value: g.key, label: g.label }))}
          onChange={(value) => setFilters({ ...filters, institutionType: value })}
        />
        <SelectField
          id="evidence-filter-region"
          label={t('evidence.segments.region')}
          value={filters.regionCode}
          placeholder={all}
          options={regions.map((g) => ({ value: g.key, label: g.label }))}
          onChange={(value) => setFilters({ ...filters, regionCode: value })}
        />
        {codes.length > 1 && (
          <SelectField
            id="evidence-filter-code"
            label={t('evidence.segments.code')}
            value={filters.codeId}
            placeholder={all}
            options={codes.map((c) => ({ value: c.id, label: c.path }))}
            onChange={(value) => setFilters({ ...filters, codeId: value })}
          />
        )}
      </fieldset>
      {choose.isError && <ErrorAlert error={choose.error} />}
      {isFull && canChoose && (
        <p className="nl-paragraph kl-ev__note">
          {t('evidence.quotes.max', { max: quotes.data?.max })}
        </p>
      )}
      <p role="status" className="kl-visually-hidden">
        {announcement}
      </p>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{t('evidence.segments.empty')}</EmptyState>
      ) : (
        <>
          <p className="nl-paragraph kl-ev__count" aria-live="polite">
            {t('evidence.segments.count', { count: total })}
            {items.length < total &&
              ` · ${t('evidence.segments.shown', {
                shown: formatNumber(items.length, i18n.language),
                total: formatNumber(total, i18n.language),
              })}`}
          </p>
          <ol className="kl-ev__segments" aria-label={t('evidence.segments.listLabel')}>
            {items.map((segment) => (
              <SegmentItem
                key={segment.id}
                segment={segment}
                canChoose={canChoose && !isFull}
                isBusy={choose.isPending}
                onChoose={() => choose.mutate(segment.id)}
              />
            ))}
          </ol>
          {query.hasNextPage && (
            <Button
              purpose="secondary"
              disabled={query.isFetchingNextPage}
              onClick={() => void query.fetchNextPage()}
            >
              {t('evidence.segments.more')}
            </Button>
          )}
        </>
      )}
    </section>
  );
}

function SegmentItem({
  segment,
  canChoose,
  isBusy,
  onChoose,
}: {
  segment: ThreadSegment;
  canChoose: boolean;
  isBusy: boolean;
  onChoose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <li className="kl-ev__segment">
      <p className="kl-ev__segment-meta">
        <span
          className="kl-ev__swatch"
          style={{ backgroundColor: segment.codeColor }}
          aria-hidden="true"
        />
        <strong>{segment.codeName}</strong>
        <span className="kl-ev__meta">
          {' · '}
          {t('evidence.segments.meta', {
            caseCode: segment.caseCode,
            perspective: t(`evidence.perspective.${segment.perspective}`),
            source: segment.sourceName,
          })}
        </span>
      </p>
      <p className="kl-ev__prewrap kl-ev__segment-text">
        <span className="kl-ev__context">{segment.before}</span>
        <mark className="kl-ev__mark">{segment.text}</mark>
        <span className="kl-ev__context">{segment.after}</span>
      </p>
      <div className="kl-ev__segment-actions">
        {segment.chosen ? (
          <StatusBadge status="success">{t('evidence.segments.isChosen')}</StatusBadge>
        ) : segment.perspective === 'dossier' ? (
          <span className="kl-ev__meta">{t('evidence.segments.notInterview')}</span>
        ) : !segment.quoteUsable ? (
          <span className="kl-ev__meta">{t('evidence.segments.noConsent')}</span>
        ) : canChoose ? (
          <Button
            purpose="secondary"
            disabled={isBusy}
            aria-label={t('evidence.segments.chooseLabel', { caseCode: segment.caseCode })}
            onClick={onChoose}
          >
            {t('evidence.segments.choose')}
          </Button>
        ) : null}
      </div>
    </li>
  );
}
