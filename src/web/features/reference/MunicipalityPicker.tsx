// Chooses one of the 342 municipalities by typing part of its name or code (searches
// /api/municipalities), through the shared searchable select.
import { useTranslation } from 'react-i18next';
import { apiRequest, withQuery } from '../../app/api';
import { municipalityListSchema, type Municipality } from '../../../shared/contract/organisations';
import { CodeNamePicker, type CodeName, type CodeNamePickerProps } from './CodeNamePicker';

export type MunicipalityChoice = CodeName;
export type MunicipalityPickerProps = CodeNamePickerProps;

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

export function MunicipalityPicker({ description, ...props }: MunicipalityPickerProps) {
  const { t } = useTranslation();
  return (
    <CodeNamePicker<Municipality>
      {...props}
      description={description ?? t('municipality.hint')}
      searchKey={(text) => ['municipalities', 'search', text, shownOptions] as const}
      search={searchMunicipalities}
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
    />
  );
}
