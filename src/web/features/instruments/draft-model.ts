// The draft editor's working copy of an instrument's content, and everything done to it that
// needs no screen: turning content into editable rows and back, adding, removing and moving
// sections, items and choice options, suggesting keys, and checking the result with the
// contract's own schema. Rows carry a stable `rowId`, so errors, focus and React keys follow a
// section or item when it moves. Errors are keyed `<rowId>.<field>` (or `title`,
// `description`, `sections` for the instrument itself).
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import {
  instrumentContentSchema,
  type AnswerType,
  type AnswerTypeName,
  type InstrumentContent,
  type InstrumentContentInput,
} from '../../../shared/contract/instruments';
import { timelineLanes, type TimelineLane } from '../../../shared/domain/timeline';
import type { FieldErrors } from '../../app/form-errors';

export type OptionRow = { rowId: string; code: string; label: string; isCodeTyped: boolean };

export type ItemRow = {
  rowId: string;
  key: string;
  /** A key typed by hand (or one that came with the content) is never replaced by a suggestion. */
  isKeyTyped: boolean;
  question: string;
  help: string;
  guideline: string;
  type: AnswerTypeName;
  // The settings of every type are kept, so switching the type back and forth loses nothing.
  min: string;
  max: string;
  unit: string;
  isInteger: boolean;
  options: OptionRow[];
  isMultiple: boolean;
  lanes: TimelineLane[];
};

export type SectionRow = {
  rowId: string;
  key: string;
  isKeyTyped: boolean;
  title: string;
  description: string;
  items: ItemRow[];
};

export type DraftState = { title: string; description: string; sections: SectionRow[] };

/** Where an item key was last published, and with which answer type. */
export type PublishedKeys = Map<string, { number: number; type: AnswerTypeName }>;

let lastRowId = 0;
/** A page-unique id for a row, usable in DOM ids: `s12`, `i13`, `o14`. */
export function newRowId(prefix: 's' | 'i' | 'o'): string {
  lastRowId += 1;
  return `${prefix}${lastRowId}`;
}

const keyPattern = /^[a-z][a-z0-9_]{0,59}$/;

