// The form that makes the first administrator: e-mail, name, password twice. On success the
// new administrator is logged in (the server sets the session cookie).
import { useState, type FormEvent } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { WebSession } from '../../app/session';
import {
  fieldId,
  hasFieldErrors,
  serverFieldErrors,
  type FieldErrors,
} from '../../app/form-errors';
import { FormProblems } from '../../ui/FormProblems';
import { TextField } from '../../ui/TextField';
import { completeSetup } from './api';
import { checkSetup, minimumPasswordLength, type SetupValues } from './validation';

const formId = 'setup';
const order = ['email', 'displayName', 'password', 'passwordRepeat'];

export function SetupForm({
  token,
  onDone,
}: {
  token: string;
  onDone: (session: WebSession) => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<SetupValues>({
    email: '',
    displayName: '',
    password: '',
    passwordRepeat: '',
  });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const mutation = useMutation({
    mutationFn: () =>
      completeSetup({
        token,
        email: values.email.trim(),
        displayName: values.displayName.trim(),
        password: values.password,
      }),
    onSuccess: onDone,
  });
  const errors = hasFieldErrors(clientErrors) ? clientErrors : serverFieldErrors(mutation.error);
  const set = (key: keyof SetupValues) => (value: string) =>
    setValues((v) => ({ ...v, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const found = checkSetup(values, t);
    setClientErrors(found);
    if (hasFieldErrors(found)) {
      mutation.reset();
      return;
    }
    mutation.mutate();
  };

  return (
    <form noValidate onSubmit={submit} className="kl-form">
      <FormProblems formId={formId} errors={errors} order={order} submitError={mutation.error} />
      <TextField
        id={fieldId(formId, 'email')}
        label={t('setup.email')}
        type="email"
        autoComplete="username"
        value={values.email}
        onChange={set('email')}
        error={errors.email}
      />
      <TextField
        id={fieldId(formId, 'displayName')}
        label={t('setup.displayName')}
        description={t('setup.displayNameHint')}
        autoComplete="name"
        value={values.displayName}
        onChange={set('displayName')}
        error={errors.displayName}
      />
      <TextField
        id={fieldId(formId, 'password')}
        label={t('setup.password')}
        description={t('setup.passwordHint', { min: minimumPasswordLength })}
        type="password"
        autoComplete="new-password"
        value={values.password}
        onChange={set('password')}
        error={errors.password}
      />
      <TextField
        id={fieldId(formId, 'passwordRepeat')}
        label={t('setup.passwordRepeat')}
        type="password"
        autoComplete="new-password"
        value={values.passwordRepeat}
        onChange={set('passwordRepeat')}
        error={errors.passwordRepeat}
      />
      <div className="kl-form__actions">
        <Button type="submit" purpose="primary" busy={mutation.isPending}>
          {mutation.isPending ? t('setup.submitting') : t('setup.submit')}
        </Button>
      </div>
    </form>
  );
}
