// @vitest-environment happy-dom
// The reflection on the meeting page against a stubbed server: the six parts in order with what
// went well first; each contribution with who said it and the timeline moment it is pinned to;
// adding one (who said it and the moment chosen in the form, the answer shown at once, focus
// back in the form); and a change that meets a newer version: both versions side by side,
// then a save on top of the current one.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Meeting } from '../../../shared/contract/meetings';
import { renderWithProviders, stubFetch, type FetchCall } from '../../testing/render';
import { MeetingPage } from './MeetingPage';
import {
  contribution,
  hindered,
  ids,
  meeting,
  meetingPath,
  notFound,
  timeline,
  wentWell,
} from './test-data';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

type Answer = { status?: number; body?: unknown };

function server(
  current: () => Meeting,
  other: (call: FetchCall) => Answer | undefined = () => undefined,
) {
  return stubFetch((call) => {
    const answer = other(call);
    if (answer) return answer;
    if (call.url === meetingPath && call.method === 'GET') return { body: current() };
    if (call.url === `/api/cases/${ids.case}/timeline`) return { body: timeline };
    return notFound;
  });
}

function renderPage() {
  return renderWithProviders(<MeetingPage />, {
    route: `/cases/${ids.case}/meetings/${ids.meeting}`,
    path: '/cases/:id/meetings/:meetingId',
  });
}

const part = (name: RegExp) =>
  screen.getByRole('heading', { level: 3, name }).closest('section') as HTMLElement;

