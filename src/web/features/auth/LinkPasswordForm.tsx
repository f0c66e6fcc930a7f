// The form behind an invitation or password link: a new password, typed twice. Plain words,
// a way to see what you typed (easier on a phone), and the link's end reported to the page.
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
import { CheckboxField } from '../../ui/CheckboxField';
import { FormProblems } from '../../ui/FormProblems';
import { TextField } from '../../ui/TextField';
import { setPasswordWithLink } from './api';
import { checkNewPassword, minimumPasswordLength, type NewPasswordValues } from './validation';

const formId = 'link-password';

export type LinkPasswordFormProps = {
  token: string;
  submitLabel: string;
  onDone: () => void;
  /** The link stopped working between opening the page and sending the form. */
  onLinkInvalid: () => void;
};

export function LinkPasswordForm({
  token,
  submitLabel,
  onDone,
  onLinkInvalid,
}: LinkPasswordFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<NewPasswordValues>({ password: '', passwordRepeat: '' });
  const [isShown, setShown] = useState(false);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const mutation = useMutation({
    mutationFn: () => setPasswordWithLink(token, values.password),
    onSuccess: onDone,
    onError: (error) => {
      if (isApiError(error) && error.code === 'TOKEN_INVALID') onLinkInvalid();
    },
  });
  const errors = hasFieldErrors(clientErrors) ? clientErrors : serverFieldErrors(mutation.error);
  const set = (key: keyof NewPasswordValues) => (value: string) =>
    setValues((v) => ({ ...v, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const found = checkNewPassword(values, t);
    setClientErrors(found);
    if (hasFieldErrors(found)) {
      mutation.reset();
      return;
    }
    mutation.mutate();
  };

  return (
    <form noValidate onSubmit={submit} className="kl-form">
      <FormProblems
        formId={formId}
        errors={errors}
        order={['password', 'passwordRepeat']}
        submitError={mutation.error}
      />
      <TextField
        id={fieldId(formId, 'password')}
        label={t('link.password')}
        description={t('link.passwordHint', { min: minimumPasswordLength })}
        type={isShown ? 'text' : 'password'}
        autoComplete="new-password"
        spellCheck={false}
        value={values.password}
        onChange={set('password')}
        error={errors.password}
      />
      <TextField
        id={fieldId(formId, 'passwordRepeat')}
        label={t('link.passwordRepeat')}
        type={isShown ? 'text' : 'password'}
        autoComplete="new-password"
        spellCheck={false}
        value={values.passwordRepeat}
        onChange={set('passwordRepeat')}
        error={errors.passwordRepeat}
      />
      <CheckboxField
        id={fieldId(formId, 'show')}
        label={t('link.showPassword')}
        isChecked={isShown}
        onChange={setShown}
      />
      <div className="kl-form__actions">
        <Button type="submit" purpose="primary" busy={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : submitLabel}
        </Button>
      </div>
    </form>
  );
}
