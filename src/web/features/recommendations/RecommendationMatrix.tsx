// The matrix threads × stakeholder groups: a real table (column headers are the groups, row
// headers the threads), each cell the recommendations of that group resting on that thread, as
// links with their number and review state in words. The last row counts each group's
// recommendations once, even when one rests on several threads.
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useTranslation } from 'react-i18next';
import type { RecommendationMatrix as Matrix } from '../../../shared/contract/recommendations';
import { EmptyState } from '../../ui/EmptyState';
import {
  Cell,
  HeaderCell,
  RowHeaderCell,
  Table,
  TableBody,
  TableHead,
  TableRow,
} from '../../ui/Table';
import { AppLink } from '../../ui/links';
import { threadLabel } from './RecommendationFields';
import { stateText } from './labels';

export function RecommendationMatrix({
  programmeId,
  matrix,
}: {
  programmeId: string;
  matrix: Matrix;
}) {
  const { t } = useTranslation();
  if (matrix.rows.length === 0)
    return <EmptyState>{t('recommendations.matrix.noThreads')}</EmptyState>;
  return (
    <>
      <Paragraph>{t('recommendations.matrix.intro')}</Paragraph>
      <div className="kl-rec-matrix">
        <Table caption={t('recommendations.matrix.caption')} isCaptionHidden>
          <TableHead>
            <HeaderCell>{t('recommendations.matrix.thread')}</HeaderCell>
            {matrix.groups.map((g) => (
              <HeaderCell key={g.code}>{g.label}</HeaderCell>
            ))}
          </TableHead>
          <TableBody>
            {matrix.rows.map((row) => (
              <TableRow key={row.thread.id}>
                <RowHeaderCell>
                  <AppLink to={`/programmes/${programmeId}/synthese/draden/${row.thread.id}`}>
                    {threadLabel(row.thread, t)}
                  </AppLink>
                </RowHeaderCell>
                {row.cells.map((items, index) => (
                  <Cell key={matrix.groups[index]!.code} className="kl-rec-matrix__cell">
                    {items.length === 0 ? (
                      <>
                        <span aria-hidden="true">–</span>
                        <span className="kl-visually-hidden">
                          {t('recommendations.matrix.none')}
                        </span>
                      </>
                    ) : (
                      <ul className="kl-rec-matrix__items">
                        {items.map((item) => (
                          <li key={item.id}>
                            <AppLink to={`/programmes/${programmeId}/aanbevelingen/${item.id}`}>
                              {t('recommendations.numbered', {
                                number: item.number,
                                title: item.title,
                              })}
                            </AppLink>{' '}
                            <span className="kl-rec-muted kl-rec-matrix__state">
                              ({stateText(item.reviewState, t)})
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </Cell>
                ))}
              </TableRow>
            ))}
            <TableRow>
              <RowHeaderCell>{t('recommendations.matrix.total')}</RowHeaderCell>
              {matrix.totals.map((total, index) => (
                <Cell key={matrix.groups[index]!.code} isNumeric>
                  {total}
                </Cell>
              ))}
            </TableRow>
          </TableBody>
        </Table>
      </div>
    </>
  );
}
