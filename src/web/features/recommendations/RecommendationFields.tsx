// The fields of a recommendation, shared by "Nieuwe aanbeveling" and "Wijzigen": a title, the
// text, one stakeholder group of the programme, and the threads it rests on (checkboxes; a
// superseded or withdrawn thread shows only when it is linked already, marked as such, and can
// be unticked but never newly ticked).
import type { TFunction } from 'i18next';
import { FormFieldDescription } from '@utrecht/form-field-description-react';
import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react';
import { useTranslation } from 'react-i18next';
import type { ThreadRef } from '../../../shared/contract/recommendations';
import { fieldId, type FieldErrors } from '../../app/form-errors';
import { CheckboxField } from '../../ui/CheckboxField';
import { SelectField } from '../../ui/SelectField';
import { TextareaField } from '../../ui/TextareaField';
import { TextField } from '../../ui/TextField';
import { cx } from '../../ui/class-names';

export type RecommendationDraft = {
  title: string;
  body: string;
  stakeholderGroup: string;
  threadIds: string[];
};

export const recommendationFieldOrder = ['title', 'body', 'stakeholderGroup', 'threadIds'];

export function checkRecommendationDraft(draft: RecommendationDraft, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.title.trim()) errors.title = t('recommendations.form.titleRequired');
  else if (draft.title.trim().length > 200) errors.title = t('recommendations.form.titleTooLong');
  if (draft.body.trim().length > 4000) errors.body = t('recommendations.form.bodyTooLong');
  if (!draft.stakeholderGroup) errors.stakeholderGroup = t('recommendations.form.groupRequired');
  if (draft.threadIds.length === 0) errors.threadIds = t('recommendations.form.threadsRequired');
  return errors;
}

export function threadLabel(thread: ThreadRef, t: TFunction): string {
  const base = t('recommendations.threadName', { number: thread.number, title: thread.title });
  return thread.status === 'active'
    ? base
    : `${base} (${t(`recommendations.threadStatus.${thread.status}`)})`;
}

export function RecommendationFields({
  formId,
  draft,
  onChange,
  errors,
  groups,
  threads,
  linkedThreadIds = [],
}: {
  formId: string;
  draft: RecommendationDraft;
  onChange: (draft: RecommendationDraft) => void;
  errors: FieldErrors;
  groups: { code: string; label: string }[];
  threads: ThreadRef[];
  /** Threads linked already: kept even when no longer active. */
  linkedThreadIds?: string[];
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<RecommendationDraft>) => onChange({ ...draft, ...patch });
  const choosable = threads.filter(
    (th) => th.status === 'active' || linkedThreadIds.includes(th.id),
  );
  const threadsId = fieldId(formId, 'threadIds');
  return (
    <>
      <TextField
        id={fieldId(formId, 'title')}
        label={t('recommendations.form.title')}
        description={t('recommendations.form.titleHint')}
        value={draft.title}
        onChange={(title) => set({ title })}
        error={errors.title}
      />
      <TextareaField
        id={fieldId(formId, 'body')}
        label={t('recommendations.form.body')}
        description={t('recommendations.form.bodyHint')}
        value={draft.body}
        onChange={(body) => set({ body })}
        error={errors.body}
        isOptional
        rows={5}
      />
      <SelectField
        id={fieldId(formId, 'stakeholderGroup')}
        label={t('recommendations.form.group')}
        placeholder={t('recommendations.form.choose')}
        value={draft.stakeholderGroup}
        options={groups.map((g) => ({ value: g.code, label: g.label }))}
        onChange={(stakeholderGroup) => set({ stakeholderGroup })}
        error={errors.stakeholderGroup}
      />
      <fieldset
        className={cx(
          'utrecht-form-fieldset',
          'kl-radio-group',
          errors.threadIds && 'utrecht-form-fieldset--invalid',
        )}
        aria-describedby={`${threadsId}-description${errors.threadIds ? ` ${threadsId}-error` : ''}`}
      >
        <legend className="utrecht-form-fieldset__legend kl-radio-group__legend">
          {t('recommendations.form.threads')}
        </legend>
        <FormFieldDescription
          id={`${threadsId}-description`}
          className="kl-radio-group__description"
        >
          {t('recommendations.form.threadsHint')}
        </FormFieldDescription>
        {errors.threadIds && (
          <FormFieldErrorMessage id={`${threadsId}-error`}>
            {errors.threadIds}
          </FormFieldErrorMessage>
        )}
        {choosable.length === 0 ? (
          <p>{t('recommendations.form.noThreads')}</p>
        ) : (
          choosable.map((thread, index) => (
            <CheckboxField
              key={thread.id}
              id={index === 0 ? threadsId : `${threadsId}-${thread.id}`}
              label={threadLabel(thread, t)}
              isChecked={draft.threadIds.includes(thread.id)}
              onChange={(isChecked) =>
                set({
                  threadIds: isChecked
                    ? [...draft.threadIds, thread.id]
                    : draft.threadIds.filter((id) => id !== thread.id),
                })
              }
            />
          ))
        )}
      </fieldset>
    </>
  );
}