/** A key made from a text ("Is er een plan?" → "is_er_een_plan"), not yet in `taken`. */
export function suggestKey(text: string, taken: ReadonlySet<string>): string {
  const base = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  if (!keyPattern.test(base)) return '';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function optionRow(code: string, label: string, isCodeTyped: boolean): OptionRow {
  return { rowId: newRowId('o'), code, label, isCodeTyped };
}

export function newOption(): OptionRow {
  return optionRow('', '', false);
}

export function newItem(): ItemRow {
  return {
    rowId: newRowId('i'),
    key: '',
    isKeyTyped: false,
    question: '',
    help: '',
    guideline: '',
    type: 'ynpu',
    min: '',
    max: '',
    unit: '',
    isInteger: false,
    options: [optionRow('', '', false), optionRow('', '', false)],
    isMultiple: false,
    lanes: [],
  };
}

export function newSection(): SectionRow {
  return {
    rowId: newRowId('s'),
    key: '',
    isKeyTyped: false,
    title: '',
    description: '',
    items: [newItem()],
  };
}

function itemFromContent(item: InstrumentContent['sections'][number]['items'][number]): ItemRow {
  const row: ItemRow = {
    ...newItem(),
    key: item.key,
    isKeyTyped: true,
    question: item.question,
    help: item.help,
    guideline: item.guideline ?? '',
    type: item.answer.type,
    lanes: [...(item.timelineLanes ?? [])],
  };
  const answer = item.answer;
  if (answer.type === 'number') {
    row.min = answer.min === undefined ? '' : String(answer.min);
    row.max = answer.max === undefined ? '' : String(answer.max);
    row.unit = answer.unit ?? '';
    row.isInteger = answer.isInteger;
  }
  if (answer.type === 'choice') {
    row.options = answer.options.map((o) => optionRow(o.code, o.label, true));
    row.isMultiple = answer.isMultiple;
  }
  return row;
}

export function draftFromContent(content: InstrumentContent): DraftState {
  return {
    title: content.title,
    description: content.description ?? '',
    sections: content.sections.map((section) => ({
      rowId: newRowId('s'),
      key: section.key,
      isKeyTyped: true,
      title: section.title,
      description: section.description ?? '',
      items: section.items.map(itemFromContent),
    })),
  };
}

/** A number field's text as a number: '' is none, a comma works as the decimal sign. */
export function numberOf(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return Number(trimmed.replace(',', '.'));
}

const optionalText = (text: string) => (text.trim() === '' ? undefined : text);

export function answerOf(item: ItemRow): AnswerType {
  switch (item.type) {
    case 'number': {
      const min = numberOf(item.min);
      const max = numberOf(item.max);
      const unit = optionalText(item.unit);
      return {
        type: 'number',
        ...(min === undefined ? {} : { min }),
        ...(max === undefined ? {} : { max }),
        ...(unit === undefined ? {} : { unit }),
        isInteger: item.isInteger,
      };
    }
    case 'choice':
      return {
        type: 'choice',
        options: item.options.map((o) => ({ code: o.code, label: o.label })),
        isMultiple: item.isMultiple,
      };
    default:
      return { type: item.type };
  }
}

/** The content as the contract takes it (not yet checked). */
export function contentOf(state: DraftState): InstrumentContentInput {
  const description = optionalText(state.description);
  return {
    title: state.title,
    ...(description === undefined ? {} : { description }),
    sections: state.sections.map((section) => {
      const sectionDescription = optionalText(section.description);
      return {
        key: section.key,
        title: section.title,
        ...(sectionDescription === undefined ? {} : { description: sectionDescription }),
        items: section.items.map((item) => {
          const guideline = optionalText(item.guideline);
          // Lanes in the timeline's own order, whatever order they were ticked in.
          const lanes = timelineLanes.filter((lane) => item.lanes.includes(lane));
          return {
            key: item.key,
            question: item.question,
            help: item.help,
            answer: answerOf(item),
            ...(guideline === undefined ? {} : { guideline }),
            ...(lanes.length > 0 ? { timelineLanes: lanes } : {}),
          };
        }),
      };
    }),
  };
}

/** Compares two working copies by what they would send: equal means nothing to save. */
export function sameContent(a: DraftState, b: DraftState): boolean {
  return JSON.stringify(contentOf(a)) === JSON.stringify(contentOf(b));
}

// ---- Changing the working copy ----

function mapSection(state: DraftState, rowId: string, change: (s: SectionRow) => SectionRow) {
  return { ...state, sections: state.sections.map((s) => (s.rowId === rowId ? change(s) : s)) };
}

function swap<T>(list: T[], from: number, to: number): T[] {
  if (from < 0 || to < 0 || to >= list.length) return list;
  const copy = [...list];
  const moved = copy[from] as T;
  copy[from] = copy[to] as T;
  copy[to] = moved;
  return copy;
}

export function allKeys(state: DraftState): Set<string> {
  return new Set(state.sections.flatMap((s) => s.items.map((i) => i.key)));
}

export function updateSection(
  state: DraftState,
  rowId: string,
  patch: Partial<Pick<SectionRow, 'key' | 'title' | 'description'>>,
): DraftState {
  return mapSection(state, rowId, (section) => {
    const next = { ...section, ...patch };
    if (patch.key !== undefined) next.isKeyTyped = patch.key !== '';
    else if (patch.title !== undefined && !section.isKeyTyped) {
      const taken = new Set(state.sections.filter((s) => s !== section).map((s) => s.key));
      next.key = suggestKey(patch.title, taken);
    }
    return next;
  });
}

export function updateItem(state: DraftState, rowId: string, patch: Partial<ItemRow>): DraftState {
  return {
    ...state,
    sections: state.sections.map((section) => ({
      ...section,
      items: section.items.map((item) => {
        if (item.rowId !== rowId) return item;
        const next = { ...item, ...patch };
        if (patch.key !== undefined) next.isKeyTyped = patch.key !== '';
        else if (patch.question !== undefined && !item.isKeyTyped) {
          const taken = allKeys(state);
          taken.delete(item.key);
          next.key = suggestKey(patch.question, taken);
        }
        return next;
      }),
    })),
  };
}

export function updateOption(
  state: DraftState,
  itemRowId: string,
  optionRowId: string,
  patch: Partial<Pick<OptionRow, 'code' | 'label'>>,
): DraftState {
  const item = findItem(state, itemRowId)?.item;
  if (!item) return state;
  const options = item.options.map((option) => {
    if (option.rowId !== optionRowId) return option;
    const next = { ...option, ...patch };
    if (patch.code !== undefined) next.isCodeTyped = patch.code !== '';
    else if (patch.label !== undefined && !option.isCodeTyped) {
      const taken = new Set(item.options.filter((o) => o !== option).map((o) => o.code));
      next.code = suggestKey(patch.label, taken);
    }
    return next;
  });
  return updateItem(state, itemRowId, { options });
}

export function addSection(state: DraftState, section: SectionRow): DraftState {
  return { ...state, sections: [...state.sections, section] };
}

export function removeSection(state: DraftState, rowId: string): DraftState {
  return { ...state, sections: state.sections.filter((s) => s.rowId !== rowId) };
}

export function moveSection(state: DraftState, rowId: string, direction: -1 | 1): DraftState {
  const from = state.sections.findIndex((s) => s.rowId === rowId);
  return { ...state, sections: swap(state.sections, from, from + direction) };
}

export function addItem(state: DraftState, sectionRowId: string, item: ItemRow): DraftState {
  return mapSection(state, sectionRowId, (s) => ({ ...s, items: [...s.items, item] }));
}

export function removeItem(state: DraftState, rowId: string): DraftState {
  return {
    ...state,
    sections: state.sections.map((s) => ({
      ...s,
      items: s.items.filter((i) => i.rowId !== rowId),
    })),
  };
}

export function moveItem(state: DraftState, rowId: string, direction: -1 | 1): DraftState {
  return {
    ...state,
    sections: state.sections.map((section) => {
      const from = section.items.findIndex((i) => i.rowId === rowId);
      return from < 0
        ? section
        : { ...section, items: swap(section.items, from, from + direction) };
    }),
  };
}

/** Moves an item to the end of another section. */
export function moveItemTo(state: DraftState, rowId: string, sectionRowId: string): DraftState {
  const found = findItem(state, rowId);
  if (!found || found.section.rowId === sectionRowId) return state;
  const without = removeItem(state, rowId);
  return mapSection(without, sectionRowId, (s) => ({ ...s, items: [...s.items, found.item] }));
}

export function addOption(state: DraftState, itemRowId: string, option: OptionRow): DraftState {
  const item = findItem(state, itemRowId)?.item;
  if (!item) return state;
  return updateItem(state, itemRowId, { options: [...item.options, option] });
}

export function removeOption(state: DraftState, itemRowId: string, optionRowId: string) {
  const item = findItem(state, itemRowId)?.item;
  if (!item) return state;
  return updateItem(state, itemRowId, {
    options: item.options.filter((o) => o.rowId !== optionRowId),
  });
}

export function moveOption(
  state: DraftState,
  itemRowId: string,
  optionRowId: string,
  direction: -1 | 1,
) {
  const item = findItem(state, itemRowId)?.item;
  if (!item) return state;
  const from = item.options.findIndex((o) => o.rowId === optionRowId);
  return updateItem(state, itemRowId, { options: swap(item.options, from, from + direction) });
}

export function findItem(state: DraftState, rowId: string) {
  for (const section of state.sections) {
    const index = section.items.findIndex((i) => i.rowId === rowId);
    const item = section.items[index];
    if (item) return { section, item, index };
  }
  return null;
}

// ---- Checking ----

type Path = readonly PropertyKey[];

/**
 * The error key of a place in the content (`sections.0.items.1.key` → `i7.key`), or null when
 * the path does not point into the working copy (it changed since the content was sent).
 */
export function errorKeyOf(path: Path, state: DraftState): string | null {
  const [head, s, sectionField, i, ...rest] = path;
  if (head === 'title' || head === 'description') return head;
  if (head !== 'sections') return null;
  if (s === undefined) return 'sections';
  const section = typeof s === 'number' ? state.sections[s] : undefined;
  if (!section) return null;
  if (sectionField !== 'items') return `${section.rowId}.${String(sectionField ?? 'title')}`;
  if (i === undefined) return `${section.rowId}.items`;
  const item = typeof i === 'number' ? section.items[i] : undefined;
  if (!item) return null;
  const [field, sub, o, optionField] = rest;
  if (field === undefined) return `${item.rowId}.question`;
  if (field !== 'answer') return `${item.rowId}.${String(field)}`;
  if (sub === undefined) return `${item.rowId}.answer.type`;
  if (sub !== 'options') return `${item.rowId}.answer.${String(sub)}`;
  if (o === undefined) return `${item.rowId}.answer.options`;
  const option = typeof o === 'number' ? item.options[o] : undefined;
  if (!option) return `${item.rowId}.answer.options`;
  return `${item.rowId}.answer.options.${option.rowId}.${String(optionField ?? 'label')}`;
}

/** The keys errors can have, in the order the form shows their fields. */
export function errorOrder(state: DraftState): string[] {
  return [
    'title',
    'description',
    ...state.sections.flatMap((s) => [
      `${s.rowId}.title`,
      `${s.rowId}.key`,
      `${s.rowId}.description`,
      ...s.items.flatMap((i) => [
        `${i.rowId}.question`,
        `${i.rowId}.key`,
        `${i.rowId}.answer.type`,
        `${i.rowId}.help`,
        `${i.rowId}.answer.min`,
        `${i.rowId}.answer.max`,
        `${i.rowId}.answer.unit`,
        ...i.options.flatMap((o) => [
          `${i.rowId}.answer.options.${o.rowId}.label`,
          `${i.rowId}.answer.options.${o.rowId}.code`,
        ]),
        `${i.rowId}.answer.options`,
        `${i.rowId}.guideline`,
        `${i.rowId}.timelineLanes`,
      ]),
      `${s.rowId}.items`,
    ]),
    'sections',
  ];
}

type Issue = z.core.$ZodIssue;

function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return node;
}

