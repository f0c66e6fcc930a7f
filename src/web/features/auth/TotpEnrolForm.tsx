// Two-factor enrolment, step 1: scan the QR code (or type the key), then confirm with a first
// code from the app. The secret is fetched once per visit, so a double render does not make
// a second one.
import { useState, type FormEvent } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import {
  fieldId,
  hasFieldErrors,
  serverFieldErrors,
  type FieldErrors,
} from '../../app/form-errors';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormProblems } from '../../ui/FormProblems';
import { LoadingState } from '../../ui/LoadingState';
import { TextField } from '../../ui/TextField';
import { confirmTotpEnrolment, startTotpEnrolment } from './api';

const formId = 'totp';

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to type over. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

export function TotpEnrolForm({ onConfirmed }: { onConfirmed: (recoveryCodes: string[]) => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const enrolment = useQuery({
    queryKey: ['totp-enrolment'],
    queryFn: startTotpEnrolment,
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
  const mutation = useMutation({
    mutationFn: () => confirmTotpEnrolment(code.replace(/\s+/g, '')),
    onSuccess: (result) => onConfirmed(result.recoveryCodes),
  });
  const isWrongCode = isApiError(mutation.error) && mutation.error.code === 'TOTP_INVALID';
  const errors = hasFieldErrors(clientErrors)
    ? clientErrors
    : isWrongCode
      ? { code: t('totp.wrongCode') }
      : serverFieldErrors(mutation.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const found: FieldErrors = {};
    if (!/^\d{6}$/.test(code.replace(/\s+/g, ''))) found.code = t('totp.codeRequired');
    setClientErrors(found);
    if (hasFieldErrors(found)) {
      mutation.reset();
      return;
    }
    mutation.mutate();
  };

  if (enrolment.isPending) return <LoadingState />;
  if (enrolment.isError) return <ErrorAlert error={enrolment.error} />;
  const { secret, qrSvg } = enrolment.data;

  return (
    <>
      <ol className="kl-totp-steps">
        <li>
          <Paragraph>{t('totp.stepApp')}</Paragraph>
        </li>
        <li>
          <Paragraph>{t('totp.stepScan')}</Paragraph>
          <img
            className="kl-totp-qr"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg)}`}
            width={200}
            height={200}
            alt={t('totp.qrAlt')}
          />
          <Paragraph>
            {t('totp.noScan')}{' '}
            <code id="totp-secret" className="kl-totp-secret">
              {groupSecret(secret)}
            </code>
          </Paragraph>
        </li>
        <li>
          <Paragraph>{t('totp.stepCode')}</Paragraph>
          <form noValidate onSubmit={submit} className="kl-form">
            <FormProblems
              formId={formId}
              errors={errors}
              submitError={isWrongCode ? null : mutation.error}
            />
            <TextField
              id={fieldId(formId, 'code')}
              label={t('totp.code')}
              inputMode="numeric"
              autoComplete="one-time-code"
              className="kl-input-code"
              value={code}
              onChange={setCode}
              error={errors.code}
            />
            <div className="kl-form__actions">
              <Button type="submit" purpose="primary" busy={mutation.isPending}>
                {t('totp.confirm')}
              </Button>
            </div>
          </form>
        </li>
      </ol>
    </>
  );
}
