// Create or edit a partner organisation: name, type and (optionally) its municipality.
import { useState, type FormEvent } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Organisation, OrganisationType } from '../../../shared/contract/organisations';
import {
  fieldId,
  hasFieldErrors,
  serverFieldErrors,
  type FieldErrors,
} from '../../app/form-errors';
import { FormProblems } from '../../ui/FormProblems';
import { ButtonLink } from '../../ui/links';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { MunicipalityPicker, type MunicipalityChoice } from '../reference/MunicipalityPicker';
import { createOrganisation, updateOrganisation, type OrganisationInput } from './api';
import { isOrganisationType, organisationTypeOptions } from './organisation-types';

const formId = 'organisation';
const order = ['name', 'type', 'municipalityCode'];

type Values = {
  name: string;
  type: OrganisationType | '';
  municipality: MunicipalityChoice | null;
};

export type OrganisationFormProps = {
  organisation: Organisation | null;
  onSaved: (organisation: Organisation) => void;
  onReload?: () => void;
};

export function OrganisationForm({ organisation, onSaved, onReload }: OrganisationFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(() => ({
    name: organisation?.name ?? '',
    type: organisation?.type ?? '',
    municipality:
      organisation?.municipalityCode && organisation.municipalityName
        ? { code: organisation.municipalityCode, name: organisation.municipalityName }
        : null,
  }));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const mutation = useMutation({
    mutationFn: (body: OrganisationInput) =>
      organisation
        ? updateOrganisation(organisation.id, { ...body, version: organisation.version })
        : createOrganisation(body),
    onSuccess: onSaved,
  });
  const errors = hasFieldErrors(clientErrors) ? clientErrors : serverFieldErrors(mutation.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const found: FieldErrors = {};
    if (!values.name.trim()) found.name = t('validation.nameRequired');
    else if (values.name.trim().length > 200) found.name = t('validation.nameTooLong');
    if (!values.type) found.type = t('validation.typeRequired');
    setClientErrors(found);
    if (hasFieldErrors(found) || !values.type) {
      mutation.reset();
      return;
    }
    mutation.mutate({
      name: values.name.trim(),
      type: values.type,
      municipalityCode: values.municipality?.code ?? null,
    });
  };

  return (
    <form noValidate onSubmit={submit} className="kl-form">
      <FormProblems
        formId={formId}
        errors={errors}
        order={order}
        submitError={mutation.error}
        onReload={onReload}
      />
      <TextField
        id={fieldId(formId, 'name')}
        label={t('organisation.name')}
        autoComplete="organization"
        value={values.name}
        onChange={(name) => setValues((v) => ({ ...v, name }))}
        error={errors.name}
      />
      <SelectField
        id={fieldId(formId, 'type')}
        label={t('organisation.type')}
        placeholder={t('organisation.typeChoose')}
        options={organisationTypeOptions(t)}
        value={values.type}
        onChange={(type) =>
          setValues((v) => ({ ...v, type: isOrganisationType(type) ? type : '' }))
        }
        error={errors.type}
      />
      <MunicipalityPicker
        id={fieldId(formId, 'municipalityCode')}
        label={t('organisation.municipality')}
        description={t('organisation.municipalityHint')}
        isOptional
        value={values.municipality}
        onChange={(municipality) => setValues((v) => ({ ...v, municipality }))}
        error={errors.municipalityCode}
      />
      <div className="kl-form__actions">
        <Button type="submit" purpose="primary" busy={mutation.isPending}>
          {mutation.isPending
            ? t('common.saving')
            : organisation
              ? t('common.saveChanges')
              : t('organisation.create')}
        </Button>
        <ButtonLink to="/organisations" purpose="subtle">
          {t('common.cancel')}
        </ButtonLink>
      </div>
    </form>
  );
}
