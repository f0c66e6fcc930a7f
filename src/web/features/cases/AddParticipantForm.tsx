// Adds a participant to a case: their kind, a description such as "moeder" or "mentor" (never
// a name), and for a parent whether they have parental authority (gezag).
import { useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldId, useCheckedSubmit, type FieldErrors } from '../../app/form-errors';
import { CheckboxField } from '../../ui/CheckboxField';
import { FormProblems } from '../../ui/FormProblems';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { addParticipant, type ParticipantInput } from './api';
import { isParticipantKind, kindOptions, type ParticipantKind } from './case-labels';

const formId = 'participant';
const order = ['kind', 'label', 'hasAuthority'];

export type AddParticipantFormProps = {
  caseId: string;
  onAdded: (message: string) => void;
};

export function AddParticipantForm({ caseId, onAdded }: AddParticipantFormProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ParticipantKind | ''>('');
  const [label, setLabel] = useState('');
  const [hasAuthority, setHasAuthority] = useState(false);
  const mutation = useMutation({
    mutationFn: (body: ParticipantInput) => addParticipant(caseId, body),
    onSuccess: (_created, body) => {
      onAdded(t('participants.added', { label: body.label }));
      setKind('');
      setLabel('');
      setHasAuthority(false);
    },
  });
  const { errors, submit } = useCheckedSubmit(
    mutation,
    () => {
      const found: FieldErrors = {};
      if (!kind) found.kind = t('validation.kindRequired');
      if (!label.trim()) found.label = t('validation.participantLabelRequired');
      else if (label.trim().length > 60) found.label = t('validation.participantLabelTooLong');
      return found;
    },
    () =>
      kind ? { kind, label: label.trim(), hasAuthority: kind === 'parent' && hasAuthority } : null,
  );

  return (
    <form
      noValidate
      onSubmit={submit}
      className="kl-form"
      aria-labelledby="participant-form-heading"
    >
      <Heading level={3} id="participant-form-heading">
        {t('participants.addTitle')}
      </Heading>
      <FormProblems formId={formId} errors={errors} order={order} submitError={mutation.error} />
      <div className="kl-form__row">
        <SelectField
          id={fieldId(formId, 'kind')}
          label={t('participants.kind')}
          placeholder={t('participants.kindChoose')}
          options={kindOptions(t)}
          value={kind}
          onChange={(value) => setKind(isParticipantKind(value) ? value : '')}
          error={errors.kind}
        />
        <TextField
          id={fieldId(formId, 'label')}
          label={t('participants.label')}
          description={t('participants.labelHint')}
          autoComplete="off"
          value={label}
          onChange={setLabel}
          error={errors.label}
        />
      </div>
      {kind === 'parent' && (
        <CheckboxField
          id={fieldId(formId, 'hasAuthority')}
          label={t('participants.hasAuthority')}
          isChecked={hasAuthority}
          onChange={setHasAuthority}
        />
      )}
      <div className="kl-form__actions">
        <Button type="submit" purpose="secondary" busy={mutation.isPending}>
          {t('participants.add')}
        </Button>
      </div>
    </form>
  );
}
