// Test data of the dossier screens: a small checklist with one item of every answer type, a
// case's review on version 1 of it with one answer, the timeline items an answer can link to,
// and the server's answers for them.
import type { DossierAnswer, DossierView } from '../../../shared/contract/dossier';
import type { InstrumentContent } from '../../../shared/contract/instruments';
import { dossierProgress } from '../../../shared/domain/dossier-answers';
import { item as timelineItem } from '../timeline/test-data';

export const ids = {
  case: '00000000-0000-4000-8000-0000000000c1',
  review: '00000000-0000-4000-8000-0000000000e1',
  instrument: '00000000-0000-4000-8000-0000000000f1',
  version1: '00000000-0000-4000-8000-0000000000f2',
  version2: '00000000-0000-4000-8000-0000000000f3',
  answer: '00000000-0000-4000-8000-0000000000a9',
  researcher: '00000000-0000-4000-8000-0000000000b1',
  placement: '00000000-0000-4000-8000-0000000001a1',
  diagnosis: '00000000-0000-4000-8000-0000000001a2',
  school: '00000000-0000-4000-8000-0000000001a3',
};

export const content: InstrumentContent = {
  title: 'Dossierchecklist Ketenbreed leren',
  sections: [
    {
      key: 'hulpvraag',
      title: 'Hulpvraag en verklarende analyse',
      items: [
        {
          key: 'hulpvraag_in_dossier',
          question: 'Staat de hulpvraag van de jongere en de ouders in het dossier?',
          help: 'Zoek een hulpvraag in de woorden van de jongere of de ouders.',
          answer: { type: 'ynpu' },
          guideline: 'Richtlijn Samen beslissen',
        },
        {
          key: 'hulpvraag_soort',
          question: 'Waar ging de hulpvraag vooral over?',
          help: '',
          answer: {
            type: 'choice',
            isMultiple: false,
            options: [
              { code: 'behandeling', label: 'Behandeling van de jongere' },
              { code: 'wonen', label: 'Een woonplek (woonvraag)' },
            ],
          },
        },
        {
          key: 'betrokken',
          question: 'Wie waren betrokken?',
          help: '',
          answer: {
            type: 'choice',
            isMultiple: true,
            options: [
              { code: 'school', label: 'School' },
              { code: 'huisarts', label: 'Huisarts' },
              { code: 'wijkteam', label: 'Wijkteam' },
            ],
          },
        },
      ],
    },
    {
      key: 'continuiteit',
      title: 'Wachttijden, plaatsingen en continuïteit',
      items: [
        {
          key: 'eerste_aanmelding',
          question: 'Wanneer was de eerste aanmelding voor jeugdhulp?',
          help: '',
          answer: { type: 'date' },
          timelineLanes: ['care'],
        },
        {
          key: 'uithuisplaatsing_onderbouwd',
          question: 'Was de uithuisplaatsing onderbouwd?',
          help: 'Koppel de plaatsing op de tijdlijn.',
          answer: { type: 'ynpu' },
          timelineLanes: ['living'],
        },
        {
          key: 'maanden_zonder_school',
          question: 'Hoeveel maanden ging de jongere in totaal niet naar school?',
          help: '',
          answer: { type: 'number', min: 0, max: 240, unit: 'maanden', isInteger: true },
          timelineLanes: ['school'],
        },
        {
          key: 'wat_hielp',
          question: 'Wat heeft volgens het dossier geholpen?',
          help: '',
          answer: { type: 'text' },
        },
      ],
    },
  ],
};

export function answer(overrides: Partial<DossierAnswer> & { itemKey: string }): DossierAnswer {
  return {
    id: ids.answer,
    instrumentVersionNumber: 1,
    value: 'yes',
    isUnknown: false,
    evidence: '',
    sourceDocument: null,
    sourceDate: null,
    researcher: { id: ids.researcher, name: 'Rik Onderzoeker' },
    timelineLinks: [],
    version: 1,
    createdAt: '2026-05-02T09:30:00.000Z',
    updatedAt: '2026-05-02T09:30:00.000Z',
    ...overrides,
  };
}

