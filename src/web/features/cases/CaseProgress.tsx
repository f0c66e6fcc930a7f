// "Voortgang": moves the case through its steps (opgenomen → … → afgesloten) and sets how long
// its data is kept. Closing needs a retention date. The form sends the version it was based on:
// if a colleague changed the case in the meantime the server refuses (409) and the form offers
// to load the latest. The gender goes along unchanged (the update replaces it).
import { useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/contract/cases';
import { fieldId, useCheckedSubmit, type FieldErrors } from '../../app/form-errors';
import { FormProblems } from '../../ui/FormProblems';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { updateCase, type CaseUpdate } from './api';
import { isCaseStatus, statusOptions, statusText } from './case-labels';

const formId = 'progress';
const order = ['status', 'retentionUntil'];

export type CaseProgressProps = {
  detail: CaseDetail;
  onSaved: (message: string) => void;
  /** Loads the case as it is now (after a conflict). */
  onReload: () => void;
};

export function CaseProgress({ detail, onSaved, onReload }: CaseProgressProps) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>(detail.status);
  const [retentionUntil, setRetentionUntil] = useState(detail.retentionUntil ?? '');
  const mutation = useMutation({
    mutationFn: (body: CaseUpdate) => updateCase(detail.id, body),
    onSuccess: (_saved, body) =>
      onSaved(t('progress.saved', { status: statusText(body.status, t) })),
  });
  const { errors, submit } = useCheckedSubmit(
    mutation,
    () => {
      const found: FieldErrors = {};
      const date = retentionUntil.trim();
      if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date))
        found.retentionUntil = t('validation.dateRequired');
      else if (status === 'closed' && !date)
        found.retentionUntil = t('validation.retentionRequired');
      return found;
    },
    () =>
      isCaseStatus(status)
        ? {
            status,
            retentionUntil: retentionUntil.trim() || null,
            gender: detail.gender,
            version: detail.version,
          }
        : null,
  );

  return (
    <form noValidate onSubmit={submit} className="kl-form" aria-labelledby="progress-heading">
      <Heading level={2} id="progress-heading">
        {t('progress.title')}
      </Heading>
      <FormProblems
        formId={formId}
        errors={errors}
        order={order}
        submitError={mutation.error}
        onReload={() => {
          mutation.reset();
          onReload();
        }}
      />
      <div className="kl-form__row">
        <SelectField
          id={fieldId(formId, 'status')}
          label={t('progress.status')}
          description={t('progress.statusHint')}
          options={statusOptions(t)}
          value={status}
          onChange={setStatus}
          error={errors.status}
        />
        <TextField
          id={fieldId(formId, 'retentionUntil')}
          label={t('progress.retentionUntil')}
          description={t('progress.retentionHint')}
          type="date"
          className="kl-input-date"
          isOptional={status !== 'closed'}
          value={retentionUntil}
          onChange={setRetentionUntil}
          error={errors.retentionUntil}
        />
      </div>
      <div className="kl-form__actions">
        <Button type="submit" purpose="secondary" busy={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('progress.save')}
        </Button>
      </div>
    </form>
  );
}
