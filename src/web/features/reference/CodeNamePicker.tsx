// The shared searchable select of the reference lists whose entries have a code and a name
// (municipalities, youth-care regions): the value is the chosen { code, name }, typing searches
// the server.
import type { ReactNode } from 'react';
import type { ListResponse } from '../../../shared/contract/common';
import { SearchCombobox } from '../../ui/SearchCombobox';

export type CodeName = { code: string; name: string };

/** What a page passes to a picker built on this one. */
export type CodeNamePickerProps = {
  id: string;
  label: string;
  value: CodeName | null;
  onChange: (value: CodeName | null) => void;
  description?: string;
  error?: string | undefined;
  isOptional?: boolean;
};

export function CodeNamePicker<T extends CodeName>({
  value,
  onChange,
  ...props
}: CodeNamePickerProps & {
  description: string;
  searchKey: (text: string) => readonly unknown[];
  search: (text: string, signal: AbortSignal) => Promise<ListResponse<T>>;
  renderOption?: (option: T) => ReactNode;
  noneText: string;
  foundText: (count: number) => string;
}) {
  return (
    <SearchCombobox<T>
      {...props}
      selectedText={value?.name ?? ''}
      selectedKey={value?.code ?? null}
      onChange={(option) => onChange(option ? { code: option.code, name: option.name } : null)}
      optionKey={(option) => option.code}
      optionText={(option) => option.name}
    />
  );
}
