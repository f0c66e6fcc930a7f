// Create or edit an account: e-mail address (only when creating), name, role and, optionally,
// the organisation the person works for. Editing sends the version the form was opened with;
// a changed role logs the person out everywhere, which the role field says beforehand.
import { useState, type FormEvent } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Role, UserDetail } from '../../../shared/contract/auth';
import { isApiError } from '../../app/api';
import {
  fieldId,
  hasFieldErrors,
  serverFieldErrors,
  type FieldErrors,
} from '../../app/form-errors';
import { Alert } from '../../ui/Alert';
import { FormProblems } from '../../ui/FormProblems';
import { ButtonLink } from '../../ui/links';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { checkEmail } from '../auth/validation';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { createAccount, updateAccount, type AccountWithLink } from './api';
import { isRole, roleOptions, roleText } from './account-labels';

type Values = { email: string; displayName: string; role: Role | ''; organisationId: string };

export type AccountFormProps =
  | { account: null; onCreated: (result: AccountWithLink) => void }
  | { account: UserDetail; onSaved: (account: UserDetail) => void; onReload: () => void };

export function AccountForm(props: AccountFormProps) {
  const { account } = props;
  const { t } = useTranslation();
  const formId = account ? 'account-edit' : 'account-new';
  const order = ['email', 'displayName', 'role', 'organisationId'];
  const [values, setValues] = useState<Values>(() => ({
    email: account?.email ?? '',
    displayName: account?.displayName ?? '',
    role: account?.role ?? '',
    organisationId: account?.organisationId ?? '',
  }));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const mutation = useMutation({
    mutationFn: async (body: { displayName: string; role: Role; organisationId: string | null }) =>
      props.account
        ? {
            saved: await updateAccount(props.account.id, {
              ...body,
              version: props.account.version,
            }),
          }
        : { created: await createAccount({ ...body, email: values.email.trim() }) },
    onSuccess: (result) => {
      if (result.created && props.account === null) props.onCreated(result.created);
      if (result.saved && props.account) props.onSaved(result.saved);
    },
  });
  // The only thing that can clash when creating is the e-mail address: say so at that field.
  const isDuplicateEmail =
    !account && isApiError(mutation.error) && mutation.error.code === 'CONFLICT';
  const errors = hasFieldErrors(clientErrors)
    ? clientErrors
    : isDuplicateEmail
      ? { email: t('account.emailTaken') }
      : serverFieldErrors(mutation.error);
  const set = (key: keyof Values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const isRoleChanged = Boolean(account && values.role && values.role !== account.role);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const found: FieldErrors = {};
    if (!account) {
      const emailError = values.email.trim()
        ? checkEmail(values.email, t)
        : t('validation.accountEmailRequired');
      if (emailError) found.email = emailError;
    }
    if (!values.displayName.trim()) found.displayName = t('validation.nameRequired');
    else if (values.displayName.trim().length > 200)
      found.displayName = t('validation.nameTooLong');
    if (!values.role) found.role = t('validation.roleRequired');
    setClientErrors(found);
    if (hasFieldErrors(found) || !values.role) {
      mutation.reset();
      return;
    }
    mutation.mutate({
      displayName: values.displayName.trim(),
      role: values.role,
      organisationId: values.organisationId || null,
    });
  };

  return (
    <form noValidate onSubmit={submit} className="kl-form">
      <FormProblems
        formId={formId}
        errors={errors}
        order={order}
        submitError={isDuplicateEmail ? null : mutation.error}
        onReload={props.account ? props.onReload : undefined}
      />
      {!account && (
        <TextField
          id={fieldId(formId, 'email')}
          label={t('account.email')}
          description={t('account.emailHint')}
          type="email"
          autoComplete="off"
          value={values.email}
          onChange={set('email')}
          error={errors.email}
        />
      )}
      <TextField
        id={fieldId(formId, 'displayName')}
        label={t('account.displayName')}
        description={t('account.displayNameHint')}
        autoComplete="off"
        value={values.displayName}
        onChange={set('displayName')}
        error={errors.displayName}
      />
      <SelectField
        id={fieldId(formId, 'role')}
        label={t('account.role')}
        placeholder={account ? undefined : t('account.roleChoose')}
        options={roleOptions(t)}
        value={values.role}
        onChange={(role) => setValues((v) => ({ ...v, role: isRole(role) ? role : '' }))}
        description={
          account ? t('account.roleEditHint', { name: account.displayName }) : t('account.roleHint')
        }
        error={errors.role}
      />
      <OrganisationSelect
        id={fieldId(formId, 'organisationId')}
        label={t('account.organisation')}
        description={t('account.organisationHint')}
        value={values.organisationId}
        onChange={set('organisationId')}
        error={errors.organisationId}
      />
      {account && isRoleChanged && values.role && (
        <Alert type="warning">
          {t('account.roleChangeWarning', {
            name: account.displayName,
            from: roleText(account.role, t),
            to: roleText(values.role, t),
          })}
        </Alert>
      )}
      <div className="kl-form__actions">
        <Button type="submit" purpose="primary" busy={mutation.isPending}>
          {mutation.isPending
            ? t('common.saving')
            : account
              ? t('common.saveChanges')
              : t('account.create')}
        </Button>
        {!account && (
          <ButtonLink to="/accounts" purpose="subtle">
            {t('common.cancel')}
          </ButtonLink>
        )}
      </div>
    </form>
  );
}
