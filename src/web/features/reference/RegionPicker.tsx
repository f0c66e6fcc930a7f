// Chooses one of the 42 youth-care regions by typing part of its name or code (searches
// /api/regions).
import { useTranslation } from 'react-i18next';
import { regionListSchema, type Region } from '../../../shared/contract/organisations';
import { apiRequest, withQuery } from '../../app/api';
import { CodeNamePicker, type CodeName, type CodeNamePickerProps } from './CodeNamePicker';

export type RegionChoice = CodeName;

// All 42 fit in one list, so opening it without typing shows every region.
const shownOptions = 50;

function searchRegions(text: string, signal: AbortSignal) {
  return apiRequest(
    withQuery('/api/regions', { q: text || undefined, pageSize: shownOptions, sort: 'name' }),
    regionListSchema,
    { signal },
  );
}

export function RegionPicker({ description, ...props }: CodeNamePickerProps) {
  const { t } = useTranslation();
  return (
    <CodeNamePicker<Region>
      {...props}
      description={description ?? t('regionPicker.hint')}
      searchKey={(text) => ['regions', 'search', text] as const}
      search={searchRegions}
      noneText={t('regionPicker.none')}
      foundText={(count) => t('regionPicker.found', { count })}
    />
  );
}
