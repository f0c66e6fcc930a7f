// A search form (role=search) for a list: type, then press Enter or the button.
import { useId, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { FormLabel } from '@utrecht/form-label-react';
import { Textbox } from '@utrecht/textbox-react';
import { useTranslation } from 'react-i18next';

export function SearchBox({
  label,
  initialQuery,
  onSearch,
}: {
  label: string;
  initialQuery: string;
  onSearch: (query: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState(initialQuery);
  return (
    <form
      role="search"
      className="kl-search"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(query.trim());
      }}
    >
      <FormLabel htmlFor={id}>{label}</FormLabel>
      <div className="kl-search__row">
        <Textbox
          id={id}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <Button type="submit" purpose="secondary">
          {t('common.search')}
        </Button>
      </div>
    </form>
  );
}
