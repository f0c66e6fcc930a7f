// The team form's state, its checks before sending, and the request body.
import type { TFunction } from 'i18next';
import type { Team } from '../../../shared/contract/organisations';
import type { FieldErrors } from '../../app/form-errors';
import type { MunicipalityChoice } from '../reference/MunicipalityPicker';
import type { TeamInput } from './api';

export type TeamValues = {
  name: string;
  programmeId: string;
  municipality: MunicipalityChoice | null;
  plannedSessions: string;
};

export function initialTeamValues(team: Team | null, programmeId: string): TeamValues {
  return {
    name: team?.name ?? '',
    programmeId: team?.programmeId ?? programmeId,
    municipality: team ? { code: team.municipalityCode, name: team.municipalityName } : null,
    plannedSessions: String(team?.plannedSessions ?? 0),
  };
}

export function checkTeam(values: TeamValues, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.name.trim()) errors.name = t('validation.nameRequired');
  else if (values.name.trim().length > 200) errors.name = t('validation.nameTooLong');
  if (!values.programmeId) errors.programmeId = t('validation.programmeRequired');
  if (!values.municipality) errors.municipalityCode = t('validation.municipalityRequired');
  const sessions = Number(values.plannedSessions);
  if (!/^\d+$/.test(values.plannedSessions.trim()) || sessions > 1000) {
    errors.plannedSessions = t('validation.sessionsRange');
  }
  return errors;
}

export function teamBody(values: TeamValues): TeamInput {
  return {
    name: values.name.trim(),
    programmeId: values.programmeId,
    municipalityCode: values.municipality?.code ?? '',
    plannedSessions: Number(values.plannedSessions),
  };
}
