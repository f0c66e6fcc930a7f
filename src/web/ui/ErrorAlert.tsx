// Shows a failed request as an error alert, optionally with a retry button.
import { Button } from '@nl-design-system-candidate/button-react';
import { useTranslation } from 'react-i18next';
import { Alert } from './Alert';
import { errorText } from './error-text';

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert type="error">
      <p className="kl-alert__text">{errorText(error, t, i18n.language)}</p>
      {onRetry && (
        <Button purpose="secondary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
