// The filters the cross-case views share: the kind of institution of the case and the
// perspective the text speaks from. Each applies as soon as it is chosen and is kept in the
// address (type, perspective).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { perspectives } from '../../../shared/contract/coding';
import { SelectField } from '../../ui/SelectField';
import { caseReferenceQuery } from '../cases/api';
import { perspectiveText } from './labels';

export type CrossCaseFilterValues = { type: string; perspective: string };

export function CrossCaseFilters({
  idPrefix,
  values,
  onChange,
}: {
  idPrefix: string;
  values: CrossCaseFilterValues;
  onChange: (name: keyof CrossCaseFilterValues, value: string) => void;
}) {
  const { t } = useTranslation();
  const reference = useQuery(caseReferenceQuery());
  return (
    <div className="kl-list__filters kl-cd-filters">
      <SelectField
        id={`${idPrefix}-type`}
        label={t('coding.filters.institutionType')}
        isOptional
        placeholder={t('coding.filters.all')}
        options={(reference.data?.institutionTypes ?? []).map((type) => ({
          value: type.code,
          label: type.label,
        }))}
        value={values.type}
        onChange={(value) => onChange('type', value)}
      />
      <SelectField
        id={`${idPrefix}-perspective`}
        label={t('coding.filters.perspective')}
        isOptional
        placeholder={t('coding.filters.all')}
        options={perspectives.map((p) => ({ value: p, label: perspectiveText(p, t) }))}
        value={values.perspective}
        onChange={(value) => onChange('perspective', value)}
      />
    </div>
  );
}

/** The label of an institution type code, from the reference list (or the code itself). */
export function useInstitutionTypeLabel(): (code: string | null) => string {
  const { t } = useTranslation();
  const reference = useQuery(caseReferenceQuery());
  return (code) => {
    if (!code) return t('coding.filters.noType');
    return reference.data?.institutionTypes.find((type) => type.code === code)?.label ?? code;
  };
}
