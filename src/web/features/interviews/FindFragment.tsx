// "Fragment zoeken": another way to select a fragment, without a mouse or fine pointer work.
// Type the words of the fragment; every place in the text where they occur (case ignored) is
// listed with a little context, and choosing one selects exactly those words, ready for codes.
import { useId, useState, type FormEvent } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useTranslation } from 'react-i18next';
import type { OffsetIndex } from '../../../shared/domain/text-offsets';
import { TextField } from '../../ui/TextField';
import type { CodePointRange } from './text-selection';

export type Occurrence = { range: CodePointRange; before: string; match: string; after: string };

const maxShown = 20;
const context = 30;

/** Where the words occur in the text (case ignored), as code points, with context. */
export function findOccurrences(text: string, index: OffsetIndex, words: string): Occurrence[] {
  const wanted = words.trim().replace(/\s+/g, ' ');
  if (wanted.length < 2) return [];
  // Any run of white space in the text matches a space typed.
  const pattern = new RegExp(
    wanted
      .split(' ')
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+'),
    'giu',
  );
  const found: Occurrence[] = [];
  for (const match of text.matchAll(pattern)) {
    const from = match.index;
    const to = from + match[0].length;
    found.push({
      range: { start: index.utf16ToCodePoint(from), end: index.utf16ToCodePoint(to) },
      before: text.slice(Math.max(0, from - context), from).replace(/\s+/g, ' '),
      match: match[0].replace(/\s+/g, ' '),
      after: text.slice(to, to + context).replace(/\s+/g, ' '),
    });
    if (found.length > maxShown) break;
  }
  return found;
}

export function FindFragment({
  text,
  index,
  onChoose,
}: {
  text: string;
  index: OffsetIndex;
  onChoose: (range: CodePointRange) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [words, setWords] = useState('');
  const [results, setResults] = useState<Occurrence[] | null>(null);

  const search = (event: FormEvent) => {
    event.preventDefault();
    setResults(findOccurrences(text, index, words));
  };

  return (
    <section className="kl-iv-panel" aria-labelledby={`${id}-heading`}>
      <Heading level={2} id={`${id}-heading`}>
        {t('interviews.find.title')}
      </Heading>
      <p className="kl-iv-meta">{t('interviews.find.intro')}</p>
      <form
        role="search"
        className="kl-form kl-iv-find"
        onSubmit={search}
        aria-labelledby={`${id}-heading`}
      >
        <TextField
          id={`${id}-words`}
          label={t('interviews.find.words')}
          type="search"
          autoComplete="off"
          value={words}
          onChange={setWords}
        />
        <div className="kl-form__actions">
          <Button type="submit" purpose="secondary">
            {t('interviews.find.search')}
          </Button>
        </div>
      </form>
      <p className="kl-iv-meta" role="status">
        {results === null
          ? ''
          : results.length > maxShown
            ? t('interviews.find.tooMany', { count: maxShown })
            : t('interviews.find.found', { count: results.length })}
      </p>
      {results && results.length > 0 && (
        <ol className="kl-iv-occurrences">
          {results.slice(0, maxShown).map((occurrence) => (
            <li key={occurrence.range.start}>
              <button
                type="button"
                className="kl-iv-link-button kl-iv-occurrence"
                onClick={() => onChoose(occurrence.range)}
              >
                <span className="kl-visually-hidden">{t('interviews.find.choose')} </span>…
                {occurrence.before}
                <mark>{occurrence.match}</mark>
                {occurrence.after}…
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
