// The case list's filters: team, institution type, youth-care region and status. Each applies
// as soon as it is chosen and is kept in the URL with the rest of the list's state.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SelectField, type SelectOption } from '../../ui/SelectField';
import { regionListQuery } from '../reference/api';
import { teamListQuery } from '../teams/api';
import { caseReferenceQuery } from './api';
import { statusOptions } from './case-labels';

export const caseFilterNames = ['team', 'type', 'region', 'status'] as const;
export type CaseFilterName = (typeof caseFilterNames)[number];

export type CaseListFiltersProps = {
  values: Record<CaseFilterName, string>;
  onChange: (name: CaseFilterName, value: string) => void;
};

export function CaseListFilters({ values, onChange }: CaseListFiltersProps) {
  const { t } = useTranslation();
  // Archived teams too: their cases are still in the list. 200 is the server's page cap.
  const teams = useQuery(
    teamListQuery({ page: 1, pageSize: 200, sort: 'name', includeArchived: true }),
  );
  const reference = useQuery(caseReferenceQuery());
  const regions = useQuery(regionListQuery({ page: 1, pageSize: 50, sort: 'name' }));
  const filters: { name: CaseFilterName; label: string; options: SelectOption[] }[] = [
    {
      name: 'team',
      label: t('cases.filterTeam'),
      options: (teams.data?.items ?? []).map((team) => ({ value: team.id, label: team.name })),
    },
    {
      name: 'type',
      label: t('cases.filterType'),
      options: (reference.data?.institutionTypes ?? []).map((type) => ({
        value: type.code,
        label: type.label,
      })),
    },
    {
      name: 'region',
      label: t('cases.filterRegion'),
      options: (regions.data?.items ?? []).map((region) => ({
        value: region.code,
        label: region.name,
      })),
    },
    { name: 'status', label: t('cases.filterStatus'), options: statusOptions(t) },
  ];
  return (
    <div className="kl-list__filters">
      {filters.map((filter) => (
        <SelectField
          key={filter.name}
          id={`cases-${filter.name}-filter`}
          label={filter.label}
          isOptional
          placeholder={t('cases.filterAll')}
          options={filter.options}
          value={values[filter.name]}
          onChange={(value) => onChange(filter.name, value)}
        />
      ))}
    </div>
  );
}
