// Recommendations as the server sends them, for the component tests.
import type {
  Recommendation,
  RecommendationList,
  RecommendationMatrix,
} from '../../../shared/contract/recommendations';

export const programmeId = '00000000-0000-4000-8000-0000000000b1';
const id = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
export const threadIds = [id(1), id(2)] as const;
export const recommendationIds = [id(11), id(12), id(13)] as const;

const groups = [
  { code: 'ervaringsdeskundigen', label: 'Ervaringsdeskundigen' },
  { code: 'gemeenten', label: 'Gemeenten' },
  { code: 'onderwijs', label: 'Onderwijs' },
];

export const list: RecommendationList = {
  programme: { id: programmeId, name: 'Programma (fictief)', stakeholderGroups: groups },
  threads: [
    { id: threadIds[0], number: 1, title: 'Hulp komt pas als het escaleert', status: 'active' },
    { id: threadIds[1], number: 2, title: 'School valt weg', status: 'superseded' },
  ],
  items: [
    {
      id: recommendationIds[0],
      number: 1,
      title: 'Eén vaste regiehouder',
      stakeholderGroup: 'gemeenten',
      reviewState: 'published',
      threadIds: [threadIds[0]],
      version: 1,
      updatedAt: '2026-04-01T10:00:00.000Z',
      awaitsMyReview: false,
    },
    {
      id: recommendationIds[1],
      number: 2,
      title: 'Houd de mentor betrokken',
      stakeholderGroup: 'onderwijs',
      reviewState: 'in_review',
      threadIds: [threadIds[0], threadIds[1]],
      version: 2,
      updatedAt: '2026-04-02T10:00:00.000Z',
      awaitsMyReview: true,
    },
    {
      id: recommendationIds[2],
      number: 3,
      title: 'Zet een ervaringsdeskundige aan tafel',
      stakeholderGroup: 'ervaringsdeskundigen',
      reviewState: 'draft',
      threadIds: [threadIds[0]],
      version: 1,
      updatedAt: '2026-04-03T10:00:00.000Z',
      awaitsMyReview: false,
    },
  ],
  links: [
    { fromId: recommendationIds[0], toId: recommendationIds[1], note: 'Allebei over overdracht' },
  ],
  abilities: { write: false, review: true },
};

export const matrix: RecommendationMatrix = {
  groups,
  rows: [
    {
      thread: list.threads[0]!,
      cells: [
        [
          {
            id: recommendationIds[2],
            number: 3,
            title: 'Zet een ervaringsdeskundige aan tafel',
            reviewState: 'draft',
          },
        ],
        [
          {
            id: recommendationIds[0],
            number: 1,
            title: 'Eén vaste regiehouder',
            reviewState: 'published',
          },
        ],
        [
          {
            id: recommendationIds[1],
            number: 2,
            title: 'Houd de mentor betrokken',
            reviewState: 'in_review',
          },
        ],
      ],
    },
    {
      thread: list.threads[1]!,
      cells: [
        [],
        [],
        [
          {
            id: recommendationIds[1],
            number: 2,
            title: 'Houd de mentor betrokken',
            reviewState: 'in_review',
          },
        ],
      ],
    },
  ],
  totals: [1, 1, 1],
};

export const recommendation = (overrides: Partial<Recommendation> = {}): Recommendation => ({
  id: recommendationIds[1],
  programmeId,
  number: 2,
  title: 'Houd de mentor betrokken',
  body: 'De mentor blijft op de hoogte.',
  stakeholderGroup: { code: 'onderwijs', label: 'Onderwijs' },
  reviewState: 'in_review',
  withdrawnReason: null,
  publishedAt: null,
  version: 2,
  createdAt: '2026-04-01T10:00:00.000Z',
  updatedAt: '2026-04-02T10:00:00.000Z',
  threads: [list.threads[0]!],
  links: [],
  reviews: [
    {
      id: id(21),
      verdict: 'request_changes',
      comment: 'Schrijf het eenvoudiger',
      recommendationVersion: 1,
      reviewer: { id: id(31), name: 'Eva Ervaring (fictief)', role: 'expert_by_experience' },
      createdAt: '2026-04-01T12:00:00.000Z',
    },
  ],
  nextStates: [],
  abilities: { edit: false, move: false, link: false, review: true, verdict: true, reply: false },
  ...overrides,
});
