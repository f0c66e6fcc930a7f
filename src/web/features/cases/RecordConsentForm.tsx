// Records a consent: whose, for which purpose, given by the participant or (for the youth) by a
// parent with authority on their behalf, on which date and on which version of the form.
// After saving, the participant, date and form version stay, so the next purpose is quick.
import { useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/contract/cases';
import { fieldId, useCheckedSubmit, type FieldErrors } from '../../app/form-errors';
import { todayIso } from '../../ui/format';
import { FormProblems } from '../../ui/FormProblems';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { recordConsent, type ConsentInput } from './api';
import { isConsentPurpose, participantName, purposeOptions, purposeText } from './case-labels';

const formId = 'consent';
const order = ['participantId', 'purpose', 'givenBy', 'representativeId', 'givenOn', 'formVersion'];

type Values = {
  participantId: string;
  purpose: string;
  givenBy: 'self' | 'legal_representative';
  representativeId: string;
  givenOn: string;
  formVersion: string;
};

export type RecordConsentFormProps = {
  detail: CaseDetail;
  onRecorded: (message: string) => void;
};

export function RecordConsentForm({ detail, onRecorded }: RecordConsentFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(() => ({
    participantId: '',
    purpose: '',
    givenBy: 'self',
    representativeId: '',
    givenOn: todayIso(),
    formVersion: '',
  }));
  const set = (change: Partial<Values>) => setValues((v) => ({ ...v, ...change }));
  const participant = detail.participants.find((p) => p.id === values.participantId);
  const isYouth = participant?.kind === 'youth';
  const givenBy = isYouth ? values.givenBy : 'self';
  const parents = detail.participants.filter((p) => p.kind === 'parent' && p.hasAuthority);

  const mutation = useMutation({
    mutationFn: (body: ConsentInput) => recordConsent(detail.id, body),
    onSuccess: (_created, body) => {
      const label = participant?.label ?? '';
      onRecorded(t('consent.recorded', { purpose: purposeText(body.purpose, t), label }));
      set({ purpose: '' });
    },
  });
  const { errors, submit } = useCheckedSubmit(
    mutation,
    () => {
      const found: FieldErrors = {};
      if (!values.participantId) found.participantId = t('validation.participantRequired');
      if (!isConsentPurpose(values.purpose)) found.purpose = t('validation.purposeRequired');
      if (givenBy === 'legal_representative' && !values.representativeId)
        found.representativeId = t('validation.representativeRequired');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(values.givenOn)) found.givenOn = t('validation.dateRequired');
      if (!values.formVersion.trim()) found.formVersion = t('validation.formVersionRequired');
      return found;
    },
    () =>
      isConsentPurpose(values.purpose)
        ? {
            participantId: values.participantId,
            purpose: values.purpose,
            givenBy,
            representativeId: givenBy === 'legal_representative' ? values.representativeId : null,
            givenOn: values.givenOn,
            formVersion: values.formVersion.trim(),
          }
        : null,
  );

  return (
    <form noValidate onSubmit={submit} className="kl-form" aria-labelledby="consent-form-heading">
      <Heading level={3} id="consent-form-heading">
        {t('consent.formTitle')}
      </Heading>
      <FormProblems formId={formId} errors={errors} order={order} submitError={mutation.error} />
      <div className="kl-form__row">
        <SelectField
          id={fieldId(formId, 'participantId')}
          label={t('consent.participant')}
          placeholder={t('consent.participantChoose')}
          options={detail.participants.map((p) => ({
            value: p.id,
            label: participantName(p, t),
          }))}
          value={values.participantId}
          onChange={(participantId) => set({ participantId })}
          error={errors.participantId}
        />
        <SelectField
          id={fieldId(formId, 'purpose')}
          label={t('consent.purpose')}
          placeholder={t('consent.purposeChoose')}
          options={purposeOptions(t)}
          value={values.purpose}
          onChange={(purpose) => set({ purpose })}
          error={errors.purpose}
        />
      </div>
      {isYouth && (
        <div className="kl-form__row">
          <SelectField
            id={fieldId(formId, 'givenBy')}
            label={t('consent.givenBy')}
            description={t('consent.givenByHint')}
            options={[
              { value: 'self', label: t('consent.givenBySelf') },
              { value: 'legal_representative', label: t('consent.givenByRepresentative') },
            ]}
            value={values.givenBy}
            onChange={(value) =>
              set({ givenBy: value === 'legal_representative' ? value : 'self' })
            }
            error={errors.givenBy}
          />
          {givenBy === 'legal_representative' && (
            <SelectField
              id={fieldId(formId, 'representativeId')}
              label={t('consent.representative')}
              description={parents.length === 0 ? t('consent.representativeNone') : undefined}
              placeholder={t('consent.representativeChoose')}
              options={parents.map((p) => ({ value: p.id, label: p.label }))}
              value={values.representativeId}
              onChange={(representativeId) => set({ representativeId })}
              error={errors.representativeId}
            />
          )}
        </div>
      )}
      <div className="kl-form__row">
        <TextField
          id={fieldId(formId, 'givenOn')}
          label={t('consent.givenOn')}
          type="date"
          value={values.givenOn}
          onChange={(givenOn) => set({ givenOn })}
          error={errors.givenOn}
        />
        <TextField
          id={fieldId(formId, 'formVersion')}
          label={t('consent.formVersion')}
          description={t('consent.formVersionHint')}
          autoComplete="off"
          value={values.formVersion}
          onChange={(formVersion) => set({ formVersion })}
          error={errors.formVersion}
        />
      </div>
      <div className="kl-form__actions">
        <Button type="submit" purpose="secondary" busy={mutation.isPending}>
          {t('consent.record')}
        </Button>
      </div>
    </form>
  );
}
