// Someone else saved this item while it was open here. Both versions side by side, only the
// fields that differ, each field a radio group (yours or the current one, or all of one side
// at once; side by side on a wide screen, one under the other on a phone), then a save on top
// of the current version. Keeping the current version throws the
// edits made here away, and says so.
import { useId, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useTranslation } from 'react-i18next';
import type { TimelineItem } from '../../../shared/contract/timeline';
import { Alert } from '../../ui/Alert';
import { cx } from '../../ui/class-names';
import {
  editableFields,
  editableValues,
  type EditableField,
  type ItemInput,
  type ItemUpdate,
} from './api';
import { fieldLabel, sameValue, valueText, type ValueContext } from './field-values';

export type ConflictViewProps = {
  yours: ItemUpdate;
  current: TimelineItem;
  context: Omit<ValueContext, 't' | 'language'>;
  /** Save the chosen mix on top of the current version. */
  onSave: (merged: ItemUpdate) => void;
  /** Drop the edits made here and continue from the current version. */
  onKeepCurrent: () => void;
  isBusy?: boolean;
};

type Side = 'yours' | 'current';

export function differingFields(yours: ItemInput, current: ItemInput): EditableField[] {
  return editableFields.filter((field) => !sameValue(yours[field], current[field]));
}

/** Your version with the fields picked from the current one, based on the current version. */
export function mergeVersions(
  yours: ItemInput,
  current: TimelineItem,
  picks: Partial<Record<EditableField, Side>>,
): ItemUpdate {
  const merged: ItemInput = { ...editableValues(yours) };
  const theirs = editableValues(current);
  for (const field of editableFields) {
    if (picks[field] === 'current') Object.assign(merged, { [field]: theirs[field] });
  }
  return { ...merged, version: current.version };
}

export function ConflictView({
  yours,
  current,
  context,
  onSave,
  onKeepCurrent,
  isBusy,
}: ConflictViewProps) {
  const { t, i18n } = useTranslation();
  const name = useId();
  const fields = differingFields(yours, current);
  const [picks, setPicks] = useState<Partial<Record<EditableField, Side>>>({});
  const pickOf = (field: EditableField): Side => picks[field] ?? 'yours';
  const pickAll = (side: Side) =>
    setPicks(Object.fromEntries(fields.map((field) => [field, side])));
  const full: ValueContext = { ...context, t, language: i18n.language };

  return (
    <section className="kl-tl-conflict" aria-labelledby={`${name}-heading`}>
      <Heading level={3} id={`${name}-heading`}>
        {t('timeline.conflict.title')}
      </Heading>
      <Alert type="warning">
        <p className="kl-alert__text">{t('timeline.conflict.intro')}</p>
      </Alert>
      {fields.length === 0 ? (
        <p className="nl-paragraph">{t('timeline.conflict.noDifferences')}</p>
      ) : (
        <>
          <p className="kl-tl-conflict__count" id={`${name}-count`}>
            {t('timeline.conflict.caption', { count: fields.length })}
          </p>
          <ul className="kl-tl-conflict__fields" aria-labelledby={`${name}-count`}>
            {fields.map((field) => (
              <li key={field}>
                <fieldset className="utrecht-form-fieldset kl-tl-conflict__field">
                  <legend className="utrecht-form-fieldset__legend kl-tl-conflict__legend">
                    {fieldLabel(field, t)}
                  </legend>
                  <div className="kl-tl-conflict__options">
                    {(['yours', 'current'] as const).map((side) => {
                      const source = side === 'yours' ? yours : current;
                      const isPicked = pickOf(field) === side;
                      return (
                        <label
                          key={side}
                          className={cx(
                            'kl-tl-conflict__option',
                            isPicked && 'kl-tl-conflict__option--picked',
                          )}
                        >
                          <input
                            type="radio"
                            className="utrecht-radio-button utrecht-radio-button--html-input"
                            name={`${name}-${field}`}
                            checked={isPicked}
                            onChange={() => setPicks((p) => ({ ...p, [field]: side }))}
                          />
                          <span className="kl-tl-conflict__text">
                            <span className="kl-tl-conflict__side">
                              {t(`timeline.conflict.${side}`)}:
                            </span>{' '}
                            <span className="kl-tl-conflict__value">
                              {valueText(field, source[field], full, source.lane)}
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
        </>
      )}
      <div className="kl-form__actions">
        {fields.length > 1 && (
          <>
            <Button purpose="subtle" onClick={() => pickAll('yours')}>
              {t('timeline.conflict.allYours')}
            </Button>
            <Button purpose="subtle" onClick={() => pickAll('current')}>
              {t('timeline.conflict.allCurrent')}
            </Button>
          </>
        )}
      </div>
      <div className="kl-form__actions">
        <Button
          purpose="primary"
          busy={isBusy}
          onClick={() => {
            if (!isBusy) onSave(mergeVersions(yours, current, picks));
          }}
        >
          {t('timeline.conflict.save')}
        </Button>
        <Button purpose="secondary" onClick={onKeepCurrent}>
          {t('timeline.conflict.keepCurrent')}
        </Button>
      </div>
    </section>
  );
}
