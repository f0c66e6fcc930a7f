// The new-case form's state, its checks before sending, and the request body. The team decides
// the programme: choosing a team sets its programme, choosing a programme narrows the teams.
import type { TFunction } from 'i18next';
import type { FieldErrors } from '../../app/form-errors';
import type { RegionChoice } from '../reference/RegionPicker';
import type { CaseInput } from './api';
import { isGender } from './case-labels';

export type CaseValues = {
  programmeId: string;
  teamId: string;
  institutionType: string;
  region: RegionChoice | null;
  birthYear: string;
  gender: string;
};

export const emptyCaseValues: CaseValues = {
  programmeId: '',
  teamId: '',
  institutionType: '',
  region: null,
  birthYear: '',
  gender: '',
};

export function checkCase(values: CaseValues, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.programmeId) errors.programmeId = t('validation.programmeRequired');
  if (!values.teamId) errors.teamId = t('validation.teamRequired');
  if (!values.institutionType) errors.institutionType = t('validation.institutionTypeRequired');
  if (!values.region) errors.regionCode = t('validation.regionRequired');
  if (!/^\d{4}$/.test(values.birthYear.trim())) errors.birthYear = t('validation.birthYearFormat');
  return errors;
}

export function caseBody(values: CaseValues): CaseInput {
  return {
    programmeId: values.programmeId,
    teamId: values.teamId,
    institutionType: values.institutionType,
    regionCode: values.region?.code ?? '',
    birthYear: Number(values.birthYear.trim()),
    gender: isGender(values.gender) ? values.gender : null,
  };
}
