// A searchable select over a server list (ARIA 1.2 combobox with a listbox), for lists too
// long for a native select, such as all accounts. Typing searches the server; arrow keys move
// through the options, Enter chooses, Escape closes (and, when closed, clears). Only a chosen
// option counts as a value, so a typo never becomes a filter. A selection made elsewhere (a
// reset, a name looked up later) shows in the field; typing over a choice does not get wiped.
import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Textbox } from '@utrecht/textbox-react';
import type { ListResponse } from '../../shared/contract/common';
import { useTranslation } from 'react-i18next';
import { cx } from './class-names';
import { FieldShell, describedBy } from './FieldShell';
import { useDebouncedValue } from './useDebouncedValue';

/** A page of a server list, as every list endpoint answers. */
export type SearchResult<T> = ListResponse<T>;

export type SearchComboboxProps<T> = {
  id: string;
  label: string;
  /** The chosen option's text as the field shows it, or '' when nothing is chosen. */
  selectedText: string;
  selectedKey: string | null;
  onChange: (option: T | null) => void;
  /** The cache key of a search for the typed text. */
  searchKey: (text: string) => readonly unknown[];
  /** Searches the server for the typed text ('' lists the first options). */
  search: (text: string, signal: AbortSignal) => Promise<SearchResult<T>>;
  optionKey: (option: T) => string;
  optionText: (option: T) => string;
  /** What a row in the list shows; the option text when left out. */
  renderOption?: (option: T) => ReactNode;
  noneText: string;
  foundText: (count: number) => string;
  description?: ReactNode;
  error?: string | undefined;
  isOptional?: boolean;
};

export function SearchCombobox<T>({
  id,
  label,
  selectedText,
  selectedKey,
  onChange,
  searchKey,
  search,
  optionKey,
  optionText,
  renderOption,
  noneText,
  foundText,
  description,
  error,
  isOptional,
}: SearchComboboxProps<T>) {
  const { t } = useTranslation();
  const [text, setText] = useState(selectedText);
  const [synced, setSynced] = useState({ key: selectedKey, text: selectedText });
  const [isClearedByTyping, setClearedByTyping] = useState(false);
  if (synced.key !== selectedKey || synced.text !== selectedText) {
    setSynced({ key: selectedKey, text: selectedText });
    if (selectedKey !== null || !isClearedByTyping) setText(selectedText);
    setClearedByTyping(false);
  }
  const [isOpen, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const debounced = useDebouncedValue(text.trim(), 200);
  // With a choice made, opening the list shows everything rather than only that one name.
  const searchText = selectedKey && text === selectedText ? '' : debounced;
  const query = useQuery({
    queryKey: searchKey(searchText),
    queryFn: ({ signal }) => search(searchText, signal),
    placeholderData: keepPreviousData,
    enabled: isOpen,
  });
  const options = query.data?.items ?? [];
  const total = query.data?.total ?? 0;
  const active = activeIndex < options.length ? activeIndex : -1;
  const listId = `${id}-listbox`;
  const optionId = (index: number) => `${id}-option-${index}`;

  useEffect(() => {
    if (active < 0) return;
    document.getElementById(optionId(active))?.scrollIntoView?.({ block: 'nearest' });
  });

  const choose = (index: number) => {
    const option = options[index];
    if (option === undefined) return;
    onChange(option);
    setText(optionText(option));
    setOpen(false);
    setActiveIndex(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!isOpen) setOpen(true);
      setActiveIndex(Math.min(active + 1, Math.max(options.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActiveIndex(Math.max(active - 1, 0));
    } else if (event.key === 'Enter' && isOpen && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape') {
      if (isOpen) {
        event.preventDefault();
        setOpen(false);
      } else if (text) {
        setText('');
        onChange(null);
      }
    }
  };

  return (
    <FieldShell
      inputId={id}
      label={label}
      description={description}
      error={error}
      isOptional={isOptional}
    >
      <div className="utrecht-combobox kl-combobox">
        <Textbox
          id={id}
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={isOpen}
          aria-controls={listId}
          aria-activedescendant={isOpen && active >= 0 ? optionId(active) : undefined}
          aria-describedby={describedBy(id, Boolean(description), error)}
          invalid={Boolean(error)}
          required={!isOptional}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActiveIndex(-1);
            if (selectedKey && event.target.value !== selectedText) {
              setClearedByTyping(true);
              onChange(null);
            }
          }}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        <div
          className={cx(
            'utrecht-combobox__popover',
            'utrecht-combobox__popover--block-end',
            'kl-combobox__popover',
            !isOpen && 'utrecht-combobox__popover--hidden',
          )}
        >
          <div className="utrecht-listbox kl-listbox">
            <ul id={listId} role="listbox" aria-label={label} className="utrecht-listbox__list">
              {options.map((option, index) => {
                const key = optionKey(option);
                return (
                  <li
                    key={key}
                    id={optionId(index)}
                    role="option"
                    aria-selected={selectedKey === key}
                    className={cx(
                      'utrecht-listbox__option',
                      'kl-listbox__option',
                      index === active && 'utrecht-listbox__option--active',
                      selectedKey === key && 'utrecht-listbox__option--selected',
                    )}
                    // Keep focus in the textbox, so choosing does not blur (and close) first.
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => choose(index)}
                  >
                    {renderOption ? renderOption(option) : optionText(option)}
                  </li>
                );
              })}
            </ul>
            {query.isFetching && options.length === 0 && (
              <p className="kl-listbox__note">{t('common.loading')}</p>
            )}
            {!query.isFetching && query.data && options.length === 0 && (
              <p className="kl-listbox__note">{noneText}</p>
            )}
            {total > options.length && (
              <p className="kl-listbox__note">
                {t('combobox.more', { shown: options.length, total })}
              </p>
            )}
          </div>
        </div>
      </div>
      <div role="status" className="kl-visually-hidden">
        {isOpen && query.data ? foundText(total) : ''}
      </div>
    </FieldShell>
  );
}
