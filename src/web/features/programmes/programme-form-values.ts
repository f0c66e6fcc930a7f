// The programme form's state, how it is checked before sending, and how it becomes the
// request body.
import type { TFunction } from 'i18next';
import { defaultStakeholderGroups, type Programme } from '../../../shared/contract/organisations';
import type { FieldErrors } from '../../app/form-errors';
import type { ProgrammeInput } from './api';
import { uniqueCode } from './stakeholder-code';

export type GroupRow = { key: string; code: string | null; label: string };

export type ProgrammeValues = {
  name: string;
  periodStart: string;
  periodEnd: string;
  learningGoals: string;
  smallCellThreshold: string;
  stakeholderGroups: GroupRow[];
};

let rowCounter = 0;
export function newRowKey(): string {
  rowCounter += 1;
  return `group-${rowCounter}`;
}

export function initialProgrammeValues(programme: Programme | null): ProgrammeValues {
  const groups = programme?.stakeholderGroups ?? defaultStakeholderGroups;
  return {
    name: programme?.name ?? '',
    periodStart: programme?.periodStart ?? '',
    periodEnd: programme?.periodEnd ?? '',
    learningGoals: programme?.learningGoals ?? '',
    smallCellThreshold: String(programme?.smallCellThreshold ?? 5),
    // Saved groups keep their code. A new programme's default groups have known codes too.
    stakeholderGroups: groups.map((g) => ({ key: newRowKey(), code: g.code, label: g.label })),
  };
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function checkProgramme(values: ProgrammeValues, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.name.trim()) errors.name = t('validation.nameRequired');
  else if (values.name.trim().length > 200) errors.name = t('validation.nameTooLong');
  if (!isoDate.test(values.periodStart)) errors.periodStart = t('validation.dateRequired');
  if (values.periodEnd && !isoDate.test(values.periodEnd))
    errors.periodEnd = t('validation.dateInvalid');
  else if (values.periodEnd && values.periodStart && values.periodEnd < values.periodStart) {
    errors.periodEnd = t('validation.endBeforeStart');
  }
  const threshold = Number(values.smallCellThreshold);
  if (!/^\d+$/.test(values.smallCellThreshold.trim()) || threshold < 1 || threshold > 100) {
    errors.smallCellThreshold = t('validation.thresholdRange');
  }
  if (values.stakeholderGroups.length === 0)
    errors.stakeholderGroups = t('validation.groupsRequired');
  if (values.stakeholderGroups.length > 30)
    errors.stakeholderGroups = t('validation.groupsTooMany');
  const seen = new Set<string>();
  values.stakeholderGroups.forEach((group, index) => {
    const label = group.label.trim().toLowerCase();
    if (!label) errors[`stakeholderGroups.${index}.label`] = t('validation.groupNameRequired');
    else if (seen.has(label))
      errors[`stakeholderGroups.${index}.label`] = t('validation.groupNameTwice');
    seen.add(label);
  });
  return errors;
}

export function programmeBody(values: ProgrammeValues): ProgrammeInput {
  const taken = new Set(values.stakeholderGroups.flatMap((g) => (g.code ? [g.code] : [])));
  const stakeholderGroups = values.stakeholderGroups.map((group) => {
    const label = group.label.trim();
    if (group.code) return { code: group.code, label };
    const code = uniqueCode(label, taken);
    taken.add(code);
    return { code, label };
  });
  return {
    name: values.name.trim(),
    periodStart: values.periodStart,
    periodEnd: values.periodEnd || null,
    learningGoals: values.learningGoals.trim(),
    smallCellThreshold: Number(values.smallCellThreshold),
    stakeholderGroups,
  };
}

/** The server reports a group's code; the form shows that error at the group's name. */
export function errorsForForm(errors: FieldErrors): FieldErrors {
  const result: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const target = path.replace(/^(stakeholderGroups\.\d+)\.code$/, '$1.label');
    result[target] ??= message;
  }
  return result;
}
