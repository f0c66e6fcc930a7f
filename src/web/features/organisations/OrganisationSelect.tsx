// Chooses a partner organisation (or none) from a select. An archived organisation is only
// offered when it is the current choice, so an old value stays visible without inviting new use.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { SelectField } from '../../ui/SelectField';
import { organisationOptionsQuery } from './api';

export type OrganisationSelectProps = {
  id: string;
  label: string;
  value: string;
  onChange: (organisationId: string) => void;
  description?: ReactNode;
  error?: string | undefined;
};

export function OrganisationSelect({
  id,
  label,
  value,
  onChange,
  description,
  error,
}: OrganisationSelectProps) {
  const { t } = useTranslation();
  const organisations = useQuery(organisationOptionsQuery());
  const items = organisations.data?.items ?? [];
  const options = items
    .filter((o) => !o.archivedAt || o.id === value)
    .map((o) => ({
      value: o.id,
      label: o.archivedAt ? `${o.name} (${t('common.archived').toLowerCase()})` : o.name,
    }));
  // A choice the list does not hold (more than 200 organisations): keep it selectable.
  if (value && organisations.data && !items.some((o) => o.id === value)) {
    options.unshift({ value, label: t('organisationSelect.unknown') });
  }
  return (
    <SelectField
      id={id}
      label={label}
      isOptional
      placeholder={organisations.isPending ? t('common.loading') : t('organisationSelect.none')}
      options={options}
      value={value}
      onChange={onChange}
      description={organisations.isError ? t('organisationSelect.loadFailed') : description}
      error={error}
    />
  );
}
