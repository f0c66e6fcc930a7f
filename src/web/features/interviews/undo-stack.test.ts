// Undo and redo of coding steps: which calls reverse a step, and how steps move between the
// undo and redo sides.
import { describe, expect, it } from 'vitest';
import {
  canRedo,
  canUndo,
  dropped,
  emptyHistory,
  historyLimit,
  nextRedo,
  nextUndo,
  operationsFor,
  record,
  redone,
  undone,
  type CodingStep,
} from './undo-stack';

const apply: CodingStep = { kind: 'apply', segmentIds: ['s1', 's2'], description: 'apply' };
const remove: CodingStep = { kind: 'remove', segmentIds: ['s3'], description: 'remove' };
const mark: CodingStep = {
  kind: 'update',
  segmentId: 's1',
  before: { important: false, quote: false },
  after: { important: true, quote: false },
  description: 'important',
};

describe('the calls that undo and redo a step', () => {
  it('removes the segments applying made, and restores them on redo', () => {
    expect(operationsFor(apply, 'undo')).toEqual([
      { op: 'delete', segmentId: 's1' },
      { op: 'delete', segmentId: 's2' },
    ]);
    expect(operationsFor(apply, 'redo')).toEqual([
      { op: 'restore', segmentId: 's1' },
      { op: 'restore', segmentId: 's2' },
    ]);
  });

  it('restores a removed segment, and removes it again on redo', () => {
    expect(operationsFor(remove, 'undo')).toEqual([{ op: 'restore', segmentId: 's3' }]);
    expect(operationsFor(remove, 'redo')).toEqual([{ op: 'delete', segmentId: 's3' }]);
  });

  it('sets the earlier marks back, and the later ones on redo', () => {
    expect(operationsFor(mark, 'undo')).toEqual([
      { op: 'patch', segmentId: 's1', body: { important: false, quote: false } },
    ]);
    expect(operationsFor(mark, 'redo')).toEqual([
      { op: 'patch', segmentId: 's1', body: { important: true, quote: false } },
    ]);
  });
});

describe('the history of a session', () => {
  it('undoes the last step first and redoes in the opposite order', () => {
    let history = record(record(emptyHistory<CodingStep>(), apply), remove);
    expect(nextUndo(history)).toBe(remove);
    history = undone(history);
    expect(nextUndo(history)).toBe(apply);
    expect(nextRedo(history)).toBe(remove);
    history = undone(history);
    expect(canUndo(history)).toBe(false);
    expect(nextRedo(history)).toBe(apply);
    history = redone(history);
    expect(nextUndo(history)).toBe(apply);
    expect(nextRedo(history)).toBe(remove);
  });

  it('forgets what could be redone once a new step is taken', () => {
    const history = record(undone(record(emptyHistory<CodingStep>(), apply)), mark);
    expect(canRedo(history)).toBe(false);
    expect(history.done).toEqual([mark]);
  });

  it('does nothing when there is nothing to undo or redo', () => {
    const history = emptyHistory<CodingStep>();
    expect(undone(history)).toBe(history);
    expect(redone(history)).toBe(history);
  });

  it('drops a step that could not be undone or redone', () => {
    const history = record(record(emptyHistory<CodingStep>(), apply), remove);
    expect(dropped(history, 'undo').done).toEqual([apply]);
    const back = undone(history);
    expect(dropped(back, 'redo')).toEqual({ done: [apply], undone: [] });
  });

  it('keeps at most the last hundred steps', () => {
    let history = emptyHistory<number>();
    for (let i = 0; i < historyLimit + 5; i++) history = record(history, i);
    expect(history.done).toHaveLength(historyLimit);
    expect(history.done[0]).toBe(5);
  });
});
