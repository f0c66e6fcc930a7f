// /toegangstafels/:region — the register of a region's access tables for its table members:
// filters (table, period, outcome, problem area, question type) kept in the URL, a paged table
// sorted newest first, and the way to a new registration and to the import.
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { accessOutcomes } from '../../../shared/contract/monitoring';
import { useFlash } from '../../app/useFlash';
import { Alert } from '../../ui/Alert';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { Pagination } from '../../ui/Pagination';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import {
  Cell,
  HeaderCell,
  RowHeaderCell,
  Table,
  TableBody,
  TableHead,
  TableRow,
} from '../../ui/Table';
import { formatDate } from '../../ui/format';
import { AppLink, ButtonLink } from '../../ui/links';
import { listsQuery, registerQuery, regionsQuery, type RegisterRequest } from './api';
import './monitoring.css';

const filterNames = ['tableId', 'from', 'to', 'outcome', 'problemArea', 'questionType'] as const;

export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const { region = '' } = useParams();
  const flash = useFlash();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '1') || 1;
  const request: RegisterRequest = { page, pageSize: 25 };
  for (const name of filterNames) {
    const value = params.get(name);
    if (value) request[name] = value;
  }
  const regions = useQuery(regionsQuery());
  const lists = useQuery(listsQuery());
  const register = useQuery(registerQuery(region, request));
  const info = regions.data?.items.find((r) => r.code === region);
  const labelOf = (list: 'problem_area' | 'question_type', code: string) =>
    lists.data?.lists.find((l) => l.list === list)?.entries.find((e) => e.code === code)?.label ??
    code;
  const setFilter = (name: string, value: string) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (value) next.set(name, value);
      else next.delete(name);
      next.delete('page');
      return next;
    });
  const options = (list: 'problem_area' | 'question_type') =>
    (lists.data?.lists.find((l) => l.list === list)?.entries ?? []).map((e) => ({
      value: e.code,
      label: e.label,
    }));

  return (
    <>
      <PageHeading>
        {t('monitoring.register.heading', { region: info?.name ?? region })}
      </PageHeading>
      <Paragraph>
        <AppLink to="/toegangstafels">{t('monitoring.back')}</AppLink>
      </Paragraph>
      {flash && <Alert type="ok">{flash}</Alert>}
      {register.data?.abilities.create && (
        <div className="kl-monitoring__actions">
          <ButtonLink to={`/toegangstafels/${region}/registraties/nieuw`}>
            {t('monitoring.register.new')}
          </ButtonLink>
          <ButtonLink to={`/toegangstafels/${region}/import`} purpose="secondary">
            {t('monitoring.import.title')}
          </ButtonLink>
          <ButtonLink to={`/toegangstafels/${region}/rapportage`} purpose="subtle">
            {t('monitoring.report.title')}
          </ButtonLink>
        </div>
      )}
      <search className="kl-monitoring__filters" aria-label={t('monitoring.register.filters')}>
        <SelectField
          id="filter-table"
          label={t('monitoring.field.table')}
          value={request.tableId ?? ''}
          placeholder={t('monitoring.register.all')}
          options={(info?.tables ?? []).map((table) => ({ value: table.id, label: table.name }))}
          onChange={(v) => setFilter('tableId', v)}
        />
        <TextField
          id="filter-from"
          type="date"
          label={t('monitoring.register.from')}
          value={request.from ?? ''}
          onChange={(v) => setFilter('from', v)}
        />
        <TextField
          id="filter-to"
          type="date"
          label={t('monitoring.register.to')}
          value={request.to ?? ''}
          onChange={(v) => setFilter('to', v)}
        />
        <SelectField
          id="filter-outcome"
          label={t('monitoring.field.outcome')}
          value={request.outcome ?? ''}
          placeholder={t('monitoring.register.all')}
          options={accessOutcomes.map((o) => ({ value: o, label: t(`monitoring.outcome.${o}`) }))}
          onChange={(v) => setFilter('outcome', v)}
        />
        <SelectField
          id="filter-problem-area"
          label={t('monitoring.field.problemAreas')}
          value={request.problemArea ?? ''}
          placeholder={t('monitoring.register.all')}
          options={options('problem_area')}
          onChange={(v) => setFilter('problemArea', v)}
        />
        <SelectField
          id="filter-question-type"
          label={t('monitoring.field.questionType')}
          value={request.questionType ?? ''}
          placeholder={t('monitoring.register.all')}
          options={options('question_type')}
          onChange={(v) => setFilter('questionType', v)}
        />
      </search>
      {register.isPending && <LoadingState />}
      {register.isError && (
        <ErrorAlert error={register.error} onRetry={() => void register.refetch()} />
      )}
      {register.data && register.data.items.length === 0 && (
        <EmptyState>{t('monitoring.register.empty')}</EmptyState>
      )}
      {register.data && register.data.items.length > 0 && (
        <>
          <Table caption={t('monitoring.register.caption', { count: register.data.total })}>
            <TableHead>
              <HeaderCell>{t('monitoring.field.reference')}</HeaderCell>
              <HeaderCell>{t('monitoring.field.discussedOn')}</HeaderCell>
              <HeaderCell>{t('monitoring.field.table')}</HeaderCell>
              <HeaderCell>{t('monitoring.field.questionType')}</HeaderCell>
              <HeaderCell>{t('monitoring.field.problemAreas')}</HeaderCell>
              <HeaderCell>{t('monitoring.field.outcome')}</HeaderCell>
              <HeaderCell>{t('monitoring.field.daysWaiting')}</HeaderCell>
            </TableHead>
            <TableBody>
              {register.data.items.map((row) => (
                <TableRow key={row.id}>
                  <RowHeaderCell>
                    <AppLink to={`/toegangstafels/${region}/registraties/${row.id}`}>
                      {row.reference}
                    </AppLink>
                  </RowHeaderCell>
                  <Cell>{formatDate(row.discussedOn, i18n.language)}</Cell>
                  <Cell>{row.tableName}</Cell>
                  <Cell>{labelOf('question_type', row.questionType)}</Cell>
                  <Cell>{row.problemAreas.map((p) => labelOf('problem_area', p)).join(', ')}</Cell>
                  <Cell>{t(`monitoring.outcome.${row.outcome}`)}</Cell>
                  <Cell isNumeric>{row.daysWaiting}</Cell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Pagination
            page={page}
            pageSize={25}
            total={register.data.total}
            onPage={(next) =>
              setParams((previous) => {
                const copy = new URLSearchParams(previous);
                copy.set('page', String(next));
                return copy;
              })
            }
          />
        </>
      )}
    </>
  );
}
