// Words for the codes the coding screens show: perspectives, kinds of text, the changes in a
// code's history and the fields they name.
import type { TFunction } from 'i18next';
import type { Perspective, SourceKind } from '../../../shared/contract/coding';

export const perspectiveText = (perspective: Perspective | null, t: TFunction): string =>
  perspective ? t(`coding.perspective.${perspective}`) : t('coding.noPerspective');

export const sourceKindText = (kind: SourceKind, t: TFunction): string =>
  t(`coding.sourceKind.${kind}`);

/** The changes a code's history names (the server's `change`). */
export const codeChanges = [
  'created',
  'updated',
  'moved',
  'archived',
  'restored',
  'merged',
  'merged_into',
  'split',
  'imported',
] as const;

/** The fields a change of a code is shown by, in the order of the form. */
export const historyFields = [
  'name',
  'parentId',
  'definition',
  'inclusion',
  'exclusion',
  'color',
] as const;

export function changeText(change: string, t: TFunction): string {
  return (codeChanges as readonly string[]).includes(change)
    ? t(`coding.history.change.${change}`)
    : change;
}
