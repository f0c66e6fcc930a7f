// E-mail and password, the first login step. A wrong combination gets one message that
// does not say which of the two was wrong. The answer is a session or a two-factor challenge.
import { useState, type FormEvent } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import {
  fieldId,
  hasFieldErrors,
  serverFieldErrors,
  type FieldErrors,
} from '../../app/form-errors';
import { Alert } from '../../ui/Alert';
import { FormProblems } from '../../ui/FormProblems';
import { TextField } from '../../ui/TextField';
import { login, type LoginResponse } from './api';
import { checkEmail } from './validation';

const formId = 'login';

export function LoginForm({ onResult }: { onResult: (result: LoginResponse) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const mutation = useMutation({
    mutationFn: () => login({ email: email.trim(), password }),
    onSuccess: onResult,
  });
  const errors = hasFieldErrors(clientErrors) ? clientErrors : serverFieldErrors(mutation.error);
  const isWrongCredentials =
    isApiError(mutation.error) && mutation.error.code === 'UNAUTHENTICATED';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const found: FieldErrors = {};
    const emailError = checkEmail(email, t);
    if (emailError) found.email = emailError;
    if (!password) found.password = t('validation.passwordRequired');
    setClientErrors(found);
    if (hasFieldErrors(found)) {
      mutation.reset();
      return;
    }
    mutation.mutate();
  };

  return (
    <form noValidate onSubmit={submit} className="kl-form">
      {isWrongCredentials ? (
        <Alert type="error">
          <p className="kl-alert__text">{t('login.failed')}</p>
        </Alert>
      ) : (
        <FormProblems
          formId={formId}
          errors={errors}
          order={['email', 'password']}
          submitError={mutation.error}
        />
      )}
      <TextField
        id={fieldId(formId, 'email')}
        label={t('login.email')}
        type="email"
        autoComplete="username"
        value={email}
        onChange={setEmail}
        error={errors.email}
      />
      <TextField
        id={fieldId(formId, 'password')}
        label={t('login.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={errors.password}
      />
      <div className="kl-form__actions">
        <Button type="submit" purpose="primary" busy={mutation.isPending}>
          {mutation.isPending ? t('login.submitting') : t('login.submit')}
        </Button>
      </div>
    </form>
  );
}
