// The case × code table: a row per case (its code and kind of institution), a column per code
// (each counting its sub-codes), in each cell the number of fragments and the coverage — the
// share of the case's text coded with it — as a percentage in text, with a small bar beside it
// that repeats it (never the only way it is said). The last row holds the column totals. On a
// phone the table scrolls sideways inside its own box, the case column staying in place.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Matrix } from '../../../shared/contract/coding';
import { barWidth, coveragePercent } from './cross-case';

export type MatrixTableProps = {
  matrix: Matrix;
  caption: string;
  typeLabel: (code: string | null) => string;
};

export function MatrixTable({ matrix, caption, typeLabel }: MatrixTableProps) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const number = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL');
  return (
    <>
      {/* Shown above the scroll box, so it stays in view while the table scrolls sideways; the
          table's own caption says it to screen readers. */}
      <p className="kl-cd-matrix__title" aria-hidden="true">
        {caption}
      </p>
      <div
        className="utrecht-table-container kl-table-scroll kl-cd-matrix"
        role="region"
        aria-labelledby={captionId}
        tabIndex={0}
      >
        <table className="utrecht-table utrecht-table--html-table kl-table kl-cd-matrix__table">
          <caption id={captionId} className="utrecht-table__caption kl-visually-hidden">
            {caption}
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell kl-cd-matrix__sticky">
                {t('coding.matrix.case')}
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                {t('coding.matrix.institutionType')}
              </th>
              {matrix.codes.map((code) => (
                <th
                  key={code.id}
                  scope="col"
                  className="utrecht-table__header-cell kl-cd-matrix__code"
                >
                  <span className="kl-cd-matrix__code-name">
                    <span
                      className="kl-cd-swatch"
                      style={{ backgroundColor: code.color }}
                      aria-hidden="true"
                    />
                    {code.name}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {matrix.rows.map((row) => (
              <tr key={row.caseId ?? row.caseCode} className="utrecht-table__row">
                <th
                  scope="row"
                  className="utrecht-table__cell kl-table__row-header kl-cd-matrix__sticky"
                >
                  {row.caseCode}
                </th>
                <td className="utrecht-table__cell">{typeLabel(row.institutionType)}</td>
                {row.cells.map((cell, index) => {
                  const code = matrix.codes[index];
                  return (
                    <td
                      key={code?.id ?? index}
                      className="utrecht-table__cell kl-cd-matrix__cell"
                      data-empty={cell.count === 0 || undefined}
                    >
                      <span className="kl-cd-matrix__count">
                        {number.format(cell.count)}
                        <span className="kl-visually-hidden">
                          {' '}
                          {t('coding.matrix.segmentsWord', { count: cell.count })}
                        </span>
                      </span>
                      {cell.count > 0 && (
                        <>
                          {' '}
                          <span className="kl-cd-matrix__coverage">
                            {coveragePercent(cell.coverage, i18n.language)}
                            <span className="kl-visually-hidden">
                              {' '}
                              {t('coding.matrix.coverageWord')}
                            </span>
                          </span>
                          <span className="kl-cd-bar" aria-hidden="true">
                            <span
                              className="kl-cd-bar__fill"
                              style={{
                                inlineSize: `${barWidth(cell.coverage)}%`,
                                backgroundColor: code?.color,
                              }}
                            />
                          </span>
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot className="utrecht-table__footer">
            <tr className="utrecht-table__row kl-cd-matrix__totals">
              <th scope="row" className="utrecht-table__cell kl-cd-matrix__sticky">
                {t('coding.matrix.total')}
              </th>
              <td className="utrecht-table__cell" />
              {matrix.totals.map((total, index) => (
                <td key={matrix.codes[index]?.id ?? index} className="utrecht-table__cell">
                  <span className="kl-cd-matrix__count">
                    {number.format(total.count)}
                    <span className="kl-visually-hidden">
                      {' '}
                      {t('coding.matrix.segmentsWord', { count: total.count })}
                    </span>
                  </span>{' '}
                  <span className="kl-cd-matrix__cases">
                    {t('coding.matrix.inCases', { count: total.cases })}
                  </span>
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
