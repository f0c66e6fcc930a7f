// Someone else saved (or cleared) this answer while it was being edited here. Both versions
// field by field, only the fields that differ, each a choice between yours and the current one
// (yours by default), then a save on top of the current version; or keep the current version
// and drop the edits made here. Focus moves to the heading, so the change of view is heard.
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useTranslation } from 'react-i18next';
import type { DossierAnswer } from '../../../shared/contract/dossier';
import type { InstrumentItem } from '../../../shared/contract/instruments';
import type { AnswerValue } from '../../../shared/domain/dossier-answers';
import { Alert } from '../../ui/Alert';
import { cx } from '../../ui/class-names';
import { formatDate } from '../../ui/format';
import type { AnswerInput } from './api';
import { answerFieldOrder, type AnswerField } from './answer-form';
import { fieldLabel, valueText } from './labels';

type Side = 'yours' | 'current';
type Comparable = Pick<AnswerInput, AnswerField>;

export type AnswerConflictProps = {
  item: InstrumentItem;
  yours: AnswerInput;
  current: DossierAnswer | null;
  /** Titles of the case's timeline items, for the links. */
  timelineTitles: Map<string, string>;
  onSave: (merged: AnswerInput) => void;
  onKeepCurrent: () => void;
  isBusy?: boolean;
};

function comparable(answer: DossierAnswer): Comparable {
  return {
    value: answer.value,
    evidence: answer.evidence,
    sourceDocument: answer.sourceDocument,
    sourceDate: answer.sourceDate,
    timelineItemIds: answer.timelineLinks.map((l) => l.timelineItemId),
  };
}

const normalise = (field: AnswerField, value: unknown) => {
  if (Array.isArray(value)) return JSON.stringify([...(value as string[])].sort());
  if (field === 'sourceDocument' || field === 'sourceDate') return JSON.stringify(value || null);
  return JSON.stringify(value ?? null);
};

export function differingFields(yours: Comparable, current: Comparable): AnswerField[] {
  return answerFieldOrder.filter(
    (field) => normalise(field, yours[field]) !== normalise(field, current[field]),
  );
}

/** Yours, with the fields picked from the current answer, on the current answer's version. */
export function mergeAnswers(
  yours: AnswerInput,
  current: DossierAnswer,
  picks: Partial<Record<AnswerField, Side>>,
): AnswerInput {
  const theirs = comparable(current);
  const merged: AnswerInput = { ...yours, version: current.version };
  for (const field of answerFieldOrder) {
    if (picks[field] === 'current') Object.assign(merged, { [field]: theirs[field] });
  }
  return merged;
}

export function AnswerConflict({
  item,
  yours,
  current,
  timelineTitles,
  onSave,
  onKeepCurrent,
  isBusy,
}: AnswerConflictProps) {
  const { t, i18n } = useTranslation();
  const name = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [picks, setPicks] = useState<Partial<Record<AnswerField, Side>>>({});
  useEffect(() => headingRef.current?.focus(), []);

  const empty = t('dossier.conflict.empty');
  const text = (field: AnswerField, value: unknown): string => {
    if (field === 'value') return valueText(item.answer, value as AnswerValue, t, i18n.language);
    if (field === 'timelineItemIds') {
      const ids = value as string[];
      return ids.length === 0
        ? empty
        : ids.map((id) => timelineTitles.get(id) ?? t('dossier.links.unknownItem')).join(', ');
    }
    if (typeof value !== 'string' || value === '') return empty;
    return field === 'sourceDate' ? formatDate(value, i18n.language) : value;
  };

  const save = (merged: AnswerInput) => {
    if (!isBusy) onSave(merged);
  };

  if (!current) {
    return (
      <section className="kl-dossier-conflict" aria-labelledby={`${name}-heading`}>
        <h4
          id={`${name}-heading`}
          ref={headingRef}
          tabIndex={-1}
          className="kl-dossier-conflict__title"
        >
          {t('dossier.conflict.clearedTitle')}
        </h4>
        <Alert type="warning">
          <p className="kl-alert__text">{t('dossier.conflict.clearedIntro')}</p>
        </Alert>
        <p className="nl-paragraph">
          {t('dossier.conflict.yours')}: {text('value', yours.value)}
        </p>
        <div className="kl-form__actions">
          <Button purpose="primary" busy={isBusy} onClick={() => save({ ...yours, version: 0 })}>
            {t('dossier.conflict.saveYoursAnyway')}
          </Button>
          <Button purpose="secondary" onClick={onKeepCurrent}>
            {t('dossier.conflict.keepCleared')}
          </Button>
        </div>
      </section>
    );
  }

  const fields = differingFields(yours, comparable(current));
  const pickOf = (field: AnswerField): Side => picks[field] ?? 'yours';
  return (
    <section className="kl-dossier-conflict" aria-labelledby={`${name}-heading`}>
      <h4
        id={`${name}-heading`}
        ref={headingRef}
        tabIndex={-1}
        className="kl-dossier-conflict__title"
      >
        {t('dossier.conflict.title')}
      </h4>
      <Alert type="warning">
        <p className="kl-alert__text">
          {t('dossier.conflict.intro', {
            name: current.researcher.name,
            version: current.version,
          })}
        </p>
      </Alert>
      {fields.length === 0 ? (
        <p className="nl-paragraph">{t('dossier.conflict.noDifferences')}</p>
      ) : (
        <>
          <p className="kl-dossier-conflict__count" id={`${name}-count`}>
            {t('dossier.conflict.caption', { count: fields.length })}
          </p>
          <ul className="kl-dossier-conflict__fields" aria-labelledby={`${name}-count`}>
            {fields.map((field) => (
              <li key={field}>
                <fieldset className="utrecht-form-fieldset kl-dossier-conflict__field">
                  <legend className="utrecht-form-fieldset__legend kl-dossier-options__legend">
                    {fieldLabel(field, t)}
                  </legend>
                  <div className="kl-dossier-conflict__options">
                    {(['yours', 'current'] as const).map((side) => {
                      const value = side === 'yours' ? yours[field] : comparable(current)[field];
                      const isPicked = pickOf(field) === side;
                      return (
                        <label
                          key={side}
                          className={cx(
                            'kl-dossier-conflict__option',
                            isPicked && 'kl-dossier-conflict__option--picked',
                          )}
                        >
                          <input
                            type="radio"
                            className="utrecht-radio-button utrecht-radio-button--html-input"
                            name={`${name}-${field}`}
                            checked={isPicked}
                            onChange={() => setPicks((p) => ({ ...p, [field]: side }))}
                          />
                          <span className="kl-dossier-conflict__text">
                            <span className="kl-dossier-conflict__side">
                              {t(`dossier.conflict.${side}`)}:
                            </span>{' '}
                            <span>{text(field, value)}</span>
                          </span>
                        </label>
                      );
                    })}
                  </div>
                </fieldset>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="kl-form__actions">
        <Button
          purpose="primary"
          busy={isBusy}
          onClick={() => save(mergeAnswers(yours, current, picks))}
        >
          {t('dossier.conflict.save')}
        </Button>
        <Button purpose="secondary" onClick={onKeepCurrent}>
          {t('dossier.conflict.keepCurrent')}
        </Button>
      </div>
    </section>
  );
}
