// Someone else saved this code while it was open here: each field that differs, with both
// versions in words and a choice (what was typed here by default), then a save on top of the
// current version, or keeping the current one (the edits made here go, and the screen says so).
// The heading takes focus when the view appears, so keyboard and screen-reader users land on it.
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../shared/contract/coding';
import { Alert } from '../../ui/Alert';
import { cx } from '../../ui/class-names';
import type { CodeConflict, CodeUpdate } from './api';
import { pathOf } from './code-tree';

export type Side = 'yours' | 'current';
type Field = 'name' | 'parentId' | 'definition' | 'inclusion' | 'exclusion' | 'color';
type ConflictField = { key: Field; label: string; yours: string; current: string };

export type CodeConflictViewProps = {
  conflict: CodeConflict;
  /** The codebook's codes, to name parents by their path. */
  codes: readonly Code[];
  onSave: (body: CodeUpdate) => void;
  onKeepCurrent: () => void;
  isBusy?: boolean;
};

export function CodeConflictView({
  conflict,
  codes,
  onSave,
  onKeepCurrent,
  isBusy,
}: CodeConflictViewProps) {
  const { t } = useTranslation();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [picks, setPicks] = useState<Partial<Record<Field, Side>>>({});
  const { current, yours } = conflict;
  const pickOf = (key: Field): Side => picks[key] ?? 'yours';

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const parentText = (parentId: string | null | undefined) =>
    parentId ? pathOf(codes, parentId).join(' › ') : t('coding.form.noParent');
  const fields: ConflictField[] = (
    [
      { key: 'name', label: t('coding.form.name'), yours: yours.name, current: current.name },
      {
        key: 'parentId',
        label: t('coding.form.parent'),
        yours: parentText(yours.parentId),
        current: parentText(current.parentId),
      },
      {
        key: 'definition',
        label: t('coding.form.definition'),
        yours: yours.definition ?? '',
        current: current.definition,
      },
      {
        key: 'inclusion',
        label: t('coding.form.inclusion'),
        yours: yours.inclusion ?? '',
        current: current.inclusion,
      },
      {
        key: 'exclusion',
        label: t('coding.form.exclusion'),
        yours: yours.exclusion ?? '',
        current: current.exclusion,
      },
      {
        key: 'color',
        label: t('coding.form.color'),
        yours: (yours.color ?? '').toLowerCase(),
        current: current.color.toLowerCase(),
      },
    ] satisfies ConflictField[]
  ).filter((field) => field.yours !== field.current);

  const merged = (): CodeUpdate => {
    const pick = <K extends Field>(key: K) =>
      pickOf(key) === 'current' ? current[key] : (yours[key] ?? current[key]);
    return {
      name: pick('name'),
      parentId: pick('parentId'),
      definition: pick('definition'),
      inclusion: pick('inclusion'),
      exclusion: pick('exclusion'),
      color: pick('color'),
      version: current.version,
    };
  };

  return (
    <section className="kl-cd-conflict" aria-labelledby={`${id}-heading`}>
      <Heading
        level={3}
        id={`${id}-heading`}
        ref={headingRef}
        tabIndex={-1}
        className="kl-cd-focus-target"
      >
        {t('coding.conflict.title')}
      </Heading>
      <Alert type="warning">
        <p className="kl-alert__text">{t('coding.conflict.intro', { name: current.name })}</p>
      </Alert>
      {fields.length === 0 ? (
        <p className="nl-paragraph">{t('coding.conflict.noDifferences')}</p>
      ) : (
        <ul className="kl-cd-conflict__fields">
          {fields.map((field) => (
            <li key={field.key}>
              <fieldset className="utrecht-form-fieldset kl-cd-fieldset">
                <legend className="utrecht-form-fieldset__legend kl-cd-legend">
                  {field.label}
                </legend>
                <div className="kl-cd-conflict__options">
                  {(['yours', 'current'] as const).map((side) => {
                    const isPicked = pickOf(field.key) === side;
                    return (
                      <label
                        key={side}
                        className={cx(
                          'kl-cd-conflict__option',
                          isPicked && 'kl-cd-conflict__option--picked',
                        )}
                      >
                        <input
                          type="radio"
                          className="utrecht-radio-button utrecht-radio-button--html-input"
                          name={`${id}-${field.key}`}
                          checked={isPicked}
                          onChange={() => setPicks((p) => ({ ...p, [field.key]: side }))}
                        />
                        <span className="kl-cd-conflict__text">
                          <span className="kl-cd-conflict__side">
                            {t(`coding.conflict.${side}`)}:
                          </span>{' '}
                          {field.key === 'color' && field[side] && (
                            <span
                              className="kl-cd-swatch"
                              style={{ backgroundColor: field[side] }}
                              aria-hidden="true"
                            />
                          )}
                          <span>{field[side] || t('coding.conflict.empty')}</span>
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
            if (!isBusy) onSave(merged());
          }}
        >
          {t('coding.conflict.save')}
        </Button>
        <Button purpose="secondary" onClick={onKeepCurrent}>
          {t('coding.conflict.keepCurrent')}
        </Button>
      </div>
    </section>
  );
}
