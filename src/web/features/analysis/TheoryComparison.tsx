// Two versions of the working theory side by side (one under the other on a phone): the older
// text with the words taken out struck through (<del>), the newer with the words put in
// underlined (<ins>), each marked by a visible sign and, for screen readers, by words — never
// by colour alone. Below each text its date, author, evaluation and who agreed.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Theory } from '../../../shared/contract/analysis';
import { fieldId } from '../../app/form-errors';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { LoadingState } from '../../ui/LoadingState';
import { SelectField } from '../../ui/SelectField';
import { theoryCompareQuery, type TheoryComparison } from './api';
import { TheoryAgreement } from './TheoryAgreement';

const wordCount = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;

type Part = { kind: 'same' | 'added' | 'removed'; text: string };

/**
 * One side of the comparison in that version's own text: the parts it shares with the other
 * version and the parts only it has (`own`), each found in order in the original text, so the
 * spaces and punctuation are as written there (a word comparison may move a space). When a part
 * cannot be found, the comparison's own parts are used as they are.
 */
export function sideParts(text: string, changes: Part[], own: 'added' | 'removed'): Part[] {
  const wanted = changes.filter((c) => c.kind === 'same' || c.kind === own);
  const parts: Part[] = [];
  let cursor = 0;
  for (const change of wanted) {
    const content = change.text.trim();
    if (!content) continue;
    const at = text.indexOf(content, cursor);
    if (at === -1) return wanted;
    if (at > cursor) parts.push({ kind: 'same', text: text.slice(cursor, at) });
    parts.push({ kind: change.kind, text: content });
    cursor = at + content.length;
  }
  if (cursor < text.length) parts.push({ kind: 'same', text: text.slice(cursor) });
  return parts;
}

/** The form to choose two versions, and their comparison once chosen. */
export function TheoryCompare({ caseId, theories }: { caseId: string; theories: Theory[] }) {
  const { t, i18n } = useTranslation();
  const formId = 'an-compare';
  const newest = theories.at(-1);
  const before = theories.at(-2);
  const [from, setFrom] = useState(String(before?.number ?? ''));
  const [to, setTo] = useState(String(newest?.number ?? ''));
  const [chosen, setChosen] = useState<{ from: number; to: number } | null>(null);
  const [error, setError] = useState('');
  const query = useQuery({
    ...theoryCompareQuery(caseId, chosen?.from ?? 0, chosen?.to ?? 0),
    enabled: chosen !== null,
  });
  const options = theories.map((v) => ({
    value: String(v.number),
    label: t('analysis.theory.versionOption', {
      number: v.number,
      date: formatDate(v.dated, i18n.language),
    }),
  }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (from === to) {
      setError(t('analysis.compare.sameVersion'));
      return;
    }
    setError('');
    // Older first, whichever way round they were picked.
    const [a, b] = [Number(from), Number(to)].sort((x, y) => x - y) as [number, number];
    setChosen({ from: a, to: b });
  };

  return (
    <>
      <form
        noValidate
        onSubmit={submit}
        className="kl-an-compare-form"
        aria-label={t('analysis.compare.title')}
      >
        <SelectField
          id={fieldId(formId, 'from')}
          label={t('analysis.compare.from')}
          options={options}
          value={from}
          onChange={setFrom}
        />
        <SelectField
          id={fieldId(formId, 'to')}
          label={t('analysis.compare.to')}
          options={options}
          value={to}
          onChange={setTo}
          error={error || undefined}
        />
        <div className="kl-form__actions">
          <Button type="submit" purpose="secondary">
            {t('analysis.compare.submit')}
          </Button>
        </div>
      </form>
      {chosen &&
        (query.isPending ? (
          <LoadingState />
        ) : query.isError ? (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <ComparisonView comparison={query.data} />
        ))}
    </>
  );
}

/** The comparison itself; its heading takes the focus when it appears. */
export function ComparisonView({ comparison }: { comparison: TheoryComparison }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const added = comparison.changes
    .filter((c) => c.kind === 'added')
    .reduce((sum, c) => sum + wordCount(c.text), 0);
  const removed = comparison.changes
    .filter((c) => c.kind === 'removed')
    .reduce((sum, c) => sum + wordCount(c.text), 0);

  useEffect(() => {
    headingRef.current?.focus();
  }, [comparison.from.number, comparison.to.number]);

  const side = (version: Theory, shows: 'removed' | 'added') => (
    <section className="kl-an-compare__side" aria-labelledby={`${id}-${shows}`}>
      <Heading level={5} id={`${id}-${shows}`}>
        {t('analysis.theory.versionTitle', {
          number: version.number,
          date: formatDate(version.dated, i18n.language),
        })}
      </Heading>
      <p className="kl-an-compare__text">
        {sideParts(version.text, comparison.changes, shows).map((change, index) => {
          if (change.kind === 'same') return <span key={index}>{change.text}</span>;
          if (change.kind !== shows) return null;
          // Whitespace alone is not worth a mark.
          if (!change.text.trim()) return <span key={index}>{change.text}</span>;
          const Mark = shows === 'added' ? 'ins' : 'del';
          return (
            <Mark key={index} className={`kl-an-mark kl-an-mark--${shows}`}>
              <span className="kl-visually-hidden">{t(`analysis.compare.${shows}Start`)} </span>
              <span className="kl-an-mark__sign" aria-hidden="true">
                {shows === 'added' ? '+' : '−'}
              </span>
              {/* A word joiner: the sign never ends a line on its own. */}
              {`\u2060${change.text}`}
              <span className="kl-visually-hidden"> {t(`analysis.compare.${shows}End`)}</span>
            </Mark>
          );
        })}
      </p>
      <TheoryAgreement theory={version} />
    </section>
  );

  return (
    <section className="kl-an-compare" aria-labelledby={`${id}-title`}>
      <Heading
        level={4}
        id={`${id}-title`}
        ref={headingRef}
        tabIndex={-1}
        className="kl-an-focus-target"
      >
        {t('analysis.compare.resultTitle', {
          from: comparison.from.number,
          to: comparison.to.number,
        })}
      </Heading>
      <p className="kl-an-compare__summary">
        {t('analysis.compare.summary', {
          added: t('analysis.compare.words', { count: added }),
          removed: t('analysis.compare.words', { count: removed }),
        })}
      </p>
      <ul className="kl-an-compare__legend" aria-label={t('analysis.compare.legend')}>
        <li>
          <del className="kl-an-mark kl-an-mark--removed">
            <span className="kl-an-mark__sign" aria-hidden="true">
              −
            </span>
            {t('analysis.compare.example')}
          </del>{' '}
          {t('analysis.compare.removedMeaning')}
        </li>
        <li>
          <ins className="kl-an-mark kl-an-mark--added">
            <span className="kl-an-mark__sign" aria-hidden="true">
              +
            </span>
            {t('analysis.compare.example')}
          </ins>{' '}
          {t('analysis.compare.addedMeaning')}
        </li>
      </ul>
      <div className="kl-an-compare__sides">
        {side(comparison.from, 'removed')}
        {side(comparison.to, 'added')}
      </div>
    </section>
  );
}
