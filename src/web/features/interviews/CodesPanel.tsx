// What is coded in this text: every code used, with its colour and how many fragments carry it,
// as checkboxes that show or hide those fragments (bars and highlights); and, when more than one
// person's coding is visible, the same per coder.
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useTranslation } from 'react-i18next';
import type { Segment } from '../../../shared/contract/coding';
import { numberText } from './labels';

export type CodeUse = { key: string; name: string; color: string; count: number };
export type CoderUse = { key: string; name: string; count: number };

/** A coder's key: their id, or for an imported coder without an account, their name. */
export const coderKey = (segment: Pick<Segment, 'coderId' | 'coderName'>) =>
  segment.coderId ?? `name:${segment.coderName}`;

/** A code's key (segments whose code was removed meanwhile share one). */
export const codeKey = (segment: Pick<Segment, 'codeId'>) => segment.codeId ?? 'none';

export type CodesPanelProps = {
  codes: CodeUse[];
  coders: CoderUse[];
  hiddenCodes: ReadonlySet<string>;
  hiddenCoders: ReadonlySet<string>;
  onCodeShown: (key: string, isShown: boolean) => void;
  onCoderShown: (key: string, isShown: boolean) => void;
  onShowAll: () => void;
};

export function CodesPanel({
  codes,
  coders,
  hiddenCodes,
  hiddenCoders,
  onCodeShown,
  onCoderShown,
  onShowAll,
}: CodesPanelProps) {
  const { t, i18n } = useTranslation();
  const count = (n: number) => numberText(n, i18n.language);
  return (
    <section className="kl-iv-panel" aria-labelledby="iv-codes-heading">
      <Heading level={2} id="iv-codes-heading">
        {t('interviews.codes.title')}
      </Heading>
      {codes.length === 0 ? (
        <p className="kl-iv-meta">{t('interviews.codes.none')}</p>
      ) : (
        <fieldset className="utrecht-form-fieldset kl-iv-fieldset">
          <legend className="utrecht-form-fieldset__legend kl-iv-meta">
            {t('interviews.codes.legend')}
          </legend>
          <ul className="kl-iv-uses">
            {codes.map((code) => (
              <li key={code.key}>
                <label className="kl-iv-use">
                  <input
                    type="checkbox"
                    className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
                    checked={!hiddenCodes.has(code.key)}
                    onChange={(event) => onCodeShown(code.key, event.target.checked)}
                  />
                  <span
                    className="kl-iv-swatch"
                    style={{ backgroundColor: code.color }}
                    aria-hidden="true"
                  />
                  <span className="kl-iv-use__name">{code.name}</span>
                  <span className="kl-iv-use__count">
                    {t('interviews.codes.fragments', {
                      count: code.count,
                      number: count(code.count),
                    })}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {coders.length > 1 && (
        <fieldset className="utrecht-form-fieldset kl-iv-fieldset">
          <legend className="utrecht-form-fieldset__legend kl-iv-legend">
            {t('interviews.codes.coders')}
          </legend>
          <ul className="kl-iv-uses">
            {coders.map((coder) => (
              <li key={coder.key}>
                <label className="kl-iv-use">
                  <input
                    type="checkbox"
                    className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
                    checked={!hiddenCoders.has(coder.key)}
                    onChange={(event) => onCoderShown(coder.key, event.target.checked)}
                  />
                  <span className="kl-iv-use__name">{coder.name}</span>
                  <span className="kl-iv-use__count">
                    {t('interviews.codes.fragments', {
                      count: coder.count,
                      number: count(coder.count),
                    })}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {(hiddenCodes.size > 0 || hiddenCoders.size > 0) && (
        <Button purpose="subtle" onClick={onShowAll}>
          {t('interviews.codes.showAll')}
        </Button>
      )}
    </section>
  );
}
