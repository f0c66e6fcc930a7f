// A small board and threads for the synthesis screens' component tests.
import type { Board, Thread, ThreadVersion } from '../../../shared/contract/synthesis';

export const programmeId = '7b0c1f8e-3c1d-4c55-9a3e-2b7f4f6f2a10';
export const themeId = '5d6e7f80-1111-4a2b-8c3d-000000000001';
export const otherThemeId = '5d6e7f80-1111-4a2b-8c3d-000000000002';
export const waitingId = '0a1b2c3d-2222-4a2b-8c3d-000000000001';
export const schoolId = '0a1b2c3d-2222-4a2b-8c3d-000000000002';
export const threadId = '9f8e7d6c-3333-4a2b-8c3d-000000000001';
export const successorId = '9f8e7d6c-3333-4a2b-8c3d-000000000002';

export function testBoard(overrides: Partial<Board> = {}): Board {
  return {
    programmeId,
    programmeName: 'Actieleren 2026',
    codes: [
      {
        id: waitingId,
        name: 'Wachttijd',
        color: '#4fa36f',
        parentId: null,
        path: 'Wachttijd',
        caseCount: 7,
        themeId: null,
        sortOrder: 1,
      },
      {
        id: schoolId,
        name: 'Thuiszitten',
        color: '#3a86c0',
        parentId: null,
        path: 'Thuiszitten',
        caseCount: 1,
        themeId,
        sortOrder: 1,
      },
    ],
    themes: [
      {
        id: themeId,
        name: 'School als anker',
        description: '',
        sortOrder: 1,
        archived: false,
        version: 1,
        codeIds: [schoolId],
        threads: [],
      },
      {
        id: otherThemeId,
        name: 'Hulp komt te laat',
        description: 'Wachten op hulp',
        sortOrder: 2,
        archived: false,
        version: 3,
        codeIds: [],
        threads: [],
      },
    ],
    abilities: { write: true },
    ...overrides,
  };
}

export function testThread(overrides: Partial<Thread> = {}): Thread {
  return {
    id: threadId,
    number: 1,
    title: 'Hulp komt pas als het escaleert',
    status: 'active',
    programmeId,
    description: 'Gezinnen wachten maanden.',
    statusReason: null,
    theme: { id: otherThemeId, name: 'Hulp komt te laat' },
    codes: [
      { id: waitingId, name: 'Wachttijd', path: 'Wachttijd', color: '#4fa36f', archived: false },
    ],
    supersededBy: null,
    supersedes: [],
    version: 2,
    createdAt: '2026-06-01T09:00:00.000Z',
    updatedAt: '2026-06-02T09:00:00.000Z',
    abilities: { edit: true },
    ...overrides,
  };
}

export const testVersions: ThreadVersion[] = [
  {
    version: 2,
    change: 'updated',
    title: 'Hulp komt pas als het escaleert',
    description: 'Gezinnen wachten maanden.',
    status: 'active',
    statusReason: null,
    codes: [
      { id: waitingId, name: 'Wachttijd' },
      { id: schoolId, name: 'Thuiszitten' },
    ],
    supersededBy: null,
    note: 'Na de leerbijeenkomst',
    changedBy: 'Rik Onderzoek',
    changedAt: '2026-06-02T09:00:00.000Z',
    changedFields: ['description', 'codes'],
    codesAdded: ['Thuiszitten'],
    codesRemoved: [],
  },
  {
    version: 1,
    change: 'promoted',
    title: 'Hulp komt pas als het escaleert',
    description: '',
    status: 'active',
    statusReason: null,
    codes: [{ id: waitingId, name: 'Wachttijd' }],
    supersededBy: null,
    note: '',
    changedBy: 'Rik Onderzoek',
    changedAt: '2026-06-01T09:00:00.000Z',
    changedFields: [],
    codesAdded: [],
    codesRemoved: [],
  },
];
