// Two-factor enrolment, step 2: the recovery codes, shown once, to keep somewhere safe.
import { Button } from '@nl-design-system-candidate/button-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert';

export function RecoveryCodes({ codes, onContinue }: { codes: string[]; onContinue: () => void }) {
  const { t } = useTranslation();
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(
    `${t('totp.fileTitle')}\n\n${codes.join('\n')}\n`,
  )}`;
  return (
    <>
      <Alert type="ok">{t('totp.enabled')}</Alert>
      <Paragraph>{t('totp.recoveryText')}</Paragraph>
      <ul className="kl-recovery-codes" aria-label={t('totp.recoveryListLabel')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="kl-form__actions">
        <a
          className="nl-button nl-button--secondary kl-button-link"
          href={download}
          download="ketenlens-herstelcodes.txt"
        >
          {t('totp.download')}
        </a>
        <Button purpose="primary" onClick={onContinue}>
          {t('totp.continue')}
        </Button>
      </div>
    </>
  );
}
