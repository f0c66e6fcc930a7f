// The checks a registration must pass beyond its shape, shared by the form and the import: the
// date is not in the future (Dutch calendar day), the table belongs to the region and is in use,
// and list codes exist (archived codes stay valid on a row that already had them, never on new
// ones).
import type { FieldError } from '../../../shared/contract/common';
import type { MonitoringListName } from '../../../shared/contract/monitoring';

export type ListEntry = { code: string; label: string; isArchived: boolean };
export type Lists = Record<MonitoringListName, ListEntry[]>;
export type RegionTable = {
  id: string;
  name: string;
  kind: string;
  threshold: number;
  isArchived: boolean;
};

export type RuleContext = {
  today: string;
  lists: Lists;
  tables: readonly RegionTable[];
  /** Codes the row had before this change: they may stay even if archived since. */
  previous?: { tableId: string; problemAreas: readonly string[]; questionType: string };
};

export function checkRegistration(
  input: {
    tableId: string;
    discussedOn: string;
    problemAreas: readonly string[];
    questionType: string;
  },
  context: RuleContext,
): FieldError[] {
  const errors: FieldError[] = [];
  if (input.discussedOn > context.today)
    errors.push({ path: 'discussedOn', message: 'De datum van bespreking ligt in de toekomst' });
  const table = context.tables.find((t) => t.id === input.tableId);
  if (!table) errors.push({ path: 'tableId', message: 'Deze tafel hoort niet bij deze regio' });
  else if (table.isArchived && context.previous?.tableId !== table.id)
    errors.push({ path: 'tableId', message: 'Deze tafel is gearchiveerd' });
  const usable = (list: MonitoringListName, code: string, before: readonly string[]) => {
    const entry = context.lists[list].find((e) => e.code === code);
    if (!entry) return 'unknown';
    if (entry.isArchived && !before.includes(code)) return 'archived';
    return 'ok';
  };
  for (const code of input.problemAreas) {
    const state = usable('problem_area', code, context.previous?.problemAreas ?? []);
    if (state !== 'ok')
      errors.push({
        path: 'problemAreas',
        message:
          state === 'unknown'
            ? `Onbekend probleemgebied: ${code}`
            : `Probleemgebied ${code} is gearchiveerd`,
      });
  }
  const question = usable(
    'question_type',
    input.questionType,
    context.previous ? [context.previous.questionType] : [],
  );
  if (question !== 'ok')
    errors.push({
      path: 'questionType',
      message:
        question === 'unknown'
          ? `Onbekende soort vraag: ${input.questionType}`
          : `Soort vraag ${input.questionType} is gearchiveerd`,
    });
  return errors;
}
