// A code as its form holds it, the checks made before sending (the same limits as the server's),
// and the body sent from it.
import type { TFunction } from 'i18next';
import type { Code } from '../../../shared/contract/coding';
import type { FieldErrors } from '../../app/form-errors';
import type { CodeInput } from './api';

export type CodeDraft = {
  name: string;
  /** '' for a top-level code. */
  parentId: string;
  definition: string;
  inclusion: string;
  exclusion: string;
  color: string;
};

export const defaultColor = '#1f6feb';

/** Colours a new top-level code gets in turn: far apart, each dark or bright enough to see. */
export const palette = [
  '#1f6feb',
  '#2e7d32',
  '#c62828',
  '#6a1b9a',
  '#ef6c00',
  '#00838f',
  '#ad1457',
  '#5d4037',
  '#f9a825',
  '#455a64',
] as const;

/** The first palette colour no live code has; when all are taken, round again. */
export function nextColor(codes: readonly Pick<Code, 'color' | 'archived'>[]): string {
  const used = new Set(codes.filter((c) => !c.archived).map((c) => c.color.toLowerCase()));
  return palette.find((color) => !used.has(color)) ?? palette[used.size % palette.length]!;
}
export const nameMax = 200;
export const textMax = 4000;
export const codeFieldOrder = ['name', 'parentId', 'definition', 'inclusion', 'exclusion', 'color'];

export function emptyDraft(parentId: string | null = null, color = defaultColor): CodeDraft {
  return {
    name: '',
    parentId: parentId ?? '',
    definition: '',
    inclusion: '',
    exclusion: '',
    color,
  };
}

export function draftFromCode(code: Code): CodeDraft {
  return {
    name: code.name,
    parentId: code.parentId ?? '',
    definition: code.definition,
    inclusion: code.inclusion,
    exclusion: code.exclusion,
    color: code.color,
  };
}

const colourPattern = /^#[0-9a-fA-F]{6}$/;

export function checkCodeDraft(draft: CodeDraft, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = t('coding.form.nameRequired');
  else if (name.length > nameMax) errors.name = t('coding.form.tooLong', { max: nameMax });
  for (const field of ['definition', 'inclusion', 'exclusion'] as const)
    if (draft[field].trim().length > textMax)
      errors[field] = t('coding.form.tooLong', { max: textMax });
  if (!colourPattern.test(draft.color)) errors.color = t('coding.form.colorFormat');
  return errors;
}

export function inputFromDraft(draft: CodeDraft): Required<CodeInput> {
  return {
    name: draft.name.trim(),
    parentId: draft.parentId || null,
    definition: draft.definition.trim(),
    inclusion: draft.inclusion.trim(),
    exclusion: draft.exclusion.trim(),
    color: draft.color.toLowerCase(),
  };
}
