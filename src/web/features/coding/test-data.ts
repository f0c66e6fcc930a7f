// Test data of the coding screens: a programme whose codebook has two top-level codes with the
// same sort order (so the name decides, the Dutch way), a sub-code and an archived code that was
// merged; a snapshot; a matrix of two cases; and the answers the server gives.
import type { Code, Codebook, ImportReport, Matrix } from '../../../shared/contract/coding';
import type { FetchCall } from '../../testing/render';

export const ids = {
  programme: '00000000-0000-4000-8000-0000000000a1',
  samenwerking: '00000000-0000-4000-8000-0000000003a1',
  ijzer: '00000000-0000-4000-8000-0000000003a2',
  overdracht: '00000000-0000-4000-8000-0000000003a3',
  oud: '00000000-0000-4000-8000-0000000003a4',
  snapshot: '00000000-0000-4000-8000-0000000003b1',
  case1: '00000000-0000-4000-8000-0000000000c1',
  case2: '00000000-0000-4000-8000-0000000000c2',
  source: '00000000-0000-4000-8000-0000000003c1',
  segment: '00000000-0000-4000-8000-0000000003d1',
};

export function code(overrides: Partial<Code> & Pick<Code, 'id' | 'name'>): Code {
  return {
    parentId: null,
    definition: '',
    inclusion: '',
    exclusion: '',
    color: '#1f6feb',
    sortOrder: 1,
    archived: false,
    mergedInto: null,
    version: 1,
    ...overrides,
  };
}

export const samenwerking = code({
  id: ids.samenwerking,
  name: 'Samenwerking',
  definition: 'Hoe hulpverleners samenwerken rond het gezin.',
  color: '#2e7d32',
  sortOrder: 2,
});
/** Same sort order as Samenwerking, so "IJzeren regels" (i+j) comes first. */
export const ijzer = code({
  id: ids.ijzer,
  name: 'IJzeren regels',
  sortOrder: 2,
  color: '#b71c1c',
});
export const overdracht = code({
  id: ids.overdracht,
  name: 'Overdracht',
  parentId: ids.samenwerking,
  sortOrder: 3,
});
export const oud = code({
  id: ids.oud,
  name: 'Afstemming',
  archived: true,
  mergedInto: ids.samenwerking,
  sortOrder: 1,
  version: 2,
});

export function codebook(overrides: Partial<Codebook> = {}): Codebook {
  return {
    programmeId: ids.programme,
    codes: [samenwerking, overdracht, oud, ijzer],
    snapshots: [
      {
        id: ids.snapshot,
        number: 1,
        label: 'Na de eerste ronde',
        createdAt: '2026-05-01T10:00:00.000Z',
        codeCount: 3,
      },
    ],
    abilities: { manage: true, exchange: true },
    ...overrides,
  };
}

export const programme = {
  id: ids.programme,
  name: 'Actieleren Gooi en Vechtstreek 2026',
  periodStart: '2026-01-01',
  periodEnd: null,
  learningGoals: '',
  stakeholderGroups: [],
  smallCellThreshold: 5,
  archivedAt: null,
  version: 1,
  teamCount: 1,
  abilities: { update: false, archive: false },
};

export const matrix: Matrix = {
  codes: [
    { id: ids.samenwerking, name: 'Samenwerking', color: '#2e7d32' },
    { id: ids.ijzer, name: 'IJzeren regels', color: '#b71c1c' },
  ],
  rows: [
    {
      caseId: ids.case1,
      caseCode: 'KL-2026-001',
      institutionType: 'jeugdzorgplus',
      cells: [
        { count: 3, coverage: 0.125 },
        { count: 0, coverage: 0 },
      ],
    },
    {
      caseId: ids.case2,
      caseCode: 'KL-2026-002',
      institutionType: 'jji',
      cells: [
        { count: 1, coverage: 0.004 },
        { count: 2, coverage: 0.5 },
      ],
    },
  ],
  totals: [
    { count: 4, cases: 2 },
    { count: 2, cases: 1 },
  ],
  total: 2,
  page: 1,
  pageSize: 25,
};

export const importReport: ImportReport = {
  codes: 12,
  sources: 3,
  segments: 140,
  memos: 2,
  cases: 2,
  casesLinked: 1,
  users: [
    { name: 'Olaf Onderzoek', mappedTo: 'user' },
    { name: 'J. de Vries (MAXQDA)', mappedTo: 'external_coder' },
  ],
  notMapped: [
    {
      where: 'project.qde regel 40, Sources/PDFSource[1] (name "Scan.pdf")',
      what: 'Een PDF-bron wordt niet overgenomen: alleen teksten.',
    },
  ],
  documentsPerSecond: 41.25,
};

export const caseReference = {
  institutionTypes: [
    { code: 'jji', label: 'Justitiële jeugdinrichting (JJI)' },
    { code: 'jeugdzorgplus', label: 'Jeugdzorgplus' },
  ],
  timelineCategories: [],
};

export const notFound = {
  status: 404,
  body: {
    error: { code: 'NOT_FOUND', message: 'Dit bestaat niet, of je hebt er geen toegang toe.' },
  },
};

export const codebookPath = `/api/programmes/${ids.programme}/codebook`;

/** The reads every coding page makes. */
export function reads(current: () => Codebook = () => codebook()) {
  return (call: FetchCall) => {
    if (call.method !== 'GET') return undefined;
    if (call.url === codebookPath) return { body: current() };
    if (call.url === `/api/programmes/${ids.programme}`) return { body: programme };
    if (call.url === '/api/case-reference') return { body: caseReference };
    return undefined;
  };
}
