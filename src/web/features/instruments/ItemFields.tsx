// One item (a question) of the draft, as a fieldset: folded, a line with its key and answer
// type; unfolded, its question, key, answer type and that type's settings (number bounds and
// unit, or the choice options), help text, guideline and timeline-lane hint. Its buttons fold
// it, move it up or down, move it to another section and remove it; every one names the item
// for screen readers, and the editor puts focus back where the item went.
import { useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react';
import { useTranslation } from 'react-i18next';
import { answerTypes, type AnswerTypeName } from '../../../shared/contract/instruments';
import { timelineLanes } from '../../../shared/domain/timeline';
import type { FieldErrors } from '../../app/form-errors';
import { CheckboxField } from '../../ui/CheckboxField';
import { cx } from '../../ui/class-names';
import { Select, SelectField } from '../../ui/SelectField';
import { TextareaField } from '../../ui/TextareaField';
import { TextField } from '../../ui/TextField';
import { ChoiceOptions } from './ChoiceOptions';
import { ReorderButton } from './ReorderButton';
import {
  answerOf,
  moveItem,
  moveItemTo,
  removeItem,
  updateItem,
  type DraftState,
  type ItemRow,
  type PublishedKeys,
  type SectionRow,
} from './draft-model';
import { controlId, inputId, type EditEffect } from './editor-ids';
import { answerText } from './labels';

export type ItemFieldsProps = {
  item: ItemRow;
  index: number;
  section: SectionRow;
  sectionNumber: number;
  sections: SectionRow[];
  isOpen: boolean;
  onToggle: () => void;
  errors: FieldErrors;
  published: PublishedKeys;
  edit: (change: (state: DraftState) => DraftState, effect?: EditEffect) => void;
};

export function ItemFields({
  item,
  index,
  section,
  sectionNumber,
  sections,
  isOpen,
  onToggle,
  errors,
  published,
  edit,
}: ItemFieldsProps) {
  const { t, i18n } = useTranslation();
  const others = sections.filter((s) => s.rowId !== section.rowId);
  const [target, setTarget] = useState('');
  const number = `${sectionNumber}.${index + 1}`;
  const name = item.question.trim() || t('instruments.editor.newItem');
  const hidden = (
    <span className="kl-visually-hidden">
      {' '}
      {t('instruments.editor.itemName', { number, name })}
    </span>
  );
  const error = (field: string) => errors[`${item.rowId}.${field}`];
  const change = (patch: Partial<ItemRow>) => edit((s) => updateItem(s, item.rowId, patch));
  const before = published.get(item.key);
  const isLast = index === section.items.length - 1;
  const targetId = controlId(item.rowId, 'move-target');
  const chosen = others.find((s) => s.rowId === target) ?? others[0];

  const move = (direction: -1 | 1) => {
    const position = index + direction + 1;
    const isAtEdge = position === 1 || position === section.items.length;
    const wanted = direction === -1 ? 'up' : 'down';
    const control = isAtEdge ? (wanted === 'up' ? 'down' : 'up') : wanted;
    edit((s) => moveItem(s, item.rowId, direction), {
      focus: section.items.length > 1 ? controlId(item.rowId, control) : undefined,
      message: t('instruments.editor.itemMoved', {
        name,
        position,
        total: section.items.length,
      }),
    });
  };

  const remove = () => {
    const next = section.items[index + 1] ?? section.items[index - 1];
    edit((s) => removeItem(s, item.rowId), {
      focus: next ? controlId(next.rowId, 'toggle') : inputId(`${section.rowId}.items`),
      message: t('instruments.editor.itemRemoved', { name }),
    });
  };

  return (
    <li className="kl-in-item">
      <fieldset
        className={cx(
          'utrecht-form-fieldset',
          'kl-in-item__fieldset',
          isOpen && 'kl-in-item__fieldset--open',
        )}
      >
        <legend className="utrecht-form-fieldset__legend kl-in-item__legend">
          <span className="kl-in-item__number">
            {t('instruments.editor.itemNumber', { number })}
          </span>{' '}
          {name}
        </legend>
        {isOpen ? (
          <div className="kl-in-item__fields">
            <TextareaField
              id={inputId(`${item.rowId}.question`)}
              label={t('instruments.field.question')}
              value={item.question}
              onChange={(question) => change({ question })}
              error={error('question')}
              rows={2}
            />
            <div className="kl-form__row">
              <TextField
                id={inputId(`${item.rowId}.key`)}
                label={t('instruments.field.key')}
                description={
                  before
                    ? t('instruments.field.keyPublished', {
                        number: before.number,
                        type: t(`instruments.answerType.${before.type}`),
                      })
                    : t('instruments.field.keyHint')
                }
                value={item.key}
                onChange={(key) => change({ key })}
                error={error('key')}
                autoCapitalize="none"
                autoComplete="off"
                spellCheck={false}
                className="kl-in-code"
              />
              <SelectField
                id={inputId(`${item.rowId}.answer.type`)}
                label={t('instruments.field.answerType')}
                value={item.type}
                options={answerTypes.map((type) => ({
                  value: type,
                  label: t(`instruments.answerType.${type}`),
                }))}
                onChange={(type) => change({ type: type as AnswerTypeName })}
                error={error('answer.type')}
              />
            </div>
            {item.type === 'number' && (
              <fieldset className="utrecht-form-fieldset kl-in-subfieldset">
                <legend className="utrecht-form-fieldset__legend kl-in-sublegend">
                  {t('instruments.field.numberSettings')}
                </legend>
                <div className="kl-form__row kl-in-number">
                  <TextField
                    id={inputId(`${item.rowId}.answer.min`)}
                    label={t('instruments.field.min')}
                    value={item.min}
                    onChange={(min) => change({ min })}
                    error={error('answer.min')}
                    inputMode="decimal"
                    isOptional
                  />
                  <TextField
                    id={inputId(`${item.rowId}.answer.max`)}
                    label={t('instruments.field.max')}
                    value={item.max}
                    onChange={(max) => change({ max })}
                    error={error('answer.max')}
                    inputMode="decimal"
                    isOptional
                  />
                  <TextField
                    id={inputId(`${item.rowId}.answer.unit`)}
                    label={t('instruments.field.unit')}
                    description={t('instruments.field.unitHint')}
                    value={item.unit}
                    onChange={(unit) => change({ unit })}
                    error={error('answer.unit')}
                    isOptional
                  />
                </div>
                <CheckboxField
                  id={inputId(`${item.rowId}.answer.isInteger`)}
                  label={t('instruments.field.isInteger')}
                  isChecked={item.isInteger}
                  onChange={(isInteger) => change({ isInteger })}
                />
              </fieldset>
            )}
            {item.type === 'choice' && <ChoiceOptions item={item} errors={errors} edit={edit} />}
            <TextareaField
              id={inputId(`${item.rowId}.help`)}
              label={t('instruments.field.help')}
              description={t('instruments.field.helpHint')}
              value={item.help}
              onChange={(help) => change({ help })}
              error={error('help')}
              rows={3}
              isOptional
            />
            <TextField
              id={inputId(`${item.rowId}.guideline`)}
              label={t('instruments.field.guideline')}
              description={t('instruments.field.guidelineHint')}
              value={item.guideline}
              onChange={(guideline) => change({ guideline })}
              error={error('guideline')}
              isOptional
              className="kl-in-wide"
            />
            <fieldset
              className="utrecht-form-fieldset kl-in-subfieldset"
              aria-describedby={`${inputId(`${item.rowId}.lanes`)}-description`}
            >
              <legend className="utrecht-form-fieldset__legend kl-in-sublegend">
                {t('instruments.field.lanes')}{' '}
                <span className="kl-optional">{t('form.optional')}</span>
              </legend>
              <p id={`${inputId(`${item.rowId}.lanes`)}-description`} className="kl-in-hint">
                {t('instruments.field.lanesHint')}
              </p>
              {error('timelineLanes') && (
                <FormFieldErrorMessage>{error('timelineLanes')}</FormFieldErrorMessage>
              )}
              <div className="kl-in-lanes">
                {timelineLanes.map((lane, laneIndex) => (
                  <CheckboxField
                    key={lane}
                    id={
                      laneIndex === 0
                        ? inputId(`${item.rowId}.timelineLanes`)
                        : inputId(`${item.rowId}.lane.${lane}`)
                    }
                    label={t(`instruments.lane.${lane}`)}
                    isChecked={item.lanes.includes(lane)}
                    onChange={(isChecked) =>
                      change({
                        lanes: isChecked
                          ? [...item.lanes, lane]
                          : item.lanes.filter((l) => l !== lane),
                      })
                    }
                  />
                ))}
              </div>
            </fieldset>
          </div>
        ) : null}
        <div className={cx('kl-in-item__row', isOpen && 'kl-in-item__row--open')}>
          {!isOpen && (
            <p className="kl-in-item__summary">
              <code className="kl-in-code">{item.key || t('instruments.editor.noKey')}</code>
              <span aria-hidden="true"> · </span>
              <span className="kl-visually-hidden">, </span>
              {answerText(answerOf(item), t, i18n.language)}
            </p>
          )}
          <div className="kl-in-toolbar">
            <Button
              id={controlId(item.rowId, 'toggle')}
              purpose="secondary"
              className="kl-in-toolbar__toggle"
              aria-expanded={isOpen}
              onClick={onToggle}
            >
              {isOpen ? t('instruments.editor.fold') : t('instruments.editor.edit')}
              {hidden}
            </Button>
            <ReorderButton
              id={controlId(item.rowId, 'up')}
              direction={-1}
              isAvailable={index > 0}
              context={hidden}
              onClick={() => move(-1)}
              className="kl-in-toolbar__up"
            />
            <ReorderButton
              id={controlId(item.rowId, 'down')}
              direction={1}
              isAvailable={!isLast}
              context={hidden}
              onClick={() => move(1)}
              className="kl-in-toolbar__down"
            />
            <Button
              id={controlId(item.rowId, 'remove')}
              purpose="subtle"
              hint="negative"
              className="kl-in-toolbar__remove"
              onClick={remove}
            >
              {t('instruments.editor.remove')}
              {hidden}
            </Button>
          </div>
        </div>
        {/* Moving to another section is offered on the unfolded item, to keep the list calm. */}
        {isOpen && others.length > 0 && (
          <div className="kl-in-toolbar__move">
            <label htmlFor={targetId} className="kl-in-move__label">
              {t('instruments.editor.moveTarget')}
              {hidden}
            </label>
            <Select
              id={targetId}
              value={chosen?.rowId ?? ''}
              options={others.map((s) => ({
                value: s.rowId,
                label: s.title.trim() || t('instruments.editor.newSection'),
              }))}
              onChange={setTarget}
            />
            <Button
              id={controlId(item.rowId, 'move')}
              purpose="secondary"
              onClick={() => {
                if (!chosen) return;
                edit((s) => moveItemTo(s, item.rowId, chosen.rowId), {
                  focus: controlId(item.rowId, 'toggle'),
                  message: t('instruments.editor.itemMovedTo', {
                    name,
                    section: chosen.title.trim() || t('instruments.editor.newSection'),
                  }),
                });
              }}
            >
              {t('instruments.editor.moveTo')}
              {hidden}
            </Button>
          </div>
        )}
      </fieldset>
    </li>
  );
}