/** A contract issue in the reader's language, said for the field it is about. */
export function issueText(issue: Issue, raw: unknown, t: TFunction): string {
  const field = String([...issue.path].reverse().find((p) => typeof p === 'string') ?? '');
  const isItemLevel = issue.path.includes('items');
  const isSection = !isItemLevel && issue.path[0] === 'sections' && issue.path.length === 3;
  const where = isSection ? 'section' : issue.path[0] === 'sections' ? 'item' : 'instrument';
  const value = valueAt(raw, issue.path);
  switch (issue.code) {
    case 'custom':
      if (field === 'key') return t('instruments.validation.duplicateKey', { key: value });
      if (field === 'code') return t('instruments.validation.duplicateCode', { code: value });
      if (field === 'max') return t('instruments.validation.minAboveMax');
      return issue.message;
    case 'invalid_format':
      if (value === '')
        return t(`instruments.validation.required.${field === 'code' ? 'code' : 'key'}`);
      return t('instruments.validation.keyFormat');
    case 'too_small':
      if (issue.origin === 'array') {
        if (field === 'options') return t('instruments.validation.minOptions');
        if (field === 'items') return t('instruments.validation.minItems');
        return t('instruments.validation.minSections');
      }
      if (field === 'title') return t(`instruments.validation.required.${where}Title`);
      if (field === 'question' || field === 'label')
        return t(`instruments.validation.required.${field}`);
      return issue.message;
    case 'too_big':
      return issue.origin === 'array'
        ? t('instruments.validation.tooMany', { max: Number(issue.maximum) })
        : t('instruments.validation.tooLong', { max: Number(issue.maximum) });
    default:
      return issue.message;
  }
}

