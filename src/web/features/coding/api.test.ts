// What the coding screens take from the server's answers: an import's refusal split into what
// is wrong and where in the file (said once), only for refusals of the file itself; and a
// stale edit's two versions, only when both are there and on the contract.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api';
import { codeConflictOf, importRefusalOf } from './api';
import { samenwerking } from './test-data';

describe('an import refusal', () => {
  it('names what is wrong and, once, where in the file', () => {
    const where = 'project.qde regel 12, Sources/TextSource[2]';
    const error = new ApiError(
      400,
      'INVALID_INPUT',
      `De tekst van bron "Interview 2" ontbreekt. (${where})`,
      [],
      { reason: 'MISSING_SOURCE', where },
    );
    expect(importRefusalOf(error)).toEqual({
      message: 'De tekst van bron "Interview 2" ontbreekt.',
      where,
    });
    expect(importRefusalOf(new ApiError(413, 'PAYLOAD_TOO_LARGE', 'Te groot.', [], {}))).toEqual({
      message: 'Te groot.',
      where: null,
    });
  });

  it('is not a refusal of the file when something else went wrong', () => {
    expect(importRefusalOf(new ApiError(0, 'NETWORK', ''))).toBeNull();
    expect(importRefusalOf(new ApiError(404, 'NOT_FOUND', ''))).toBeNull();
    expect(importRefusalOf(new Error('boom'))).toBeNull();
  });
});

describe('a stale edit', () => {
  it('carries both versions when the server sent them', () => {
    const yours = { ...samenwerking, name: 'Samenwerken', version: 1 };
    const conflict = codeConflictOf(
      new ApiError(409, 'CONFLICT', '', [], { current: { ...samenwerking, version: 2 }, yours }),
    );
    expect(conflict?.current.version).toBe(2);
    expect(conflict?.yours.name).toBe('Samenwerken');
    expect(codeConflictOf(new ApiError(409, 'CONFLICT', 'Al gearchiveerd.'))).toBeNull();
  });
});
