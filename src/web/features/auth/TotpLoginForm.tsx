// The second login step: the 6-digit code from the authenticator app, or one of the
// recovery codes when the phone is not at hand.
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
import type { WebSession } from '../../app/session';
import { Alert } from '../../ui/Alert';
import { FormProblems } from '../../ui/FormProblems';
import { TextField } from '../../ui/TextField';
import { loginWithTotp } from './api';

const formId = 'login-totp';

export type TotpLoginFormProps = {
  challengeToken: string;
  onDone: (session: WebSession) => void;
  onRestart: () => void;
};

export function TotpLoginForm({ challengeToken, onDone, onRestart }: TotpLoginFormProps) {
  const { t } = useTranslation();
  const [isRecovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const mutation = useMutation({
    mutationFn: () =>
      loginWithTotp(
        isRecovery
          ? { challengeToken, recoveryCode: code.trim() }
          : { challengeToken, code: code.replace(/\s+/g, '') },
      ),
    onSuccess: (result) => {
      if (result.status === 'ok') onDone(result);
    },
  });
  const isExpired = isApiError(mutation.error) && mutation.error.code === 'TOKEN_INVALID';
  const isWrongCode = isApiError(mutation.error) && mutation.error.code === 'TOTP_INVALID';
  const serverErrors = serverFieldErrors(mutation.error);
  const errors = hasFieldErrors(clientErrors)
    ? clientErrors
    : isWrongCode
      ? { code: isRecovery ? t('totp.wrongRecoveryCode') : t('totp.wrongCode') }
      : serverErrors;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const found: FieldErrors = {};
    const compact = code.replace(/\s+/g, '');
    if (isRecovery ? compact.length < 8 : !/^\d{6}$/.test(compact)) {
      found.code = isRecovery ? t('totp.recoveryCodeRequired') : t('totp.codeRequired');
    }
    setClientErrors(found);
    if (hasFieldErrors(found)) {
      mutation.reset();
      return;
    }
    mutation.mutate();
  };

  if (isExpired) {
    return (
      <Alert type="warning">
        <p className="kl-alert__text">{t('totp.challengeExpired')}</p>
        <Button purpose="secondary" onClick={onRestart}>
          {t('totp.startAgain')}
        </Button>
      </Alert>
    );
  }

  return (
    <form noValidate onSubmit={submit} className="kl-form">
      <p className="nl-paragraph">{isRecovery ? t('totp.recoveryIntro') : t('totp.loginIntro')}</p>
      <FormProblems
        formId={formId}
        errors={errors}
        submitError={isWrongCode ? null : mutation.error}
      />
      <TextField
        key={isRecovery ? 'recovery' : 'code'}
        id={fieldId(formId, 'code')}
        label={isRecovery ? t('totp.recoveryCode') : t('totp.code')}
        inputMode={isRecovery ? 'text' : 'numeric'}
        autoComplete="one-time-code"
        className="kl-input-code"
        autoFocus
        value={code}
        onChange={setCode}
        error={errors.code}
      />
      <div className="kl-form__actions">
        <Button type="submit" purpose="primary" busy={mutation.isPending}>
          {mutation.isPending ? t('login.submitting') : t('totp.submit')}
        </Button>
        <Button
          purpose="subtle"
          onClick={() => {
            setRecovery((v) => !v);
            setCode('');
            setClientErrors({});
            mutation.reset();
          }}
        >
          {isRecovery ? t('totp.useApp') : t('totp.useRecovery')}
        </Button>
      </div>
    </form>
  );
}
