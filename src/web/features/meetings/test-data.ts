// Test data of the review-meeting screens: a meeting of case KL-2026-001 on 20 May 2026 with
// the youth (who read the timeline) and a teacher as guest, one contribution in "what went
// well" said by the youth and pinned to a timeline item, one in "what hindered" said by a
// professional, and a plan step without follow-up yet; and the answers the server gives.
import type { Attendee, Contribution, Meeting, PlanStep } from '../../../shared/contract/meetings';
import type { Timeline } from '../../../shared/contract/timeline';

export const ids = {
  case: '00000000-0000-4000-8000-0000000000c1',
  meeting: '00000000-0000-4000-8000-0000000002a1',
  youthAttendee: '00000000-0000-4000-8000-0000000002b1',
  guestAttendee: '00000000-0000-4000-8000-0000000002b2',
  youth: '00000000-0000-4000-8000-0000000000d1',
  mother: '00000000-0000-4000-8000-0000000000d2',
  wentWell: '00000000-0000-4000-8000-0000000002c1',
  hindered: '00000000-0000-4000-8000-0000000002c2',
  added: '00000000-0000-4000-8000-0000000002c3',
  step: '00000000-0000-4000-8000-0000000002d1',
  placement: '00000000-0000-4000-8000-0000000001a1',
  school: '00000000-0000-4000-8000-0000000001a3',
  team: '00000000-0000-4000-8000-0000000000b1',
  programme: '00000000-0000-4000-8000-0000000000a1',
};

export const youthAttendee: Attendee = {
  id: ids.youthAttendee,
  kind: 'participant',
  label: 'jongere',
  speakerRole: 'youth',
  participantId: ids.youth,
  userId: null,
  guestRole: null,
  guestOrganisation: null,
  preparedTimeline: true,
  preparedDossier: false,
  attended: null,
  version: 1,
};

export const guestAttendee: Attendee = {
  id: ids.guestAttendee,
  kind: 'guest',
  label: 'leerkracht, VSO De Brug',
  speakerRole: 'guest',
  participantId: null,
  userId: null,
  guestRole: 'leerkracht',
  guestOrganisation: 'VSO De Brug',
  preparedTimeline: false,
  preparedDossier: false,
  attended: null,
  version: 1,
};

export function contribution(overrides: Partial<Contribution> & { id: string }): Contribution {
  return {
    part: 'went_well',
    text: 'Tekst',
    speakerRole: 'professional',
    attendeeId: null,
    attendeeLabel: null,
    timelineItemId: null,
    timelineItemTitle: null,
    authorName: 'Olaf Onderzoek',
    createdAt: '2026-05-20T12:00:00.000Z',
    updatedAt: '2026-05-20T12:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export const wentWell = contribution({
  id: ids.wentWell,
  part: 'went_well',
  text: 'Mijn mentor bleef me appen, ook toen ik niet naar school ging.',
  speakerRole: 'youth',
  attendeeId: ids.youthAttendee,
  attendeeLabel: 'jongere',
  timelineItemId: ids.placement,
  timelineItemTitle: 'Uithuisplaatsing',
});

export const hindered = contribution({
  id: ids.hindered,
  part: 'hindered',
  text: 'Acht maanden wachten op een plek in de jeugd-GGZ.',
  speakerRole: 'professional',
});

export const step: PlanStep = {
  id: ids.step,
  what: 'Eén vaste contactpersoon voor school en jeugdhulp',
  who: 'gebiedsteam',
  due: '2026-09-01',
  status: 'open',
  followUps: [],
  version: 1,
};

export function meeting(overrides: Partial<Meeting> = {}): Meeting {
  const attendees = overrides.attendees ?? [youthAttendee, guestAttendee];
  return {
    id: ids.meeting,
    caseId: ids.case,
    caseCode: 'KL-2026-001',
    plannedAt: '2026-05-20T11:00:00.000Z',
    durationMinutes: 180,
    preparationMinutes: 60,
    location: 'Stadhuis Hilversum',
    notes: '',
    status: 'planned',
    version: 1,
    attendees,
    preparation: {
      attendees: attendees.length,
      timelineRead: attendees.filter((a) => a.preparedTimeline).length,
      dossierRead: attendees.filter((a) => a.preparedDossier).length,
    },
    contributions: [wentWell, hindered],
    plan: [step],
    abilities: { edit: true, report: true },
    ...overrides,
  };
}

export const timeline: Timeline = {
  caseId: ids.case,
  caseCode: 'KL-2026-001',
  birthYear: 2011,
  items: [
    {
      id: ids.placement,
      kind: 'event',
      lane: 'living',
      title: 'Uithuisplaatsing',
      description: '',
      start: { precision: 'year', year: 2020 },
      end: null,
      startRange: { earliest: '2020-01-01', latest: '2020-12-31' },
      endRange: null,
      valence: 'negative',
      source: 'professional',
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
    },
    {
      id: ids.school,
      kind: 'event',
      lane: 'school',
      title: 'Thuiszitten',
      description: '',
      start: { precision: 'year', year: 2022 },
      end: null,
      startRange: { earliest: '2022-01-01', latest: '2022-12-31' },
      endRange: null,
      valence: 'negative',
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
    },
  ],
  indicators: {
    placements: 1,
    placementChanges: 0,
    schoolChanges: 0,
    monthsWithoutSchool: 0,
    careProviders: 0,
    diagnosesRevised: 0,
    ageAtFirstSignal: null,
    ageAtFirstSpecialistHelp: null,
    earlySignalGap: null,
  },
  abilities: { contribute: true, edit: true },
};

export const meetingPath = `/api/cases/${ids.case}/meetings/${ids.meeting}`;
export const notFound = {
  status: 404,
  body: { error: { code: 'NOT_FOUND', message: 'Niet gevonden' } },
};
