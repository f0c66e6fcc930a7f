// Test data of the case screens: a programme with two teams (the first with two members), a case
// of a youth of 13 with a mother who has parental authority, and the answers the server gives
// for them.
import type { CaseDetail, CaseSummary } from '../../../shared/contract/cases';
import type { Programme, Team, TeamMember } from '../../../shared/contract/organisations';
import type { FetchCall } from '../../testing/render';

export const ids = {
  programme: '00000000-0000-4000-8000-0000000000a1',
  teamNorth: '00000000-0000-4000-8000-0000000000b1',
  teamSouth: '00000000-0000-4000-8000-0000000000b2',
  case: '00000000-0000-4000-8000-0000000000c1',
  youth: '00000000-0000-4000-8000-0000000000d1',
  mother: '00000000-0000-4000-8000-0000000000d2',
  consent: '00000000-0000-4000-8000-0000000000e1',
  rik: '00000000-0000-4000-8000-0000000000f1',
  sanne: '00000000-0000-4000-8000-0000000000f2',
};

export const programme: Programme = {
  id: ids.programme,
  name: 'Actieleren Gooi 2026',
  periodStart: '2026-01-01',
  periodEnd: null,
  learningGoals: '',
  stakeholderGroups: [{ code: 'gemeenten', label: 'Gemeenten' }],
  smallCellThreshold: 5,
  teamCount: 2,
  version: 1,
  archivedAt: null,
  abilities: { update: false, archive: false },
};

function team(id: string, name: string): Team {
  return {
    id,
    name,
    programmeId: ids.programme,
    programmeName: programme.name,
    municipalityCode: '0402',
    municipalityName: 'Hilversum',
    plannedSessions: 6,
    memberCount: 4,
    version: 1,
    archivedAt: null,
    abilities: { update: false, archive: false },
  };
}
export const teams = [team(ids.teamNorth, 'Team Noord'), team(ids.teamSouth, 'Team Zuid')];

export const teamMembers: TeamMember[] = [
  {
    userId: ids.rik,
    displayName: 'Rik Onderzoeker',
    email: 'rik@example.org',
    roleLabel: 'action_learner',
  },
  {
    userId: ids.sanne,
    displayName: 'Sanne Ervaring',
    email: 'sanne@example.org',
    roleLabel: 'ervaringsdeskundige',
  },
];

export const reference = {
  institutionTypes: [
    { code: 'jji', label: 'Justitiële jeugdinrichting (JJI)' },
    { code: 'jeugdzorgplus', label: 'Jeugdzorgplus' },
  ],
  timelineCategories: [],
};

export const regions = [
  { code: 'JZ05', name: 'Gooi en Vechtstreek', municipalityCount: 6 },
  { code: 'JZ12', name: 'Utrecht Stad', municipalityCount: 1 },
];

export const summary: CaseSummary = {
  id: ids.case,
  code: 'KL-2026-001',
  status: 'consent',
  institutionType: 'jeugdzorgplus',
  institutionTypeLabel: 'Jeugdzorgplus',
  regionCode: 'JZ05',
  regionName: 'Gooi en Vechtstreek',
  teamId: ids.teamNorth,
  teamName: 'Team Noord',
  birthYear: new Date().getFullYear() - 13,
  createdAt: '2026-03-02T09:30:00.000Z',
};

const list = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 200 });

/**
 * The youth (13) has given consent for the interview herself; the mother has not yet given it
 * on her behalf. Nothing else is recorded.
 */
export function caseDetail(overrides: Partial<CaseDetail> = {}): CaseDetail {
  const missing = (participantId: string, purpose: CaseDetail['consents'][number]['purpose']) => {
    const youthMissing = [
      {
        participantId: ids.mother,
        label: 'moeder',
        reason:
          'De jongere is tussen 12 en 16: moeder (met gezag) moet namens de jongere toestemming geven.',
      },
    ];
    if (participantId === ids.youth && purpose !== 'interview') {
      youthMissing.unshift({
        participantId: ids.youth,
        label: 'jongere',
        reason: 'De jongere is tussen 12 en 16 en moet zelf toestemming geven.',
      });
    }
    return participantId === ids.youth
      ? youthMissing
      : [
          {
            participantId,
            label: 'moeder',
            reason: 'moeder heeft zelf nog geen toestemming gegeven.',
          },
        ];
  };
  const purposes = ['interview', 'recording', 'dossier', 'quotes', 'meeting'] as const;
  return {
    ...summary,
    programmeId: ids.programme,
    gender: null,
    retentionUntil: null,
    version: 1,
    assignments: [],
    participants: [
      { id: ids.youth, kind: 'youth', label: 'jongere', hasAuthority: false },
      { id: ids.mother, kind: 'parent', label: 'moeder', hasAuthority: true },
    ],
    consents: [
      {
        id: ids.consent,
        participantId: ids.youth,
        purpose: 'interview',
        givenBy: 'self',
        representativeId: null,
        givenOn: '2026-03-03',
        formVersion: 'v2',
        withdrawnOn: null,
      },
    ],
    missingConsents: [ids.youth, ids.mother].flatMap((participantId) =>
      purposes.map((purpose) => ({
        participantId,
        purpose,
        missing: missing(participantId, purpose),
      })),
    ),
    abilities: { update: true },
    ...overrides,
  };
}

type Answer = { status?: number; body?: unknown };

/** Answers the reference lists every case screen asks for; `other` answers the rest. */
export function caseServer(other: (call: FetchCall) => Answer | undefined = () => undefined) {
  return (call: FetchCall): Answer => {
    const answer = other(call);
    if (answer) return answer;
    const path = call.url.split('?')[0];
    if (path === '/api/auth/session') return { status: 401 };
    if (path === '/api/programmes') return { body: list([programme]) };
    if (path === '/api/teams') return { body: list(teams) };
    if (path === `/api/teams/${ids.teamNorth}/members`) return { body: { items: teamMembers } };
    if (path === '/api/case-reference') return { body: reference };
    if (path === '/api/regions') return { body: list(regions) };
    if (path === '/api/cases') return { body: list([summary]) };
    return { status: 404 };
  };
}