export type CheckResult =
  { content: InstrumentContent; errors: null } | { content: null; errors: FieldErrors };

/**
 * Checks the working copy with the contract's schema (the server checks the same), plus what
 * the schema cannot know: numbers that are not numbers, and published keys given another
 * answer type.
 */
export function checkDraft(state: DraftState, published: PublishedKeys, t: TFunction): CheckResult {
  const errors: FieldErrors = {};
  const add = (key: string | null, message: string) => {
    if (key) errors[key] ??= message;
  };
  for (const section of state.sections)
    for (const item of section.items) {
      if (item.type !== 'number') continue;
      for (const bound of ['min', 'max'] as const)
        if (Number.isNaN(numberOf(item[bound])))
          add(`${item.rowId}.answer.${bound}`, t('instruments.validation.notANumber'));
    }
  const raw = contentOf(state);
  const parsed = instrumentContentSchema.safeParse(raw);
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      add(errorKeyOf(issue.path, state), issueText(issue, raw, t));
  for (const section of state.sections)
    for (const item of section.items) {
      const before = published.get(item.key);
      if (before && before.type !== item.type)
        add(
          `${item.rowId}.answer.type`,
          t('instruments.validation.keyTypeChanged', {
            key: item.key,
            number: before.number,
            type: t(`instruments.answerType.${before.type}`),
          }),
        );
    }
  if (Object.keys(errors).length > 0 || !parsed.success) return { content: null, errors };
  return { content: parsed.data, errors: null };
}

/** The server's field errors (paths like `content.sections.0.items.1.key`) on the working copy. */
export function serverErrorsOf(
  fields: readonly { path: string; message: string }[],
  state: DraftState,
): { errors: FieldErrors; unplaced: string[] } {
  const errors: FieldErrors = {};
  const unplaced: string[] = [];
  for (const field of fields) {
    const parts = field.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const key = parts[0] === 'content' ? errorKeyOf(parts.slice(1), state) : null;
    if (key) errors[key] ??= field.message;
    else unplaced.push(field.message);
  }
  return { errors, unplaced };
}

/** Every published key with the answer type of the latest version it appeared in. */
export function publishedKeysOf(
  versions: readonly { number: number; content: InstrumentContent }[],
): PublishedKeys {
  const keys: PublishedKeys = new Map();
  for (const version of [...versions].sort((a, b) => a.number - b.number))
    for (const section of version.content.sections)
      for (const item of section.items)
        keys.set(item.key, { number: version.number, type: item.answer.type });
  return keys;
}
