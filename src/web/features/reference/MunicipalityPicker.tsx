// A searchable select over the 342 municipalities (ARIA 1.2 combobox with a listbox).
// Typing searches the server by name or code; arrow keys move through the options, Enter
// chooses, Escape closes. Only a chosen option counts as a value, so typos cannot slip in.
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Textbox } from '@utrecht/textbox-react';
import { useTranslation } from 'react-i18next';
import { cx } from '../../ui/class-names';
import { FieldShell, describedBy } from '../../ui/FieldShell';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { municipalitySearchQuery } from './api';

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
  const [text, setText] = useState(value?.name ?? '');
  const [isOpen, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const debounced = useDebouncedValue(text.trim(), 200);
  // With a choice made, opening the list shows everything rather than only that one name.
  const searchText = value && text === value.name ? '' : debounced;
  const query = useQuery({ ...municipalitySearchQuery(searchText, shownOptions), enabled: isOpen });
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
    if (!option) return;
    onChange({ code: option.code, name: option.name });
    setText(option.name);
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
      description={description ?? t('municipality.hint')}
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
          aria-describedby={describedBy(id, true, error)}
          invalid={Boolean(error)}
          required={!isOptional}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActiveIndex(-1);
            if (value && event.target.value !== value.name) onChange(null);
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
              {options.map((option, index) => (
                <li
                  key={option.code}
                  id={optionId(index)}
                  role="option"
                  aria-selected={value?.code === option.code}
                  className={cx(
                    'utrecht-listbox__option',
                    'kl-listbox__option',
                    index === active && 'utrecht-listbox__option--active',
                    value?.code === option.code && 'utrecht-listbox__option--selected',
                  )}
                  // Keep focus in the textbox, so choosing does not blur (and close) first.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(index)}
                >
                  <span className="kl-listbox__name">{option.name}</span>{' '}
                  <span className="kl-listbox__meta">
                    {option.province} · {option.regionName}
                  </span>
                </li>
              ))}
            </ul>
            {query.isFetching && options.length === 0 && (
              <p className="kl-listbox__note">{t('common.loading')}</p>
            )}
            {!query.isFetching && query.data && options.length === 0 && (
              <p className="kl-listbox__note">{t('municipality.none')}</p>
            )}
            {total > options.length && (
              <p className="kl-listbox__note">
                {t('municipality.more', { shown: options.length, total })}
              </p>
            )}
          </div>
        </div>
      </div>
      <div role="status" className="kl-visually-hidden">
        {isOpen && query.data ? t('municipality.found', { count: total }) : ''}
      </div>
    </FieldShell>
  );
}
