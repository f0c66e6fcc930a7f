// Instruments for the component tests: a small checklist with version 1 published and version
// 2 a draft, as the server answers them.
import type {
  InstrumentContent,
  InstrumentDetail,
  InstrumentVersion,
} from '../../../shared/contract/instruments';
import type { FetchCall } from '../../testing/render';

export const instrumentId = '00000000-0000-4000-8000-0000000001a1';

export const content: InstrumentContent = {
  title: 'Dossierchecklist',
  description: 'Vragen voor het dossieronderzoek.',
  sections: [
    {
      key: 'hulpvraag',
      title: 'Hulpvraag',
      items: [
        {
          key: 'hulpvraag_in_dossier',
          question: 'Staat de hulpvraag in het dossier?',
          help: 'Zoek de woorden van de jongere.',
          answer: { type: 'ynpu' },
          guideline: 'Richtlijn Samen beslissen',
        },
        {
          key: 'hulpvraag_soort',
          question: 'Waar ging de hulpvraag over?',
          help: '',
          answer: {
            type: 'choice',
            options: [
              { code: 'behandeling', label: 'Behandeling' },
              { code: 'wonen', label: 'Een woonplek' },
            ],
            isMultiple: false,
          },
        },
      ],
    },
    {
      key: 'verloop',
      title: 'Verloop',
      items: [
        {
          key: 'aantal_plaatsingen',
          question: 'Hoeveel plaatsingen waren er?',
          help: '',
          answer: { type: 'number', min: 0, isInteger: true },
          timelineLanes: ['living'],
        },
      ],
    },
  ],
};

const base = {
  instrumentId,
  code: 'dossier-checklist',
  kind: 'dossier_checklist' as const,
  createdAt: '2026-05-01T08:00:00.000Z',
};

export const published: InstrumentVersion = {
  ...base,
  id: '00000000-0000-4000-8000-0000000001b1',
  number: 1,
  status: 'published',
  title: content.title,
  revision: 1,
  updatedAt: '2026-05-01T08:00:00.000Z',
  publishedAt: '2026-05-01T08:00:00.000Z',
  publishedBy: '',
  content,
};

export const draft: InstrumentVersion = {
  ...base,
  id: '00000000-0000-4000-8000-0000000001b2',
  number: 2,
  status: 'draft',
  title: content.title,
  revision: 3,
  createdAt: '2026-06-01T08:00:00.000Z',
  updatedAt: '2026-06-01T09:00:00.000Z',
  publishedAt: null,
  publishedBy: null,
  content,
};

const summary = (v: InstrumentVersion) => ({
  id: v.id,
  number: v.number,
  status: v.status,
  title: v.title,
  revision: v.revision,
  createdAt: v.createdAt,
  updatedAt: v.updatedAt,
  publishedAt: v.publishedAt,
  publishedBy: v.publishedBy,
});

export function detailOf(versions: InstrumentVersion[]): InstrumentDetail {
  const latest = versions.find((v) => v.status === 'published');
  const draftVersion = versions.find((v) => v.status === 'draft');
  return {
    id: instrumentId,
    code: 'dossier-checklist',
    kind: 'dossier_checklist',
    title: content.title,
    latestPublishedNumber: latest?.number ?? null,
    latestPublishedVersionId: latest?.id ?? null,
    draftNumber: draftVersion?.number ?? null,
    versions: versions.map(summary),
    abilities: { manage: true },
  };
}

/** Answers the reads of an instrument with a published version 1 and (optionally) draft 2. */
export function readAnswers(versions: InstrumentVersion[]) {
  return (call: FetchCall) => {
    if (call.method !== 'GET') return undefined;
    if (call.url === `/api/instruments/${instrumentId}`) return { body: detailOf(versions) };
    const match = /\/versions\/(\d+)$/.exec(call.url);
    const version = versions.find((v) => v.number === Number(match?.[1]));
    return version ? { body: version } : undefined;
  };
}
