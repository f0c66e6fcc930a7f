// One section of the draft, as a fieldset: its title, key and description, its items in order,
// a button to add an item (whose question field then takes focus), and buttons to move the
// section up or down and to remove it (after a confirmation naming how many questions go).
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../app/form-errors';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { TextareaField } from '../../ui/TextareaField';
import { TextField } from '../../ui/TextField';
import {
  addItem,
  moveSection,
  newItem,
  removeSection,
  updateSection,
  type DraftState,
  type PublishedKeys,
  type SectionRow,
} from './draft-model';
import { controlId, inputId, type EditEffect } from './editor-ids';
import { ItemFields } from './ItemFields';

export type SectionFieldsProps = {
  section: SectionRow;
  index: number;
  sections: SectionRow[];
  errors: FieldErrors;
  published: PublishedKeys;
  isItemOpen: (rowId: string) => boolean;
  onToggleItem: (rowId: string) => void;
  onItemAdded: (rowId: string) => void;
  edit: (change: (state: DraftState) => DraftState, effect?: EditEffect) => void;
};

export function SectionFields({
  section,
  index,
  sections,
  errors,
  published,
  isItemOpen,
  onToggleItem,
  onItemAdded,
  edit,
}: SectionFieldsProps) {
  const { t } = useTranslation();
  const number = index + 1;
  const name = section.title.trim() || t('instruments.editor.newSection');
  const hidden = (
    <span className="kl-visually-hidden">
      {' '}
      {t('instruments.editor.sectionName', { number, name })}
    </span>
  );
  const error = (field: string) => errors[`${section.rowId}.${field}`];
  const itemsKey = `${section.rowId}.items`;
  const itemsErrorId = `${inputId(itemsKey)}-error`;
  const isLast = index === sections.length - 1;

  const move = (direction: -1 | 1) => {
    const position = number + direction;
    const isAtEdge = position === 1 || position === sections.length;
    const wanted = direction === -1 ? 'up' : 'down';
    edit((s) => moveSection(s, section.rowId, direction), {
      focus: controlId(section.rowId, isAtEdge ? (wanted === 'up' ? 'down' : 'up') : wanted),
      message: t('instruments.editor.sectionMoved', { name, position, total: sections.length }),
    });
  };

  return (
    <li className="kl-in-section">
      <fieldset className="utrecht-form-fieldset kl-in-section__fieldset">
        <legend className="utrecht-form-fieldset__legend kl-in-section__legend">
          <span className="kl-in-section__number">
            {t('instruments.editor.sectionNumber', { number })}
          </span>{' '}
          {name}
        </legend>
        <div className="kl-form__row kl-in-section__head">
          <TextField
            id={inputId(`${section.rowId}.title`)}
            label={t('instruments.field.sectionTitle')}
            value={section.title}
            onChange={(title) => edit((s) => updateSection(s, section.rowId, { title }))}
            error={error('title')}
          />
          <TextField
            id={inputId(`${section.rowId}.key`)}
            label={t('instruments.field.key')}
            description={t('instruments.field.sectionKeyHint')}
            value={section.key}
            onChange={(key) => edit((s) => updateSection(s, section.rowId, { key }))}
            error={error('key')}
            autoCapitalize="none"
            autoComplete="off"
            spellCheck={false}
            className="kl-in-code"
          />
        </div>
        <TextareaField
          id={inputId(`${section.rowId}.description`)}
          label={t('instruments.field.sectionDescription')}
          value={section.description}
          onChange={(description) => edit((s) => updateSection(s, section.rowId, { description }))}
          error={error('description')}
          rows={2}
          isOptional
        />
        <div className="kl-in-section__toolbar">
          {index > 0 && (
            <Button id={controlId(section.rowId, 'up')} purpose="subtle" onClick={() => move(-1)}>
              <span aria-hidden="true">↑ </span>
              {t('instruments.editor.sectionUp')}
              {hidden}
            </Button>
          )}
          {!isLast && (
            <Button id={controlId(section.rowId, 'down')} purpose="subtle" onClick={() => move(1)}>
              <span aria-hidden="true">↓ </span>
              {t('instruments.editor.sectionDown')}
              {hidden}
            </Button>
          )}
          <ConfirmAction
            label={
              <>
                {t('instruments.editor.removeSection')}
                {hidden}
              </>
            }
            question={t('instruments.editor.removeSectionQuestion', {
              name,
              count: section.items.length,
            })}
            consequence={
              <p className="nl-paragraph">{t('instruments.editor.removeSectionConsequence')}</p>
            }
            confirmLabel={t('instruments.editor.removeSectionConfirm')}
            onConfirm={() => {
              const next = sections[index + 1] ?? sections[index - 1];
              edit((s) => removeSection(s, section.rowId), {
                focus: next ? inputId(`${next.rowId}.title`) : inputId('sections'),
                message: t('instruments.editor.sectionRemoved', { name }),
              });
            }}
          />
        </div>
        <Heading level={3} className="kl-in-items-heading" id={`${inputId(itemsKey)}-heading`}>
          {t('instruments.editor.itemsOf', { name })}
        </Heading>
        {section.items.length > 0 && (
          <ol className="kl-in-items" aria-labelledby={`${inputId(itemsKey)}-heading`}>
            {section.items.map((item, itemIndex) => (
              <ItemFields
                key={item.rowId}
                item={item}
                index={itemIndex}
                section={section}
                sectionNumber={number}
                sections={sections}
                isOpen={isItemOpen(item.rowId)}
                onToggle={() => onToggleItem(item.rowId)}
                errors={errors}
                published={published}
                edit={edit}
              />
            ))}
          </ol>
        )}
        {error('items') && (
          <FormFieldErrorMessage id={itemsErrorId}>{error('items')}</FormFieldErrorMessage>
        )}
        <div>
          <Button
            id={inputId(itemsKey)}
            purpose="secondary"
            aria-describedby={error('items') ? itemsErrorId : undefined}
            onClick={() => {
              const item = newItem();
              onItemAdded(item.rowId);
              edit((s) => addItem(s, section.rowId, item), {
                focus: inputId(`${item.rowId}.question`),
                message: t('instruments.editor.itemAdded', { name }),
              });
            }}
          >
            {t('instruments.editor.addItem')}
            {hidden}
          </Button>
        </div>
      </fieldset>
    </li>
  );
}
