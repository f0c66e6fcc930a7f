// @vitest-environment happy-dom
// The registration form: errors found before sending (a future date, a name as reference, no
// problem area, days waiting negative) are summarised and nothing is sent; a complete form sends
// the registration with the codes of the chosen list entries.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { RegistrationPage } from './RegistrationPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const tableId = '00000000-0000-4000-8000-0000000000a1';
const regions = {
  items: [
    {
      code: 'JZ16',
      name: 'Gooi en Vechtstreek',
      tables: [{ id: tableId, name: 'Team Toegang', kind: 'team_toegang', isArchived: false }],
      abilities: { register: true, report: true },
    },
  ],
  abilities: { manage: false },
};
const lists = {
  lists: [
    {
      list: 'problem_area',
      entries: [
        { code: 'behaviour', label: 'Gedragsproblemen', isArchived: false },
        { code: 'trauma', label: 'Trauma', isArchived: true },
      ],
    },
    {
      list: 'question_type',
      entries: [{ code: 'treatment', label: 'Behandeling', isArchived: false }],
    },
  ],
  abilities: { manage: false },
};

function renderForm() {
  const stub = stubFetch((call) => {
    if (call.url === '/api/access-regions') return { body: regions };
    if (call.url === '/api/monitoring-lists') return { body: lists };
    return { status: 201, body: {} };
  });
  renderWithProviders(<RegistrationPage />, {
    route: '/toegangstafels/JZ16/registraties/nieuw',
    path: '/toegangstafels/:region/registraties/nieuw',
  });
  return stub;
}

const posts = (calls: { method: string }[]) => calls.filter((c) => c.method === 'POST');

describe('RegistrationPage', () => {
  it('refuses a future date, a name as reference, no problem area and negative days, sending nothing', async () => {
    const { calls } = renderForm();
    await screen.findByRole('heading', { level: 1, name: 'Nieuwe registratie' });
    await screen.findByLabelText('Gedragsproblemen');
    // Archived entries are not offered on a new registration.
    expect(screen.queryByLabelText('Trauma')).toBeNull();
    fireEvent.change(screen.getByLabelText('Datum van bespreking'), {
      target: { value: '2999-01-01' },
    });
    fireEvent.change(screen.getByLabelText(/^Referentie van de tafel/), {
      target: { value: 'Jan Jansen' },
    });
    fireEvent.change(screen.getByLabelText('Wachtdagen'), { target: { value: '-3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Registratie opslaan' }));
    await screen.findAllByText('De datum van bespreking kan niet in de toekomst liggen');
    expect(screen.getAllByText(/Geen namen\.$/).length).toBeGreaterThan(0);
    expect(screen.getAllByText('Kies minstens één probleemgebied').length).toBeGreaterThan(0);
    expect(screen.getAllByText(/Vul het aantal wachtdagen in/).length).toBeGreaterThan(0);
    expect(posts(calls)).toHaveLength(0);
  });

  it('sends a complete registration with list codes', async () => {
    const { calls } = renderForm();
    await screen.findByLabelText('Gedragsproblemen');
    fireEvent.change(screen.getByLabelText('Datum van bespreking'), {
      target: { value: '2026-01-10' },
    });
    fireEvent.change(screen.getByLabelText(/^Referentie van de tafel/), {
      target: { value: 'TT-2026-001' },
    });
    fireEvent.change(screen.getByLabelText('Verwijzend gebiedsteam'), {
      target: { value: 'Gebiedsteam Noord' },
    });
    fireEvent.click(screen.getByLabelText('12-15 jaar'));
    fireEvent.click(screen.getByLabelText('Gedragsproblemen'));
    fireEvent.change(screen.getByLabelText('Soort vraag'), { target: { value: 'treatment' } });
    fireEvent.click(screen.getAllByLabelText('Ja')[0]!);
    fireEvent.click(screen.getByLabelText('Passende hulp gevonden'));
    fireEvent.change(screen.getByLabelText('Wachtdagen'), { target: { value: '12' } });
    fireEvent.click(screen.getAllByLabelText('Nee').at(-1)!);
    fireEvent.click(screen.getByRole('button', { name: 'Registratie opslaan' }));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]).toMatchObject({
      url: '/api/access-regions/JZ16/registrations',
      body: {
        tableId,
        reference: 'TT-2026-001',
        ageBand: '12-15',
        problemAreas: ['behaviour'],
        questionType: 'treatment',
        informationSufficient: 'yes',
        outcome: 'fitting_help',
        daysWaiting: 12,
        hasExplanatoryAnalysis: false,
      },
    });
  });
});
