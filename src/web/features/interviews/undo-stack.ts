// Undo and redo of coding in one session on the coding page. The server keeps no history of a
// session; every step is undone with the calls that reverse it: applying codes created segments
// (undo removes them, redo restores them — removal is soft), removing a segment is undone by
// restoring it, and marking a segment important or as a quote is undone by setting the earlier
// values again. The stack lives in the page: leaving the page ends the session.

export type SegmentFlags = { important: boolean; quote: boolean };

export type CodingStep =
  | { kind: 'apply'; segmentIds: string[]; description: string }
  | { kind: 'remove'; segmentIds: string[]; description: string }
  | {
      kind: 'update';
      segmentId: string;
      before: SegmentFlags;
      after: SegmentFlags;
      description: string;
    };

/** One call to the server. */
export type Operation =
  | { op: 'delete'; segmentId: string }
  | { op: 'restore'; segmentId: string }
  | { op: 'patch'; segmentId: string; body: SegmentFlags };

export type Direction = 'undo' | 'redo';

/** The calls that undo or redo a step, in the order to send them. */
export function operationsFor(step: CodingStep, direction: Direction): Operation[] {
  switch (step.kind) {
    case 'apply':
      return step.segmentIds.map((segmentId) =>
        direction === 'undo' ? { op: 'delete', segmentId } : { op: 'restore', segmentId },
      );
    case 'remove':
      return step.segmentIds.map((segmentId) =>
        direction === 'undo' ? { op: 'restore', segmentId } : { op: 'delete', segmentId },
      );
    case 'update':
      return [
        {
          op: 'patch',
          segmentId: step.segmentId,
          body: direction === 'undo' ? step.before : step.after,
        },
      ];
  }
}

export type History<S> = { done: readonly S[]; undone: readonly S[] };

/** How many steps are kept. */
export const historyLimit = 100;

export function emptyHistory<S>(): History<S> {
  return { done: [], undone: [] };
}

/** A new step: it can be undone; what was undone before can no longer be redone. */
export function record<S>(history: History<S>, step: S): History<S> {
  const done = [...history.done, step];
  return { done: done.slice(Math.max(0, done.length - historyLimit)), undone: [] };
}

export function canUndo<S>(history: History<S>): boolean {
  return history.done.length > 0;
}

export function canRedo<S>(history: History<S>): boolean {
  return history.undone.length > 0;
}

/** The step to undo next, or undefined. */
export function nextUndo<S>(history: History<S>): S | undefined {
  return history.done[history.done.length - 1];
}

/** The step to redo next, or undefined. */
export function nextRedo<S>(history: History<S>): S | undefined {
  return history.undone[history.undone.length - 1];
}

/** After undoing the last step: it moves to the redo side. */
export function undone<S>(history: History<S>): History<S> {
  const step = nextUndo(history);
  if (step === undefined) return history;
  return { done: history.done.slice(0, -1), undone: [...history.undone, step] };
}

/** After redoing: the step moves back to the undo side. */
export function redone<S>(history: History<S>): History<S> {
  const step = nextRedo(history);
  if (step === undefined) return history;
  return { done: [...history.done, step], undone: history.undone.slice(0, -1) };
}

/**
 * After a step failed to undo or redo (say, its code was archived meanwhile): it is dropped,
 * since what it would reverse is no longer there.
 */
export function dropped<S>(history: History<S>, direction: Direction): History<S> {
  return direction === 'undo'
    ? { ...history, done: history.done.slice(0, -1) }
    : { ...history, undone: history.undone.slice(0, -1) };
}
