// Fixtures for the interview and coding component tests: one case with a youth of 17 and a
// mother, an interview with a transcript holding an emoji, a small codebook, and the answers the
// server gives.
import type {
  Agreement,
  Code,
  Codebook,
  Interview,
  InterviewList,
  Segment,
  SourceDetail,
} from '../../../shared/contract/coding';
import type { CaseDetail } from '../../../shared/contract/cases';

export const ids = {
  case: '00000000-0000-4000-8000-00000000ca5e',
  programme: '00000000-0000-4000-8000-0000000000f1',
  team: '00000000-0000-4000-8000-00000000fea1',
  youth: '00000000-0000-4000-8000-0000000000a1',
  mother: '00000000-0000-4000-8000-0000000000a2',
  interview: '00000000-0000-4000-8000-0000000001e1',
  source: '00000000-0000-4000-8000-0000000050c1',
  me: '00000000-0000-4000-8000-00000000ad01',
  other: '00000000-0000-4000-8000-00000000ad02',
  codeSchool: '00000000-0000-4000-8000-00000000c0d1',
  codeMentor: '00000000-0000-4000-8000-00000000c0d2',
  codeOld: '00000000-0000-4000-8000-00000000c0d3',
  segment1: '00000000-0000-4000-8000-000000005e01',
  segment2: '00000000-0000-4000-8000-000000005e02',
};

export const transcript = 'Ik zat thuis 😀 en mijn mentor bleef me appen.\nDat hielp echt.';

export function code(id: string, name: string, extra: Partial<Code> = {}): Code {
  return {
    id,
    parentId: null,
    name,
    definition: '',
    inclusion: '',
    exclusion: '',
    color: '#1f6feb',
    sortOrder: 0,
    archived: false,
    mergedInto: null,
    version: 1,
    ...extra,
  };
}

export const codebook: Codebook = {
  programmeId: ids.programme,
  codes: [
    code(ids.codeSchool, 'School', { color: '#d4351c' }),
    code(ids.codeMentor, 'Steun van de mentor', { parentId: ids.codeSchool, color: '#00703c' }),
    code(ids.codeOld, 'Oude code', { archived: true }),
  ],
  snapshots: [],
  abilities: { manage: true, exchange: true },
};

export function segment(extra: Partial<Segment> = {}): Segment {
  return {
    id: ids.segment1,
    codeId: ids.codeMentor,
    // 'mijn mentor bleef me appen': after the emoji, so UTF-16 19–45 but code points 18–44.
    start: 18,
    end: 44,
    coderId: ids.me,
    coderName: 'Bea Beheer',
    important: false,
    quote: false,
    quoteUsable: false,
    createdAt: '2026-03-02T10:00:00.000Z',
    ...extra,
  };
}

export function source(extra: Partial<SourceDetail> = {}): SourceDetail {
  return {
    id: ids.source,
    programmeId: ids.programme,
    caseId: ids.case,
    caseCode: 'KL-2026-007',
    kind: 'interview',
    name: 'Interview jongere, 2026-03-01 (face-to-face)',
    perspective: 'youth',
    text: transcript,
    length: Array.from(transcript).length,
    blind: false,
    revealed: false,
    coders: [],
    hiddenSegments: 0,
    segments: [],
    memos: [],
    abilities: { code: true, quote: true, setBlind: true },
    ...extra,
  };
}

export function interview(extra: Partial<Interview> = {}): Interview {
  return {
    id: ids.interview,
    caseId: ids.case,
    participantId: ids.youth,
    participantLabel: 'jongere',
    perspective: 'youth',
    heldOn: '2026-03-01',
    interviewerId: null,
    interviewerName: null,
    mode: 'in_person',
    sourceId: ids.source,
    length: Array.from(transcript).length,
    words: 12,
    segmentCount: 0,
    version: 1,
    createdAt: '2026-03-01T10:00:00.000Z',
    ...extra,
  };
}

export function interviewList(extra: Partial<InterviewList> = {}): InterviewList {
  return {
    items: [interview()],
    interviewable: [{ id: ids.youth, label: 'jongere' }],
    abilities: { create: true },
    ...extra,
  };
}

export const caseDetail: CaseDetail = {
  id: ids.case,
  code: 'KL-2026-007',
  status: 'interviews',
  institutionType: 'jeugdzorgplus',
  institutionTypeLabel: 'Jeugdzorgplus',
  regionCode: 'JZ05',
  regionName: 'Gooi en Vechtstreek',
  teamId: ids.team,
  teamName: 'Team Noord',
  birthYear: 2009,
  createdAt: '2026-01-10T10:00:00.000Z',
  programmeId: ids.programme,
  gender: null,
  retentionUntil: null,
  version: 1,
  assignments: [],
  participants: [
    { id: ids.youth, kind: 'youth', label: 'jongere', hasAuthority: false },
    { id: ids.mother, kind: 'parent', label: 'moeder', hasAuthority: true },
  ],
  consents: [],
  missingConsents: [],
  abilities: { update: true },
};

export const teamMembers = {
  items: [
    {
      userId: ids.me,
      displayName: 'Bea Beheer',
      email: 'bea@example.org',
      roleLabel: 'action_learner',
    },
  ],
};

export function agreement(extra: Partial<Agreement> = {}): Agreement {
  return {
    sourceId: ids.source,
    unit: 'character',
    coderA: { id: ids.me, name: 'Bea Beheer' },
    coderB: { id: ids.other, name: 'Eva Ervaring' },
    perCode: [
      {
        codeId: ids.codeMentor,
        codeName: 'Steun van de mentor',
        segmentsA: 2,
        segmentsB: 1,
        n: 60,
        bothCoded: 20,
        onlyA: 6,
        onlyB: 0,
        neither: 34,
        percentAgreement: 0.9,
        kappa: 0.7951,
      },
      {
        codeId: ids.codeSchool,
        codeName: 'School',
        segmentsA: 0,
        segmentsB: 0,
        n: 60,
        bothCoded: 0,
        onlyA: 0,
        onlyB: 0,
        neither: 60,
        percentAgreement: 1,
        kappa: null,
      },
    ],
    pooled: {
      n: 120,
      bothCoded: 20,
      onlyA: 6,
      onlyB: 0,
      neither: 94,
      percentAgreement: 0.95,
      kappa: 0.8405,
    },
    ...extra,
  };
}
