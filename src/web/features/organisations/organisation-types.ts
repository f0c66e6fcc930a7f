// Organisation types as text and select options, in the user's language.
import type { TFunction } from 'i18next';
import { organisationTypes, type OrganisationType } from '../../../shared/contract/organisations';
import type { SelectOption } from '../../ui/SelectField';

export function organisationTypeText(type: OrganisationType, t: TFunction): string {
  return t(`organisationType.${type}`);
}

export function organisationTypeOptions(t: TFunction): SelectOption[] {
  return organisationTypes.map((type) => ({ value: type, label: organisationTypeText(type, t) }));
}

export function isOrganisationType(value: string): value is OrganisationType {
  return (organisationTypes as readonly string[]).includes(value);
}
