// Imports an instrument from a JSON file (the format a version is exported in): the file is
// read in the browser and sent as it is; the server checks every part of it. What it refuses
// is shown at the file field, each problem with the place in the file said in words (and the
// JSON path, for whoever edits the file by hand).
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { FormFieldDescription } from '@utrecht/form-field-description-react';
import { FormLabel } from '@utrecht/form-label-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InstrumentVersion } from '../../../shared/contract/instruments';
import { isApiError } from '../../app/api';
import { cx } from '../../ui/class-names';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { pathInWords } from './labels';

export type ImportFormProps = {
  heading: string;
  description: ReactNode;
  submitLabel: string;
  onImport: (document: unknown) => Promise<InstrumentVersion>;
  /** May return a promise: the form stays busy until it settles. */
  onImported: (version: InstrumentVersion) => void | Promise<void>;
};

type Problem = { kind: 'noFile' } | { kind: 'notJson'; name: string };

export function ImportForm({
  heading,
  description,
  submitLabel,
  onImport,
  onImported,
}: ImportFormProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const inputId = `${id}-file`;
  const descriptionId = `${inputId}-description`;
  const errorId = `${inputId}-error`;
  const fileRef = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [isReading, setReading] = useState(false);
  const mutation = useMutation({
    mutationFn: (input: { document: unknown }) => onImport(input.document),
    onSuccess: (version) => onImported(version),
  });
  const error = mutation.error;
  const fields = isApiError(error) && error.code === 'INVALID_INPUT' ? error.fields : [];
  const hasFieldProblem = problem !== null || fields.length > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending || isReading) return;
    const file = fileRef.current?.files?.[0];
    mutation.reset();
    if (!file) {
      setProblem({ kind: 'noFile' });
      fileRef.current?.focus();
      return;
    }
    setReading(true);
    let document: unknown;
    try {
      document = JSON.parse(await file.text());
    } catch {
      setProblem({ kind: 'notJson', name: file.name });
      fileRef.current?.focus();
      return;
    } finally {
      setReading(false);
    }
    setProblem(null);
    mutation.mutate({ document });
  };

  const sentDocument = mutation.variables?.document;

  return (
    <form
      noValidate
      onSubmit={(event) => void submit(event)}
      className="kl-form kl-in-import"
      aria-labelledby={`${id}-heading`}
    >
      <Heading level={2} id={`${id}-heading`}>
        {heading}
      </Heading>
      <div className="kl-in-intro">{description}</div>
      <div
        className={cx(
          'utrecht-form-field',
          'utrecht-form-field--text',
          hasFieldProblem && 'utrecht-form-field--invalid',
        )}
      >
        <div className="utrecht-form-field__label">
          <FormLabel htmlFor={inputId}>{t('instruments.import.file')}</FormLabel>
        </div>
        <FormFieldDescription id={descriptionId} className="utrecht-form-field__description">
          {t('instruments.import.fileHint')}
        </FormFieldDescription>
        {hasFieldProblem && (
          <div
            id={errorId}
            role="alert"
            className="utrecht-form-field-error-message utrecht-form-field__error-message kl-in-import__error"
          >
            {problem?.kind === 'noFile' && <p>{t('instruments.import.noFile')}</p>}
            {problem?.kind === 'notJson' && (
              <p>{t('instruments.import.notJson', { name: problem.name })}</p>
            )}
            {fields.length > 0 && (
              <>
                <p>{t('instruments.import.refused', { count: fields.length })}</p>
                {/* A message of its own (not the generic one) says more, e.g. the wrong kind. */}
                {isApiError(error) &&
                  i18n.language === 'nl' &&
                  error.message &&
                  error.message !== t('errors.INVALID_INPUT') && <p>{error.message}</p>}
                <ul className="kl-in-import__problems">
                  {fields.map((field) => (
                    <li key={`${field.path}:${field.message}`}>
                      <strong>{pathInWords(field.path, sentDocument, t)}</strong>
                      {': '}
                      {field.message}{' '}
                      {field.path && (
                        <span className="kl-in-import__path">
                          ({t('instruments.import.path')} <code>{field.path}</code>)
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
        <div className="utrecht-form-field__input">
          <input
            ref={fileRef}
            id={inputId}
            type="file"
            accept=".json,application/json"
            className="kl-in-file"
            aria-describedby={hasFieldProblem ? `${descriptionId} ${errorId}` : descriptionId}
            aria-invalid={hasFieldProblem || undefined}
            onChange={() => {
              setProblem(null);
              mutation.reset();
            }}
          />
        </div>
      </div>
      {error && fields.length === 0 ? <ErrorAlert error={error} /> : null}
      <div className="kl-form__actions">
        <Button type="submit" purpose="secondary" busy={mutation.isPending || isReading}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
