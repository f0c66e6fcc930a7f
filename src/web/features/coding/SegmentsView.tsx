// "Fragmenten per code": choose a code in the tree and read every fragment coded with it across
// the cases — the text, its case and kind of institution, whose perspective, who coded it, and
// whether it is marked important or as a quote (and whether that quote may still be used: only
// while the participant's quote consent stands). Each fragment links to its text.
import { useEffect, useRef, useState } from 'react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../shared/contract/coding';
import { defaultPageSize } from '../../app/list';
import { useListParams } from '../../app/useListParams';
import { EmptyState } from '../../ui/EmptyState';
import { AppLink } from '../../ui/links';
import { ListView } from '../../ui/ListView';
import { StatusBadge } from '../../ui/StatusBadge';
import { codeSegmentsQuery, type CodeSegmentItem } from './api';
import { ancestorIds, branchIds, buildCodeTree, pathOf } from './code-tree';
import { CodeTree } from './CodeTree';
import { CrossCaseFilters, useInstitutionTypeLabel } from './CrossCaseFilters';
import { perspectiveText } from './labels';
import type { CrossCaseParams } from './useCrossCaseParams';

export type SegmentsViewProps = {
  programmeId: string;
  codes: readonly Code[];
  params: CrossCaseParams;
};

export function SegmentsView({ programmeId, codes, params }: SegmentsViewProps) {
  const { t } = useTranslation();
  const nodes = buildCodeTree(codes);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(
    () => new Set(params.code ? ancestorIds(codes, params.code) : branchIds(nodes)),
  );
  const code = codes.find((c) => c.id === params.code) ?? null;
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const chosenInTree = useRef(false);

  // On a phone the fragments are below the tree, out of view: after a choice, move to them.
  useEffect(() => {
    if (!chosenInTree.current) return;
    chosenInTree.current = false;
    const heading = resultsHeading.current;
    if (!heading) return;
    const box = heading.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      heading.focus({ preventScroll: true });
      heading.scrollIntoView({ block: 'start' });
    }
  }, [params.code]);

  return (
    <div className="kl-cd-segments">
      <section className="kl-cd-segments__picker" aria-labelledby="segments-codes">
        <Heading level={3} id="segments-codes">
          {t('coding.segments.chooseCode')}
        </Heading>
        {nodes.length === 0 ? (
          <EmptyState>{t('coding.codebook.empty')}</EmptyState>
        ) : (
          <CodeTree
            nodes={nodes}
            label={t('coding.segments.treeLabel')}
            expanded={expanded}
            onToggle={(codeId) => {
              const next = new Set(expanded);
              if (next.has(codeId)) next.delete(codeId);
              else next.add(codeId);
              setExpanded(next);
            }}
            selectedId={params.code || null}
            onSelect={(chosen) => {
              chosenInTree.current = true;
              params.set({ code: chosen.id });
            }}
          />
        )}
      </section>
      <section className="kl-cd-segments__results" aria-labelledby="segments-results">
        <Heading
          level={3}
          id="segments-results"
          ref={resultsHeading}
          tabIndex={-1}
          className="kl-cd-focus-target"
        >
          {code
            ? t('coding.segments.titleOf', { name: pathOf(codes, code.id).join(' › ') })
            : t('coding.segments.title')}
        </Heading>
        {code ? (
          <SegmentList programmeId={programmeId} code={code} params={params} />
        ) : (
          <p className="nl-paragraph">{t('coding.segments.chooseHint')}</p>
        )}
      </section>
    </div>
  );
}

function SegmentList({
  programmeId,
  code,
  params,
}: {
  programmeId: string;
  code: Code;
  params: CrossCaseParams;
}) {
  const { t } = useTranslation();
  const listParams = useListParams(['name'] as const, 'name', ['type', 'perspective'] as const);
  const query = useQuery(
    codeSegmentsQuery(programmeId, code.id, {
      page: params.page,
      pageSize: defaultPageSize,
      institutionType: params.type || undefined,
      perspective: params.perspective || undefined,
    }),
  );
  const typeLabel = useInstitutionTypeLabel();
  return (
    <ListView
      id="coding-segments"
      query={query}
      params={listParams}
      filters={
        <CrossCaseFilters
          idPrefix="segments"
          values={{ type: params.type, perspective: params.perspective }}
          onChange={(name, value) => params.set({ [name]: value })}
        />
      }
      isFiltered={listParams.isFiltered}
      emptyText={t('coding.segments.empty', { name: code.name })}
      noResultsText={t('coding.segments.noResults')}
      countText={(total) => t('coding.segments.count', { count: total })}
    >
      {(items) => (
        <ol
          className="kl-cd-results"
          aria-label={t('coding.segments.listLabel', { name: code.name })}
        >
          {items.map((item) => (
            <SegmentItem key={item.id} item={item} typeLabel={typeLabel} />
          ))}
        </ol>
      )}
    </ListView>
  );
}

function SegmentItem({
  item,
  typeLabel,
}: {
  item: CodeSegmentItem;
  typeLabel: (code: string | null) => string;
}) {
  const { t } = useTranslation();
  return (
    <li className="kl-cd-result">
      <blockquote className="kl-cd-quote">
        <p>{item.text}</p>
      </blockquote>
      <p className="kl-cd-meta">
        {[
          item.caseCode
            ? t('coding.segments.case', { code: item.caseCode })
            : t('coding.segments.noCase'),
          item.caseCode ? typeLabel(item.institutionType) : null,
          perspectiveText(item.perspective, t),
          t('coding.segments.coder', { name: item.coderName }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {(item.important || item.quote) && (
        <p className="kl-cd-badges">
          {item.important && (
            <StatusBadge status="neutral">{t('coding.segments.important')}</StatusBadge>
          )}
          {item.quote && (
            <StatusBadge status={item.quoteUsable ? 'success' : 'warning'}>
              {item.quoteUsable
                ? t('coding.segments.quoteUsable')
                : t('coding.segments.quoteNotUsable')}
            </StatusBadge>
          )}
        </p>
      )}
      <p className="kl-cd-result__link">
        <AppLink to={`/sources/${item.sourceId}`}>
          {t('coding.segments.openSource', { name: item.sourceName })}
        </AppLink>
      </p>
    </li>
  );
}
