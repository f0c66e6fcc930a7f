// An editable field's value in words, for the conflict view (yours next to the current one)
// and the history (before and after). Values from the history are stored JSON, so they are
// checked before they are read.
import type { TFunction } from 'i18next';
import { fuzzyDateSchema } from '../../../shared/contract/timeline';
import {
  laneCategoryList,
  perspectives,
  timelineKinds,
  timelineLanes,
  valences,
  type TimelineLane,
} from '../../../shared/domain/timeline';
import type { CaseReference } from '../../../shared/contract/timeline';
import type { EditableField } from './api';
import { dateText, kindText, laneText, perspectiveText, valenceText } from './labels';

export type ValueContext = {
  t: TFunction;
  language: string;
  participantLabels: Map<string, string>;
  categories: CaseReference['timelineCategories'];
  itemTitles: Map<string, string>;
};

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

export function fieldLabel(field: EditableField, t: TFunction): string {
  return t(`timeline.field.${field}`);
}

/** The label of a category code in the lane's list, or the code itself when it is unknown. */
export function categoryText(
  code: string,
  lane: TimelineLane | null,
  categories: CaseReference['timelineCategories'],
): string {
  const list = lane ? laneCategoryList[lane] : undefined;
  const match =
    categories.find((c) => c.code === code && (!list || c.list === list)) ??
    categories.find((c) => c.code === code);
  return match?.label ?? code;
}

export function valueText(
  field: EditableField,
  value: unknown,
  context: ValueContext,
  lane: TimelineLane | null = null,
): string {
  const { t, language } = context;
  if (value === null || value === undefined || value === '') {
    return field === 'end' ? t('timeline.value.noEnd') : t('timeline.value.empty');
  }
  switch (field) {
    case 'kind':
      return isOneOf(timelineKinds, value) ? kindText(value, t) : String(value);
    case 'lane':
      return isOneOf(timelineLanes, value) ? laneText(value, t) : String(value);
    case 'valence':
      return isOneOf(valences, value) ? valenceText(value, t) : String(value);
    case 'source':
      return isOneOf(perspectives, value) ? perspectiveText(value, t) : String(value);
    case 'start':
    case 'end': {
      const parsed = fuzzyDateSchema.safeParse(value);
      return parsed.success ? dateText(parsed.data, language) : String(value);
    }
    case 'sourceParticipantId':
      return context.participantLabels.get(String(value)) ?? t('timeline.value.unknownPerson');
    case 'categoryCode':
      return categoryText(String(value), lane, context.categories);
    case 'revisesItemId':
      return context.itemTitles.get(String(value)) ?? t('timeline.value.unknownItem');
    case 'waitingDays':
      return t('timeline.value.days', { count: Number(value) });
    case 'isSignal':
      return value === true ? t('timeline.value.yes') : t('timeline.value.no');
    case 'title':
    case 'description':
    case 'reference':
      return String(value);
  }
}

/** JSON with object keys sorted: the database may hand a date's keys back in another order. */
function canonical(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Whether two values of a field are the same (a date compared by its content). */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}
