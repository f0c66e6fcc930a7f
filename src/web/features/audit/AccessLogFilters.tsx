// The access log's filter form: a person (searchable), a case id, an action and a period.
// Nothing is applied while typing; "Show entries" checks the values and puts them in the
// address, "Clear filters" empties them.
import { useState, type FormEvent } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useTranslation } from 'react-i18next';
import { fieldId, hasFieldErrors, summaryItems, type FieldErrors } from '../../app/form-errors';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { AccountPicker, type AccountChoice } from '../accounts/AccountPicker';
import { checkFilter, emptyFilter, isFiltered, type AccessLogFilter } from './access-log-filter';
import { actionOptions } from './codes';

const formId = 'access-log-filter';
const order = ['userId', 'caseId', 'action', 'from', 'to'];

export type AccessLogFiltersProps = {
  applied: AccessLogFilter;
  onApply: (filter: AccessLogFilter) => void;
  /** Whether the person field is offered (it searches the accounts). */
  canPickPerson: boolean;
};

export function AccessLogFilters({ applied, onApply, canPickPerson }: AccessLogFiltersProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<AccessLogFilter>(applied);
  const [person, setPerson] = useState<AccountChoice | null>(
    applied.userId ? { id: applied.userId, name: '' } : null,
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (key: keyof AccessLogFilter) => (value: string) =>
    setValues((v) => ({ ...v, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const filter = { ...values, caseId: values.caseId.trim(), userId: person?.id ?? '' };
    const found = checkFilter(filter, t);
    setErrors(found);
    if (hasFieldErrors(found)) return;
    onApply(filter);
  };

  const clear = () => {
    setValues(emptyFilter);
    setPerson(null);
    setErrors({});
    onApply(emptyFilter);
  };

  return (
    <form
      noValidate
      onSubmit={submit}
      className="kl-form kl-filter-form"
      aria-label={t('accessLog.filterTitle')}
    >
      <ErrorSummary items={summaryItems(formId, errors, order)} />
      <div className="kl-form__row">
        {canPickPerson && (
          <AccountPicker
            id={fieldId(formId, 'userId')}
            label={t('accessLog.person')}
            description={t('accessLog.personHint')}
            isOptional
            value={person}
            onChange={setPerson}
          />
        )}
        <TextField
          id={fieldId(formId, 'caseId')}
          label={t('accessLog.caseId')}
          description={t('accessLog.caseIdHint')}
          isOptional
          autoComplete="off"
          spellCheck={false}
          value={values.caseId}
          onChange={set('caseId')}
          error={errors.caseId}
        />
        <SelectField
          id={fieldId(formId, 'action')}
          label={t('accessLog.action')}
          isOptional
          placeholder={t('accessLog.actionAll')}
          options={actionOptions(t)}
          value={values.action}
          onChange={set('action')}
        />
      </div>
      <div className="kl-form__row kl-form__row--dates">
        <TextField
          id={fieldId(formId, 'from')}
          label={t('accessLog.from')}
          type="date"
          isOptional
          value={values.from}
          onChange={set('from')}
          error={errors.from}
        />
        <TextField
          id={fieldId(formId, 'to')}
          label={t('accessLog.to')}
          type="date"
          isOptional
          value={values.to}
          onChange={set('to')}
          error={errors.to}
        />
      </div>
      <div className="kl-form__actions">
        <Button type="submit" purpose="primary">
          {t('accessLog.apply')}
        </Button>
        {(isFiltered(applied) || isFiltered(values) || person) && (
          <Button purpose="subtle" onClick={clear}>
            {t('accessLog.clear')}
          </Button>
        )}
      </div>
    </form>
  );
}