export const firstAnswer = answer({
  itemKey: 'hulpvraag_in_dossier',
  value: 'no',
  evidence: 'Het aanmeldformulier noemt alleen "gedragsproblemen".',
  sourceDocument: 'Aanmeldformulier',
  sourceDate: '2015-09-14',
});

export function view(
  answers: DossierAnswer[] = [firstAnswer],
  overrides: { newerNumber?: number | null; write?: boolean } = {},
): DossierView {
  return {
    caseId: ids.case,
    caseCode: 'KL-2026-001',
    review: {
      id: ids.review,
      status: 'active',
      startedAt: '2026-05-01T08:00:00.000Z',
      startedBy: 'Rik Onderzoeker',
      instrument: {
        id: ids.instrument,
        code: 'dossier-checklist',
        versionId: ids.version1,
        number: 1,
        publishedAt: '2026-01-10T10:00:00.000Z',
        newerNumber: overrides.newerNumber ?? null,
        content,
      },
      earlierVersions: [],
      answers,
      progress: dossierProgress(content, answers),
    },
    abilities: { write: overrides.write ?? true },
  };
}

export const emptyView: DossierView = {
  caseId: ids.case,
  caseCode: 'KL-2026-001',
  review: null,
  abilities: { write: true },
};

export const instruments = {
  items: [
    {
      id: ids.instrument,
      code: 'dossier-checklist',
      kind: 'dossier_checklist',
      title: 'Dossierchecklist Ketenbreed leren',
      latestPublishedNumber: 2,
      latestPublishedVersionId: ids.version2,
      draftNumber: null,
    },
    {
      id: '00000000-0000-4000-8000-0000000000f9',
      code: 'analysis-domains',
      kind: 'analysis_domains',
      title: 'Domeinen van de verklarende analyse',
      latestPublishedNumber: 1,
      latestPublishedVersionId: '00000000-0000-4000-8000-0000000000fa',
      draftNumber: null,
    },
  ],
};

const versionSummary = (id: string, number: number, status: 'draft' | 'published') => ({
  id,
  number,
  status,
  title: content.title,
  revision: 1,
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
  publishedAt: status === 'published' ? `2026-0${number}-10T10:00:00.000Z` : null,
  publishedBy: status === 'published' ? 'Bea Beheer' : null,
});

export const instrumentDetail = {
  ...instruments.items[0],
  versions: [
    versionSummary(ids.version1, 1, 'published'),
    versionSummary(ids.version2, 2, 'published'),
    versionSummary('00000000-0000-4000-8000-0000000000f4', 3, 'draft'),
  ],
  abilities: { manage: false },
};

const birthYear = 2011;
export const timeline = {
  caseId: ids.case,
  caseCode: 'KL-2026-001',
  birthYear,
  items: [
    timelineItem({
      id: ids.diagnosis,
      lane: 'diagnosis',
      title: 'ADHD',
      start: { precision: 'year', year: 2018 },
    }),
    timelineItem({
      id: ids.placement,
      kind: 'period',
      lane: 'living',
      title: 'Pleeggezin A',
      start: { precision: 'year', year: 2019 },
    }),
    timelineItem({
      id: ids.school,
      kind: 'period',
      lane: 'school',
      title: 'Basisschool',
      start: { precision: 'year', year: 2016 },
    }),
  ],
  indicators: {
    placements: 1,
    placementChanges: 0,
    schoolChanges: 0,
    monthsWithoutSchool: 0,
    careProviders: 0,
    ageAtFirstSignal: null,
    ageAtFirstSpecialistHelp: null,
    earlySignalGap: null,
    diagnosesRevised: 0,
  },
  abilities: { contribute: true, edit: true },
};
