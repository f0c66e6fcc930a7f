// /teams — all uitvoeringsteams, searchable by name or municipality, filterable by programme.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { canManageOrganisationLayer } from '../../app/permissions';
import { useCurrentSession } from '../../app/session';
import { useFlash } from '../../app/useFlash';
import { useListParams } from '../../app/useListParams';
import { Alert } from '../../ui/Alert';
import { AppLink, ButtonLink } from '../../ui/links';
import { ListView } from '../../ui/ListView';
import { PageHeading } from '../../ui/PageHeading';
import { SortableHeader } from '../../ui/SortableHeader';
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
import { teamListQuery, teamSorts, type TeamSort } from './api';
import { ProgrammeFilter, useProgrammeFilter } from './ProgrammeFilter';

export function TeamListPage() {
  const { t } = useTranslation();
  const flash = useFlash();
  const canCreate = canManageOrganisationLayer(useCurrentSession());
  const params = useListParams<TeamSort>(teamSorts, 'name');
  const [programmeId, setProgrammeId] = useProgrammeFilter();
  const query = useQuery(
    teamListQuery({
      page: params.page,
      sort: params.sort,
      q: params.q,
      includeArchived: params.includeArchived,
      ...(programmeId ? { programmeId } : {}),
    }),
  );
  const newTo = programmeId ? `/teams/new?programme=${programmeId}` : '/teams/new';
  const newButton = canCreate ? <ButtonLink to={newTo}>{t('teams.new')}</ButtonLink> : null;

  return (
    <>
      <div className="kl-page-header">
        <PageHeading>{t('teams.title')}</PageHeading>
        {newButton}
      </div>
      {flash && <Alert type="ok">{flash}</Alert>}
      <p className="nl-paragraph">{t('teams.intro')}</p>
      <ListView
        id="teams"
        query={query}
        params={params}
        searchLabel={t('teams.search')}
        archivedLabel={t('list.showArchived')}
        filters={<ProgrammeFilter value={programmeId} onChange={setProgrammeId} />}
        isFiltered={Boolean(programmeId)}
        emptyText={t('teams.empty')}
        emptyAction={newButton}
        noResultsText={t('list.noResults')}
        countText={(total) => t('teams.count', { count: total })}
      >
        {(items) => (
          <Table isCaptionHidden caption={t('teams.caption')}>
            <TableHead>
              <SortableHeader
                label={t('teams.columnName')}
                ascending="name"
                descending="-name"
                sort={params.sort}
                onSort={params.setSort}
              />
              <SortableHeader
                label={t('teams.columnMunicipality')}
                ascending="municipality"
                sort={params.sort}
                onSort={params.setSort}
              />
              <HeaderCell>{t('teams.columnProgramme')}</HeaderCell>
              <HeaderCell className="utrecht-table__header-cell--numeric-column">
                {t('teams.columnSessions')}
              </HeaderCell>
              <HeaderCell className="utrecht-table__header-cell--numeric-column">
                {t('teams.columnMembers')}
              </HeaderCell>
              <HeaderCell>{t('common.status')}</HeaderCell>
            </TableHead>
            <TableBody>
              {items.map((team) => (
                <TableRow key={team.id}>
                  <RowHeaderCell>
                    <AppLink to={`/teams/${team.id}`}>{team.name}</AppLink>
                  </RowHeaderCell>
                  <Cell>{team.municipalityName}</Cell>
                  <Cell>{team.programmeName}</Cell>
                  <Cell isNumeric>{team.plannedSessions}</Cell>
                  <Cell isNumeric>{team.memberCount}</Cell>
                  <Cell>
                    {team.archivedAt ? (
                      <StatusBadge status="inactive">{t('common.archived')}</StatusBadge>
                    ) : (
                      <StatusBadge status="success">{t('common.active')}</StatusBadge>
                    )}
                  </Cell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </ListView>
    </>
  );
}