describe('the reflection of a review meeting', () => {
  it('shows the six parts in order, what went well first, each with who said it and where', async () => {
    server(() => meeting());
    renderPage();
    await screen.findByRole('heading', { level: 1, name: 'Casusreview van 20 mei 2026' });
    const reflection = screen.getByRole('region', { name: 'Reflectie' });
    expect(
      within(reflection)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual([
      'Wat ging goed (1)',
      'Wat kon anders (0)',
      'Wat hielp (0)',
      'Wat zat in de weg (1)',
      'Samenwerking (0)',
      'Leerpunten (0)',
    ]);
    const well = part(/^Wat ging goed/);
    expect(within(well).getByText(wentWell.text)).toBeTruthy();
    expect(within(well).getByText('Gezegd door:').parentElement?.textContent).toBe(
      'Gezegd door: Jongere',
    );
    expect(within(well).getByText('Bij de tijdlijn:').parentElement?.textContent).toBe(
      'Bij de tijdlijn: Uithuisplaatsing',
    );
    const inTheWay = part(/^Wat zat in de weg/);
    expect(within(inTheWay).getByText('Gezegd door:').parentElement?.textContent).toBe(
      'Gezegd door: Professional',
    );
    // The attendees' preparation in a sentence.
    expect(screen.getByText('1 van 2 heeft de tijdlijn gelezen')).toBeTruthy();
    expect(screen.getByText('0 van 2 hebben het dossier gelezen')).toBeTruthy();
  });

  it('adds a contribution with who said it and the moment on the timeline', async () => {
    const added = contribution({
      id: ids.added,
      part: 'went_well',
      text: 'De leerkracht kwam op huisbezoek.',
      speakerRole: 'guest',
      attendeeId: ids.guestAttendee,
      attendeeLabel: 'leerkracht, VSO De Brug',
      timelineItemId: ids.school,
      timelineItemTitle: 'Thuiszitten',
    });
    const { calls } = server(
      () => meeting(),
      (call) =>
        call.method === 'POST' && call.url === `${meetingPath}/contributions`
          ? { status: 201, body: meeting({ contributions: [wentWell, added, hindered] }) }
          : undefined,
    );
    renderPage();
    await screen.findByRole('heading', { level: 1 });
    const well = part(/^Wat ging goed/);
    fireEvent.click(
      within(well).getByRole('button', { name: 'Bijdrage toevoegen aan ‘Wat ging goed’' }),
    );
    const form = within(well).getByRole('group', { name: 'Nieuwe bijdrage bij ‘Wat ging goed’' });
    const text = within(form).getByLabelText('Wat werd er gezegd?');
    expect(document.activeElement).toBe(text);
    fireEvent.change(text, { target: { value: 'De leerkracht kwam op huisbezoek.' } });
    fireEvent.change(within(form).getByLabelText('Wie zei het?'), {
      target: { value: `attendee:${ids.guestAttendee}` },
    });
    const moment = within(form).getByLabelText(/^Bij welk moment op de tijdlijn\?/);
    await within(moment).findByRole('option', { name: 'Thuiszitten (2022)' });
    fireEvent.change(moment, { target: { value: ids.school } });
    fireEvent.click(within(form).getByRole('button', { name: 'Bijdrage toevoegen' }));

    // (The form's textarea holds the same words until the answer is in: look in the list.)
    await within(well).findByText(
      'De leerkracht kwam op huisbezoek.',
      { selector: 'li p' },
      { timeout: 5000 },
    );
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      part: 'went_well',
      text: 'De leerkracht kwam op huisbezoek.',
      speakerRole: 'guest',
      attendeeId: ids.guestAttendee,
      timelineItemId: ids.school,
    });
    const item = within(well)
      .getByText('De leerkracht kwam op huisbezoek.', { selector: 'li p' })
      .closest('li') as HTMLElement;
    expect(within(item).getByText('Gezegd door:').parentElement?.textContent).toBe(
      'Gezegd door: leerkracht, VSO De Brug (Gast)',
    );
    expect(within(item).getByText('Bij de tijdlijn:').parentElement?.textContent).toBe(
      'Bij de tijdlijn: Thuiszitten',
    );
    expect(within(well).getByRole('status').textContent).toBe('Toegevoegd aan ‘Wat ging goed’.');
    // Ready for the next contribution: the form is empty and has the focus.
    await waitFor(() =>
      expect(document.activeElement).toBe(within(form).getByLabelText('Wat werd er gezegd?')),
    );
    expect((within(form).getByLabelText('Wat werd er gezegd?') as HTMLTextAreaElement).value).toBe(
      '',
    );
  });

  it('says what is missing before sending anything', async () => {
    const { calls } = server(() => meeting());
    renderPage();
    await screen.findByRole('heading', { level: 1 });
    const inTheWay = part(/^Wat zat in de weg/);
    fireEvent.click(within(inTheWay).getByRole('button', { name: /^Bijdrage toevoegen/ }));
    fireEvent.click(within(inTheWay).getByRole('button', { name: 'Bijdrage toevoegen' }));
    const speaker = await within(inTheWay).findByLabelText('Wie zei het?');
    expect(speaker.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (speaker.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');
    expect(describedBy).toContain('Kies wie het zei.');
    expect(within(inTheWay).getByRole('alert').textContent).toContain(
      'Schrijf op wat er gezegd is.',
    );
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('shows both versions when someone else changed the contribution, and saves the choice', async () => {
    const newer = { ...hindered, text: 'Negen maanden wachten op de jeugd-GGZ.', version: 2 };
    let current = meeting();
    const { calls } = server(
      () => current,
      (call) => {
        if (call.method !== 'PUT') return undefined;
        const body = call.body as { version: number };
        if (body.version === 1) {
          current = meeting({ contributions: [wentWell, newer] });
          return {
            status: 409,
            body: {
              error: {
                code: 'CONFLICT',
                message: 'Iemand anders heeft deze bijdrage intussen gewijzigd.',
              },
            },
          };
        }
        return { body: meeting({ contributions: [wentWell, { ...newer, version: 3 }] }) };
      },
    );
    renderPage();
    await screen.findByRole('heading', { level: 1 });
    const inTheWay = part(/^Wat zat in de weg/);
    fireEvent.click(
      within(inTheWay).getByRole('button', { name: /^Wijzigen ?: bijdrage van Professional$/ }),
    );
    const text = within(inTheWay).getByLabelText('Wat werd er gezegd?');
    fireEvent.change(text, { target: { value: 'Acht maanden wachten, en niemand belde.' } });
    fireEvent.click(within(inTheWay).getByRole('button', { name: 'Bijdrage opslaan' }));

    const heading = await within(inTheWay).findByRole('heading', {
      name: 'Iemand anders heeft dit intussen gewijzigd',
    });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const field = within(inTheWay).getByRole('group', { name: 'Wat werd er gezegd?' });
    expect(
      within(field).getByRole('radio', {
        name: 'Jouw versie: Acht maanden wachten, en niemand belde.',
      }),
    ).toHaveProperty('checked', true);
    const theirs = within(field).getByRole('radio', {
      name: 'Huidige versie: Negen maanden wachten op de jeugd-GGZ.',
    });
    // Only the fields that differ.
    expect(
      within(inTheWay)
        .getAllByRole('group')
        .map((g) => g.querySelector('legend')?.textContent),
    ).toEqual(['Wat werd er gezegd?']);
    fireEvent.click(theirs);
    fireEvent.click(within(inTheWay).getByRole('button', { name: 'Opslaan met deze keuzes' }));

    await within(inTheWay).findByText('De bijdrage is opgeslagen bij ‘Wat zat in de weg’.');
    const puts = calls.filter((c) => c.method === 'PUT');
    expect(puts.map((c) => c.body)).toEqual([
      {
        part: 'hindered',
        text: 'Acht maanden wachten, en niemand belde.',
        speakerRole: 'professional',
        attendeeId: null,
        timelineItemId: null,
        version: 1,
      },
      {
        part: 'hindered',
        text: 'Negen maanden wachten op de jeugd-GGZ.',
        speakerRole: 'professional',
        attendeeId: null,
        timelineItemId: null,
        version: 2,
      },
    ]);
  });

  it('shows no forms to someone who may only read the meeting', async () => {
    server(() => meeting({ abilities: { edit: false, report: true } }));
    renderPage();
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('button', { name: /^Bijdrage toevoegen/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Wijzigen/ })).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(
      screen.getByRole('link', { name: 'Verslag downloaden (PDF)' }).getAttribute('href'),
    ).toBe(`${meetingPath}/report.pdf`);
  });
});
