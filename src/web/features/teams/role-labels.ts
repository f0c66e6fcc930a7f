// The role labels of team members as select options, in the user's language.
import type { TFunction } from 'i18next';
import { teamRoleLabels, type TeamRoleLabel } from '../../../shared/contract/organisations';
import type { SelectOption } from '../../ui/SelectField';

export function roleLabelText(label: TeamRoleLabel, t: TFunction): string {
  return t(`teamRole.${label}`);
}

export function roleLabelOptions(t: TFunction): SelectOption[] {
  return teamRoleLabels.map((label) => ({ value: label, label: roleLabelText(label, t) }));
}

export function isTeamRoleLabel(value: string): value is TeamRoleLabel {
  return (teamRoleLabels as readonly string[]).includes(value);
}
