// "Matrix": how often each code occurs per case, and how much of the case's text it covers.
// By default a column per top-level code (counting its sub-codes); the reader may choose other
// codes (at most 50). Filters by kind of institution and perspective. Kept in the address.
import { useId, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../shared/contract/coding';
import { defaultPageSize } from '../../app/list';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { Pagination } from '../../ui/Pagination';
import { matrixQuery } from './api';
import { flattenTree, buildCodeTree } from './code-tree';
import { CrossCaseFilters, useInstitutionTypeLabel } from './CrossCaseFilters';
import { MatrixTable } from './MatrixTable';
import { perspectiveText } from './labels';
import type { CrossCaseParams } from './useCrossCaseParams';

const maxColumns = 50;

export type MatrixViewProps = {
  programmeId: string;
  codes: readonly Code[];
  params: CrossCaseParams;
};

export function MatrixView({ programmeId, codes, params }: MatrixViewProps) {
  const { t } = useTranslation();
  const typeLabel = useInstitutionTypeLabel();
  const query = useQuery(
    matrixQuery(programmeId, {
      page: params.page,
      pageSize: defaultPageSize,
      codeIds: params.codes,
      institutionType: params.type || undefined,
      perspective: params.perspective || undefined,
    }),
  );
  const data = query.data;
  const filterWords = [
    params.type ? typeLabel(params.type) : null,
    params.perspective ? perspectiveText(params.perspective, t) : null,
  ].filter(Boolean);
  const caption = filterWords.length
    ? t('coding.matrix.captionFiltered', { filters: filterWords.join(', ') })
    : t('coding.matrix.caption');

  return (
    <div className="kl-cd-matrix-view">
      <p className="nl-paragraph kl-cd-intro">{t('coding.matrix.intro')}</p>
      <div className="kl-list__toolbar">
        <CrossCaseFilters
          idPrefix="matrix"
          values={{ type: params.type, perspective: params.perspective }}
          onChange={(name, value) => params.set({ [name]: value })}
        />
      </div>
      <CodeChooser
        codes={codes}
        chosen={params.codes}
        onChoose={(ids) => params.set({ codes: ids.join(',') })}
      />
      <p className="kl-list__count" role="status">
        {data ? t('coding.matrix.count', { count: data.total }) : ''}
      </p>
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !data ? (
        <LoadingState />
      ) : data.codes.length === 0 ? (
        <EmptyState>{t('coding.matrix.noCodes')}</EmptyState>
      ) : data.rows.length === 0 ? (
        <EmptyState>
          {params.type || params.perspective
            ? t('coding.matrix.noResults')
            : t('coding.matrix.empty')}
        </EmptyState>
      ) : (
        <div aria-busy={query.isPlaceholderData || undefined}>
          <MatrixTable matrix={data} caption={caption} typeLabel={typeLabel} />
          <p className="kl-cd-meta kl-cd-matrix__legend">{t('coding.matrix.legend')}</p>
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            onPage={(page) => params.set({ page: String(page) })}
          />
        </div>
      )}
    </div>
  );
}

/** Which codes are the columns: a disclosure with a checkbox per live code, in tree order. */
function CodeChooser({
  codes,
  chosen,
  onChoose,
}: {
  codes: readonly Code[];
  chosen: string[];
  onChoose: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [isOpen, setOpen] = useState(false);
  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set(chosen));
  const [problem, setProblem] = useState('');
  const nodes = flattenTree(buildCodeTree(codes));
  const chosenNames = chosen
    .map((codeId) => codes.find((c) => c.id === codeId)?.name)
    .filter((name): name is string => Boolean(name));

  return (
    <div className="kl-cd-chooser">
      <p className="kl-cd-meta">
        {chosenNames.length
          ? t('coding.matrix.columnsChosen', { names: chosenNames.join(', ') })
          : t('coding.matrix.columnsDefault')}
      </p>
      <Button
        purpose="secondary"
        aria-expanded={isOpen}
        aria-controls={`${id}-panel`}
        onClick={() => {
          setPicked(new Set(chosen));
          setProblem('');
          setOpen((o) => !o);
        }}
      >
        {t('coding.matrix.chooseCodes')}
      </Button>
      <div id={`${id}-panel`} hidden={!isOpen} className="kl-cd-panel">
        {isOpen && (
          <fieldset
            className="utrecht-form-fieldset kl-cd-fieldset"
            aria-describedby={problem ? `${id}-problem` : undefined}
          >
            <legend className="utrecht-form-fieldset__legend kl-cd-legend">
              {t('coding.matrix.chooseLegend', { max: maxColumns })}
            </legend>
            {problem && (
              <p id={`${id}-problem`} className="utrecht-form-field-error-message" role="alert">
                {problem}
              </p>
            )}
            <ul className="kl-cd-choices kl-cd-choices--compact">
              {nodes.map((node) => {
                const boxId = `${id}-code-${node.code.id}`;
                return (
                  <li
                    key={node.code.id}
                    className="kl-cd-choice"
                    style={{ paddingInlineStart: `${node.depth * 1.5}rem` }}
                  >
                    <input
                      id={boxId}
                      type="checkbox"
                      className="utrecht-checkbox utrecht-checkbox--html-input kl-cd-choice__box"
                      checked={picked.has(node.code.id)}
                      onChange={(event) => {
                        const next = new Set(picked);
                        if (event.target.checked) next.add(node.code.id);
                        else next.delete(node.code.id);
                        setPicked(next);
                      }}
                    />
                    <label htmlFor={boxId} className="kl-cd-choice__label">
                      <span className="kl-cd-choice__text">
                        <span
                          className="kl-cd-swatch"
                          style={{ backgroundColor: node.code.color }}
                          aria-hidden="true"
                        />
                        {node.code.name}
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
            <div className="kl-form__actions">
              <Button
                purpose="primary"
                onClick={() => {
                  if (picked.size > maxColumns) {
                    setProblem(t('coding.matrix.tooMany', { max: maxColumns }));
                    return;
                  }
                  // In tree order, so the columns read like the codebook.
                  onChoose(nodes.map((n) => n.code.id).filter((codeId) => picked.has(codeId)));
                  setOpen(false);
                }}
              >
                {t('coding.matrix.apply')}
              </Button>
              <Button
                purpose="subtle"
                onClick={() => {
                  onChoose([]);
                  setOpen(false);
                }}
              >
                {t('coding.matrix.useDefault')}
              </Button>
            </div>
          </fieldset>
        )}
      </div>
    </div>
  );
}
