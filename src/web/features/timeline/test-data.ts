// Test data of the timeline screens: a youth born in 2011 with a foster-family period told by
// the youth, a diagnosis known only by age, a school event on one day, and the answers the
// server gives for them.
import type { CaseDetail } from '../../../shared/contract/cases';
import { dayRange } from '../../../shared/domain/fuzzy-date';
import type { FuzzyDate } from '../../../shared/domain/timeline';
import type { CaseReference, Timeline, TimelineItem } from '../../../shared/contract/timeline';

export const birthYear = 2011;

export const ids = {
  case: '00000000-0000-4000-8000-0000000000c1',
  foster: '00000000-0000-4000-8000-0000000001a1',
  diagnosis: '00000000-0000-4000-8000-0000000001a2',
  school: '00000000-0000-4000-8000-0000000001a3',
  home: '00000000-0000-4000-8000-0000000001a4',
  youth: '00000000-0000-4000-8000-0000000000d1',
  mother: '00000000-0000-4000-8000-0000000000d2',
};

export function item(
  overrides: Partial<TimelineItem> & { id: string; start: FuzzyDate },
): TimelineItem {
  const { start, end = null } = overrides;
  return {
    kind: 'event',
    lane: 'family',
    title: 'Gebeurtenis',
    description: '',
    valence: 'neutral',
    source: 'youth',
    sourceParticipantId: null,
    categoryCode: null,
    reference: null,
    waitingDays: null,
    isSignal: false,
    revisesItemId: null,
    version: 1,
    createdAt: '2026-03-02T09:30:00.000Z',
    updatedAt: '2026-03-02T09:30:00.000Z',
    comments: [],
    ...overrides,
    end,
    startRange: dayRange(start, birthYear),
    endRange: end ? dayRange(end, birthYear) : null,
  };
}

export const fosterFamily = item({
  id: ids.foster,
  kind: 'period',
  lane: 'living',
  title: 'Pleeggezin B',
  start: { precision: 'month', year: 2016, month: 3 },
  end: { precision: 'month', year: 2019, month: 6 },
  valence: 'negative',
  categoryCode: 'foster_family',
  sourceParticipantId: ids.youth,
  comments: [
    {
      id: '00000000-0000-4000-8000-0000000002a1',
      itemId: ids.foster,
      perspective: 'parent',
      participantId: ids.mother,
      participantLabel: 'moeder',
      text: 'Voor mij voelde het als opgelucht ademhalen.',
      authorName: 'Olaf Onderzoek',
      createdAt: '2026-03-03T10:00:00.000Z',
    },
  ],
});

export const diagnosis = item({
  id: ids.diagnosis,
  lane: 'diagnosis',
  title: 'ADHD',
  start: { precision: 'age', age: 7 },
  valence: 'neutral',
  isSignal: true,
});

export const schoolDay = item({
  id: ids.school,
  lane: 'school',
  title: 'Eerste schooldag',
  start: { precision: 'day', date: '2015-08-31' },
  valence: 'positive',
});

export const home = item({
  id: ids.home,
  kind: 'period',
  lane: 'living',
  title: 'Thuis bij moeder',
  start: { precision: 'year', year: 2011 },
  end: { precision: 'season', year: 2016, season: 'winter' },
  valence: 'positive',
});

export function timeline(items: TimelineItem[] = [home, fosterFamily, schoolDay, diagnosis]) {
  return {
    caseId: ids.case,
    caseCode: 'KL-2026-001',
    birthYear,
    items,
    indicators: {
      placements: 1,
      placementChanges: 1,
      schoolChanges: 0,
      monthsWithoutSchool: 0,
      careProviders: 0,
      ageAtFirstSignal: 7.5,
      ageAtFirstSpecialistHelp: null,
      earlySignalGap: null,
      diagnosesRevised: 0,
    },
    abilities: { contribute: true, edit: true },
  } satisfies Timeline;
}

export const reference: CaseReference = {
  institutionTypes: [],
  timelineCategories: [
    { list: 'setting_type', code: 'parental_home', label: 'Thuis bij ouder(s)', marker: null },
    { list: 'setting_type', code: 'foster_family', label: 'Pleeggezin', marker: 'out_of_home' },
    { list: 'care_type', code: 'jeugd_ggz', label: 'Jeugd-GGZ', marker: 'specialist' },
  ],
};

export const caseDetail: CaseDetail = {
  id: ids.case,
  code: 'KL-2026-001',
  status: 'consent',
  institutionType: 'jeugdzorgplus',
  institutionTypeLabel: 'Jeugdzorgplus',
  regionCode: 'JZ05',
  regionName: 'Gooi en Vechtstreek',
  teamId: '00000000-0000-4000-8000-0000000000b1',
  teamName: 'Team Noord',
  birthYear,
  createdAt: '2026-03-02T09:30:00.000Z',
  programmeId: '00000000-0000-4000-8000-0000000000a1',
  gender: null,
  retentionUntil: null,
  assignments: [],
  version: 1,
  participants: [
    { id: ids.youth, kind: 'youth', label: 'jongere', hasAuthority: false },
    { id: ids.mother, kind: 'parent', label: 'moeder', hasAuthority: true },
  ],
  consents: [],
  missingConsents: [],
  abilities: { update: true },
};
