// "Zoeken": full-text search through every text the user may see, the Dutch way (gesprek also
// finds gesprekken). Each hit names its text (a link to the coding screen), kind, case and
// perspective, with a snippet in which the words found are marked.
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useListParams } from '../../app/useListParams';
import { Alert } from '../../ui/Alert';
import { AppLink } from '../../ui/links';
import { ListView } from '../../ui/ListView';
import { SearchBox } from '../../ui/SearchBox';
import { searchQuery } from './api';
import { isSearchable, minimumQueryLength } from './cross-case';
import { CrossCaseFilters } from './CrossCaseFilters';
import { perspectiveText, sourceKindText } from './labels';
import { Snippet } from './Snippet';
import type { CrossCaseParams } from './useCrossCaseParams';

export function SearchView({
  programmeId,
  params,
}: {
  programmeId: string;
  params: CrossCaseParams;
}) {
  const { t } = useTranslation();
  const q = params.q.trim();
  return (
    <div className="kl-cd-search">
      <div className="kl-list__toolbar">
        <SearchBox
          key={params.q}
          label={t('coding.search.label')}
          initialQuery={params.q}
          onSearch={(text) => params.set({ q: text })}
        />
        <CrossCaseFilters
          idPrefix="search"
          values={{ type: params.type, perspective: params.perspective }}
          onChange={(name, value) => params.set({ [name]: value })}
        />
      </div>
      <p className="kl-cd-meta">{t('coding.search.hint')}</p>
      {!q ? null : !isSearchable(q) ? (
        <Alert type="warning">
          <p className="kl-alert__text">
            {t('coding.search.tooShort', { count: minimumQueryLength })}
          </p>
        </Alert>
      ) : (
        <SearchResults programmeId={programmeId} params={params} q={q} />
      )}
    </div>
  );
}

function SearchResults({
  programmeId,
  params,
  q,
}: {
  programmeId: string;
  params: CrossCaseParams;
  q: string;
}) {
  const { t } = useTranslation();
  const listParams = useListParams(['name'] as const, 'name', ['type', 'perspective'] as const);
  const query = useQuery(
    searchQuery(programmeId, {
      q,
      page: params.page,
      institutionType: params.type || undefined,
      perspective: params.perspective || undefined,
    }),
  );
  return (
    <ListView
      id="coding-search"
      query={query}
      params={listParams}
      isFiltered
      emptyText={t('coding.search.noResults', { q })}
      noResultsText={t('coding.search.noResults', { q })}
      countText={(total) =>
        `${t('coding.search.count', { count: total, q })}. ${
          query.data?.order === 'case'
            ? t('coding.search.orderCase')
            : t('coding.search.orderRelevance')
        }`
      }
    >
      {(items) => (
        <ol className="kl-cd-results" aria-label={t('coding.search.listLabel', { q })}>
          {items.map((hit) => (
            <li key={hit.sourceId} className="kl-cd-result">
              <Heading level={3} className="kl-cd-result__title">
                <AppLink to={`/sources/${hit.sourceId}`}>{hit.sourceName}</AppLink>
              </Heading>
              <p className="kl-cd-meta">
                {[
                  sourceKindText(hit.kind, t),
                  hit.caseCode
                    ? t('coding.segments.case', { code: hit.caseCode })
                    : t('coding.segments.noCase'),
                  perspectiveText(hit.perspective, t),
                ].join(' · ')}
              </p>
              <Snippet parts={hit.snippet} />
            </li>
          ))}
        </ol>
      )}
    </ListView>
  );
}
