// "Uitwisselen met andere programma's": the REFI-QDA standard (ATLAS.ti, MAXQDA, NVivo, QDA
// Miner and others). Download the codebook (now, or as a snapshot kept it) as .qdc — whoever
// reads the codebook may; the programme's coded texts (every case the user may see) as a .qdpx
// project and its import — whoever exchanges; the import of a .qdc codebook — whoever keeps the
// codebook. What an import brought in is reported; what the server refused is shown at the file
// field with its place in the file.
import { useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { FormFieldDescription } from '@utrecht/form-field-description-react';
import { FormLabel } from '@utrecht/form-label-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../shared/contract/coding';
import { useCurrentSession } from '../../app/session';
import { cx } from '../../ui/class-names';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { errorText } from '../../ui/error-text';
import { SelectField } from '../../ui/SelectField';
import { TextareaField } from '../../ui/TextareaField';
import { isApiError } from '../../app/api';
import {
  caseCodesOf,
  codebookExportUrl,
  downloadProject,
  importFile,
  importRefusalOf,
  refreshCoding,
  type ImportKind,
  type SnapshotSummary,
} from './api';
import { ImportReportView } from './ImportReportView';

export type ExchangeSectionProps = {
  programmeId: string;
  snapshots: SnapshotSummary[];
  /** Projects out and in (abilities.exchange). */
  canExchange: boolean;
  /** Codebooks in (abilities.manage). */
  canManage: boolean;
};

export function ExchangeSection({
  programmeId,
  snapshots,
  canExchange,
  canManage,
}: ExchangeSectionProps) {
  const { t } = useTranslation();
  const [version, setVersion] = useState('');
  // The last import's report, below the panels at full width (a table needs the room).
  const [done, setDone] = useState<{ report: ImportReport; fileName: string; key: number } | null>(
    null,
  );
  const onReport = (report: ImportReport | null, fileName = '') =>
    setDone(report ? { report, fileName, key: Date.now() } : null);
  const chosen = snapshots.find((s) => s.id === version);
  return (
    <section className="kl-section" aria-labelledby="codebook-exchange">
      <Heading level={2} id="codebook-exchange">
        {t('coding.exchange.title')}
      </Heading>
      <p className="nl-paragraph kl-cd-intro">{t('coding.exchange.intro')}</p>

      <div className="kl-cd-exchange">
        <section className="kl-cd-panel" aria-labelledby="exchange-download">
          <Heading level={3} id="exchange-download">
            {t('coding.exchange.downloadTitle')}
          </Heading>
          <div className="kl-form">
            <SelectField
              id="exchange-codebook-version"
              label={t('coding.exchange.version')}
              options={snapshots.map((s) => ({
                value: s.id,
                label: t('coding.snapshots.name', { number: s.number, label: s.label }),
              }))}
              placeholder={t('coding.exchange.currentVersion')}
              value={version}
              onChange={setVersion}
              isOptional
            />
          </div>
          <ul className="kl-cd-downloads">
            <li>
              <a className="nl-link" href={codebookExportUrl(programmeId, chosen?.id)} download>
                {chosen
                  ? t('coding.exchange.downloadSnapshot', { number: chosen.number })
                  : t('coding.exchange.downloadCodebook')}
              </a>
              <span className="kl-cd-meta"> {t('coding.exchange.qdcHint')}</span>
            </li>
          </ul>
          {canExchange && <ProjectExport programmeId={programmeId} />}
        </section>

        {canExchange && <ImportForm programmeId={programmeId} kind="project" onReport={onReport} />}
        {canManage && <ImportForm programmeId={programmeId} kind="codebook" onReport={onReport} />}
      </div>
      {done && <ImportReportView key={done.key} report={done.report} fileName={done.fileName} />}
    </section>
  );
}

/**
 * The project as .qdpx: every case the user may see, or only the cases whose codes they list.
 * Fetched first, so an unknown code is shown at the field; then handed over as a download.
 */
function ProjectExport({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const [codes, setCodes] = useState('');
  const mutation = useMutation({
    mutationFn: () => downloadProject(programmeId, caseCodesOf(codes)),
    onSuccess: ({ blob, fileName }) => {
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
  const error = mutation.error;
  const fieldError =
    isApiError(error) && error.fieldMessages.caseCodes ? error.fieldMessages.caseCodes : undefined;
  const chosen = caseCodesOf(codes).length;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <form className="kl-form kl-cd-project-export" onSubmit={submit} noValidate>
      <Heading level={4}>{t('coding.exchange.downloadProject')}</Heading>
      <TextareaField
        id="exchange-case-codes"
        label={t('coding.exchange.caseCodes')}
        description={t('coding.exchange.caseCodesHint')}
        value={codes}
        onChange={setCodes}
        error={fieldError}
        rows={3}
        isOptional
      />
      {error && !fieldError && <ErrorAlert error={error} />}
      <div>
        <Button type="submit" purpose="secondary" busy={mutation.isPending}>
          {mutation.isPending
            ? t('coding.exchange.preparing')
            : chosen > 0
              ? t('coding.exchange.downloadChosen', { count: chosen })
              : t('coding.exchange.downloadProject')}
        </Button>
      </div>
      <p className="kl-cd-meta" aria-live="polite">
        {mutation.isSuccess ? t('coding.exchange.downloaded') : t('coding.exchange.qdpxHint')}
      </p>
    </form>
  );
}

type Problem = { kind: 'noFile' } | { kind: 'wrongType'; name: string };

const extensionOf: Record<ImportKind, string> = { project: '.qdpx', codebook: '.qdc' };

function ImportForm({
  programmeId,
  kind,
  onReport,
}: {
  programmeId: string;
  kind: ImportKind;
  /** An import's report (null: a new import started, the old report goes). */
  onReport: (report: ImportReport | null, fileName?: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const session = useCurrentSession();
  const id = useId();
  const inputId = `${id}-file`;
  const descriptionId = `${inputId}-description`;
  const errorId = `${inputId}-error`;
  const fileRef = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const mutation = useMutation({
    mutationFn: (file: File): Promise<ImportReport> =>
      importFile(programmeId, kind, file, session?.csrfToken ?? null),
    onMutate: () => onReport(null),
    onSuccess: (report, file) => {
      onReport(report, file.name);
      return refreshCoding(queryClient, programmeId);
    },
  });
  const error = mutation.error;
  const refusal = importRefusalOf(error);
  const hasFieldProblem = problem !== null || refusal !== null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const file = fileRef.current?.files?.[0];
    mutation.reset();
    if (!file) {
      setProblem({ kind: 'noFile' });
      fileRef.current?.focus();
      return;
    }
    if (!file.name.toLowerCase().endsWith(extensionOf[kind])) {
      setProblem({ kind: 'wrongType', name: file.name });
      fileRef.current?.focus();
      return;
    }
    setProblem(null);
    mutation.mutate(file);
  };

  return (
    <div className="kl-cd-panel">
      <form noValidate onSubmit={submit} className="kl-form" aria-labelledby={`${id}-heading`}>
        <Heading level={3} id={`${id}-heading`}>
          {t(`coding.import.${kind}.title`)}
        </Heading>
        <p className="nl-paragraph">{t(`coding.import.${kind}.intro`)}</p>
        <div
          className={cx(
            'utrecht-form-field',
            'utrecht-form-field--text',
            hasFieldProblem && 'utrecht-form-field--invalid',
          )}
        >
          <div className="utrecht-form-field__label">
            <FormLabel htmlFor={inputId}>{t(`coding.import.${kind}.file`)}</FormLabel>
          </div>
          <FormFieldDescription id={descriptionId} className="utrecht-form-field__description">
            {t(`coding.import.${kind}.fileHint`)}
          </FormFieldDescription>
          {hasFieldProblem && (
            <div
              id={errorId}
              role="alert"
              className="utrecht-form-field-error-message utrecht-form-field__error-message kl-cd-import__error"
            >
              {problem?.kind === 'noFile' && <p>{t('coding.import.noFile')}</p>}
              {problem?.kind === 'wrongType' && (
                <p>
                  {t('coding.import.wrongType', {
                    name: problem.name,
                    extension: extensionOf[kind],
                  })}
                </p>
              )}
              {refusal && (
                <>
                  <p>{t('coding.import.refused')}</p>
                  {/* The server's message says what is wrong; it is Dutch in every language. */}
                  <p lang="nl">{refusal.message || errorText(error, t, i18n.language)}</p>
                  {refusal.where && (
                    <p>
                      {t('coding.import.where')} <code lang="nl">{refusal.where}</code>
                    </p>
                  )}
                </>
              )}
            </div>
          )}
          <div className="utrecht-form-field__input">
            <input
              ref={fileRef}
              id={inputId}
              type="file"
              accept={
                kind === 'project' ? '.qdpx,application/zip' : '.qdc,application/xml,text/xml'
              }
              className="kl-cd-file"
              aria-describedby={hasFieldProblem ? `${descriptionId} ${errorId}` : descriptionId}
              aria-invalid={hasFieldProblem || undefined}
              onChange={() => {
                setProblem(null);
                mutation.reset();
              }}
            />
          </div>
        </div>
        {error && !refusal ? <ErrorAlert error={error} /> : null}
        <div className="kl-form__actions">
          <Button type="submit" purpose="secondary" busy={mutation.isPending}>
            {mutation.isPending ? t('coding.import.busy') : t(`coding.import.${kind}.submit`)}
          </Button>
        </div>
      </form>
    </div>
  );
}
