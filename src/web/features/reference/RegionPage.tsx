// /regions/:code — the municipalities of one youth-care region (read only).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { BackLink } from '../../ui/BackLink';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import {
  Cell,
  HeaderCell,
  RowHeaderCell,
  Table,
  TableBody,
  TableHead,
  TableRow,
} from '../../ui/Table';
import { regionMunicipalitiesQuery } from './api';

export function RegionPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const query = useQuery(regionMunicipalitiesQuery(code));
  // There is no endpoint for one region; its name comes with each of its municipalities.
  const regionName = query.data?.items[0]?.regionName;
  return (
    <>
      <BackLink to="/regions">{t('regions.backToList')}</BackLink>
      <PageHeading>
        {regionName ? t('region.title', { name: regionName }) : t('region.titleCode', { code })}
      </PageHeading>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState>{t('region.empty')}</EmptyState>
      ) : (
        <>
          <p className="nl-paragraph" role="status">
            {t('region.count', { count: query.data.total, code })}
          </p>
          <Table isCaptionHidden caption={t('region.caption', { name: regionName ?? code })}>
            <TableHead>
              <HeaderCell>{t('region.columnName')}</HeaderCell>
              <HeaderCell>{t('region.columnCode')}</HeaderCell>
              <HeaderCell>{t('region.columnProvince')}</HeaderCell>
            </TableHead>
            <TableBody>
              {query.data.items.map((municipality) => (
                <TableRow key={municipality.code}>
                  <RowHeaderCell>{municipality.name}</RowHeaderCell>
                  <Cell>{municipality.gmCode}</Cell>
                  <Cell>{municipality.province}</Cell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </>
  );
}
