// Chooses one of the 342 municipalities by typing part of its name or code (searches
// /api/municipalities), through the shared searchable select.
import { useTranslation } from 'react-i18next';
import { SearchCombobox } from '../../ui/SearchCombobox';
import { apiRequest, withQuery } from '../../app/api';
import { municipalityListSchema, type Municipality } from '../../../shared/contract/organisations';

export type MunicipalityChoice = { code: string; name: string };

export type MunicipalityPickerProps = {
  id: string;
  label: string;
  value: MunicipalityChoice | null;
  onChange: (value: MunicipalityChoice | null) => void;
  description?: string;
  error?: string | undefined;
  isOptional?: boolean;
};

const shownOptions = 20;

function searchMunicipalities(text: string, signal: AbortSignal) {
  return apiRequest(
    withQuery('/api/municipalities', {
      q: text || undefined,
      pageSize: shownOptions,
      sort: 'name',
    }),
    municipalityListSchema,
    { signal },
  );
}

export function MunicipalityPicker({
  id,
  label,
  value,
  onChange,
  description,
  error,
  isOptional,
}: MunicipalityPickerProps) {
  const { t } = useTranslation();
  return (
    <SearchCombobox<Municipality>
      id={id}
      label={label}
      selectedText={value?.name ?? ''}
      selectedKey={value?.code ?? null}
      onChange={(option) => onChange(option ? { code: option.code, name: option.name } : null)}
      searchKey={(text) => ['municipalities', 'search', text, shownOptions] as const}
      search={searchMunicipalities}
      optionKey={(option) => option.code}
      optionText={(option) => option.name}
      renderOption={(option) => (
        <>
          <span className="kl-listbox__name">{option.name}</span>{' '}
          <span className="kl-listbox__meta">
            {option.province} · {option.regionName}
          </span>
        </>
      )}
      noneText={t('municipality.none')}
      foundText={(count) => t('municipality.found', { count })}
      description={description ?? t('municipality.hint')}
      error={error}
      isOptional={isOptional}
    />
  );
}
