// Someone else saved this part of the analysis while it was open here: the fields that differ,
// each with both versions in words and a choice (yours by default), then a save on top of the
// current version — or keeping the current one, which throws the edits made here away and says
// so. The heading takes focus when the view appears, so keyboard and screen-reader users land
// on it.
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert';
import { cx } from '../../ui/class-names';

export type Side = 'yours' | 'current';
export type ConflictField = { key: string; label: string; yours: string; current: string };

export type ConflictViewProps = {
  /** All fields; only those that differ are shown. */
  fields: ConflictField[];
  onSave: (picks: Record<string, Side>) => void;
  onKeepCurrent: () => void;
  isBusy?: boolean;
  headingLevel?: 3 | 4;
};

export function ConflictView({
  fields,
  onSave,
  onKeepCurrent,
  isBusy,
  headingLevel = 3,
}: ConflictViewProps) {
  const { t } = useTranslation();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [picks, setPicks] = useState<Record<string, Side>>({});
  const pickOf = (key: string): Side => picks[key] ?? 'yours';
  const differing = fields.filter((field) => field.yours !== field.current);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className="kl-an-conflict kl-an-panel" aria-labelledby={`${id}-heading`}>
      <Heading
        level={headingLevel}
        id={`${id}-heading`}
        ref={headingRef}
        tabIndex={-1}
        className="kl-an-focus-target"
      >
        {t('analysis.conflict.title')}
      </Heading>
      <Alert type="warning">
        <p className="kl-alert__text">{t('analysis.conflict.intro')}</p>
      </Alert>
      {differing.length === 0 ? (
        <p className="nl-paragraph">{t('analysis.conflict.noDifferences')}</p>
      ) : (
        <ul className="kl-an-conflict__fields">
          {differing.map((field) => (
            <li key={field.key}>
              <fieldset className="utrecht-form-fieldset kl-an-fieldset">
                <legend className="utrecht-form-fieldset__legend kl-an-legend">
                  {field.label}
                </legend>
                <div className="kl-an-conflict__options">
                  {(['yours', 'current'] as const).map((side) => {
                    const isPicked = pickOf(field.key) === side;
                    return (
                      <label
                        key={side}
                        className={cx(
                          'kl-an-conflict__option',
                          isPicked && 'kl-an-conflict__option--picked',
                        )}
                      >
                        <input
                          type="radio"
                          className="utrecht-radio-button utrecht-radio-button--html-input"
                          name={`${id}-${field.key}`}
                          checked={isPicked}
                          onChange={() => setPicks((p) => ({ ...p, [field.key]: side }))}
                        />
                        <span>
                          <span className="kl-an-conflict__side">
                            {t(`analysis.conflict.${side}`)}:
                          </span>{' '}
                          <span className="kl-an-prewrap">
                            {field[side] || t('analysis.conflict.empty')}
                          </span>
                        </span>
                      </label>
                    );
                  })}
                </div>
              </fieldset>
            </li>
          ))}
        </ul>
      )}
      <div className="kl-form__actions">
        <Button
          purpose="primary"
          busy={isBusy}
          onClick={() => {
            if (!isBusy) onSave(Object.fromEntries(differing.map((f) => [f.key, pickOf(f.key)])));
          }}
        >
          {t('analysis.conflict.save')}
        </Button>
        <Button purpose="secondary" onClick={onKeepCurrent}>
          {t('analysis.conflict.keepCurrent')}
        </Button>
      </div>
    </section>
  );
}

/** Takes each field from the side picked for it (yours when not picked). */
export function pick<T>(picks: Record<string, Side>, yours: T, current: T) {
  return (key: string): T => (picks[key] === 'current' ? current : yours);
}
