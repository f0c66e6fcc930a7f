// Everything that can go wrong with a form submit, shown above the form: field errors as a
// summary, a 409 as "someone else changed this" with a reload button, anything else as an
// alert.
import { Button } from '@nl-design-system-candidate/button-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api';
import { hasFieldErrors, summaryItems, type FieldErrors } from '../app/form-errors';
import { Alert } from './Alert';
import { ErrorAlert } from './ErrorAlert';
import { ErrorSummary } from './ErrorSummary';

export type FormProblemsProps = {
  formId: string;
  errors: FieldErrors;
  order?: string[];
  submitError: unknown;
  onReload?: () => void;
};

export function FormProblems({ formId, errors, order, submitError, onReload }: FormProblemsProps) {
  const { t } = useTranslation();
  if (hasFieldErrors(errors)) return <ErrorSummary items={summaryItems(formId, errors, order)} />;
  if (isApiError(submitError) && submitError.code === 'CONFLICT' && onReload) {
    return (
      <Alert type="warning">
        <p className="kl-alert__text">{t('form.conflict')}</p>
        <Button purpose="secondary" onClick={onReload}>
          {t('form.reloadLatest')}
        </Button>
      </Alert>
    );
  }
  if (submitError) return <ErrorAlert error={submitError} />;
  return null;
}
