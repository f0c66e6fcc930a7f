// @vitest-environment happy-dom
// Opening a case: only the user's own teams are offered (member=me), what is sent (the team
// decides the programme), the server's field errors at
// their fields and in the focused error summary, "not your team" said at the team field, and
// the case page opened after saving.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  descriptionOf,
  renderWithProviders,
  stubFetch,
  type FetchCall,
} from '../../testing/render';
import { CaseNewPage } from './CaseNewPage';
import { caseServer, ids } from './test-data';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

type Answer = { status?: number; body?: unknown };

function server(onCreate: (call: FetchCall) => Answer) {
  return stubFetch(
    caseServer((call) =>
      call.method === 'POST' && call.url === '/api/cases' ? onCreate(call) : undefined,
    ),
  );
}

async function fillForm() {
  const team = screen.getByLabelText('Team') as HTMLSelectElement;
  await waitFor(() => expect(team.options.length).toBeGreaterThan(1));
  fireEvent.change(team, { target: { value: ids.teamNorth } });
  const type = screen.getByLabelText('Soort instelling') as HTMLSelectElement;
  await waitFor(() => expect(type.options.length).toBeGreaterThan(1));
  fireEvent.change(type, { target: { value: 'jeugdzorgplus' } });
  const region = screen.getByRole('combobox', { name: 'Jeugdregio' });
  fireEvent.change(region, { target: { value: 'Gooi' } });
  fireEvent.click(await screen.findByRole('option', { name: 'Gooi en Vechtstreek' }));
  fireEvent.change(screen.getByLabelText('Geboortejaar'), { target: { value: '2012' } });
  fireEvent.click(screen.getByRole('button', { name: 'Casus openen' }));
}

function renderPage() {
  return renderWithProviders(<CaseNewPage />, {
    route: '/cases/new',
    path: '/cases/new',
    routes: [{ path: '/cases/:id', element: <p>case page</p> }],
  });
}

describe('CaseNewPage', () => {
  it('sends the case with the programme of the chosen team and opens the case page', async () => {
    const { calls } = server(() => ({ status: 201, body: { id: ids.case } }));
    renderPage();
    await fillForm();
    expect(await screen.findByText('case page')).toBeTruthy();
    // Only the user's own teams are offered.
    const teamCalls = calls.filter((c) => c.url.startsWith('/api/teams'));
    expect(teamCalls.length).toBeGreaterThan(0);
    expect(
      teamCalls.every((c) => new URL(c.url, 'http://x').searchParams.get('member') === 'me'),
    ).toBe(true);
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      programmeId: ids.programme,
      teamId: ids.teamNorth,
      institutionType: 'jeugdzorgplus',
      regionCode: 'JZ05',
      birthYear: 2012,
      gender: null,
    });
  });

  it('shows the server field errors at their fields and in a focused summary', async () => {
    server(() => ({
      status: 400,
      body: {
        error: {
          code: 'INVALID_INPUT',
          message: 'Niet alle velden zijn goed ingevuld.',
          details: {
            fields: [
              { path: 'birthYear', message: 'Een geboortejaar vóór 1996 past niet bij jeugdhulp' },
              { path: 'teamId', message: 'Dit team bestaat niet of is gearchiveerd.' },
            ],
          },
        },
      },
    }));
    renderPage();
    await fillForm();

    const birthYear = screen.getByLabelText('Geboortejaar');
    await waitFor(() => expect(birthYear.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(birthYear)).toContain(
      'Een geboortejaar vóór 1996 past niet bij jeugdhulp',
    );
    expect(descriptionOf(screen.getByLabelText('Team'))).toContain(
      'Dit team bestaat niet of is gearchiveerd.',
    );
    const summary = screen.getByRole('alert');
    expect(document.activeElement).toBe(summary);
    // In form order: the team before the birth year, each linking to its field.
    const links = screen.getAllByRole('link', { name: /team|geboortejaar/i });
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '#case-teamId',
      '#case-birthYear',
    ]);
    expect((birthYear as HTMLInputElement).value).toBe('2012');
  });

  it('says at the team field when the user is not in that team', async () => {
    server(() => ({
      status: 404,
      body: {
        error: { code: 'NOT_FOUND', message: 'Dit bestaat niet, of je hebt er geen toegang toe.' },
      },
    }));
    renderPage();
    await fillForm();
    const team = screen.getByLabelText('Team');
    await waitFor(() => expect(team.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(team)).toContain('Je zit niet in dit team.');
  });

  it('checks the fields before sending', async () => {
    const { calls } = server(() => ({ status: 500 }));
    renderPage();
    fireEvent.change(screen.getByLabelText('Geboortejaar'), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Casus openen' }));
    expect(descriptionOf(screen.getByLabelText('Team'))).toContain('Kies een team.');
    expect(descriptionOf(screen.getByRole('combobox', { name: 'Jeugdregio' }))).toContain(
      'Kies een jeugdregio uit de lijst.',
    );
    expect(descriptionOf(screen.getByLabelText('Geboortejaar'))).toContain('4 cijfers');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('narrows the teams to the chosen programme', async () => {
    server(() => ({ status: 500 }));
    renderPage();
    const team = screen.getByLabelText('Team') as HTMLSelectElement;
    await waitFor(() => expect(team.options.length).toBe(3));
    expect(team.options[1]?.textContent).toBe('Team Noord (Actieleren Gooi 2026)');
    const programme = screen.getByLabelText('Programma') as HTMLSelectElement;
    await waitFor(() => expect(programme.options.length).toBe(2));
    fireEvent.change(programme, { target: { value: ids.programme } });
    expect(team.options[1]?.textContent).toBe('Team Noord');
  });
});
