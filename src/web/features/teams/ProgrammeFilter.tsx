// Narrows the team list to one programme; kept in the URL as ?programme=<id>.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SelectField } from '../../ui/SelectField';
import { programmeListQuery } from '../programmes/api';

export function useProgrammeFilter(): [string, (programmeId: string) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const programmeId = searchParams.get('programme') ?? '';
  const set = (id: string) =>
    setSearchParams((previous) => {
      const next = new URLSearchParams(previous);
      if (id) next.set('programme', id);
      else next.delete('programme');
      next.delete('page');
      return next;
    });
  return [programmeId, set];
}

export function ProgrammeFilter({
  value,
  onChange,
}: {
  value: string;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const programmes = useQuery(
    programmeListQuery({ page: 1, pageSize: 200, sort: 'name', includeArchived: true }),
  );
  const options = (programmes.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  return (
    <SelectField
      id="teams-programme-filter"
      label={t('teams.filterProgramme')}
      isOptional
      placeholder={t('teams.filterAll')}
      options={options}
      value={value}
      onChange={onChange}
    />
  );
}
