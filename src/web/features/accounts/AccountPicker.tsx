// Chooses one account by typing part of its name or e-mail address (searches /api/users).
// Opened with only an id (a filter from the address), it looks the name up once.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../shared/contract/auth';
import { SearchCombobox } from '../../ui/SearchCombobox';
import { accountKeys, accountQuery, searchAccounts } from './api';
import { roleText } from './account-labels';

export type AccountChoice = { id: string; name: string };

export type AccountPickerProps = {
  id: string;
  label: string;
  value: AccountChoice | null;
  onChange: (value: AccountChoice | null) => void;
  description?: string;
  error?: string | undefined;
  isOptional?: boolean;
};

export function AccountPicker({
  id,
  label,
  value,
  onChange,
  description,
  error,
  isOptional,
}: AccountPickerProps) {
  const { t } = useTranslation();
  const needsName = Boolean(value && !value.name);
  const lookup = useQuery({ ...accountQuery(value?.id ?? ''), enabled: needsName });
  // While the name is looked up, show nothing rather than an id nobody recognises; if it
  // cannot be looked up (no right to read accounts), the id is better than an empty field.
  const shownText = value
    ? value.name || lookup.data?.displayName || (lookup.isError ? value.id : '')
    : '';
  return (
    <SearchCombobox<UserSummary>
      id={id}
      label={label}
      selectedText={shownText}
      selectedKey={value?.id ?? null}
      onChange={(option) => onChange(option ? { id: option.id, name: option.displayName } : null)}
      searchKey={accountKeys.search}
      search={searchAccounts}
      optionKey={(option) => option.id}
      optionText={(option) => option.displayName}
      renderOption={(option) => (
        <>
          <span className="kl-listbox__name">{option.displayName}</span>{' '}
          <span className="kl-listbox__meta">
            {option.email} · {roleText(option.role, t)}
          </span>
        </>
      )}
      noneText={t('accountPicker.none')}
      foundText={(count) => t('accountPicker.found', { count })}
      description={description ?? t('accountPicker.hint')}
      error={error}
      isOptional={isOptional}
    />
  );
}
