// The control for an item's answer, fitting its answer type: ja / deels / nee / onbekend /
// n.v.t. as a radio group; a number with its unit and limits; a date; one choice (radio
// buttons) or several (checkboxes); a text. Every type but ja/nee has its own "onbekend" box:
// the dossier does not say.
import { Textbox } from '@utrecht/textbox-react';
import { useTranslation } from 'react-i18next';
import { ynpuValues, type InstrumentItem } from '../../../shared/contract/instruments';
import { fieldId } from '../../app/form-errors';
import { CheckboxField } from '../../ui/CheckboxField';
import { FieldShell, describedBy } from '../../ui/FieldShell';
import { TextareaField } from '../../ui/TextareaField';
import type { AnswerDraft } from './answer-form';
import { numberHint, ynpuText } from './labels';
import { OptionGroup } from './OptionGroup';

export type AnswerControlProps = {
  formId: string;
  item: InstrumentItem;
  draft: AnswerDraft;
  onChange: (patch: Partial<AnswerDraft>) => void;
  error?: string | undefined;
  /** Today (yyyy-mm-dd): the latest day a date answer may be. */
  today: string;
};

export function AnswerControl({ formId, item, draft, onChange, error, today }: AnswerControlProps) {
  const { t } = useTranslation();
  const id = fieldId(formId, 'value');
  const answer = item.answer;
  const label = t('dossier.item.answer');

  if (answer.type === 'ynpu') {
    return (
      <OptionGroup
        id={id}
        legend={label}
        value={draft.value}
        options={ynpuValues.map((value) => ({ value, label: ynpuText(value, t) }))}
        onChange={(value) => onChange({ value })}
        error={error}
        isInline
      />
    );
  }

  const isUnknown = draft.isUnknown;
  const unknownBox = (
    <CheckboxField
      id={fieldId(formId, 'isUnknown')}
      label={t('dossier.item.unknownBox')}
      isChecked={isUnknown}
      onChange={(checked) => onChange({ isUnknown: checked })}
    />
  );

  if (answer.type === 'choice') {
    const options = answer.options.map((o) => ({ value: o.code, label: o.label }));
    return (
      <div className="kl-dossier-answer">
        {answer.isMultiple ? (
          <OptionGroup
            id={id}
            legend={label}
            description={t('dossier.item.chooseSeveral')}
            isMultiple
            value={draft.choices}
            options={options}
            onChange={(choices) => onChange({ choices })}
            error={error}
            isDisabled={isUnknown}
          />
        ) : (
          <OptionGroup
            id={id}
            legend={label}
            value={draft.value}
            options={options}
            onChange={(value) => onChange({ value })}
            error={error}
            isDisabled={isUnknown}
          />
        )}
        {unknownBox}
      </div>
    );
  }

  if (answer.type === 'text') {
    return (
      <div className="kl-dossier-answer">
        <TextareaField
          id={id}
          label={label}
          rows={3}
          value={draft.value}
          onChange={(value) => onChange({ value })}
          error={error}
          disabled={isUnknown}
          isOptional={isUnknown}
        />
        {unknownBox}
      </div>
    );
  }

  const hint = answer.type === 'number' ? numberHint(item, t) : t('dossier.item.dateHint');
  return (
    <div className="kl-dossier-answer">
      <FieldShell inputId={id} label={label} description={hint} error={error}>
        <span className="kl-dossier-unit">
          {answer.type === 'number' ? (
            <Textbox
              id={id}
              className="kl-dossier-input-number"
              inputMode={answer.isInteger && (answer.min ?? 0) >= 0 ? 'numeric' : 'decimal'}
              autoComplete="off"
              value={draft.value}
              onChange={(event) => onChange({ value: event.target.value })}
              invalid={Boolean(error)}
              disabled={isUnknown}
              aria-describedby={describedBy(id, true, error)}
            />
          ) : (
            <Textbox
              id={id}
              type="date"
              className="kl-dossier-input-date"
              max={today}
              value={draft.value}
              onChange={(event) => onChange({ value: event.target.value })}
              invalid={Boolean(error)}
              disabled={isUnknown}
              aria-describedby={describedBy(id, true, error)}
            />
          )}
          {answer.type === 'number' && answer.unit && (
            <span className="kl-dossier-unit__text" aria-hidden="true">
              {answer.unit}
            </span>
          )}
        </span>
      </FieldShell>
      {unknownBox}
    </div>
  );
}
