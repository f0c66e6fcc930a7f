// @vitest-environment happy-dom
// Adding attendees: a participant without consent to attend is refused by the server (403
// CONSENT_MISSING) and its message, which says what is missing, is shown at the participant
// field and in the summary above the form; a guest is added by role, and the checklist of the
// new attendee appears with the summary updated.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseDetail } from '../../../shared/contract/cases';
import { descriptionOf, renderWithProviders, stubFetch } from '../../testing/render';
import { MeetingPage } from './MeetingPage';
import { guestAttendee, ids, meeting, meetingPath, notFound } from './test-data';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const consentMessage =
  'moeder kan niet worden uitgenodigd: de toestemming om bij de casusreview te zijn ontbreekt. moeder heeft zelf nog geen toestemming gegeven.';

const caseDetail: CaseDetail = {
  id: ids.case,
  code: 'KL-2026-001',
  status: 'review_meeting',
  institutionType: 'jeugdzorgplus',
  institutionTypeLabel: 'Jeugdzorgplus',
  regionCode: 'JZ05',
  regionName: 'Gooi en Vechtstreek',
  teamId: ids.team,
  teamName: 'Team Noord',
  birthYear: 2011,
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

function renderPage() {
  return renderWithProviders(<MeetingPage />, {
    route: `/cases/${ids.case}/meetings/${ids.meeting}`,
    path: '/cases/:id/meetings/:meetingId',
  });
}

async function openForm() {
  renderPage();
  await screen.findByRole('heading', { level: 1 });
  const section = screen.getByRole('region', { name: 'Deelnemers' });
  fireEvent.click(within(section).getByRole('button', { name: 'Deelnemer toevoegen' }));
  return within(section).getByRole('form', { name: 'Deelnemer toevoegen' });
}

describe('adding an attendee', () => {
  it('shows at the field what consent is missing when the server refuses a participant', async () => {
    const { calls } = stubFetch((call) => {
      if (call.url === meetingPath && call.method === 'GET')
        return { body: meeting({ attendees: [] }) };
      if (call.url === `/api/cases/${ids.case}`) return { body: caseDetail };
      if (call.url === `${meetingPath}/attendees`)
        return {
          status: 403,
          body: { error: { code: 'CONSENT_MISSING', message: consentMessage } },
        };
      return notFound;
    });
    const form = await openForm();
    fireEvent.click(
      within(form).getByRole('radio', { name: 'De jongere, een ouder of iemand uit het netwerk' }),
    );
    const select = within(form).getByLabelText('Deelnemer');
    await within(select).findByRole('option', { name: 'moeder (Ouder of verzorger)' });
    fireEvent.change(select, { target: { value: ids.mother } });
    fireEvent.click(within(form).getByRole('button', { name: 'Toevoegen' }));

    await waitFor(() => expect(descriptionOf(select)).toContain(consentMessage));
    expect(select.getAttribute('aria-invalid')).toBe('true');
    const summary = within(form).getByRole('alert');
    const link = within(summary).getByRole('link', { name: consentMessage });
    expect(link.getAttribute('href')).toBe(`#${select.id}`);
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      kind: 'participant',
      participantId: ids.mother,
    });
    // Nobody was added.
    expect(screen.getByText('Er staan nog geen deelnemers bij deze casusreview.')).toBeTruthy();
  });

  it('adds a guest by role and organisation, and shows their checklist', async () => {
    const { calls } = stubFetch((call) => {
      if (call.url === meetingPath && call.method === 'GET')
        return { body: meeting({ attendees: [] }) };
      if (call.url === `/api/cases/${ids.case}`) return { body: caseDetail };
      if (call.url === `${meetingPath}/attendees`)
        return { status: 201, body: meeting({ attendees: [guestAttendee] }) };
      return notFound;
    });
    const form = await openForm();
    fireEvent.click(within(form).getByRole('radio', { name: /^Een gast/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Toevoegen' }));
    const role = within(form).getByLabelText('Rol van de gast');
    await waitFor(() => expect(descriptionOf(role)).toContain('Vul de rol van de gast in.'));
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    fireEvent.change(role, { target: { value: 'leerkracht' } });
    fireEvent.change(within(form).getByLabelText(/^Organisatie/), {
      target: { value: 'VSO De Brug' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Toevoegen' }));
    const section = screen.getByRole('region', { name: 'Deelnemers' });
    await within(section).findByText('leerkracht, VSO De Brug (Gast) staat bij de deelnemers.');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      kind: 'guest',
      guestRole: 'leerkracht',
      guestOrganisation: 'VSO De Brug',
    });
    const checklist = within(section).getByRole('group', {
      name: 'Voorbereiding van leerkracht, VSO De Brug',
    });
    expect(within(checklist).getByRole('checkbox', { name: 'Tijdlijn gelezen' })).toBeTruthy();
    expect(within(section).getByText('0 van 1 hebben de tijdlijn gelezen')).toBeTruthy();
  });
});
