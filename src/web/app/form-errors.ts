// Field errors of a form: the ones found before sending, or else the ones the server sent
// back (details.fields[].path), keyed by the same dotted path as the request body.
import { useState, type FormEvent } from 'react';
import type { SummaryItem } from '../ui/ErrorSummary';
import { isApiError } from './api';

export type FieldErrors = Record<string, string>;

export function serverFieldErrors(error: unknown): FieldErrors {
  return isApiError(error) ? error.fieldMessages : {};
}

export function hasFieldErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** The DOM id of the input for a body path: fieldId('team', 'municipalityCode'). */
export function fieldId(formId: string, path: string): string {
  return `${formId}-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

/** Summary items for the error summary, in form order when an order is given. */
export function summaryItems(
  formId: string,
  errors: FieldErrors,
  order: string[] = [],
): SummaryItem[] {
  const rank = (path: string) => {
    const index = order.findIndex((prefix) => path === prefix || path.startsWith(`${prefix}.`));
    return index === -1 ? order.length : index;
  };
  return Object.entries(errors)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([path, message]) => ({ fieldId: fieldId(formId, path), message }));
}

/** The part of a TanStack mutation a form's submit uses. */
export type SubmitMutation<B> = {
  isPending: boolean;
  error: unknown;
  reset: () => void;
  mutate: (body: B) => void;
};

/**
 * A form's submit: `check` finds what is wrong before sending (shown, nothing sent); otherwise
 * `body` is sent (null: not sendable, nothing sent). `errors` are the check's, or else the
 * server's field errors for the last send (`serverErrors` may say more, e.g. for a 404).
 */
export function useCheckedSubmit<B>(
  mutation: SubmitMutation<B>,
  check: () => FieldErrors,
  body: () => B | null,
  serverErrors: (error: unknown) => FieldErrors = serverFieldErrors,
): { errors: FieldErrors; submit: (event: FormEvent) => void } {
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const errors = hasFieldErrors(clientErrors) ? clientErrors : serverErrors(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const found = check();
    setClientErrors(found);
    const sendable = hasFieldErrors(found) ? null : body();
    if (sendable === null) {
      mutation.reset();
      return;
    }
    mutation.mutate(sendable);
  };
  return { errors, submit };
}
