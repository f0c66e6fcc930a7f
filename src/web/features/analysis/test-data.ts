// Test data of the analysis screen: case KL-2026-001 with an analysis on a domain set of four
// domains, three factors (no suitable school and fear of groups as problems, grandmother as a
// strength), two hypotheses (school and fear → the problem; grandmother → less fear) and two
// versions of the working theory, the second with the mother partly disagreeing.
import type { Analysis, Factor, Hypothesis, Theory } from '../../../shared/contract/analysis';
import type { ExplanatoryAnalysis } from './api';

export const ids = {
  case: '00000000-0000-4000-8000-0000000000c1',
  domainSet: '00000000-0000-4000-8000-0000000003a1',
  school: '00000000-0000-4000-8000-0000000003f1',
  anxiety: '00000000-0000-4000-8000-0000000003f2',
  grandma: '00000000-0000-4000-8000-0000000003f3',
  toProblem: '00000000-0000-4000-8000-0000000003b1',
  grandmaHelps: '00000000-0000-4000-8000-0000000003b2',
  theory1: '00000000-0000-4000-8000-0000000003c1',
  theory2: '00000000-0000-4000-8000-0000000003c2',
};

export const analysisPath = `/api/cases/${ids.case}/analysis`;

export const factors: Record<'school' | 'anxiety' | 'grandma', Factor> = {
  school: {
    id: ids.school,
    domainKey: 'school',
    kind: 'problem',
    title: 'Geen passend onderwijs na groep 8',
    description: '',
    perspective: 'dossier',
    version: 1,
  },
  anxiety: {
    id: ids.anxiety,
    domainKey: 'kind',
    kind: 'problem',
    title: 'Angst in grote groepen',
    description: 'Vertelt dat hij buikpijn krijgt in de aula.',
    perspective: 'youth',
    version: 1,
  },
  grandma: {
    id: ids.grandma,
    domainKey: 'netwerk',
    kind: 'strength',
    title: 'Oma als vast steunpunt',
    description: 'Woont dichtbij, haalt hem op.',
    perspective: 'parent',
    version: 2,
  },
};

export const hypotheses: Hypothesis[] = [
  {
    id: ids.toProblem,
    causeIds: [ids.school, ids.anxiety],
    effectFactorId: null,
    explanation: 'Zonder passende school en met zijn angst ging hij niet meer naar school.',
    version: 1,
  },
  {
    id: ids.grandmaHelps,
    causeIds: [ids.grandma],
    effectFactorId: ids.anxiety,
    explanation: 'Omdat oma hem ophaalt, durft hij soms toch te gaan.',
    version: 1,
  },
];

export const theories: Theory[] = [
  {
    id: ids.theory1,
    number: 1,
    dated: '2026-03-01',
    text: 'De jongere liep vast omdat er geen passende school was.',
    evaluation: '',
    youthView: 'agreed',
    youthWords: '',
    parentView: 'not_asked',
    parentWords: '',
    authorName: 'Rik Onderzoeker',
    version: 1,
  },
  {
    id: ids.theory2,
    number: 2,
    dated: '2026-05-15',
    text: 'De jongere liep vast omdat er geen passende school was en de angst niet werd behandeld.',
    evaluation: 'Na het gesprek met moeder aangevuld.',
    youthView: 'agreed',
    youthWords: '',
    parentView: 'partly',
    parentWords: 'Het lag ook aan de wachtlijst, niet alleen aan school.',
    authorName: 'Rik Onderzoeker',
    version: 1,
  },
];

export function explanatoryAnalysis(
  overrides: Partial<ExplanatoryAnalysis> = {},
): ExplanatoryAnalysis {
  return {
    problemStatement: 'Waarom liep de hulp vast na de overstap naar het voortgezet onderwijs?',
    version: 1,
    domainSet: {
      versionId: ids.domainSet,
      number: 1,
      title: 'Domeinen van de verklarende analyse',
      domains: [
        { key: 'kind', title: 'Kind zelf', description: null },
        { key: 'ouders', title: 'Ouders', description: null },
        { key: 'school', title: 'School en onderwijs', description: null },
        { key: 'netwerk', title: 'Netwerk en omgeving', description: null },
      ],
    },
    factors: [factors.school, factors.anxiety, factors.grandma],
    hypotheses,
    theories,
    ...overrides,
  };
}

export function analysisAnswer(analysis: ExplanatoryAnalysis | null = explanatoryAnalysis()) {
  return {
    caseId: ids.case,
    caseCode: 'KL-2026-001',
    analysis,
    abilities: { edit: true },
  } satisfies Analysis;
}

export const notFound = {
  status: 404,
  body: {
    error: { code: 'NOT_FOUND', message: 'Dit bestaat niet, of je hebt er geen toegang toe.' },
  },
};

/** A 400 with one field error, as the server sends it. */
export function fieldError(path: string, message: string) {
  return {
    status: 400,
    body: { error: { code: 'INVALID_INPUT', message, details: { fields: [{ path, message }] } } },
  };
}
