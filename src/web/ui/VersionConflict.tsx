// Someone else saved this record while it was open here (a meeting's part, an interview's details,
// a memo): the fields that differ, each with
// both versions in words and a choice (yours by default), then a save on top of the current
// version, or keeping the current one (which throws the edits made here away, and says so).
// The heading takes focus when the view appears, so keyboard and screen-reader users land on it.
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useTranslation } from 'react-i18next';
import { Alert } from './Alert';
import { cx } from './class-names';

export type Side = 'yours' | 'current';
export type ConflictField = { key: string; label: string; yours: string; current: string };

export type VersionConflictProps = {
  /** Only the fields that differ. */
  fields: ConflictField[];
  onSave: (picks: Record<string, Side>) => void;
  onKeepCurrent: () => void;
  isBusy?: boolean;
  headingLevel?: 3 | 4;
  /**
   * Where the feature keeps the texts (title, intro, noDifferences, yours, current, empty, save,
   * keepCurrent), e.g. `meetings.conflict`.
   */
  texts: string;
};

export function VersionConflict({
  fields,
  onSave,
  onKeepCurrent,
  isBusy,
  headingLevel = 3,
  texts,
}: VersionConflictProps) {
  const { t } = useTranslation();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [picks, setPicks] = useState<Record<string, Side>>({});
  const pickOf = (key: string): Side => picks[key] ?? 'yours';

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className="kl-conflict" aria-labelledby={`${id}-heading`}>
      <Heading
        level={headingLevel}
        id={`${id}-heading`}
        ref={headingRef}
        tabIndex={-1}
        className="kl-conflict__heading"
      >
        {t(`${texts}.title`)}
      </Heading>
      <Alert type="warning">
        <p className="kl-alert__text">{t(`${texts}.intro`)}</p>
      </Alert>
      {fields.length === 0 ? (
        <p className="nl-paragraph">{t(`${texts}.noDifferences`)}</p>
      ) : (
        <ul className="kl-conflict__fields">
          {fields.map((field) => (
            <li key={field.key}>
              <fieldset className="utrecht-form-fieldset kl-radio-group">
                <legend className="utrecht-form-fieldset__legend kl-radio-group__legend">
                  {field.label}
                </legend>
                <div className="kl-conflict__options">
                  {(['yours', 'current'] as const).map((side) => {
                    const isPicked = pickOf(field.key) === side;
                    return (
                      <label
                        key={side}
                        className={cx(
                          'kl-conflict__option',
                          isPicked && 'kl-conflict__option--picked',
                        )}
                      >
                        <input
                          type="radio"
                          className="utrecht-radio-button utrecht-radio-button--html-input"
                          name={`${id}-${field.key}`}
                          checked={isPicked}
                          onChange={() => setPicks((p) => ({ ...p, [field.key]: side }))}
                        />
                        <span className="kl-conflict__text">
                          <span className="kl-conflict__side">{t(`${texts}.${side}`)}:</span>{' '}
                          <span>{field[side] || t(`${texts}.empty`)}</span>
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
            if (!isBusy) onSave(Object.fromEntries(fields.map((f) => [f.key, pickOf(f.key)])));
          }}
        >
          {t(`${texts}.save`)}
        </Button>
        <Button purpose="secondary" onClick={onKeepCurrent}>
          {t(`${texts}.keepCurrent`)}
        </Button>
      </div>
    </section>
  );
}

/** The fields whose shown values differ between the two versions. */
export function differing(fields: ConflictField[]): ConflictField[] {
  return fields.filter((field) => field.yours !== field.current);
}
