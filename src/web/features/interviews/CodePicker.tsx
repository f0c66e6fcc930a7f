// "Codes toepassen" for the selected fragment: the fragment itself, a search box that narrows the
// codebook (name and definition, accents and case ignored), the codes as a tree of checkboxes
// (several may be chosen; archived codes are never offered), marks for "important" and "quote",
// and Apply. Codes chosen and then searched away stay chosen, and are named above the button.
// Enter in the search box chooses the only code found.
import { useId, useMemo, useState, type FormEvent, type Ref } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../shared/contract/coding';
import { CheckboxField } from '../../ui/CheckboxField';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { AppLink } from '../../ui/links';
import { TextField } from '../../ui/TextField';
import { countChoices, filterChoices, type ChoiceNode } from './code-choice';
import { numberText, positionText, preview } from './labels';
import type { CodePointRange } from './text-selection';
import { safeColour } from './TranscriptText';

export type CodePickerProps = {
  range: CodePointRange;
  fragment: string;
  tree: ChoiceNode[];
  codes: ReadonlyMap<string, Code>;
  programmeId: string;
  isCodebookLoading: boolean;
  canQuote: boolean;
  isBusy: boolean;
  searchRef: Ref<HTMLInputElement>;
  onApply: (choice: { codeIds: string[]; important: boolean; quote: boolean }) => void;
  onCancel: () => void;
};

export const pickerHeadingId = 'iv-picker-heading';
const formId = 'iv-picker';

export function CodePicker({
  range,
  fragment,
  tree,
  codes,
  programmeId,
  isCodebookLoading,
  canQuote,
  isBusy,
  searchRef,
  onApply,
  onCancel,
}: CodePickerProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [checked, setChecked] = useState<ReadonlySet<string>>(() => new Set());
  const [important, setImportant] = useState(false);
  const [quote, setQuote] = useState(false);
  const [error, setError] = useState('');
  const shown = useMemo(() => filterChoices(tree, query), [tree, query]);
  const found = countChoices(shown);

  const toggle = (codeId: string, on: boolean) => {
    setError('');
    setChecked((current) => {
      const next = new Set(current);
      if (on) next.add(codeId);
      else next.delete(codeId);
      return next;
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    if (checked.size === 0) {
      setError(t('interviews.picker.noneChosen'));
      return;
    }
    onApply({ codeIds: [...checked], important, quote: canQuote && quote });
  };

  const chosenNames = [...checked].map((codeId) => codes.get(codeId)?.name ?? '').filter(Boolean);

  return (
    <section className="kl-iv-panel kl-iv-picker" aria-labelledby={pickerHeadingId}>
      <Heading level={2} id={pickerHeadingId} tabIndex={-1} className="kl-iv-focus-target">
        {t('interviews.picker.title')}
      </Heading>
      <blockquote className="kl-iv-quote">{preview(fragment, 240)}</blockquote>
      <p className="kl-iv-meta">{positionText(range.start, range.end, t, i18n.language)}</p>
      {tree.length === 0 ? (
        <>
          <p className="nl-paragraph">
            {isCodebookLoading ? t('common.loading') : t('interviews.picker.noCodes')}
          </p>
          {!isCodebookLoading && (
            <p className="nl-paragraph">
              <AppLink to={`/programmes/${programmeId}/codebook`}>
                {t('interviews.picker.toCodebook')}
              </AppLink>
            </p>
          )}
          <div className="kl-form__actions">
            <Button purpose="subtle" onClick={onCancel}>
              {t('interviews.picker.cancel')}
            </Button>
          </div>
        </>
      ) : (
        <form
          noValidate
          onSubmit={submit}
          className="kl-form kl-iv-form"
          aria-labelledby={pickerHeadingId}
        >
          <ErrorSummary items={error ? [{ fieldId: `${formId}-codeIds`, message: error }] : []} />
          <TextField
            id={`${formId}-search`}
            ref={searchRef}
            type="search"
            autoComplete="off"
            label={t('interviews.picker.search')}
            description={t('interviews.picker.searchHint')}
            isOptional
            value={query}
            onChange={setQuery}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              event.preventDefault();
              const only = found === 1 ? onlyCode(shown) : null;
              if (only) toggle(only.id, true);
            }}
          />
          <p className="kl-iv-meta" role="status">
            {query.trim() ? t('interviews.picker.found', { count: found }) : ''}
          </p>
          <fieldset
            id={`${formId}-codeIds`}
            tabIndex={-1}
            className="utrecht-form-fieldset kl-iv-fieldset kl-iv-codes-fieldset"
            aria-describedby={error ? `${id}-error` : undefined}
          >
            <legend className="utrecht-form-fieldset__legend kl-iv-legend">
              {t('interviews.picker.codes')}
            </legend>
            {error && (
              <p id={`${id}-error`} className="utrecht-form-field-error-message">
                {error}
              </p>
            )}
            {found === 0 ? (
              <p className="nl-paragraph">{t('interviews.picker.nothingFound')}</p>
            ) : (
              <ChoiceList nodes={shown} checked={checked} onToggle={toggle} idPrefix={id} />
            )}
          </fieldset>
          <p className="kl-iv-meta" aria-live="polite">
            {chosenNames.length > 0
              ? t('interviews.picker.chosen', {
                  count: chosenNames.length,
                  codes: chosenNames.join(', '),
                  number: numberText(chosenNames.length, i18n.language),
                })
              : t('interviews.picker.chooseHint')}
          </p>
          <CheckboxField
            id={`${formId}-important`}
            label={t('interviews.segment.important')}
            isChecked={important}
            onChange={setImportant}
          />
          {canQuote && (
            <CheckboxField
              id={`${formId}-quote`}
              label={t('interviews.segment.quote')}
              isChecked={quote}
              onChange={setQuote}
            />
          )}
          <div className="kl-form__actions">
            <Button type="submit" purpose="primary" busy={isBusy}>
              {isBusy ? t('interviews.picker.applying') : t('interviews.picker.apply')}
            </Button>
            <Button purpose="subtle" onClick={onCancel}>
              {t('interviews.picker.cancel')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

function onlyCode(nodes: ChoiceNode[]): Code | null {
  const [node] = nodes;
  if (!node) return null;
  return node.children.length === 0 ? node.code : onlyCode(node.children);
}

function ChoiceList({
  nodes,
  checked,
  onToggle,
  idPrefix,
}: {
  nodes: ChoiceNode[];
  checked: ReadonlySet<string>;
  onToggle: (codeId: string, on: boolean) => void;
  idPrefix: string;
}) {
  return (
    <ul className="kl-iv-choices">
      {nodes.map(({ code, children }) => {
        const inputId = `${idPrefix}-code-${code.id}`;
        const definitionId = `${inputId}-definition`;
        return (
          <li key={code.id}>
            <div className="kl-iv-choice">
              <input
                id={inputId}
                type="checkbox"
                className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
                checked={checked.has(code.id)}
                aria-describedby={code.definition ? definitionId : undefined}
                onChange={(event) => onToggle(code.id, event.target.checked)}
              />
              <label htmlFor={inputId} className="kl-iv-choice__label">
                <span
                  className="kl-iv-swatch"
                  style={{ backgroundColor: safeColour(code.color) }}
                  aria-hidden="true"
                />
                {code.name}
              </label>
            </div>
            {code.definition && (
              <p id={definitionId} className="kl-iv-choice__definition">
                {code.definition}
              </p>
            )}
            {children.length > 0 && (
              <ChoiceList
                nodes={children}
                checked={checked}
                onToggle={onToggle}
                idPrefix={idPrefix}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
