// /toegangstafels/:region/import — the import wizard: upload a CSV or XLSX file, see its first
// rows, check the suggested column mapping, let every row be checked (errors by row and
// column), and import. A file with errors imports nothing unless the bad rows are explicitly
// skipped; then only the good rows are stored, all at once.
import { useId, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  importFields,
  importLimits,
  requiredImportFields,
  type ImportCheck,
  type ImportMapping,
  type ImportResult,
  type ImportUpload,
} from '../../../shared/contract/monitoring';
import { useCurrentSession } from '../../app/session';
import { Alert } from '../../ui/Alert';
import { CheckboxField } from '../../ui/CheckboxField';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeading } from '../../ui/PageHeading';
import { SelectField } from '../../ui/SelectField';
import {
  Cell,
  HeaderCell,
  RowHeaderCell,
  Table,
  TableBody,
  TableHead,
  TableRow,
} from '../../ui/Table';
import { AppLink } from '../../ui/links';
import { checkImport, commitImport, monitoringKeys, regionsQuery, uploadImport } from './api';
import './monitoring.css';

export function ImportPage() {
  const { t } = useTranslation();
  const { region = '' } = useParams();
  const session = useCurrentSession();
  const queryClient = useQueryClient();
  const inputId = useId();
  const regions = useQuery(regionsQuery());
  const info = regions.data?.items.find((r) => r.code === region);
  const [file, setFile] = useState<File | null>(null);
  const [upload, setUpload] = useState<ImportUpload | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [defaultTableId, setDefaultTableId] = useState('');
  const [checked, setChecked] = useState<ImportCheck | null>(null);
  const [skip, setSkip] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);

  const sending = useMutation({
    mutationFn: (f: File) => uploadImport(region, f, session?.csrfToken ?? null),
    onSuccess: (data) => {
      setUpload(data);
      setMapping(data.mapping);
      setChecked(null);
      setResult(null);
      setSkip(false);
    },
  });
  const body = () => ({
    mapping,
    defaultTableId: mapping.tableName == null ? defaultTableId || null : null,
  });
  const checking = useMutation({
    mutationFn: () => checkImport(region, upload!.importId, body()),
    onSuccess: (data) => {
      setChecked(data);
      setSkip(false);
    },
  });
  const committing = useMutation({
    mutationFn: () => commitImport(region, upload!.importId, { ...body(), skipInvalidRows: skip }),
    onSuccess: async (data) => {
      setResult(data);
      await queryClient.invalidateQueries({ queryKey: monitoringKeys.registers });
    },
  });
  const columnOptions = (upload?.headers ?? []).map((header, index) => ({
    value: String(index),
    label: header || t('monitoring.import.columnNumber', { number: index + 1 }),
  }));

  return (
    <>
      <PageHeading>{t('monitoring.import.heading', { region: info?.name ?? region })}</PageHeading>
      <Paragraph>
        <AppLink to={`/toegangstafels/${region}`}>{t('monitoring.register.back')}</AppLink>
      </Paragraph>
      <Paragraph>{t('monitoring.import.intro', { rows: importLimits.rows })}</Paragraph>

      <section className="kl-monitoring__step" aria-labelledby="import-step-1">
        <Heading level={2} id="import-step-1">
          {t('monitoring.import.step1')}
        </Heading>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (file) sending.mutate(file);
          }}
        >
          <div className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor={inputId}>
              {t('monitoring.import.file')}
            </label>
            <input
              id={inputId}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </div>
          <div className="kl-monitoring__actions">
            <Button type="submit" purpose="primary" disabled={!file || sending.isPending}>
              {t('monitoring.import.upload')}
            </Button>
          </div>
        </form>
        {sending.isError && <ErrorAlert error={sending.error} />}
      </section>

      {upload && (
        <section className="kl-monitoring__step" aria-labelledby="import-step-2">
          <Heading level={2} id="import-step-2">
            {t('monitoring.import.step2')}
          </Heading>
          <Paragraph>
            {t('monitoring.import.preview', { name: upload.fileName, count: upload.rowCount })}
          </Paragraph>
          <Table caption={t('monitoring.import.previewCaption')}>
            <TableHead>
              <HeaderCell>{t('monitoring.import.row')}</HeaderCell>
              {upload.headers.map((header, i) => (
                <HeaderCell key={i}>{header}</HeaderCell>
              ))}
            </TableHead>
            <TableBody>
              {upload.preview.map((row, r) => (
                <TableRow key={r}>
                  <RowHeaderCell>{r + 2}</RowHeaderCell>
                  {upload.headers.map((_, i) => (
                    <Cell key={i}>{row[i] ?? ''}</Cell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Heading level={3}>{t('monitoring.import.mapping')}</Heading>
          <Paragraph>{t('monitoring.import.mappingHelp')}</Paragraph>
          <div className="kl-monitoring__filters">
            {importFields.map((field) => (
              <SelectField
                key={field}
                id={`mapping-${field}`}
                label={`${t(`monitoring.importField.${field}`)}${requiredImportFields.includes(field) ? '' : ` ${t('monitoring.import.optional')}`}`}
                value={mapping[field] == null ? '' : String(mapping[field])}
                placeholder={t('monitoring.import.noColumn')}
                options={columnOptions}
                onChange={(value) => {
                  setMapping((m) => ({ ...m, [field]: value === '' ? null : Number(value) }));
                  setChecked(null);
                }}
              />
            ))}
            {mapping.tableName == null && (
              <SelectField
                id="mapping-default-table"
                label={t('monitoring.import.defaultTable')}
                value={defaultTableId}
                placeholder={t('monitoring.form.chooseTable')}
                options={(info?.tables ?? [])
                  .filter((x) => !x.isArchived)
                  .map((x) => ({ value: x.id, label: x.name }))}
                onChange={(value) => {
                  setDefaultTableId(value);
                  setChecked(null);
                }}
              />
            )}
          </div>
          <div className="kl-monitoring__actions">
            <Button
              purpose="primary"
              onClick={() => checking.mutate()}
              disabled={checking.isPending}
            >
              {t('monitoring.import.check')}
            </Button>
          </div>
          {checking.isError && <ErrorAlert error={checking.error} />}
        </section>
      )}

      {upload && checked && (
        <section className="kl-monitoring__step" aria-labelledby="import-step-3">
          <Heading level={2} id="import-step-3">
            {t('monitoring.import.step3')}
          </Heading>
          {checked.invalidRows === 0 ? (
            <Alert type="ok">{t('monitoring.import.allGood', { count: checked.validRows })}</Alert>
          ) : (
            <>
              <Alert type="warning">
                {t('monitoring.import.someBad', {
                  bad: checked.invalidRows,
                  total: checked.rowCount,
                  good: checked.validRows,
                })}
              </Alert>
              <Table caption={t('monitoring.import.errorsCaption')}>
                <TableHead>
                  <HeaderCell>{t('monitoring.import.row')}</HeaderCell>
                  <HeaderCell>{t('monitoring.import.column')}</HeaderCell>
                  <HeaderCell>{t('monitoring.import.problem')}</HeaderCell>
                </TableHead>
                <TableBody>
                  {checked.errors.map((error, i) => (
                    <TableRow key={i}>
                      <RowHeaderCell>{error.row}</RowHeaderCell>
                      <Cell>{error.column}</Cell>
                      <Cell>{error.message}</Cell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {checked.validRows > 0 && (
                <CheckboxField
                  id="import-skip"
                  label={t('monitoring.import.skip', {
                    bad: checked.invalidRows,
                    good: checked.validRows,
                  })}
                  isChecked={skip}
                  onChange={setSkip}
                />
              )}
            </>
          )}
          {!result && (
            <div className="kl-monitoring__actions">
              <Button
                purpose="primary"
                onClick={() => committing.mutate()}
                disabled={
                  committing.isPending ||
                  checked.validRows === 0 ||
                  (checked.invalidRows > 0 && !skip)
                }
              >
                {checked.invalidRows > 0 && skip
                  ? t('monitoring.import.commitGood', { count: checked.validRows })
                  : t('monitoring.import.commit', { count: checked.validRows })}
              </Button>
            </div>
          )}
          {committing.isError && <ErrorAlert error={committing.error} />}
        </section>
      )}

      {result && (
        <section className="kl-monitoring__step" aria-labelledby="import-step-4" aria-live="polite">
          <Heading level={2} id="import-step-4">
            {t('monitoring.import.step4')}
          </Heading>
          <Alert type="ok">
            {t('monitoring.import.done', { imported: result.imported, skipped: result.skipped })}
          </Alert>
          <Paragraph>
            <AppLink to={`/toegangstafels/${region}`}>{t('monitoring.import.toRegister')}</AppLink>
          </Paragraph>
        </section>
      )}
    </>
  );
}
