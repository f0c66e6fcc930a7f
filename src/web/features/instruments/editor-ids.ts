// DOM ids in the draft editor. A field's id comes from its error key (so the error summary
// links to it); a control's id from the row it belongs to (so focus can follow a moved row).
import { fieldId } from '../../app/form-errors';

export const draftFormId = 'draft';

/** The input of an error key: `i7.answer.min` → `draft-i7-answer-min`. */
export const inputId = (errorKey: string) => fieldId(draftFormId, errorKey);

/** A button of a row: `controlId('i7', 'up')` → `draft-i7-up`. */
export const controlId = (rowId: string, control: string) => `${draftFormId}-${rowId}-${control}`;

/** What an editing step does to focus and what it announces. */
export type EditEffect = { focus?: string; message?: string };
