// The options of a choice-list item: each a text and a fixed code (suggested from the text
// until typed), moved up or down and removed with buttons that name the option, and whether
// more than one may be chosen. A new option's text field takes focus.
import { Button } from '@nl-design-system-candidate/button-react';
import { FormFieldDescription } from '@utrecht/form-field-description-react';
import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../app/form-errors';
import { CheckboxField } from '../../ui/CheckboxField';
import { TextField } from '../../ui/TextField';
import {
  addOption,
  moveOption,
  newOption,
  removeOption,
  updateItem,
  updateOption,
  type DraftState,
  type ItemRow,
} from './draft-model';
import { controlId, inputId, type EditEffect } from './editor-ids';
import { ReorderButton } from './ReorderButton';

export type ChoiceOptionsProps = {
  item: ItemRow;
  errors: FieldErrors;
  edit: (change: (state: DraftState) => DraftState, effect?: EditEffect) => void;
};

export function ChoiceOptions({ item, errors, edit }: ChoiceOptionsProps) {
  const { t } = useTranslation();
  const listKey = `${item.rowId}.answer.options`;
  const addId = inputId(listKey);
  const descriptionId = `${addId}-description`;
  const errorId = `${addId}-error`;
  const listError = errors[listKey];

  return (
    <fieldset
      className="utrecht-form-fieldset kl-in-subfieldset"
      aria-describedby={listError ? `${descriptionId} ${errorId}` : descriptionId}
    >
      <legend className="utrecht-form-fieldset__legend kl-in-sublegend">
        {t('instruments.field.options')}
      </legend>
      <FormFieldDescription id={descriptionId} className="kl-in-hint">
        {t('instruments.field.optionsHint')}
      </FormFieldDescription>
      {listError && <FormFieldErrorMessage id={errorId}>{listError}</FormFieldErrorMessage>}
      <ol className="kl-in-options">
        {item.options.map((option, index) => {
          const key = (field: string) => `${listKey}.${option.rowId}.${field}`;
          const name =
            option.label.trim() || t('instruments.editor.optionNumber', { number: index + 1 });
          const hidden = <span className="kl-visually-hidden"> {name}</span>;
          const position = (direction: -1 | 1) => index + direction + 1;
          const focusAfterMove = (direction: -1 | 1) => {
            const at = position(direction);
            const isAtEdge = at === 1 || at === item.options.length;
            const wanted = direction === -1 ? 'up' : 'down';
            return controlId(option.rowId, isAtEdge ? (wanted === 'up' ? 'down' : 'up') : wanted);
          };
          return (
            <li key={option.rowId} className="kl-in-option">
              <TextField
                id={inputId(key('label'))}
                label={t('instruments.field.optionLabel', { number: index + 1 })}
                value={option.label}
                onChange={(label) =>
                  edit((s) => updateOption(s, item.rowId, option.rowId, { label }))
                }
                error={errors[key('label')]}
              />
              <TextField
                id={inputId(key('code'))}
                label={t('instruments.field.optionCode', { number: index + 1 })}
                value={option.code}
                onChange={(code) =>
                  edit((s) => updateOption(s, item.rowId, option.rowId, { code }))
                }
                error={errors[key('code')]}
                autoCapitalize="none"
                autoComplete="off"
                spellCheck={false}
                className="kl-in-code"
              />
              <div className="kl-in-option__actions">
                <ReorderButton
                  id={controlId(option.rowId, 'up')}
                  direction={-1}
                  isAvailable={index > 0}
                  context={hidden}
                  onClick={() =>
                    edit((s) => moveOption(s, item.rowId, option.rowId, -1), {
                      focus: focusAfterMove(-1),
                      message: t('instruments.editor.optionMoved', {
                        name,
                        position: position(-1),
                        total: item.options.length,
                      }),
                    })
                  }
                />
                <ReorderButton
                  id={controlId(option.rowId, 'down')}
                  direction={1}
                  isAvailable={index < item.options.length - 1}
                  context={hidden}
                  onClick={() =>
                    edit((s) => moveOption(s, item.rowId, option.rowId, 1), {
                      focus: focusAfterMove(1),
                      message: t('instruments.editor.optionMoved', {
                        name,
                        position: position(1),
                        total: item.options.length,
                      }),
                    })
                  }
                />
                <Button
                  id={controlId(option.rowId, 'remove')}
                  purpose="subtle"
                  hint="negative"
                  onClick={() =>
                    edit((s) => removeOption(s, item.rowId, option.rowId), {
                      focus: addId,
                      message: t('instruments.editor.optionRemoved', { name }),
                    })
                  }
                >
                  {t('instruments.editor.remove')}
                  {hidden}
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <Button
        id={addId}
        purpose="secondary"
        onClick={() => {
          const option = newOption();
          edit((s) => addOption(s, item.rowId, option), {
            focus: inputId(`${listKey}.${option.rowId}.label`),
            message: t('instruments.editor.optionAdded'),
          });
        }}
      >
        {t('instruments.editor.addOption')}
      </Button>
      <CheckboxField
        id={inputId(`${item.rowId}.answer.isMultiple`)}
        label={t('instruments.field.isMultiple')}
        isChecked={item.isMultiple}
        onChange={(isMultiple) => edit((s) => updateItem(s, item.rowId, { isMultiple }))}
      />
    </fieldset>
  );
}
