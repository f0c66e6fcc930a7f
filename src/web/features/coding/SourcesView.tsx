// "Teksten": every codable text of the programme the user may see — interview transcripts,
// meeting reflections, dossier evidence, imported texts — with its case, perspective, length
// and number of fragments; each opens in the coding screen.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { defaultPageSize } from '../../app/list';
import { useListParams } from '../../app/useListParams';
import { AppLink } from '../../ui/links';
import { ListView } from '../../ui/ListView';
import { StatusBadge } from '../../ui/StatusBadge';
import {
  Cell,
  HeaderCell,
  RowHeaderCell,
  Table,
  TableBody,
  TableHead,
  TableRow,
} from '../../ui/Table';
import { sourcesQuery } from './api';
import { perspectiveText, sourceKindText } from './labels';

export function SourcesView({ programmeId }: { programmeId: string }) {
  const { t, i18n } = useTranslation();
  const params = useListParams(['name'] as const, 'name');
  const query = useQuery(
    sourcesQuery(programmeId, { page: params.page, pageSize: defaultPageSize }),
  );
  const number = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL');
  return (
    <ListView
      id="coding-sources"
      query={query}
      params={params}
      emptyText={t('coding.texts.empty')}
      noResultsText={t('coding.texts.empty')}
      countText={(total) => t('coding.texts.count', { count: total })}
    >
      {(items) => (
        <Table caption={t('coding.texts.caption')} isCaptionHidden>
          <TableHead>
            <HeaderCell>{t('coding.texts.name')}</HeaderCell>
            <HeaderCell>{t('coding.texts.kind')}</HeaderCell>
            <HeaderCell>{t('coding.texts.case')}</HeaderCell>
            <HeaderCell>{t('coding.texts.perspective')}</HeaderCell>
            <HeaderCell className="utrecht-table__header-cell--numeric-data">
              {t('coding.texts.length')}
            </HeaderCell>
            <HeaderCell className="utrecht-table__header-cell--numeric-data">
              {t('coding.texts.segments')}
            </HeaderCell>
          </TableHead>
          <TableBody>
            {items.map((source) => (
              <TableRow key={source.id}>
                <RowHeaderCell>
                  <AppLink to={`/sources/${source.id}`}>{source.name}</AppLink>
                  {source.blind && (
                    <>
                      {' '}
                      <StatusBadge status="neutral">{t('coding.texts.blind')}</StatusBadge>
                    </>
                  )}
                </RowHeaderCell>
                <Cell>{sourceKindText(source.kind, t)}</Cell>
                <Cell>{source.caseCode ?? t('coding.segments.noCase')}</Cell>
                <Cell>{perspectiveText(source.perspective, t)}</Cell>
                <Cell isNumeric>{number.format(source.length)}</Cell>
                <Cell isNumeric>{number.format(source.segmentCount)}</Cell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </ListView>
  );
}
