// A polite "loading" message for lists and pages that are fetching.
import { useTranslation } from 'react-i18next';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="nl-paragraph kl-loading" role="status">
      {label ?? t('common.loading')}
    </p>
  );
}
